#include "app/policy_commands.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/system_clock.h"
#include "core/enums.h"
#include "packs/pack_loader.h"

namespace regie::app {
namespace {

using core::Date;
using core::policy::CompiledPolicy;
using json = nlohmann::json;

void PrintErrors(const std::vector<core::policy::PolicyError>& errors) {
  for (const auto& e : errors) std::cerr << e.ToString() << '\n';
}

json Label(const core::policy::LocalizedText& t) { return {{"nl", t.nl}, {"en", t.en}}; }

json OptDate(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }

// Collects field errors while reading the person JSON, so one run names
// every problem.
class PersonReader {
 public:
  std::vector<FieldError> errors;

  void Keys(const json& object, std::initializer_list<const char*> allowed,
            const std::string& path) {
    for (const auto& [key, value] : object.items()) {
      bool ok = false;
      for (const char* a : allowed) ok = ok || key == a;
      if (!ok) errors.push_back({path + key, "unknown_key"});
    }
  }

  std::optional<Date> DateAt(const json& object, const char* key, const std::string& path,
                             bool required) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      if (required) errors.push_back({path + key, "required"});
      return std::nullopt;
    }
    if (it->is_string())
      if (auto d = Date::Parse(it->get<std::string>())) return d;
    errors.push_back({path + key, "invalid_date"});
    return std::nullopt;
  }

  std::string StringAt(const json& object, const char* key, const std::string& path) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    errors.push_back({path + key, "invalid_type"});
    return {};
  }

  template <typename E>
  void EnumAt(const json& object, const char* key, const std::string& path, E& out) {
    std::string code = StringAt(object, key, path);
    if (code.empty()) return;
    if (auto v = core::ParseEnum<E>(code))
      out = *v;
    else
      errors.push_back({path + key, "invalid_code"});
  }
};

}  // namespace

StatusOr<PolicyPersonInput> ParsePolicyPerson(std::string_view json_text) {
  json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object())
    return InvalidArgument("invalid_json", "the person file is not a JSON object");
  PersonReader r;
  PolicyPersonInput out;
  r.Keys(root, {"facts", "events"}, "");
  auto facts_it = root.find("facts");
  if (facts_it == root.end() || !facts_it->is_object()) {
    r.errors.push_back({"facts", "required"});
  } else {
    const json& f = *facts_it;
    const std::string p = "facts/";
    r.Keys(f,
           {"birth_date", "role", "inburgeringsplicht", "exemption_reason", "literacy",
            "family_reunification", "learning_route", "permit_date", "koppeling_date",
            "housing_date", "fields"},
           p);
    if (auto d = r.DateAt(f, "birth_date", p, true)) out.facts.birth_date = *d;
    r.EnumAt(f, "role", p, out.facts.role);
    r.EnumAt(f, "inburgeringsplicht", p, out.facts.inburgeringsplicht);
    r.EnumAt(f, "literacy", p, out.facts.literacy);
    out.facts.exemption_reason = r.StringAt(f, "exemption_reason", p);
    out.facts.learning_route = r.StringAt(f, "learning_route", p);
    if (auto it = f.find("family_reunification"); it != f.end()) {
      if (it->is_boolean())
        out.facts.family_reunification = it->get<bool>();
      else
        r.errors.push_back({p + "family_reunification", "invalid_type"});
    }
    out.facts.permit_date = r.DateAt(f, "permit_date", p, false);
    out.facts.koppeling_date = r.DateAt(f, "koppeling_date", p, false);
    out.facts.housing_date = r.DateAt(f, "housing_date", p, false);
    if (auto it = f.find("fields"); it != f.end()) {
      if (!it->is_object()) {
        r.errors.push_back({p + "fields", "invalid_type"});
      } else {
        const std::string prefix = p + "fields/";
        for (const auto& [name, value] : it->items()) {
          if (value.is_string()) {
            out.facts.fields.push_back({name, value.get<std::string>()});
          } else {
            std::string field = prefix;
            field += name;
            r.errors.push_back({std::move(field), "invalid_type"});
          }
        }
      }
    }
  }
  if (auto it = root.find("events"); it != root.end()) {
    if (!it->is_array()) {
      r.errors.push_back({"events", "invalid_type"});
    } else {
      for (size_t i = 0; i < it->size(); ++i) {
        const json& e = (*it)[i];
        const std::string p = "events/" + std::to_string(i) + "/";
        if (!e.is_object()) {
          r.errors.push_back({p.substr(0, p.size() - 1), "invalid_type"});
          continue;
        }
        r.Keys(e, {"event", "date", "value", "code", "reason"}, p);
        core::policy::PersonEvent ev;
        ev.event = r.StringAt(e, "event", p);
        if (ev.event.empty()) r.errors.push_back({p + "event", "required"});
        if (auto d = r.DateAt(e, "date", p, true)) ev.date = *d;
        if (auto v = e.find("value"); v != e.end()) {
          if (v->is_number_integer() && v->get<int64_t>() >= -1'000'000 &&
              v->get<int64_t>() <= 1'000'000)
            ev.value = static_cast<int32_t>(v->get<int64_t>());
          else
            r.errors.push_back({p + "value", "invalid_type"});
        }
        ev.code = r.StringAt(e, "code", p);
        ev.reason = r.StringAt(e, "reason", p);
        out.events.push_back(std::move(ev));
      }
    }
  }
  if (!r.errors.empty())
    return InvalidArgument("validation_failed", "the person file has invalid fields",
                           std::move(r.errors));
  return out;
}

StatusOr<std::string> EvaluatePolicyPersonJson(const CompiledPolicy& policy,
                                               const PolicyPersonInput& person, Date on,
                                               Date today) {
  std::vector<core::policy::EventRecord> records;
  json unknown = json::array();
  for (size_t i = 0; i < person.events.size(); ++i) {
    const core::policy::PersonEvent& e = person.events[i];
    StatusOr<bool> known = core::policy::CheckEvent(policy, person.facts, e, today);
    if (!known.ok()) {
      std::vector<FieldError> fields;
      for (const FieldError& f : known.status().field_errors())
        fields.push_back({"events/" + std::to_string(i) + "/" + f.field, f.code});
      return InvalidArgument(known.status().reason(), known.status().message(), std::move(fields));
    }
    if (!*known) {
      unknown.push_back({{"event", e.event}, {"date", e.date.ToString()}});
      continue;
    }
    StatusOr<core::policy::EventRecord> r = policy.Intern(e);
    if (!r.ok()) return r.status();
    records.push_back(*r);
  }
  core::policy::Evaluator evaluator(policy);
  core::policy::Evaluation evaluation;
  evaluator.Evaluate(person.facts, records, on, evaluation);
  std::vector<core::policy::IndicatorResult> indicators;
  evaluator.EvaluateIndicators(person.facts, evaluation, indicators);

  json out;
  out["on"] = on.ToString();
  json& milestones = out["milestones"] = json::array();
  for (const auto& r : evaluation.milestones) {
    const auto& m = policy.milestone(r.milestone);
    const auto& pack = policy.milestone_pack(r.milestone);
    milestones.push_back(
        {{"id", m.id},
         {"pack", pack.id},
         {"pack_version", pack.version},
         {"label", Label(m.label)},
         {"domain", m.domain},
         {"status", core::policy::ToCode(r.status)},
         {"reason", core::policy::ToCode(r.reason)},
         {"anchor", OptDate(r.anchor)},
         {"due", OptDate(r.due)},
         {"satisfied", OptDate(r.satisfied)},
         {"extensions", r.extensions},
         {"source", {{"document", m.source.document}, {"section", m.source.section}}}});
  }
  json& cadences = out["cadences"] = json::array();
  for (const auto& r : evaluation.cadences) {
    const auto& c = policy.cadence(r.cadence);
    const auto& pack = policy.cadence_pack(r.cadence);
    cadences.push_back({{"id", c.id},
                        {"pack", pack.id},
                        {"pack_version", pack.version},
                        {"label", Label(c.label)},
                        {"status", core::policy::ToCode(r.status)},
                        {"reason", core::policy::ToCode(r.reason)},
                        {"start", OptDate(r.start)},
                        {"last", OptDate(r.last)},
                        {"next_due", OptDate(r.next_due)},
                        {"stopped", OptDate(r.stopped)},
                        {"met", r.met},
                        {"late", r.late}});
  }
  json& inds = out["indicators"] = json::array();
  for (const auto& r : indicators) {
    const auto& ind = policy.indicator(r.indicator);
    const auto& pack = policy.indicator_pack(r.indicator);
    inds.push_back(
        {{"id", ind.id},
         {"pack", pack.id},
         {"pack_version", pack.version},
         {"in_population", r.in_population},
         {"satisfied", r.satisfied},
         // Why someone is not (yet) counted: right-censoring.
         {"waiting", r.waiting == core::policy::Waiting::kWithinWindow    ? "within_window"
                     : r.waiting == core::policy::Waiting::kAnchorMissing ? "anchor_missing"
                                                                          : "no"}});
  }
  out["unknown_events"] = std::move(unknown);
  return out.dump(2);
}

int RunPolicyCheck(const std::vector<std::string>& files) {
  packs::PackLibrary library = packs::LoadPackFiles(files);
  PrintErrors(library.errors);
  if (!library.ok()) {
    std::cerr << library.errors.size() << " problem(s); no pack was loaded\n";
    return 1;
  }
  for (const auto& p : library.packs)
    std::cout << "ok " << p.id << " v" << p.version << " (" << p.milestones.size()
              << " milestones, " << p.cadences.size() << " cadences, " << p.indicators.size()
              << " indicators)\n";
  return 0;
}

int RunPolicyEval(const PolicyEvalOptions& options) {
  std::optional<Date> on = Date::Parse(options.on);
  if (!on) {
    std::cerr << "--on must be a date YYYY-MM-DD\n";
    return 2;
  }
  packs::PackLibrary library = packs::LoadPackDirectory(options.policies_dir);
  if (!library.ok()) {
    PrintErrors(library.errors);
    return 1;
  }
  std::vector<core::policy::Activation> activations;
  for (const std::string& id : options.packs)
    activations.push_back({id, Date::FromDays(-1'000'000), {}});
  auto policy = CompiledPolicy::Compile(library.packs, activations);
  if (!policy.ok()) {
    std::cerr << policy.status().message() << '\n';
    return 1;
  }
  std::ifstream in(options.person_file, std::ios::binary);
  if (!in) {
    std::cerr << options.person_file << ": cannot read\n";
    return 1;
  }
  std::ostringstream text;
  text << in.rdbuf();
  StatusOr<PolicyPersonInput> person = ParsePolicyPerson(text.str());
  const Date today = SystemClock().Now().ToDate();
  StatusOr<std::string> result = person.ok()
                                     ? EvaluatePolicyPersonJson(**policy, *person, *on, today)
                                     : StatusOr<std::string>(person.status());
  if (!result.ok()) {
    std::cerr << options.person_file << ": " << result.status().message() << '\n';
    for (const FieldError& f : result.status().field_errors())
      std::cerr << "  " << f.field << ": " << f.code << '\n';
    return 1;
  }
  std::cout << *result << '\n';
  return 0;
}

}  // namespace regie::app
