// CountTable: the grid of a published table with its totals, suppressed
// by LineSuppressor's rule; every line audited by brute force
// (line_audit_testing.h). The readable worked examples are text fixtures
// in tests/cases/indicators/suppression_*.case.
#include "core/stats/suppression.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/stats/line_audit_testing.h"

namespace regie::core::stats {
namespace {

using testing::AuditCell;
using testing::AuditLine;

// "" when every row and column of the grid keeps the rule; else the leaks.
std::string AuditGrid(const CountTable& t) {
  const int64_t cap = 4 * t.At(t.rows(), t.cols()) + 50;
  std::string out;
  for (int r = 0; r <= t.rows(); ++r) {
    std::vector<AuditCell> entries;
    for (int c = 0; c < t.cols(); ++c) entries.push_back({t.At(r, c), t.State(r, c)});
    const std::string leak = AuditLine(entries, {t.At(r, t.cols()), t.State(r, t.cols())}, cap);
    if (!leak.empty()) out += "row " + std::to_string(r) + ": " + leak + "\n";
  }
  for (int c = 0; c <= t.cols(); ++c) {
    std::vector<AuditCell> entries;
    for (int r = 0; r < t.rows(); ++r) entries.push_back({t.At(r, c), t.State(r, c)});
    const std::string leak = AuditLine(entries, {t.At(t.rows(), c), t.State(t.rows(), c)}, cap);
    if (!leak.empty()) out += "column " + std::to_string(c) + ": " + leak + "\n";
  }
  return out;
}

std::string Text(const CountTable& t) {
  std::string out;
  for (int r = 0; r <= t.rows(); ++r) {
    for (int c = 0; c <= t.cols(); ++c) out += (c ? " " : "") + CellText(t.At(r, c), t.State(r, c));
    out += "\n";
  }
  return out;
}

// The states the published rule allows: 1..4 is "<5", 0 is shown, an "x"
// is a count >= 5.
void ExpectStatesFitTheCounts(const CountTable& t) {
  for (int r = 0; r <= t.rows(); ++r)
    for (int c = 0; c <= t.cols(); ++c) {
      const int64_t n = t.At(r, c);
      if (n == 0) {
        EXPECT_EQ(t.State(r, c), CellState::kShown) << r << "," << c;
      } else if (n < kMinCell) {
        EXPECT_EQ(t.State(r, c), CellState::kBelowThreshold) << r << "," << c;
      } else {
        EXPECT_NE(t.State(r, c), CellState::kBelowThreshold) << r << "," << c;
      }
    }
}

TEST(CountTable, TotalsFollowTheInterior) {
  CountTable t(2, 2);
  t.Set(0, 0, 7);
  t.Set(1, 1, 9);
  t.Set(0, 0, 6);  // overwriting keeps the totals right
  EXPECT_EQ(t.At(0, 2), 6);
  EXPECT_EQ(t.At(2, 0), 6);
  EXPECT_EQ(t.At(2, 2), 15);
}

// The security review's row: voldaan 5, niet voldaan 1, binnen termijn 0,
// wacht op start 0, totaal 6. It was published "5 <5 x 0 6" with the x a
// 0: 6 - 5 - 0 - 0 = 1. Hiding the 5 instead would not do either
// (x >= 5 and <5 >= 1 add up to 6 only as 5 + 1); only the total helps.
TEST(CountTable, ReportedRowNoLongerGivesTheOneAway) {
  CountTable t(1, 4);
  t.Set(0, 0, 5);
  t.Set(0, 1, 1);
  t.Suppress();
  EXPECT_EQ(AuditGrid(t), "") << Text(t);
  ExpectStatesFitTheCounts(t);
  EXPECT_EQ(Text(t), "5 <5 0 0 x\n5 <5 0 0 x\n");
}

// Two "<5" alone in a line with its total shown: 1 + 1 = 10 - 8 pins both.
TEST(CountTable, TwoSmallCellsAloneInALineGetAComplement) {
  CountTable t(1, 3);
  t.Set(0, 0, 1);
  t.Set(0, 1, 1);
  t.Set(0, 2, 8);
  t.Suppress();
  EXPECT_EQ(AuditGrid(t), "") << Text(t);
  // 8 is hidden: <5 + <5 + x = 10 allows each <5 to be 1..4 (4 + 1 + 5).
  EXPECT_EQ(Text(t), "<5 <5 x 10\n<5 <5 x 10\n");
}

// A "<5" next to a 5 only: the 5 as a complement adds no slack (x >= 5),
// so a larger cell or the total must go.
TEST(CountTable, AComplementMustLeaveSlack) {
  //  1 5 20 | 26
  // 10 9 11 | 30
  CountTable t(2, 3);
  const int64_t cells[2][3] = {{1, 5, 20}, {10, 9, 11}};
  for (int r = 0; r < 2; ++r)
    for (int c = 0; c < 3; ++c) t.Set(r, c, cells[r][c]);
  t.Suppress();
  EXPECT_EQ(AuditGrid(t), "") << Text(t);
  EXPECT_EQ(t.State(0, 0), CellState::kBelowThreshold);
  // <5 + x = 6 would pin both (1 + 5); with the 20, <5 + x = 21: 1..4 and 17..20.
  EXPECT_EQ(t.State(0, 1), CellState::kShown);
  EXPECT_EQ(t.State(0, 2), CellState::kComplementary);
}

// The brute force: random small grids, counts 0..12 biased to small ones;
// after Suppress every row and column keeps the rule.
TEST(CountTable, RandomGridsLeakNothingThroughAnySingleLine) {
  std::mt19937 rng(20250601);
  std::uniform_int_distribution<int> size(2, 5);
  std::uniform_int_distribution<int> kind(0, 9);
  std::uniform_int_distribution<int> small(1, 4);
  std::uniform_int_distribution<int> large(5, 12);
  int leaking = 0;
  for (int round = 0; round < 3000; ++round) {
    CountTable t(size(rng), size(rng));
    for (int r = 0; r < t.rows(); ++r)
      for (int c = 0; c < t.cols(); ++c) {
        const int k = kind(rng);  // 30% zero, 40% small, 30% 5..12
        t.Set(r, c, k < 3 ? 0 : k < 7 ? small(rng) : large(rng));
      }
    t.Suppress();
    const std::string leak = AuditGrid(t);
    if (!leak.empty() && ++leaking <= 3)
      ADD_FAILURE() << "round " << round << "\n" << Text(t) << leak;
    ExpectStatesFitTheCounts(t);
    EXPECT_EQ(t.unresolved(), 0U);
  }
  EXPECT_EQ(leaking, 0);
}

// The column totals published elsewhere, with states decided there: they
// are never complements here.
TEST(CountTable, PinnedTotalsAreNeverComplements) {
  //  3 10 | 13
  //  6 20 | 26
  //  9 30 | 39   <- pinned: shown in the total table
  CountTable t(2, 2);
  t.Set(0, 0, 3);
  t.Set(0, 1, 10);
  t.Set(1, 0, 6);
  t.Set(1, 1, 20);
  t.PinTotalsRow({CellState::kShown, CellState::kShown, CellState::kShown});
  t.Suppress();
  EXPECT_EQ(AuditGrid(t), "") << Text(t);
  EXPECT_EQ(t.unresolved(), 0U);
  EXPECT_EQ(t.State(0, 0), CellState::kBelowThreshold);
  // Column 1 (3, 6 | 9): 9 is public, so the 6 goes (3 + x = 9: x 5..8).
  EXPECT_EQ(t.State(1, 0), CellState::kComplementary);
  for (int c = 0; c <= 2; ++c) EXPECT_EQ(t.State(2, c), CellState::kShown);
}

// A pinned total that only hiding it could protect: the line keeps every
// non-zero cell hidden and is reported, for the caller to act on.
TEST(CountTable, ALineOnlyAPinnedTotalCouldProtectIsReported) {
  //  2 4 | 6
  //  0 0 | 0
  //  2 4 | 6   <- pinned shown: "<5" + "<5" = 6 makes each 2..4
  CountTable t(2, 2);
  t.Set(0, 0, 2);
  t.Set(0, 1, 4);
  t.PinTotalsRow({CellState::kBelowThreshold, CellState::kBelowThreshold, CellState::kShown});
  t.Suppress();
  // Row 1 is made safe by hiding its total (<5 + <5 = x: each 1..4) ...
  EXPECT_EQ(t.State(0, 2), CellState::kComplementary);
  // ... but the totals row (<5 <5 | 6) and the row-totals column (x 0 | 6)
  // need the pinned 6 hidden.
  EXPECT_EQ(t.unresolved(), 2U);
}

}  // namespace
}  // namespace regie::core::stats
