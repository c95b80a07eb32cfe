// Login (password, then TOTP), logout and "who am I".
#include <nlohmann/json.hpp>

#include "core/auth/throttle.h"
#include "core/auth/totp.h"
#include "core/text.h"
#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/auth_support.h"
#include "http/caller.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/problem.h"
#include "http/session_cache.h"
#include "http/users_support.h"

namespace regie::http {
namespace {

using nlohmann::json;

// Failed attempts of one kind, recorded for every key they count against.
// Each count is read locked: concurrent failures of a burst then add up
// instead of all writing the same next value.
Status RecordFailures(ports::Transaction& tx, const std::vector<std::string>& keys,
                      core::Timestamp now, const core::ThrottlePolicy& policy) {
  for (const std::string& key : keys) {
    REGIE_ASSIGN_OR_RETURN(ports::Throttle t, tx.Throttles().GetForUpdate(key));
    core::ThrottleState next =
        core::AfterFailure({t.failures, t.last_failure_at, t.locked_until}, now, policy);
    REGIE_RETURN_IF_ERROR(
        tx.Throttles().Put({key, next.failures, next.last_failure_at, next.locked_until}));
  }
  return Status::Ok();
}

// Seconds to wait before any of `keys` may try again (0: now). `lock` (in
// a write transaction) holds the keys until it ends, so the decision
// stands until the attempt is recorded: a concurrent failure that locks the
// account is either seen here or waits for this transaction.
StatusOr<int64_t> RetryAfter(ports::Transaction& tx, const std::vector<std::string>& keys,
                             core::Timestamp now, bool lock) {
  int64_t micros = 0;
  for (const std::string& key : keys) {
    REGIE_ASSIGN_OR_RETURN(ports::Throttle t,
                           lock ? tx.Throttles().GetForUpdate(key) : tx.Throttles().Get(key));
    micros = std::max(micros,
                      core::RetryAfterMicros({t.failures, t.last_failure_at, t.locked_until}, now));
  }
  return (micros + 999'999) / 1'000'000;
}

core::AuditRecord LoginAudit(const ApiContext& ctx, const ApiRequest& request,
                             std::optional<int64_t> user_id, std::string action,
                             std::string outcome, std::string purpose) {
  core::AuditRecord r;
  r.at = ctx.clock.Now();
  r.user_id = user_id;
  r.action = std::move(action);
  r.resource_type = "session";
  r.outcome = std::move(outcome);
  r.purpose = std::move(purpose);
  r.client_ip = std::string(request.client_ip);
  return r;
}

// Login records carry the user's organisation and home tenant, so that
// tenant's auditor sees them.
core::AuditRecord OfCaller(const Caller& caller, core::AuditRecord r) {
  r.organisation_id = caller.principal.organisation_id;
  if (!caller.principal.tenant_ids.empty()) r.tenant_id = caller.principal.tenant_ids.front();
  return r;
}

class AuthHandlers {
 public:
  explicit AuthHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> Login(const ApiRequest& request) {
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(Credentials in, ReadCredentials(body));
    const core::Timestamp now = ctx_.clock.Now();
    const std::vector<std::string> keys = {"user:" + in.username,
                                           "ip:" + std::string(request.client_ip)};
    std::optional<ports::User> user;
    {
      // Early, so a locked account costs no Argon2id; decided again below.
      REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
      REGIE_ASSIGN_OR_RETURN(int64_t wait, RetryAfter(*tx, keys, now, /*lock=*/false));
      if (wait > 0) return TooManyAttempts(wait, request.path);
      StatusOr<ports::User> found = tx->Users().GetByUsername(in.username);
      if (found.ok())
        user = std::move(found).value();
      else if (found.status().code() != StatusCode::kNotFound)
        return found.status();
    }
    // Argon2id outside any transaction; an unknown account costs the same
    // time as a wrong password, so timing does not tell them apart.
    const bool usable = user && user->data.active && user->totp_enabled;
    const bool verified = ctx_.crypto.VerifyPassword(
        usable ? user->password_hash : DummyPasswordHash(ctx_.crypto), in.password);

    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    // Failures of the same burst may have locked the account since the
    // check above (while Argon2id ran): the right password must not get in
    // after the lock, so decide again, on locked rows, before recording.
    {
      REGIE_ASSIGN_OR_RETURN(int64_t wait, RetryAfter(*tx, keys, now, /*lock=*/true));
      if (wait > 0) return TooManyAttempts(wait, request.path);
    }
    std::optional<int64_t> user_id, org_id, tenant_id;
    if (user) {
      // The user's home tenant, so its auditor sees the attempts.
      user_id = user->id;
      org_id = user->data.organisation_id;
      REGIE_ASSIGN_OR_RETURN(core::Organisation org, tx->Organisations().GetById(*org_id));
      tenant_id = org.tenant_id;
    }
    if (!usable || !verified) {
      REGIE_RETURN_IF_ERROR(RecordFailures(*tx, {keys[0]}, now, core::kAccountThrottle));
      REGIE_RETURN_IF_ERROR(RecordFailures(*tx, {keys[1]}, now, core::kAddressThrottle));
      core::AuditRecord r = LoginAudit(ctx_, request, user_id, "login", "denied",
                                       user ? "wrong_password" : "unknown_user");
      r.organisation_id = org_id;
      r.tenant_id = tenant_id;
      r.resource_id = in.username;
      REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(r)).status());
      REGIE_RETURN_IF_ERROR(tx->Commit());
      return MakeProblem(401, "login_failed", request.path);
    }
    REGIE_RETURN_IF_ERROR(tx->Throttles().Clear(keys[0]));
    std::string token;
    const ports::Session session = NewSession(ctx_, user->id, now, request.client_ip, token);
    REGIE_RETURN_IF_ERROR(tx->Sessions().Create(session));
    core::AuditRecord password_ok =
        LoginAudit(ctx_, request, user_id, "login_password", "allowed", "password_verified");
    password_ok.organisation_id = org_id;
    password_ok.tenant_id = tenant_id;
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(password_ok)).status());
    REGIE_RETURN_IF_ERROR(tx->Commit());
    ApiResponse out =
        JsonResponse(200, dto::Dump(json{{"stage", "totp"}, {"csrf_token", session.csrf_token}}));
    out.set_cookies.push_back(SessionCookie(token, ctx_.auth, request.secure));
    return out;
  }

  StatusOr<ApiResponse> Totp(const ApiRequest& request) {
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(SecondFactor in, ReadSecondFactor(body));
    const core::Timestamp now = ctx_.clock.Now();
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request, SessionNeed::kHalf));
    const std::vector<std::string> keys = {"totp:" + std::to_string(caller.principal.user_id)};
    REGIE_ASSIGN_OR_RETURN(int64_t wait, RetryAfter(*tx, keys, now, /*lock=*/true));
    if (wait > 0) return TooManyAttempts(wait, request.path);
    REGIE_ASSIGN_OR_RETURN(ports::User user, tx->Users().Get(caller.principal.user_id));
    REGIE_ASSIGN_OR_RETURN(bool accepted, CheckSecondFactor(*tx, user, in, now));
    if (!accepted) {
      REGIE_RETURN_IF_ERROR(RecordFailures(*tx, keys, now, core::kAccountThrottle));
      REGIE_RETURN_IF_ERROR(
          ctx_.audit
              .AppendInTransaction(
                  *tx, OfCaller(caller, LoginAudit(ctx_, request, user.id, "login_totp", "denied",
                                                   "totp_invalid")))
              .status());
      REGIE_RETURN_IF_ERROR(tx->Commit());
      return MakeProblem(401, "totp_invalid", request.path);
    }
    REGIE_RETURN_IF_ERROR(tx->Throttles().Clear(keys[0]));
    // A new token once the second factor is in: a token seen before login
    // (session fixation) is worth nothing afterwards.
    const std::string token = ctx_.crypto.RandomToken(32);
    ports::Session session = caller.session;
    session.token_hash = ctx_.crypto.TokenHash(token);
    session.mfa_done = true;
    session.last_seen_at = now;
    REGIE_RETURN_IF_ERROR(tx->Sessions().Create(session));
    REGIE_RETURN_IF_ERROR(tx->Sessions().Revoke(caller.token_hash));
    REGIE_RETURN_IF_ERROR(
        ctx_.audit
            .AppendInTransaction(
                *tx,
                OfCaller(caller, LoginAudit(ctx_, request, user.id, "login", "allowed",
                                            in.recovery_code.empty() ? "totp" : "recovery_code")))
            .status());
    caller.session = session;
    REGIE_ASSIGN_OR_RETURN(json me, MeJson(ctx_, *tx, caller));
    REGIE_RETURN_IF_ERROR(tx->Commit());
    if (ctx_.sessions != nullptr) ctx_.sessions->Erase(caller.token_hash);
    ApiResponse out = JsonResponse(200, dto::Dump(me));
    out.set_cookies.push_back(SessionCookie(token, ctx_.auth, request.secure));
    return out;
  }

  StatusOr<ApiResponse> Logout(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    StatusOr<Caller> caller = Authenticate(ctx_, *tx, request, SessionNeed::kHalf);
    if (caller.ok()) {
      REGIE_RETURN_IF_ERROR(tx->Sessions().Revoke(caller->token_hash));
      REGIE_RETURN_IF_ERROR(
          ctx_.audit
              .AppendInTransaction(
                  *tx, OfCaller(*caller, AuditOf(*caller, ctx_.clock, "logout", "session", "")))
              .status());
      REGIE_RETURN_IF_ERROR(tx->Commit());
      if (ctx_.sessions != nullptr) ctx_.sessions->Erase(caller->token_hash);
    } else if (caller.status().reason() == "csrf_failed") {
      return caller.status();  // no logging out through a forged request
    }
    ApiResponse out{.status = 204};
    out.set_cookies.push_back(ClearSessionCookie(request.secure));
    return out;
  }

  StatusOr<ApiResponse> Me(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(json me, MeJson(ctx_, *tx, caller));
    return JsonResponse(200, dto::Dump(me));
  }

 private:
  struct Credentials {
    std::string username;
    std::string password;
  };
  struct SecondFactor {
    std::string code;
    std::string recovery_code;
  };

  static StatusOr<Credentials> ReadCredentials(const json& body) {
    Credentials c;
    std::vector<FieldError> errors;
    ReadRequiredString(body, "username", c.username, errors);
    const bool given = errors.empty();
    ReadRequiredString(body, "password", c.password, errors);
    RefuseUnknown(body, {"username", "password"}, errors);
    c.username = NormaliseUsername(c.username);
    // The clean-text check of every other text, after trimming: a NUL or
    // control character would be refused by PostgreSQL in the throttle key
    // and the audit record (a 500) and stored by SQLite. Then the rule every
    // account's name meets (IsValidUsername): a longer one would not fit
    // PostgreSQL's throttle key (a 500 beyond some 2.7 KB) and would fill
    // the audit log. No account can have a name that fails either, so this
    // 422 depends on the input alone and tells nothing about which accounts
    // exist, like the 422 for a missing username; it is decided before any
    // database access, neither counted nor audited. 401 login_failed stays
    // the one answer for a well-formed name, known or not. The password is
    // only hashed.
    if (given && !core::IsCleanText(c.username))
      errors.push_back({"username", "invalid_text"});
    else if (given && !IsValidUsername(c.username))
      errors.push_back({"username", "username_invalid"});
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    return c;
  }

  static StatusOr<SecondFactor> ReadSecondFactor(const json& body) {
    SecondFactor f;
    std::vector<FieldError> errors;
    if (body.contains("recovery_code"))
      ReadRequiredString(body, "recovery_code", f.recovery_code, errors);
    else
      ReadRequiredString(body, "code", f.code, errors);
    RefuseUnknown(body, {"code", "recovery_code"}, errors);
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    return f;
  }

  StatusOr<bool> CheckSecondFactor(ports::Transaction& tx, const ports::User& user,
                                   const SecondFactor& in, core::Timestamp now) {
    if (!in.recovery_code.empty()) {
      Status used = tx.Users().UseRecoveryCode(
          user.id, ctx_.crypto.TokenHash(NormaliseRecoveryCode(in.recovery_code)), now);
      if (used.code() == StatusCode::kFailedPrecondition) return false;
      REGIE_RETURN_IF_ERROR(used);
      return true;
    }
    REGIE_ASSIGN_OR_RETURN(std::vector<uint8_t> seed, ctx_.crypto.Open(user.totp_sealed));
    std::optional<int64_t> step = core::VerifyTotp(seed, in.code, now.micros / 1'000'000);
    if (!step) return false;
    Status fresh = tx.Users().UseTotpStep(user.id, *step);  // refuses a replayed code
    if (fresh.code() == StatusCode::kFailedPrecondition) return false;
    REGIE_RETURN_IF_ERROR(fresh);
    return true;
  }

  const ApiContext& ctx_;
};

}  // namespace

void AddAuthRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<AuthHandlers>(ctx);
  router.Add(Verb::post, "/api/v1/auth/login", [h](const ApiRequest& r) { return h->Login(r); });
  router.Add(Verb::post, "/api/v1/auth/totp", [h](const ApiRequest& r) { return h->Totp(r); });
  router.Add(Verb::post, "/api/v1/auth/logout", [h](const ApiRequest& r) { return h->Logout(r); });
  router.Add(Verb::get, "/api/v1/auth/me", [h](const ApiRequest& r) { return h->Me(r); });
}

}  // namespace regie::http
