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
  void Survival(const policy::PersonFacts& facts, std::span<const policy::EventRecord> events,
                int32_t on, uint32_t cohort, size_t cohorts);
  void Ladder(const policy::PersonFacts& facts, std::span<const policy::EventRecord> events,
              int32_t on, std::vector<LadderQuarter>& quarters);

  const policy::CompiledPolicy& policy_;
  policy::Evaluator evaluator_;
  policy::Evaluation evaluation_;
  std::vector<policy::IndicatorResult> results_;
  // Per event index: bit m set when the event reaches time-to-event measure m.
  std::vector<uint8_t> measure_mask_;
  std::array<MeasureEvents, kTimeToEventCount> measures_{};
  uint32_t bijstand_event_ = policy::internal::kNone;
  uint32_t ladder_event_ = policy::internal::kNone;
  std::vector<uint8_t> deadline_;  // per indicator
  // Scratch, reused across tenants.
  std::vector<int32_t> counts_;  // [indicator][cell][4]
  std::array<std::vector<std::vector<uint32_t>>, kTimeToEventCount> km_keys_;  // [m][cohort]
  std::vector<std::pair<int32_t, int32_t>> rungs_;  // (date, rung) of one person
};

}  // namespace regie::core::indicators
