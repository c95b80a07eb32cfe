#pragma once

#include <cstdint>
#include <string>
#include <vector>

// Small-cell suppression for figures that leave the case team (the beleid
// role, every export and report), so no one can be recognised from a count.
namespace regie::core::stats {

// Counts 1..4 are primary-suppressed: shown as "<5", and any percentage
// derived from them is withheld.
inline constexpr int64_t kMinCell = 5;

enum class CellState : uint8_t {
  kShown,
  kBelowThreshold,  // primary: 1..4, shown as "<5"
  kComplementary,   // secondary: suppressed so the primary one cannot be derived, shown as "x"
};

// "<5", "x" or the number.
std::string CellText(int64_t count, CellState state);

// A table of counts with row totals and column totals, laid out as the
// (rows + 1) x (cols + 1) grid that is published: cell (r, c) for
// r < rows, c < cols; the row total of r at (r, cols); the column total of c
// at (rows, c); the grand total at (rows, cols). Totals are computed here
// from the interior, so they cannot disagree with it.
class CountTable {
 public:
  CountTable(int rows, int cols);

  int rows() const { return rows_; }
  int cols() const { return cols_; }
  void Set(int r, int c, int64_t count);                           // interior cell; totals follow
  int64_t At(int r, int c) const { return counts_[Index(r, c)]; }  // incl. totals
  CellState State(int r, int c) const { return states_[Index(r, c)]; }
  bool Suppressed(int r, int c) const { return State(r, c) != CellState::kShown; }

  // Primary then complementary suppression over the whole grid, totals
  // included (a total of 1..4 is itself disclosive):
  //  1. primary: every cell, interior or total, with a count 1..4.
  //     Zeros are shown: "nobody" identifies no one, and hiding every zero
  //     would blank most small-area tables. (A zero next to a small total
  //     is covered because the small total itself is suppressed.)
  //  2. complementary: each row and column of the grid is an equation
  //     (its cells sum to its total). In every such line with exactly one
  //     suppressed entry, also suppress the smallest shown entry of that
  //     line (ties: the first), so the hidden value cannot be found by
  //     subtraction. Repeat until no line changes (a fixed point; each
  //     round suppresses at least one more cell, so it ends).
  // Contract: what remains shown never lets a reader recover a suppressed
  // cell from a single row or column equation. It is the standard
  // heuristic, not a linear-programming audit of every combination of
  // equations.
  void Suppress();

  // The column totals are published elsewhere too (the "total" breakdown
  // of the same indicator is exactly this table's totals row), so their
  // state must agree with that table: call before Suppress to give the
  // totals row (cols + 1 states, the grand total last) the states decided
  // there. Pinned cells keep those states and are never chosen as
  // complements, so a hidden cell is never recoverable from a total the
  // reader can see in the other table.
  void PinTotalsRow(const std::vector<CellState>& states);

 private:
  size_t Index(int r, int c) const {
    return static_cast<size_t>(r) * static_cast<size_t>(cols_ + 1) + static_cast<size_t>(c);
  }
  // Suppresses one more entry of a line with exactly one suppressed entry;
  // returns whether it did.
  bool CompleteLine(const std::vector<size_t>& line);

  int rows_;
  int cols_;
  std::vector<int64_t> counts_;
  std::vector<CellState> states_;
  std::vector<bool> pinned_;
};

}  // namespace regie::core::stats
