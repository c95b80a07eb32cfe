// Cross-checks of the cohort engine on a generated demo population (the
// hand-computed cases are in tests/cases/indicators): the engine's totals
// equal a plain per-person tally with the policy Evaluator, every breakdown
// adds up to the total, and the beleid view leaves no row or column with a
// single hidden count.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/casework/assessment.h"
#include "core/casework/demo_assessments.h"
#include "core/demo_generator.h"
#include "core/indicators/cohort_engine.h"
#include "core/indicators/suppress.h"
#include "core/policy/demo_events.h"
#include "core/policy/timeline.h"
#include "packs/pack_loader.h"

namespace regie {
namespace {

using core::Date;
using namespace core::indicators;  // NOLINT(google-build-using-namespace): test brevity

struct Slots {
  int64_t satisfied = 0, not_satisfied = 0, within_window = 0, anchor_missing = 0;
};

class CohortEngineDemo : public testing::Test {
 protected:
  void SetUp() override {
    library_ = packs::LoadPackDirectory(REGIE_POLICIES_DIR);
    ASSERT_TRUE(library_.ok());
    // Hardinxveld-Giessendam: national and local packs, ladder declared.
    std::vector<core::policy::Activation> activations =
        core::policy::DemoActivations(library_.packs, "GM0523");
    auto compiled = core::policy::CompiledPolicy::Compile(library_.packs, activations, "GM0523");
    ASSERT_TRUE(compiled.ok()) << compiled.status().message();
    policy_ = std::move(*compiled);
    core::DemoOptions options;
    options.seed = 11;
    options.households = 400;
    options.tenants = 1;
    options.today = on_;
    core::DemoGenerator generator(options);
    uint64_t serial = 0;
    while (std::optional<core::DemoHousehold> h = generator.Next()) {
      for (const core::PersonData& person : h->persons) {
        core::policy::PersonFacts facts = core::policy::FactsFromPerson(person);
        std::vector<core::policy::PersonEvent> events =
            core::policy::DemoEvents(*policy_, facts, on_, ++serial);
        for (const core::AssessmentData& a : core::DemoAssessments(person, on_, serial))
          if (auto e = core::AssessmentEvent(a)) events.push_back(*e);
        core::policy::ApplyRecordedFacts(events, on_, facts);
        std::vector<core::policy::EventRecord> records;
        for (const core::policy::PersonEvent& e : events)
          if (auto r = policy_->Intern(e); r.ok()) records.push_back(*r);
        // The independent tally, person by person.
        core::policy::Evaluator evaluator(*policy_);
        core::policy::Evaluation evaluation;
        evaluator.Evaluate(facts, records, on_, evaluation);
        std::vector<core::policy::IndicatorResult> results;
        evaluator.EvaluateIndicators(facts, evaluation, results);
        for (const core::policy::IndicatorResult& r : results) {
          Slots& s = expected_[r.indicator];
          if (r.in_population) {
            ++(r.satisfied ? s.satisfied : s.not_satisfied);
          } else if (r.waiting == core::policy::Waiting::kWithinWindow) {
            ++s.within_window;
          } else if (r.waiting == core::policy::Waiting::kAnchorMissing) {
            ++s.anchor_missing;
          }
        }
        population_.Add(person, std::move(facts), records);
      }
    }
  }

  const Date on_ = *Date::Parse("2026-11-22");
  packs::PackLibrary library_;
  std::unique_ptr<core::policy::CompiledPolicy> policy_;
  TenantPopulation population_;
  std::map<uint32_t, Slots> expected_;
};

TEST_F(CohortEngineDemo, TotalsMatchAPlainTallyAndBreakdownsAddUp) {
  CohortEngine engine(*policy_);
  Report report = engine.Compute(population_, on_, "tenant_changes:1");
  ASSERT_GT(report.persons, 500);
  int64_t judged = 0, waiting = 0;
  for (const IndicatorFigures& f : report.indicators) {
    const Slots want = expected_[f.indicator];
    for (const BreakdownFigures& b : f.breakdowns) {
      Slots sum;
      for (const Cell& c : b.cells) {
        sum.satisfied += c.satisfied;
        sum.not_satisfied += c.not_satisfied;
        sum.within_window += c.within_window;
        sum.anchor_missing += c.anchor_missing;
      }
      EXPECT_EQ(sum.satisfied, want.satisfied) << f.id;
      EXPECT_EQ(sum.not_satisfied, want.not_satisfied) << f.id;
      EXPECT_EQ(sum.within_window, want.within_window) << f.id;
      EXPECT_EQ(sum.anchor_missing, want.anchor_missing) << f.id;
    }
    judged += want.satisfied + want.not_satisfied;
    waiting += want.within_window;
  }
  // The demo must exercise both sides of censoring, or this test says little.
  EXPECT_GT(judged, 100);
  EXPECT_GT(waiting, 10);
  EXPECT_TRUE(report.ladder.available);
  int64_t on_ladder = 0;
  for (const LadderQuarter& q : report.ladder.quarters)
    for (int64_t n : q.distribution) on_ladder += n;
  EXPECT_GT(on_ladder, 0);
}

TEST_F(CohortEngineDemo, BeleidViewLeavesNoSingleHiddenCount) {
  CohortEngine engine(*policy_);
  Report report = engine.Compute(population_, on_, "tenant_changes:1");
  View view = Suppress(report, Audience::kBeleid);
  int64_t hidden = 0;
  for (const ShownIndicator& f : view.indicators) {
    // The total breakdown's row is every other table's column totals.
    std::vector<bool> total_shown(5, true);
    for (const ShownBreakdown& b : f.breakdowns) {
      if (!(b.breakdown == Breakdown{}) || b.cells.empty()) continue;
      const ShownCell& t = b.cells[0];
      total_shown = {t.satisfied.shown(), t.not_satisfied.shown(), t.within_window.shown(),
                     t.anchor_missing.shown(), t.total.shown()};
    }
    for (const ShownBreakdown& b : f.breakdowns) {
      // Columns of the published table: the four slots and the row total.
      std::vector<int> per_column(5, 0);
      for (const ShownCell& c : b.cells) {
        const ShownCount* row[5] = {&c.satisfied, &c.not_satisfied, &c.within_window,
                                    &c.anchor_missing, &c.total};
        int in_row = 0;
        for (int k = 0; k < 5; ++k) {
          if (row[k]->shown()) continue;
          ++in_row;
          ++per_column[static_cast<size_t>(k)];
          ++hidden;
        }
        EXPECT_NE(in_row, 1) << f.id;
        if (c.percent) {
          EXPECT_TRUE(c.satisfied.shown() && c.not_satisfied.shown()) << f.id;
        }
        for (int k = 0; k < 5; ++k)
          if (row[k]->shown()) {
            EXPECT_TRUE(row[k]->value == 0 || row[k]->value >= 5) << f.id;
          }
      }
      // A column whose total the reader sees (in the total breakdown) must
      // not have exactly one hidden cell: it would be total minus the rest.
      for (size_t k = 0; k < per_column.size(); ++k)
        if (total_shown[k]) {
          EXPECT_NE(per_column[k], 1) << f.id << " column " << k;
        }
    }
  }
  EXPECT_GT(hidden, 0);  // a 400-household tenant has small wijk cells
}

}  // namespace
}  // namespace regie
