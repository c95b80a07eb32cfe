#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "oidc/jwt.h"
#include "oidc/oidc_config.h"
#include "ports/identity_providers.h"
#include "ports/outbound_http.h"

namespace regie::oidc {

// Percent-encoding of a form or query value (RFC 3986 unreserved kept).
std::string FormEncode(std::string_view value);

// The claims checks of an ID token whose signature is already verified
// (OpenID Connect Core 3.1.3.7): iss, aud (and azp), exp, iat, nbf with a
// skew of `skew_seconds`, nonce, sub and the configured user claim.
StatusOr<ports::FederatedIdentity> CheckIdTokenClaims(const ProviderConfig& config,
                                                      const nlohmann::json& payload,
                                                      std::string_view nonce, core::Timestamp now,
                                                      int64_t skew_seconds = 60);

// ports::IdentityProviders for the configured providers, over an
// OutboundHttp. Create fetches every provider's discovery document (its
// issuer must equal the configured one) and key set; a key id the set does
// not know makes it fetch the set again, at most once a minute per provider.
class RelyingParty final : public ports::IdentityProviders {
 public:
  // Time comes from the caller of Redeem (the request's injected clock).
  static StatusOr<std::unique_ptr<RelyingParty>> Create(std::vector<ProviderConfig> configs,
                                                        ports::OutboundHttp& http);
  // Without providers; Create adds and discovers them.
  explicit RelyingParty(ports::OutboundHttp& http);
  ~RelyingParty() override;

  std::vector<ports::IdentityProviderInfo> List() const override;
  StatusOr<std::string> AuthorizationUrl(std::string_view provider, std::string_view state,
                                         std::string_view code_challenge,
                                         std::string_view nonce) const override;
  StatusOr<ports::FederatedIdentity> Redeem(std::string_view provider, std::string_view code,
                                            std::string_view code_verifier, std::string_view nonce,
                                            core::Timestamp now) override;
  std::string CodeChallenge(std::string_view code_verifier) const override;

 private:
  struct Provider;
  Provider* Find(std::string_view id) const;
  Status Discover(Provider& p);
  StatusOr<std::vector<Jwk>> FetchKeys(const Provider& p);
  // The key for the token's header: from the cached set, or after one
  // rate-limited refresh when its kid is unknown.
  StatusOr<Jwk> KeyFor(Provider& p, const Jwt& jwt, core::Timestamp now);

  ports::OutboundHttp& http_;
  std::vector<std::unique_ptr<Provider>> providers_;
};

}  // namespace regie::oidc
