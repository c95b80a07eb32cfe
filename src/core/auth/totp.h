#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace regie::core {

// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) as the
// authenticator apps use them: HMAC-SHA-1, 30-second steps, 6 digits.

inline constexpr int64_t kTotpStepSeconds = 30;

// The HOTP value for `counter`, zero-padded to `digits`.
std::string Hotp(std::span<const uint8_t> secret, uint64_t counter, int digits = 6);
// The TOTP value at `unix_seconds`.
std::string Totp(std::span<const uint8_t> secret, int64_t unix_seconds, int digits = 6);

// Checks `code` against the steps within `window` of `unix_seconds` (clock
// drift). Returns the matching step, so the caller can refuse a step that was
// used before (replay); nullopt when no step matches. Compares in constant
// time per step.
std::optional<int64_t> VerifyTotp(std::span<const uint8_t> secret, std::string_view code,
                                  int64_t unix_seconds, int window = 1);

// RFC 4648 base32 without padding, as in otpauth:// URIs.
std::string Base32Encode(std::span<const uint8_t> data);
// Case-insensitive; ignores spaces and '=' padding; nullopt on other input.
std::optional<std::vector<uint8_t>> Base32Decode(std::string_view text);

// "otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=ISSUER&algorithm=SHA1&digits=6&period=30"
// with issuer and account percent-encoded.
std::string TotpUri(std::string_view issuer, std::string_view account,
                    std::span<const uint8_t> secret);

}  // namespace regie::core
