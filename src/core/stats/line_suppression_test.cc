#include "core/stats/line_suppression.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/stats/line_audit_testing.h"

namespace regie::core::stats {
namespace {

using testing::AuditCell;
using testing::AuditLine;

// One line: entries and their total, added to `engine`.
LineSuppressor::LineId AddSum(LineSuppressor& engine, const std::vector<int64_t>& entries) {
  std::vector<LineSuppressor::CellId> ids;
  int64_t total = 0;
  for (int64_t e : entries) {
    ids.push_back(engine.AddCell(e));
    total += e;
  }
  return engine.AddLine(std::move(ids), engine.AddCell(total));
}

std::string Text(const LineSuppressor& engine) {
  std::string out;
  for (size_t c = 0; c < engine.cell_count(); ++c)
    out += (c ? " " : "") + CellText(engine.Count(c), engine.State(c));
  return out;
}

TEST(LineSuppressor, ReportedRow) {
  // 5 + 1 + 0 + 0 = 6: the total must go (hiding the 5 would give x + <5 = 6).
  LineSuppressor engine;
  AddSum(engine, {5, 1, 0, 0});
  engine.Suppress();
  EXPECT_EQ(Text(engine), "5 <5 0 0 x");
  EXPECT_TRUE(engine.Safe(0));
}

TEST(LineSuppressor, TwoSmallCellsWithAShownTotal) {
  LineSuppressor engine;
  AddSum(engine, {1, 1, 8});
  engine.Suppress();
  EXPECT_EQ(Text(engine), "<5 <5 x 10");
}

TEST(LineSuppressor, TheSmallestSufficientCandidateWins) {
  // 2 + 5 + 6 + 30 = 43: hiding the 5 or the 6 adds too little slack
  // (x >= 5: <5 + x = 7 makes the <5 at most 2, <5 + x = 8 at most 3); the
  // 30 is the smallest that does (<5 + x = 32: 1..4 and 28..31).
  LineSuppressor engine;
  AddSum(engine, {2, 5, 6, 30});
  engine.Suppress();
  EXPECT_EQ(Text(engine), "<5 5 6 x 43");
}

TEST(LineSuppressor, ALoneComplementGetsAPartner) {
  // A cell hidden for another line is pinned by this one unless another
  // goes: 5 + 5 = 10 would pin both, so the 6.
  LineSuppressor engine;
  const auto a = engine.AddCell(5), b = engine.AddCell(5), c = engine.AddCell(6);
  engine.AddLine({a, b, c}, engine.AddCell(16));
  engine.Pin(a, CellState::kComplementary);
  engine.Suppress();
  EXPECT_EQ(Text(engine), "x 5 x 16");
}

TEST(LineSuppressor, ASmallTotalIsExempt) {
  // 1 + 1 + 0 = 2: each "<5" is at most 3 here, which the "<5" total says
  // already; there is nothing else to hide.
  LineSuppressor engine;
  AddSum(engine, {1, 1, 0});
  engine.Suppress();
  EXPECT_EQ(Text(engine), "<5 <5 0 <5");
  EXPECT_TRUE(engine.Safe(0));
  EXPECT_TRUE(engine.Unresolved().empty());
}

TEST(LineSuppressor, WithoutCandidatesTheLineIsReported) {
  // 2 + 4 + 0 = 6 with the 6 pinned shown: <5 + <5 = 6 makes each 2..4.
  LineSuppressor engine;
  const auto line = AddSum(engine, {2, 4, 0});
  engine.Pin(3, CellState::kShown);
  engine.Suppress();
  EXPECT_EQ(Text(engine), "<5 <5 0 6");
  EXPECT_FALSE(engine.Safe(line));
  EXPECT_EQ(engine.Unresolved(), std::vector<LineSuppressor::LineId>{line});
}

// Safe() is interval arithmetic; the audit enumerates. They must agree on
// any line, whatever its states (not only those Suppress produces).
TEST(LineSuppressor, SafeAgreesWithTheBruteForceAudit) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> length(1, 5);
  std::uniform_int_distribution<int> value(0, 14);
  std::uniform_int_distribution<int> coin(0, 1);
  for (int round = 0; round < 5000; ++round) {
    LineSuppressor engine;
    std::vector<int64_t> entries(static_cast<size_t>(length(rng)));
    int64_t sum = 0;
    for (int64_t& e : entries) {
      e = value(rng) < 5 ? 0 : value(rng) % 13;
      sum += e;
    }
    const auto line = AddSum(engine, entries);
    // States as the published rule allows them: 1..4 "<5", 0 shown, >= 5
    // shown or "x".
    std::vector<AuditCell> audit;
    for (size_t c = 0; c < engine.cell_count(); ++c) {
      const int64_t n = engine.Count(c);
      CellState s = CellState::kShown;
      if (n > 0 && n < kMinCell) s = CellState::kBelowThreshold;
      if (n >= kMinCell && coin(rng)) s = CellState::kComplementary;
      engine.Pin(c, s);
      audit.push_back({n, s});
    }
    const AuditCell total = audit.back();
    audit.pop_back();
    const std::string leak = AuditLine(audit, total, 4 * sum + 50);
    EXPECT_EQ(engine.Safe(line), leak.empty()) << Text(engine) << ": " << leak;
  }
}

}  // namespace
}  // namespace regie::core::stats
