// Staff accounts of a tenant: everyone serving it may list them (to pick a
// regisseur or begeleider); the functional admin (beheer) creates and
// changes them and issues enrolment links.
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/auth_support.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/session_cache.h"
#include "http/users_support.h"

namespace regie::http {
namespace {

using nlohmann::json;

class UserHandlers {
 public:
  explicit UserHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> List(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(auto params, ParseQuery(request.query));
    std::optional<core::Role> role;
    for (const auto& [name, value] : params) {
      if (name != "role" || value.empty()) continue;
      role = core::ParseEnum<core::Role>(value);
      if (!role) return InvalidArgument("bad_request", "unknown role", {{"role", "invalid_enum"}});
    }
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::User> users, tx->Users().ListServing(tenant_id));
    const bool admin = caller.principal.Has(core::Role::kBeheer);
    json items = json::array();
    for (const ports::User& u : users) {
      if (role && !u.data.roles.Has(*role)) continue;
      if (!admin && !u.data.active) continue;
      REGIE_ASSIGN_OR_RETURN(
          json j, UserJson(*tx, u, admin ? std::optional<int64_t>(tenant_id) : std::nullopt));
      items.push_back(std::move(j));
    }
    core::AuditRecord r = AuditOf(caller, ctx_.clock, "list", "user", "");
    r.tenant_id = tenant_id;
    return LoggedRead(JsonResponse(200, dto::Dump(json{{"items", std::move(items)}})),
                      ctx_.audit.Enqueue(std::move(r)));
  }

  StatusOr<ApiResponse> Create(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(UserInput input, ParseUserInput(body, /*update=*/false));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(
        RequireRole(ctx_, caller, core::Role::kBeheer, tenant_id, "create", "user"));
    // The organisation must serve this tenant and be at home in it
    // (ManagesOrganisation).
    StatusOr<core::Organisation> org =
        tx->Organisations().Get(tenant_id, input.data.organisation_id);
    if (!org.ok()) {
      if (org.status().code() != StatusCode::kNotFound) return org.status();
      return core::ValidationFailed({{"organisation_id", "invalid_reference"}});
    }
    if (!ManagesOrganisation(*org, tenant_id)) {
      RefuseUser(caller, tenant_id, "create", 0, "organisation_serves_other_tenants");
      return core::ValidationFailed({{"organisation_id", "not_managed"}});
    }
    if (Status roles = CheckRolesOfOrganisation(*org, input.data.roles); !roles.ok()) {
      RefuseUser(caller, tenant_id, "create", 0, "role_not_for_regional");
      return roles;
    }
    REGIE_ASSIGN_OR_RETURN(ports::User user, tx->Users().Create(input.data, ctx_.clock.Now()));
    REGIE_ASSIGN_OR_RETURN(Enrolment enrolment, NewEnrolment(ctx_, *tx, user.id));
    REGIE_RETURN_IF_ERROR(
        ctx_.audit.AppendInTransaction(*tx, UserAudit(caller, tenant_id, "create", user.id))
            .status());
    REGIE_ASSIGN_OR_RETURN(json j, UserJson(*tx, user, tenant_id));
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(201,
                        dto::Dump(json{{"user", std::move(j)},
                                       {"enrolment_url", enrolment.path},
                                       {"enrolment_expires_at", enrolment.expires_at.ToString()}}));
  }

  StatusOr<ApiResponse> Update(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t user_id, PathId(request, "userId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(UserInput input, ParseUserInput(body, /*update=*/true));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(
        RequireRole(ctx_, caller, core::Role::kBeheer, tenant_id, "update", "user"));
    REGIE_ASSIGN_OR_RETURN(Managed managed, ManagedUser(*tx, caller, tenant_id, user_id, "update"));
    const ports::User& current = managed.user;
    // Nobody gives themselves roles: a beheer who could would take case
    // access or audit their own work. Another beheer decides.
    if (user_id == caller.principal.user_id && input.data.roles != current.data.roles) {
      RefuseUser(caller, tenant_id, "update", user_id, "own_roles");
      return Forbidden("own_roles");
    }
    if (Status roles = CheckRolesOfOrganisation(managed.organisation, input.data.roles);
        !roles.ok()) {
      RefuseUser(caller, tenant_id, "update", user_id, "role_not_for_regional");
      return roles;
    }
    ports::UserData data = current.data;
    data.display_name = input.data.display_name;
    // The field is optional (docs/api-contract.md): left out, the address
    // stays, and with it a single sign-on binding made through it.
    if (input.email_given) data.email = input.data.email;
    data.roles = input.data.roles;
    data.active = input.data.active;
    REGIE_ASSIGN_OR_RETURN(ports::User user,
                           tx->Users().Update(user_id, input.version, data, ctx_.clock.Now()));
    // A deactivated account loses its sessions at once.
    if (!user.data.active) REGIE_RETURN_IF_ERROR(tx->Sessions().RevokeAllOf(user_id));
    REGIE_RETURN_IF_ERROR(
        ctx_.audit.AppendInTransaction(*tx, UserAudit(caller, tenant_id, "update", user_id))
            .status());
    REGIE_ASSIGN_OR_RETURN(json j, UserJson(*tx, user, tenant_id));
    REGIE_RETURN_IF_ERROR(tx->Commit());
    // Roles or the active flag may have changed: no cached principal survives.
    if (ctx_.sessions != nullptr) ctx_.sessions->EraseUser(user_id);
    return JsonResponse(200, dto::Dump(j));
  }

  StatusOr<ApiResponse> ResetEnrolment(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t user_id, PathId(request, "userId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(
        RequireRole(ctx_, caller, core::Role::kBeheer, tenant_id, "reset_enrolment", "user"));
    REGIE_RETURN_IF_ERROR(ManagedUser(*tx, caller, tenant_id, user_id, "reset_enrolment").status());
    REGIE_ASSIGN_OR_RETURN(Enrolment enrolment, NewEnrolment(ctx_, *tx, user_id));
    REGIE_RETURN_IF_ERROR(tx->Sessions().RevokeAllOf(user_id));
    REGIE_RETURN_IF_ERROR(
        ctx_.audit
            .AppendInTransaction(*tx, UserAudit(caller, tenant_id, "reset_enrolment", user_id))
            .status());
    REGIE_RETURN_IF_ERROR(tx->Commit());
    if (ctx_.sessions != nullptr) ctx_.sessions->EraseUser(user_id);
    return JsonResponse(200,
                        dto::Dump(json{{"enrolment_url", enrolment.path},
                                       {"enrolment_expires_at", enrolment.expires_at.ToString()}}));
  }

 private:
  core::AuditRecord UserAudit(const Caller& caller, int64_t tenant_id, std::string action,
                              int64_t user_id) {
    core::AuditRecord r =
        AuditOf(caller, ctx_.clock, std::move(action), "user", std::to_string(user_id));
    r.tenant_id = tenant_id;
    return r;
  }

  struct Managed {
    ports::User user;
    core::Organisation organisation;
  };

  // The user and its organisation, if that serves the tenant (else not
  // found) and the caller manages it (else 403 user_not_managed, logged).
  StatusOr<Managed> ManagedUser(ports::Transaction& tx, const Caller& caller, int64_t tenant_id,
                                int64_t user_id, const char* action) {
    StatusOr<ports::User> user = tx.Users().Get(user_id);
    if (!user.ok()) return user.status();
    StatusOr<core::Organisation> org =
        tx.Organisations().Get(tenant_id, user->data.organisation_id);
    if (!org.ok())
      return NotFound("user_not_found", "user of an organisation not serving the tenant");
    if (!ManagesOrganisation(*org, tenant_id)) {
      RefuseUser(caller, tenant_id, action, user_id, "organisation_serves_other_tenants");
      return Forbidden("user_not_managed");
    }
    return Managed{std::move(user).value(), std::move(org).value()};
  }

  // Logged like the guard's refusals (queued: the transaction rolls back).
  void RefuseUser(const Caller& caller, int64_t tenant_id, const char* action, int64_t user_id,
                  std::string reason) {
    core::AuditRecord r = UserAudit(caller, tenant_id, action, user_id);
    if (user_id == 0) r.resource_id.clear();
    r.outcome = "denied";
    r.purpose = std::move(reason);
    ctx_.audit.Enqueue(std::move(r));
  }

  const ApiContext& ctx_;
};

}  // namespace

void AddUserRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<UserHandlers>(ctx);
  const std::string base = "/api/v1/tenants/{tenantId}/users";
  router.Add(Verb::get, base, [h](const ApiRequest& r) { return h->List(r); });
  router.Add(Verb::post, base, [h](const ApiRequest& r) { return h->Create(r); });
  router.Add(Verb::put, base + "/{userId}", [h](const ApiRequest& r) { return h->Update(r); });
  router.Add(Verb::post, base + "/{userId}/enrolment",
             [h](const ApiRequest& r) { return h->ResetEnrolment(r); });
}

}  // namespace regie::http
