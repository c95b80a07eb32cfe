#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/access/access_model.h"
#include "core/date.h"
#include "ports/access_repositories.h"

namespace regie::http {

// Recently authenticated sessions with their principal, so a request does
// not read the session, user, organisation and served tenants again. An
// entry lives at most kTtlMicros; every change this process makes to a
// session or user (logout, TOTP rotation, deactivation, role change, new
// enrolment) erases the entries concerned at once, so the TTL only bounds
// changes made outside this process. Thread-safe.
class SessionCache {
 public:
  static constexpr int64_t kTtlMicros = 10LL * 1'000'000;

  struct Entry {
    ports::Session session;
    core::Principal principal;
    core::Timestamp fetched_at;
  };

  std::optional<Entry> Get(const std::string& token_hash, core::Timestamp now);
  void Put(const std::string& token_hash, Entry entry);
  void Erase(const std::string& token_hash);
  void EraseUser(int64_t user_id);

 private:
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace regie::http
