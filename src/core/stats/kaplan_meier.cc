#include "core/stats/kaplan_meier.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace regie::core::stats {
namespace {

// Pointwise 95% interval on the log-log scale: with
// se_ll = sqrt(sum d/(n(n-d))) / |log S|, the limits are
// S^exp(+z se_ll) (lower) and S^exp(-z se_ll) (upper). It stays inside
// [0, 1] without clipping. Undefined at S = 1 (no event yet: [1, 1]) and at
// S = 0 (all events: [0, 0]).
void Band(KmStep& s, double greenwood_sum, double z) {
  if (s.survival >= 1.0) {
    s.lower = s.upper = 1.0;
    return;
  }
  if (s.survival <= 0.0) {
    s.lower = s.upper = 0.0;
    return;
  }
  const double log_s = std::log(s.survival);
  const double se_ll = std::sqrt(greenwood_sum) / std::fabs(log_s);
  // S^k = exp(k ln S); one exp of z*se serves both limits.
  const double k = std::exp(z * se_ll);
  s.lower = std::exp(log_s * k);
  s.upper = std::exp(log_s / k);
}

// A little slack so that 0.5 computed as a product (e.g. (1-1/2)) counts.
constexpr double kHalf = 0.5 + 1e-12;

KmMedian Median(const std::vector<KmStep>& steps) {
  KmMedian m;
  for (const KmStep& s : steps) {
    if (!m.median && s.survival <= kHalf) m.median = s.time;
    // The lower band falls to one half first: the early end of the interval.
    if (!m.lower && s.lower <= kHalf) m.lower = s.time;
    if (!m.upper && s.upper <= kHalf) m.upper = s.time;
  }
  return m;
}

}  // namespace

double KmCurve::SurvivalAt(int32_t t) const {
  double s = 1.0;
  for (const KmStep& step : steps) {
    if (step.time > t) break;
    s = step.survival;
  }
  return s;
}

KmCurve KaplanMeierFromSortedKeys(std::span<const uint32_t> keys, double z) {
  KmCurve curve;
  curve.n = static_cast<int64_t>(keys.size());
  size_t times = 0;  // one step per distinct time: one allocation per curve
  for (size_t k = 0; k < keys.size(); ++k) times += k == 0 || keys[k] / 2U != keys[k - 1] / 2U;
  curve.steps.reserve(times);
  int64_t at_risk = curve.n;
  double survival = 1.0;
  double greenwood = 0.0;
  size_t i = 0;
  while (i < keys.size()) {
    const uint32_t time = keys[i] / 2U;
    KmStep step;
    step.time = static_cast<int32_t>(time);
    step.at_risk = at_risk;
    for (; i < keys.size() && keys[i] / 2U == time; ++i) {
      if (keys[i] % 2U == 0U)
        ++step.events;
      else
        ++step.censored;
    }
    if (step.events > 0) {
      const auto n = static_cast<double>(at_risk);
      const auto d = static_cast<double>(step.events);
      survival *= 1.0 - d / n;
      // d == n makes S = 0; the Greenwood term is then infinite, but S = 0
      // has a degenerate interval anyway (see Band).
      if (step.events < at_risk) greenwood += d / (n * (n - d));
    }
    step.survival = survival;
    if (step.events == 0 && !curve.steps.empty()) {
      // Censorings alone change neither S nor the Greenwood sum: the same
      // band as the step before (most steps of a curve with many persons
      // still waiting), without its logarithm and exponentials.
      const KmStep& before = curve.steps.back();
      step.std_error = before.std_error;
      step.lower = before.lower;
      step.upper = before.upper;
    } else {
      step.std_error = survival * std::sqrt(greenwood);
      Band(step, greenwood, z);
    }
    curve.events += step.events;
    at_risk -= step.events + step.censored;
    curve.steps.push_back(step);
  }
  curve.median = Median(curve.steps);
  return curve;
}

void SortByKey(std::vector<uint64_t>& entries, std::vector<uint64_t>& scratch) {
  uint64_t largest = 0;
  for (uint64_t e : entries) largest = std::max(largest, e);
  scratch.resize(entries.size());
  for (unsigned shift = 32; shift < 64 && (largest >> shift) != 0; shift += 8) {
    std::array<uint32_t, 256> start{};
    for (uint64_t e : entries) ++start[(e >> shift) & 0xFFU];
    uint32_t sum = 0;
    for (uint32_t& c : start) {
      const uint32_t n = c;
      c = sum;
      sum += n;
    }
    // Stable per pass, so earlier (lower) bytes and the groups keep their order.
    for (uint64_t e : entries) scratch[start[(e >> shift) & 0xFFU]++] = e;
    entries.swap(scratch);
  }
}

KmCurve KaplanMeier(std::span<const Observation> observations, double z) {
  std::vector<uint32_t> keys;
  keys.reserve(observations.size());
  for (const Observation& o : observations) keys.push_back(KmKey(o.time, o.event));
  std::sort(keys.begin(), keys.end());
  return KaplanMeierFromSortedKeys(keys, z);
}

}  // namespace regie::core::stats
