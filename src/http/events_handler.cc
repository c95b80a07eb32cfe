// Recorded events of a person and the milestone timeline the active policy
// packs give them. Both are data category `inburgering` (record type
// "events"): the household's access decision plus the person's categories
// decide, as for every person field. The person dates the timeline counts
// from (housing, permit) are basic data: a caller who does not see them
// gets no date computed from them either, and no other reference date.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "core/policy/event_rules.h"
#include "core/policy/timeline.h"
#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/auth_support.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/household_view.h"
#include "http/policy_json.h"
#include "http/policy_registry.h"
#include "http/policy_support.h"

namespace regie::http {
namespace {

using nlohmann::json;
namespace policy = core::policy;

StatusOr<policy::PersonEvent> ParseEvent(const json& body) {
  policy::PersonEvent e;
  std::vector<FieldError> errors;
  ReadRequiredString(body, "event", e.event, errors);
  if (!e.event.empty() && !policy::IsEventId(e.event))
    errors.push_back({"event", "invalid_event_id"});
  std::string date;
  ReadRequiredString(body, "date", date, errors);
  if (!date.empty()) {
    if (auto d = core::Date::Parse(date))
      e.date = *d;
    else
      errors.push_back({"date", "invalid_date"});
  }
  if (auto v = body.find("value"); v != body.end() && !v->is_null()) {
    if (!v->is_number_integer() || !policy::IsEventValue(v->get<int64_t>()))
      errors.push_back({"value", "invalid_number"});
    else
      e.value = static_cast<int32_t>(v->get<int64_t>());
  }
  for (auto [key, out] : {std::pair{"code", &e.code}, std::pair{"reason", &e.reason}}) {
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) continue;
    if (!it->is_string()) {
      errors.push_back({key, "wrong_type"});
      continue;
    }
    *out = it->get<std::string>();
    if (std::string_view error = policy::CheckEventText(*out); !error.empty())
      errors.push_back({key, std::string(error)});
  }
  RefuseUnknown(body, {"event", "date", "value", "code", "reason"}, errors);
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return e;
}

// CheckEvent's refusals as field errors of the request body (the mapping a
// handover package's events get too).
Status AsFieldErrors(const Status& status) {
  if (std::optional<FieldError> error = EventFieldError(status, ""))
    return core::ValidationFailed({std::move(*error)});
  return status;
}

class EventHandlers {
 public:
  explicit EventHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> List(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t person_id, PathId(request, "personId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(PersonPolicyAccess a,
                           CheckPersonEvents(ctx_, *tx, caller, tenant_id, person_id,
                                             core::Action::kRead, "person_events"));
    REGIE_ASSIGN_OR_RETURN(auto compiled, Registry(ctx_).ForTenant(*tx, tenant_id));
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::StoredEvent> events,
                           tx->Policy().EventsOfPerson(tenant_id, person_id));
    UserNames names(*tx);
    json items = json::array();
    for (const ports::StoredEvent& e : events) items.push_back(EventJson(*compiled, e, names));
    return LoggedRead(JsonResponse(200, dto::Dump(json{{"items", std::move(items)}})),
                      ctx_.audit.Enqueue(PersonEventsAudit(ctx_, caller, a, core::Action::kRead,
                                                           "person_events", "")));
  }

  StatusOr<ApiResponse> Record(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t person_id, PathId(request, "personId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(policy::PersonEvent event, ParseEvent(body));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(PersonPolicyAccess a,
                           CheckPersonEvents(ctx_, *tx, caller, tenant_id, person_id,
                                             core::Action::kCreate, "person_events"));
    REGIE_RETURN_IF_ERROR(RequireActiveHousehold(a.access));
    REGIE_ASSIGN_OR_RETURN(auto compiled, Registry(ctx_).ForTenant(*tx, tenant_id));
    REGIE_ASSIGN_OR_RETURN(core::Person person, tx->Persons().Get(tenant_id, person_id));
    const policy::PersonFacts facts = policy::FactsFromPerson(person.data);
    REGIE_RETURN_IF_ERROR(
        AsFieldErrors(policy::CheckEvent(*compiled, facts, event, ctx_.clock.Today()).status()));
    ports::StoredEvent stored{.tenant_id = tenant_id,
                              .person_id = person_id,
                              .event = std::move(event),
                              .recorded_by = caller.principal.user_id,
                              .recorded_at = ctx_.clock.Now()};
    REGIE_ASSIGN_OR_RETURN(stored, tx->Policy().RecordEvent(stored));
    REGIE_RETURN_IF_ERROR(
        ctx_.audit
            .AppendInTransaction(*tx, PersonEventsAudit(ctx_, caller, a, core::Action::kCreate,
                                                        "person_event", std::to_string(stored.id)))
            .status());
    UserNames names(*tx);
    json out = EventJson(*compiled, stored, names);
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(201, dto::Dump(out));
  }

  StatusOr<ApiResponse> Void(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t person_id, PathId(request, "personId"));
    REGIE_ASSIGN_OR_RETURN(int64_t event_id, PathId(request, "eventId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(std::string reason,
                           ReadReasonBody(body, policy::kMinVoidReason, policy::kMaxVoidReason));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(PersonPolicyAccess a,
                           CheckPersonEvents(ctx_, *tx, caller, tenant_id, person_id,
                                             core::Action::kUpdate, "person_event"));
    REGIE_ASSIGN_OR_RETURN(auto compiled, Registry(ctx_).ForTenant(*tx, tenant_id));
    REGIE_ASSIGN_OR_RETURN(ports::StoredEvent voided,
                           tx->Policy().VoidEvent(tenant_id, event_id, caller.principal.user_id,
                                                  reason, ctx_.clock.Now()));
    // The event must be this person's; otherwise the transaction rolls back.
    if (voided.person_id != person_id)
      return NotFound("event_not_found", "no such event for this person");
    core::AuditRecord r = PersonEventsAudit(ctx_, caller, a, core::Action::kUpdate, "person_event",
                                            std::to_string(event_id));
    r.purpose = "voided";
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(r)).status());
    UserNames names(*tx);
    json out = EventJson(*compiled, voided, names);
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(200, dto::Dump(out));
  }

  StatusOr<ApiResponse> Timeline(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t person_id, PathId(request, "personId"));
    REGIE_ASSIGN_OR_RETURN(core::Date on, ParseOnQuery(request.query, ctx_.clock.Today()));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(PersonPolicyAccess a,
                           CheckPersonEvents(ctx_, *tx, caller, tenant_id, person_id,
                                             core::Action::kRead, "milestones"));
    REGIE_ASSIGN_OR_RETURN(auto compiled, Registry(ctx_).ForTenant(*tx, tenant_id));
    REGIE_ASSIGN_OR_RETURN(core::Person person, tx->Persons().Get(tenant_id, person_id));
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::StoredEvent> stored,
                           tx->Policy().EventsOfPerson(tenant_id, person_id));
    // The events category opens the timeline, not the person's basic data:
    // the housing date, and every date computed from a person date the
    // filter withholds, only where the person's filter shows it.
    const dto::FieldFilter filter = PersonFilter(ctx_, caller, a.access, person_id);
    const bool housing = filter.Shows("housing_date");
    const policy_json::HiddenDates hidden(
        *compiled, [&filter](std::string_view field) { return filter.Shows(field); });
    // Every status turns on the dates it depends on (an anchor happens, a
    // due date passes, a satisfying date comes): moving the reference date
    // would find a hidden date out, so such a caller sees the timeline as of
    // today only.
    if (hidden.Any() && on != ctx_.clock.Today())
      return InvalidArgument("bad_request", "reference date on data the caller may not see",
                             {{"on", "not_allowed"}});
    std::vector<policy::PersonEvent> events = ActiveEvents(stored);
    policy::Evaluator evaluator(*compiled);
    policy::Evaluation evaluation;
    std::vector<std::string> unknown;
    policy::EvaluateStored(evaluator, *compiled, policy::FactsFromPerson(person.data), events, on,
                           evaluation, unknown);
    const std::optional<core::Date> housing_date =
        housing ? person.data.housing_date : std::nullopt;
    // What is due from a hidden date is left out, as on the worklist: its
    // status, reason, extension count and cadence counts are all computed
    // from that due date, so even today's status would show, read day by
    // day, the day it passes (and the pack publishes the deadline).
    json milestones = json::array();
    for (const policy::MilestoneResult& r : evaluation.milestones)
      if (!hidden.HidesDue(compiled->milestone(r.milestone)))
        milestones.push_back(policy_json::MilestoneItem(*compiled, r, housing_date, hidden));
    json cadences = json::array();
    for (const policy::CadenceResult& r : evaluation.cadences)
      if (!hidden.HidesCadence(compiled->cadence(r.cadence)))
        cadences.push_back(policy_json::CadenceItem(*compiled, r));
    // Tells the web UI why items may be missing and that `on` is fixed; it
    // depends on the caller's field filter and the packs only, not on the
    // person's data.
    json out = {{"on", on.ToString()},
                {"housing_date", policy_json::OptDate(housing_date)},
                {"dates_withheld", hidden.Any()},
                {"milestones", std::move(milestones)},
                {"cadences", std::move(cadences)},
                {"unknown_events", unknown}};
    return LoggedRead(JsonResponse(200, dto::Dump(out)),
                      ctx_.audit.Enqueue(PersonEventsAudit(ctx_, caller, a, core::Action::kRead,
                                                           "milestones", "")));
  }

 private:
  // Display names of the users who recorded events, read once per user.
  class UserNames {
   public:
    explicit UserNames(ports::Transaction& tx) : tx_(tx) {}
    const json& Of(int64_t user_id) {
      auto it = cache_.find(user_id);
      if (it == cache_.end()) it = cache_.emplace(user_id, UserRef(tx_, user_id)).first;
      return it->second;
    }

   private:
    ports::Transaction& tx_;
    std::map<int64_t, json> cache_;
  };

  json EventJson(const policy::CompiledPolicy& compiled, const ports::StoredEvent& s,
                 UserNames& names) {
    const policy::PersonEvent& e = s.event;
    std::optional<uint32_t> index = compiled.FindEvent(e.event);
    const policy::EventDecl* decl = index ? &compiled.event_decl(*index) : nullptr;
    const policy::Code* code = decl ? FindCode(compiled, *decl, e.code) : nullptr;
    return {{"id", s.id},
            {"person_id", s.person_id},
            {"event", e.event},
            {"label", decl ? policy_json::Label(decl->label) : json(nullptr)},
            {"known", decl != nullptr},
            {"date", e.date.ToString()},
            {"value", e.value ? json(*e.value) : json(nullptr)},
            {"code", e.code.empty() ? json(nullptr) : json(e.code)},
            {"code_label", code ? policy_json::Label(code->label) : json(nullptr)},
            {"reason", e.reason},
            {"recorded_by", names.Of(s.recorded_by)},
            {"recorded_at", s.recorded_at.ToString()},
            {"voided", s.voided_at.has_value()},
            {"voided_at", s.voided_at ? json(s.voided_at->ToString()) : json(nullptr)},
            {"void_reason", s.void_reason}};
  }

  const ApiContext& ctx_;
};

}  // namespace

void AddEventRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<EventHandlers>(ctx);
  const std::string person = "/api/v1/tenants/{tenantId}/persons/{personId}";
  router.Add(Verb::get, person + "/events", [h](const ApiRequest& r) { return h->List(r); });
  router.Add(Verb::post, person + "/events", [h](const ApiRequest& r) { return h->Record(r); });
  router.Add(Verb::post, person + "/events/{eventId}/void",
             [h](const ApiRequest& r) { return h->Void(r); });
  router.Add(Verb::get, person + "/milestones",
             [h](const ApiRequest& r) { return h->Timeline(r); });
}

}  // namespace regie::http
