#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/indicators/population.h"
#include "core/indicators/report.h"
#include "core/policy/compiled.h"
#include "core/policy/engine.h"

namespace regie::core::indicators {

struct EngineOptions {
  std::vector<Breakdown> breakdowns = DefaultBreakdowns();
  int ladder_quarters = 8;  // quarters of participatieladder history, ending with the current one
  bool survival = true;     // Kaplan-Meier curves
  // Indicator ids to compute (an id no active pack has is ignored); empty:
  // every indicator of the active packs. The others are neither evaluated
  // nor reported.
  std::vector<std::string> indicators;
};

// Computes every indicator of a tenant's active packs on a reference date,
// broken down as asked, plus time-to-event curves and the participatieladder
// flow, in one pass over the persons.
//
// Contract:
//  - Deadline indicators (milestone measures, minimum residence) count in
//    their denominator only persons whose outcome is known on the reference
//    date; persons still inside their window are counted as within_window
//    ("nog binnen termijn"), those whose clock has not started as
//    anchor_missing. State indicators count everyone in their population.
//  - Every cell with a denominator carries a 95% Wilson interval and, when
//    the indicator has a target, its target status (stats::JudgeTarget).
//  - Counts are exact. Apply Suppress before anything leaves the case team.
//  - Deterministic: the same policy, population, date and snapshot give the
//    same report; nothing is read from a clock.
// Not thread-safe (it owns an Evaluator and scratch buffers): one engine per
// thread. After the first tenant it allocates little beyond the report.
class CohortEngine {
 public:
  explicit CohortEngine(const policy::CompiledPolicy& policy);

  Report Compute(const TenantPopulation& population, Date on, std::string snapshot,
                 const EngineOptions& options = {});

 private:
  struct MeasureEvents {
    bool available = false;
    std::vector<std::string> missing;
  };

  void PrepareLabels(const TenantPopulation& population, Date on, Report& report);
  // Both read the evaluator's index of the person just evaluated (same
  // date): his earliest date per event and his run of ladder rungs.
  void Survival(const policy::PersonFacts& facts, const policy::civil::Ymd& birth, int32_t on,
                uint32_t cohort);
  // The curves of one measure, overall and per cohort, from km_entries_[m].
  void Curves(size_t m, size_t cohorts, SurvivalFigures& s);
  void Ladder(const policy::PersonFacts& facts, const policy::civil::Ymd& birth, int32_t on,
              std::vector<LadderQuarter>& quarters);

  const policy::CompiledPolicy& policy_;
  policy::Evaluator evaluator_;
  std::vector<policy::IndicatorResult> results_;
  std::array<MeasureEvents, kTimeToEventCount> measures_{};
  std::array<std::vector<uint32_t>, kTimeToEventCount> measure_events_;
  uint32_t bijstand_event_ = policy::internal::kNone;
  uint32_t ladder_event_ = policy::internal::kNone;
  std::vector<uint8_t> deadline_;  // per indicator
  // Scratch, reused across tenants.
  std::vector<int32_t> counts_;    // [cell][indicator][4]
  std::vector<uint32_t> counted_;  // one person's counters: indicator * 4 + slot
  // Per measure, KmKey << 32 | cohort of every person observed.
  std::array<std::vector<uint64_t>, kTimeToEventCount> km_entries_;
  std::vector<uint64_t> km_scratch_;              // stats::SortByKey
  std::vector<uint32_t> km_all_;                  // one measure's keys, sorted
  std::vector<uint32_t> km_by_cohort_;            // the same keys by cohort, each sorted
  std::vector<uint32_t> km_start_;                // per cohort: where its keys start
  std::vector<policy::civil::Ymd> quarter_ends_;  // the ladder's quarter ends, as dates
  std::vector<uint8_t> selected_;                 // per indicator: computed (options.indicators)
};

}  // namespace regie::core::indicators
