// Parsing a verified handover package back into core types, strictly, with
// the path of every field that does not fit (handover_package.h). What
// parses then meets the core rules of the normal write paths (persons,
// household, events, contacts, assessments, plan), so a package that could
// not have been entered here by hand is refused at upload, not at
// acceptance.
#include <string_view>
#include <utility>

#include "core/policy/event_rules.h"
#include "core/text.h"
#include "core/validation.h"
#include "http/dto.h"
#include "http/handover_package.h"
#include "http/handover_reader.h"

namespace regie::http::handover {
namespace {

using nlohmann::json;
namespace policy = core::policy;
using detail::kMaxName;
using detail::Reader;

// An event voided with its assessment carries the assessment's reason
// behind this prefix (assessments_handler.cc), so it may be that longer.
constexpr size_t kMaxEventVoidReason =
    policy::kMaxVoidReason + std::string_view("assessment voided: ").size();

std::string PersonRef(size_t index) { return "p" + std::to_string(index + 1); }

// A CBS municipality code, as every tenant has: "GM" and four digits.
bool IsCbsCode(std::string_view code) {
  if (code.size() != 6 || !code.starts_with("GM")) return false;
  for (char c : code.substr(2))
    if (c < '0' || c > '9') return false;
  return true;
}

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
    const size_t before = r.ErrorCount();
    out.sender_code = r.Line(*s, "package/sender", "tenant_code");
    if (r.ErrorCount() == before && !IsCbsCode(out.sender_code))
      r.Add("package/sender/tenant_code", "cbs_code_invalid");
    out.sender_name = r.Line(*s, "package/sender", "tenant_name", kMaxName);
    out.sender_regisseur = r.AuthorOf(*s, "package/sender", "regisseur");
  }
  r.Member(pkg, root, "purpose", json::value_t::object);
  size_t person_count = 0;
  // Per person, the birth date no event of theirs may precede (unknown
  // for a person that does not parse: that one is refused already).
  std::vector<std::optional<core::Date>> births;
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
    births.resize(person_count);
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
      births[i] = data->birth_date;
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
    // The checks of an event recorded by hand (events_handler.cc), with the
    // upload's day as today. Whether the receiving tenant's packs let the
    // event be recorded (CheckEvent: not derived, with the reason, number
    // or listed code its pack asks for) needs the tenant's compiled policy:
    // Import and Accept check it after this (handover_policy_check.h).
    PackageEvent pe;
    const size_t before_person = r.ErrorCount();
    if (auto it = e.find("person"); it != e.end())
      pe.person = r.Person(*it, at + "/person", person_count);
    else
      r.Add(at + "/person", "required");
    const bool person_known = r.ErrorCount() == before_person;
    size_t before = r.ErrorCount();
    pe.event.event = r.Line(e, at, "event");
    if (r.ErrorCount() == before && !policy::IsEventId(pe.event.event))
      r.Add(at + "/event", pe.event.event.empty() ? "required" : "invalid_event_id");
    before = r.ErrorCount();
    pe.event.date = r.Date(e, at, "date");
    const bool dated = r.ErrorCount() == before;
    if (const json* v = r.Member(e, at, "value", json::value_t::number_integer, true)) {
      // A value above INT64_MAX reads as negative: out of range as well.
      if (policy::IsEventValue(v->get<int64_t>()))
        pe.event.value = static_cast<int32_t>(v->get<int64_t>());
      else
        r.Add(at + "/value", "invalid_number");
    }
    pe.event.code = r.Text(e, at, "code", policy::CheckEventText);
    pe.event.reason = r.Text(e, at, "reason", policy::CheckEventText);
    pe.recorded_by = r.AuthorOf(e, at, "recorded_by");
    pe.recorded_at = r.Time(e, at, "recorded_at");
    r.Voided(e, at, pe.voided_at, pe.voided_by, pe.void_reason, kMaxEventVoidReason);
    // The date as the timeline counts it: not after today, not before the
    // birth date. A voided event counts for nothing and stays as it was
    // known: a birth date corrected after the event was recorded must not
    // keep the household from moving (the sender voids the event instead).
    if (dated && !pe.voided_at) {
      const std::optional<core::Date> birth = person_known ? births[pe.person] : std::nullopt;
      // Without a known birth date (the person is refused) only the future.
      const std::string_view error =
          policy::CheckEventDate(pe.event.date, birth.value_or(pe.event.date), today);
      if (!error.empty()) r.Add(at + "/date", std::string(error));
    }
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
      pa.data.zrm.push_back({r.String(zrm[k], zat, "domain"), r.Int32(zrm[k], zat, "score")});
    }
    pa.data.rung = r.Int32(a, at, "rung");
    const json& present = r.Array(a, at, "rungs_present");
    for (size_t k = 0; k < present.size(); ++k) {
      if (present[k].is_number_integer())
        pa.data.rungs_present.push_back(
            r.Int32(present[k], at + "/rungs_present/" + std::to_string(k)));
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
      goal.key = r.Key(g, gat, "key");
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
        pa.action.key = r.Key(a, aat, "key");
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
