#include "core/policy/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/policy/test_pack.h"

namespace regie::core::policy {
namespace {

using testing::D;
using testing::TestPack;

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override { Compile({TestPack()}, {{"test-pack", D("2000-01-01"), {}}}); }

  void Compile(const std::vector<Pack>& packs, const std::vector<Activation>& activations) {
    auto compiled = CompiledPolicy::Compile(packs, activations);
    ASSERT_TRUE(compiled.ok()) << compiled.status().message();
    policy_ = std::move(*compiled);
    evaluator_ = std::make_unique<Evaluator>(*policy_);
  }

  void Add(const char* event, const char* date, int32_t value = 0) {
    StatusOr<EventRecord> r = policy_->Intern({event, D(date), value, "", "reason"});
    ASSERT_TRUE(r.ok()) << r.status().message();
    events_.push_back(*r);
  }

  const MilestoneResult& Milestone(const std::string& id) {
    for (const MilestoneResult& r : eval_.milestones)
      if (policy_->milestone(r.milestone).id == id) return r;
    ADD_FAILURE() << "no result for " << id;
    return eval_.milestones.front();
  }

  void Run(const char* on) { evaluator_->Evaluate(facts_, events_, D(on), eval_); }

  std::unique_ptr<CompiledPolicy> policy_;
  std::unique_ptr<Evaluator> evaluator_;
  PersonFacts facts_ = [] {
    PersonFacts f;
    f.birth_date = D("1990-01-01");
    f.housing_date = D("2020-03-01");
    return f;
  }();
  std::vector<EventRecord> events_;
  Evaluation eval_;
};

TEST_F(EngineTest, StatusesAroundTheDueDate) {
  Run("2020-03-29");  // due 2020-03-29: on the day itself it is open
  EXPECT_EQ(Milestone("t.intake").status, MilestoneStatus::kOpen);
  EXPECT_EQ(Milestone("t.intake").due, D("2020-03-29"));
  Run("2020-03-30");
  EXPECT_EQ(Milestone("t.intake").status, MilestoneStatus::kVerlopen);
  Add("intake", "2020-03-29");
  Run("2020-04-30");
  EXPECT_EQ(Milestone("t.intake").status, MilestoneStatus::kOpTijd);
  events_.clear();
  Add("intake", "2020-03-30");
  Run("2020-04-30");
  EXPECT_EQ(Milestone("t.intake").status, MilestoneStatus::kTeLaat);
  EXPECT_EQ(Milestone("t.intake").satisfied, D("2020-03-30"));
}

TEST_F(EngineTest, EventsAfterTheReferenceDateHaveNotHappened) {
  Add("intake", "2020-03-10");
  Run("2020-03-09");
  EXPECT_EQ(Milestone("t.intake").status, MilestoneStatus::kOpen);
  EXPECT_FALSE(Milestone("t.intake").satisfied);
  facts_.housing_date = D("2020-03-10");
  Run("2020-03-09");
  EXPECT_EQ(Milestone("t.intake").reason, Reason::kAnchorMissing);
  EXPECT_FALSE(Milestone("t.intake").due);
}

TEST_F(EngineTest, ExtensionOnlyWhenGrantedBeforeTheDueDate) {
  Add("intake_extended", "2020-03-29");
  Run("2020-04-05");
  EXPECT_EQ(Milestone("t.intake").due, D("2020-04-12"));
  EXPECT_EQ(Milestone("t.intake").extensions, 1);
  EXPECT_EQ(Milestone("t.intake").status, MilestoneStatus::kOpen);
  events_.clear();
  Add("intake_extended", "2020-03-30");
  Run("2020-04-05");
  EXPECT_EQ(Milestone("t.intake").due, D("2020-03-29"));
  EXPECT_EQ(Milestone("t.intake").status, MilestoneStatus::kVerlopen);
}

TEST_F(EngineTest, ExemptionUnlessAlreadyMet) {
  Add("intake_exempt", "2020-03-20");
  Run("2020-05-01");
  EXPECT_EQ(Milestone("t.intake").status, MilestoneStatus::kVrijgesteld);
  EXPECT_EQ(Milestone("t.intake").reason, Reason::kExemptionEvent);
  Add("intake", "2020-03-15");
  Run("2020-05-01");
  EXPECT_EQ(Milestone("t.intake").status, MilestoneStatus::kOpTijd);
}

TEST_F(EngineTest, MinValueAndAgeOnTheAnchorDate) {
  Add("ladder", "2020-06-01", 3);
  Run("2020-07-01");
  EXPECT_EQ(Milestone("t.ladder").status, MilestoneStatus::kOpen);
  Add("ladder", "2020-08-01", 4);
  Run("2020-09-01");
  EXPECT_EQ(Milestone("t.ladder").satisfied, D("2020-08-01"));
  facts_.birth_date = D("2002-03-02");  // 17 on the anchor date, 18 the next day
  Run("2020-09-01");
  EXPECT_EQ(Milestone("t.ladder").status, MilestoneStatus::kNietVanToepassing);
  EXPECT_EQ(Milestone("t.ladder").reason, Reason::kAge);
  facts_.birth_date = D("2002-03-01");  // 18 on the anchor date
  Run("2020-09-01");
  EXPECT_EQ(Milestone("t.ladder").status, MilestoneStatus::kOpTijd);
}

TEST_F(EngineTest, DerivedAnchor) {
  Add("plan", "2020-04-30");
  Run("2020-06-01");
  EXPECT_EQ(Milestone("t.follow_up").anchor, D("2020-05-01"));
  EXPECT_EQ(Milestone("t.follow_up").due, D("2020-06-01"));
  Run("2020-04-30");  // the derived date lies after the reference date
  EXPECT_EQ(Milestone("t.follow_up").reason, Reason::kAnchorMissing);
}

TEST_F(EngineTest, CadenceCountsLateIntervals) {
  Add("plan", "2020-04-01");
  Add("contact", "2020-06-15");
  Add("contact", "2020-10-01");  // due 2020-09-15: late
  Run("2020-12-01");
  ASSERT_EQ(eval_.cadences.size(), 1U);
  const CadenceResult& c = eval_.cadences[0];
  EXPECT_EQ(c.status, MilestoneStatus::kOpen);
  EXPECT_EQ(c.met, 2);
  EXPECT_EQ(c.late, 1);
  EXPECT_EQ(c.next_due, D("2021-01-01"));
  Run("2021-01-02");
  EXPECT_EQ(eval_.cadences[0].status, MilestoneStatus::kVerlopen);
  Add("guidance_ended", "2020-12-20");
  Run("2021-02-01");
  EXPECT_EQ(eval_.cadences[0].status, MilestoneStatus::kTeLaat);
  EXPECT_EQ(eval_.cadences[0].stopped, D("2020-12-20"));
  EXPECT_FALSE(eval_.cadences[0].next_due);
}

TEST_F(EngineTest, VersionByAnchorDateAndActivationWindow) {
  Pack v1 = TestPack();
  v1.valid_to = D("2020-12-31");
  Pack v2 = TestPack();
  v2.version = 2;
  v2.valid_from = D("2021-01-01");
  v2.milestones[0].deadline.after = Duration{6, DurationUnit::kWeeks};
  Compile({v2, v1}, {{"test-pack", D("2020-06-01"), {}}});
  facts_.housing_date = D("2020-12-31");
  Run("2021-03-01");
  EXPECT_EQ(policy_->milestone_pack(Milestone("t.intake").milestone).version, 1);
  EXPECT_EQ(Milestone("t.intake").due, D("2021-01-28"));
  facts_.housing_date = D("2021-01-01");
  Run("2021-03-01");
  EXPECT_EQ(policy_->milestone_pack(Milestone("t.intake").milestone).version, 2);
  EXPECT_EQ(Milestone("t.intake").due, D("2021-02-12"));
  facts_.housing_date = D("2020-05-31");  // valid version, but before the tenant activated it
  Run("2021-03-01");
  EXPECT_EQ(Milestone("t.intake").reason, Reason::kPackNotActivated);
  facts_.housing_date = D("2019-05-31");
  Run("2021-03-01");
  EXPECT_EQ(Milestone("t.intake").reason, Reason::kPackNotInForce);
  EXPECT_EQ(Milestone("t.intake").status, MilestoneStatus::kNietVanToepassing);
}

TEST_F(EngineTest, CompileRefusesBadActivations) {
  EXPECT_FALSE(CompiledPolicy::Compile({TestPack()}, {{"nope", D("2020-01-01"), {}}}).ok());
  EXPECT_FALSE(
      CompiledPolicy::Compile({TestPack()}, {{"test-pack", D("2020-01-01"), D("2019-01-01")}})
          .ok());
  EXPECT_FALSE(CompiledPolicy::Compile({TestPack()}, {{"test-pack", D("2020-01-01"), {}},
                                                      {"test-pack", D("2021-01-01"), {}}})
                   .ok());
  Pack local = TestPack();
  local.scope.national = false;
  local.scope.municipalities = {"GM0148"};
  auto other = CompiledPolicy::Compile({local}, {{"test-pack", D("2020-01-01"), {}}}, "GM0632");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().field_errors()[0].code, "out_of_scope");
  EXPECT_TRUE(
      CompiledPolicy::Compile({local}, {{"test-pack", D("2020-01-01"), {}}}, "GM0148").ok());
}

TEST_F(EngineTest, CheckEventRefusesImpossibleDates) {
  const Date today = D("2021-01-01");
  EXPECT_EQ(CheckEvent(*policy_, facts_, {"intake", D("1989-12-31"), {}, "", ""}, today)
                .status()
                .reason(),
            "event_before_birth");
  EXPECT_EQ(CheckEvent(*policy_, facts_, {"intake", D("2021-01-02"), {}, "", ""}, today)
                .status()
                .reason(),
            "event_in_future");
  EXPECT_EQ(CheckEvent(*policy_, facts_, {"intake_exempt", D("2020-05-01"), {}, "", ""}, today)
                .status()
                .reason(),
            "event_reason_required");
  EXPECT_EQ(CheckEvent(*policy_, facts_, {"housing", D("2020-05-01"), {}, "", ""}, today)
                .status()
                .reason(),
            "event_not_recordable");
  EXPECT_EQ(CheckEvent(*policy_, facts_, {"ladder", D("2020-05-01"), {}, "", ""}, today)
                .status()
                .reason(),
            "event_value_required");
  StatusOr<bool> unknown =
      CheckEvent(*policy_, facts_, {"barbecue", D("2020-05-01"), {}, "", ""}, today);
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE(*unknown);
  EXPECT_EQ(policy_->Intern({"barbecue", D("2020-05-01"), {}, "", ""}).status().reason(),
            "unknown_event");
}

bool SameResults(const Evaluation& a, const Evaluation& b) {
  if (a.milestones.size() != b.milestones.size() || a.cadences.size() != b.cadences.size())
    return false;
  for (size_t i = 0; i < a.milestones.size(); ++i) {
    const MilestoneResult& x = a.milestones[i];
    const MilestoneResult& y = b.milestones[i];
    if (x.milestone != y.milestone || x.status != y.status || x.reason != y.reason ||
        x.due != y.due || x.satisfied != y.satisfied || x.extensions != y.extensions)
      return false;
  }
  for (size_t i = 0; i < a.cadences.size(); ++i) {
    const CadenceResult& x = a.cadences[i];
    const CadenceResult& y = b.cadences[i];
    if (x.status != y.status || x.met != y.met || x.late != y.late || x.next_due != y.next_due ||
        x.last != y.last || x.stopped != y.stopped)
      return false;
  }
  return true;
}

// Property: the result does not depend on the order in which events were
// recorded. Random persons with random event histories (fixed seed), each
// evaluated in its recorded order and in many shuffled orders.
TEST_F(EngineTest, ResultDoesNotDependOnEventOrder) {
  std::mt19937 rng(20240607);
  const std::vector<const char*> names = {
      "intake", "plan", "intake_extended", "intake_exempt", "contact", "guidance_ended", "ladder"};
  for (int person = 0; person < 300; ++person) {
    events_.clear();
    facts_.birth_date = D("1960-01-01").AddDays(static_cast<int32_t>(rng() % 20000));
    facts_.housing_date = D("2020-01-01").AddDays(static_cast<int32_t>(rng() % 700));
    const int n = static_cast<int>(rng() % 14);
    for (int i = 0; i < n; ++i) {
      EventRecord r = *policy_->Intern({names[rng() % names.size()], D("2020-01-01"), {}, "", "r"});
      // Same-day events with different values are the hard case for ordering.
      r.date = D("2020-01-01").AddDays(static_cast<int32_t>(rng() % 60) * 15);
      r.value = static_cast<int32_t>(rng() % 7);
      events_.push_back(r);
    }
    const Date on = D("2020-06-01").AddDays(static_cast<int32_t>(rng() % 900));
    Evaluation reference;
    evaluator_->Evaluate(facts_, events_, on, reference);
    for (int shuffle = 0; shuffle < 25; ++shuffle) {
      std::shuffle(events_.begin(), events_.end(), rng);
      Evaluation shuffled;
      evaluator_->Evaluate(facts_, events_, on, shuffled);
      ASSERT_TRUE(SameResults(reference, shuffled))
          << "person " << person << " shuffle " << shuffle;
    }
  }
}

TEST(StatusCodes, AreTheDutchCodes) {
  EXPECT_EQ(ToCode(MilestoneStatus::kOpTijd), "op_tijd");
  EXPECT_EQ(ToCode(MilestoneStatus::kTeLaat), "te_laat");
  EXPECT_EQ(ToCode(MilestoneStatus::kOpen), "open");
  EXPECT_EQ(ToCode(MilestoneStatus::kVerlopen), "verlopen");
  EXPECT_EQ(ToCode(MilestoneStatus::kNietVanToepassing), "niet_van_toepassing");
  EXPECT_EQ(ToCode(MilestoneStatus::kVrijgesteld), "vrijgesteld");
  EXPECT_EQ(ToCode(Reason::kStopped), "stopped");
}

}  // namespace
}  // namespace regie::core::policy
