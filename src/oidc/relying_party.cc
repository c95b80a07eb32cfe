#include "oidc/relying_party.h"

#include <algorithm>

#include "oidc/https_client.h"

namespace regie::oidc {
namespace {

using nlohmann::json;

// A key set is fetched again for an unknown kid at most this often.
constexpr int64_t kJwksRefreshMicros = 60'000'000;

Status Fail(std::string reason, std::string message) {
  return Status(StatusCode::kUnauthenticated, std::move(reason), std::move(message));
}

std::string StandardBase64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    uint32_t v = uint32_t{static_cast<unsigned char>(bytes[i])} << 16 |
                 uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8 |
                 static_cast<unsigned char>(bytes[i + 2]);
    for (int k = 3; k >= 0; --k) out.push_back(kAlphabet[(v >> (6 * k)) & 0x3F]);
  }
  if (i < bytes.size()) {
    uint32_t v = uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
    if (i + 1 < bytes.size()) v |= uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
    out.push_back(kAlphabet[(v >> 18) & 0x3F]);
    out.push_back(kAlphabet[(v >> 12) & 0x3F]);
    out.push_back(i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 0x3F] : '=');
    out.push_back('=');
  }
  return out;
}

std::optional<int64_t> NumericDate(const json& payload, const char* name) {
  auto it = payload.find(name);
  if (it == payload.end()) return std::nullopt;
  if (it->is_number_integer()) return it->get<int64_t>();
  if (it->is_number_float()) return static_cast<int64_t>(it->get<double>());
  return std::nullopt;
}

StatusOr<std::string> Endpoint(const json& doc, const char* name) {
  auto it = doc.find(name);
  if (it == doc.end() || !it->is_string() || !ParseOutboundUrl(it->get<std::string>()).ok())
    return Status(StatusCode::kUnavailable, "oidc_discovery_failed",
                  std::string("discovery: no usable ") + name);
  return it->get<std::string>();
}

}  // namespace

std::string FormEncode(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 0xF]);
    }
  }
  return out;
}

StatusOr<ports::FederatedIdentity> CheckIdTokenClaims(const ProviderConfig& config,
                                                      const json& payload, std::string_view nonce,
                                                      core::Timestamp now, int64_t skew_seconds) {
  if (payload.value("iss", "") != config.issuer)
    return Fail("oidc_issuer_mismatch", "iss is not the configured issuer");
  auto aud = payload.find("aud");
  bool audience = false;
  size_t audiences = 0;
  if (aud != payload.end() && aud->is_string()) {
    audience = *aud == config.client_id;
    audiences = 1;
  } else if (aud != payload.end() && aud->is_array()) {
    audiences = aud->size();
    audience = std::any_of(aud->begin(), aud->end(),
                           [&](const json& a) { return a.is_string() && a == config.client_id; });
  }
  if (!audience) return Fail("oidc_audience_mismatch", "aud does not contain the client id");
  auto azp = payload.find("azp");
  if (audiences > 1 && azp == payload.end())
    return Fail("oidc_audience_mismatch", "several audiences and no azp");
  if (azp != payload.end() && (!azp->is_string() || *azp != config.client_id))
    return Fail("oidc_audience_mismatch", "azp is not the client id");
  const int64_t seconds = now.micros / 1'000'000;
  std::optional<int64_t> exp = NumericDate(payload, "exp");
  std::optional<int64_t> iat = NumericDate(payload, "iat");
  if (!exp || !iat) return Fail("oidc_token_invalid", "exp or iat missing");
  if (*exp + skew_seconds <= seconds) return Fail("oidc_token_expired", "the ID token expired");
  if (*iat - skew_seconds > seconds)
    return Fail("oidc_token_not_yet_valid", "the ID token is issued in the future");
  std::optional<int64_t> nbf = NumericDate(payload, "nbf");
  if (nbf && *nbf - skew_seconds > seconds)
    return Fail("oidc_token_not_yet_valid", "the ID token is not valid yet");
  auto token_nonce = payload.find("nonce");
  if (token_nonce == payload.end() || !token_nonce->is_string() || nonce.empty() ||
      *token_nonce != nonce)
    return Fail("oidc_nonce_mismatch", "nonce differs from the one sent");
  ports::FederatedIdentity out;
  out.provider = config.id;
  out.issuer = config.issuer;  // checked above
  out.subject = payload.value("sub", "");
  if (out.subject.empty()) return Fail("oidc_claim_missing", "no sub");
  auto claim = payload.find(config.user_claim);
  if (claim == payload.end() || !claim->is_string() || claim->get<std::string>().empty())
    return Fail("oidc_claim_missing", "no " + config.user_claim + " claim");
  // An address the provider has not verified names nobody in particular.
  auto verified = payload.find("email_verified");
  if (config.user_claim == "email" && verified != payload.end() && verified->is_boolean() &&
      !verified->get<bool>())
    return Fail("oidc_claim_missing", "email not verified");
  out.user_key = claim->get<std::string>();
  out.match = config.match;
  out.mfa_satisfied = !config.require_mfa_claim;
  auto amr = payload.find("amr");
  if (!out.mfa_satisfied && amr != payload.end() && amr->is_array()) {
    for (const json& method : *amr)
      if (method.is_string() && std::find(config.mfa_methods.begin(), config.mfa_methods.end(),
                                          method.get<std::string>()) != config.mfa_methods.end())
        out.mfa_satisfied = true;
  }
  return out;
}

struct RelyingParty::Provider {
  ProviderConfig config;
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string jwks_uri;
  bool secret_basic = true;
  std::mutex mu;  // guards keys and last_refresh
  std::vector<Jwk> keys;
  std::optional<core::Timestamp> last_refresh;
};

RelyingParty::RelyingParty(ports::OutboundHttp& http) : http_(http) {}

RelyingParty::~RelyingParty() = default;

StatusOr<std::unique_ptr<RelyingParty>> RelyingParty::Create(std::vector<ProviderConfig> configs,
                                                             ports::OutboundHttp& http) {
  auto rp = std::make_unique<RelyingParty>(http);
  for (ProviderConfig& config : configs) {
    auto p = std::make_unique<Provider>();
    p->config = std::move(config);
    REGIE_RETURN_IF_ERROR(rp->Discover(*p));
    rp->providers_.push_back(std::move(p));
  }
  return rp;
}

Status RelyingParty::Discover(Provider& p) {
  std::string base = p.config.issuer;
  while (!base.empty() && base.back() == '/') base.pop_back();
  ports::OutboundRequest request{.url = base + "/.well-known/openid-configuration",
                                 .timeout = std::chrono::seconds(p.config.timeout_seconds)};
  REGIE_ASSIGN_OR_RETURN(ports::OutboundResponse response, http_.Send(request));
  json doc = json::parse(response.body, nullptr, false);
  if (response.status != 200 || !doc.is_object())
    return Status(StatusCode::kUnavailable, "oidc_discovery_failed",
                  "discovery of " + p.config.id + " answered " + std::to_string(response.status));
  if (doc.value("issuer", "") != p.config.issuer)
    return Status(StatusCode::kUnavailable, "oidc_discovery_failed",
                  "discovery of " + p.config.id + ": issuer " + doc.value("issuer", "") +
                      " differs from the configured " + p.config.issuer);
  REGIE_ASSIGN_OR_RETURN(p.authorization_endpoint, Endpoint(doc, "authorization_endpoint"));
  REGIE_ASSIGN_OR_RETURN(p.token_endpoint, Endpoint(doc, "token_endpoint"));
  REGIE_ASSIGN_OR_RETURN(p.jwks_uri, Endpoint(doc, "jwks_uri"));
  // client_secret_basic is the default (OpenID Connect Discovery 1.0).
  auto methods = doc.find("token_endpoint_auth_methods_supported");
  if (methods != doc.end() && methods->is_array()) {
    const bool basic =
        std::find(methods->begin(), methods->end(), "client_secret_basic") != methods->end();
    const bool post =
        std::find(methods->begin(), methods->end(), "client_secret_post") != methods->end();
    if (!basic && !post)
      return Status(StatusCode::kUnavailable, "oidc_discovery_failed",
                    p.config.id + " supports neither client_secret_basic nor client_secret_post");
    p.secret_basic = basic;
  }
  auto challenges = doc.find("code_challenge_methods_supported");
  if (challenges != doc.end() && challenges->is_array() &&
      std::find(challenges->begin(), challenges->end(), "S256") == challenges->end())
    return Status(StatusCode::kUnavailable, "oidc_discovery_failed",
                  p.config.id + " does not support PKCE S256");
  REGIE_ASSIGN_OR_RETURN(p.keys, FetchKeys(p));
  return Status::Ok();
}

StatusOr<std::vector<Jwk>> RelyingParty::FetchKeys(const Provider& p) {
  ports::OutboundRequest request{.url = p.jwks_uri,
                                 .timeout = std::chrono::seconds(p.config.timeout_seconds)};
  REGIE_ASSIGN_OR_RETURN(ports::OutboundResponse response, http_.Send(request));
  if (response.status != 200)
    return Status(StatusCode::kUnavailable, "oidc_jwks_failed",
                  "key set of " + p.config.id + " answered " + std::to_string(response.status));
  return ParseJwks(response.body);
}

RelyingParty::Provider* RelyingParty::Find(std::string_view id) const {
  for (const auto& p : providers_)
    if (p->config.id == id) return p.get();
  return nullptr;
}

std::vector<ports::IdentityProviderInfo> RelyingParty::List() const {
  std::vector<ports::IdentityProviderInfo> out;
  for (const auto& p : providers_)
    out.push_back({p->config.id, p->config.name_nl, p->config.name_en});
  return out;
}

StatusOr<std::string> RelyingParty::AuthorizationUrl(std::string_view provider,
                                                     std::string_view state,
                                                     std::string_view code_challenge,
                                                     std::string_view nonce) const {
  const Provider* p = Find(provider);
  if (p == nullptr)
    return Status(StatusCode::kNotFound, "oidc_provider_unknown", "no such identity provider");
  std::string scope;
  for (const std::string& s : p->config.scopes) scope += (scope.empty() ? "" : " ") + s;
  std::string url = p->authorization_endpoint;
  url += url.find('?') == std::string::npos ? '?' : '&';
  url += "response_type=code&client_id=" + FormEncode(p->config.client_id) +
         "&redirect_uri=" + FormEncode(p->config.redirect_uri) + "&scope=" + FormEncode(scope) +
         "&state=" + FormEncode(state) + "&nonce=" + FormEncode(nonce) +
         "&code_challenge=" + FormEncode(code_challenge) + "&code_challenge_method=S256";
  return url;
}

std::string RelyingParty::CodeChallenge(std::string_view code_verifier) const {
  return S256Challenge(code_verifier);
}

StatusOr<Jwk> RelyingParty::KeyFor(Provider& p, const Jwt& jwt, core::Timestamp now) {
  const std::string kid = jwt.header.value("kid", "");
  const std::string alg = jwt.header.value("alg", "");
  auto pick = [&](const std::vector<Jwk>& keys) -> std::optional<Jwk> {
    std::vector<const Jwk*> fitting;
    for (const Jwk& k : keys)
      if (k.alg == alg && (kid.empty() || k.kid == kid)) fitting.push_back(&k);
    // Without a kid only an unambiguous key will do.
    if (fitting.size() == 1 || (!kid.empty() && !fitting.empty())) return *fitting.front();
    return std::nullopt;
  };
  {
    std::lock_guard lock(p.mu);
    if (std::optional<Jwk> k = pick(p.keys)) return *k;
    // Rotated keys: fetch the set again, but not for every token an
    // attacker makes up with a new kid.
    if (p.last_refresh && now.micros - p.last_refresh->micros < kJwksRefreshMicros)
      return Fail("oidc_unknown_key", "unknown kid; key set refreshed less than a minute ago");
    p.last_refresh = now;
  }
  REGIE_ASSIGN_OR_RETURN(std::vector<Jwk> keys, FetchKeys(p));
  std::lock_guard lock(p.mu);
  p.keys = std::move(keys);
  if (std::optional<Jwk> k = pick(p.keys)) return *k;
  return Fail("oidc_unknown_key", "kid not in the provider's key set");
}

StatusOr<ports::FederatedIdentity> RelyingParty::Redeem(std::string_view provider,
                                                        std::string_view code,
                                                        std::string_view code_verifier,
                                                        std::string_view nonce,
                                                        core::Timestamp now) {
  Provider* p = Find(provider);
  if (p == nullptr) return Fail("oidc_provider_unknown", "no such identity provider");
  ports::OutboundRequest request{.method = "POST",
                                 .url = p->token_endpoint,
                                 .content_type = "application/x-www-form-urlencoded",
                                 .timeout = std::chrono::seconds(p->config.timeout_seconds)};
  request.body = "grant_type=authorization_code&code=" + FormEncode(code) +
                 "&redirect_uri=" + FormEncode(p->config.redirect_uri) +
                 "&code_verifier=" + FormEncode(code_verifier);
  if (p->secret_basic) {
    request.headers.emplace_back("Authorization",
                                 "Basic " + StandardBase64(FormEncode(p->config.client_id) + ":" +
                                                           FormEncode(p->config.client_secret)));
  } else {
    request.body += "&client_id=" + FormEncode(p->config.client_id) +
                    "&client_secret=" + FormEncode(p->config.client_secret);
  }
  StatusOr<ports::OutboundResponse> response = http_.Send(request);
  if (!response.ok()) return Fail("oidc_token_exchange_failed", response.status().message());
  json body = json::parse(response->body, nullptr, false);
  if (response->status != 200 || !body.is_object() || !body.contains("id_token") ||
      !body["id_token"].is_string())
    return Fail("oidc_token_exchange_failed",
                "token endpoint answered " + std::to_string(response->status) +
                    (body.is_object() ? " " + body.value("error", "") : ""));
  REGIE_ASSIGN_OR_RETURN(Jwt jwt, ParseJwt(body["id_token"].get<std::string>()));
  const std::string alg = jwt.header.value("alg", "");
  if (alg != "RS256" && alg != "ES256")
    return Fail("oidc_signature_invalid", "alg " + alg + " is not accepted");
  REGIE_ASSIGN_OR_RETURN(Jwk key, KeyFor(*p, jwt, now));
  if (!VerifySignature(jwt, key)) return Fail("oidc_signature_invalid", "bad signature");
  return CheckIdTokenClaims(p->config, jwt.payload, nonce, now);
}

}  // namespace regie::oidc
