#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/access/access_model.h"
#include "core/date.h"

namespace regie::http {

// A small thread-safe LRU of computed response bodies for expensive
// per-user reads (the worklist). An entry is served only while the tenant's
// change counter (storage bumps it on every write that can change the
// answer) is the one it was computed at and the clock is before its
// `valid_until` (the next moment access can change by time alone, see
// core::NextAccessChange). The key must name everything else the answer
// depends on: tenant, user, roles, organisation, reference date.
class ResponseCache {
 public:
  struct Entry {
    int64_t generation = 0;
    core::Timestamp valid_until;
    std::string body;
    core::CategorySet categories;  // for the audit record of a cached read
  };

  explicit ResponseCache(size_t capacity) : capacity_(capacity) {}

  std::optional<Entry> Get(const std::string& key, int64_t generation, core::Timestamp now);
  void Put(const std::string& key, Entry entry);
  size_t size() const;

 private:
  using Lru = std::list<std::pair<std::string, Entry>>;
  const size_t capacity_;
  mutable std::mutex mu_;
  Lru lru_;  // most recently used first
  std::unordered_map<std::string, Lru::iterator> index_;
};

}  // namespace regie::http
