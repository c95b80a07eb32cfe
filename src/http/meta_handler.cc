// Health, the OpenAPI document, the caller's tenants and their
// organisations.
#include <nlohmann/json.hpp>

#include "http/dto.h"
#include "http/embedded.h"
#include "http/guard.h"
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

// Only the tenants the caller's organisation serves.
StatusOr<ApiResponse> Tenants(const ApiContext& ctx, const ApiRequest& request) {
  REGIE_ASSIGN_OR_RETURN(auto tx, ctx.db.Begin(ports::TxMode::kRead));
  REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx, *tx, request));
  json items = json::array();
  for (int64_t id : caller.principal.tenant_ids) {
    REGIE_ASSIGN_OR_RETURN(core::Tenant t, tx->Tenants().Get(id));
    items.push_back(dto::ToJson(t));
  }
  return JsonResponse(200, dto::Dump(json{{"items", std::move(items)}}));
}

StatusOr<ApiResponse> Organisations(const ApiContext& ctx, const ApiRequest& request) {
  REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
  REGIE_ASSIGN_OR_RETURN(auto tx, ctx.db.Begin(ports::TxMode::kRead));
  REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx, *tx, request));
  REGIE_RETURN_IF_ERROR(RequireTenant(ctx, caller, tenant_id));
  REGIE_ASSIGN_OR_RETURN(std::vector<core::Organisation> orgs, tx->Organisations().List(tenant_id));
  json items = json::array();
  for (const core::Organisation& o : orgs) items.push_back(dto::ToJson(o));
  return JsonResponse(200, dto::Dump(json{{"items", std::move(items)}}));
}

}  // namespace

void AddMetaRoutes(Router& router, const ApiContext& ctx) {
  router.Add(Verb::get, "/api/v1/health", [&ctx](const ApiRequest&) { return Health(ctx.db); });
  router.Add(Verb::get, "/api/v1/openapi.json", [](const ApiRequest&) -> StatusOr<ApiResponse> {
    return JsonResponse(200, std::string(embedded::OpenApi()));
  });
  router.Add(Verb::get, "/api/v1/tenants", [&ctx](const ApiRequest& r) { return Tenants(ctx, r); });
  router.Add(Verb::get, "/api/v1/tenants/{tenantId}/organisations",
             [&ctx](const ApiRequest& r) { return Organisations(ctx, r); });
}

}  // namespace regie::http
