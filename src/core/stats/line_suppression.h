#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

// The engine of small-cell suppression: counts as cells, published sums as
// lines, and the rule that decides which cells are hidden. CountTable
// (suppression.h) is a grid built on it; the indicator views and the
// regional benchmark (core/indicators) build their own cells and lines.
namespace regie::core::stats {

// Counts 1..4 are primary-suppressed: shown as "<5", and any percentage
// derived from them is withheld.
inline constexpr int64_t kMinCell = 5;

enum class CellState : uint8_t {
  kShown,
  kBelowThreshold,  // primary: 1..4, shown as "<5"
  kComplementary,   // secondary: a count >= 5 hidden so no primary can be derived, shown as "x"
};

// "<5", "x" or the number.
std::string CellText(int64_t count, CellState state);

// What a reader knows of a cell from its text alone, as the published rule
// tells it: a shown count exactly; "<5" is 1..4; "x" is at least 5 (a
// complement is never a zero, and never a count below 5, which would be
// "<5"). The upper bound of "x" is kUnbounded, i.e. none.
inline constexpr int64_t kUnbounded = int64_t{1} << 40;
struct ReaderBounds {
  int64_t lo = 0;
  int64_t hi = 0;
};
ReaderBounds BoundsOf(int64_t count, CellState state);

// Cells with counts, and lines: published equations "these entries add up
// to that total". Suppress() decides every cell's state:
//
//  1. Primary: every cell (not pinned) with a count 1..4 is kBelowThreshold.
//     Zeros are always shown.
//  2. Complementary, to a fixed point: a line is safe when, from that line
//     alone (its equation and the ReaderBounds of its cells), a reader
//       - can narrow no "<5" in it below 1..4: every value 1, 2, 3 and 4
//         stays possible, and
//       - cannot pin an "x" in it to one value;
//     a line whose total is itself "<5" is exempt: all its non-zero
//     entries are "<5" too, nothing else can be hidden in it, and what it
//     tells (its non-zero entries add up to at most 4) is what the "<5" on
//     its total says. (Equivalently, for a line with a shown total or an
//     "x" total: with U = the sum over its hidden cells of how far each is
//     above its lower bound (a hidden total: below its upper bound) and D
//     likewise below the upper bound (a total: above its lower bound),
//     every "<5" keeps 1..4 iff U >= 3 and D >= 3; an "x" is pinned when
//     it is the line's only hidden cell or the others leave it no room,
//     as in x + x = 10.)
//     While a line is not safe, one more of its cells is hidden as a
//     complement ("x"). Candidates are its shown, unpinned cells with a
//     count > 0 (so >= 5), its total included. Among the candidates that
//     make the line safe on their own, the choice is, in this order: one
//     not marked `keep`; one that leaves the fewest of its other lines
//     unsafe that were safe (a cell whose other lines already have hidden
//     cells with slack costs nothing more there); the smallest count; the
//     first (entries in order, the total last). If none suffices alone, the
//     largest count not marked `keep` (else the largest) is hidden (the
//     most slack, and once the total is hidden any entry completes the
//     line) and the line is checked again. So a line ends up safe, or with
//     every non-zero unpinned cell hidden. Each cell hidden re-checks every
//     other line it is in, until no line changes.
//
// Without pinned cells every line ends up safe: hiding its total, and one
// non-zero entry that is not "<5" if there is one, always suffices. A
// line that needs a pinned cell hidden can stay unsafe; Unresolved()
// lists those, for the caller to handle.
//
// Contract: after Suppress(), every line not in Unresolved() is safe as
// defined above. It is a rule on single lines, not a linear-programming
// audit of all lines combined: a reader who combines several equations
// may still narrow a cell.
class LineSuppressor {
 public:
  using CellId = size_t;
  using LineId = size_t;

  // `keep`: a cell the publication needs most (e.g. the parts of a
  // percentage); a complement only where no other candidate suffices.
  CellId AddCell(int64_t count, bool keep = false);
  // The cell keeps `state` (decided elsewhere, where it is published as
  // well) and is never chosen as a complement. Call before Suppress.
  void Pin(CellId cell, CellState state);
  // The entries add up to the total (asserted): a published equation.
  // Entries and total are distinct cells.
  LineId AddLine(std::vector<CellId> entries, CellId total);

  void Suppress();

  size_t cell_count() const { return counts_.size(); }
  size_t line_count() const { return lines_.size(); }
  int64_t Count(CellId cell) const { return counts_[cell]; }
  CellState State(CellId cell) const { return states_[cell]; }
  bool Suppressed(CellId cell) const { return states_[cell] != CellState::kShown; }
  // Whether the line meets the rule with the current states.
  bool Safe(LineId line) const;
  // Lines left unsafe by Suppress (only possible with pinned cells).
  const std::vector<LineId>& Unresolved() const { return unresolved_; }

 private:
  struct Line {
    std::vector<CellId> entries;
    CellId total = 0;
  };
  // Hides cells of `line` until it is safe or has no candidate left;
  // appends the cells it hid to `hidden`.
  void Complete(LineId line, std::vector<CellId>& hidden);
  bool Candidate(CellId cell) const;
  // How many of the cell's lines other than `except`, safe now, would not
  // be if it were hidden (a lone "x" there, say).
  int Breaks(CellId cell, LineId except);

  std::vector<int64_t> counts_;
  std::vector<CellState> states_;
  std::vector<bool> pinned_;
  std::vector<bool> keep_;
  std::vector<Line> lines_;
  std::vector<std::vector<LineId>> lines_of_;  // the lines each cell is in; built by Suppress
  std::vector<LineId> unresolved_;
};

}  // namespace regie::core::stats
