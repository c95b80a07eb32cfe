// Health, tenants, organisations and the OpenAPI document.
#include <nlohmann/json.hpp>

#include "http/dto.h"
#include "http/embedded.h"
#include "http/handlers.h"

#ifndef REGIE_VERSION
#error "REGIE_VERSION must be defined by the build"
#endif

namespace regie::http {
namespace {

using nlohmann::json;

StatusOr<ApiResponse> Health(ports::Database& db) {
  REGIE_ASSIGN_OR_RETURN(int schema_version, db.SchemaVersion());
  json body = {{"status", "ok"},
               {"backend", db.Backend()},
               {"schema_version", schema_version},
               {"version", REGIE_VERSION}};
  return JsonResponse(200, dto::Dump(body));
}

StatusOr<ApiResponse> Tenants(ports::Database& db) {
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kRead));
  REGIE_ASSIGN_OR_RETURN(std::vector<core::Tenant> tenants, tx->Tenants().List());
  json items = json::array();
  for (const core::Tenant& t : tenants) items.push_back(dto::ToJson(t));
  return JsonResponse(200, dto::Dump(json{{"items", std::move(items)}}));
}

StatusOr<ApiResponse> Organisations(ports::Database& db, const ApiRequest& request) {
  REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kRead));
  REGIE_ASSIGN_OR_RETURN(std::vector<core::Organisation> orgs, tx->Organisations().List(tenant_id));
  // An empty list is only an answer for a tenant that exists.
  if (orgs.empty()) REGIE_RETURN_IF_ERROR(tx->Tenants().Get(tenant_id).status());
  json items = json::array();
  for (const core::Organisation& o : orgs) items.push_back(dto::ToJson(o));
  return JsonResponse(200, dto::Dump(json{{"items", std::move(items)}}));
}

}  // namespace

void AddMetaRoutes(Router& router, ports::Database& db) {
  router.Add(Verb::get, "/api/v1/health", [&db](const ApiRequest&) { return Health(db); });
  router.Add(Verb::get, "/api/v1/openapi.json", [](const ApiRequest&) -> StatusOr<ApiResponse> {
    return JsonResponse(200, std::string(embedded::OpenApi()));
  });
  router.Add(Verb::get, "/api/v1/tenants", [&db](const ApiRequest&) { return Tenants(db); });
  router.Add(Verb::get, "/api/v1/tenants/{tenantId}/organisations",
             [&db](const ApiRequest& r) { return Organisations(db, r); });
}

}  // namespace regie::http
