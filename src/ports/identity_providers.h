#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace regie::ports {

// An identity provider as the login page shows it.
struct IdentityProviderInfo {
  std::string id;  // the configuration's key, used in /auth/oidc/start?provider=
  std::string name_nl;
  std::string name_en;
};

// What a validated ID token says about the person who logged in.
struct FederatedIdentity {
  std::string provider;
  std::string issuer;          // the token's `iss`: `sub` is unique only within it
  std::string subject;         // the token's `sub`
  std::string user_key;        // the configured claim's value (e.g. the e-mail address)
  std::string match;           // which local field user_key is compared with: "email" or "username"
  bool mfa_satisfied = false;  // the `amr` claim names a configured method, or not required
};

// OpenID Connect relying party (authorization code flow with PKCE, RFC 7636)
// for the configured providers; the HTTP handlers keep the per-login state.
// Thread-safe.
class IdentityProviders {
 public:
  virtual ~IdentityProviders() = default;
  virtual std::vector<IdentityProviderInfo> List() const = 0;
  // The URL to send the browser to. NotFound "oidc_provider_unknown".
  virtual StatusOr<std::string> AuthorizationUrl(std::string_view provider, std::string_view state,
                                                 std::string_view code_challenge,
                                                 std::string_view nonce) const = 0;
  // Exchanges `code` at the token endpoint and validates the ID token
  // (signature, iss, aud/azp, exp/iat/nbf against `now`, nonce). Errors carry
  // a machine reason for the audit log: "oidc_provider_unknown",
  // "oidc_token_exchange_failed", "oidc_token_invalid",
  // "oidc_signature_invalid", "oidc_issuer_mismatch", "oidc_audience_mismatch",
  // "oidc_token_expired", "oidc_token_not_yet_valid", "oidc_nonce_mismatch",
  // "oidc_claim_missing", "oidc_unknown_key".
  virtual StatusOr<FederatedIdentity> Redeem(std::string_view provider, std::string_view code,
                                             std::string_view code_verifier, std::string_view nonce,
                                             core::Timestamp now) = 0;
  // base64url(SHA-256(verifier)), the S256 code challenge.
  virtual std::string CodeChallenge(std::string_view code_verifier) const = 0;
};

}  // namespace regie::ports
