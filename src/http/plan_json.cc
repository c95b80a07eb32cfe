#include "http/plan_json.h"

#include "core/text.h"
#include "core/validation.h"
#include "http/auth_support.h"
#include "http/household_view.h"

namespace regie::http::plan_json {
namespace {

using nlohmann::json;
using Errors = std::vector<FieldError>;

// Each reader adds at most one error for its field and reports whether the
// value parsed, so domain validation can skip what did not.
bool ReadId(const json& o, const char* key, const std::string& at, int64_t& out, Errors& errors,
            bool required) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) {
    if (required) errors.push_back({at + key, "required"});
    return !required;
  }
  if (!it->is_number_integer() || it->get<int64_t>() < 0) {
    errors.push_back({at + key, "wrong_type"});
    return false;
  }
  out = it->get<int64_t>();
  return true;
}

void ReadText(const json& o, const char* key, const std::string& at, std::string& out,
              Errors& errors, bool required) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) {
    if (required) errors.push_back({at + key, "required"});
    return;
  }
  if (!it->is_string()) {
    errors.push_back({at + key, "wrong_type"});
    return;
  }
  out = it->get<std::string>();
}

void ReadDate(const json& o, const char* key, const std::string& at, core::Date& out,
              Errors& errors) {
  std::string text;
  ReadText(o, key, at, text, errors, true);
  if (text.empty()) {
    if (o.contains(key) && o[key].is_string()) errors.push_back({at + key, "required"});
    return;
  }
  if (auto d = core::Date::Parse(text))
    out = *d;
  else
    errors.push_back({at + key, "invalid_date"});
}

template <typename E>
void ReadEnum(const json& o, const char* key, const std::string& at, E& out, Errors& errors,
              const char* unknown_code) {
  std::string text;
  ReadText(o, key, at, text, errors, true);
  if (text.empty()) return;
  if (auto v = core::ParseEnum<E>(text))
    out = *v;
  else
    errors.push_back({at + key, unknown_code});
}

void RefuseUnknownAt(const json& o, std::initializer_list<std::string_view> known,
                     const std::string& at, Errors& errors) {
  Errors local;
  RefuseUnknown(o, known, local);
  for (FieldError& e : local) errors.push_back({at + e.field, e.code});
}

core::PlanAction ParseAction(const json& o, const std::string& at, Errors& errors) {
  core::PlanAction a;
  ReadId(o, "key", at, a.key, errors, false);
  ReadText(o, "text", at, a.text, errors, true);
  ReadId(o, "organisation_id", at, a.organisation_id, errors, true);
  int64_t user = 0;
  if (ReadId(o, "user_id", at, user, errors, false) && user > 0) a.user_id = user;
  ReadDate(o, "due_date", at, a.due_date, errors);
  ReadEnum(o, "status", at, a.status, errors, "unknown_status");
  ReadText(o, "result", at, a.result, errors, false);
  RefuseUnknownAt(
      o,
      {"key", "text", "organisation_id", "user_id", "due_date", "status", "result", "can_update"},
      at, errors);
  return a;
}

core::PlanGoal ParseGoal(const json& o, const std::string& at, Errors& errors) {
  core::PlanGoal g;
  ReadId(o, "key", at, g.key, errors, false);
  ReadId(o, "person_id", at, g.person_id, errors, true);
  ReadText(o, "domain", at, g.domain, errors, true);
  ReadText(o, "text", at, g.text, errors, true);
  ReadDate(o, "target_date", at, g.target_date, errors);
  ReadEnum(o, "status", at, g.status, errors, "unknown_status");
  if (auto it = o.find("actions"); it != o.end() && !it->is_null()) {
    if (!it->is_array()) {
      errors.push_back({at + "actions", "wrong_type"});
    } else {
      g.actions.reserve(it->size());
      for (size_t j = 0; j < it->size(); ++j) {
        const std::string act = at + "actions/" + std::to_string(j) + "/";
        if (!(*it)[j].is_object()) {
          errors.push_back({act.substr(0, act.size() - 1), "wrong_type"});
          continue;
        }
        g.actions.push_back(ParseAction((*it)[j], act, errors));
      }
    }
  }
  RefuseUnknownAt(o, {"key", "person_id", "domain", "text", "target_date", "status", "actions"}, at,
                  errors);
  return g;
}

json OptId(const std::optional<int64_t>& id) { return id ? json(*id) : json(nullptr); }

}  // namespace

StatusOr<PlanEdit> ParsePlanEdit(const json& body) {
  PlanEdit edit;
  Errors errors;
  ReadId(body, "version", "", edit.version, errors, true);
  auto it = body.find("goals");
  if (it == body.end() || !it->is_array()) {
    errors.push_back({"goals", it == body.end() ? "required" : "wrong_type"});
  } else {
    edit.goals.reserve(it->size());
    for (size_t i = 0; i < it->size(); ++i) {
      const std::string at = "goals/" + std::to_string(i) + "/";
      if (!(*it)[i].is_object()) {
        errors.push_back({at.substr(0, at.size() - 1), "wrong_type"});
        // A placeholder keeps the indices of the goals after it.
        edit.goals.emplace_back();
        continue;
      }
      edit.goals.push_back(ParseGoal((*it)[i], at, errors));
    }
  }
  RefuseUnknown(body, {"version", "goals"}, errors);
  if (it == body.end() || !it->is_array()) return core::ValidationFailed(std::move(errors));
  core::NormalisePlanGoals(edit.goals);
  edit.errors = std::move(errors);
  return edit;
}

StatusOr<ActionProgress> ParseActionProgress(const json& body) {
  ActionProgress p;
  Errors errors;
  ReadId(body, "version", "", p.version, errors, true);
  ReadEnum(body, "status", "", p.status, errors, "unknown_status");
  ReadText(body, "result", "", p.result, errors, false);
  RefuseUnknown(body, {"version", "status", "result"}, errors);
  p.result = core::Trim(p.result);
  if (errors.empty() && !core::IsCleanText(p.result, true))
    errors.push_back({"result", "invalid_text"});
  else if (errors.empty() && p.result.size() > core::kMaxActionResult)
    errors.push_back({"result", "too_long"});
  else if (errors.empty() && p.status == core::ActionStatus::kGereed && p.result.empty())
    errors.push_back({"result", "required"});
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return p;
}

StatusOr<core::PlanAgreement> ParseAgreement(const json& body) {
  core::PlanAgreement a;
  Errors errors;
  ReadId(body, "plan_version", "", a.plan_version, errors, true);
  ReadDate(body, "date", "", a.date, errors);
  if (auto it = body.find("interpreter"); it != body.end() && !it->is_null()) {
    if (it->is_boolean())
      a.interpreter = it->get<bool>();
    else
      errors.push_back({"interpreter", "wrong_type"});
  }
  std::string language;
  ReadText(body, "language", "", language, errors, false);
  language = core::Trim(language);
  if (!language.empty()) a.language = language;
  if (auto it = body.find("signed_by"); it == body.end() || !it->is_array()) {
    errors.push_back({"signed_by", it == body.end() ? "required" : "wrong_type"});
  } else {
    for (size_t i = 0; i < it->size(); ++i) {
      if ((*it)[i].is_number_integer())
        a.signed_by.push_back((*it)[i].get<int64_t>());
      else
        errors.push_back({"signed_by/" + std::to_string(i), "wrong_type"});
    }
  }
  RefuseUnknown(body, {"plan_version", "date", "interpreter", "language", "signed_by"}, errors);
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return a;
}

json PlanJson(ports::Transaction& tx, const core::PlanView& view, const MayUpdate& may_update) {
  const core::Plan& p = view.plan;
  json goals = json::array();
  for (const core::PlanGoal& g : p.goals) {
    const bool restricted = view.restricted.contains(g.key);
    json actions = json::array();
    for (const core::PlanAction& a : g.actions)
      actions.push_back({{"key", a.key},
                         {"text", a.text},
                         {"organisation_id", a.organisation_id},
                         {"user_id", OptId(a.user_id)},
                         {"due_date", a.due_date.ToString()},
                         {"status", core::ToCode(a.status)},
                         {"result", a.result},
                         {"can_update", may_update(g, a)}});
    json goal = {{"key", g.key},
                 {"person_id", g.person_id},
                 {"domain", g.domain},
                 {"restricted", restricted},
                 {"actions", std::move(actions)}};
    if (!restricted) {
      goal["text"] = g.text;
      goal["target_date"] = g.target_date.ToString();
      goal["status"] = core::ToCode(g.status);
    }
    goals.push_back(std::move(goal));
  }
  return {{"household_id", p.household_id},
          {"version", p.version},
          {"saved_at", p.version > 0 ? json(p.saved_at.ToString()) : json(nullptr)},
          {"saved_by", p.version > 0 ? UserRef(tx, p.saved_by) : json(nullptr)},
          {"goals", std::move(goals)},
          {"hidden_goals", view.hidden}};
}

json AgreementJson(ports::Transaction& tx, const core::PlanAgreement& a) {
  return {{"id", a.id},
          {"plan_version", a.plan_version},
          {"date", a.date.ToString()},
          {"interpreter", a.interpreter},
          {"language", a.language ? json(*a.language) : json(nullptr)},
          {"signed_by", a.signed_by},
          {"recorded_by", UserRef(tx, a.recorded_by)},
          {"recorded_at", a.recorded_at.ToString()}};
}

json ChangeJson(const core::PlanChange& c) {
  json out = {{"kind", core::ToCode(c.kind)},
              {"goal_key", c.goal_key},
              {"action_key", OptId(c.action_key)}};
  if (!c.label.empty()) out["label"] = c.label;
  if (!c.field.empty()) {
    out["field"] = c.field;
    out["old"] = c.old_value ? json(*c.old_value) : json(nullptr);
    out["new"] = c.new_value ? json(*c.new_value) : json(nullptr);
  }
  return out;
}

json DomainsJson(const core::PlanDomains& domains) {
  json out = json::array();
  for (const core::PlanDomain& d : domains.All())
    out.push_back({{"code", d.code},
                   {"label_nl", d.label_nl},
                   {"label_en", d.label_en},
                   {"category", core::ToCode(d.category)}});
  return out;
}

}  // namespace regie::http::plan_json
