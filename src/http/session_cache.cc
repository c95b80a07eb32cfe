#include "http/session_cache.h"

namespace regie::http {

namespace {
// Beyond this many entries the cache is cleared rather than grown: it only
// saves reads, and a town's staff fits many times over.
constexpr size_t kMaxEntries = 10'000;
}  // namespace

std::optional<SessionCache::Entry> SessionCache::Get(const std::string& token_hash,
                                                     core::Timestamp now) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return std::nullopt;
  if (now.micros - it->second.fetched_at.micros > kTtlMicros ||
      now.micros < it->second.fetched_at.micros) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second;
}

void SessionCache::Put(const std::string& token_hash, Entry entry) {
  std::lock_guard lock(mu_);
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_[token_hash] = std::move(entry);
}

void SessionCache::Erase(const std::string& token_hash) {
  std::lock_guard lock(mu_);
  entries_.erase(token_hash);
}

void SessionCache::EraseUser(int64_t user_id) {
  std::lock_guard lock(mu_);
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->second.session.user_id == user_id)
      it = entries_.erase(it);
    else
      ++it;
  }
}

}  // namespace regie::http
