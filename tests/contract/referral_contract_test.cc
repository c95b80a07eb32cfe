// The referral repository on both backends: referrals stored with their
// persons and a "propose" history entry, transitions written over the
// current state with an append-only history and a version check, lists by
// household and by receiving or sending organisation, confined to their
// tenant, refused whole on a bad reference; accepted referrals reach the
// household's access facts; every write moves the tenant's change counter.
#include <string>
#include <vector>

#include "contract_fixture.h"
#include "core/casework/referral.h"

namespace regie::testing {
namespace {

// Tenant A: household Haddad (Amina, Omar; regisseur A), household Tesfay
// (Yonas). Tenant B: household Bosch. org_a1_ is the municipality, org_a2_
// the GGD.
class ReferralContract : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto tx = Write();
    household_ = tx->Households().Create(tenant_a_, Household("Haddad"), T(1))->id;
    amina_ = tx->Persons().Create(tenant_a_, household_, Person("Amina", "Haddad"), T(1))->id;
    omar_ = tx->Persons().Create(tenant_a_, household_, Person("Omar", "Haddad"), T(1))->id;
    other_household_ = tx->Households().Create(tenant_a_, Household("Tesfay"), T(1))->id;
    yonas_ = tx->Persons().Create(tenant_a_, other_household_, Person("Yonas", "Tesfay"), T(1))->id;
    household_b_ =
        tx->Households().Create(tenant_b_, Household("Bosch", {}, regisseur_b_), T(1))->id;
    ASSERT_TRUE(tx->Commit().ok());
  }

  core::Referral New(int64_t household, std::vector<int64_t> persons, int64_t at = 100) const {
    core::ReferralData d{.household_id = household,
                         .person_ids = std::move(persons),
                         .to_organisation_id = org_a2_,
                         .reason = "Intake GGD.\nKlachten sinds de verhuizing.",
                         .package = {core::DataCategory::kBasis, core::DataCategory::kGezondheid},
                         .template_code = "ggd_intake",
                         .checklist = {"Reden besproken", "Toestemming vastgelegd"}};
    return core::NewReferral(tenant_a_, std::move(d), org_a1_, regisseur_a_, T(at));
  }

  StatusOr<core::Referral> Create(const core::Referral& r) {
    auto tx = Write();
    auto stored = tx->Referrals().Create(r);
    if (stored.ok()) {
      EXPECT_TRUE(tx->Commit().ok());
    }
    return stored;
  }

  Status Apply(const core::Referral& from, core::ReferralAction action, std::string note = "",
               int64_t at = 200) {
    auto applied = core::ApplyReferralTransition(
        from, {.action = action, .by_user = regisseur_a_, .at = T(at), .note = std::move(note)});
    if (!applied.ok()) return applied.status();
    auto tx = Write();
    Status s = tx->Referrals().Apply(applied->referral, applied->event);
    if (s.ok()) {
      EXPECT_TRUE(tx->Commit().ok());
    }
    return s;
  }

  std::vector<int64_t> Ids(const StatusOr<std::vector<core::Referral>>& list) {
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    std::vector<int64_t> out;
    if (list.ok())
      for (const core::Referral& r : *list) out.push_back(r.id);
    return out;
  }

  int64_t household_ = 0, other_household_ = 0, household_b_ = 0;
  int64_t amina_ = 0, omar_ = 0, yonas_ = 0;
};

TEST_P(ReferralContract, CreateGetAndHistoryRoundTrip) {
  auto created = Create(New(household_, {omar_, amina_}));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  auto got = Read()->Referrals().Get(tenant_a_, created->id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  const core::Referral& r = *got;
  EXPECT_EQ(r.tenant_id, tenant_a_);
  EXPECT_EQ(r.data.household_id, household_);
  EXPECT_EQ(r.data.person_ids,
            (std::vector<int64_t>{std::min(amina_, omar_), std::max(amina_, omar_)}));
  EXPECT_EQ(r.data.to_organisation_id, org_a2_);
  EXPECT_EQ(r.from_organisation_id, org_a1_);
  EXPECT_EQ(r.created_by, regisseur_a_);
  EXPECT_EQ(r.created_at, T(100));
  EXPECT_EQ(r.data.reason, "Intake GGD.\nKlachten sinds de verhuizing.");
  EXPECT_EQ(r.data.package,
            (core::CategorySet{core::DataCategory::kBasis, core::DataCategory::kGezondheid}));
  EXPECT_EQ(r.data.template_code, "ggd_intake");
  EXPECT_EQ(r.data.checklist,
            (std::vector<std::string>{"Reden besproken", "Toestemming vastgelegd"}));
  EXPECT_EQ(r.respond_by, T(100).ToDate().AddDays(core::kDefaultResponseDays));
  EXPECT_EQ(r.data.retention_days, core::kDefaultReferralRetentionDays);
  EXPECT_EQ(r.state, core::ReferralState::kVoorgesteld);
  EXPECT_FALSE(r.decided_at.has_value());
  EXPECT_EQ(r.version, 1);
  auto history = Read()->Referrals().History(tenant_a_, r.id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1U);
  EXPECT_EQ((*history)[0].action, core::ReferralAction::kPropose);
  EXPECT_FALSE((*history)[0].from_state.has_value());
  EXPECT_EQ((*history)[0].by_user, regisseur_a_);
  EXPECT_EQ(Read()->Referrals().Get(tenant_b_, r.id).status().reason(), "referral_not_found");
  EXPECT_EQ(Read()->Referrals().History(tenant_b_, r.id).status().reason(), "referral_not_found");
}

TEST_P(ReferralContract, TransitionsOverwriteStateAndTheStaleOneLoses) {
  core::Referral r = *Create(New(household_, {amina_}));
  ASSERT_TRUE(Apply(r, core::ReferralAction::kAccept, "Intake gepland").ok());
  core::Referral accepted = *Read()->Referrals().Get(tenant_a_, r.id);
  EXPECT_EQ(accepted.state, core::ReferralState::kGeaccepteerd);
  EXPECT_EQ(accepted.decided_at, T(200));
  EXPECT_EQ(accepted.decided_by, regisseur_a_);
  EXPECT_EQ(accepted.decision_note, "Intake gepland");
  EXPECT_EQ(accepted.version, 2);
  // A withdrawal decided on the first version loses: exactly one wins.
  EXPECT_EQ(Apply(r, core::ReferralAction::kWithdraw, "Niet meer nodig").reason(),
            "version_conflict");
  ASSERT_TRUE(Apply(accepted, core::ReferralAction::kComplete, "Afgerond", 300).ok());
  core::Referral done = *Read()->Referrals().Get(tenant_a_, r.id);
  EXPECT_EQ(done.state, core::ReferralState::kAfgerond);
  EXPECT_EQ(done.completed_at, T(300));
  EXPECT_EQ(done.completion_note, "Afgerond");
  EXPECT_EQ(done.decision_note, "Intake gepland");
  auto history = *Read()->Referrals().History(tenant_a_, r.id);
  ASSERT_EQ(history.size(), 3U);
  EXPECT_EQ(history[1].action, core::ReferralAction::kAccept);
  EXPECT_EQ(history[2].from_state, core::ReferralState::kGeaccepteerd);
  EXPECT_EQ(history[2].to_state, core::ReferralState::kAfgerond);
}

TEST_P(ReferralContract, ListsByHouseholdAndOrganisation) {
  const int64_t first = Create(New(household_, {amina_}, 100))->id;
  const int64_t second = Create(New(household_, {omar_}, 300))->id;
  const int64_t third = Create(New(other_household_, {yonas_}, 200))->id;
  EXPECT_EQ(Ids(Read()->Referrals().ListByHousehold(tenant_a_, household_)),
            (std::vector<int64_t>{second, first}));
  EXPECT_EQ(Read()->Referrals().ListByHousehold(tenant_b_, household_).status().reason(),
            "household_not_found");
  EXPECT_EQ(Ids(Read()->Referrals().ListForOrganisation(tenant_a_, org_a2_, true, false)),
            (std::vector<int64_t>{second, third, first}));
  EXPECT_TRUE(
      Ids(Read()->Referrals().ListForOrganisation(tenant_a_, org_a2_, false, false)).empty());
  EXPECT_EQ(Ids(Read()->Referrals().ListForOrganisation(tenant_a_, org_a1_, false, false)),
            (std::vector<int64_t>{second, third, first}));
  EXPECT_TRUE(
      Ids(Read()->Referrals().ListForOrganisation(tenant_b_, org_a2_, true, false)).empty());
  core::Referral r = *Read()->Referrals().Get(tenant_a_, first);
  ASSERT_TRUE(Apply(r, core::ReferralAction::kReject, "Geen capaciteit").ok());
  EXPECT_EQ(Ids(Read()->Referrals().ListForOrganisation(tenant_a_, org_a2_, true, true)),
            (std::vector<int64_t>{second, third}));
}

TEST_P(ReferralContract, AcceptedReferralsReachTheAccessFacts) {
  core::Referral r = *Create(New(household_, {amina_, omar_}));
  ASSERT_TRUE(Create(New(household_, {amina_})).ok());  // stays voorgesteld: gives nothing
  auto facts = Read()->Access().Facts(tenant_a_, household_, regisseur_a_);
  ASSERT_TRUE(facts.ok());
  EXPECT_TRUE(facts->referrals.empty());
  ASSERT_TRUE(Apply(r, core::ReferralAction::kAccept).ok());
  facts = Read()->Access().Facts(tenant_a_, household_, regisseur_a_);
  ASSERT_TRUE(facts.ok());
  ASSERT_EQ(facts->referrals.size(), 1U);
  const core::ReferralGrant& g = facts->referrals[0];
  EXPECT_EQ(g.referral_id, r.id);
  EXPECT_EQ(g.organisation_id, org_a2_);
  EXPECT_EQ(g.person_ids, (std::vector<int64_t>{std::min(amina_, omar_), std::max(amina_, omar_)}));
  EXPECT_EQ(g.package,
            (core::CategorySet{core::DataCategory::kBasis, core::DataCategory::kGezondheid}));
  EXPECT_FALSE(g.completed_at.has_value());
  EXPECT_EQ(g.retention_days, core::kDefaultReferralRetentionDays);
  EXPECT_TRUE(Read()->Access().Facts(tenant_a_, other_household_, regisseur_a_)->referrals.empty());
}

TEST_P(ReferralContract, BadReferencesRefuseTheWholeReferral) {
  core::Referral r = New(household_, {amina_, yonas_});
  r.data.to_organisation_id = org_b1_;  // serves tenant B only
  r.from_organisation_id = org_a2_;     // not the creator's organisation
  auto created = Create(r);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().reason(), "validation_failed");
  std::vector<std::string> fields;
  for (const FieldError& e : created.status().field_errors())
    fields.push_back(e.field + ":" + e.code);
  EXPECT_EQ(fields, (std::vector<std::string>{"person_ids/1:invalid_reference",
                                              "to_organisation_id:invalid_reference",
                                              "created_by:invalid_reference"}));
  EXPECT_EQ(Create(New(household_b_, {})).status().reason(), "household_not_found");
  {
    auto tx = Write();
    ASSERT_TRUE(tx->Referrals().Create(New(household_, {amina_})).ok());
  }  // rolled back
  EXPECT_TRUE(Ids(Read()->Referrals().ListByHousehold(tenant_a_, household_)).empty());
}

TEST_P(ReferralContract, WritesMoveTheChangeCounterAndHistoryIsAppendOnly) {
  const int64_t before = *Read()->Tenants().ChangeCount(tenant_a_);
  const int64_t other_before = *Read()->Tenants().ChangeCount(tenant_b_);
  core::Referral r = *Create(New(household_, {amina_}));
  const int64_t created = *Read()->Tenants().ChangeCount(tenant_a_);
  EXPECT_GT(created, before);
  ASSERT_TRUE(Apply(r, core::ReferralAction::kWithdraw).ok());
  EXPECT_GT(*Read()->Tenants().ChangeCount(tenant_a_), created);
  // Another tenant's cached answers stay valid.
  EXPECT_EQ(*Read()->Tenants().ChangeCount(tenant_b_), other_before);
  EXPECT_FALSE(test_db_->RunSql("UPDATE referral_history SET note = 'x'").ok());
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM referral_history").ok());
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM referrals").ok());
  EXPECT_FALSE(test_db_->RunSql("UPDATE referral_persons SET person_id = 0").ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, ReferralContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
