#include "core/stats/proportion.h"

#include <cmath>
#include <cstdio>

namespace regie::core::stats {
namespace {

std::string Percent(double proportion) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * proportion);
  return buf;
}

std::string PercentValue(double percent) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g%%", percent);
  return buf;
}

}  // namespace

std::optional<Interval> Wilson(int64_t successes, int64_t trials, double z) {
  if (trials <= 0 || successes < 0 || successes > trials) return std::nullopt;
  const auto n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double denom = 1.0 + z2 / n;
  const double centre = (p + z2 / (2.0 * n)) / denom;
  const double half = z / denom * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
  // At x = 0 or x = n one bound is exactly 0 or 1; clamp rounding noise.
  Interval out{std::fmax(0.0, centre - half), std::fmin(1.0, centre + half)};
  if (successes == 0) out.lower = 0.0;
  if (successes == trials) out.upper = 1.0;
  return out;
}

std::string_view ToCode(TargetStatus status) {
  switch (status) {
    case TargetStatus::kNoTarget:
      return "geen_streefwaarde";
    case TargetStatus::kNoData:
      return "geen_gegevens";
    case TargetStatus::kOnTrack:
      return "op_koers";
    case TargetStatus::kAtRisk:
      return "risico";
    case TargetStatus::kOffTrack:
      return "uit_koers";
  }
  return "geen_streefwaarde";
}

TargetStatus TargetStatusOf(int64_t successes, int64_t trials,
                            std::optional<double> target_percent) {
  if (!target_percent) return TargetStatus::kNoTarget;
  std::optional<Interval> ci = Wilson(successes, trials);
  if (!ci) return TargetStatus::kNoData;
  const double t = *target_percent / 100.0;
  if (ci->lower >= t) return TargetStatus::kOnTrack;
  if (ci->upper < t) return TargetStatus::kOffTrack;
  return TargetStatus::kAtRisk;
}

TargetJudgement JudgeTarget(int64_t successes, int64_t trials,
                            std::optional<double> target_percent) {
  TargetJudgement out;
  if (!target_percent) {
    out.rule_nl = "Geen streefwaarde: alleen gevolgd.";
    out.rule_en = "No target: monitored only.";
    return out;
  }
  const std::string target = PercentValue(*target_percent);
  std::optional<Interval> ci = Wilson(successes, trials);
  if (!ci) {
    out.status = TargetStatus::kNoData;
    out.rule_nl = "Streefwaarde " + target +
                  ": nog niemand van wie de termijn verstreken is, dus geen oordeel.";
    out.rule_en = "Target " + target + ": nobody whose deadline has passed yet, so no judgement.";
    return out;
  }
  const double t = *target_percent / 100.0;
  const std::string range = Percent(ci->lower) + " - " + Percent(ci->upper);
  const std::string common_nl = "Regel: op koers als de ondergrens van het 95%-Wilson-interval " +
                                std::string("de streefwaarde haalt, uit koers als de bovengrens ") +
                                "eronder ligt, anders risico. Interval " + range +
                                ", streefwaarde " + target + ": ";
  const std::string common_en =
      "Rule: on track when the lower bound of the 95% Wilson interval reaches the target, off "
      "track when the upper bound is below it, at risk otherwise. Interval " +
      range + ", target " + target + ": ";
  if (ci->lower >= t) {
    out.status = TargetStatus::kOnTrack;
    out.rule_nl = common_nl + "ondergrens >= streefwaarde, op koers.";
    out.rule_en = common_en + "lower bound >= target, on track.";
  } else if (ci->upper < t) {
    out.status = TargetStatus::kOffTrack;
    out.rule_nl = common_nl + "bovengrens < streefwaarde, uit koers.";
    out.rule_en = common_en + "upper bound < target, off track.";
  } else {
    out.status = TargetStatus::kAtRisk;
    out.rule_nl = common_nl + "streefwaarde binnen het interval, risico.";
    out.rule_en = common_en + "target inside the interval, at risk.";
  }
  return out;
}

}  // namespace regie::core::stats
