#include "core/indicators/curve_publish.h"

#include <optional>

#include "core/stats/suppression.h"

namespace regie::core::indicators {
namespace {

constexpr int32_t kWeek = 7;

int32_t WeekEnd(int32_t day) { return (day + kWeek - 1) / kWeek * kWeek; }

}  // namespace

ShownCurve PublishCurve(const stats::KmCurve& curve, bool suppress) {
  ShownCurve out;
  if (!suppress) {
    out.n = {curve.n, stats::CellState::kShown};
    for (const stats::KmStep& s : curve.steps)
      out.points.push_back({s.time, s.survival, s.lower, s.upper});
    out.median = curve.median;
    return out;
  }
  if (curve.n > 0 && curve.n < stats::kMinCell) {
    out.n = {0, stats::CellState::kBelowThreshold};
    return out;
  }
  out.n = {curve.n, stats::CellState::kShown};
  // Walk the steps week by week: `last` is the last step of the current
  // week, `pending` the events since the previous point.
  int64_t pending = 0;
  const stats::KmStep* last = nullptr;
  int32_t week = 0;
  auto close_week = [&] {
    if (last == nullptr || pending < stats::kMinCell) return;
    out.points.push_back({week, last->survival, last->lower, last->upper});
    pending = 0;
  };
  bool cut = false;
  for (const stats::KmStep& s : curve.steps) {
    if (last != nullptr && WeekEnd(s.time) != week) close_week();
    // The tail would show the last few; the week it falls in is not shown
    // either, as its end would not be that week's survival.
    if (s.at_risk < stats::kMinCell) {
      cut = true;
      break;
    }
    week = WeekEnd(s.time);
    last = &s;
    pending += s.events;
  }
  if (!cut) close_week();
  // -1: nothing shown, so no median either.
  const int32_t shown_until = out.points.empty() ? -1 : out.points.back().time;
  auto publish = [&](const std::optional<int32_t>& t) -> std::optional<int32_t> {
    if (!t || WeekEnd(*t) > shown_until) return std::nullopt;
    return WeekEnd(*t);
  };
  out.median.median = publish(curve.median.median);
  out.median.lower = publish(curve.median.lower);
  out.median.upper = publish(curve.median.upper);
  return out;
}

}  // namespace regie::core::indicators
