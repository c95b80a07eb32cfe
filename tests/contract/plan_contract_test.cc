// The plan repository on both backends: versions stored whole and read back
// in order, a stale or concurrent save refused without a trace, old
// versions immutable, agreements append-only, and due actions found by
// responsible organisation, user and household.
#include <atomic>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "contract_fixture.h"
#include "storage/sqlite/migrations.h"

namespace regie::testing {
namespace {

class PlanContract : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto tx = Write();
    household_ = tx->Households().Create(tenant_a_, Household("Haddad"), T(1))->id;
    amina_ = tx->Persons().Create(tenant_a_, household_, Person("Amina", "Haddad"), T(1))->id;
    other_ = tx->Households().Create(tenant_a_, Household("Tesfay"), T(1))->id;
    yonas_ = tx->Persons().Create(tenant_a_, other_, Person("Yonas", "Tesfay"), T(1))->id;
    worker_ = tx->Users().Create(User("ggd1@gm0523", "Gerda GGD", org_a2_), T(0))->id;
    ASSERT_TRUE(tx->Commit().ok());
  }

  core::PlanGoal Goal(int64_t key, int64_t person, const char* due, int64_t org,
                      std::optional<int64_t> user = std::nullopt) const {
    return {.key = key,
            .person_id = person,
            .domain = "zorg_gezondheid",
            .text = "Huisarts gevonden " + std::to_string(key),
            .target_date = D("2027-01-01"),
            .status = core::GoalStatus::kLoopt,
            .actions = {{.key = key + 1,
                         .text = "Inschrijven bij huisarts",
                         .organisation_id = org,
                         .user_id = user,
                         .due_date = D(due),
                         .status = core::ActionStatus::kOpen},
                        {.key = key + 2,
                         .text = "Intake GGD",
                         .organisation_id = org,
                         .due_date = D(due),
                         .status = core::ActionStatus::kGereed,
                         .result = "Gedaan"}}};
  }

  core::Plan PlanOf(int64_t household, int64_t version, std::vector<core::PlanGoal> goals) const {
    return {.tenant_id = tenant_a_,
            .household_id = household,
            .version = version,
            .saved_at = T(10 * version),
            .saved_by = regisseur_a_,
            .next_key = 100,
            .goals = std::move(goals)};
  }

  Status Save(const core::Plan& plan) {
    auto tx = Write();
    auto stored = tx->Plans().Save(plan);
    if (!stored.ok()) return stored.status();
    return tx->Commit();
  }

  int64_t household_ = 0, amina_ = 0, other_ = 0, yonas_ = 0, worker_ = 0;
};

TEST_P(PlanContract, NoPlanIsVersionZero) {
  auto plan = Read()->Plans().Get(tenant_a_, household_, 0);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->version, 0);
  EXPECT_TRUE(plan->goals.empty());
  EXPECT_EQ(*Write()->Plans().LockCurrentVersion(tenant_a_, household_), 0);
  EXPECT_EQ(Read()->Plans().Get(tenant_a_, household_, 1).status().reason(),
            "plan_version_not_found");
  EXPECT_EQ(Read()->Plans().Get(tenant_b_, household_, 0).status().reason(), "household_not_found");
}

TEST_P(PlanContract, VersionsRoundTripAndStayReadable) {
  core::Plan v1 = PlanOf(household_, 1, {Goal(1, amina_, "2026-12-01", org_a2_, worker_)});
  ASSERT_TRUE(Save(v1).ok());
  core::Plan v2 = PlanOf(household_, 2, {Goal(10, amina_, "2026-12-05", org_a1_), v1.goals[0]});
  v2.goals[1].actions[0].status = core::ActionStatus::kLoopt;
  ASSERT_TRUE(Save(v2).ok());

  auto r = Read();
  auto current = *r->Plans().Get(tenant_a_, household_, 0);
  EXPECT_EQ(current.version, 2);
  EXPECT_EQ(current.saved_by, regisseur_a_);
  EXPECT_EQ(current.saved_at, T(20));
  EXPECT_EQ(current.next_key, 100);
  EXPECT_EQ(current.goals, v2.goals);  // order, fields and optional user kept
  EXPECT_EQ((*r->Plans().Get(tenant_a_, household_, 1)).goals, v1.goals);
  auto versions = *r->Plans().ListVersions(tenant_a_, household_);
  ASSERT_EQ(versions.size(), 2U);
  EXPECT_EQ(versions[0].version, 2);
  EXPECT_EQ(versions[0].goal_count, 2);
  EXPECT_EQ(versions[1].version, 1);
  r.reset();
  EXPECT_EQ(*Write()->Plans().LockCurrentVersion(tenant_a_, household_), 2);
  // Stored versions are immutable.
  EXPECT_FALSE(test_db_->RunSql("UPDATE plan_goals SET text = 'x'").ok());
  EXPECT_FALSE(test_db_->RunSql("UPDATE plan_versions SET saved_by = saved_by").ok());
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM plan_versions").ok());
}

TEST_P(PlanContract, StaleSaveIsRefusedAndWritesNothing) {
  ASSERT_TRUE(Save(PlanOf(household_, 1, {Goal(1, amina_, "2026-12-01", org_a2_)})).ok());
  for (int64_t stale : {1, 3}) {  // a second version 1, or a skipped version
    Status s = Save(PlanOf(household_, stale, {}));
    EXPECT_EQ(s.code(), StatusCode::kConflict);
    EXPECT_EQ(s.reason(), "plan_version_conflict");
  }
  auto current = *Read()->Plans().Get(tenant_a_, household_, 0);
  EXPECT_EQ(current.version, 1);
  EXPECT_EQ(current.goals.size(), 1U);
  EXPECT_EQ(*test_db_->RunSql("SELECT count(*) FROM plan_versions"), std::vector<std::string>{"1"});
}

// Many writers of the same next version at once (the first save too):
// exactly one wins, the others get plan_version_conflict.
TEST_P(PlanContract, OneOfManyConcurrentSavesWins) {
  for (int64_t version : {1, 2}) {
    constexpr int kThreads = 6;
    std::atomic<int> won{0}, conflicts{0}, other{0};
    std::latch start(kThreads);
    std::vector<std::thread> pool;
    pool.reserve(kThreads);
    for (int t = 0; t < kThreads; ++t) {
      pool.emplace_back([&, t] {
        start.arrive_and_wait();
        auto tx = db().Begin(ports::TxMode::kWrite);
        if (!tx.ok()) {
          ++other;
          return;
        }
        Status s = (*tx)->Plans().LockCurrentVersion(tenant_a_, household_).status();
        if (s.ok())
          s = (*tx)
                  ->Plans()
                  .Save(PlanOf(household_, version,
                               {Goal(10 * (t + 1), amina_, "2026-12-01", org_a2_)}))
                  .status();
        if (s.ok()) s = (*tx)->Commit();
        if (s.ok())
          ++won;
        else if (s.reason() == "plan_version_conflict")
          ++conflicts;
        else
          ++other;
      });
    }
    for (auto& th : pool) th.join();
    EXPECT_EQ(won.load(), 1) << "version " << version;
    EXPECT_EQ(conflicts.load(), kThreads - 1);
    EXPECT_EQ(other.load(), 0);
    auto current = *Read()->Plans().Get(tenant_a_, household_, 0);
    EXPECT_EQ(current.version, version);
    EXPECT_EQ(current.goals.size(), 1U);
  }
}

TEST_P(PlanContract, AgreementsAreAppendOnlyAndNeedAnExistingVersion) {
  ASSERT_TRUE(Save(PlanOf(household_, 1, {})).ok());
  core::PlanAgreement a{.tenant_id = tenant_a_,
                        .household_id = household_,
                        .plan_version = 1,
                        .date = D("2026-11-20"),
                        .interpreter = true,
                        .language = "ar",
                        .signed_by = {amina_},
                        .recorded_by = regisseur_a_,
                        .recorded_at = T(50)};
  {
    auto tx = Write();
    auto stored = tx->Plans().AddAgreement(a);
    ASSERT_TRUE(stored.ok()) << stored.status().ToString();
    EXPECT_GT(stored->id, 0);
    core::PlanAgreement missing = a;
    missing.plan_version = 2;
    EXPECT_EQ(tx->Plans().AddAgreement(missing).status().reason(), "plan_version_not_found");
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto list = *Read()->Plans().ListAgreements(tenant_a_, household_);
  ASSERT_EQ(list.size(), 1U);
  EXPECT_EQ(list[0].plan_version, 1);
  EXPECT_EQ(list[0].date, D("2026-11-20"));
  EXPECT_TRUE(list[0].interpreter);
  EXPECT_EQ(list[0].language, "ar");
  EXPECT_EQ(list[0].signed_by, std::vector<int64_t>{amina_});
  EXPECT_EQ(list[0].recorded_at, T(50));
  EXPECT_TRUE(Read()->Plans().ListAgreements(tenant_a_, other_)->empty());
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM plan_agreements").ok());
}

TEST_P(PlanContract, DueActionsByOrganisationUserAndHousehold) {
  ASSERT_TRUE(Save(PlanOf(household_, 1, {Goal(1, amina_, "2026-11-01", org_a2_, worker_)})).ok());
  ASSERT_TRUE(Save(PlanOf(other_, 1, {Goal(1, yonas_, "2026-12-20", org_a2_)})).ok());
  auto r = Read();
  using ports::DueActionScope;
  auto org = *r->Plans().DueActions(tenant_a_, DueActionScope::kOrganisation, org_a2_,
                                    D("2026-12-31"), 100);
  ASSERT_EQ(org.size(), 2U);                   // the finished ("gereed") actions are not listed
  EXPECT_EQ(org[0].household_id, household_);  // earliest due first
  EXPECT_EQ(org[0].household_name, "Haddad");
  EXPECT_EQ(org[0].person_id, amina_);
  EXPECT_EQ(org[0].domain, "zorg_gezondheid");
  EXPECT_EQ(org[0].goal_key, 1);
  EXPECT_EQ(org[0].action.key, 2);
  EXPECT_EQ(org[0].action.user_id, worker_);
  EXPECT_EQ(org[1].household_id, other_);
  EXPECT_EQ(r->Plans()
                .DueActions(tenant_a_, DueActionScope::kOrganisation, org_a2_, D("2026-11-30"), 100)
                ->size(),
            1U);
  EXPECT_TRUE(r->Plans()
                  .DueActions(tenant_a_, DueActionScope::kOrganisation, org_a1_, D("2027-01-01"), 9)
                  ->empty());
  EXPECT_TRUE(r->Plans()
                  .DueActions(tenant_b_, DueActionScope::kOrganisation, org_a2_, D("2027-01-01"), 9)
                  ->empty());
  EXPECT_EQ(
      r->Plans().DueActions(tenant_a_, DueActionScope::kUser, worker_, D("2027-01-01"), 9)->size(),
      1U);
  EXPECT_EQ(r->Plans()
                .DueActions(tenant_a_, DueActionScope::kRegisseur, regisseur_a_, D("2027-01-01"), 9)
                ->size(),
            2U);
  EXPECT_EQ(r->Plans()
                .DueActions(tenant_a_, DueActionScope::kOrganisation, org_a2_, D("2027-01-01"), 1)
                ->size(),
            1U);
  r.reset();
  // A new version replaces the open actions: only the current version counts.
  core::Plan v2 = PlanOf(household_, 2, {Goal(1, amina_, "2026-11-01", org_a2_, worker_)});
  v2.goals[0].actions[0].status = core::ActionStatus::kVervallen;
  ASSERT_TRUE(Save(v2).ok());
  EXPECT_EQ(Read()
                ->Plans()
                .DueActions(tenant_a_, DueActionScope::kUser, worker_, D("2027-01-01"), 9)
                ->size(),
            0U);
}

TEST_P(PlanContract, FullyMigratedIncludingThePlansMigration) {
  EXPECT_EQ(*db().SchemaVersion(), LatestSchemaVersion());
  bool plans = false;
  for (const auto& m : storage::sqlite::Migrations()) plans |= m.version == 6 && m.name == "plans";
  EXPECT_TRUE(plans);
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
