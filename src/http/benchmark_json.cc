#include "http/benchmark_json.h"

#include <string>

namespace regie::http::benchmark_json {
namespace {

using nlohmann::json;
namespace ind = core::indicators;

std::string_view StateCode(core::stats::CellState s) {
  switch (s) {
    case core::stats::CellState::kShown:
      return "shown";
    case core::stats::CellState::kBelowThreshold:
      return "below_threshold";
    case core::stats::CellState::kComplementary:
      return "complementary";
  }
  return "shown";
}

const ind::ShownBreakdown* Find(const ind::ShownIndicator& i, ind::Dimension d) {
  for (const ind::ShownBreakdown& b : i.breakdowns)
    if (b.breakdown.first == d && b.breakdown.second == ind::Dimension::kTotal) return &b;
  return nullptr;
}

// {"total": cell or null, "cohorts": {label: cell}}
json FiguresJson(const ind::View& view, const ind::ShownIndicator& indicator) {
  json total = nullptr;
  if (const ind::ShownBreakdown* b = Find(indicator, ind::Dimension::kTotal);
      b && !b->cells.empty())
    total = CellJson(b->cells.front());
  json cohorts = json::object();
  const auto& labels = view.labels[static_cast<size_t>(ind::Dimension::kCohort)];
  if (const ind::ShownBreakdown* b = Find(indicator, ind::Dimension::kCohort))
    for (const ind::ShownCell& c : b->cells)
      if (c.first < labels.size()) cohorts[labels[c.first]] = CellJson(c);
  return {{"total", std::move(total)}, {"cohorts", std::move(cohorts)}};
}

json StampJson(const ind::Stamp& s) {
  json packs = json::array();
  for (const ind::PackVersion& p : s.packs) packs.push_back({{"id", p.id}, {"version", p.version}});
  return {{"reference_date", s.reference_date.ToString()},
          {"snapshot", s.snapshot},
          {"packs", std::move(packs)}};
}

}  // namespace

json RegionJson(const core::Region& region) {
  return {{"code", region.data.code},
          {"name", region.data.name},
          {"kind", core::ToCode(region.data.kind)}};
}

json CountJson(const ind::ShownCount& count) {
  return {{"value", count.shown() ? json(count.value) : json(nullptr)},
          {"text", count.Text()},
          {"state", StateCode(count.state)}};
}

json CellJson(const ind::ShownCell& cell) {
  json interval = nullptr;
  if (cell.wilson)
    interval = {{"lower", 100.0 * cell.wilson->lower}, {"upper", 100.0 * cell.wilson->upper}};
  return {{"satisfied", CountJson(cell.satisfied)},
          {"not_satisfied", CountJson(cell.not_satisfied)},
          {"within_window", CountJson(cell.within_window)},
          {"anchor_missing", CountJson(cell.anchor_missing)},
          {"total", CountJson(cell.total)},
          {"percent", cell.percent ? json(*cell.percent) : json(nullptr)},
          {"interval", std::move(interval)},
          {"target", cell.target ? json(core::stats::ToCode(*cell.target)) : json(nullptr)}};
}

json BenchmarkJson(const core::Region& region, core::Date on,
                   const std::vector<core::RegionMember>& members,
                   const std::vector<ind::View>& views, const ind::View& total) {
  json member_list = json::array();
  for (size_t k = 0; k < members.size() && k < views.size(); ++k)
    member_list.push_back({{"tenant_id", members[k].tenant_id},
                           {"code", members[k].tenant_code},
                           {"name", members[k].tenant_name},
                           {"persons", CountJson(views[k].persons)},
                           {"stamp", StampJson(views[k].stamp)}});
  json indicators = json::array();
  for (size_t i = 0; i < total.indicators.size(); ++i) {
    const ind::ShownIndicator& t = total.indicators[i];
    json per_member = json::array();
    for (size_t k = 0; k < members.size() && k < views.size(); ++k) {
      if (i >= views[k].indicators.size()) continue;
      json f = FiguresJson(views[k], views[k].indicators[i]);
      f["tenant_id"] = members[k].tenant_id;
      per_member.push_back(std::move(f));
    }
    indicators.push_back(
        {{"id", t.id},
         {"pack_id", t.pack.id},
         {"label_nl", t.label_nl},
         {"label_en", t.label_en},
         {"domain", t.domain},
         {"theme", t.theme},
         {"deadline", t.deadline},
         {"target_percent", t.target_percent ? json(*t.target_percent) : json(nullptr)},
         {"members", std::move(per_member)},
         {"region", FiguresJson(total, t)}});
  }
  return {{"region", RegionJson(region)},
          {"on", on.ToString()},
          {"members", std::move(member_list)},
          {"total", {{"persons", CountJson(total.persons)}, {"stamp", StampJson(total.stamp)}}},
          {"cohorts", total.labels[static_cast<size_t>(ind::Dimension::kCohort)]},
          {"indicators", std::move(indicators)}};
}

json G40Json(const core::G40Reference& reference) {
  const core::G40Source& s = core::kG40Source;
  json statements = json::array();
  for (const core::G40Count& c : reference.counts) {
    if (statements.empty() || statements.back()["statement"] != c.statement)
      statements.push_back({{"statement", c.statement},
                            {"text_nl", c.statement_nl},
                            {"n", c.n},
                            {"answers", json::array()}});
    statements.back()["answers"].push_back({{"answer", c.answer}, {"count", c.count}});
  }
  return {{"source",
           {{"title", s.title},
            {"publisher", s.publisher},
            {"date", s.date},
            {"section", s.section},
            {"respondents", s.respondents},
            {"data", "data/g40-2018/ (statements.csv, responses.csv)"}}},
          {"statements", std::move(statements)}};
}

}  // namespace regie::http::benchmark_json
