#include "core/indicators/regional_suppress.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <vector>

#include "core/stats/line_audit_testing.h"

namespace regie::core::indicators {
namespace {

using stats::CellState;
using stats::testing::AuditCell;
using stats::testing::AuditLine;

using Slots = std::array<int64_t, kSlots>;

const Date kOn = *Date::Parse("2025-09-01");

Cell C(uint32_t first, const Slots& s) {
  Cell c;
  c.first = first;
  c.satisfied = s[0];
  c.not_satisfied = s[1];
  c.within_window = s[2];
  c.anchor_missing = s[3];
  return c;
}

// A member report: one indicator per id, by cohort label; the total
// breakdown is the sum of the cohorts.
Report Member(const std::vector<std::string>& labels,
              const std::vector<std::pair<std::string, std::vector<Slots>>>& indicators,
              int64_t persons) {
  Report r;
  r.stamp.reference_date = kOn;
  r.labels[static_cast<size_t>(Dimension::kCohort)] = labels;
  r.persons = persons;
  for (const auto& [id, cohorts] : indicators) {
    IndicatorFigures& f = r.indicators.emplace_back();
    f.id = id;
    f.pack = {"wi2021", 1};
    f.target_percent = 80;
    Slots sum{};
    std::vector<Cell> cells;
    for (size_t i = 0; i < cohorts.size(); ++i) {
      for (size_t k = 0; k < 4; ++k) sum[k] += cohorts[i][k];
      if (cohorts[i][0] + cohorts[i][1] + cohorts[i][2] + cohorts[i][3] > 0)
        cells.push_back(C(static_cast<uint32_t>(i), cohorts[i]));
    }
    std::vector<Cell> total;
    if (sum[0] + sum[1] + sum[2] + sum[3] > 0) total.push_back(C(0, sum));
    f.breakdowns.push_back({{Dimension::kTotal, Dimension::kTotal}, total});
    f.breakdowns.push_back({{Dimension::kCohort, Dimension::kTotal}, cells});
  }
  return r;
}

Slots Exact(const Cell& c) {
  return {c.satisfied, c.not_satisfied, c.within_window, c.anchor_missing,
          c.satisfied + c.not_satisfied + c.within_window + c.anchor_missing};
}

std::array<CellState, kSlots> States(const ShownCell& c) {
  return {c.satisfied.state, c.not_satisfied.state, c.within_window.state, c.anchor_missing.state,
          c.total.state};
}

// A published row of one report: exact counts (zeros when nobody is in
// it: not published, a known 0) and the states in its view.
struct Row {
  Slots count{};
  std::array<CellState, kSlots> state{};
};

const ShownBreakdown* FindShown(const ShownIndicator& s, Dimension d) {
  for (const ShownBreakdown& b : s.breakdowns)
    if (b.breakdown == Breakdown{d, Dimension::kTotal}) return &b;
  return nullptr;
}

// The row `label` ("" for the total) of indicator `id` in (exact, view).
Row RowOf(const Report& exact, const View& view, const std::string& id, const std::string& label) {
  Row out;
  for (size_t i = 0; i < exact.indicators.size(); ++i) {
    if (exact.indicators[i].id != id) continue;
    const Dimension d = label.empty() ? Dimension::kTotal : Dimension::kCohort;
    const BreakdownFigures* b = nullptr;
    for (const BreakdownFigures& x : exact.indicators[i].breakdowns)
      if (x.breakdown == Breakdown{d, Dimension::kTotal}) b = &x;
    const ShownBreakdown* s = FindShown(view.indicators.at(i), d);
    EXPECT_TRUE(b && s);
    if (!b || !s) return out;
    for (size_t c = 0; c < b->cells.size(); ++c) {
      const auto& labels = exact.Labels(Dimension::kCohort);
      if (!label.empty() && labels.at(b->cells[c].first) != label) continue;
      out.count = Exact(b->cells[c]);
      out.state = States(s->cells.at(c));
    }
  }
  return out;
}

AuditCell At(const Row& r, int k) {
  return {r.count[static_cast<size_t>(k)], r.state[static_cast<size_t>(k)]};
}

// Audits every line of the benchmark: each table's rows and columns and
// the member axis. "" when nothing leaks.
std::string AuditBenchmark(const std::vector<const Report*>& members, const BenchmarkViews& views,
                           const std::vector<std::string>& all_labels) {
  std::vector<Report> narrowed;
  for (const Report* m : members) narrowed.push_back(Narrow(*m, views.common));
  const Report region = SumReports(members, kOn, "s");
  std::vector<std::pair<const Report*, const View*>> tables;
  for (size_t m = 0; m < narrowed.size(); ++m) tables.push_back({&narrowed[m], &views.members[m]});
  tables.push_back({&region, &views.region});
  const int64_t cap = 4 * region.persons + 400;
  std::string out;
  auto audit = [&](const std::string& what, const std::vector<AuditCell>& entries,
                   const AuditCell& total) {
    const std::string leak = AuditLine(entries, total, cap);
    if (!leak.empty()) out += what + ": " + leak + "\n";
  };
  for (const CommonIndicator& ind : views.common) {
    // Each table: its total row, its cohort rows and its columns.
    for (size_t t = 0; t < tables.size(); ++t) {
      const std::string name = ind.id + " table " + std::to_string(t);
      const Row total = RowOf(*tables[t].first, *tables[t].second, ind.id, "");
      std::vector<Row> rows;
      for (const std::string& label : all_labels) {
        rows.push_back(RowOf(*tables[t].first, *tables[t].second, ind.id, label));
        audit(name + " " + label,
              {At(rows.back(), 0), At(rows.back(), 1), At(rows.back(), 2), At(rows.back(), 3)},
              At(rows.back(), 4));
      }
      audit(name + " total row", {At(total, 0), At(total, 1), At(total, 2), At(total, 3)},
            At(total, 4));
      for (int k = 0; k < kSlots; ++k) {
        std::vector<AuditCell> column;
        for (const Row& r : rows) column.push_back(At(r, k));
        audit(name + " column " + std::to_string(k), column, At(total, k));
      }
    }
    // The member axis.
    std::vector<std::string> labels = all_labels;
    labels.push_back("");
    for (const std::string& label : labels) {
      std::vector<Row> parts;
      for (size_t m = 0; m < narrowed.size(); ++m)
        parts.push_back(RowOf(narrowed[m], views.members[m], ind.id, label));
      const Row sum = RowOf(region, views.region, ind.id, label);
      for (int k = 0; k < kSlots; ++k) {
        std::vector<AuditCell> line;
        for (const Row& p : parts) line.push_back(At(p, k));
        audit(ind.id + " member axis " + (label.empty() ? "total" : label) + " slot " +
                  std::to_string(k),
              line, At(sum, k));
      }
    }
  }
  std::vector<AuditCell> persons;
  for (const View& v : views.members) persons.push_back({0, v.persons.state});
  for (size_t m = 0; m < members.size(); ++m) persons[m].count = members[m]->persons;
  audit("persons", persons, {region.persons, views.region.persons.state});
  return out;
}

// The security review's case: wi2021.ind_pip_op_tijd, cohort 2025H1,
// "voldaan": Dalfsen 4, the two others 5 and 5, the region 14. Suppressed
// table by table, the region's 14 and the others' 5 + 5 were shown, so
// Dalfsen's "<5" was 14 - 10 = 4.
TEST(SuppressBenchmark, TheRegionTotalNoLongerGivesAMembersCellAway) {
  const std::string id = "wi2021.ind_pip_op_tijd";
  const Report dalfsen = Member({"2025H1"}, {{id, {{4, 7, 6, 0, 0}}}}, 40);
  const Report b = Member({"2025H1"}, {{id, {{5, 9, 6, 0, 0}}}}, 50);
  const Report c = Member({"2025H1"}, {{id, {{5, 8, 7, 0, 0}}}}, 60);
  const std::vector<const Report*> members = {&dalfsen, &b, &c};

  // Before: each table suppressed on its own leaks through the member axis.
  BenchmarkViews apart;
  apart.common = CommonIndicators(members);
  for (const Report* m : members)
    apart.members.push_back(Suppress(Narrow(*m, apart.common), Audience::kBeleid));
  apart.region = Suppress(SumReports(members, kOn, "s"), Audience::kBeleid);
  EXPECT_NE(AuditBenchmark(members, apart, {"2025H1"}), "");
  const auto cohort = [&](const View& v) {
    return FindShown(v.indicators.at(0), Dimension::kCohort)->cells.at(0).satisfied;
  };
  ASSERT_EQ(cohort(apart.members[0]).Text(), "<5");
  ASSERT_EQ(cohort(apart.members[1]).Text(), "5");
  ASSERT_EQ(cohort(apart.members[2]).Text(), "5");
  ASSERT_EQ(cohort(apart.region).Text(), "14");

  // Jointly: the region's 14 or another member's 5 is hidden too.
  const BenchmarkViews joint = SuppressBenchmark(members, kOn, "s");
  EXPECT_EQ(AuditBenchmark(members, joint, {"2025H1"}), "");
  EXPECT_EQ(cohort(joint.members[0]).Text(), "<5");
  EXPECT_TRUE(!cohort(joint.region).shown() || !cohort(joint.members[1]).shown() ||
              !cohort(joint.members[2]).shown());
  // 4 + x + 5 = 14 or 4 + 5 + 5 = x: the "<5" is 1..4 either way.
  ASSERT_EQ(joint.common.size(), 1U);
  ASSERT_EQ(joint.members.size(), 3U);
  EXPECT_EQ(joint.region.indicators.at(0).id, id);
}

// Only the members given are in the total (the caller passes the sharing
// ones), and a member's indicator that others lack is left out.
TEST(SuppressBenchmark, OnlyCommonIndicatorsOfTheGivenMembers) {
  const Report a = Member({"2024H2"}, {{"x", {{10, 10, 0, 0, 0}}}, {"y", {{6, 6, 0, 0, 0}}}}, 20);
  const Report b = Member({"2024H2"}, {{"x", {{20, 5, 0, 0, 0}}}}, 25);
  const BenchmarkViews v = SuppressBenchmark({&a, &b}, kOn, "s");
  ASSERT_EQ(v.common.size(), 1U);
  EXPECT_EQ(v.common[0].id, "x");
  ASSERT_EQ(v.members.size(), 2U);
  EXPECT_EQ(v.members[0].indicators.size(), 1U);
  const ShownCell& total = FindShown(v.region.indicators.at(0), Dimension::kTotal)->cells.at(0);
  EXPECT_EQ(total.satisfied.Text(), "30");
  EXPECT_EQ(v.region.persons.Text(), "45");
}

// The brute force: random regions of 2..4 members with small counts; no
// line of any table, and no member-axis line, narrows a "<5".
TEST(SuppressBenchmark, RandomRegionsLeakNothingThroughAnySingleLine) {
  const std::vector<std::string> pool = {"2024H1", "2024H2", "2025H1"};
  std::mt19937 rng(2025);
  std::uniform_int_distribution<int> member_count(2, 4);
  std::uniform_int_distribution<int> kind(0, 9);
  std::uniform_int_distribution<int> small(1, 4);
  std::uniform_int_distribution<int> large(5, 12);
  std::uniform_int_distribution<int> coin(0, 1);
  auto count = [&] {
    const int k = kind(rng);  // 30% zero, 40% small, 30% 5..12
    return int64_t{k < 3 ? 0 : k < 7 ? small(rng) : large(rng)};
  };
  int leaking = 0;
  for (int round = 0; round < 400; ++round) {
    std::vector<Report> reports;
    const int n = member_count(rng);
    for (int m = 0; m < n; ++m) {
      std::vector<std::string> labels;
      for (const std::string& l : pool)
        if (coin(rng) || (l == pool.back() && labels.empty())) labels.push_back(l);
      std::vector<std::pair<std::string, std::vector<Slots>>> indicators;
      for (const std::string id : {"a", "b"}) {
        std::vector<Slots> cohorts;
        for (size_t i = 0; i < labels.size(); ++i) {
          Slots s{count(), count(), count(), count(), 0};
          s[4] = s[0] + s[1] + s[2] + s[3];
          cohorts.push_back(s);
        }
        indicators.emplace_back(id, cohorts);
      }
      reports.push_back(Member(labels, indicators, count() + count()));
    }
    std::vector<const Report*> members;
    for (const Report& r : reports) members.push_back(&r);
    const BenchmarkViews v = SuppressBenchmark(members, kOn, "s");
    const std::string leak = AuditBenchmark(members, v, pool);
    if (!leak.empty() && ++leaking <= 3) ADD_FAILURE() << "round " << round << "\n" << leak;
  }
  EXPECT_EQ(leaking, 0);
}

}  // namespace
}  // namespace regie::core::indicators
