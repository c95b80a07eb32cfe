#include "http/policy_json.h"

#include <algorithm>

#include "core/policy/timeline.h"

namespace regie::http::policy_json {
namespace {

using nlohmann::json;
namespace policy = core::policy;

json Matches(const std::vector<policy::EventMatch>& matches) {
  json out = json::array();
  for (const policy::EventMatch& m : matches)
    out.push_back(m.min_value ? m.event + " >= " + std::to_string(*m.min_value) : m.event);
  return out;
}

std::string Join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

const char* RequirementText(policy::Requirement r) {
  return r == policy::Requirement::kYes ? "ja" : "nee";
}

json MilestoneRule(const policy::Milestone& m) {
  json extensions = json::array();
  for (const policy::ExtensionRule& e : m.extensions)
    extensions.push_back("+" + e.by.ToString() + " na " + e.event + " (max " +
                         std::to_string(e.max_times) + ")");
  std::string deadline = m.deadline.after ? m.deadline.after->ToString()
                         : m.deadline.on  ? m.deadline.on->ToString()
                                          : std::string();
  return {{"id", m.id},
          {"label", Label(m.label)},
          {"domain", m.domain},
          {"anchor", m.anchor},
          {"deadline", deadline},
          {"applies", ApplicabilityText(m.applies)},
          {"satisfied_by", Matches(m.satisfied_by)},
          {"extensions", std::move(extensions)},
          {"exemptions", m.exemptions},
          {"source", Source(m.source)},
          {"note", m.note}};
}

json CadenceRule(const policy::Cadence& c) {
  return {{"id", c.id},
          {"label", Label(c.label)},
          {"domain", c.domain},
          {"start", c.start},
          {"stop", c.stop},
          {"every", c.every.ToString()},
          {"applies", ApplicabilityText(c.applies)},
          {"satisfied_by", Matches(c.satisfied_by)},
          {"source", Source(c.source)},
          {"note", c.note}};
}

json IndicatorRule(const policy::Indicator& i) {
  return {{"id", i.id},
          {"label", Label(i.label)},
          {"domain", i.domain},
          {"theme", i.theme},
          {"target_percent", i.target_percent ? json(*i.target_percent) : json(nullptr)},
          {"period_from", i.period_from.ToString()},
          {"period_to", i.period_to.ToString()},
          {"source", Source(i.source)},
          {"note", i.note}};
}

const char* EventKindCode(policy::EventKind k) {
  switch (k) {
    case policy::EventKind::kRecorded:
      return "recorded";
    case policy::EventKind::kPersonField:
      return "person";
    case policy::EventKind::kDerived:
      return "derived";
  }
  return "recorded";
}

const char* ValueKindCode(policy::EventValueKind k) {
  switch (k) {
    case policy::EventValueKind::kNone:
      return "none";
    case policy::EventValueKind::kInteger:
      return "integer";
    case policy::EventValueKind::kCode:
      return "code";
  }
  return "none";
}

json EventDecl(const policy::EventDecl& e) {
  return {{"id", e.id},
          {"label", Label(e.label)},
          {"kind", EventKindCode(e.kind)},
          {"value", ValueKindCode(e.value_kind)},
          {"code_list", e.code_list},
          {"unit", e.unit},
          {"requires_reason", e.requires_reason}};
}

json CodeListJson(const policy::CodeList& l) {
  json codes = json::array();
  for (const policy::Code& c : l.codes)
    codes.push_back({{"code", c.code}, {"label", Label(c.label)}, {"follow_up", c.follow_up}});
  return {{"id", l.id},
          {"label", Label(l.label)},
          {"outcome", l.outcome},
          {"codes", std::move(codes)},
          {"source", Source(l.source)}};
}

// The person field a person event reads (dto and field-category names).
std::string_view PersonFieldName(policy::PersonDateField field) {
  switch (field) {
    case policy::PersonDateField::kBirthDate:
      return "birth_date";
    case policy::PersonDateField::kPermitDate:
      return "permit_date";
    case policy::PersonDateField::kKoppelingDate:
      return "koppeling_date";
    case policy::PersonDateField::kHousingDate:
      return "housing_date";
  }
  return "housing_date";
}

// A date of a timeline item, null where it comes from a hidden date.
json DateUnless(bool hidden, const std::optional<core::Date>& date) {
  return hidden || !date ? json(nullptr) : json(date->ToString());
}

template <typename T, typename F>
json Each(const std::vector<T>& items, F render) {
  json out = json::array();
  for (const T& item : items) out.push_back(render(item));
  return out;
}

}  // namespace

HiddenDates::HiddenDates(const policy::CompiledPolicy& compiled,
                         const std::function<bool(std::string_view field)>& shows)
    : policy_(&compiled), hidden_(compiled.event_count(), false) {
  // Derived events may build on derived events (validation refuses cycles):
  // resolve depth first, each event once.
  enum class Mark : uint8_t { kTodo, kBusy, kDone };
  std::vector<Mark> mark(compiled.event_count(), Mark::kTodo);
  std::function<bool(uint32_t)> resolve = [&](uint32_t i) -> bool {
    if (mark[i] != Mark::kTodo) return hidden_[i];
    mark[i] = Mark::kBusy;
    const policy::EventDecl& decl = compiled.event_decl(i);
    bool hidden = false;
    if (decl.kind == policy::EventKind::kPersonField) {
      hidden = !shows(PersonFieldName(decl.person_field));
    } else if (decl.kind == policy::EventKind::kDerived) {
      for (const std::string& from : decl.derived_from)
        if (std::optional<uint32_t> source = compiled.FindEvent(from))
          hidden = resolve(*source) || hidden;
    }
    hidden_[i] = hidden;
    mark[i] = Mark::kDone;
    return hidden;
  };
  for (uint32_t i = 0; i < compiled.event_count(); ++i) any_ = resolve(i) || any_;
}

bool HiddenDates::Hides(std::string_view event) const {
  if (!any_) return false;
  std::optional<uint32_t> index = policy_->FindEvent(event);
  return index && hidden_[*index];
}

bool HiddenDates::HidesDue(const policy::Milestone& m) const {
  return !m.deadline.on && Hides(m.anchor);
}

bool HiddenDates::HidesAnyOf(const std::vector<policy::EventMatch>& matches) const {
  return std::any_of(matches.begin(), matches.end(),
                     [this](const policy::EventMatch& m) { return Hides(m.event); });
}

bool HiddenDates::HidesCadence(const policy::Cadence& c) const {
  return Hides(c.start) || HidesAnyOf(c.satisfied_by) ||
         std::any_of(c.stop.begin(), c.stop.end(),
                     [this](const std::string& e) { return Hides(e); });
}

json Label(const policy::LocalizedText& text) { return {{"nl", text.nl}, {"en", text.en}}; }

json OptDate(const std::optional<core::Date>& date) {
  return date ? json(date->ToString()) : json(nullptr);
}

json Source(const policy::SourceRef& source) {
  return {{"document", source.document}, {"section", source.section}};
}

json PackRef(const policy::Pack& pack) {
  return {{"id", pack.id}, {"version", pack.version}, {"title", Label(pack.title)}};
}

json MilestoneItem(const policy::CompiledPolicy& compiled, const policy::MilestoneResult& r,
                   std::optional<core::Date> housing, const HiddenDates& hidden) {
  const policy::Milestone& m = compiled.milestone(r.milestone);
  const bool due_hidden = hidden.HidesDue(m);
  // The band is the due date's distance from housing: with the housing date
  // shown it would place a due date counted from another hidden date.
  std::optional<policy::TimelineBand> band =
      due_hidden ? std::nullopt : policy::BandOf(housing, r.due);
  return {{"id", m.id},
          {"pack", PackRef(compiled.milestone_pack(r.milestone))},
          {"label", Label(m.label)},
          {"domain", m.domain},
          {"status", policy::ToCode(r.status)},
          {"reason", policy::ToCode(r.reason)},
          {"anchor_date", DateUnless(hidden.Hides(m.anchor), r.anchor)},
          {"due_date", DateUnless(due_hidden, r.due)},
          {"satisfied_date", DateUnless(hidden.HidesAnyOf(m.satisfied_by), r.satisfied)},
          {"extensions", r.extensions},
          {"band", band ? json(policy::ToCode(*band)) : json(nullptr)},
          {"source", Source(m.source)},
          {"note", m.note}};
}

json CadenceItem(const policy::CompiledPolicy& compiled, const policy::CadenceResult& r) {
  const policy::Cadence& c = compiled.cadence(r.cadence);
  return {{"id", c.id},
          {"pack", PackRef(compiled.cadence_pack(r.cadence))},
          {"label", Label(c.label)},
          {"domain", c.domain},
          {"status", policy::ToCode(r.status)},
          {"reason", policy::ToCode(r.reason)},
          {"start", OptDate(r.start)},
          {"last", OptDate(r.last)},
          {"next_due", OptDate(r.next_due)},
          {"stopped", OptDate(r.stopped)},
          {"met", r.met},
          {"late", r.late},
          {"every", c.every.ToString()},
          {"source", Source(c.source)},
          {"note", c.note}};
}

std::string ApplicabilityText(const policy::Applicability& a) {
  std::vector<std::string> parts;
  if (a.min_age || a.max_age)
    parts.push_back("leeftijd " + (a.min_age ? std::to_string(*a.min_age) : std::string("0")) +
                    "-" + (a.max_age ? std::to_string(*a.max_age) : std::string("...")));
  if (!a.roles.empty()) parts.push_back("rol " + Join(a.roles, "/"));
  if (a.inburgeringsplichtig != policy::Requirement::kAny)
    parts.push_back(std::string("inburgeringsplichtig ") + RequirementText(a.inburgeringsplichtig));
  if (a.leerplichtig != policy::Requirement::kAny)
    parts.push_back(std::string("leerplichtig ") + RequirementText(a.leerplichtig));
  if (a.family_reunification != policy::Requirement::kAny)
    parts.push_back(std::string("nareiziger ") + RequirementText(a.family_reunification));
  if (!a.literacy.empty()) parts.push_back("geletterdheid " + Join(a.literacy, "/"));
  if (!a.learning_routes.empty()) parts.push_back("leerroute " + Join(a.learning_routes, "/"));
  for (const policy::FieldCondition& f : a.fields)
    parts.push_back(f.field + " in " + Join(f.values, "/"));
  return parts.empty() ? "iedereen" : Join(parts, "; ");
}

json PackJson(const std::vector<const policy::Pack*>& versions, const std::string& tenant_code,
              bool detail) {
  const policy::Pack& first = *versions.front();
  json out = {{"id", first.id},
              {"title", Label(versions.back()->title)},
              {"scope", first.scope.national ? "national" : "municipality"},
              {"municipalities", first.scope.municipalities},
              {"applicable", first.scope.Includes(tenant_code)}};
  json& vs = out["versions"] = json::array();
  for (const policy::Pack* p : versions) {
    json v = {{"version", p->version},
              {"title", Label(p->title)},
              {"valid_from", p->valid_from.ToString()},
              {"valid_to", OptDate(p->valid_to)},
              {"version_anchor", p->version_anchor},
              {"source", Source(p->source)},
              {"counts",
               {{"events", p->events.size()},
                {"milestones", p->milestones.size()},
                {"cadences", p->cadences.size()},
                {"indicators", p->indicators.size()},
                {"code_lists", p->code_lists.size()}}}};
    if (detail) {
      v["milestones"] = Each(p->milestones, MilestoneRule);
      v["cadences"] = Each(p->cadences, CadenceRule);
      v["indicators"] = Each(p->indicators, IndicatorRule);
      v["events"] = Each(p->events, EventDecl);
      v["code_lists"] = Each(p->code_lists, CodeListJson);
    }
    vs.push_back(std::move(v));
  }
  return out;
}

}  // namespace regie::http::policy_json
