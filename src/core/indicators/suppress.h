#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/indicators/report.h"
#include "core/stats/line_suppression.h"
#include "core/stats/suppression.h"

// The view of a Report that a given audience may see. The regisseur (the
// case team) sees exact counts; the beleid role and every export or report
// get small-cell suppression (stats::LineSuppressor over the indicator
// tables, see ReportCells): counts 1..4 become "<5", complementary cells
// "x", and every percentage, interval and target status derived from a
// suppressed count is withheld.
namespace regie::core::indicators {

enum class Audience : uint8_t {
  kCaseTeam,  // regisseur: exact figures, inside the team that has the cases
  kBeleid,    // policy staff: aggregate figures only, suppressed
  kExport,    // anything that leaves the system (CSV, PDF, report): suppressed
};

struct ShownCount {
  int64_t value = 0;  // 0 when not shown; never read it without checking `state`
  stats::CellState state = stats::CellState::kShown;

  bool shown() const { return state == stats::CellState::kShown; }
  std::string Text() const { return stats::CellText(value, state); }
};

struct ShownCell {
  uint32_t first = 0;
  uint32_t second = 0;
  ShownCount satisfied, not_satisfied, within_window, anchor_missing, total;
  std::optional<double> percent;  // withheld when satisfied or not_satisfied is suppressed
  std::optional<stats::Interval> wilson;
  std::optional<stats::TargetStatus> target;
};

struct ShownBreakdown {
  Breakdown breakdown;
  std::vector<ShownCell> cells;
};

struct ShownIndicator {
  std::string id;
  std::string label_nl, label_en, domain, theme;
  PackVersion pack;
  bool deadline = false;
  std::optional<double> target_percent;
  std::optional<stats::TargetJudgement> total_judgement;  // withheld with the total's percentage
  std::vector<ShownBreakdown> breakdowns;
};

// A Kaplan-Meier curve as shown: every step for the case team; outside it
// (PublishCurve, curve_publish.h) whole weeks of at least 5 events each,
// truncated before fewer than 5 persons remain at risk, without per-step
// counts, and withheld entirely (no points) for a group under 5.
struct ShownPoint {
  int32_t time = 0;
  double survival = 1, lower = 1, upper = 1;
};
struct ShownCurve {
  ShownCount n;
  std::vector<ShownPoint> points;
  stats::KmMedian median;  // only limits reached before the truncation
};
struct ShownSurvival {
  TimeToEvent measure = TimeToEvent::kPlanAgreed;
  bool available = false;
  std::vector<std::string> missing_events;
  ShownCurve total;
  std::vector<std::pair<uint32_t, ShownCurve>> by_cohort;
};

struct ShownLadderQuarter {
  std::string label;
  Date end;
  std::array<ShownCount, kRungs> distribution{};
  std::array<std::array<ShownCount, kRungs>, kRungs> transitions{};
  ShownCount up, down, same, first_rung;
};

struct View {
  Audience audience = Audience::kCaseTeam;
  bool suppressed = false;
  Stamp stamp;
  std::array<std::vector<std::string>, kDimensionCount> labels;
  ShownCount persons;
  std::vector<ShownIndicator> indicators;
  std::vector<ShownSurvival> survival;
  bool ladder_available = false;
  std::vector<ShownLadderQuarter> ladder;
};

// Pure: the report is not changed. For kCaseTeam every count is shown.
View Suppress(const Report& report, Audience audience);

// The slots of an indicator table row: satisfied, not satisfied, within
// window, anchor missing, and their total.
inline constexpr int kSlots = 5;

// A report's indicator tables as cells and lines of a LineSuppressor,
// which are the equations the view publishes. Per indicator:
//  - the "total" breakdown's row: its four slots add up to its total;
//  - in every other breakdown, each row (a cell's four slots add up to its
//    total) and each column (one slot over all its cells adds up to that
//    slot of the total breakdown). Every breakdown partitions the same
//    persons, so the five totals are the same cells in every breakdown,
//    and a cell hidden there is hidden wherever it is published. (A
//    breakdown whose columns do not add up to the total row, which the
//    engine does not produce, gets column totals of its own.) Without a
//    total breakdown the totals are still cells, unpublished, so the
//    columns stay equations.
// Satisfied and not satisfied are marked `keep` (they make a percentage),
// so a line takes another complement where one suffices. The persons
// count is a cell in no line. Suppress uses one ReportCells
// per report; the regional benchmark links several (regional_suppress.h)
// by adding lines across them before the engine's Suppress().
class ReportCells {
 public:
  using CellId = stats::LineSuppressor::CellId;

  ReportCells(const Report& report, stats::LineSuppressor& engine);

  CellId persons() const { return persons_; }
  // Indicator i (as in report.indicators), slot 0..kSlots-1.
  CellId Total(size_t indicator, int slot) const;
  // Cell `cell` of report.indicators[indicator].breakdowns[breakdown].
  CellId At(size_t indicator, size_t breakdown, size_t cell, int slot) const;

 private:
  using Row = std::array<CellId, kSlots>;
  struct Tables {
    Row total{};
    std::vector<std::vector<Row>> breakdowns;  // as in IndicatorFigures::breakdowns
  };
  CellId persons_ = 0;
  std::vector<Tables> indicators_;
};

// The view of `report` for `audience` with the states `engine` decided for
// `cells` (built from this report; engine.Suppress() already run unless
// the audience is kCaseTeam). Survival curves and the ladder are
// suppressed on their own, as in Suppress.
View ShowView(const Report& report, Audience audience, const ReportCells& cells,
              const stats::LineSuppressor& engine);

}  // namespace regie::core::indicators
