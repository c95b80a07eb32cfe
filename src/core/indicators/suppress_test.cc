#include "core/indicators/suppress.h"

#include <gtest/gtest.h>

namespace regie::core::indicators {
namespace {

std::optional<stats::Interval> Wilson(int64_t x, int64_t n) { return stats::Wilson(x, n); }

// A report with one indicator broken down by wijk (hand-made: 3 wijken).
Report Sample() {
  Report r;
  r.stamp.reference_date = *Date::Parse("2026-06-30");
  r.stamp.packs = {{"dalfsen-2017", 1}};
  r.stamp.snapshot = "tenant_changes:42";
  r.persons = 66;
  IndicatorFigures& f = r.indicators.emplace_back();
  f.id = "x.ind";
  f.target_percent = 80;
  f.deadline = true;
  BreakdownFigures& total = f.breakdowns.emplace_back();
  total.cells.push_back({0, 0, 29, 31, 6, 0, Wilson(29, 60), stats::TargetStatus::kOffTrack});
  BreakdownFigures& wijk = f.breakdowns.emplace_back();
  wijk.breakdown = {Dimension::kWijk, Dimension::kTotal};
  // satisfied, not satisfied, within window, anchor missing
  wijk.cells.push_back({1, 0, 3, 10, 2, 0, Wilson(3, 13), stats::TargetStatus::kOffTrack});
  wijk.cells.push_back({2, 0, 6, 8, 0, 0, Wilson(6, 14), stats::TargetStatus::kOffTrack});
  wijk.cells.push_back({3, 0, 20, 13, 4, 0, Wilson(20, 33), stats::TargetStatus::kOffTrack});
  f.total_judgement = stats::JudgeTarget(29, 60, 80);
  return r;
}

TEST(Suppress, CaseTeamSeesExactCounts) {
  View v = Suppress(Sample(), Audience::kCaseTeam);
  EXPECT_FALSE(v.suppressed);
  const ShownCell& c = v.indicators[0].breakdowns[1].cells[0];
  EXPECT_EQ(c.satisfied.Text(), "3");
  EXPECT_EQ(c.within_window.Text(), "2");
  ASSERT_TRUE(c.percent);
  EXPECT_NEAR(*c.percent, 100.0 * 3 / 13, 1e-9);
  EXPECT_EQ(v.stamp.snapshot, "tenant_changes:42");
}

TEST(Suppress, BeleidGetsSmallCellsHiddenWithComplements) {
  for (Audience a : {Audience::kBeleid, Audience::kExport}) {
    View v = Suppress(Sample(), a);
    EXPECT_TRUE(v.suppressed);
    const std::vector<ShownCell>& cells = v.indicators[0].breakdowns[1].cells;
    // Wijk 1: 3 and 2 are below 5. The column "satisfied" (3, 6, 20 | 29)
    // has one hidden cell, so its smallest shown cell, 6, goes as well.
    EXPECT_EQ(cells[0].satisfied.Text(), "<5");
    EXPECT_EQ(cells[0].within_window.Text(), "<5");
    EXPECT_EQ(cells[1].satisfied.Text(), "x");
    EXPECT_FALSE(cells[0].percent);
    EXPECT_FALSE(cells[0].wilson);
    EXPECT_FALSE(cells[0].target);
    EXPECT_FALSE(cells[1].percent);
    // Wijk 3's satisfied and not satisfied are both shown: its percentage stays.
    EXPECT_TRUE(cells[2].satisfied.shown());
    EXPECT_TRUE(cells[2].not_satisfied.shown());
    EXPECT_TRUE(cells[2].percent);
    // The total has no small cell: judged and shown with its rule.
    ASSERT_TRUE(v.indicators[0].total_judgement);
    EXPECT_EQ(v.persons.Text(), "66");
  }
}

TEST(Suppress, SmallCurvesAreWithheldAndTruncated) {
  Report r = Sample();
  SurvivalFigures& s = r.survival.emplace_back();
  s.available = true;
  std::vector<stats::Observation> small = {{1, true}, {2, true}, {3, false}};
  s.by_cohort.emplace_back(0, stats::KaplanMeier(small));
  std::vector<stats::Observation> obs;
  for (int i = 0; i < 8; ++i) obs.push_back({10 * (i + 1), true});
  s.total = stats::KaplanMeier(obs);
  View v = Suppress(r, Audience::kBeleid);
  EXPECT_EQ(v.survival[0].by_cohort[0].second.n.Text(), "<5");
  EXPECT_TRUE(v.survival[0].by_cohort[0].second.points.empty());
  // 8 at risk at t=10 ... 5 at t=40, 4 at t=50: the curve stops after 40.
  ASSERT_EQ(v.survival[0].total.points.size(), 4U);
  EXPECT_EQ(v.survival[0].total.points.back().time, 40);
  // S(40) = 4/8 = 0.5: the median 40 was reached before the cut.
  EXPECT_EQ(v.survival[0].total.median.median, 40);
  View exact = Suppress(r, Audience::kCaseTeam);
  EXPECT_EQ(exact.survival[0].total.points.size(), 8U);
}

}  // namespace
}  // namespace regie::core::indicators
