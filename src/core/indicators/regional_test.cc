#include "core/indicators/regional.h"

#include <gtest/gtest.h>

#include "core/indicators/suppress.h"

namespace regie::core::indicators {
namespace {

Cell C(uint32_t first, int64_t sat, int64_t not_sat, int64_t within = 0) {
  Cell c;
  c.first = first;
  c.satisfied = sat;
  c.not_satisfied = not_sat;
  c.within_window = within;
  return c;
}

IndicatorFigures Indicator(std::string id, std::string pack, Cell total,
                           std::vector<Cell> cohorts) {
  IndicatorFigures f;
  f.id = std::move(id);
  f.label_nl = "Plan binnen 13 weken";
  f.pack = {std::move(pack), 1};
  f.target_percent = 80;
  f.breakdowns.push_back({{Dimension::kTotal, Dimension::kTotal}, {total}});
  f.breakdowns.push_back({{Dimension::kCohort, Dimension::kTotal}, std::move(cohorts)});
  return f;
}

Report Member(std::vector<std::string> cohorts, std::vector<IndicatorFigures> indicators,
              int64_t persons) {
  Report r;
  r.stamp.reference_date = *Date::Parse("2026-11-01");
  r.labels[static_cast<size_t>(Dimension::kCohort)] = std::move(cohorts);
  r.indicators = std::move(indicators);
  r.persons = persons;
  return r;
}

// Member A: 3 of 7 (2017H2: 3 of 7). Member B: 2 of 3 in 2018H1 and an
// indicator A does not have.
TEST(Regional, SumsExactCountsOfCommonIndicatorsByCohortLabel) {
  Report a = Member({"2017H2"}, {Indicator("plan13", "vng", C(0, 3, 4), {C(0, 3, 4)})}, 7);
  Report b = Member({"2017H2", "2018H1"},
                    {Indicator("plan13", "vng", C(0, 2, 1, 6), {C(1, 2, 1, 6)}),
                     Indicator("werk", "vng", C(0, 1, 1), {C(1, 1, 1)})},
                    9);
  Report sum = SumReports({&a, &b}, *Date::Parse("2026-11-01"), "x");
  ASSERT_EQ(sum.indicators.size(), 1u);  // "werk" is not common
  EXPECT_EQ(sum.persons, 16);
  const IndicatorFigures& f = sum.indicators[0];
  ASSERT_EQ(f.breakdowns.size(), 2u);
  const Cell& total = f.breakdowns[0].cells.at(0);
  EXPECT_EQ(total.satisfied, 5);
  EXPECT_EQ(total.not_satisfied, 5);
  EXPECT_EQ(total.within_window, 6);
  ASSERT_TRUE(total.wilson.has_value());
  EXPECT_NEAR(total.wilson->lower, stats::Wilson(5, 10)->lower, 1e-12);
  const auto& cohorts = f.breakdowns[1].cells;
  ASSERT_EQ(cohorts.size(), 2u);
  EXPECT_EQ(sum.Labels(Dimension::kCohort)[cohorts[0].first], "2017H2");
  EXPECT_EQ(cohorts[0].satisfied, 3);
  EXPECT_EQ(sum.Labels(Dimension::kCohort)[cohorts[1].first], "2018H1");
  EXPECT_EQ(cohorts[1].satisfied, 2);
}

// Suppression comes after the sum: A's 3 is "<5" in its own view, but the
// regional 5 of 10 is shown, and never computed from suppressed parts.
TEST(Regional, SuppressesTheSumNotTheParts) {
  Report a = Member({"2017H2"}, {Indicator("plan13", "vng", C(0, 3, 4), {C(0, 3, 4)})}, 7);
  Report b = Member({"2017H2"}, {Indicator("plan13", "vng", C(0, 2, 1), {C(0, 2, 1)})}, 3);
  const auto common = CommonIndicators({&a, &b});
  View own = Suppress(Narrow(a, common), Audience::kBeleid);
  View region = Suppress(SumReports({&a, &b}, a.stamp.reference_date, "x"), Audience::kBeleid);
  const ShownCell& mine = own.indicators.at(0).breakdowns.at(0).cells.at(0);
  EXPECT_FALSE(mine.satisfied.shown());
  EXPECT_EQ(mine.satisfied.Text(), "<5");
  EXPECT_FALSE(mine.percent.has_value());
  const ShownCell& all = region.indicators.at(0).breakdowns.at(0).cells.at(0);
  EXPECT_TRUE(all.satisfied.shown());
  EXPECT_EQ(all.satisfied.value, 5);
  EXPECT_EQ(all.not_satisfied.value, 5);
  ASSERT_TRUE(all.percent.has_value());
  EXPECT_DOUBLE_EQ(*all.percent, 50.0);
}

TEST(Regional, NarrowKeepsTheMembersStampAndOnlyCommonIndicators) {
  Report a = Member({"2017H2"},
                    {Indicator("werk", "vng", C(0, 6, 6), {C(0, 6, 6)}),
                     Indicator("plan13", "vng", C(0, 9, 1), {C(0, 9, 1)})},
                    22);
  a.stamp.snapshot = "tenant_changes:7";
  Report n = Narrow(a, {{"plan13", "vng"}});
  ASSERT_EQ(n.indicators.size(), 1u);
  EXPECT_EQ(n.indicators[0].id, "plan13");
  EXPECT_EQ(n.stamp.snapshot, "tenant_changes:7");
  EXPECT_EQ(n.indicators[0].breakdowns[0].cells[0].satisfied, 9);
  // Another pack's indicator of the same id is not the same indicator.
  Report b = Member({"2017H2"}, {Indicator("plan13", "eigen", C(0, 1, 1), {C(0, 1, 1)})}, 2);
  EXPECT_TRUE(CommonIndicators({&a, &b}).empty());
}

}  // namespace
}  // namespace regie::core::indicators
