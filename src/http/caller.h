#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/access/access_model.h"
#include "core/audit/audit_record.h"
#include "core/status.h"
#include "http/context.h"
#include "http/router.h"
#include "ports/access_repositories.h"

namespace regie::http {

inline constexpr std::string_view kSessionCookie = "regie_session";

// The authenticated user of a request and the session it came with.
struct Caller {
  // For a route with {tenantId}, the principal as it acts in that tenant
  // (core::Principal::ActingIn): a municipal role of a regional account
  // does not count outside its home municipality.
  core::Principal principal;
  // The roles the account holds, wherever they count (for the audit
  // record of a refusal).
  core::RoleSet account_roles;
  ports::Session session;
  std::string token_hash;
  std::string client_ip;
};

enum class SessionNeed {
  kComplete,  // password and TOTP done (every route with data)
  kHalf,      // password done, TOTP due (the TOTP step itself)
};

// The session token from the Cookie header; empty when absent.
std::string SessionToken(std::string_view cookie_header);

// Authenticates a request inside `tx`: the session cookie must name a live
// session (not revoked, within the idle and absolute timeouts) of an active
// user, with TOTP done unless `need` is kHalf; state-changing methods must
// carry the session's CSRF token. When the route has {tenantId}, the
// caller's principal is narrowed to the roles that count in that tenant.
// Refusals:
//   401 not_authenticated / session_expired / mfa_required
//   403 csrf_failed
// The session's last-seen time is moved on (deferred) at most once a minute.
StatusOr<Caller> Authenticate(const ApiContext& ctx, ports::Transaction& tx,
                              const ApiRequest& request, SessionNeed need = SessionNeed::kComplete);

// The principal of `user`: its organisation and the tenants it serves.
StatusOr<core::Principal> LoadPrincipal(ports::Transaction& tx, const ports::User& user);

// Set-Cookie values for a new session token and for clearing it.
std::string SessionCookie(std::string_view token, const AuthOptions& options, bool secure);
std::string ClearSessionCookie(bool secure);

// An audit record of `caller` doing `action` on a resource, outcome
// "allowed"; the handler fills in household, person and categories.
core::AuditRecord AuditOf(const Caller& caller, const ports::Clock& clock, std::string action,
                          std::string resource_type, std::string resource_id);

// 401/403 statuses with the machine codes above.
Status Unauthenticated(std::string reason);
Status Forbidden(std::string reason);

}  // namespace regie::http
