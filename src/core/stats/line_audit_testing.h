#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/stats/suppression.h"

// Test support, independent of LineSuppressor's own arithmetic: what one
// published line (entries adding up to a total) tells a reader about each
// hidden cell, found by enumerating every combination of the other hidden
// cells' values (as reachable sums), and whether that breaks the rule.
// The reader is taken at its strongest: "<5" is 1..4, "x" is 5..cap (a
// complement is never 0), so a line that passes here also passes for a
// reader who allows an "x" to be 0.
namespace regie::core::stats::testing {

struct AuditCell {
  int64_t count = 0;
  CellState state = CellState::kShown;
};

namespace internal {

// Reachable sums: has[i] says base + i is reachable.
struct Reach {
  int64_t base = 0;
  std::vector<char> has{1};
};

// Adds a term that can be any value lo..hi.
inline Reach AddTerm(const Reach& r, int64_t lo, int64_t hi) {
  const auto width = static_cast<size_t>(hi - lo);
  std::vector<size_t> prefix(r.has.size() + 1, 0);
  for (size_t i = 0; i < r.has.size(); ++i) prefix[i + 1] = prefix[i] + (r.has[i] ? 1 : 0);
  Reach out;
  out.base = r.base + lo;
  out.has.assign(r.has.size() + width, 0);
  for (size_t k = 0; k < out.has.size(); ++k) {
    const size_t from = k >= width ? k - width : 0;
    const size_t to = std::min(k, r.has.size() - 1) + 1;
    out.has[k] = from < to && prefix[to] > prefix[from] ? 1 : 0;
  }
  return out;
}

inline bool Contains(const Reach& r, int64_t v) {
  return v >= r.base && v - r.base < static_cast<int64_t>(r.has.size()) &&
         r.has[static_cast<size_t>(v - r.base)];
}

inline void Domain(CellState s, int64_t cap, int64_t& lo, int64_t& hi) {
  lo = s == CellState::kBelowThreshold ? 1 : kMinCell;
  hi = s == CellState::kBelowThreshold ? kMinCell - 1 : cap;
}

}  // namespace internal

// Every value v in 0..cap for which the hidden cell `at` (an index into
// `entries`, or entries.size() for the total) can be v, given the line.
inline std::vector<int64_t> PossibleValues(const std::vector<AuditCell>& entries,
                                           const AuditCell& total, size_t at, int64_t cap) {
  // entries - total == 0; shown cells are constants.
  internal::Reach reach;
  for (size_t j = 0; j <= entries.size(); ++j) {
    if (j == at) continue;
    const AuditCell& c = j < entries.size() ? entries[j] : total;
    const int64_t sign = j < entries.size() ? 1 : -1;
    int64_t lo = c.count, hi = c.count;
    if (c.state != CellState::kShown) internal::Domain(c.state, cap, lo, hi);
    reach = sign > 0 ? internal::AddTerm(reach, lo, hi) : internal::AddTerm(reach, -hi, -lo);
  }
  const AuditCell& me = at < entries.size() ? entries[at] : total;
  const int64_t sign = at < entries.size() ? 1 : -1;
  int64_t lo = 0, hi = 0;
  internal::Domain(me.state, cap, lo, hi);
  std::vector<int64_t> out;
  for (int64_t v = lo; v <= hi; ++v)
    if (internal::Contains(reach, -sign * v)) out.push_back(v);
  return out;
}

// "" when the line keeps the rule; else what a reader learns. The rule:
// every "<5" can still be each of 1..4, every "x" at least two values;
// in a line whose total is "<5", only what that "<5" itself implies (its
// k hidden entries add up to at most 4, so each is 1..5-k). `cap` bounds
// every count (a value no count can exceed, e.g. well above the grand
// total).
inline std::string AuditLine(const std::vector<AuditCell>& entries, const AuditCell& total,
                             int64_t cap) {
  size_t hidden_entries = 0;
  for (const AuditCell& e : entries) hidden_entries += e.state != CellState::kShown ? 1 : 0;
  const bool small_total = total.state == CellState::kBelowThreshold;
  std::string out;
  for (size_t at = 0; at <= entries.size(); ++at) {
    const AuditCell& me = at < entries.size() ? entries[at] : total;
    if (me.state == CellState::kShown) continue;
    const std::vector<int64_t> values = PossibleValues(entries, total, at, cap);
    const std::string who = (at < entries.size() ? "entry " + std::to_string(at) : "total") + " (" +
                            std::to_string(me.count) + ")";
    if (std::find(values.begin(), values.end(), me.count) == values.end()) {
      out += who + ": its own value is impossible; ";
      continue;
    }
    auto has = [&](int64_t v) {
      return std::find(values.begin(), values.end(), v) != values.end();
    };
    if (me.state == CellState::kComplementary) {
      if (small_total) out += who + ": an x under a <5 total; ";
      if (values.size() < 2) out += who + ": x pinned; ";
      continue;
    }
    int64_t lo = 1, hi = kMinCell - 1;
    if (small_total) {
      const auto k = static_cast<int64_t>(hidden_entries);
      if (at < entries.size())
        hi = kMinCell - k;
      else
        lo = k;
    }
    for (int64_t v = lo; v <= hi; ++v)
      if (!has(v)) out += who + ": cannot be " + std::to_string(v) + "; ";
  }
  return out;
}

}  // namespace regie::core::stats::testing
