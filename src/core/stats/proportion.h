#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Proportions with honest uncertainty: the 95% Wilson score interval and the
// status of an indicator against its target judged on that interval, so a
// cohort of 20 people never looks as precise as one of 2,000.
namespace regie::core::stats {

// The normal quantile for a two-sided 95% interval.
inline constexpr double kZ95 = 1.959964;

struct Interval {
  double lower = 0;
  double upper = 0;
};

// Wilson score interval for `successes` out of `trials`, as proportions in
// [0, 1]. Contract: 0 <= successes <= trials; nullopt for trials == 0 (no
// data gives no interval, not [0, 1] pretending to be an estimate).
//   p = x/n, c = z^2/n
//   centre = (p + c/2) / (1 + c)
//   half   = z / (1 + c) * sqrt(p(1-p)/n + z^2/(4 n^2))
std::optional<Interval> Wilson(int64_t successes, int64_t trials, double z = kZ95);

enum class TargetStatus : uint8_t {
  kNoTarget,  // monitored without a target
  kNoData,    // a target, but nobody whose deadline has passed
  kOnTrack,   // lower bound of the 95% interval >= target
  kAtRisk,    // target inside the interval
  kOffTrack,  // upper bound of the 95% interval < target
};

std::string_view ToCode(TargetStatus status);  // "op_koers", "risico", "uit_koers", ...

// The judgement with the rule written out in Dutch and English, filled in
// with the numbers it used, so a report can be read without this source.
struct TargetJudgement {
  TargetStatus status = TargetStatus::kNoTarget;
  std::string rule_nl;
  std::string rule_en;
};

// `target_percent` in percent (0-100). Rule: on track when the lower Wilson
// bound is at least the target, off track when the upper bound is below it,
// at risk otherwise. With 20 persons and 18 satisfied (90%) against a 90%
// target the status is "at risk", not "on track": the data cannot tell.
TargetJudgement JudgeTarget(int64_t successes, int64_t trials,
                            std::optional<double> target_percent);

// The status alone (the same rule), without writing the text: what every
// breakdown cell carries; the indicator's total carries the full judgement.
TargetStatus TargetStatusOf(int64_t successes, int64_t trials,
                            std::optional<double> target_percent);

}  // namespace regie::core::stats
