#include "http/figures_json.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <utility>

namespace regie::http {
namespace {

namespace ind = core::indicators;
namespace stats = core::stats;
using nlohmann::json;

// A stored text that parses as JSON but is not a report of ours.
struct BadFigures : std::runtime_error {
  using std::runtime_error::runtime_error;
};

json Opt(const std::optional<double>& v) { return v ? json(*v) : json(); }
json Opt(const std::optional<int32_t>& v) { return v ? json(*v) : json(); }

// Finds the enumerator of `E` (0 .. count-1) whose code is `code`.
template <typename E>
E FromCode(const json& code, size_t count) {
  const std::string text = code.get<std::string>();
  for (size_t i = 0; i < count; ++i) {
    const auto e = static_cast<E>(i);
    if (ToCode(e) == text) return e;
  }
  throw BadFigures("unknown code " + text);
}

ind::Dimension DimensionOf(const json& j) {
  return FromCode<ind::Dimension>(j, ind::kDimensionCount);
}
stats::TargetStatus StatusOf(const json& j) {
  return FromCode<stats::TargetStatus>(j, static_cast<size_t>(stats::TargetStatus::kOffTrack) + 1);
}

json CurveJson(const stats::KmCurve& c) {
  json steps = json::array();
  for (const stats::KmStep& s : c.steps)
    steps.push_back(
        {s.time, s.at_risk, s.events, s.censored, s.survival, s.std_error, s.lower, s.upper});
  return {{"n", c.n},
          {"events", c.events},
          {"steps", std::move(steps)},
          {"median", {Opt(c.median.median), Opt(c.median.lower), Opt(c.median.upper)}}};
}

std::optional<int32_t> OptInt(const json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<int32_t>();
}

stats::KmCurve CurveOf(const json& j) {
  stats::KmCurve c;
  c.n = j.at("n").get<int64_t>();
  c.events = j.at("events").get<int64_t>();
  for (const json& s : j.at("steps"))
    c.steps.push_back({.time = s.at(0).get<int32_t>(),
                       .at_risk = s.at(1).get<int64_t>(),
                       .events = s.at(2).get<int64_t>(),
                       .censored = s.at(3).get<int64_t>(),
                       .survival = s.at(4).get<double>(),
                       .std_error = s.at(5).get<double>(),
                       .lower = s.at(6).get<double>(),
                       .upper = s.at(7).get<double>()});
  const json& m = j.at("median");
  c.median = {OptInt(m.at(0)), OptInt(m.at(1)), OptInt(m.at(2))};
  return c;
}

json IndicatorJson(const ind::IndicatorFigures& f) {
  json breakdowns = json::array();
  for (const ind::BreakdownFigures& b : f.breakdowns) {
    json cells = json::array();
    for (const ind::Cell& c : b.cells)
      cells.push_back({c.first, c.second, c.satisfied, c.not_satisfied, c.within_window,
                       c.anchor_missing, c.wilson ? json(c.wilson->lower) : json(),
                       c.wilson ? json(c.wilson->upper) : json(), ToCode(c.target)});
    breakdowns.push_back({{"first", ToCode(b.breakdown.first)},
                          {"second", ToCode(b.breakdown.second)},
                          {"cells", std::move(cells)}});
  }
  return {
      {"indicator", f.indicator},
      {"id", f.id},
      {"label_nl", f.label_nl},
      {"label_en", f.label_en},
      {"domain", f.domain},
      {"theme", f.theme},
      {"pack", {f.pack.id, f.pack.version}},
      {"deadline", f.deadline},
      {"target_percent", Opt(f.target_percent)},
      {"judgement",
       {ToCode(f.total_judgement.status), f.total_judgement.rule_nl, f.total_judgement.rule_en}},
      {"breakdowns", std::move(breakdowns)}};
}

ind::IndicatorFigures IndicatorOf(const json& j) {
  ind::IndicatorFigures f;
  f.indicator = j.at("indicator").get<uint32_t>();
  f.id = j.at("id").get<std::string>();
  f.label_nl = j.at("label_nl").get<std::string>();
  f.label_en = j.at("label_en").get<std::string>();
  f.domain = j.at("domain").get<std::string>();
  f.theme = j.at("theme").get<std::string>();
  f.pack = {j.at("pack").at(0).get<std::string>(), j.at("pack").at(1).get<int>()};
  f.deadline = j.at("deadline").get<bool>();
  if (!j.at("target_percent").is_null()) f.target_percent = j.at("target_percent").get<double>();
  const json& judgement = j.at("judgement");
  f.total_judgement = {StatusOf(judgement.at(0)), judgement.at(1).get<std::string>(),
                       judgement.at(2).get<std::string>()};
  for (const json& b : j.at("breakdowns")) {
    ind::BreakdownFigures& out = f.breakdowns.emplace_back();
    out.breakdown = {DimensionOf(b.at("first")), DimensionOf(b.at("second"))};
    for (const json& c : b.at("cells")) {
      ind::Cell& cell = out.cells.emplace_back();
      cell.first = c.at(0).get<uint32_t>();
      cell.second = c.at(1).get<uint32_t>();
      cell.satisfied = c.at(2).get<int64_t>();
      cell.not_satisfied = c.at(3).get<int64_t>();
      cell.within_window = c.at(4).get<int64_t>();
      cell.anchor_missing = c.at(5).get<int64_t>();
      if (!c.at(6).is_null())
        cell.wilson = stats::Interval{c.at(6).get<double>(), c.at(7).get<double>()};
      cell.target = StatusOf(c.at(8));
    }
  }
  return f;
}

json LadderJson(const ind::LadderFigures& ladder) {
  json quarters = json::array();
  for (const ind::LadderQuarter& q : ladder.quarters)
    quarters.push_back({{"label", q.label},
                        {"end", q.end.ToString()},
                        {"distribution", q.distribution},
                        {"transitions", q.transitions},
                        {"flow", {q.up, q.down, q.same, q.first_rung}}});
  return {{"available", ladder.available}, {"quarters", std::move(quarters)}};
}

ind::LadderFigures LadderOf(const json& j) {
  ind::LadderFigures ladder;
  ladder.available = j.at("available").get<bool>();
  for (const json& q : j.at("quarters")) {
    ind::LadderQuarter& out = ladder.quarters.emplace_back();
    out.label = q.at("label").get<std::string>();
    std::optional<core::Date> end = core::Date::Parse(q.at("end").get<std::string>());
    if (!end) throw BadFigures("bad quarter end");
    out.end = *end;
    out.distribution = q.at("distribution").get<std::array<int64_t, ind::kRungs>>();
    out.transitions =
        q.at("transitions").get<std::array<std::array<int64_t, ind::kRungs>, ind::kRungs>>();
    const json& flow = q.at("flow");
    out.up = flow.at(0).get<int64_t>();
    out.down = flow.at(1).get<int64_t>();
    out.same = flow.at(2).get<int64_t>();
    out.first_rung = flow.at(3).get<int64_t>();
  }
  return ladder;
}

ind::Report ReportOf(const json& j) {
  if (j.at("format").get<int>() != kFiguresFormat) throw BadFigures("unknown figures format");
  ind::Report r;
  const json& stamp = j.at("stamp");
  std::optional<core::Date> on = core::Date::Parse(stamp.at("reference_date").get<std::string>());
  if (!on) throw BadFigures("bad reference date");
  r.stamp.reference_date = *on;
  for (const json& p : stamp.at("packs"))
    r.stamp.packs.push_back({p.at(0).get<std::string>(), p.at(1).get<int>()});
  r.stamp.snapshot = stamp.at("snapshot").get<std::string>();
  const json& labels = j.at("labels");
  for (size_t d = 0; d < ind::kDimensionCount; ++d)
    r.labels.at(d) = labels.at(std::string(ToCode(static_cast<ind::Dimension>(d))))
                         .get<std::vector<std::string>>();
  r.persons = j.at("persons").get<int64_t>();
  for (const json& f : j.at("indicators")) r.indicators.push_back(IndicatorOf(f));
  for (const json& s : j.at("survival")) {
    ind::SurvivalFigures& out = r.survival.emplace_back();
    out.measure = FromCode<ind::TimeToEvent>(s.at("measure"), ind::kTimeToEventCount);
    out.available = s.at("available").get<bool>();
    out.missing_events = s.at("missing_events").get<std::vector<std::string>>();
    out.total = CurveOf(s.at("total"));
    for (const json& c : s.at("by_cohort"))
      out.by_cohort.emplace_back(c.at(0).get<uint32_t>(), CurveOf(c.at(1)));
  }
  r.ladder = LadderOf(j.at("ladder"));
  return r;
}

Status Unreadable(const char* why) {
  return Internal(std::string("the stored figures of a report are unreadable: ") + why);
}

}  // namespace

std::string FiguresToJson(const ind::Report& report) {
  json packs = json::array();
  for (const ind::PackVersion& p : report.stamp.packs) packs.push_back({p.id, p.version});
  json labels = json::object();
  for (size_t d = 0; d < ind::kDimensionCount; ++d)
    labels[std::string(ToCode(static_cast<ind::Dimension>(d)))] = report.labels.at(d);
  json indicators = json::array();
  for (const ind::IndicatorFigures& f : report.indicators) indicators.push_back(IndicatorJson(f));
  json survival = json::array();
  for (const ind::SurvivalFigures& s : report.survival) {
    json by_cohort = json::array();
    for (const auto& [cohort, curve] : s.by_cohort) by_cohort.push_back({cohort, CurveJson(curve)});
    survival.push_back({{"measure", ToCode(s.measure)},
                        {"available", s.available},
                        {"missing_events", s.missing_events},
                        {"total", CurveJson(s.total)},
                        {"by_cohort", std::move(by_cohort)}});
  }
  const json out = {{"format", kFiguresFormat},
                    {"stamp",
                     {{"reference_date", report.stamp.reference_date.ToString()},
                      {"packs", std::move(packs)},
                      {"snapshot", report.stamp.snapshot}}},
                    {"labels", std::move(labels)},
                    {"persons", report.persons},
                    {"indicators", std::move(indicators)},
                    {"survival", std::move(survival)},
                    {"ladder", LadderJson(report.ladder)}};
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

StatusOr<ind::Report> FiguresFromJson(std::string_view text) {
  try {
    return ReportOf(json::parse(text));
  } catch (const json::exception& e) {
    return Unreadable(e.what());
  } catch (const BadFigures& e) {
    return Unreadable(e.what());
  }
}

}  // namespace regie::http
