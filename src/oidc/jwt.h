#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

// JSON Web Tokens as OpenID Connect uses them: compact JWS (RFC 7515)
// signed with RS256 or ES256 (RFC 7518), keys from a JWK Set (RFC 7517),
// and the PKCE S256 code challenge (RFC 7636). Signatures are checked with
// OpenSSL's EVP interface.
namespace regie::oidc {

// Base64url without padding (RFC 4648 section 5); nullopt for a character
// outside the alphabet or an impossible length.
std::optional<std::string> Base64UrlDecode(std::string_view text);
std::string Base64UrlEncode(std::string_view bytes);

// SHA-256 of `data` (32 raw bytes).
std::string Sha256(std::string_view data);

// base64url(SHA-256(ASCII(verifier))), RFC 7636 section 4.2.
std::string S256Challenge(std::string_view code_verifier);

struct Jwt {
  nlohmann::json header;
  nlohmann::json payload;
  std::string signing_input;  // "<header>.<payload>" as received
  std::string signature;      // raw bytes
};

// Splits and decodes a compact JWS. InvalidArgument "oidc_token_invalid"
// unless it has three base64url parts whose first two are JSON objects.
StatusOr<Jwt> ParseJwt(std::string_view compact);

// The keys of a JWK Set that this relying party can use: RSA ("RS256") and
// EC P-256 ("ES256") signing keys. Others are skipped, not an error.
struct Jwk {
  std::string kid;
  std::string alg;  // "RS256" or "ES256"
  nlohmann::json key;
};
// InvalidArgument "oidc_jwks_invalid" when `text` is no {"keys": [...]}.
StatusOr<std::vector<Jwk>> ParseJwks(std::string_view text);

// True when `jwt` carries a valid signature by `key` under the key's
// algorithm, which must equal the header's `alg` ("none" and HMAC are
// never accepted).
bool VerifySignature(const Jwt& jwt, const Jwk& key);

}  // namespace regie::oidc
