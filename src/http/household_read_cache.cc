#include "http/household_read_cache.h"

namespace regie::http {

std::shared_ptr<const HouseholdReadCache::Entry> HouseholdReadCache::Get(const std::string& key,
                                                                         int64_t generation,
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

void HouseholdReadCache::Put(const std::string& key, Entry entry) {
  if (capacity_ == 0) return;
  auto shared = std::make_shared<const Entry>(std::move(entry));
  std::lock_guard lock(mu_);
  if (auto it = index_.find(key); it != index_.end()) {
    // A racing request computed it too; keep the newer generation.
    if (it->second->second->generation > shared->generation) return;
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.emplace_front(key, std::move(shared));
  index_.emplace(key, lru_.begin());
  while (lru_.size() > capacity_) {
    index_.erase(lru_.back().first);
    lru_.pop_back();
  }
}

size_t HouseholdReadCache::size() const {
  std::lock_guard lock(mu_);
  return lru_.size();
}

std::string CallerCacheKey(const core::Principal& p, int64_t tenant_id) {
  std::string key = std::to_string(tenant_id) + "/" + std::to_string(p.user_id) + "/" +
                    std::to_string(p.organisation_id);
  for (const std::string& role : p.roles.Codes()) key += "/" + role;
  return key;
}

}  // namespace regie::http
