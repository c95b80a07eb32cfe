#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit/audit_record.h"
#include "core/status.h"

namespace regie::ports {

// Cryptography the application needs, behind one interface so core and
// http stay free of the library (libsodium in src/crypto). Thread-safe.
class Crypto {
 public:
  virtual ~Crypto() = default;

  // Argon2id in the library's encoded form (algorithm, parameters, salt and
  // hash in one string). Slow on purpose.
  virtual StatusOr<std::string> HashPassword(std::string_view password) = 0;
  // Constant-time; false for a wrong password or a malformed hash.
  virtual bool VerifyPassword(std::string_view encoded_hash, std::string_view password) = 0;

  virtual void RandomBytes(std::span<uint8_t> out) = 0;
  // `bytes` random bytes as URL-safe base64 without padding.
  std::string RandomToken(size_t bytes) {
    std::vector<uint8_t> raw(bytes);
    RandomBytes(raw);
    return Base64Url(raw);
  }

  // BLAKE2b-256 of `data`; also the digest of the audit chain.
  virtual core::Digest256 Digest(std::string_view data) = 0;
  // Hex BLAKE2b-256, for storing tokens (session, enrolment, recovery codes)
  // so a stolen database holds no usable token.
  std::string TokenHash(std::string_view token) {
    static constexpr char kHex[] = "0123456789abcdef";
    core::Digest256 d = Digest(token);
    std::string out;
    for (uint8_t b : d) {
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xF]);
    }
    return out;
  }

  // Authenticated encryption with the server's secret key, for secrets the
  // server must read back (TOTP seeds). Open fails on tampering.
  virtual std::string Seal(std::span<const uint8_t> plaintext) = 0;
  virtual StatusOr<std::vector<uint8_t>> Open(std::string_view sealed) = 0;

  // Ed25519 signatures (detached), for handover packages between
  // instances: the secret key is 64 bytes (libsodium's seed + public key),
  // the public key 32, a signature 64.
  struct SigningKeyPair {
    std::vector<uint8_t> public_key;
    std::vector<uint8_t> secret_key;
  };
  virtual SigningKeyPair GenerateSigningKey() = 0;
  // InvalidArgument "invalid_key" for a secret key of the wrong size.
  virtual StatusOr<std::vector<uint8_t>> SignDetached(std::span<const uint8_t> secret_key,
                                                      std::string_view message) = 0;
  // False for a wrong signature, a key or signature of the wrong size.
  virtual bool VerifyDetached(std::span<const uint8_t> public_key, std::string_view message,
                              std::span<const uint8_t> signature) = 0;
  // Standard base64 (RFC 4648 section 4, with padding), as keys and
  // signatures travel in JSON and on the command line.
  virtual std::string ToBase64(std::span<const uint8_t> data) = 0;
  // nullopt unless `text` is canonical padded base64.
  virtual std::optional<std::vector<uint8_t>> FromBase64(std::string_view text) = 0;

  static std::string Base64Url(std::span<const uint8_t> data) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
      uint32_t v = uint32_t{data[i]} << 16 | uint32_t{data[i + 1]} << 8 | data[i + 2];
      for (int k = 3; k >= 0; --k) out.push_back(kAlphabet[(v >> (6 * k)) & 0x3F]);
    }
    if (i + 1 == data.size()) {
      uint32_t v = uint32_t{data[i]} << 16;
      out.push_back(kAlphabet[(v >> 18) & 0x3F]);
      out.push_back(kAlphabet[(v >> 12) & 0x3F]);
    } else if (i + 2 == data.size()) {
      uint32_t v = uint32_t{data[i]} << 16 | uint32_t{data[i + 1]} << 8;
      out.push_back(kAlphabet[(v >> 18) & 0x3F]);
      out.push_back(kAlphabet[(v >> 12) & 0x3F]);
      out.push_back(kAlphabet[(v >> 6) & 0x3F]);
    }
    return out;
  }
};

}  // namespace regie::ports
