#include "http/response_cache.h"

namespace regie::http {

std::optional<ResponseCache::Entry> ResponseCache::Get(const std::string& key, int64_t generation,
                                                       core::Timestamp now) {
  std::lock_guard lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  const Entry& e = it->second->second;
  if (e.generation != generation || now >= e.valid_until) {
    lru_.erase(it->second);
    index_.erase(it);
    return std::nullopt;
  }
  lru_.splice(lru_.begin(), lru_, it->second);
  return lru_.front().second;
}

void ResponseCache::Put(const std::string& key, Entry entry) {
  if (capacity_ == 0) return;
  std::lock_guard lock(mu_);
  if (auto it = index_.find(key); it != index_.end()) {
    // A racing request computed it too; keep the newer generation.
    if (it->second->second.generation > entry.generation) return;
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.emplace_front(key, std::move(entry));
  index_.emplace(key, lru_.begin());
  while (lru_.size() > capacity_) {
    index_.erase(lru_.back().first);
    lru_.pop_back();
  }
}

size_t ResponseCache::size() const {
  std::lock_guard lock(mu_);
  return lru_.size();
}

}  // namespace regie::http
