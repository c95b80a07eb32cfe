// Parsing a verified handover package back into core types, strictly, with
// the path of every field that does not fit (handover_package.h). What
// parses then meets the core rules of the normal write paths (persons,
// household, contacts, assessments, plan), so a package that could not have
// been entered here by hand is refused at upload, not at acceptance.
#include <initializer_list>
#include <string_view>
#include <utility>

#include "core/text.h"
#include "core/validation.h"
#include "http/dto.h"
#include "http/handover_package.h"

namespace regie::http::handover {
namespace {

using nlohmann::json;

std::string PersonRef(size_t index) { return "p" + std::to_string(index + 1); }

// Strict reading of the package with the path of every failing field.
class Reader {
 public:
  explicit Reader(std::vector<FieldError>& errors) : errors_(errors) {}

  const json* Member(const json& obj, const std::string& path, const char* key, json::value_t type,
                     bool nullable = false) {
    auto it = obj.find(key);
    const std::string at = path + "/" + key;
    if (it == obj.end()) {
      errors_.push_back({at, "required"});
      return nullptr;
    }
    if (nullable && it->is_null()) return nullptr;
    const bool ok =
        type == json::value_t::number_integer ? it->is_number_integer() : it->type() == type;
    if (!ok) {
      errors_.push_back({at, "wrong_type"});
      return nullptr;
    }
    return &*it;
  }
  // Every string is clean text (line breaks allowed; the rules of each
  // record say where they are not): nothing reaches storage that
  // PostgreSQL refuses or SQLite would keep as bytes no client can show.
  std::string String(const json& obj, const std::string& path, const char* key) {
    const json* v = Member(obj, path, key, json::value_t::string);
    return v ? Clean(v->get<std::string>(), path + "/" + key) : std::string();
  }
  std::optional<std::string> OptString(const json& obj, const std::string& path, const char* key) {
    const json* v = Member(obj, path, key, json::value_t::string, true);
    return v ? std::optional<std::string>(Clean(v->get<std::string>(), path + "/" + key))
             : std::nullopt;
  }
  // A one-line text: a name, a code.
  std::string Line(const json& obj, const std::string& path, const char* key) {
    const size_t before = errors_.size();
    std::string s = String(obj, path, key);
    if (errors_.size() == before && !core::IsCleanText(s))
      errors_.push_back({path + "/" + key, "invalid_text"});
    return s;
  }
  int64_t Int(const json& obj, const std::string& path, const char* key) {
    const json* v = Member(obj, path, key, json::value_t::number_integer);
    return v ? v->get<int64_t>() : 0;
  }
  bool Bool(const json& obj, const std::string& path, const char* key) {
    const json* v = Member(obj, path, key, json::value_t::boolean);
    return v ? v->get<bool>() : false;
  }
  core::Date Date(const json& obj, const std::string& path, const char* key) {
    const size_t before = errors_.size();
    const std::string s = String(obj, path, key);
    if (s.empty() || errors_.size() != before) return {};
    if (auto d = core::Date::Parse(s)) return *d;
    errors_.push_back({path + "/" + key, "invalid_date"});
    return {};
  }
  core::Timestamp Time(const json& obj, const std::string& path, const char* key) {
    const size_t before = errors_.size();
    const std::string s = String(obj, path, key);
    if (s.empty() || errors_.size() != before) return {};
    if (auto t = core::Timestamp::Parse(s)) return *t;
    errors_.push_back({path + "/" + key, "invalid_timestamp"});
    return {};
  }
  Author AuthorOf(const json& obj, const std::string& path, const char* key) {
    const json* v = Member(obj, path, key, json::value_t::object);
    if (!v) return {};
    const std::string at = path + "/" + key;
    return {Line(*v, at, "name"), Line(*v, at, "organisation")};
  }
  const json& Array(const json& obj, const std::string& path, const char* key) {
    static const json kEmpty = json::array();
    const json* v = Member(obj, path, key, json::value_t::array);
    return v ? *v : kEmpty;
  }
  template <typename E>
  E Enum(const json& obj, const std::string& path, const char* key) {
    const size_t before = errors_.size();
    const std::string s = String(obj, path, key);
    if (auto e = core::ParseEnum<E>(s)) return *e;
    if (!s.empty() && errors_.size() == before)
      errors_.push_back({path + "/" + key, "unknown_code"});
    return E{};
  }
  // "p3" -> index 2, checked against the number of persons.
  size_t Person(const json& value, const std::string& at, size_t persons) {
    if (value.is_string()) {
      const std::string s = value.get<std::string>();
      if (s.size() > 1 && s[0] == 'p') {
        size_t n = 0;
        bool digits = true;
        for (size_t i = 1; i < s.size() && digits; ++i) {
          digits = s[i] >= '0' && s[i] <= '9' && n < 100000;
          n = n * 10 + static_cast<size_t>(s[i] - '0');
        }
        if (digits && n >= 1 && n <= persons) return n - 1;
      }
    }
    errors_.push_back({at, "invalid_reference"});
    return 0;
  }
  void Voided(const json& obj, const std::string& path, std::optional<core::Timestamp>& at,
              Author& by, std::string& reason) {
    const json* v = Member(obj, path, "voided", json::value_t::object, true);
    if (!v) return;
    const std::string p = path + "/voided";
    at = Time(*v, p, "at");
    by = AuthorOf(*v, p, "by");
    reason = String(*v, p, "reason");
  }
  void Add(std::string field, std::string code) {
    errors_.push_back({std::move(field), std::move(code)});
  }
  // The errors of a core validator, whose paths are those of a request body
  // ("goals/1/person_id", "person_ids/0"), under the record's path `at` and
  // in the package's words ("person", "persons"). Fields the package does
  // not carry, because acceptance assigns them (`assigned`), are left out.
  void AddCore(const std::string& at, const std::vector<FieldError>& errors,
               std::initializer_list<std::string_view> assigned = {}) {
    for (const FieldError& e : errors) {
      std::string field = at;
      bool skip = false;
      size_t start = 0;
      while (start <= e.field.size()) {
        size_t end = e.field.find('/', start);
        if (end == std::string::npos) end = e.field.size();
        const std::string_view segment = std::string_view(e.field).substr(start, end - start);
        for (std::string_view a : assigned) skip = skip || segment == a;
        field += "/";
        field += segment == "person_id" ? "person" : segment == "person_ids" ? "persons" : segment;
        start = end + 1;
      }
      if (!skip) errors_.push_back({std::move(field), e.code});
    }
  }
  size_t ErrorCount() const { return errors_.size(); }

 private:
  std::string Clean(std::string s, const std::string& at) {
    if (!core::IsCleanText(s, /*multiline=*/true)) errors_.push_back({at, "invalid_text"});
    return s;
  }

  std::vector<FieldError>& errors_;
};

// The plan's goals with their actions, as a plan save would send them.
std::vector<core::PlanGoal> GoalsWithActions(const PackagePlan& plan) {
  std::vector<core::PlanGoal> goals = plan.goals;
  for (size_t g = 0; g < goals.size(); ++g)
    for (const PackageAction& a : plan.actions[g]) goals[g].actions.push_back(a.action);
  return goals;
}

}  // namespace

StatusOr<Package> Parse(const json& pkg, core::Date today) {
  std::vector<FieldError> errors;
  Reader r(errors);
  Package out;
  const std::string root = "package";
  out.package_id = r.Line(pkg, root, "package_id");
  if (out.package_id.size() != 36) r.Add("package/package_id", "invalid_uuid");
  out.created_at = r.Time(pkg, root, "created_at");
  if (const json* s = r.Member(pkg, root, "sender", json::value_t::object)) {
    out.sender_code = r.Line(*s, "package/sender", "tenant_code");
    out.sender_name = r.Line(*s, "package/sender", "tenant_name");
    out.sender_regisseur = r.AuthorOf(*s, "package/sender", "regisseur");
  }
  r.Member(pkg, root, "purpose", json::value_t::object);
  size_t person_count = 0;
  if (const json* h = r.Member(pkg, root, "household", json::value_t::object)) {
    const size_t before = r.ErrorCount();
    out.household_name = r.String(*h, "package/household", "name");
    if (r.ErrorCount() == before) {
      // The regisseur is chosen at acceptance.
      core::HouseholdData household;
      household.name = out.household_name;
      r.AddCore("package/household", core::ValidateHousehold(household), {"regisseur_user_id"});
      core::NormaliseHousehold(household);
      out.household_name = household.name;
    }
    const json& persons = r.Array(*h, "package/household", "persons");
    person_count = persons.size();
    if (persons.empty()) r.Add("package/household/persons", "required");
    for (size_t i = 0; i < persons.size(); ++i) {
      const std::string at = "package/household/persons/" + std::to_string(i);
      if (!persons[i].is_object()) {
        r.Add(at, "wrong_type");
        continue;
      }
      json p = persons[i];
      if (p.value("ref", "") != PersonRef(i)) r.Add(at + "/ref", "invalid_reference");
      p.erase("ref");
      StatusOr<core::PersonData> data = dto::ParseNewPerson(p, today);
      if (!data.ok()) {
        for (const FieldError& e : data.status().field_errors()) r.Add(at + "/" + e.field, e.code);
        continue;
      }
      out.persons.push_back(std::move(*data));
    }
  }
  const json& events = r.Array(pkg, root, "events");
  for (size_t i = 0; i < events.size(); ++i) {
    const std::string at = "package/events/" + std::to_string(i);
    const json& e = events[i];
    if (!e.is_object()) {
      r.Add(at, "wrong_type");
      continue;
    }
    PackageEvent pe;
    if (auto it = e.find("person"); it != e.end())
      pe.person = r.Person(*it, at + "/person", person_count);
    else
      r.Add(at + "/person", "required");
    pe.event.event = r.Line(e, at, "event");
    pe.event.date = r.Date(e, at, "date");
    if (const json* v = r.Member(e, at, "value", json::value_t::number_integer, true))
      pe.event.value = v->get<int32_t>();
    pe.event.code = r.String(e, at, "code");
    pe.event.reason = r.String(e, at, "reason");
    pe.recorded_by = r.AuthorOf(e, at, "recorded_by");
    pe.recorded_at = r.Time(e, at, "recorded_at");
    r.Voided(e, at, pe.voided_at, pe.voided_by, pe.void_reason);
    out.events.push_back(std::move(pe));
  }
  const json& contacts = r.Array(pkg, root, "contacts");
  for (size_t i = 0; i < contacts.size(); ++i) {
    const std::string at = "package/contacts/" + std::to_string(i);
    const json& c = contacts[i];
    if (!c.is_object()) {
      r.Add(at, "wrong_type");
      continue;
    }
    const size_t before = r.ErrorCount();
    PackageContact pc;
    pc.data.date = r.Date(c, at, "date");
    pc.data.type = r.Enum<core::ContactType>(c, at, "type");
    const json& participants = r.Array(c, at, "participants");
    for (size_t k = 0; k < participants.size(); ++k) {
      if (participants[k].is_string())
        pc.data.participants.push_back(participants[k].get<std::string>());
      else
        r.Add(at + "/participants/" + std::to_string(k), "wrong_type");
    }
    pc.data.interpreter = r.Bool(c, at, "interpreter");
    pc.data.interpreter_language = r.OptString(c, at, "interpreter_language");
    const json& refs = r.Array(c, at, "persons");
    for (size_t k = 0; k < refs.size(); ++k)
      pc.data.person_ids.push_back(static_cast<int64_t>(
          r.Person(refs[k], at + "/persons/" + std::to_string(k), person_count)));
    pc.data.note = r.String(c, at, "note");
    pc.recorded_by = r.AuthorOf(c, at, "recorded_by");
    pc.recorded_at = r.Time(c, at, "recorded_at");
    if (r.ErrorCount() == before) {
      // The rules of a recorded contact (one line per participant, the
      // note's length, no person twice, ...). The validator wants positive
      // ids: p1 is 1 there; the household is the one acceptance creates.
      core::NormaliseContact(pc.data);
      core::ContactData check = pc.data;
      for (int64_t& p : check.person_ids) ++p;
      r.AddCore(at, core::ValidateContact(check, today), {"household_id"});
    }
    out.contacts.push_back(std::move(pc));
  }
  const json& assessments = r.Array(pkg, root, "assessments");
  for (size_t i = 0; i < assessments.size(); ++i) {
    const std::string at = "package/assessments/" + std::to_string(i);
    const json& a = assessments[i];
    if (!a.is_object()) {
      r.Add(at, "wrong_type");
      continue;
    }
    const size_t before = r.ErrorCount();
    PackageAssessment pa;
    if (auto it = a.find("person"); it != a.end())
      pa.data.person_id = static_cast<int64_t>(r.Person(*it, at + "/person", person_count));
    else
      r.Add(at + "/person", "required");
    pa.data.kind = r.Enum<core::AssessmentKind>(a, at, "kind");
    pa.data.date = r.Date(a, at, "date");
    pa.data.assessor = r.String(a, at, "assessor");
    const json& zrm = r.Array(a, at, "zrm");
    for (size_t k = 0; k < zrm.size(); ++k) {
      const std::string zat = at + "/zrm/" + std::to_string(k);
      if (!zrm[k].is_object()) {
        r.Add(zat, "wrong_type");
        continue;
      }
      pa.data.zrm.push_back(
          {r.String(zrm[k], zat, "domain"), static_cast<int>(r.Int(zrm[k], zat, "score"))});
    }
    pa.data.rung = static_cast<int>(r.Int(a, at, "rung"));
    const json& present = r.Array(a, at, "rungs_present");
    for (size_t k = 0; k < present.size(); ++k) {
      if (present[k].is_number_integer())
        pa.data.rungs_present.push_back(present[k].get<int>());
      else
        r.Add(at + "/rungs_present/" + std::to_string(k), "wrong_type");
    }
    pa.data.outcome = r.String(a, at, "outcome");
    pa.recorded_by = r.AuthorOf(a, at, "recorded_by");
    pa.recorded_at = r.Time(a, at, "recorded_at");
    r.Voided(a, at, pa.voided_at, pa.voided_by, pa.void_reason);
    if (r.ErrorCount() == before) {
      // As the assessments handler does: validated in the package's order
      // (normalising sorts the scores), stored normalised.
      core::AssessmentData check = pa.data;
      check.person_id += 1;
      check.assessor = core::Trim(check.assessor);
      check.outcome = core::Trim(check.outcome);
      r.AddCore(at, core::ValidateAssessment(check, today));
      core::NormaliseAssessment(pa.data);
    }
    out.assessments.push_back(std::move(pa));
  }
  if (const json* p = r.Member(pkg, root, "plan", json::value_t::object, true)) {
    const std::string at = "package/plan";
    const size_t before = r.ErrorCount();
    PackagePlan plan;
    plan.sender_version = r.Int(*p, at, "version");
    plan.saved_at = r.Time(*p, at, "saved_at");
    plan.saved_by = r.AuthorOf(*p, at, "saved_by");
    plan.next_key = r.Int(*p, at, "next_key");
    const json& goals = r.Array(*p, at, "goals");
    for (size_t i = 0; i < goals.size(); ++i) {
      const std::string gat = at + "/goals/" + std::to_string(i);
      const json& g = goals[i];
      if (!g.is_object()) {
        r.Add(gat, "wrong_type");
        continue;
      }
      core::PlanGoal goal;
      goal.key = r.Int(g, gat, "key");
      // A package carries the keys of a saved plan; 0 would mean "new".
      if (goal.key < 1) r.Add(gat + "/key", "invalid_number");
      if (auto it = g.find("person"); it != g.end())
        goal.person_id = static_cast<int64_t>(r.Person(*it, gat + "/person", person_count));
      else
        r.Add(gat + "/person", "required");
      goal.domain = r.String(g, gat, "domain");
      goal.text = r.String(g, gat, "text");
      goal.target_date = r.Date(g, gat, "target_date");
      goal.status = r.Enum<core::GoalStatus>(g, gat, "status");
      std::vector<PackageAction> actions;
      const json& list = r.Array(g, gat, "actions");
      for (size_t k = 0; k < list.size(); ++k) {
        const std::string aat = gat + "/actions/" + std::to_string(k);
        const json& a = list[k];
        if (!a.is_object()) {
          r.Add(aat, "wrong_type");
          continue;
        }
        PackageAction pa;
        pa.action.key = r.Int(a, aat, "key");
        if (pa.action.key < 1) r.Add(aat + "/key", "invalid_number");
        pa.action.text = r.String(a, aat, "text");
        pa.responsible = r.AuthorOf(a, aat, "responsible");
        pa.action.due_date = r.Date(a, aat, "due_date");
        pa.action.status = r.Enum<core::ActionStatus>(a, aat, "status");
        pa.action.result = r.String(a, aat, "result");
        actions.push_back(std::move(pa));
      }
      plan.goals.push_back(std::move(goal));
      plan.actions.push_back(std::move(actions));
    }
    if (r.ErrorCount() == before) {
      // The rules of a plan save (keys unique across goals and actions,
      // persons of the household, dates, texts, ...). The responsible
      // organisation is the accepting regisseur's: assigned at acceptance,
      // not carried. Life domains are each instance's configuration: a
      // well-formed code the receiver does not know (PlanDomains::Set
      // decides) comes along, and is shown as special data (CategoryOf)
      // until the goal is moved to a known domain; a malformed one is
      // unknown_domain.
      std::vector<core::PlanGoal> check = GoalsWithActions(plan);
      core::NormalisePlanGoals(check);
      core::PlanDomains domains;
      for (const core::PlanGoal& g : check)
        if (!domains.Knows(g.domain))
          (void)domains.Set({g.domain, g.domain, g.domain, core::DataCategory::kBasis});
      core::PlanContext context;
      for (size_t i = 0; i < person_count; ++i)
        context.person_ids.push_back(static_cast<int64_t>(i));
      context.domains = &domains;
      context.today = today;
      r.AddCore(at, core::ValidatePlanGoals(check, context), {"organisation_id"});
      for (size_t g = 0; g < check.size(); ++g) {
        for (size_t k = 0; k < check[g].actions.size(); ++k)
          plan.actions[g][k].action = std::move(check[g].actions[k]);
        check[g].actions.clear();
        plan.goals[g] = std::move(check[g]);
      }
    }
    out.plan = std::move(plan);
  }
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return out;
}

}  // namespace regie::http::handover
