// The signal repository on both backends: signals stored with their persons
// and a "file" history entry, transitions written over the current state
// with an append-only history and a version check, lists by household, by
// routed organisation or reporter and by regisseur, confined to their
// tenant, and refused whole on a bad reference.
#include <string>
#include <vector>

#include "contract_fixture.h"
#include "core/casework/signal.h"

namespace regie::testing {
namespace {

// Tenant A: household Haddad (Amina, Omar; regisseur A), household Tesfay
// (Yonas; regisseur A). Tenant B: household Bosch.
class SignalContract : public ContractTest {
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

  core::Signal New(int64_t household, int64_t routed, std::vector<int64_t> persons = {},
                   int64_t at = 100) const {
    core::SignalData d{.household_id = household,
                       .person_ids = std::move(persons),
                       .category = core::SignalCategory::kGezondheid,
                       .urgency = core::SignalUrgency::kHoog,
                       .description = "Klaagt over pijn.\nGeen huisarts."};
    return core::NewSignal(tenant_a_, std::move(d), regisseur_a_, org_a1_, routed, T(at));
  }

  StatusOr<core::Signal> Create(const core::Signal& s) {
    auto tx = Write();
    auto stored = tx->Signals().Create(s);
    if (stored.ok()) {
      EXPECT_TRUE(tx->Commit().ok());
    }
    return stored;
  }

  Status Apply(const core::Signal& from, core::SignalAction action, std::string note = "",
               std::optional<int64_t> organisation = std::nullopt) {
    core::SignalTransition t{.action = action,
                             .by_user = regisseur_a_,
                             .at = T(200),
                             .organisation_id = organisation,
                             .note = std::move(note)};
    auto applied = core::ApplySignalTransition(from, t);
    if (!applied.ok()) return applied.status();
    auto tx = Write();
    Status s = tx->Signals().Apply(applied->signal, applied->event);
    if (s.ok()) {
      EXPECT_TRUE(tx->Commit().ok());
    }
    return s;
  }

  std::vector<int64_t> Ids(const StatusOr<std::vector<core::Signal>>& list) {
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    std::vector<int64_t> out;
    if (list.ok())
      for (const core::Signal& s : *list) out.push_back(s.id);
    return out;
  }

  int64_t household_ = 0, other_household_ = 0, household_b_ = 0;
  int64_t amina_ = 0, omar_ = 0, yonas_ = 0;
};

TEST_P(SignalContract, CreateGetAndHistoryRoundTrip) {
  auto created = Create(New(household_, org_a2_, {omar_, amina_}));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_GT(created->id, 0);
  auto got = Read()->Signals().Get(tenant_a_, created->id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  const core::Signal& s = *got;
  EXPECT_EQ(s.tenant_id, tenant_a_);
  EXPECT_EQ(s.data.household_id, household_);
  EXPECT_EQ(s.data.person_ids,
            (std::vector<int64_t>{std::min(amina_, omar_), std::max(amina_, omar_)}));
  EXPECT_EQ(s.data.category, core::SignalCategory::kGezondheid);
  EXPECT_EQ(s.data.urgency, core::SignalUrgency::kHoog);
  EXPECT_EQ(s.data.description, "Klaagt over pijn.\nGeen huisarts.");
  EXPECT_EQ(s.reporter_user_id, regisseur_a_);
  EXPECT_EQ(s.reporter_organisation_id, org_a1_);
  EXPECT_EQ(s.routed_organisation_id, org_a2_);
  EXPECT_EQ(s.state, core::SignalState::kIngediend);
  EXPECT_EQ(s.filed_at, T(100));
  EXPECT_EQ(s.acknowledge_due, T(100).ToDate().AddDays(1));
  EXPECT_FALSE(s.follow_up_due.has_value());
  EXPECT_FALSE(s.acknowledged_at.has_value());
  EXPECT_EQ(s.version, 1);
  auto history = Read()->Signals().History(tenant_a_, s.id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1U);
  EXPECT_EQ((*history)[0].action, core::SignalAction::kFile);
  EXPECT_FALSE((*history)[0].from_state.has_value());
  EXPECT_EQ((*history)[0].organisation_id, org_a2_);
  EXPECT_EQ((*history)[0].by_user, regisseur_a_);
  // Not visible from another tenant.
  EXPECT_EQ(Read()->Signals().Get(tenant_b_, s.id).status().reason(), "signal_not_found");
  EXPECT_EQ(Read()->Signals().History(tenant_b_, s.id).status().reason(), "signal_not_found");
}

TEST_P(SignalContract, TransitionsOverwriteStateAndAppendHistory) {
  core::Signal s = *Create(New(household_, org_a2_));
  ASSERT_TRUE(Apply(s, core::SignalAction::kAcknowledge).ok());
  core::Signal acked = *Read()->Signals().Get(tenant_a_, s.id);
  EXPECT_EQ(acked.state, core::SignalState::kInBehandeling);
  EXPECT_EQ(acked.follow_up_due, T(200).ToDate().AddDays(5));
  EXPECT_EQ(acked.acknowledged_at, T(200));
  EXPECT_EQ(acked.acknowledged_by, regisseur_a_);
  EXPECT_EQ(acked.version, 2);
  // A second transition from the stale first version loses.
  Status stale = Apply(s, core::SignalAction::kReroute, "Hoort bij Vluchtelingenwerk", org_a1_);
  EXPECT_EQ(stale.reason(), "version_conflict");
  ASSERT_TRUE(Apply(acked, core::SignalAction::kClose, "Huisarts gevonden.").ok());
  core::Signal closed = *Read()->Signals().Get(tenant_a_, s.id);
  EXPECT_EQ(closed.state, core::SignalState::kAfgehandeld);
  EXPECT_EQ(closed.result, "Huisarts gevonden.");
  EXPECT_EQ(closed.closed_by, regisseur_a_);
  EXPECT_EQ(closed.version, 3);
  auto history = *Read()->Signals().History(tenant_a_, s.id);
  ASSERT_EQ(history.size(), 3U);
  EXPECT_EQ(history[1].action, core::SignalAction::kAcknowledge);
  EXPECT_EQ(history[2].action, core::SignalAction::kClose);
  EXPECT_EQ(history[2].from_state, core::SignalState::kInBehandeling);
  EXPECT_EQ(history[2].note, "Huisarts gevonden.");
}

TEST_P(SignalContract, RerouteToAnotherTenantsOrganisationIsRefused) {
  core::Signal s = *Create(New(household_, org_a2_));
  Status r = Apply(s, core::SignalAction::kReroute, "Naar Dalfsen", org_b1_);
  ASSERT_EQ(r.reason(), "validation_failed");
  EXPECT_EQ(r.field_errors()[0].field, "organisation_id");
  EXPECT_EQ(Read()->Signals().Get(tenant_a_, s.id)->routed_organisation_id, org_a2_);
  ASSERT_TRUE(Apply(s, core::SignalAction::kReroute, "Hoort bij Vluchtelingenwerk", org_a1_).ok());
  EXPECT_EQ(Read()->Signals().Get(tenant_a_, s.id)->routed_organisation_id, org_a1_);
}

TEST_P(SignalContract, ListsByHouseholdOrganisationReporterAndRegisseur) {
  const int64_t first = Create(New(household_, org_a2_, {}, 100))->id;
  const int64_t second = Create(New(household_, org_a1_, {}, 300))->id;
  const int64_t third = Create(New(other_household_, org_a2_, {yonas_}, 200))->id;
  EXPECT_EQ(Ids(Read()->Signals().ListByHousehold(tenant_a_, household_)),
            (std::vector<int64_t>{second, first}));
  EXPECT_TRUE(Ids(Read()->Signals().ListByHousehold(tenant_a_, other_household_)).size() == 1);
  EXPECT_EQ(Read()->Signals().ListByHousehold(tenant_b_, household_).status().reason(),
            "household_not_found");
  // Routed to the GGD, or filed by someone else: the reporter id 0 matches nothing.
  EXPECT_EQ(Ids(Read()->Signals().ListForCaller(tenant_a_, org_a2_, 0, false)),
            (std::vector<int64_t>{third, first}));
  // Filed by the regisseur: all three, whatever the organisation.
  EXPECT_EQ(Ids(Read()->Signals().ListForCaller(tenant_a_, org_b1_, regisseur_a_, false)),
            (std::vector<int64_t>{second, third, first}));
  EXPECT_TRUE(
      Ids(Read()->Signals().ListForCaller(tenant_b_, org_a2_, regisseur_a_, false)).empty());
  // Only open ones.
  core::Signal s = *Read()->Signals().Get(tenant_a_, first);
  ASSERT_TRUE(Apply(s, core::SignalAction::kWithdraw, "Vergissing").ok());
  EXPECT_EQ(Ids(Read()->Signals().ListForCaller(tenant_a_, org_a2_, 0, true)),
            (std::vector<int64_t>{third}));
  EXPECT_EQ(Ids(Read()->Signals().ListOpenOfRegisseur(tenant_a_, regisseur_a_)),
            (std::vector<int64_t>{second, third}));
  EXPECT_TRUE(Ids(Read()->Signals().ListOpenOfRegisseur(tenant_a_, regisseur_b_)).empty());
}

TEST_P(SignalContract, BadReferencesRefuseTheWholeSignal) {
  core::Signal s = New(household_, org_b1_, {amina_, yonas_});
  s.reporter_organisation_id = org_a2_;  // not the reporter's organisation
  auto r = Create(s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "validation_failed");
  std::vector<std::string> fields;
  for (const FieldError& e : r.status().field_errors()) fields.push_back(e.field + ":" + e.code);
  EXPECT_EQ(fields, (std::vector<std::string>{"person_ids/1:invalid_reference",
                                              "organisation_id:invalid_reference",
                                              "reporter:invalid_reference"}));
  EXPECT_EQ(Create(New(household_b_, org_a2_)).status().reason(), "household_not_found");
  EXPECT_TRUE(Ids(Read()->Signals().ListByHousehold(tenant_a_, household_)).empty());
  {
    auto tx = Write();
    ASSERT_TRUE(tx->Signals().Create(New(household_, org_a2_)).ok());
  }  // rolled back
  EXPECT_TRUE(Ids(Read()->Signals().ListByHousehold(tenant_a_, household_)).empty());
}

// Migration 5 onto a version 4 database: the signal tables arrive empty;
// the history is append-only and signals are never deleted below the
// repositories too.
class SignalMigrationContract : public ::testing::TestWithParam<std::string> {};

TEST_P(SignalMigrationContract, VersionFourDataGainsSignalTables) {
  std::string skip, error;
  auto test_db = MakeTestDatabase(GetParam(), skip, error, {.schema_version = 4});
  if (!skip.empty()) GTEST_SKIP() << skip;
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_NE(test_db, nullptr);
  int64_t tenant = 0, household = 0, user = 0, org = 0;
  {
    auto tx = std::move(test_db->db().Begin(ports::TxMode::kWrite)).value();
    tenant = tx->Tenants().Create({"GM0148", "Dalfsen"})->id;
    org = tx->Organisations().Create(tenant, {"Gemeente", core::OrganisationKind::kGemeente})->id;
    user = tx->Users()
               .Create({.username = "r@gm0148",
                        .display_name = "R",
                        .organisation_id = org,
                        .roles = {core::Role::kRegisseur}},
                       core::Timestamp{1})
               ->id;
    household = tx->Households().Create(tenant, {"Bosch", user, {}}, core::Timestamp{1})->id;
    ASSERT_TRUE(tx->Commit().ok());
  }
  ASSERT_TRUE(test_db->db().Migrate().ok());
  EXPECT_GE(*test_db->db().SchemaVersion(), 5);
  EXPECT_EQ(*test_db->RunSql("SELECT count(*) FROM signals"), std::vector<std::string>{"0"});
  core::SignalData d{.household_id = household, .description = "Huur niet betaald."};
  core::Signal s = core::NewSignal(tenant, d, user, org, org, core::Timestamp{2});
  {
    auto tx = std::move(test_db->db().Begin(ports::TxMode::kWrite)).value();
    auto stored = tx->Signals().Create(s);
    ASSERT_TRUE(stored.ok()) << stored.status().ToString();
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_FALSE(test_db->RunSql("UPDATE signal_history SET note = 'x'").ok());
  EXPECT_FALSE(test_db->RunSql("DELETE FROM signal_history").ok());
  EXPECT_FALSE(test_db->RunSql("DELETE FROM signals").ok());
  EXPECT_EQ(*test_db->RunSql("SELECT count(*) FROM signal_history"), std::vector<std::string>{"1"});
}

INSTANTIATE_TEST_SUITE_P(Backends, SignalMigrationContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

INSTANTIATE_TEST_SUITE_P(Backends, SignalContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
