// Assessments of a person over time: ZRM, participatieladder, Ferm Werk.
// A ZRM score belongs to the data category of its domain (health domains
// are `gezondheid`), the ladder and Ferm Werk to record type "assessments"
// (`werk_inkomen` by default). Reads show only what the caller may see;
// recording or voiding needs every category the assessment touches.
#include <nlohmann/json.hpp>

#include "core/casework/assessment.h"
#include "core/policy/event_rules.h"
#include "core/policy/timeline.h"
#include "core/text.h"
#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/auth_support.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/household_view.h"
#include "http/policy_registry.h"
#include "http/policy_support.h"

namespace regie::http {
namespace {

using nlohmann::json;
namespace policy = core::policy;

// The void reason's bounds are an event's (a void voids the event too).
constexpr size_t kMaxReason = core::policy::kMaxVoidReason;
constexpr size_t kMinVoidReason = core::policy::kMinVoidReason;

// Reads an optional array of positive small integers into `out`; false
// (with field errors) when it is not one.
bool ReadIntArray(const json& body, const char* key, std::vector<int>& out,
                  std::vector<FieldError>& errors) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return true;
  if (!it->is_array()) {
    errors.push_back({key, "wrong_type"});
    return false;
  }
  bool ok = true;
  out.reserve(it->size());
  for (size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    if (v.is_number_integer() && v.get<int64_t>() >= -1000 && v.get<int64_t>() <= 1000) {
      out.push_back(static_cast<int>(v.get<int64_t>()));
    } else {
      errors.push_back({std::string(key) + "/" + std::to_string(i), "wrong_type"});
      ok = false;
    }
  }
  return ok;
}

bool ReadZrm(const json& body, std::vector<core::ZrmScore>& out, std::vector<FieldError>& errors) {
  auto it = body.find("zrm");
  if (it == body.end() || it->is_null()) return true;
  if (!it->is_array()) {
    errors.push_back({"zrm", "wrong_type"});
    return false;
  }
  bool ok = true;
  out.reserve(it->size());
  for (size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    const std::string prefix = "zrm/" + std::to_string(i);
    auto domain = v.is_object() ? v.find("domain") : v.end();
    auto score = v.is_object() ? v.find("score") : v.end();
    if (!v.is_object() || domain == v.end() || !domain->is_string() || score == v.end() ||
        !score->is_number_integer() || v.size() != 2) {
      errors.push_back({prefix, "wrong_type"});
      ok = false;
      continue;
    }
    int64_t s = score->get<int64_t>();
    out.push_back({domain->get<std::string>(), s < -1000 || s > 1000 ? 0 : static_cast<int>(s)});
  }
  return ok;
}

// Parses the request body; the person comes from the path. Every field
// error is collected, then the domain rules run on what parsed.
StatusOr<core::AssessmentData> ParseAssessment(const json& body, int64_t person_id,
                                               core::Date today) {
  core::AssessmentData a;
  a.person_id = person_id;
  std::vector<FieldError> errors;
  std::string kind, date;
  ReadRequiredString(body, "kind", kind, errors);
  bool kind_ok = false;
  if (!kind.empty()) {
    if (auto k = core::ParseEnum<core::AssessmentKind>(kind)) {
      a.kind = *k;
      kind_ok = true;
    } else {
      errors.push_back({"kind", "unknown_code"});
    }
  }
  ReadRequiredString(body, "date", date, errors);
  bool date_ok = false;
  if (!date.empty()) {
    if (auto d = core::Date::Parse(date)) {
      a.date = *d;
      date_ok = true;
    } else {
      errors.push_back({"date", "invalid_date"});
    }
  }
  for (auto [key, out] : {std::pair{"assessor", &a.assessor}, std::pair{"outcome", &a.outcome}}) {
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) continue;
    if (it->is_string())
      *out = it->get<std::string>();
    else
      errors.push_back({key, "wrong_type"});
  }
  bool rung_ok = true;
  if (auto it = body.find("rung"); it != body.end() && !it->is_null()) {
    if (it->is_number_integer() && it->get<int64_t>() >= -1000 && it->get<int64_t>() <= 1000) {
      a.rung = static_cast<int>(it->get<int64_t>());
    } else {
      errors.push_back({"rung", "wrong_type"});
      rung_ok = false;
    }
  }
  const bool zrm_ok = ReadZrm(body, a.zrm, errors);
  const bool present_ok = ReadIntArray(body, "rungs_present", a.rungs_present, errors);
  RefuseUnknown(body, {"kind", "date", "assessor", "zrm", "rung", "rungs_present", "outcome"},
                errors);
  if (kind_ok) {
    // Indices of the request stay valid: normalising sorts, so validate a
    // copy in request order and keep the sorted one.
    core::AssessmentData check = a;
    check.assessor = core::Trim(check.assessor);
    check.outcome = core::Trim(check.outcome);
    for (FieldError& e : core::ValidateAssessment(check, today)) {
      if (e.field == "date" && !date_ok) continue;
      if (e.field.starts_with("zrm") && !zrm_ok) continue;
      if (e.field == "rung" && !rung_ok) continue;
      if (e.field.starts_with("rungs_present") && !present_ok) continue;
      if (e.field == "person_id") continue;  // from the path, checked by storage
      errors.push_back(std::move(e));
    }
  }
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  core::NormaliseAssessment(a);
  return a;
}

class AssessmentHandlers {
 public:
  explicit AssessmentHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> List(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t person_id, PathId(request, "personId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        Access a, Check(*tx, caller, tenant_id, person_id, core::Action::kRead, "assessments"));
    REGIE_ASSIGN_OR_RETURN(std::vector<core::Assessment> all,
                           tx->Assessments().ListByPerson(tenant_id, person_id));
    json items = json::array();
    core::CategorySet shown;
    for (const core::Assessment& s : all) {
      json item = AssessmentJson(*tx, s, a.visible);
      if (item.is_null()) continue;
      shown = shown.Union(Categories(s.data).Intersect(a.visible));
      items.push_back(std::move(item));
    }
    json domains = json::array();
    for (const core::ZrmDomain& d : core::ZrmDomains())
      domains.push_back({{"code", d.code},
                         {"category", core::ToCode(d.category)},
                         {"visible", a.visible.Has(d.category)}});
    json out = {{"items", std::move(items)},
                {"zrm_domains", std::move(domains)},
                {"ladder_visible", a.visible.Has(Participation())}};
    core::AuditRecord r = Audit(caller, a, core::Action::kRead, "assessments", "");
    r.categories = shown;
    return LoggedRead(JsonResponse(200, dto::Dump(out)), ctx_.audit.Enqueue(std::move(r)));
  }

  StatusOr<ApiResponse> Create(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t person_id, PathId(request, "personId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(core::AssessmentData data,
                           ParseAssessment(body, person_id, ctx_.clock.Today()));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        Access a, Check(*tx, caller, tenant_id, person_id, core::Action::kCreate, "assessment"));
    REGIE_RETURN_IF_ERROR(RequireWriter(caller, a, core::Action::kCreate, Categories(data)));
    REGIE_RETURN_IF_ERROR(RequireActiveHousehold(a.household));
    REGIE_ASSIGN_OR_RETURN(int64_t event_id, RecordPolicyEvent(*tx, caller, tenant_id, data));
    core::Assessment assessment{.tenant_id = tenant_id,
                                .data = std::move(data),
                                .recorded_by = caller.principal.user_id,
                                .recorded_at = ctx_.clock.Now()};
    REGIE_ASSIGN_OR_RETURN(assessment, tx->Assessments().Create(assessment, event_id));
    core::AuditRecord r =
        Audit(caller, a, core::Action::kCreate, "assessment", std::to_string(assessment.id));
    r.categories = Categories(assessment.data);
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(r)).status());
    json out = AssessmentJson(*tx, assessment, a.visible);
    out["event_recorded"] = event_id != 0;
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(201, dto::Dump(out));
  }

  StatusOr<ApiResponse> Void(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t person_id, PathId(request, "personId"));
    REGIE_ASSIGN_OR_RETURN(int64_t assessment_id, PathId(request, "assessmentId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(std::string reason, ReadReasonBody(body, kMinVoidReason, kMaxReason));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        Access a, Check(*tx, caller, tenant_id, person_id, core::Action::kUpdate, "assessment"));
    // The assessment must be this person's, and the caller must be able to
    // change all of it, before anything is written.
    REGIE_ASSIGN_OR_RETURN(std::vector<core::Assessment> all,
                           tx->Assessments().ListByPerson(tenant_id, person_id));
    const core::Assessment* target = nullptr;
    for (const core::Assessment& s : all)
      if (s.id == assessment_id) target = &s;
    if (!target) return NotFound("assessment_not_found", "no such assessment for this person");
    REGIE_RETURN_IF_ERROR(
        RequireWriter(caller, a, core::Action::kUpdate, Categories(target->data)));
    REGIE_ASSIGN_OR_RETURN(
        ports::AssessmentRepository::Voided v,
        tx->Assessments().Void(tenant_id, assessment_id, caller.principal.user_id, reason,
                               ctx_.clock.Now()));
    if (v.event_id != 0) {
      StatusOr<ports::StoredEvent> e =
          tx->Policy().VoidEvent(tenant_id, v.event_id, caller.principal.user_id,
                                 "assessment voided: " + reason, ctx_.clock.Now());
      // Someone voided the event itself before: nothing more to do.
      if (!e.ok() && e.status().reason() != "already_voided") return e.status();
    }
    core::AuditRecord r =
        Audit(caller, a, core::Action::kUpdate, "assessment", std::to_string(assessment_id));
    r.purpose = "voided";
    r.categories = Categories(v.assessment.data);
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(r)).status());
    json out = AssessmentJson(*tx, v.assessment, a.visible);
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(200, dto::Dump(out));
  }

 private:
  struct Access {
    HouseholdAccess household;
    int64_t person_id = 0;
    core::CategorySet visible;  // of this person, for this caller
  };

  core::DataCategory Participation() const { return ctx_.fields.Of("assessments"); }
  core::CategorySet Categories(const core::AssessmentData& d) const {
    return core::AssessmentCategories(d, Participation());
  }

  // The household decision, then the categories of the person the caller
  // sees. A caller who sees none of the assessment categories (a volunteer,
  // who sees names only) is refused like a hidden field.
  StatusOr<Access> Check(ports::Transaction& tx, const Caller& caller, int64_t tenant_id,
                         int64_t person_id, core::Action action, const char* resource_type) {
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id,
                           tx.Access().HouseholdOfPerson(tenant_id, person_id));
    Access a;
    a.person_id = person_id;
    REGIE_ASSIGN_OR_RETURN(a.household,
                           CheckHousehold(ctx_, tx, caller, tenant_id, household_id, action));
    dto::FieldFilter filter = PersonFilter(ctx_, caller, a.household, person_id);
    if (!filter.names_only) a.visible = filter.categories.Intersect(AllAssessmentCategories());
    if (a.visible.Empty())
      return RefuseHousehold(ctx_, caller, a.household, action, resource_type,
                             std::to_string(person_id), person_id, "category_not_shared");
    return a;
  }

  core::CategorySet AllAssessmentCategories() const {
    core::CategorySet all{Participation()};
    for (const core::ZrmDomain& d : core::ZrmDomains()) all.Add(d.category);
    return all;
  }

  // Assessments are recorded and voided by those who hold the case: the
  // regisseur and the assigned begeleiders (the household decision already
  // allows partners, volunteers and break-the-glass only to read), and only
  // with every category the assessment touches.
  Status RequireWriter(const Caller& caller, const Access& a, core::Action action,
                       const core::CategorySet& needed) {
    const core::Relationship rel = a.household.decision.relationship;
    if (rel != core::Relationship::kRegisseur && rel != core::Relationship::kBegeleider)
      return RefuseHousehold(ctx_, caller, a.household, action, "assessment", "", a.person_id,
                             "forbidden");
    if (!a.visible.Contains(needed))
      return RefuseHousehold(ctx_, caller, a.household, action, "assessment", "", a.person_id,
                             "category_not_shared");
    return Status::Ok();
  }

  // Records the ladder rung or Ferm Werk outcome as the policy event the
  // tenant's packs declare, when they declare it and core::policy::CheckEvent
  // accepts it. Returns the event id, 0 when none was recorded.
  StatusOr<int64_t> RecordPolicyEvent(ports::Transaction& tx, const Caller& caller,
                                      int64_t tenant_id, const core::AssessmentData& data) {
    std::optional<policy::PersonEvent> event = core::AssessmentEvent(data);
    if (!event) return int64_t{0};
    REGIE_ASSIGN_OR_RETURN(auto compiled, Registry(ctx_).ForTenant(tx, tenant_id));
    if (!compiled->FindEvent(event->event)) return int64_t{0};
    REGIE_ASSIGN_OR_RETURN(core::Person person, tx.Persons().Get(tenant_id, data.person_id));
    if (!policy::CheckEvent(*compiled, policy::FactsFromPerson(person.data), *event,
                            ctx_.clock.Today())
             .ok())
      return int64_t{0};
    ports::StoredEvent stored{.tenant_id = tenant_id,
                              .person_id = data.person_id,
                              .event = std::move(*event),
                              .recorded_by = caller.principal.user_id,
                              .recorded_at = ctx_.clock.Now()};
    REGIE_ASSIGN_OR_RETURN(stored, tx.Policy().RecordEvent(stored));
    return stored.id;
  }

  core::AuditRecord Audit(const Caller& caller, const Access& a, core::Action action,
                          std::string type, std::string id) const {
    core::AuditRecord r =
        HouseholdAudit(ctx_, caller, a.household, action, std::move(type), std::move(id));
    r.person_id = a.person_id;
    return r;
  }

  // The assessment with only what `visible` allows; null when nothing of
  // it may be shown (a ZRM of hidden domains only, or a hidden ladder).
  json AssessmentJson(ports::Transaction& tx, const core::Assessment& s,
                      const core::CategorySet& visible) const {
    const core::AssessmentData& d = s.data;
    json out = {{"id", s.id},
                {"person_id", d.person_id},
                {"kind", core::ToCode(d.kind)},
                {"date", d.date.ToString()},
                {"assessor", d.assessor},
                {"recorded_by", UserRef(tx, s.recorded_by)},
                {"recorded_at", s.recorded_at.ToString()},
                {"voided", s.voided_at.has_value()},
                {"voided_at", s.voided_at ? json(s.voided_at->ToString()) : json(nullptr)},
                {"void_reason", s.void_reason}};
    switch (d.kind) {
      case core::AssessmentKind::kZrm: {
        json scores = json::array();
        int hidden = 0;
        for (const core::ZrmScore& z : d.zrm) {
          const core::ZrmDomain* domain = core::FindZrmDomain(z.domain);
          if (domain && visible.Has(domain->category))
            scores.push_back({{"domain", z.domain}, {"score", z.score}});
          else
            ++hidden;
        }
        if (scores.empty()) return nullptr;
        out["zrm"] = std::move(scores);
        out["hidden_domains"] = hidden;
        break;
      }
      case core::AssessmentKind::kParticipatieladder:
        if (!visible.Has(Participation())) return nullptr;
        out["rung"] = d.rung;
        out["rungs_present"] = d.rungs_present;
        break;
      case core::AssessmentKind::kFermWerk:
        if (!visible.Has(Participation())) return nullptr;
        out["outcome"] = d.outcome;
        break;
    }
    return out;
  }

  const ApiContext& ctx_;
};

}  // namespace

void AddAssessmentRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<AssessmentHandlers>(ctx);
  const std::string path = "/api/v1/tenants/{tenantId}/persons/{personId}/assessments";
  router.Add(Verb::get, path, [h](const ApiRequest& r) { return h->List(r); });
  router.Add(Verb::post, path, [h](const ApiRequest& r) { return h->Create(r); });
  router.Add(Verb::post, path + "/{assessmentId}/void",
             [h](const ApiRequest& r) { return h->Void(r); });
}

}  // namespace regie::http
