#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/stats/line_suppression.h"

// Small-cell suppression for figures that leave the case team (the beleid
// role, every export and report), so no one can be recognised from a count.
// The rule itself is LineSuppressor's (line_suppression.h).
namespace regie::core::stats {

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

  // LineSuppressor's rule over the whole grid, totals included (a total of
  // 1..4 is itself "<5"); the lines are every grid row (its cols entries
  // adding up to its row total) and every grid column (its rows entries
  // adding up to its column total), the totals row and column included.
  //  1. primary: every cell, interior or total, with a count 1..4.
  //     Zeros are shown: "nobody" identifies no one, and hiding every zero
  //     would blank most small-area tables. A zero is never a complement.
  //  2. complementary, to a fixed point over all those lines: while from
  //     a single row or column a "<5" can be narrowed below 1..4 or an "x"
  //     pinned to one value (the reader knowing "x" >= 5), hide one more
  //     non-zero shown cell of that line: of those that make it safe on
  //     their own, the one that leaves fewest other lines newly unsafe,
  //     then the smallest; if none does, its largest, and check again.
  // Contract: afterwards no single row or column equation narrows a
  // suppressed cell, except (a) a line whose total is itself "<5" tells
  // that its entries add up to at most 4, and (b) a line that only a
  // pinned cell could protect (see PinTotalsRow and unresolved()). It is
  // the standard single-line heuristic, not a linear-programming audit of
  // every combination of equations.
  void Suppress();

  // When the column totals are published elsewhere too with states
  // decided there, call before Suppress to give the totals row (cols + 1
  // states, the grand total last) those states. Pinned cells keep them and
  // are never chosen as complements, so a hidden cell is never recoverable
  // from a total the reader can see in the other table. A line that could
  // only be made safe by hiding a pinned total keeps every non-zero
  // unpinned cell hidden (the whole line but its zeros) and is counted in
  // unresolved(): the caller must then hide more in the other table.
  // (ind::Suppress avoids pins: it suppresses the linked tables as one
  // LineSuppressor.)
  void PinTotalsRow(const std::vector<CellState>& states);

  // Lines Suppress could not make safe (only possible with pinned cells).
  size_t unresolved() const { return unresolved_; }

 private:
  size_t Index(int r, int c) const {
    return static_cast<size_t>(r) * static_cast<size_t>(cols_ + 1) + static_cast<size_t>(c);
  }

  int rows_;
  int cols_;
  std::vector<int64_t> counts_;
  std::vector<CellState> states_;
  std::vector<bool> pinned_;
  size_t unresolved_ = 0;
};

}  // namespace regie::core::stats
