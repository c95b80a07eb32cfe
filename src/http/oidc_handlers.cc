// Single sign-on through OpenID Connect (authorization code + PKCE):
// the providers for the login page, the start (redirect to the provider) and
// the callback (code exchange, ID token checks, then a full session exactly
// like password + TOTP). docs/access.md, "Single sign-on".
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "http/audit_writer.h"
#include "http/auth_support.h"
#include "http/caller.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/oidc_pending.h"
#include "http/problem.h"

namespace regie::http {
namespace {

using nlohmann::json;

constexpr std::string_view kBrowserCookie = "regie_oidc";
// Where the browser lands: the login page with one generic message, which
// never tells whether an account exists; the audit log has the reason.
constexpr std::string_view kFailedLocation = "/inloggen?sso=mislukt";

std::string CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    size_t semi = header.find(';');
    std::string_view part = header.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name)
      return std::string(part.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    header.remove_prefix(semi + 1);
  }
  return {};
}

// The browser binding lives only on the callback path, and is Lax: the
// provider's redirect back is a cross-site top-level GET.
std::string BrowserCookie(std::string_view value, int64_t max_age, bool secure) {
  return std::string(kBrowserCookie) + "=" + std::string(value) +
         "; Path=/api/v1/auth/oidc/callback; HttpOnly; SameSite=Lax; Max-Age=" +
         std::to_string(max_age) + (secure ? "; Secure" : "");
}

ApiResponse Redirect(std::string location) {
  ApiResponse out{.status = 302};
  out.location = std::move(location);
  return out;
}

class OidcHandlers {
 public:
  explicit OidcHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> Providers(const ApiRequest&) {
    json items = json::array();
    if (ctx_.identity_providers != nullptr)
      for (const ports::IdentityProviderInfo& p : ctx_.identity_providers->List())
        items.push_back({{"id", p.id}, {"name_nl", p.name_nl}, {"name_en", p.name_en}});
    return JsonResponse(200, dto::Dump(json{{"items", std::move(items)}}));
  }

  StatusOr<ApiResponse> Start(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(auto query, ParseQuery(request.query));
    std::string provider;
    for (const auto& [name, value] : query)
      if (name == "provider") provider = value;
    if (ctx_.identity_providers == nullptr)
      return Status(StatusCode::kNotFound, "oidc_provider_unknown", "no single sign-on");
    const std::string state = ctx_.crypto.RandomToken(32);
    const std::string nonce = ctx_.crypto.RandomToken(32);
    const std::string verifier = ctx_.crypto.RandomToken(32);  // 43 characters (RFC 7636 4.1)
    const std::string browser = ctx_.crypto.RandomToken(32);
    REGIE_ASSIGN_OR_RETURN(
        std::string url,
        ctx_.identity_providers->AuthorizationUrl(
            provider, state, ctx_.identity_providers->CodeChallenge(verifier), nonce));
    const core::Timestamp now = ctx_.clock.Now();
    OidcPendingLogins::Entry entry{
        .provider = provider,
        .code_verifier = verifier,
        .nonce = nonce,
        .browser_hash = ctx_.crypto.TokenHash(browser),
        .expires_at = core::Timestamp{now.micros + OidcPendingLogins::kValidityMicros},
        .client = std::string(request.client_ip)};
    if (!pending_.Put(ctx_.crypto.TokenHash(state), std::move(entry), now)) {
      spdlog::warn("single sign-on: too many pending logins (client {})", request.client_ip);
      return TooManyAttempts(60, request.path);
    }
    ApiResponse out = Redirect(std::move(url));
    out.set_cookies.push_back(
        BrowserCookie(browser, OidcPendingLogins::kValidityMicros / 1'000'000, request.secure));
    return out;
  }

  StatusOr<ApiResponse> Callback(const ApiRequest& request) {
    std::string code, state, error;
    StatusOr<std::vector<std::pair<std::string, std::string>>> query = ParseQuery(request.query);
    if (query.ok()) {
      for (const auto& [name, value] : *query) {
        if (name == "code") code = value;
        if (name == "state") state = value;
        if (name == "error") error = value;
      }
    }
    const core::Timestamp now = ctx_.clock.Now();
    std::optional<OidcPendingLogins::Entry> entry;
    if (!state.empty()) entry = pending_.Take(ctx_.crypto.TokenHash(state), now);
    if (!entry) return Fail(request, "", "oidc_state_invalid", nullptr);
    const std::string browser = CookieValue(request.cookie, kBrowserCookie);
    // A callback URL made by someone else (login CSRF) arrives without the
    // cookie of the browser that started the login.
    if (browser.empty() || ctx_.crypto.TokenHash(browser) != entry->browser_hash)
      return Fail(request, entry->provider, "oidc_browser_mismatch", nullptr);
    if (!error.empty() || code.empty())
      return Fail(request, entry->provider, "oidc_provider_error", nullptr);
    if (ctx_.identity_providers == nullptr)
      return Fail(request, entry->provider, "oidc_provider_unknown", nullptr);
    // The provider is called outside any transaction.
    StatusOr<ports::FederatedIdentity> identity = ctx_.identity_providers->Redeem(
        entry->provider, code, entry->code_verifier, entry->nonce, now);
    if (!identity.ok()) {
      const std::string& reason = identity.status().reason();
      return Fail(request, entry->provider,
                  reason.starts_with("oidc_") ? reason : "oidc_token_invalid", nullptr);
    }
    return LogIn(request, *identity);
  }

 private:
  StatusOr<ApiResponse> LogIn(const ApiRequest& request, const ports::FederatedIdentity& id) {
    const core::Timestamp now = ctx_.clock.Now();
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    // The subject the account was bound to on its first login decides (the
    // relying party refuses a token without one); the configured claim only
    // finds the account for that first login. Bindings are per issuer:
    // `sub` is unique only within it.
    std::vector<ports::User> users;
    bool first_login = false;
    StatusOr<int64_t> bound = tx->Users().UserOfSubject(id.issuer, id.subject);
    if (bound.ok()) {
      REGIE_ASSIGN_OR_RETURN(ports::User user, tx->Users().Get(*bound));
      users.push_back(std::move(user));
    } else if (bound.status().code() != StatusCode::kNotFound) {
      return bound.status();
    } else {
      REGIE_ASSIGN_OR_RETURN(users, UsersByClaim(*tx, id));
      first_login = true;
    }
    // SSO never creates accounts: beheer does, with the roles.
    if (users.size() != 1)
      return Fail(request, id.provider, users.empty() ? "oidc_unknown_user" : "oidc_ambiguous_user",
                  nullptr, std::move(tx));
    const ports::User& user = users.front();
    if (first_login) {
      // Bound to another subject: the claim (an e-mail address) now belongs
      // to someone else at the provider, who must not get this account.
      StatusOr<std::string> other = tx->Users().SubjectOfUser(user.id, id.issuer);
      if (other.ok())
        return Fail(request, id.provider, "oidc_subject_mismatch", &user, std::move(tx));
      if (other.status().code() != StatusCode::kNotFound) return other.status();
    }
    if (!user.data.active)
      return Fail(request, id.provider, "oidc_user_disabled", &user, std::move(tx));
    if (!id.mfa_satisfied)
      return Fail(request, id.provider, "oidc_mfa_missing", &user, std::move(tx));
    if (first_login) {
      Status bind = tx->Users().BindSubject(user.id, id.issuer, id.subject, now);
      if (bind.code() == StatusCode::kConflict) {
        // A concurrent first login bound the subject or the account first:
        // the same binding (a double submit) goes on, another is refused.
        StatusOr<int64_t> winner = tx->Users().UserOfSubject(id.issuer, id.subject);
        if (!winner.ok() && winner.status().code() != StatusCode::kNotFound) return winner.status();
        if (!winner.ok() || *winner != user.id)
          return Fail(request, id.provider, "oidc_subject_mismatch", &user, std::move(tx));
      } else {
        REGIE_RETURN_IF_ERROR(bind);
      }
    }

    std::string token;
    ports::Session session = NewSession(ctx_, user.id, now, request.client_ip, token);
    session.mfa_done = true;  // the provider vouched for it (amr), or the operator said it does
    REGIE_RETURN_IF_ERROR(tx->Sessions().Create(session));
    REGIE_ASSIGN_OR_RETURN(core::AuditRecord record,
                           Audit(*tx, request, id.provider, "allowed", "oidc", &user));
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(record)).status());
    REGIE_RETURN_IF_ERROR(tx->Commit());
    ApiResponse out = Redirect("/");
    out.set_cookies.push_back(SessionCookie(token, ctx_.auth, request.secure));
    out.set_cookies.push_back(BrowserCookie("", 0, request.secure));
    return out;
  }

  // The accounts whose username or e-mail address (as configured) equals
  // the provider's claim: how a first login finds its account.
  static StatusOr<std::vector<ports::User>> UsersByClaim(ports::Transaction& tx,
                                                         const ports::FederatedIdentity& id) {
    if (id.match != "username") return tx.Users().ListByEmail(id.user_key);
    std::vector<ports::User> users;
    StatusOr<ports::User> found = tx.Users().GetByUsername(NormaliseUsername(id.user_key));
    if (found.ok())
      users.push_back(std::move(found).value());
    else if (found.status().code() != StatusCode::kNotFound)
      return found.status();
    return users;
  }

  StatusOr<core::AuditRecord> Audit(ports::Transaction& tx, const ApiRequest& request,
                                    const std::string& provider, std::string outcome,
                                    std::string purpose, const ports::User* user) {
    core::AuditRecord r;
    r.at = ctx_.clock.Now();
    r.action = "login";
    r.resource_type = "session";
    r.resource_id = "oidc:" + provider;
    r.outcome = std::move(outcome);
    r.purpose = std::move(purpose);
    r.client_ip = std::string(request.client_ip);
    if (user != nullptr) {
      // The user's home tenant, so its auditor sees the attempt.
      r.user_id = user->id;
      r.organisation_id = user->data.organisation_id;
      REGIE_ASSIGN_OR_RETURN(core::Organisation org,
                             tx.Organisations().GetById(user->data.organisation_id));
      r.tenant_id = org.tenant_id;
    }
    return r;
  }

  // Logs the refusal with its reason and sends the browser to the login
  // page with the generic message.
  StatusOr<ApiResponse> Fail(const ApiRequest& request, const std::string& provider,
                             std::string reason, const ports::User* user,
                             std::unique_ptr<ports::Transaction> tx = nullptr) {
    if (!tx) {
      REGIE_ASSIGN_OR_RETURN(tx, ctx_.db.Begin(ports::TxMode::kWrite));
    }
    REGIE_ASSIGN_OR_RETURN(core::AuditRecord record,
                           Audit(*tx, request, provider, "denied", std::move(reason), user));
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(record)).status());
    REGIE_RETURN_IF_ERROR(tx->Commit());
    ApiResponse out = Redirect(std::string(kFailedLocation));
    out.set_cookies.push_back(BrowserCookie("", 0, request.secure));
    return out;
  }

  const ApiContext& ctx_;
  OidcPendingLogins pending_;
};

}  // namespace

void AddOidcRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<OidcHandlers>(ctx);
  router.Add(Verb::get, "/api/v1/auth/oidc/providers",
             [h](const ApiRequest& r) { return h->Providers(r); });
  router.Add(Verb::get, "/api/v1/auth/oidc/start",
             [h](const ApiRequest& r) { return h->Start(r); });
  router.Add(Verb::get, "/api/v1/auth/oidc/callback",
             [h](const ApiRequest& r) { return h->Callback(r); });
}

}  // namespace regie::http
