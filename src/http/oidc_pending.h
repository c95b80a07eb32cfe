#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/date.h"

namespace regie::http {

// Single sign-on logins between /auth/oidc/start and /auth/oidc/callback:
// the PKCE verifier and nonce stay in the server, keyed by a hash of the
// state, valid 10 minutes and taken at most once. In the serving process's
// memory: a restart (or another instance behind a load balancer without
// sticky sessions) only makes a started login start again. Bounded, so
// unauthenticated start requests cannot grow it without limit. Thread-safe.
class OidcPendingLogins {
 public:
  struct Entry {
    std::string provider;
    std::string code_verifier;
    std::string nonce;
    std::string browser_hash;  // hash of the value in the browser's regie_oidc cookie
    core::Timestamp expires_at;
  };
  static constexpr int64_t kValidityMicros = 10LL * 60 * 1'000'000;
  static constexpr size_t kDefaultCapacity = 10'000;

  explicit OidcPendingLogins(size_t capacity = kDefaultCapacity) : capacity_(capacity) {}

  // False when full of unexpired logins.
  bool Put(const std::string& state_hash, Entry entry, core::Timestamp now);
  // Removes the entry; nullopt when unknown, already taken or expired.
  std::optional<Entry> Take(const std::string& state_hash, core::Timestamp now);
  size_t size() const;

 private:
  size_t capacity_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace regie::http
