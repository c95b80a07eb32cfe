#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/date.h"

namespace regie::http {

// A small thread-safe LRU of computed answers for expensive reads (the
// worklist, the household list and detail, the regional benchmark). An
// entry is served only while the tenant's change counter (storage bumps it
// in the same transaction as every write that can change the answer) is the
// `generation` it was computed at and the clock is before its
// `valid_until` (the next moment access can change by time alone, see
// core::NextAccessChange); an outdated entry is dropped when asked for. The
// key must name everything else the answer depends on (tenant, caller,
// request). A hit shares the entry, so a body being sent stays valid after
// the entry is dropped and is never copied. `Entry` needs the members
// `int64_t generation` and `core::Timestamp valid_until`.
template <typename E>
class GenerationCache {
 public:
  using Entry = E;

  explicit GenerationCache(size_t capacity) : capacity_(capacity) {}

  std::shared_ptr<const Entry> Get(const std::string& key, int64_t generation,
                                   core::Timestamp now) {
    std::lock_guard lock(mu_);
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    const Entry& e = *it->second->second;
    if (e.generation != generation || now >= e.valid_until) {
      lru_.erase(it->second);
      index_.erase(it);
      return nullptr;
    }
    lru_.splice(lru_.begin(), lru_, it->second);
    return lru_.front().second;
  }

  // Stores `entry` and returns it, shared, for the caller to answer with.
  std::shared_ptr<const Entry> Put(const std::string& key, Entry entry) {
    auto shared = std::make_shared<const Entry>(std::move(entry));
    if (capacity_ == 0) return shared;
    std::lock_guard lock(mu_);
    if (auto it = index_.find(key); it != index_.end()) {
      // A racing request computed it too; keep the newer generation.
      if (it->second->second->generation > shared->generation) return shared;
      lru_.erase(it->second);
      index_.erase(it);
    }
    lru_.emplace_front(key, shared);
    index_.emplace(key, lru_.begin());
    while (lru_.size() > capacity_) {
      index_.erase(lru_.back().first);
      lru_.pop_back();
    }
    return shared;
  }

  size_t size() const {
    std::lock_guard lock(mu_);
    return lru_.size();
  }

 private:
  using Lru = std::list<std::pair<std::string, std::shared_ptr<const Entry>>>;
  const size_t capacity_;
  mutable std::mutex mu_;
  Lru lru_;  // most recently used first
  std::unordered_map<std::string, typename Lru::iterator> index_;
};

}  // namespace regie::http
