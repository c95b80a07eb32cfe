#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/indicators/suppress.h"
#include "core/status.h"

// The indicator figures a caller may see (core::indicators::View) as the
// JSON of GET /api/v1/tenants/{t}/indicators (docs/api-contract.md,
// "Indicators"), and the same view flattened to rows for the CSV and Excel
// exports. Only the View is read: what Suppress withheld cannot appear.
namespace regie::http {

// A count: {"value": n} when shown, {"text": "<5", "state":
// "below_threshold"} or {"text": "x", "state": "complementary"} when not.
nlohmann::json CountJson(const core::indicators::ShownCount& count);

nlohmann::json ViewJson(const core::indicators::View& view);

// "case_team", "beleid", "export".
std::string_view ToCode(core::indicators::Audience audience);

// A breakdown as named in queries and JSON: "totaal", "cohort", "wijk",
// "cohort,wijk" (first and second dimension).
std::string BreakdownCode(const core::indicators::Breakdown& breakdown);
std::optional<core::indicators::Breakdown> ParseBreakdown(std::string_view code);

// One published row of an export: an indicator's cell with its dimension
// values and figures as text (counts or "<5"/"x", percentages with one
// decimal, the interval, the target status code).
struct ExportRow {
  std::string indicator_id;
  std::string indicator_label;
  std::string theme;
  std::string breakdown;               // BreakdownCode
  std::vector<std::string> dimension;  // value labels, one per dimension of the breakdown
  core::indicators::ShownCount satisfied, not_satisfied, within_window, anchor_missing, total;
  std::optional<double> percent;  // 0-100
  std::optional<double> lower, upper;
  std::string target_status;  // core::stats::ToCode, or "" when withheld or none
};

struct ExportTable {
  std::string indicator_id;
  std::string label;  // Dutch, as the pack names it
  std::string theme;
  std::optional<double> target_percent;
  std::string rule;  // the total's judgement written out (Dutch), "" when withheld
  std::vector<ExportRow> rows;
};

// The tables of `view` for the chosen indicator (empty: all) and breakdowns
// (empty: all the view has). NotFound "indicator_not_found" for an unknown
// indicator id.
StatusOr<std::vector<ExportTable>> ExportTables(
    const core::indicators::View& view, std::string_view indicator,
    const std::vector<core::indicators::Breakdown>& breakdowns);

// The stamp as one line: "Peildatum 2026-11-23; pakketten ...; gegevensstand ...".
std::string StampLine(const core::indicators::Stamp& stamp);

}  // namespace regie::http
