// The intake repository on both backends: versions stored whole (every
// part, the frame in columns) and read back, a stale or concurrent save
// refused without a trace, old versions immutable, the change counter
// raised, and persons of another tenant not found.
#include <atomic>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "contract_fixture.h"

namespace regie::testing {
namespace {

class IntakeContract : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto tx = Write();
    household_ = tx->Households().Create(tenant_a_, Household("Haddad"), T(1))->id;
    amina_ = tx->Persons().Create(tenant_a_, household_, Person("Amina", "Haddad"), T(1))->id;
    worker_ = tx->Users().Create(User("begeleider1@gm0523", "Bram Begeleider", org_a2_), T(0))->id;
    ASSERT_TRUE(tx->Commit().ok());
  }

  core::IntakeContent Content() const {
    core::IntakeContent c;
    c.intake_date = D("2025-04-20");
    c.participants = {{regisseur_a_, org_a1_}, {worker_, org_a2_}};
    c.interpreter = true;
    c.interpreter_language = "ar";
    c.domains = {{"wonen", "Eengezinswoning", "Rust", "", "Handig"},
                 {"zorg_gezondheid", "Rugklachten", "", "Pijn", ""}};
    c.education = {{"SY", core::EducationLevel::kBeroeps, "Technische school", true, true}};
    c.work = {{"Lasser", "SY", 8, "MIG/MAG"}, {"Kok", "", 0, ""}};
    c.languages = {
        {"nl", core::LanguageSkill::kLezen, core::CefrLevel::kA1, D("2025-04-10"), "NOA"},
        {"en", core::LanguageSkill::kSpreken, core::CefrLevel::kB2, std::nullopt, ""}};
    c.learnability = core::Learnability{core::LearnabilityInstrument::kNoa, "hoog", std::nullopt};
    c.interests = "Voetbal";
    c.availability_dagdelen = 6;
    c.health_screening = {true, D("2025-03-01")};
    c.health_notes = "Chronische rugpijn";
    c.noa = {{core::NoaComponent::kPtss, "verhoogd", D("2025-04-10"), "doorverwezen"},
             {core::NoaComponent::kNederlandsToets, "A1", std::nullopt, ""}};
    return c;
  }

  core::Intake IntakeOf(int64_t version, core::IntakeContent content,
                        core::IntakeStatus status = core::IntakeStatus::kConcept) const {
    core::Intake i{.tenant_id = tenant_a_,
                   .person_id = amina_,
                   .version = version,
                   .status = status,
                   .content = std::move(content),
                   .recorded_by = regisseur_a_,
                   .saved_by = worker_,
                   .saved_at = T(10 * version)};
    if (status == core::IntakeStatus::kAfgerond) {
      i.finalised_at = T(10 * version);
      i.finalised_by = regisseur_a_;
    }
    return i;
  }

  Status Save(const core::Intake& intake) {
    auto tx = Write();
    auto stored = tx->Intakes().Save(intake);
    if (!stored.ok()) return stored.status();
    return tx->Commit();
  }

  int64_t household_ = 0, amina_ = 0, worker_ = 0;
};

TEST_P(IntakeContract, NoIntakeIsVersionZero) {
  auto intake = Read()->Intakes().Get(tenant_a_, amina_, 0);
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  EXPECT_EQ(intake->version, 0);
  EXPECT_EQ(intake->content, core::IntakeContent{});
  EXPECT_EQ(*Write()->Intakes().LockCurrentVersion(tenant_a_, amina_), 0);
  EXPECT_EQ(Read()->Intakes().Get(tenant_a_, amina_, 1).status().reason(),
            "intake_version_not_found");
  // A person of another tenant does not exist here.
  EXPECT_EQ(Read()->Intakes().Get(tenant_b_, amina_, 0).status().reason(), "person_not_found");
  EXPECT_EQ(Save(IntakeOf(1, Content())).ok(), true);
  core::Intake other = IntakeOf(2, Content());
  other.tenant_id = tenant_b_;
  EXPECT_EQ(Save(other).reason(), "person_not_found");
}

TEST_P(IntakeContract, VersionsRoundTripAndStayReadable) {
  ASSERT_TRUE(Save(IntakeOf(1, core::IntakeContent{.intake_date = D("2025-04-20")})).ok());
  ASSERT_TRUE(Save(IntakeOf(2, Content(), core::IntakeStatus::kAfgerond)).ok());
  auto r = Read();
  core::Intake current = *r->Intakes().Get(tenant_a_, amina_, 0);
  EXPECT_EQ(current.version, 2);
  EXPECT_EQ(current.status, core::IntakeStatus::kAfgerond);
  EXPECT_EQ(current.content, Content());  // every part, order and optionals kept
  EXPECT_EQ(current.recorded_by, regisseur_a_);
  EXPECT_EQ(current.saved_by, worker_);
  EXPECT_EQ(current.saved_at, T(20));
  EXPECT_EQ(current.finalised_at, std::optional<core::Timestamp>(T(20)));
  EXPECT_EQ(current.finalised_by, regisseur_a_);
  core::Intake first = *r->Intakes().Get(tenant_a_, amina_, 1);
  EXPECT_EQ(first.status, core::IntakeStatus::kConcept);
  EXPECT_FALSE(first.finalised_at.has_value());
  EXPECT_FALSE(first.content.interpreter);
  EXPECT_FALSE(first.content.interpreter_language.has_value());
  EXPECT_TRUE(first.content.domains.empty());
  auto versions = *r->Intakes().ListVersions(tenant_a_, amina_);
  ASSERT_EQ(versions.size(), 2U);
  EXPECT_EQ(versions[0].version, 2);
  EXPECT_EQ(versions[0].status, core::IntakeStatus::kAfgerond);
  EXPECT_EQ(versions[1].version, 1);
  r.reset();
  EXPECT_EQ(*Write()->Intakes().LockCurrentVersion(tenant_a_, amina_), 2);
  // Stored versions are immutable.
  EXPECT_FALSE(test_db_->RunSql("UPDATE intake_items SET value = 'x'").ok());
  EXPECT_FALSE(test_db_->RunSql("UPDATE intake_versions SET status = 'concept'").ok());
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM intake_versions").ok());
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM intake_items").ok());
}

TEST_P(IntakeContract, StaleSaveIsRefusedAndWritesNothing) {
  ASSERT_TRUE(Save(IntakeOf(1, Content())).ok());
  for (int64_t stale : {1, 3}) {  // a second version 1, or a skipped version
    Status s = Save(IntakeOf(stale, core::IntakeContent{.intake_date = D("2025-05-01")}));
    EXPECT_EQ(s.code(), StatusCode::kConflict);
    EXPECT_EQ(s.reason(), "intake_version_conflict");
  }
  core::Intake current = *Read()->Intakes().Get(tenant_a_, amina_, 0);
  EXPECT_EQ(current.version, 1);
  EXPECT_EQ(current.content, Content());
  EXPECT_EQ(*test_db_->RunSql("SELECT count(*) FROM intake_versions"),
            std::vector<std::string>{"1"});
}

// Many writers of the same next version at once (the first save too):
// exactly one wins, the others get intake_version_conflict.
TEST_P(IntakeContract, OneOfManyConcurrentSavesWins) {
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
        Status s = (*tx)->Intakes().LockCurrentVersion(tenant_a_, amina_).status();
        core::IntakeContent c = Content();
        c.interests = "writer " + std::to_string(t);
        if (s.ok()) s = (*tx)->Intakes().Save(IntakeOf(version, c)).status();
        if (s.ok()) s = (*tx)->Commit();
        if (s.ok())
          ++won;
        else if (s.reason() == "intake_version_conflict")
          ++conflicts;
        else
          ++other;
      });
    }
    for (auto& th : pool) th.join();
    EXPECT_EQ(won.load(), 1) << "version " << version;
    EXPECT_EQ(conflicts.load(), kThreads - 1);
    EXPECT_EQ(other.load(), 0);
    EXPECT_EQ(Read()->Intakes().Get(tenant_a_, amina_, 0)->version, version);
  }
}

TEST_P(IntakeContract, SavesRaiseTheChangeCounter) {
  const int64_t before = *Read()->Tenants().ChangeCount(tenant_a_);
  const int64_t other_before = *Read()->Tenants().ChangeCount(tenant_b_);
  ASSERT_TRUE(Save(IntakeOf(1, Content())).ok());
  const int64_t after_first = *Read()->Tenants().ChangeCount(tenant_a_);
  EXPECT_GT(after_first, before);
  ASSERT_TRUE(Save(IntakeOf(2, Content())).ok());
  EXPECT_GT(*Read()->Tenants().ChangeCount(tenant_a_), after_first);
  EXPECT_EQ(*Read()->Tenants().ChangeCount(tenant_b_), other_before);
  // A rolled-back save does not.
  const int64_t settled = *Read()->Tenants().ChangeCount(tenant_a_);
  {
    auto tx = Write();
    ASSERT_TRUE(tx->Intakes().Save(IntakeOf(3, Content())).ok());
  }
  EXPECT_EQ(*Read()->Tenants().ChangeCount(tenant_a_), settled);
}

INSTANTIATE_TEST_SUITE_P(Backends, IntakeContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
