#include "core/stats/suppression.h"

#include <cassert>

namespace regie::core::stats {

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

void CountTable::PinTotalsRow(const std::vector<CellState>& states) {
  assert(states.size() == static_cast<size_t>(cols_ + 1));
  for (int c = 0; c <= cols_; ++c) {
    states_[Index(rows_, c)] = states[static_cast<size_t>(c)];
    pinned_[Index(rows_, c)] = true;
  }
}

void CountTable::Suppress() {
  // Cell ids are grid indices.
  LineSuppressor engine;
  for (size_t i = 0; i < counts_.size(); ++i) {
    engine.AddCell(counts_[i]);
    if (pinned_[i]) engine.Pin(i, states_[i]);
  }
  for (int r = 0; r <= rows_; ++r) {
    std::vector<size_t> entries;
    entries.reserve(static_cast<size_t>(cols_));
    for (int c = 0; c < cols_; ++c) entries.push_back(Index(r, c));
    engine.AddLine(std::move(entries), Index(r, cols_));
  }
  for (int c = 0; c <= cols_; ++c) {
    std::vector<size_t> entries;
    entries.reserve(static_cast<size_t>(rows_));
    for (int r = 0; r < rows_; ++r) entries.push_back(Index(r, c));
    engine.AddLine(std::move(entries), Index(rows_, c));
  }
  engine.Suppress();
  for (size_t i = 0; i < counts_.size(); ++i) states_[i] = engine.State(i);
  unresolved_ = engine.Unresolved().size();
}

}  // namespace regie::core::stats
