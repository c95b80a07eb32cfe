#include "core/indicators/suppress.h"

#include <gtest/gtest.h>

#include <array>
#include <random>
#include <string>
#include <vector>

#include "core/stats/line_audit_testing.h"

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
    const ShownCell& total = v.indicators[0].breakdowns[0].cells[0];
    // Below 5: wijk 1's 3 and 2, wijk 3's 4.
    //   29 31  6 0 | 66   (the total breakdown: every column's total)
    //    3 10  2 0 | 15
    //    6  8  0 0 | 14
    //   20 13  4 0 | 37
    // Wijk 3 (20, 13, 4 | 37): the "<5" is 4 exactly; its total 37 goes
    // rather than 20 or 13, the parts of a percentage. Satisfied (3, 6, 20
    // | 29): the "<5" is 3; of 6, 20 and 29 the 20 goes, in a row that has
    // hidden cells already (the 6 would leave wijk 2's row a lone x).
    // Within window (2, 0, 4 | 6): "<5" + "<5" = 6 makes each 2..4; only
    // its total 6 can go, the total row's cell too, where it then takes
    // the 66 (not 29 or 31). Row totals (15, 14, 37 | 66): the 15.
    EXPECT_EQ(cells[0].satisfied.Text(), "<5");
    EXPECT_EQ(cells[0].within_window.Text(), "<5");
    EXPECT_EQ(cells[0].total.Text(), "x");
    EXPECT_EQ(cells[2].within_window.Text(), "<5");
    EXPECT_EQ(cells[2].satisfied.Text(), "x");
    EXPECT_EQ(cells[2].total.Text(), "x");
    EXPECT_EQ(total.within_window.Text(), "x");
    EXPECT_EQ(total.total.Text(), "x");
    EXPECT_FALSE(cells[0].percent);
    EXPECT_FALSE(cells[0].wilson);
    EXPECT_FALSE(cells[0].target);
    EXPECT_FALSE(cells[2].percent);
    // Wijk 2 is shown whole: its percentage stays.
    EXPECT_EQ(cells[1].satisfied.Text(), "6");
    EXPECT_EQ(cells[1].total.Text(), "14");
    EXPECT_TRUE(cells[1].percent);
    // The total's satisfied and not satisfied are shown: judged and shown
    // with its rule.
    ASSERT_TRUE(v.indicators[0].total_judgement);
    EXPECT_EQ(v.persons.Text(), "66");
  }
}

using Slots = std::array<stats::testing::AuditCell, kSlots>;

Slots Audited(const Cell& c, const ShownCell& s) {
  return {{{c.satisfied, s.satisfied.state},
           {c.not_satisfied, s.not_satisfied.state},
           {c.within_window, s.within_window.state},
           {c.anchor_missing, s.anchor_missing.state},
           {c.satisfied + c.not_satisfied + c.within_window + c.anchor_missing, s.total.state}}};
}

// Audits every published line of every indicator: the total row, and each
// breakdown's rows and its columns against the total row. "" if none leaks.
std::string AuditView(const Report& r, const View& v) {
  std::string out;
  auto audit = [&](const std::string& what, const std::vector<stats::testing::AuditCell>& entries,
                   const stats::testing::AuditCell& total) {
    const std::string leak = stats::testing::AuditLine(entries, total, 4 * total.count + 400);
    if (!leak.empty()) out += what + ": " + leak + "\n";
  };
  for (size_t i = 0; i < r.indicators.size(); ++i) {
    const IndicatorFigures& f = r.indicators[i];
    Slots totals{};
    for (size_t b = 0; b < f.breakdowns.size(); ++b)
      if (f.breakdowns[b].breakdown == Breakdown{} && !f.breakdowns[b].cells.empty())
        totals = Audited(f.breakdowns[b].cells[0], v.indicators[i].breakdowns[b].cells[0]);
    audit(f.id + " total row", {totals[0], totals[1], totals[2], totals[3]}, totals[4]);
    for (size_t b = 0; b < f.breakdowns.size(); ++b) {
      if (f.breakdowns[b].breakdown == Breakdown{}) continue;
      std::array<std::vector<stats::testing::AuditCell>, kSlots> columns;
      for (size_t c = 0; c < f.breakdowns[b].cells.size(); ++c) {
        const Slots row = Audited(f.breakdowns[b].cells[c], v.indicators[i].breakdowns[b].cells[c]);
        audit(f.id + " breakdown " + std::to_string(b) + " row " + std::to_string(c),
              {row[0], row[1], row[2], row[3]}, row[4]);
        for (size_t k = 0; k < kSlots; ++k) columns[k].push_back(row[k]);
      }
      for (size_t k = 0; k < kSlots; ++k)
        audit(f.id + " breakdown " + std::to_string(b) + " column " + std::to_string(k), columns[k],
              totals[k]);
    }
  }
  return out;
}

// The sample's within-window column (2, 0, 4 | 6) was published
// "<5 0 <5 | 6", which makes each "<5" 2..4.
TEST(Suppress, NoLineOfTheSampleNarrowsASmallCell) {
  const Report r = Sample();
  EXPECT_EQ(AuditView(r, Suppress(r, Audience::kBeleid)), "");
}

// Random indicators with a total and two breakdowns of the same persons:
// every breakdown's columns add up to the total row, which every breakdown
// shares; no single line of any of them narrows a "<5".
TEST(Suppress, RandomBreakdownsLeakNothingThroughAnySingleLine) {
  std::mt19937 rng(66);
  std::uniform_int_distribution<int> kind(0, 9);
  std::uniform_int_distribution<int> small(1, 4);
  std::uniform_int_distribution<int> large(5, 12);
  std::uniform_int_distribution<int> groups(2, 4);
  auto count = [&] {
    const int k = kind(rng);
    return int64_t{k < 3 ? 0 : k < 7 ? small(rng) : large(rng)};
  };
  int leaking = 0;
  for (int round = 0; round < 300; ++round) {
    Report r;
    IndicatorFigures& f = r.indicators.emplace_back();
    f.id = "i" + std::to_string(round);
    // Persons in (wijk, sex) groups; the breakdowns are its margins.
    const int wijken = groups(rng), sexes = groups(rng);
    Cell total;
    std::vector<Cell> by_wijk(static_cast<size_t>(wijken)), by_sex(static_cast<size_t>(sexes));
    for (int w = 0; w < wijken; ++w)
      for (int x = 0; x < sexes; ++x) {
        const int64_t s = count(), n = count(), ww = count(), a = count();
        for (Cell* c :
             {&total, &by_wijk[static_cast<size_t>(w)], &by_sex[static_cast<size_t>(x)]}) {
          c->satisfied += s;
          c->not_satisfied += n;
          c->within_window += ww;
          c->anchor_missing += a;
        }
      }
    f.breakdowns.push_back({{}, {total}});
    BreakdownFigures& w = f.breakdowns.emplace_back();
    w.breakdown = {Dimension::kWijk, Dimension::kTotal};
    for (size_t i = 0; i < by_wijk.size(); ++i) {
      by_wijk[i].first = static_cast<uint32_t>(i);
      w.cells.push_back(by_wijk[i]);
    }
    BreakdownFigures& x = f.breakdowns.emplace_back();
    x.breakdown = {Dimension::kSex, Dimension::kTotal};
    for (size_t i = 0; i < by_sex.size(); ++i) {
      by_sex[i].first = static_cast<uint32_t>(i);
      x.cells.push_back(by_sex[i]);
    }
    const std::string leak = AuditView(r, Suppress(r, Audience::kExport));
    if (!leak.empty() && ++leaking <= 3) ADD_FAILURE() << "round " << round << "\n" << leak;
  }
  EXPECT_EQ(leaking, 0);
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
  // 8 at risk at t=10 ... 5 at t=40, 4 at t=50: the curve stops before 50,
  // and its 4 events before then, one a week, never make a drop of 5
  // (curve_publish.h): no point, and no median to show.
  EXPECT_EQ(v.survival[0].total.n.Text(), "8");
  EXPECT_TRUE(v.survival[0].total.points.empty());
  EXPECT_FALSE(v.survival[0].total.median.median.has_value());
  View exact = Suppress(r, Audience::kCaseTeam);
  EXPECT_EQ(exact.survival[0].total.points.size(), 8U);
}

}  // namespace
}  // namespace regie::core::indicators
