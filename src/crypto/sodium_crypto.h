#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"
#include "ports/crypto.h"

namespace regie::crypto {

struct SodiumOptions {
  // Argon2id cost. The defaults (3 passes over 64 MiB, one lane) are above
  // OWASP's minimums (2 passes over 19 MiB, or 1 over 46 MiB).
  uint64_t argon2_opslimit = 3;
  size_t argon2_memlimit = size_t{64} * 1024 * 1024;
};

// ports::Crypto on libsodium: Argon2id, the system CSPRNG, BLAKE2b-256 and
// XChaCha20-Poly1305 (secretbox) under a 256-bit server key.
class SodiumCrypto final : public ports::Crypto {
 public:
  // Unavailable when libsodium cannot initialise (no entropy source).
  static StatusOr<std::unique_ptr<SodiumCrypto>> Create(const std::array<uint8_t, 32>& server_key,
                                                        const SodiumOptions& options = {});

  StatusOr<std::string> HashPassword(std::string_view password) override;
  bool VerifyPassword(std::string_view encoded_hash, std::string_view password) override;
  void RandomBytes(std::span<uint8_t> out) override;
  core::Digest256 Digest(std::string_view data) override;
  std::string Seal(std::span<const uint8_t> plaintext) override;
  StatusOr<std::vector<uint8_t>> Open(std::string_view sealed) override;
  SigningKeyPair GenerateSigningKey() override;
  StatusOr<std::vector<uint8_t>> SignDetached(std::span<const uint8_t> secret_key,
                                              std::string_view message) override;
  bool VerifyDetached(std::span<const uint8_t> public_key, std::string_view message,
                      std::span<const uint8_t> signature) override;
  std::string ToBase64(std::span<const uint8_t> data) override;
  std::optional<std::vector<uint8_t>> FromBase64(std::string_view text) override;

  // Construct through Create.
  SodiumCrypto(const std::array<uint8_t, 32>& server_key, const SodiumOptions& options)
      : key_(server_key), options_(options) {}
  ~SodiumCrypto() override;
  SodiumCrypto(const SodiumCrypto&) = delete;
  SodiumCrypto& operator=(const SodiumCrypto&) = delete;

 private:
  std::array<uint8_t, 32> key_;
  SodiumOptions options_;
};

// Reads the 32-byte server key from `path`, creating it (mode 0600, random)
// when absent. The key seals TOTP seeds: keep it out of backups of the
// database and never in the repository. FailedPrecondition when the file
// exists with another size or is readable by others.
StatusOr<std::array<uint8_t, 32>> LoadOrCreateServerKey(const std::string& path);

}  // namespace regie::crypto
