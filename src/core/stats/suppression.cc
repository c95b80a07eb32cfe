#include "core/stats/suppression.h"

#include <cassert>

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

CountTable::CountTable(int rows, int cols)
    : rows_(rows),
      cols_(cols),
      counts_(static_cast<size_t>(rows + 1) * static_cast<size_t>(cols + 1), 0),
      states_(counts_.size(), CellState::kShown),
      pinned_(counts_.size(), false) {
  assert(rows >= 0 && cols >= 0);
}

void CountTable::Set(int r, int c, int64_t count) {
  assert(r >= 0 && r < rows_ && c >= 0 && c < cols_ && count >= 0);
  const int64_t delta = count - counts_[Index(r, c)];
  counts_[Index(r, c)] = count;
  counts_[Index(r, cols_)] += delta;
  counts_[Index(rows_, c)] += delta;
  counts_[Index(rows_, cols_)] += delta;
}

bool CountTable::CompleteLine(const std::vector<size_t>& line) {
  int suppressed = 0;
  for (size_t i : line) suppressed += states_[i] != CellState::kShown ? 1 : 0;
  if (suppressed != 1) return false;
  size_t best = counts_.size();
  for (size_t i : line)
    if (states_[i] == CellState::kShown && !pinned_[i] &&
        (best == counts_.size() || counts_[i] < counts_[best]))
      best = i;
  // No candidate: a one-entry line, or only pinned totals left. A pinned
  // total is public anyway; the rest of the grid keeps its other lines safe.
  if (best == counts_.size()) return false;
  states_[best] = CellState::kComplementary;
  return true;
}

void CountTable::PinTotalsRow(const std::vector<CellState>& states) {
  assert(states.size() == static_cast<size_t>(cols_ + 1));
  for (int c = 0; c <= cols_; ++c) {
    states_[Index(rows_, c)] = states[static_cast<size_t>(c)];
    pinned_[Index(rows_, c)] = true;
  }
}

void CountTable::Suppress() {
  for (size_t i = 0; i < counts_.size(); ++i)
    if (!pinned_[i] && counts_[i] > 0 && counts_[i] < kMinCell)
      states_[i] = CellState::kBelowThreshold;
  // Lines: every grid row (its cols entries and its total) and every grid
  // column (its rows entries and its total), the margins included.
  std::vector<std::vector<size_t>> lines;
  for (int r = 0; r <= rows_; ++r) {
    std::vector<size_t>& line = lines.emplace_back();
    for (int c = 0; c <= cols_; ++c) line.push_back(Index(r, c));
  }
  for (int c = 0; c <= cols_; ++c) {
    std::vector<size_t>& line = lines.emplace_back();
    for (int r = 0; r <= rows_; ++r) line.push_back(Index(r, c));
  }
  bool changed = true;
  while (changed) {
    changed = false;
    for (const std::vector<size_t>& line : lines) changed = CompleteLine(line) || changed;
  }
}

}  // namespace regie::core::stats
