#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

// Kaplan-Meier estimation of time to an event with right-censoring, for
// questions such as "how long from housing to paid work": a person who has
// not (yet) reached the event by the reference date is censored at the time
// observed so far, never counted as a failure and never dropped.
namespace regie::core::stats {

// One person: time observed (days from the origin, >= 0) and whether the
// event happened at that time (false: censored, still waiting).
struct Observation {
  int32_t time = 0;
  bool event = false;
};

// One step of the curve at a time where at least one event or censoring
// happened. `at_risk` is the number still under observation just before
// `time`. Ties: events at t are taken before censorings at t (the standard
// convention), so a person censored at t counts in the risk set at t.
struct KmStep {
  int32_t time = 0;
  int64_t at_risk = 0;
  int64_t events = 0;
  int64_t censored = 0;
  double survival = 1;   // S(t) = prod over t_i <= t of (1 - d_i / n_i)
  double std_error = 0;  // Greenwood: S(t) * sqrt(sum d_i / (n_i (n_i - d_i)))
  double lower = 1;      // 95% pointwise interval, log-log transform
  double upper = 1;
};

// Median time (the smallest t with S(t) <= 0.5) with its 95% interval from
// inverting the log-log pointwise band (Brookmeyer-Crowley style, as R's
// survfit does): the lower limit is the first time the band's lower curve
// reaches 0.5, the upper limit the first time its upper curve does. Each is
// nullopt when the curve never gets there ("not reached", common for small
// groups: the interval is then open-ended, never invented).
struct KmMedian {
  std::optional<int32_t> median;
  std::optional<int32_t> lower;
  std::optional<int32_t> upper;
};

struct KmCurve {
  int64_t n = 0;
  int64_t events = 0;
  std::vector<KmStep> steps;  // ascending time; only times with an event or censoring
  KmMedian median;

  // S(t) of the step function (1 before the first event).
  double SurvivalAt(int32_t t) const;
};

// Estimates the curve. Observations need not be sorted; negative times are
// a programmer error (the caller clamps events before the origin to 0).
KmCurve KaplanMeier(std::span<const Observation> observations, double z = 1.959964);

// The same from a sorted key list (time * 2 + (censored ? 1 : 0)), which is
// how the cohort engine collects observations cheaply: sorting the keys
// puts events before censorings at the same time.
KmCurve KaplanMeierFromSortedKeys(std::span<const uint32_t> keys, double z = 1.959964);

// Sorts entries (KmKey << 32 | group) by their key, stably, so that the
// groups (the cohort engine's cohorts) keep their input order among equal
// keys: a least-significant-digit radix sort over only the key bytes the
// largest key uses (two for times up to 89 years). The cohort engine sorts
// each measure once this way and then splits it by cohort, each cohort's
// keys still in order. `scratch` is a buffer the caller reuses; it may swap
// with `entries`.
void SortByKey(std::vector<uint64_t>& entries, std::vector<uint64_t>& scratch);

inline uint32_t KmKey(int32_t time, bool event) {
  return static_cast<uint32_t>(time) * 2U + (event ? 0U : 1U);
}

}  // namespace regie::core::stats
