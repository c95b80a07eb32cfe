// Person create (in a household), read and update, under the household's
// access decision and per-person sharing bases.
#include <nlohmann/json.hpp>

#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/household_view.h"

namespace regie::http {
namespace {

using nlohmann::json;

std::string PersonLocation(int64_t tenant_id, int64_t person_id) {
  return std::string(kApiPrefix) + "/tenants/" + std::to_string(tenant_id) + "/persons/" +
         std::to_string(person_id);
}

class PersonHandlers {
 public:
  explicit PersonHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> Create(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household_id, core::Action::kCreate));
    // A new person has no sharing bases yet: a begeleider records what the
    // MB categories cover; the rest stays at its defaults until the
    // regisseur fills it in.
    const dto::FieldFilter filter = PersonFilter(ctx_, caller, access, 0);
    std::vector<FieldError> hidden;
    json visible = dto::OverlayVisible(json::object(), body, filter, hidden);
    if (!hidden.empty()) return core::ValidationFailed(std::move(hidden));
    REGIE_ASSIGN_OR_RETURN(core::PersonData input,
                           dto::ParseNewPerson(visible, ctx_.clock.Today()));
    REGIE_ASSIGN_OR_RETURN(core::Person person,
                           tx->Persons().Create(tenant_id, household_id, input, ctx_.clock.Now()));
    core::AuditRecord r = HouseholdAudit(ctx_, caller, access, core::Action::kCreate, "person",
                                         std::to_string(person.id));
    r.person_id = person.id;
    r.categories = filter.categories;
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(r)).status());
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(201, dto::Dump(dto::ToJson(person, filter)),
                        PersonLocation(tenant_id, person.id));
  }

  StatusOr<ApiResponse> Get(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t person_id, PathId(request, "personId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(Visible v, Load(*tx, caller, tenant_id, person_id, core::Action::kRead));
    core::AuditRecord r = HouseholdAudit(ctx_, caller, v.access, core::Action::kRead, "person",
                                         std::to_string(person_id));
    r.person_id = person_id;
    r.categories = v.filter.categories;
    return LoggedRead(JsonResponse(200, dto::Dump(dto::ToJson(v.person, v.filter))),
                      ctx_.audit.Enqueue(std::move(r)));
  }

  StatusOr<ApiResponse> Update(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t person_id, PathId(request, "personId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(Visible v,
                           Load(*tx, caller, tenant_id, person_id, core::Action::kUpdate));
    // Fields the caller cannot see keep their stored values.
    std::vector<FieldError> hidden;
    json merged = dto::OverlayVisible(dto::ToJson(v.person), body, v.filter, hidden);
    if (!hidden.empty()) return core::ValidationFailed(std::move(hidden));
    REGIE_ASSIGN_OR_RETURN(dto::PersonUpdate input,
                           dto::ParsePersonUpdate(merged, ctx_.clock.Today()));
    REGIE_ASSIGN_OR_RETURN(
        core::Person person,
        tx->Persons().Update(tenant_id, person_id, input.version, input.person, ctx_.clock.Now()));
    core::AuditRecord r = HouseholdAudit(ctx_, caller, v.access, core::Action::kUpdate, "person",
                                         std::to_string(person_id));
    r.person_id = person_id;
    r.categories = v.filter.categories;
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(r)).status());
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(200, dto::Dump(dto::ToJson(person, v.filter)));
  }

 private:
  struct Visible {
    HouseholdAccess access;
    core::Person person;
    dto::FieldFilter filter;
  };

  // The person and what the caller may see of it; 403 forbidden when the
  // household relationship allows the action but nothing of this person is
  // shared with the caller.
  StatusOr<Visible> Load(ports::Transaction& tx, const Caller& caller, int64_t tenant_id,
                         int64_t person_id, core::Action action) {
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id,
                           tx.Access().HouseholdOfPerson(tenant_id, person_id));
    Visible v;
    REGIE_ASSIGN_OR_RETURN(v.access,
                           CheckHousehold(ctx_, tx, caller, tenant_id, household_id, action));
    v.filter = PersonFilter(ctx_, caller, v.access, person_id);
    if (v.filter.categories.Empty())
      return RefuseHousehold(ctx_, caller, v.access, action, "person", std::to_string(person_id),
                             person_id, "nothing_shared");
    REGIE_ASSIGN_OR_RETURN(v.person, tx.Persons().Get(tenant_id, person_id));
    return v;
  }

  const ApiContext& ctx_;
};

}  // namespace

void AddPersonRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<PersonHandlers>(ctx);
  router.Add(Verb::post, "/api/v1/tenants/{tenantId}/households/{householdId}/persons",
             [h](const ApiRequest& r) { return h->Create(r); });
  router.Add(Verb::get, "/api/v1/tenants/{tenantId}/persons/{personId}",
             [h](const ApiRequest& r) { return h->Get(r); });
  router.Add(Verb::put, "/api/v1/tenants/{tenantId}/persons/{personId}",
             [h](const ApiRequest& r) { return h->Update(r); });
}

}  // namespace regie::http
