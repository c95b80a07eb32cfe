#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/indicators/population.h"
#include "core/stats/kaplan_meier.h"
#include "core/stats/proportion.h"

// The result of one indicator computation for one tenant: exact counts, as
// the regisseur sees them. Everything that leaves the case team goes
// through Suppress (suppress.h) first.
namespace regie::core::indicators {

struct PackVersion {
  std::string id;
  int version = 0;
};

// What makes a figure reproducible: the same date, pack versions and data
// snapshot give the same numbers.
struct Stamp {
  Date reference_date;
  std::vector<PackVersion> packs;  // every compiled pack version, in pack order
  std::string snapshot;            // caller's data snapshot id, e.g. "tenant_changes:1234"
};

// A breakdown: one dimension, or two crossed (kCohort x kWijk). Cell index
// of values (a, b) is a * cardinality(second) + b.
struct Breakdown {
  Dimension first = Dimension::kTotal;
  Dimension second = Dimension::kTotal;
  friend bool operator==(const Breakdown&, const Breakdown&) = default;
};

// The default set: total, each dimension alone, and cohort x wijk.
std::vector<Breakdown> DefaultBreakdowns();

// Counts of one cell. Denominator = satisfied + not_satisfied: only persons
// whose outcome is known on the reference date. `within_window` ("nog binnen
// termijn") and `anchor_missing` (the clock has not started) are reported
// next to it, never in it.
struct Cell {
  uint32_t first = 0;  // value index in the first dimension
  uint32_t second = 0;
  int64_t satisfied = 0;
  int64_t not_satisfied = 0;
  int64_t within_window = 0;
  int64_t anchor_missing = 0;
  std::optional<stats::Interval> wilson;  // of satisfied / denominator, as proportions
  stats::TargetStatus target = stats::TargetStatus::kNoTarget;

  int64_t denominator() const { return satisfied + not_satisfied; }
  std::optional<double> percent() const {
    if (denominator() == 0) return std::nullopt;
    return 100.0 * static_cast<double>(satisfied) / static_cast<double>(denominator());
  }
};

struct BreakdownFigures {
  Breakdown breakdown;
  std::vector<Cell> cells;  // only cells with anyone in them, ascending (first, second)
};

struct IndicatorFigures {
  uint32_t indicator = 0;  // CompiledPolicy::indicator(i)
  std::string id;
  std::string label_nl;
  std::string label_en;
  std::string domain;
  std::string theme;
  PackVersion pack;
  bool deadline = false;  // a milestone measure or a minimum residence: censoring applies
  std::optional<double> target_percent;
  stats::TargetJudgement total_judgement;  // the rule written out, for the total
  std::vector<BreakdownFigures> breakdowns;
};

// Time from housing to an event (Kaplan-Meier).
enum class TimeToEvent : uint8_t {
  kPlanAgreed,
  kParticipatieverklaring,
  kFirstWork,  // volunteer work, work placement or paid work, whichever first
  kPaidWork,
  kOffBijstand,  // among persons who received bijstand
  kExamPassed,   // among inburgeringsplichtigen
};
inline constexpr size_t kTimeToEventCount = 6;
std::string_view ToCode(TimeToEvent m);
// The policy event codes a measure looks for (any of them; the earliest).
std::vector<std::string_view> EventsOf(TimeToEvent m);

struct SurvivalFigures {
  TimeToEvent measure = TimeToEvent::kPlanAgreed;
  // False when no active pack declares any of its events: then there is no
  // curve (not an empty one), and missing_events says why.
  bool available = false;
  std::vector<std::string> missing_events;
  stats::KmCurve total;
  std::vector<std::pair<uint32_t, stats::KmCurve>> by_cohort;  // cohort value index, curve
};

// Participatieladder: rung at the end of each quarter (0 = none recorded yet)
// and the flow between consecutive quarters.
inline constexpr size_t kRungs = 7;  // 0 (geen trede) and 1..6
struct LadderQuarter {
  std::string label;  // "2026K3"
  Date end;           // the quarter's last day, or the reference date for the current one
  std::array<int64_t, kRungs> distribution{};
  // from[r] -> to[s] between the previous quarter and this one; zero for the first.
  std::array<std::array<int64_t, kRungs>, kRungs> transitions{};
  int64_t up = 0, down = 0, same = 0, first_rung = 0;  // first_rung: 0 -> a rung
};
struct LadderFigures {
  bool available = false;  // the packs declare participatieladder_trede
  std::vector<LadderQuarter> quarters;
};

struct Report {
  Stamp stamp;
  // Value labels per dimension ("2017H2", wijk names, "man", "18-26", "SY").
  std::array<std::vector<std::string>, kDimensionCount> labels;
  int64_t persons = 0;
  std::vector<IndicatorFigures> indicators;
  std::vector<SurvivalFigures> survival;
  LadderFigures ladder;

  const std::vector<std::string>& Labels(Dimension d) const {
    return labels[static_cast<size_t>(d)];
  }
};

}  // namespace regie::core::indicators
