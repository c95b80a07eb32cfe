#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace regie::core {

using Sha1Digest = std::array<uint8_t, 20>;

// SHA-1 (FIPS 180-4) and HMAC-SHA-1 (RFC 2104). Only for TOTP (RFC 6238),
// whose authenticator apps default to HMAC-SHA-1; HMAC-SHA-1 is still sound
// for that use. Never use these for anything that needs collision
// resistance: password hashes and the audit chain use libsodium.
Sha1Digest Sha1(std::span<const uint8_t> data);
Sha1Digest HmacSha1(std::span<const uint8_t> key, std::span<const uint8_t> message);

}  // namespace regie::core
