// Relationships to a household on both backends: assignments, sharing
// bases, break-the-glass, and the complete facts the policy decides on.
#include <string>
#include <vector>

#include "contract_fixture.h"

namespace regie::testing {
namespace {

using ports::AssignmentKind;

// One household in tenant A with two members, and staff around it.
class AccessContract : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto tx = Write();
    begeleider_ =
        tx->Users()
            .Create(User("begeleider1@gm0523", "Bea Geleider", org_a1_, {core::Role::kBegeleider}),
                    T(0))
            ->id;
    partner_ =
        tx->Users()
            .Create(User("partner1@gm0523", "Piet GGD", org_a2_, {core::Role::kPartner}), T(0))
            ->id;
    household_ = tx->Households().Create(tenant_a_, Household("Haddad", {org_a2_}), T(1))->id;
    amina_ = tx->Persons().Create(tenant_a_, household_, Person("Amina", "Haddad"), T(1))->id;
    omar_ = tx->Persons().Create(tenant_a_, household_, Person("Omar", "Haddad"), T(1))->id;
    other_household_ = tx->Households().Create(tenant_a_, Household("Tesfay"), T(1))->id;
    yonas_ = tx->Persons().Create(tenant_a_, other_household_, Person("Yonas", "Tesfay"), T(1))->id;
    ASSERT_TRUE(tx->Commit().ok());
  }

  core::SharingBasis Basis(int64_t person, int64_t organisation) const {
    return {.tenant_id = tenant_a_,
            .person_id = person,
            .organisation_id = organisation,
            .categories = {core::DataCategory::kBasis, core::DataCategory::kGezondheid},
            .purpose = "Jeugdgezondheidszorg",
            .legal_basis = core::LegalBasis::kToestemming,
            .given = D("2025-05-01"),
            .expires = D("2026-05-01"),
            .recorded_by = regisseur_a_,
            .consent_text = "Formulier getekend op 1 mei"};
  }

  int64_t begeleider_ = 0, partner_ = 0, household_ = 0, amina_ = 0, omar_ = 0;
  int64_t other_household_ = 0, yonas_ = 0;
};

TEST_P(AccessContract, AssignmentsAreReplacedPerKind) {
  auto tx = Write();
  auto& access = tx->Access();
  ASSERT_TRUE(access
                  .SetAssignments(tenant_a_, household_, AssignmentKind::kBegeleider,
                                  {partner_, begeleider_, partner_})
                  .ok());
  ASSERT_TRUE(
      access.SetAssignments(tenant_a_, household_, AssignmentKind::kVrijwilliger, {partner_}).ok());
  auto facts = *access.Facts(tenant_a_, household_, begeleider_);
  EXPECT_EQ(facts.begeleider_ids, (std::vector<int64_t>{begeleider_, partner_}));
  EXPECT_EQ(facts.vrijwilliger_ids, std::vector<int64_t>{partner_});

  ASSERT_TRUE(
      access.SetAssignments(tenant_a_, household_, AssignmentKind::kBegeleider, {begeleider_})
          .ok());
  facts = *access.Facts(tenant_a_, household_, begeleider_);
  EXPECT_EQ(facts.begeleider_ids, std::vector<int64_t>{begeleider_});
  EXPECT_EQ(facts.vrijwilliger_ids, std::vector<int64_t>{partner_});  // the other kind stays
  ASSERT_TRUE(access.SetAssignments(tenant_a_, household_, AssignmentKind::kVrijwilliger, {}).ok());
  EXPECT_TRUE(access.Facts(tenant_a_, household_, begeleider_)->vrijwilliger_ids.empty());
  ASSERT_TRUE(tx->Commit().ok());
}

TEST_P(AccessContract, AssignmentsRefuseUsersOutsideTheTenantAndChangeNothing) {
  auto tx = Write();
  auto& access = tx->Access();
  ASSERT_TRUE(
      access.SetAssignments(tenant_a_, household_, AssignmentKind::kBegeleider, {begeleider_})
          .ok());
  Status refused = access.SetAssignments(tenant_a_, household_, AssignmentKind::kBegeleider,
                                         {partner_, regisseur_b_, 987654});
  EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.reason(), "validation_failed");
  EXPECT_EQ(refused.field_errors(),
            (std::vector<FieldError>{{"begeleiders/1", "invalid_reference"},
                                     {"begeleiders/2", "invalid_reference"}}));
  EXPECT_EQ(
      access.SetAssignments(tenant_a_, household_, AssignmentKind::kVrijwilliger, {regisseur_b_})
          .field_errors(),
      (std::vector<FieldError>{{"vrijwilligers/0", "invalid_reference"}}));
  EXPECT_EQ(access.SetAssignments(tenant_b_, household_, AssignmentKind::kBegeleider, {}).reason(),
            "household_not_found");
  EXPECT_EQ(access.SetAssignments(tenant_a_, 987654, AssignmentKind::kBegeleider, {}).reason(),
            "household_not_found");
  ASSERT_TRUE(tx->Households().Archive(tenant_a_, other_household_, 1, "verhuisd", T(2)).ok());
  EXPECT_EQ(
      access.SetAssignments(tenant_a_, other_household_, AssignmentKind::kBegeleider, {}).reason(),
      "household_archived");
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(Read()->Access().Facts(tenant_a_, household_, begeleider_)->begeleider_ids,
            std::vector<int64_t>{begeleider_});
}

TEST_P(AccessContract, SharingBasesAreRecordedListedAndWithdrawnOnce) {
  auto tx = Write();
  auto& access = tx->Access();
  auto created = access.CreateBasis(Basis(amina_, org_a2_), T(10));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(created->tenant_id, tenant_a_);
  EXPECT_EQ(created->person_id, amina_);
  EXPECT_EQ(created->organisation_id, org_a2_);
  EXPECT_EQ(created->categories,
            (core::CategorySet{core::DataCategory::kBasis, core::DataCategory::kGezondheid}));
  EXPECT_EQ(created->purpose, "Jeugdgezondheidszorg");
  EXPECT_EQ(created->legal_basis, core::LegalBasis::kToestemming);
  EXPECT_EQ(created->given, D("2025-05-01"));
  EXPECT_EQ(created->expires, D("2026-05-01"));
  EXPECT_FALSE(created->withdrawn_at.has_value());
  EXPECT_EQ(created->recorded_by, regisseur_a_);
  EXPECT_EQ(created->consent_text, "Formulier getekend op 1 mei");

  auto task = Basis(amina_, org_a1_);
  task.legal_basis = core::LegalBasis::kWettelijkeTaak;
  task.categories = {core::DataCategory::kInburgering};
  task.expires.reset();
  task.consent_text = "";
  auto second = *access.CreateBasis(task, T(11));
  EXPECT_FALSE(second.expires.has_value());
  ASSERT_TRUE(access.CreateBasis(Basis(omar_, org_a2_), T(12)).ok());

  auto of_amina = *access.BasesOfPerson(tenant_a_, amina_);
  ASSERT_EQ(of_amina.size(), 2u);
  EXPECT_EQ(of_amina[0].id, created->id);
  EXPECT_EQ(of_amina[1].legal_basis, core::LegalBasis::kWettelijkeTaak);
  EXPECT_TRUE(access.BasesOfPerson(tenant_a_, yonas_)->empty());

  auto withdrawn = access.WithdrawBasis(tenant_a_, created->id, T(500), regisseur_a_);
  ASSERT_TRUE(withdrawn.ok()) << withdrawn.status().ToString();
  EXPECT_EQ(withdrawn->withdrawn_at, T(500));
  EXPECT_FALSE(withdrawn->ActiveAt(T(500)));
  Status again = access.WithdrawBasis(tenant_a_, created->id, T(600), regisseur_a_).status();
  EXPECT_EQ(again.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(again.reason(), "already_withdrawn");
  EXPECT_EQ(access.GetBasis(tenant_a_, created->id)->withdrawn_at, T(500));
  ASSERT_TRUE(tx->Commit().ok());

  // Who withdrew it and when it was recorded are kept, though not in the model.
  auto stored = test_db_->RunSql(
      "SELECT withdrawn_by || ':' || created_at FROM sharing_bases "
      "WHERE id = " +
      std::to_string(created->id));
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(*stored, std::vector<std::string>{std::to_string(regisseur_a_) + ":10000000"});
}

TEST_P(AccessContract, SharingBasesKeepToTheirTenantAndReferences) {
  auto tx = Write();
  auto& access = tx->Access();
  auto basis = *access.CreateBasis(Basis(amina_, org_a2_), T(10));
  auto other_tenant = Basis(amina_, org_a2_);
  other_tenant.tenant_id = tenant_b_;
  EXPECT_EQ(access.CreateBasis(other_tenant, T(10)).status().reason(), "person_not_found");
  auto refused = access.CreateBasis(
      [&] {
        auto b = Basis(amina_, org_b1_);
        b.recorded_by = regisseur_b_;
        return b;
      }(),
      T(10));
  EXPECT_EQ(refused.status().reason(), "validation_failed");
  EXPECT_EQ(refused.status().field_errors(),
            (std::vector<FieldError>{{"organisation_id", "invalid_reference"},
                                     {"recorded_by", "invalid_reference"}}));
  EXPECT_EQ(access.GetBasis(tenant_b_, basis.id).status().reason(), "sharing_basis_not_found");
  EXPECT_EQ(access.GetBasis(tenant_a_, 987654).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(access.BasesOfPerson(tenant_b_, amina_).status().reason(), "person_not_found");
  EXPECT_EQ(access.WithdrawBasis(tenant_b_, basis.id, T(20), regisseur_b_).status().reason(),
            "sharing_basis_not_found");
  EXPECT_EQ(access.HouseholdOfPerson(tenant_a_, omar_).value(), household_);
  EXPECT_EQ(access.HouseholdOfPerson(tenant_b_, omar_).status().reason(), "person_not_found");
  // The refusals did not end the transaction.
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_FALSE(Read()->Access().GetBasis(tenant_a_, basis.id)->withdrawn_at.has_value());
}

TEST_P(AccessContract, FactsHoldEverythingThePolicyNeeds) {
  auto tx = Write();
  auto& access = tx->Access();
  ASSERT_TRUE(
      access.SetAssignments(tenant_a_, household_, AssignmentKind::kBegeleider, {begeleider_})
          .ok());
  ASSERT_TRUE(
      access.SetAssignments(tenant_a_, household_, AssignmentKind::kVrijwilliger, {partner_}).ok());
  auto active = *access.CreateBasis(Basis(amina_, org_a2_), T(10));
  auto withdrawn = *access.CreateBasis(Basis(omar_, org_a1_), T(10));
  ASSERT_TRUE(access.WithdrawBasis(tenant_a_, withdrawn.id, T(20), regisseur_a_).ok());
  auto expired_in = Basis(omar_, org_a2_);
  expired_in.given = D("2020-01-01");
  expired_in.expires = D("2021-01-01");
  auto expired = *access.CreateBasis(expired_in, T(10));
  ASSERT_TRUE(access.CreateBasis(Basis(yonas_, org_a2_), T(10)).ok());  // another household
  ASSERT_TRUE(access.OpenBreakGlass({partner_, household_, "spoed: crisis", T(100), T(200)}).ok());
  ASSERT_TRUE(access.OpenBreakGlass({partner_, household_, "spoed: weer", T(300), T(400)}).ok());
  ASSERT_TRUE(
      access.OpenBreakGlass({begeleider_, household_, "spoed: ander", T(100), T(200)}).ok());
  ASSERT_TRUE(access.OpenBreakGlass({partner_, other_household_, "spoed", T(100), T(200)}).ok());
  ASSERT_TRUE(tx->Commit().ok());

  auto facts = Read()->Access().Facts(tenant_a_, household_, partner_);
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  EXPECT_EQ(facts->tenant_id, tenant_a_);
  EXPECT_EQ(facts->household_id, household_);
  EXPECT_EQ(facts->regisseur_user_id, regisseur_a_);
  EXPECT_EQ(facts->begeleider_ids, std::vector<int64_t>{begeleider_});
  EXPECT_EQ(facts->vrijwilliger_ids, std::vector<int64_t>{partner_});
  EXPECT_EQ(facts->involved_organisations, std::vector<int64_t>{org_a2_});
  // Every basis of every member, whatever its state; none of other households.
  std::vector<int64_t> bases;
  for (const auto& b : facts->bases) bases.push_back(b.id);
  EXPECT_EQ(bases, (std::vector<int64_t>{active.id, withdrawn.id, expired.id}));
  EXPECT_TRUE(facts->bases[1].withdrawn_at.has_value());
  // Only this user's openings of this household, oldest first.
  ASSERT_EQ(facts->break_glass.size(), 2u);
  EXPECT_EQ(facts->break_glass[0].user_id, partner_);
  EXPECT_EQ(facts->break_glass[0].household_id, household_);
  EXPECT_EQ(facts->break_glass[0].reason, "spoed: crisis");
  EXPECT_EQ(facts->break_glass[0].opened_at, T(100));
  EXPECT_EQ(facts->break_glass[0].expires_at, T(200));
  EXPECT_EQ(facts->break_glass[1].reason, "spoed: weer");

  // The policy, fed these facts, opens the household to the partner.
  core::Principal partner{.user_id = partner_,
                          .organisation_id = org_a2_,
                          .tenant_ids = {tenant_a_},
                          .roles = {core::Role::kPartner}};
  const core::Timestamp june{int64_t{D("2025-06-01").days()} * 86'400'000'000};
  auto decision = core::DecideHousehold(partner, core::Action::kRead, *facts, june);
  EXPECT_TRUE(decision.allowed);
  EXPECT_EQ(decision.relationship, core::Relationship::kPartner);
  EXPECT_TRUE(core::PersonCategories(partner, decision, *facts, amina_, june)
                  .Has(core::DataCategory::kGezondheid));
  EXPECT_TRUE(core::PersonCategories(partner, decision, *facts, omar_, june).Empty());

  auto other_tenant = Read()->Access().Facts(tenant_b_, household_, partner_);
  EXPECT_EQ(other_tenant.status().reason(), "household_not_found");
  auto none = Read()->Access().Facts(tenant_a_, other_household_, regisseur_b_);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->begeleider_ids.empty());
  EXPECT_TRUE(none->involved_organisations.empty());
  EXPECT_TRUE(none->break_glass.empty());
}

TEST_P(AccessContract, BreakGlassNeedsAnExistingHouseholdAndUser) {
  auto tx = Write();
  EXPECT_EQ(tx->Access().OpenBreakGlass({partner_, 987654, "spoed", T(1), T(2)}).reason(),
            "household_not_found");
  EXPECT_EQ(tx->Access().OpenBreakGlass({987654, household_, "spoed", T(1), T(2)}).reason(),
            "user_not_found");
  ASSERT_TRUE(tx->Access().OpenBreakGlass({partner_, household_, "spoed", T(1), T(2)}).ok());
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(Read()->Access().Facts(tenant_a_, household_, partner_)->break_glass.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccessContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
