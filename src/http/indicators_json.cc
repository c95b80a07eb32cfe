#include "http/indicators_json.h"

#include <algorithm>
#include <cmath>

namespace regie::http {
namespace {

using nlohmann::json;
namespace ind = core::indicators;

// Rounded for the wire: more digits than this claim a precision the
// figures do not have, and make the body larger for nothing.
double Round(double v, double scale) { return std::round(v * scale) / scale; }

json Opt(const std::optional<double>& v, double scale = 100) {
  return v ? json(Round(*v, scale)) : json(nullptr);
}
json OptDays(const std::optional<int32_t>& v) { return v ? json(*v) : json(nullptr); }

std::string_view StateCode(core::stats::CellState state) {
  switch (state) {
    case core::stats::CellState::kShown:
      return "shown";
    case core::stats::CellState::kBelowThreshold:
      return "below_threshold";
    case core::stats::CellState::kComplementary:
      return "complementary";
  }
  return "shown";
}

const std::string& Label(const ind::View& view, ind::Dimension d, uint32_t index) {
  static const std::string kUnknown = "onbekend";
  const std::vector<std::string>& labels = view.labels[static_cast<size_t>(d)];
  return index < labels.size() ? labels[index] : kUnknown;
}

std::vector<std::string> CellValues(const ind::View& view, const ind::Breakdown& b,
                                    const ind::ShownCell& c) {
  std::vector<std::string> out{Label(view, b.first, c.first)};
  if (b.second != ind::Dimension::kTotal) out.push_back(Label(view, b.second, c.second));
  return out;
}

json DimensionsJson(const ind::Breakdown& b) {
  json out = json::array({ind::ToCode(b.first)});
  if (b.second != ind::Dimension::kTotal) out.push_back(ind::ToCode(b.second));
  return out;
}

json CellJson(const ind::View& view, const ind::Breakdown& b, const ind::ShownCell& c) {
  return {{"values", CellValues(view, b, c)},
          {"satisfied", CountJson(c.satisfied)},
          {"not_satisfied", CountJson(c.not_satisfied)},
          {"within_window", CountJson(c.within_window)},
          {"anchor_missing", CountJson(c.anchor_missing)},
          {"total", CountJson(c.total)},
          {"percent", Opt(c.percent, 10)},
          {"interval", c.wilson ? json{{"lower", Round(100 * c.wilson->lower, 10)},
                                       {"upper", Round(100 * c.wilson->upper, 10)}}
                                : json(nullptr)},
          {"target_status", c.target ? json(core::stats::ToCode(*c.target)) : json(nullptr)}};
}

json IndicatorJson(const ind::View& view, const ind::ShownIndicator& i) {
  json breakdowns = json::array();
  for (const ind::ShownBreakdown& b : i.breakdowns) {
    json cells = json::array();
    for (const ind::ShownCell& c : b.cells) cells.push_back(CellJson(view, b.breakdown, c));
    breakdowns.push_back({{"breakdown", BreakdownCode(b.breakdown)},
                          {"dimensions", DimensionsJson(b.breakdown)},
                          {"cells", std::move(cells)}});
  }
  json judgement = nullptr;
  if (i.total_judgement)
    judgement = {
        {"status", core::stats::ToCode(i.total_judgement->status)},
        {"rule", {{"nl", i.total_judgement->rule_nl}, {"en", i.total_judgement->rule_en}}}};
  return {{"id", i.id},
          {"label", {{"nl", i.label_nl}, {"en", i.label_en}}},
          {"domain", i.domain},
          {"theme", i.theme},
          {"pack", {{"id", i.pack.id}, {"version", i.pack.version}}},
          {"deadline", i.deadline},
          {"target_percent", Opt(i.target_percent)},
          {"judgement", std::move(judgement)},
          {"breakdowns", std::move(breakdowns)}};
}

json CurveJson(const ind::ShownCurve& c) {
  json points = json::array();
  for (const ind::ShownPoint& p : c.points)
    points.push_back({{"t", p.time},
                      {"s", Round(p.survival, 1e4)},
                      {"lower", Round(p.lower, 1e4)},
                      {"upper", Round(p.upper, 1e4)}});
  return {{"n", CountJson(c.n)},
          {"points", std::move(points)},
          {"median",
           {{"days", OptDays(c.median.median)},
            {"lower", OptDays(c.median.lower)},
            {"upper", OptDays(c.median.upper)}}}};
}

json SurvivalJson(const ind::View& view, const ind::ShownSurvival& s) {
  json by_cohort = json::array();
  for (const auto& entry : s.by_cohort)
    by_cohort.push_back({{"cohort", Label(view, ind::Dimension::kCohort, entry.first)},
                         {"curve", CurveJson(entry.second)}});
  return {{"measure", ind::ToCode(s.measure)},
          {"available", s.available},
          {"missing_events", s.missing_events},
          {"total", CurveJson(s.total)},
          {"by_cohort", std::move(by_cohort)}};
}

json LadderJson(const ind::View& view) {
  json quarters = json::array();
  for (const ind::ShownLadderQuarter& q : view.ladder) {
    json distribution = json::array();
    for (const ind::ShownCount& c : q.distribution) distribution.push_back(CountJson(c));
    json transitions = json::array();
    for (const auto& row : q.transitions) {
      json r = json::array();
      for (const ind::ShownCount& c : row) r.push_back(CountJson(c));
      transitions.push_back(std::move(r));
    }
    quarters.push_back({{"label", q.label},
                        {"end", q.end.ToString()},
                        {"distribution", std::move(distribution)},
                        {"transitions", std::move(transitions)},
                        {"up", CountJson(q.up)},
                        {"down", CountJson(q.down)},
                        {"same", CountJson(q.same)},
                        {"first_rung", CountJson(q.first_rung)}});
  }
  return {{"available", view.ladder_available}, {"quarters", std::move(quarters)}};
}

}  // namespace

json CountJson(const ind::ShownCount& count) {
  if (count.shown()) return {{"value", count.value}};
  return {{"text", count.Text()}, {"state", StateCode(count.state)}};
}

std::string_view ToCode(ind::Audience audience) {
  switch (audience) {
    case ind::Audience::kCaseTeam:
      return "case_team";
    case ind::Audience::kBeleid:
      return "beleid";
    case ind::Audience::kExport:
      return "export";
  }
  return "export";
}

std::string BreakdownCode(const ind::Breakdown& b) {
  std::string out(ind::ToCode(b.first));
  if (b.second != ind::Dimension::kTotal) out += "," + std::string(ind::ToCode(b.second));
  return out;
}

std::optional<ind::Breakdown> ParseBreakdown(std::string_view code) {
  auto dimension = [](std::string_view name) -> std::optional<ind::Dimension> {
    for (size_t d = 0; d < ind::kDimensionCount; ++d)
      if (ind::ToCode(static_cast<ind::Dimension>(d)) == name)
        return static_cast<ind::Dimension>(d);
    return std::nullopt;
  };
  const size_t comma = code.find(',');
  std::optional<ind::Dimension> first = dimension(code.substr(0, comma));
  if (!first) return std::nullopt;
  if (comma == std::string_view::npos) return ind::Breakdown{*first, ind::Dimension::kTotal};
  std::optional<ind::Dimension> second = dimension(code.substr(comma + 1));
  if (!second || *second == ind::Dimension::kTotal || *first == ind::Dimension::kTotal)
    return std::nullopt;
  return ind::Breakdown{*first, *second};
}

json ViewJson(const ind::View& view) {
  json packs = json::array();
  for (const ind::PackVersion& p : view.stamp.packs)
    packs.push_back({{"id", p.id}, {"version", p.version}});
  json labels = json::object();
  for (size_t d = 0; d < ind::kDimensionCount; ++d)
    labels[std::string(ind::ToCode(static_cast<ind::Dimension>(d)))] = view.labels[d];
  json indicators = json::array();
  for (const ind::ShownIndicator& i : view.indicators) indicators.push_back(IndicatorJson(view, i));
  json survival = json::array();
  for (const ind::ShownSurvival& s : view.survival) survival.push_back(SurvivalJson(view, s));
  return {{"audience", ToCode(view.audience)},
          {"suppressed", view.suppressed},
          {"stamp",
           {{"reference_date", view.stamp.reference_date.ToString()},
            {"packs", std::move(packs)},
            {"snapshot", view.stamp.snapshot}}},
          {"labels", std::move(labels)},
          {"persons", CountJson(view.persons)},
          {"indicators", std::move(indicators)},
          {"survival", std::move(survival)},
          {"ladder", LadderJson(view)}};
}

StatusOr<std::vector<ExportTable>> ExportTables(const ind::View& view, std::string_view indicator,
                                                const std::vector<ind::Breakdown>& breakdowns) {
  std::vector<ExportTable> out;
  for (const ind::ShownIndicator& i : view.indicators) {
    if (!indicator.empty() && i.id != indicator) continue;
    ExportTable& t = out.emplace_back();
    t.indicator_id = i.id;
    t.label = i.label_nl;
    t.theme = i.theme;
    t.target_percent = i.target_percent;
    if (i.total_judgement) t.rule = i.total_judgement->rule_nl;
    for (const ind::ShownBreakdown& b : i.breakdowns) {
      if (!breakdowns.empty() &&
          std::find(breakdowns.begin(), breakdowns.end(), b.breakdown) == breakdowns.end())
        continue;
      for (const ind::ShownCell& c : b.cells) {
        ExportRow& r = t.rows.emplace_back();
        r.indicator_id = i.id;
        r.indicator_label = i.label_nl;
        r.theme = i.theme;
        r.breakdown = BreakdownCode(b.breakdown);
        r.dimension = CellValues(view, b.breakdown, c);
        r.satisfied = c.satisfied;
        r.not_satisfied = c.not_satisfied;
        r.within_window = c.within_window;
        r.anchor_missing = c.anchor_missing;
        r.total = c.total;
        r.percent = c.percent;
        if (c.wilson) {
          r.lower = 100 * c.wilson->lower;
          r.upper = 100 * c.wilson->upper;
        }
        if (c.target) r.target_status = core::stats::ToCode(*c.target);
      }
    }
  }
  if (!indicator.empty() && out.empty())
    return NotFound("indicator_not_found", "no such indicator in the tenant's packs");
  return out;
}

std::string StampLine(const ind::Stamp& stamp) {
  std::string packs;
  for (const ind::PackVersion& p : stamp.packs)
    packs += (packs.empty() ? "" : ", ") + p.id + " v" + std::to_string(p.version);
  return "Peildatum " + stamp.reference_date.ToString() +
         "; beleidspakketten: " + (packs.empty() ? "geen" : packs) +
         "; gegevensstand: " + stamp.snapshot;
}

}  // namespace regie::http
