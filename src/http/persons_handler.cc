// Person create (in a household), read and update.
#include <nlohmann/json.hpp>

#include "http/dto.h"
#include "http/handlers.h"

namespace regie::http {
namespace {

using nlohmann::json;

std::string PersonLocation(int64_t tenant_id, int64_t person_id) {
  return std::string(kApiPrefix) + "/tenants/" + std::to_string(tenant_id) + "/persons/" +
         std::to_string(person_id);
}

StatusOr<ApiResponse> Create(ports::Database& db, const ports::Clock& clock,
                             const ApiRequest& request) {
  REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
  REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
  REGIE_RETURN_IF_ERROR(RequireJson(request));
  REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
  REGIE_ASSIGN_OR_RETURN(core::PersonData input, dto::ParseNewPerson(body, clock.Today()));
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
  REGIE_ASSIGN_OR_RETURN(core::Person person,
                         tx->Persons().Create(tenant_id, household_id, input, clock.Now()));
  REGIE_RETURN_IF_ERROR(tx->Commit());
  return JsonResponse(201, dto::Dump(dto::ToJson(person)), PersonLocation(tenant_id, person.id));
}

StatusOr<ApiResponse> Get(ports::Database& db, const ApiRequest& request) {
  REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
  REGIE_ASSIGN_OR_RETURN(int64_t person_id, PathId(request, "personId"));
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kRead));
  REGIE_ASSIGN_OR_RETURN(core::Person person, tx->Persons().Get(tenant_id, person_id));
  return JsonResponse(200, dto::Dump(dto::ToJson(person)));
}

StatusOr<ApiResponse> Update(ports::Database& db, const ports::Clock& clock,
                             const ApiRequest& request) {
  REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
  REGIE_ASSIGN_OR_RETURN(int64_t person_id, PathId(request, "personId"));
  REGIE_RETURN_IF_ERROR(RequireJson(request));
  REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
  REGIE_ASSIGN_OR_RETURN(dto::PersonUpdate input, dto::ParsePersonUpdate(body, clock.Today()));
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
  REGIE_ASSIGN_OR_RETURN(
      core::Person person,
      tx->Persons().Update(tenant_id, person_id, input.version, input.person, clock.Now()));
  REGIE_RETURN_IF_ERROR(tx->Commit());
  return JsonResponse(200, dto::Dump(dto::ToJson(person)));
}

}  // namespace

void AddPersonRoutes(Router& router, ports::Database& db, const ports::Clock& clock) {
  router.Add(Verb::post, "/api/v1/tenants/{tenantId}/households/{householdId}/persons",
             [&db, &clock](const ApiRequest& r) { return Create(db, clock, r); });
  router.Add(Verb::get, "/api/v1/tenants/{tenantId}/persons/{personId}",
             [&db](const ApiRequest& r) { return Get(db, r); });
  router.Add(Verb::put, "/api/v1/tenants/{tenantId}/persons/{personId}",
             [&db, &clock](const ApiRequest& r) { return Update(db, clock, r); });
}

}  // namespace regie::http
