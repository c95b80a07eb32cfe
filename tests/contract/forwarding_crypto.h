#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ports/crypto.h"

namespace regie::testing {

// A ports::Crypto that forwards every call to `inner`: tests derive from it
// and override the one call they hook (to make a race happen at a known
// moment). `inner` must outlive it.
class ForwardingCrypto : public ports::Crypto {
 public:
  explicit ForwardingCrypto(ports::Crypto& inner) : inner_(inner) {}
  StatusOr<std::string> HashPassword(std::string_view password) override {
    return inner_.HashPassword(password);
  }
  bool VerifyPassword(std::string_view encoded_hash, std::string_view password) override {
    return inner_.VerifyPassword(encoded_hash, password);
  }
  void RandomBytes(std::span<uint8_t> out) override { inner_.RandomBytes(out); }
  core::Digest256 Digest(std::string_view data) override { return inner_.Digest(data); }
  std::string Seal(std::span<const uint8_t> plaintext) override { return inner_.Seal(plaintext); }
  StatusOr<std::vector<uint8_t>> Open(std::string_view sealed) override {
    return inner_.Open(sealed);
  }
  SigningKeyPair GenerateSigningKey() override { return inner_.GenerateSigningKey(); }
  StatusOr<std::vector<uint8_t>> SignDetached(std::span<const uint8_t> secret_key,
                                              std::string_view message) override {
    return inner_.SignDetached(secret_key, message);
  }
  bool VerifyDetached(std::span<const uint8_t> public_key, std::string_view message,
                      std::span<const uint8_t> signature) override {
    return inner_.VerifyDetached(public_key, message, signature);
  }
  std::string ToBase64(std::span<const uint8_t> data) override { return inner_.ToBase64(data); }
  std::optional<std::vector<uint8_t>> FromBase64(std::string_view text) override {
    return inner_.FromBase64(text);
  }

 protected:
  ports::Crypto& inner_;
};

}  // namespace regie::testing
