#include "core/stats/line_suppression.h"

#include <algorithm>
#include <cassert>
#include <deque>

namespace regie::core::stats {

std::string CellText(int64_t count, CellState state) {
  switch (state) {
    case CellState::kBelowThreshold:
      return "<5";
    case CellState::kComplementary:
      return "x";
    case CellState::kShown:
      break;
  }
  return std::to_string(count);
}

ReaderBounds BoundsOf(int64_t count, CellState state) {
  switch (state) {
    case CellState::kBelowThreshold:
      return {1, kMinCell - 1};
    case CellState::kComplementary:
      return {kMinCell, kUnbounded};
    case CellState::kShown:
      break;
  }
  return {count, count};
}

LineSuppressor::CellId LineSuppressor::AddCell(int64_t count, bool keep) {
  assert(count >= 0 && count < kUnbounded);
  counts_.push_back(count);
  states_.push_back(CellState::kShown);
  pinned_.push_back(false);
  keep_.push_back(keep);
  return counts_.size() - 1;
}

void LineSuppressor::Pin(CellId cell, CellState state) {
  states_[cell] = state;
  pinned_[cell] = true;
}

LineSuppressor::LineId LineSuppressor::AddLine(std::vector<CellId> entries, CellId total) {
#ifndef NDEBUG
  int64_t sum = 0;
  for (CellId e : entries) {
    assert(e < counts_.size() && e != total);
    sum += counts_[e];
  }
  assert(total < counts_.size() && sum == counts_[total]);
#endif
  lines_.push_back({std::move(entries), total});
  return lines_.size() - 1;
}

bool LineSuppressor::Safe(LineId id) const {
  const Line& line = lines_[id];
  // All non-zero entries of a "<5" total are "<5" themselves; see the header.
  if (states_[line.total] == CellState::kBelowThreshold) return true;
  // Signed terms y = +x for an entry, -x for the total: they add up to 0.
  // The values y_j can take given the others' bounds are the integer
  // interval [-(sum of the others' upper bounds), -(sum of their lower
  // bounds)], cut to its own bounds (sums of integer intervals have no
  // gaps, so this is exact).
  auto signed_bounds = [&](CellId c, bool total) {
    const ReaderBounds b = BoundsOf(counts_[c], states_[c]);
    return total ? ReaderBounds{-b.hi, -b.lo} : b;
  };
  int64_t sum_lo = 0, sum_hi = 0;
  for (CellId e : line.entries) {
    const ReaderBounds b = signed_bounds(e, false);
    sum_lo += b.lo;
    sum_hi += b.hi;
  }
  const ReaderBounds t = signed_bounds(line.total, true);
  sum_lo += t.lo;
  sum_hi += t.hi;
  auto cell_safe = [&](CellId c, bool total) {
    if (states_[c] == CellState::kShown) return true;
    const ReaderBounds own = signed_bounds(c, total);
    int64_t lo = std::max(own.lo, -(sum_hi - own.hi));
    int64_t hi = std::min(own.hi, -(sum_lo - own.lo));
    if (total) {
      const int64_t flipped = lo;
      lo = -hi;
      hi = -flipped;
    }
    if (states_[c] == CellState::kBelowThreshold) return lo <= 1 && hi >= kMinCell - 1;
    return hi > lo;  // an "x": at least two values possible
  };
  for (CellId e : line.entries)
    if (!cell_safe(e, false)) return false;
  return cell_safe(line.total, true);
}

bool LineSuppressor::Candidate(CellId cell) const {
  return states_[cell] == CellState::kShown && !pinned_[cell] && counts_[cell] > 0;
}

int LineSuppressor::Breaks(CellId cell, LineId except) {
  int n = 0;
  for (LineId other : lines_of_[cell]) {
    if (other == except || !Safe(other)) continue;
    states_[cell] = CellState::kComplementary;
    n += Safe(other) ? 0 : 1;
    states_[cell] = CellState::kShown;
  }
  return n;
}

void LineSuppressor::Complete(LineId id, std::vector<CellId>& hidden) {
  const Line& line = lines_[id];
  std::vector<CellId> cells = line.entries;
  cells.push_back(line.total);
  while (!Safe(id)) {
    constexpr CellId kNone = static_cast<CellId>(-1);
    CellId sufficient = kNone;  // the best that makes the line safe on its own
    int sufficient_breaks = 0;
    CellId largest = kNone;
    for (CellId c : cells) {
      if (!Candidate(c)) continue;
      const bool larger = largest == kNone ||
                          (keep_[c] != keep_[largest] ? !keep_[c] : counts_[c] > counts_[largest]);
      if (larger) largest = c;
      states_[c] = CellState::kComplementary;
      const bool safe = Safe(id);
      states_[c] = CellState::kShown;
      if (!safe) continue;
      const int breaks = Breaks(c, id);
      bool better = sufficient == kNone;
      if (!better && keep_[c] != keep_[sufficient])
        better = !keep_[c];
      else if (!better && breaks != sufficient_breaks)
        better = breaks < sufficient_breaks;
      else if (!better)
        better = counts_[c] < counts_[sufficient];
      if (better) {
        sufficient = c;
        sufficient_breaks = breaks;
      }
    }
    if (largest == kNone) return;  // every non-zero unpinned cell is hidden
    const CellId chosen = sufficient != kNone ? sufficient : largest;
    states_[chosen] = CellState::kComplementary;
    hidden.push_back(chosen);
  }
}

void LineSuppressor::Suppress() {
  for (CellId c = 0; c < counts_.size(); ++c)
    if (!pinned_[c] && counts_[c] > 0 && counts_[c] < kMinCell)
      states_[c] = CellState::kBelowThreshold;
  lines_of_.assign(counts_.size(), {});
  for (LineId l = 0; l < lines_.size(); ++l) {
    for (CellId e : lines_[l].entries) lines_of_[e].push_back(l);
    lines_of_[lines_[l].total].push_back(l);
  }
  // Every line once, in order; then every line that shares a newly hidden
  // cell again. Hiding only ever adds unknowns to a line, which can make
  // a safe line unsafe only through the new "x" itself, so re-checking the
  // lines of each hidden cell reaches the fixed point.
  std::deque<LineId> queue;
  std::vector<bool> queued(lines_.size(), true);
  for (LineId l = 0; l < lines_.size(); ++l) queue.push_back(l);
  std::vector<CellId> hidden;
  while (!queue.empty()) {
    const LineId l = queue.front();
    queue.pop_front();
    queued[l] = false;
    hidden.clear();
    Complete(l, hidden);
    for (CellId c : hidden)
      for (LineId other : lines_of_[c])
        if (other != l && !queued[other]) {
          queued[other] = true;
          queue.push_back(other);
        }
  }
  unresolved_.clear();
  for (LineId l = 0; l < lines_.size(); ++l)
    if (!Safe(l)) unresolved_.push_back(l);
}

}  // namespace regie::core::stats
