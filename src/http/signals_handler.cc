// Signals (vroegsignalering, issue "Casework"). Anyone involved with a
// household files a signal; it is routed to an organisation (by category,
// core::SignalRouting), which acknowledges and follows it up. Every access
// is decided by core::DecideSignal (through SignalReader) and audited; the
// state machine is core::ApplySignalTransition, and the allowed actions the
// API reports per signal come from the same two functions.
#include <nlohmann/json.hpp>

#include "core/casework/signal.h"
#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/auth_support.h"
#include "http/dto.h"
#include "http/guard.h"
#include "http/handlers.h"
#include "http/signal_support.h"

namespace regie::http {
namespace {

using nlohmann::json;

struct NewSignalRequest {
  core::SignalData data;
  std::optional<int64_t> organisation_id;
};

void ReadOptionalText(const json& body, const char* key, std::string& out,
                      std::vector<FieldError>& errors) {
  if (auto it = body.find(key); it != body.end() && !it->is_null()) {
    if (it->is_string())
      out = it->get<std::string>();
    else
      errors.push_back({key, "wrong_type"});
  }
}

std::optional<int64_t> ReadOptionalId(const json& body, const char* key,
                                      std::vector<FieldError>& errors) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (it->is_number_integer() && it->get<int64_t>() > 0) return it->get<int64_t>();
  errors.push_back({key, "wrong_type"});
  return std::nullopt;
}

StatusOr<NewSignalRequest> ParseNewSignal(const json& body, int64_t household_id) {
  NewSignalRequest r;
  r.data.household_id = household_id;
  std::vector<FieldError> errors;
  std::string category, urgency;
  ReadRequiredString(body, "category", category, errors);
  if (!category.empty()) {
    if (auto c = core::ParseEnum<core::SignalCategory>(category))
      r.data.category = *c;
    else
      errors.push_back({"category", "invalid_enum"});
  }
  ReadRequiredString(body, "urgency", urgency, errors);
  if (!urgency.empty()) {
    if (auto u = core::ParseEnum<core::SignalUrgency>(urgency))
      r.data.urgency = *u;
    else
      errors.push_back({"urgency", "invalid_enum"});
  }
  bool description_ok = body.contains("description") && body["description"].is_string();
  ReadRequiredString(body, "description", r.data.description, errors);
  const bool persons_ok = ReadOptionalIds(body, "person_ids", r.data.person_ids, errors);
  r.organisation_id = ReadOptionalId(body, "organisation_id", errors);
  RefuseUnknown(body, {"category", "urgency", "description", "person_ids", "organisation_id"},
                errors);
  core::NormaliseSignal(r.data);
  for (FieldError& e : core::ValidateSignal(r.data)) {
    if (e.field == "description" && !description_ok) continue;
    if (e.field.starts_with("person_ids") && !persons_ok) continue;
    errors.push_back(std::move(e));
  }
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return r;
}

// The transition a POST .../{action} body asks for. Bodies:
//   acknowledge {"follow_up_due"?: date, "note"?: text}
//   reroute     {"organisation_id": id, "reason": text}
//   close       {"result": text}
//   withdraw    {"reason"?: text}
// The note's request field name, for mapping core's "note" errors back.
StatusOr<core::SignalTransition> ParseTransition(const json& body, core::SignalAction action,
                                                 std::string& note_field) {
  core::SignalTransition t;
  t.action = action;
  std::vector<FieldError> errors;
  switch (action) {
    case core::SignalAction::kAcknowledge: {
      note_field = "note";
      std::string due;
      ReadOptionalText(body, "follow_up_due", due, errors);
      if (!due.empty()) {
        if (auto d = core::Date::Parse(due))
          t.follow_up_due = *d;
        else
          errors.push_back({"follow_up_due", "invalid_date"});
      }
      ReadOptionalText(body, "note", t.note, errors);
      RefuseUnknown(body, {"follow_up_due", "note"}, errors);
      break;
    }
    case core::SignalAction::kReroute:
      note_field = "reason";
      t.organisation_id = ReadOptionalId(body, "organisation_id", errors);
      if (!body.contains("organisation_id")) errors.push_back({"organisation_id", "required"});
      ReadRequiredString(body, "reason", t.note, errors);
      RefuseUnknown(body, {"organisation_id", "reason"}, errors);
      break;
    case core::SignalAction::kClose:
      note_field = "result";
      ReadRequiredString(body, "result", t.note, errors);
      RefuseUnknown(body, {"result"}, errors);
      break;
    case core::SignalAction::kWithdraw:
      note_field = "reason";
      ReadOptionalText(body, "reason", t.note, errors);
      RefuseUnknown(body, {"reason"}, errors);
      break;
    case core::SignalAction::kFile:
      break;
  }
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

class SignalHandlers {
 public:
  explicit SignalHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> ListOfHousehold(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household_id, core::Action::kRead));
    REGIE_ASSIGN_OR_RETURN(std::vector<core::Signal> signals,
                           tx->Signals().ListByHousehold(tenant_id, household_id));
    SignalReader reader(ctx_, *tx, caller);
    json items = json::array();
    core::CategorySet shown{core::DataCategory::kBasis};
    for (const core::Signal& s : signals) {
      REGIE_ASSIGN_OR_RETURN(SignalAccess a, reader.Decide(s));
      if (!a.decision.allowed) continue;
      if (a.decision.description) shown.Add(a.category);
      REGIE_ASSIGN_OR_RETURN(json j, reader.Json(s, a, nullptr));
      items.push_back(std::move(j));
    }
    core::AuditRecord r = HouseholdAudit(ctx_, caller, access, core::Action::kRead, "signals", "");
    r.categories = shown;
    return LoggedRead(
        JsonResponse(200, dto::Dump(json{{"items", std::move(items)},
                                         {"may_file", core::MayFileSignal(access.decision)}})),
        ctx_.audit.Enqueue(std::move(r)));
  }

  StatusOr<ApiResponse> Create(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(NewSignalRequest req, ParseNewSignal(body, household_id));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household_id, core::Action::kRead));
    if (!core::MayFileSignal(access.decision))
      return RefuseHousehold(ctx_, caller, access, core::Action::kCreate, "signal", "",
                             std::nullopt, "forbidden");
    REGIE_RETURN_IF_ERROR(RequireActiveHousehold(access));
    const bool regisseur = access.decision.relationship == core::Relationship::kRegisseur;
    if (req.organisation_id && !regisseur)
      return core::ValidationFailed({{"organisation_id", "not_allowed"}});
    int64_t routed = 0;
    if (req.organisation_id) {
      routed = *req.organisation_id;
    } else {
      REGIE_ASSIGN_OR_RETURN(routed, DefaultRoute(*tx, access.facts, req.data.category,
                                                  caller.principal.organisation_id));
    }
    const core::Timestamp now = ctx_.clock.Now();
    core::Signal signal = core::NewSignal(tenant_id, std::move(req.data), caller.principal.user_id,
                                          caller.principal.organisation_id, routed, now);
    REGIE_ASSIGN_OR_RETURN(signal, tx->Signals().Create(signal));
    SignalReader reader(ctx_, *tx, caller);
    REGIE_ASSIGN_OR_RETURN(SignalAccess a, reader.Decide(signal));
    REGIE_RETURN_IF_ERROR(
        ctx_.audit.AppendInTransaction(*tx, reader.Audit(a, "create", std::to_string(signal.id)))
            .status());
    REGIE_ASSIGN_OR_RETURN(json out, reader.Json(signal, a, nullptr));
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(201, dto::Dump(out));
  }

  StatusOr<ApiResponse> ListOfCaller(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    bool open_only = false;
    REGIE_ASSIGN_OR_RETURN(auto query, ParseQuery(request.query));
    for (const auto& [name, value] : query) {
      if (name == "open" && (value == "true" || value == "false"))
        open_only = value == "true";
      else
        return core::ValidationFailed(
            {{name, name == "open" ? "invalid_boolean" : "unknown_field"}});
    }
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    const core::Principal& p = caller.principal;
    if (!p.Has(core::Role::kRegisseur) && !p.Has(core::Role::kBegeleider) &&
        !p.Has(core::Role::kPartner) && !p.Has(core::Role::kVrijwilliger))
      return RequireRole(ctx_, caller, core::Role::kPartner, tenant_id, "list", "signals");
    REGIE_ASSIGN_OR_RETURN(
        std::vector<core::Signal> signals,
        tx->Signals().ListForCaller(tenant_id, p.organisation_id, p.user_id, open_only));
    SignalReader reader(ctx_, *tx, caller);
    json items = json::array();
    core::CategorySet shown{core::DataCategory::kBasis};
    std::string ids;
    for (const core::Signal& s : signals) {
      REGIE_ASSIGN_OR_RETURN(SignalAccess a, reader.Decide(s));
      if (!a.decision.allowed) continue;
      if (a.decision.description) shown.Add(a.category);
      ids += (ids.empty() ? "" : ",") + std::to_string(s.id);
      REGIE_ASSIGN_OR_RETURN(json j, reader.Json(s, a, nullptr));
      items.push_back(std::move(j));
    }
    // One record for the list, naming every signal it showed.
    core::AuditRecord r = AuditOf(caller, ctx_.clock, "list", "signal", ids);
    r.tenant_id = tenant_id;
    r.categories = shown;
    return LoggedRead(JsonResponse(200, dto::Dump(json{{"items", std::move(items)}})),
                      ctx_.audit.Enqueue(std::move(r)));
  }

  StatusOr<ApiResponse> Read(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t signal_id, PathId(request, "signalId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    REGIE_ASSIGN_OR_RETURN(core::Signal s, tx->Signals().Get(tenant_id, signal_id));
    SignalReader reader(ctx_, *tx, caller);
    REGIE_ASSIGN_OR_RETURN(SignalAccess a, reader.Decide(s));
    if (!a.decision.allowed) return Refuse(reader, a, "read", s.id);
    REGIE_ASSIGN_OR_RETURN(std::vector<core::SignalEvent> history,
                           tx->Signals().History(tenant_id, signal_id));
    REGIE_ASSIGN_OR_RETURN(json out, reader.Json(s, a, &history));
    return LoggedRead(JsonResponse(200, dto::Dump(out)),
                      ctx_.audit.Enqueue(reader.Audit(a, "read", std::to_string(s.id))));
  }

  StatusOr<ApiResponse> Transition(const ApiRequest& request, core::SignalAction action) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t signal_id, PathId(request, "signalId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    std::string note_field;
    REGIE_ASSIGN_OR_RETURN(core::SignalTransition t, ParseTransition(body, action, note_field));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    REGIE_ASSIGN_OR_RETURN(core::Signal s, tx->Signals().Get(tenant_id, signal_id));
    SignalReader reader(ctx_, *tx, caller);
    REGIE_ASSIGN_OR_RETURN(SignalAccess a, reader.Decide(s));
    const std::string verb(core::ToCode(action));
    if (!a.decision.allowed || !MayAct(a.decision, action)) return Refuse(reader, a, verb, s.id);
    t.by_user = caller.principal.user_id;
    t.at = ctx_.clock.Now();
    StatusOr<core::AppliedTransition> applied = core::ApplySignalTransition(s, t);
    if (!applied.ok()) return RenameNoteField(applied.status(), note_field);
    Status stored = tx->Signals().Apply(applied->signal, applied->event);
    if (!stored.ok()) return RenameNoteField(stored, note_field);
    // The decision after the change (e.g. re-routed away: no longer the
    // caller's to handle) decides what the answer shows.
    REGIE_ASSIGN_OR_RETURN(SignalAccess after, reader.Decide(applied->signal));
    if (!after.decision.allowed) {
      // Re-routed away from the caller's organisation: they see the result
      // of their own step once more, but no longer act on it.
      after = a;
      after.decision.may_acknowledge = after.decision.may_reroute = false;
      after.decision.may_close = after.decision.may_withdraw = false;
    }
    REGIE_RETURN_IF_ERROR(
        ctx_.audit.AppendInTransaction(*tx, reader.Audit(a, verb, std::to_string(s.id))).status());
    REGIE_ASSIGN_OR_RETURN(std::vector<core::SignalEvent> history,
                           tx->Signals().History(tenant_id, signal_id));
    REGIE_ASSIGN_OR_RETURN(json out, reader.Json(applied->signal, after, &history));
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(200, dto::Dump(out));
  }

 private:
  static bool MayAct(const core::SignalDecision& d, core::SignalAction action) {
    switch (action) {
      case core::SignalAction::kAcknowledge:
        return d.may_acknowledge;
      case core::SignalAction::kReroute:
        return d.may_reroute;
      case core::SignalAction::kClose:
        return d.may_close;
      case core::SignalAction::kWithdraw:
        return d.may_withdraw;
      case core::SignalAction::kFile:
        return false;
    }
    return false;
  }

  // A refusal, logged (queued, so it stays when the transaction rolls
  // back): 404 for another tenant's signal, 403 no_relationship when the
  // caller has nothing to do with the household, else 403 forbidden.
  Status Refuse(const SignalReader& reader, const SignalAccess& a, const std::string& action,
                int64_t signal_id) {
    core::AuditRecord r = reader.Audit(a, action, std::to_string(signal_id));
    r.outcome = "denied";
    r.categories = {};
    ctx_.audit.Enqueue(std::move(r));
    if (a.decision.reason == "other_tenant")
      return NotFound("signal_not_found", "signal of another tenant");
    if (a.decision.reason == "no_relationship") return Forbidden("no_relationship");
    return Forbidden("forbidden");
  }

  // core::SignalRouting over the household's involved organisations, then
  // the tenant's, then the regisseur's organisation (the reporter's when
  // the household has no regisseur).
  StatusOr<int64_t> DefaultRoute(ports::Transaction& tx, const core::HouseholdFacts& facts,
                                 core::SignalCategory category, int64_t reporter_organisation) {
    std::vector<core::Organisation> involved;
    involved.reserve(facts.involved_organisations.size());
    for (int64_t id : facts.involved_organisations) {
      REGIE_ASSIGN_OR_RETURN(core::Organisation o, tx.Organisations().Get(facts.tenant_id, id));
      involved.push_back(std::move(o));
    }
    REGIE_ASSIGN_OR_RETURN(std::vector<core::Organisation> all,
                           tx.Organisations().List(facts.tenant_id));
    int64_t fallback = reporter_organisation;
    if (facts.regisseur_user_id > 0) {
      REGIE_ASSIGN_OR_RETURN(ports::User regisseur, tx.Users().Get(facts.regisseur_user_id));
      fallback = regisseur.data.organisation_id;
    }
    return SignalRoutingConfig().Route(category, involved, all, fallback);
  }

  const ApiContext& ctx_;
};

}  // namespace

void AddSignalRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<SignalHandlers>(ctx);
  const std::string household = "/api/v1/tenants/{tenantId}/households/{householdId}/signals";
  router.Add(Verb::get, household, [h](const ApiRequest& r) { return h->ListOfHousehold(r); });
  router.Add(Verb::post, household, [h](const ApiRequest& r) { return h->Create(r); });
  const std::string tenant = "/api/v1/tenants/{tenantId}/signals";
  router.Add(Verb::get, tenant, [h](const ApiRequest& r) { return h->ListOfCaller(r); });
  router.Add(Verb::get, tenant + "/{signalId}", [h](const ApiRequest& r) { return h->Read(r); });
  for (core::SignalAction action : {core::SignalAction::kAcknowledge, core::SignalAction::kReroute,
                                    core::SignalAction::kClose, core::SignalAction::kWithdraw})
    router.Add(Verb::post, tenant + "/{signalId}/" + std::string(core::ToCode(action)),
               [h, action](const ApiRequest& r) { return h->Transition(r, action); });
}

}  // namespace regie::http
