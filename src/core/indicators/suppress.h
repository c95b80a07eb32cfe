#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/indicators/report.h"
#include "core/stats/suppression.h"

// The view of a Report that a given audience may see. The regisseur (the
// case team) sees exact counts; the beleid role and every export or report
// get small-cell suppression (stats::CountTable): counts 1..4 become "<5",
// complementary cells "x", and every percentage, interval and target
// status derived from a suppressed count is withheld.
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

// A Kaplan-Meier curve as published: truncated before the first time
// fewer than 5 persons remain at risk, without per-step counts; withheld
// entirely (no points) when the group has fewer than 5 persons.
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

}  // namespace regie::core::indicators
