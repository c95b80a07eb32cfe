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
// unauthenticated start requests cannot grow it without limit, and bounded
// per client (address), so one client cannot fill it and lock everyone out
// of single sign-on for ten minutes. The per-client bound is generous: an
// office behind one address starts many logins, but each is taken within
// seconds. Thread-safe.
class OidcPendingLogins {
 public:
  struct Entry {
    std::string provider;
    std::string code_verifier;
    std::string nonce;
    std::string browser_hash;  // hash of the value in the browser's regie_oidc cookie
    core::Timestamp expires_at;
    std::string client;  // who started it (the client address)
  };
  static constexpr int64_t kValidityMicros = 10LL * 60 * 1'000'000;
  static constexpr size_t kDefaultCapacity = 10'000;
  static constexpr size_t kDefaultPerClient = 100;

  explicit OidcPendingLogins(size_t capacity = kDefaultCapacity,
                             size_t per_client = kDefaultPerClient)
      : capacity_(capacity), per_client_(per_client) {}

  // False when full of unexpired logins, or holding `per_client` unexpired
  // logins of the entry's client.
  bool Put(const std::string& state_hash, Entry entry, core::Timestamp now);
  // Removes the entry; nullopt when unknown, already taken or expired.
  std::optional<Entry> Take(const std::string& state_hash, core::Timestamp now);
  size_t size() const;

 private:
  // Drops expired entries (under mu_).
  void Purge(core::Timestamp now);
  // Removes the entry and its client's count; returns the entry.
  Entry Erase(std::unordered_map<std::string, Entry>::iterator it);

  size_t capacity_;
  size_t per_client_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  std::unordered_map<std::string, size_t> of_client_;  // entries per client
};

}  // namespace regie::http
