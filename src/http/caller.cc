#include "http/caller.h"

#include "http/audit_writer.h"
#include "http/handlers.h"
#include "http/session_cache.h"

namespace regie::http {
namespace {

constexpr int64_t kTouchEveryMicros = 60LL * 1'000'000;

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned>(a[i] ^ b[i]);
  return diff == 0;
}

bool StateChanging(Verb method) {
  return method != Verb::get && method != Verb::head && method != Verb::options;
}

}  // namespace

Status Unauthenticated(std::string reason) {
  return Status(StatusCode::kUnauthenticated, std::move(reason), "not authenticated");
}

Status Forbidden(std::string reason) {
  return Status(StatusCode::kPermissionDenied, std::move(reason), "permission denied");
}

std::string SessionToken(std::string_view cookie) {
  while (!cookie.empty()) {
    const size_t semi = cookie.find(';');
    std::string_view part = cookie.substr(0, semi);
    cookie = semi == std::string_view::npos ? std::string_view() : cookie.substr(semi + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    const size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == kSessionCookie)
      return std::string(part.substr(eq + 1));
  }
  return {};
}

StatusOr<core::Principal> LoadPrincipal(ports::Transaction& tx, const ports::User& user) {
  REGIE_ASSIGN_OR_RETURN(core::Organisation org,
                         tx.Organisations().GetById(user.data.organisation_id));
  REGIE_ASSIGN_OR_RETURN(std::vector<int64_t> tenants, tx.Organisations().ServedTenants(org.id));
  core::Principal p;
  p.user_id = user.id;
  p.username = user.data.username;
  p.display_name = user.data.display_name;
  p.organisation_id = org.id;
  p.organisation_kind = org.data.kind;
  p.tenant_ids = std::move(tenants);
  p.home_tenant_id = org.tenant_id;
  p.roles = user.data.roles;
  return p;
}

StatusOr<Caller> Authenticate(const ApiContext& ctx, ports::Transaction& tx,
                              const ApiRequest& request, SessionNeed need) {
  const std::string token = SessionToken(request.cookie);
  if (token.empty()) return Unauthenticated("not_authenticated");
  Caller caller;
  caller.token_hash = ctx.crypto.TokenHash(token);
  caller.client_ip = std::string(request.client_ip);
  const core::Timestamp now = ctx.clock.Now();
  std::optional<SessionCache::Entry> cached;
  if (ctx.sessions != nullptr) cached = ctx.sessions->Get(caller.token_hash, now);
  if (cached) {
    caller.session = std::move(cached->session);
    caller.principal = std::move(cached->principal);
  } else {
    StatusOr<ports::Session> session = tx.Sessions().Get(caller.token_hash);
    if (!session.ok()) {
      if (session.status().code() == StatusCode::kNotFound)
        return Unauthenticated("not_authenticated");
      return session.status();
    }
    StatusOr<ports::User> user = tx.Users().Get(session->user_id);
    if (!user.ok() || !user->data.active) return Unauthenticated("not_authenticated");
    REGIE_ASSIGN_OR_RETURN(caller.principal, LoadPrincipal(tx, *user));
    caller.session = std::move(session).value();
    if (ctx.sessions != nullptr)
      ctx.sessions->Put(caller.token_hash, {caller.session, caller.principal, now});
  }
  const int64_t idle =
      std::chrono::duration_cast<std::chrono::microseconds>(ctx.auth.idle_timeout).count();
  if (now >= caller.session.absolute_expires_at ||
      now.micros - caller.session.last_seen_at.micros > idle)
    return Unauthenticated("session_expired");
  if (need == SessionNeed::kComplete && !caller.session.mfa_done)
    return Unauthenticated("mfa_required");
  if (StateChanging(request.method) &&
      !ConstantTimeEquals(request.csrf_token, caller.session.csrf_token))
    return Forbidden("csrf_failed");

  if (now.micros - caller.session.last_seen_at.micros > kTouchEveryMicros) {
    ctx.audit.Defer([hash = caller.token_hash, now](ports::Transaction& t) {
      return t.Sessions().Touch(hash, now);
    });
    caller.session.last_seen_at = now;
    if (ctx.sessions != nullptr)
      ctx.sessions->Put(caller.token_hash, {caller.session, caller.principal, now});
  }
  // The one place every authenticated request passes: a request about a
  // tenant sees only the roles that count there, so no role check further
  // on (RequireRole, the policy's decisions, a handler's own) can let a
  // regional account use a municipal role outside its home municipality.
  // After the cache writes above: the cache keeps the account's roles.
  caller.account_roles = caller.principal.roles;
  if (std::string_view tenant = request.params.Get("tenantId"); !tenant.empty())
    caller.principal = caller.principal.ActingIn(ParseId(tenant).value_or(-1));
  return caller;
}

std::string SessionCookie(std::string_view token, const AuthOptions& options, bool secure) {
  const auto max_age = std::chrono::duration_cast<std::chrono::seconds>(options.absolute_timeout);
  return std::string(kSessionCookie) + "=" + std::string(token) +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age.count()) +
         (secure ? "; Secure" : "");
}

std::string ClearSessionCookie(bool secure) {
  return std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" +
         (secure ? "; Secure" : "");
}

core::AuditRecord AuditOf(const Caller& caller, const ports::Clock& clock, std::string action,
                          std::string resource_type, std::string resource_id) {
  core::AuditRecord r;
  r.at = clock.Now();
  r.user_id = caller.principal.user_id;
  r.organisation_id = caller.principal.organisation_id;
  r.action = std::move(action);
  r.resource_type = std::move(resource_type);
  r.resource_id = std::move(resource_id);
  r.outcome = "allowed";
  r.client_ip = caller.client_ip;
  return r;
}

}  // namespace regie::http
