// Referrals and warm handovers (issue "Casework"). The household's
// regisseur or an assigned begeleider refers named persons to another
// organisation with a reason and a dossier package; the receiving
// organisation accepts or rejects, the sender may withdraw, either side
// completes. Every access is decided by core::DecideReferral (through
// ReferralReader) and audited; the state machine is
// core::ApplyReferralTransition. Making a referral is refused unless every
// category of the package is covered for every named person by an active
// sharing basis for the receiving organisation.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/casework/referral.h"
#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/auth_support.h"
#include "http/dto.h"
#include "http/guard.h"
#include "http/handlers.h"
#include "http/i18n.h"
#include "http/problem.h"
#include "http/referral_support.h"

namespace regie::http {
namespace {

using nlohmann::json;

void ReadOptionalText(const json& body, const char* key, std::string& out,
                      std::vector<FieldError>& errors) {
  if (auto it = body.find(key); it != body.end() && !it->is_null()) {
    if (it->is_string())
      out = it->get<std::string>();
    else
      errors.push_back({key, "wrong_type"});
  }
}

// {"person_ids": [id], "to_organisation_id": id, "reason": text,
//  "package": [category], "template"?: id, "checklist"?: [text],
//  "respond_by"?: date}
StatusOr<core::ReferralData> ParseNewReferral(const json& body, int64_t household_id,
                                              core::Date today) {
  core::ReferralData d;
  d.household_id = household_id;
  std::vector<FieldError> errors;
  const bool persons_ok = ReadOptionalIds(body, "person_ids", d.person_ids, errors);
  if (auto it = body.find("to_organisation_id"); it == body.end() || it->is_null())
    errors.push_back({"to_organisation_id", "required"});
  else if (it->is_number_integer() && it->get<int64_t>() > 0)
    d.to_organisation_id = it->get<int64_t>();
  else
    errors.push_back({"to_organisation_id", "wrong_type"});
  const bool reason_ok = body.contains("reason") && body["reason"].is_string();
  ReadRequiredString(body, "reason", d.reason, errors);
  bool package_ok = true;
  if (auto it = body.find("package"); it != body.end() && !it->is_null()) {
    if (!it->is_array()) {
      errors.push_back({"package", "wrong_type"});
      package_ok = false;
    } else {
      for (size_t i = 0; i < it->size(); ++i) {
        const json& c = (*it)[i];
        std::optional<core::DataCategory> cat;
        if (c.is_string()) cat = core::ParseEnum<core::DataCategory>(c.get<std::string>());
        if (cat) {
          d.package.Add(*cat);
        } else {
          errors.push_back({"package/" + std::to_string(i), "invalid_enum"});
          package_ok = false;
        }
      }
    }
  }
  ReadOptionalText(body, "template", d.template_code, errors);
  if (auto it = body.find("checklist"); it != body.end() && !it->is_null()) {
    if (!it->is_array()) errors.push_back({"checklist", "wrong_type"});
    for (size_t i = 0; it->is_array() && i < it->size(); ++i) {
      if ((*it)[i].is_string())
        d.checklist.push_back((*it)[i].get<std::string>());
      else
        errors.push_back({"checklist/" + std::to_string(i), "wrong_type"});
    }
  }
  std::string respond_by;
  ReadOptionalText(body, "respond_by", respond_by, errors);
  if (!respond_by.empty()) {
    if (auto date = core::Date::Parse(respond_by))
      d.respond_by = *date;
    else
      errors.push_back({"respond_by", "invalid_date"});
  }
  RefuseUnknown(body,
                {"person_ids", "to_organisation_id", "reason", "package", "template", "checklist",
                 "respond_by"},
                errors);
  core::NormaliseReferral(d);
  for (FieldError& e : core::ValidateReferral(d, today)) {
    if (e.field == "reason" && !reason_ok) continue;
    if (e.field.starts_with("person_ids") && !persons_ok) continue;
    if (e.field == "package" && !package_ok) continue;
    if (e.field == "to_organisation_id" && d.to_organisation_id == 0) continue;
    errors.push_back(std::move(e));
  }
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return d;
}

// Bodies: accept {"note"?}, reject {"reason"}, withdraw {"reason"?},
// complete {"note"?}. The note's request field name, for mapping core's
// "note" errors back.
StatusOr<core::ReferralTransition> ParseTransition(const json& body, core::ReferralAction action,
                                                   std::string& note_field) {
  core::ReferralTransition t;
  t.action = action;
  std::vector<FieldError> errors;
  note_field = action == core::ReferralAction::kReject || action == core::ReferralAction::kWithdraw
                   ? "reason"
                   : "note";
  if (action == core::ReferralAction::kReject)
    ReadRequiredString(body, "reason", t.note, errors);
  else
    ReadOptionalText(body, note_field.c_str(), t.note, errors);
  RefuseUnknown(body, {std::string_view(note_field)}, errors);
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return t;
}

Status RenameNoteField(const Status& status, const std::string& note_field) {
  if (status.field_errors().empty()) return status;
  std::vector<FieldError> errors = status.field_errors();
  for (FieldError& e : errors)
    if (e.field == "note") e.field = note_field;
  return core::ValidationFailed(std::move(errors));
}

bool MayAct(const core::ReferralDecision& d, core::ReferralAction action) {
  switch (action) {
    case core::ReferralAction::kAccept:
      return d.may_accept;
    case core::ReferralAction::kReject:
      return d.may_reject;
    case core::ReferralAction::kWithdraw:
      return d.may_withdraw;
    case core::ReferralAction::kComplete:
      return d.may_complete;
    case core::ReferralAction::kPropose:
      return false;
  }
  return false;
}

class ReferralHandlers {
 public:
  explicit ReferralHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> ListOfHousehold(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household_id, core::Action::kRead));
    REGIE_ASSIGN_OR_RETURN(std::vector<core::Referral> referrals,
                           tx->Referrals().ListByHousehold(tenant_id, household_id));
    ReferralReader reader(ctx_, *tx, caller);
    json items = json::array();
    core::CategorySet shown{core::DataCategory::kBasis};
    for (const core::Referral& x : referrals) {
      REGIE_ASSIGN_OR_RETURN(ReferralAccess a, reader.Decide(x));
      if (!a.decision.allowed) continue;
      if (a.decision.full) shown.Add(core::DataCategory::kNotities);
      REGIE_ASSIGN_OR_RETURN(json j, reader.Json(x, a, nullptr));
      items.push_back(std::move(j));
    }
    // May the caller make one? Then the UI shows the form (creating asks
    // the policy again).
    const core::AccessDecision create = core::DecideHousehold(
        caller.principal, core::Action::kCreate, access.facts, ctx_.clock.Now());
    core::AuditRecord r =
        HouseholdAudit(ctx_, caller, access, core::Action::kRead, "referrals", "");
    r.categories = shown;
    return LoggedRead(
        JsonResponse(200, dto::Dump(json{{"items", std::move(items)},
                                         {"may_refer", core::MayMakeReferral(create)}})),
        ctx_.audit.Enqueue(std::move(r)));
  }

  StatusOr<ApiResponse> Create(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    const core::Timestamp now = ctx_.clock.Now();
    REGIE_ASSIGN_OR_RETURN(core::ReferralData data,
                           ParseNewReferral(body, household_id, now.ToDate()));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household_id, core::Action::kCreate));
    if (!core::MayMakeReferral(access.decision))
      return RefuseHousehold(ctx_, caller, access, core::Action::kCreate, "referral", "",
                             std::nullopt, "forbidden");
    REGIE_RETURN_IF_ERROR(RequireActiveHousehold(access));
    if (data.to_organisation_id == caller.principal.organisation_id)
      return core::ValidationFailed({{"to_organisation_id", "same_organisation"}});
    // Unknown persons and receivers first: "not covered" would be a
    // confusing answer. A receiver must serve the tenant: referrals stay
    // within the municipality's network (a move goes by handover package).
    std::vector<FieldError> strangers;
    if (StatusOr<core::Organisation> to =
            tx->Organisations().Get(tenant_id, data.to_organisation_id);
        !to.ok()) {
      if (to.status().code() != StatusCode::kNotFound) return to.status();
      strangers.push_back({"to_organisation_id", "invalid_reference"});
    }
    for (size_t i = 0; i < data.person_ids.size(); ++i) {
      StatusOr<int64_t> of = tx->Access().HouseholdOfPerson(tenant_id, data.person_ids[i]);
      if (!of.ok() && of.status().code() != StatusCode::kNotFound) return of.status();
      if (!of.ok() || *of != household_id)
        strangers.push_back({"person_ids/" + std::to_string(i), "invalid_reference"});
    }
    if (!strangers.empty()) return core::ValidationFailed(std::move(strangers));
    if (!data.template_code.empty())
      REGIE_RETURN_IF_ERROR(
          ApplyTemplate(*tx, tenant_id, caller.principal.organisation_id, data, now));
    // The package may only go where a basis lets it: name what is missing.
    const std::vector<core::UncoveredItem> uncovered =
        core::UncoveredPackage(data, access.facts.bases, now);
    if (!uncovered.empty()) return NotCovered(*tx, request, tenant_id, data, uncovered);
    core::Referral referral =
        core::NewReferral(tenant_id, std::move(data), caller.principal.organisation_id,
                          caller.principal.user_id, now);
    REGIE_ASSIGN_OR_RETURN(referral, tx->Referrals().Create(referral));
    ReferralReader reader(ctx_, *tx, caller);
    REGIE_ASSIGN_OR_RETURN(ReferralAccess a, reader.Decide(referral));
    core::AuditRecord audit = reader.Audit(a, "create", std::to_string(referral.id));
    audit.categories = audit.categories.Union(referral.data.package);
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(audit)).status());
    REGIE_ASSIGN_OR_RETURN(json out, reader.Json(referral, a, nullptr));
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(201, dto::Dump(out));
  }

  StatusOr<ApiResponse> ListOfOrganisation(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    bool open_only = false;
    bool incoming = true;
    REGIE_ASSIGN_OR_RETURN(auto query, ParseQuery(request.query));
    for (const auto& [name, value] : query) {
      if (name == "open" && (value == "true" || value == "false"))
        open_only = value == "true";
      else if (name == "direction" && (value == "incoming" || value == "outgoing"))
        incoming = value == "incoming";
      else if (name == "open" || name == "direction")
        return core::ValidationFailed(
            {{name, name == "open" ? "invalid_boolean" : "invalid_enum"}});
      else
        return core::ValidationFailed({{name, "unknown_field"}});
    }
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    const core::Principal& p = caller.principal;
    if (!p.Has(core::Role::kRegisseur) && !p.Has(core::Role::kBegeleider) &&
        !p.Has(core::Role::kPartner))
      return RequireRole(ctx_, caller, core::Role::kPartner, tenant_id, "list", "referrals");
    REGIE_ASSIGN_OR_RETURN(
        std::vector<core::Referral> referrals,
        tx->Referrals().ListForOrganisation(tenant_id, p.organisation_id, incoming, open_only));
    ReferralReader reader(ctx_, *tx, caller);
    json items = json::array();
    core::CategorySet shown{core::DataCategory::kBasis};
    std::string ids;
    for (const core::Referral& x : referrals) {
      REGIE_ASSIGN_OR_RETURN(ReferralAccess a, reader.Decide(x));
      if (!a.decision.allowed) continue;
      if (a.decision.full) shown.Add(core::DataCategory::kNotities);
      ids += (ids.empty() ? "" : ",") + std::to_string(x.id);
      REGIE_ASSIGN_OR_RETURN(json j, reader.Json(x, a, nullptr));
      items.push_back(std::move(j));
    }
    // One record for the list, naming every referral it showed.
    core::AuditRecord r = AuditOf(caller, ctx_.clock, "list", "referral", ids);
    r.tenant_id = tenant_id;
    r.categories = shown;
    return LoggedRead(JsonResponse(200, dto::Dump(json{{"items", std::move(items)}})),
                      ctx_.audit.Enqueue(std::move(r)));
  }

  StatusOr<ApiResponse> Read(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t referral_id, PathId(request, "referralId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    REGIE_ASSIGN_OR_RETURN(core::Referral x, tx->Referrals().Get(tenant_id, referral_id));
    ReferralReader reader(ctx_, *tx, caller);
    REGIE_ASSIGN_OR_RETURN(ReferralAccess a, reader.Decide(x));
    if (!a.decision.allowed) return Refuse(reader, a, "read", x.id);
    REGIE_ASSIGN_OR_RETURN(std::vector<core::ReferralEvent> history,
                           tx->Referrals().History(tenant_id, referral_id));
    REGIE_ASSIGN_OR_RETURN(json out, reader.Json(x, a, &history));
    return LoggedRead(JsonResponse(200, dto::Dump(out)),
                      ctx_.audit.Enqueue(reader.Audit(a, "read", std::to_string(x.id))));
  }

  StatusOr<ApiResponse> Transition(const ApiRequest& request, core::ReferralAction action) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t referral_id, PathId(request, "referralId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    std::string note_field;
    REGIE_ASSIGN_OR_RETURN(core::ReferralTransition t, ParseTransition(body, action, note_field));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    REGIE_ASSIGN_OR_RETURN(core::Referral x, tx->Referrals().Get(tenant_id, referral_id));
    ReferralReader reader(ctx_, *tx, caller);
    REGIE_ASSIGN_OR_RETURN(ReferralAccess a, reader.Decide(x));
    const std::string verb(core::ToCode(action));
    if (!a.decision.allowed || !MayAct(a.decision, action)) return Refuse(reader, a, verb, x.id);
    t.by_user = caller.principal.user_id;
    t.at = ctx_.clock.Now();
    StatusOr<core::AppliedReferralTransition> applied = core::ApplyReferralTransition(x, t);
    if (!applied.ok()) return RenameNoteField(applied.status(), note_field);
    REGIE_RETURN_IF_ERROR(tx->Referrals().Apply(applied->referral, applied->event));
    REGIE_RETURN_IF_ERROR(
        ctx_.audit.AppendInTransaction(*tx, reader.Audit(a, verb, std::to_string(x.id))).status());
    REGIE_ASSIGN_OR_RETURN(std::vector<core::ReferralEvent> history,
                           tx->Referrals().History(tenant_id, referral_id));
    REGIE_ASSIGN_OR_RETURN(json out, reader.Json(applied->referral, a, &history));
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(200, dto::Dump(out));
  }

  StatusOr<ApiResponse> Templates(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    const core::Principal& p = caller.principal;
    if (!p.Has(core::Role::kRegisseur) && !p.Has(core::Role::kBegeleider) &&
        !p.Has(core::Role::kPartner))
      return RequireRole(ctx_, caller, core::Role::kRegisseur, tenant_id, "list",
                         "referral_templates");
    REGIE_ASSIGN_OR_RETURN(std::vector<core::policy::WarmHandoverTemplate> handovers,
                           TenantHandovers(ctx_, *tx, tenant_id));
    json items = json::array();
    for (const core::policy::WarmHandoverTemplate& h : handovers) items.push_back(HandoverJson(h));
    return JsonResponse(200, dto::Dump(json{{"items", std::move(items)}}));
  }

 private:
  // Fills what the sender left open from the template (checklist, response
  // date, retention) and checks that sender and receiver are of the kinds
  // it is meant for (a COA handover is not the municipality's to send).
  Status ApplyTemplate(ports::Transaction& tx, int64_t tenant_id, int64_t from_organisation_id,
                       core::ReferralData& data, core::Timestamp now) {
    REGIE_ASSIGN_OR_RETURN(std::vector<core::policy::WarmHandoverTemplate> handovers,
                           TenantHandovers(ctx_, tx, tenant_id));
    auto it = std::find_if(handovers.begin(), handovers.end(),
                           [&data](const auto& h) { return h.id == data.template_code; });
    if (it == handovers.end()) return core::ValidationFailed({{"template", "unknown_code"}});
    // The sender is the caller's own organisation: it must be found and of
    // a `from` kind (fail closed). Create has checked that the receiver
    // serves the tenant.
    REGIE_ASSIGN_OR_RETURN(core::Organisation from,
                           tx.Organisations().GetById(from_organisation_id));
    REGIE_ASSIGN_OR_RETURN(core::Organisation to,
                           tx.Organisations().Get(tenant_id, data.to_organisation_id));
    auto of_kind = [](const core::Organisation& o, const std::vector<std::string>& kinds) {
      return std::find(kinds.begin(), kinds.end(), core::ToCode(o.data.kind)) != kinds.end();
    };
    std::vector<FieldError> errors;
    if (!of_kind(from, it->from_kinds)) errors.push_back({"template", "wrong_sender_kind"});
    if (!of_kind(to, it->to_kinds))
      errors.push_back({"to_organisation_id", "wrong_organisation_kind"});
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    if (data.checklist.empty())
      for (const core::policy::LocalizedText& item : it->checklist)
        data.checklist.push_back(item.nl);
    if (!data.respond_by) data.respond_by = now.ToDate().AddDays(it->response_days);
    data.retention_days = it->retention_days;
    return Status::Ok();
  }

  // 409 package_not_covered, naming each uncovered person and category in
  // Dutch and English, so the sender knows which basis to record first.
  StatusOr<ApiResponse> NotCovered(ports::Transaction& tx, const ApiRequest& request,
                                   int64_t tenant_id, const core::ReferralData& data,
                                   const std::vector<core::UncoveredItem>& uncovered) {
    std::string to_name = std::to_string(data.to_organisation_id);
    if (auto o = tx.Organisations().GetById(data.to_organisation_id); o.ok())
      to_name = o->data.name;
    ApiResponse response = MakeProblem(409, "package_not_covered", request.path);
    json problem = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
    if (problem.is_discarded()) return response;
    json items = json::array();
    std::string nl, en;
    for (const core::UncoveredItem& u : uncovered) {
      std::string name;
      if (auto p = tx.Persons().Get(tenant_id, u.person_id); p.ok())
        name = p->data.given_names + " " + p->data.family_name;
      const std::string category(core::ToCode(u.category));
      items.push_back({{"person_id", u.person_id}, {"person_name", name}, {"category", category}});
      const std::string person = name.empty() ? "#" + std::to_string(u.person_id) : name;
      nl += (nl.empty() ? "" : "; ") + person + ": " + CategoryText(u.category).nl;
      en += (en.empty() ? "" : "; ") + person + ": " + CategoryText(u.category).en;
    }
    problem["uncovered"] = std::move(items);
    problem["message_nl"] =
        problem["message_nl"].get<std::string>() + " Ontbreekt voor " + to_name + ": " + nl + ".";
    problem["message_en"] =
        problem["message_en"].get<std::string>() + " Missing for " + to_name + ": " + en + ".";
    problem["detail"] = problem["message_nl"];
    response.body = dto::Dump(problem);
    return response;
  }

  // A refusal, logged (queued, so it stays when the transaction rolls
  // back): 404 for another tenant's referral, 403 no_relationship when the
  // caller has nothing to do with it, else 403 forbidden.
  Status Refuse(const ReferralReader& reader, const ReferralAccess& a, const std::string& action,
                int64_t referral_id) {
    core::AuditRecord r = reader.Audit(a, action, std::to_string(referral_id));
    r.outcome = "denied";
    r.categories = {};
    ctx_.audit.Enqueue(std::move(r));
    if (a.decision.reason == "other_tenant")
      return NotFound("referral_not_found", "referral of another tenant");
    if (a.decision.reason == "no_relationship") return Forbidden("no_relationship");
    return Forbidden("forbidden");
  }

  const ApiContext& ctx_;
};

}  // namespace

void AddReferralRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<ReferralHandlers>(ctx);
  const std::string household = "/api/v1/tenants/{tenantId}/households/{householdId}/referrals";
  router.Add(Verb::get, household, [h](const ApiRequest& r) { return h->ListOfHousehold(r); });
  router.Add(Verb::post, household, [h](const ApiRequest& r) { return h->Create(r); });
  const std::string tenant = "/api/v1/tenants/{tenantId}/referrals";
  router.Add(Verb::get, tenant, [h](const ApiRequest& r) { return h->ListOfOrganisation(r); });
  router.Add(Verb::get, tenant + "/{referralId}", [h](const ApiRequest& r) { return h->Read(r); });
  for (core::ReferralAction action :
       {core::ReferralAction::kAccept, core::ReferralAction::kReject,
        core::ReferralAction::kWithdraw, core::ReferralAction::kComplete})
    router.Add(Verb::post, tenant + "/{referralId}/" + std::string(core::ToCode(action)),
               [h, action](const ApiRequest& r) { return h->Transition(r, action); });
  router.Add(Verb::get, "/api/v1/tenants/{tenantId}/referral-templates",
             [h](const ApiRequest& r) { return h->Templates(r); });
}

}  // namespace regie::http
