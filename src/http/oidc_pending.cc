#include "http/oidc_pending.h"

#include <iterator>

namespace regie::http {

OidcPendingLogins::Entry OidcPendingLogins::Erase(
    std::unordered_map<std::string, Entry>::iterator it) {
  auto client = of_client_.find(it->second.client);
  if (client != of_client_.end() && --client->second == 0) of_client_.erase(client);
  return std::move(entries_.extract(it).mapped());
}

void OidcPendingLogins::Purge(core::Timestamp now) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    auto next = std::next(it);
    if (it->second.expires_at.micros <= now.micros) Erase(it);
    it = next;
  }
}

bool OidcPendingLogins::Put(const std::string& state_hash, Entry entry, core::Timestamp now) {
  std::lock_guard lock(mu_);
  auto of_client = [&] {
    auto it = of_client_.find(entry.client);
    return it == of_client_.end() ? size_t{0} : it->second;
  };
  // Expired entries are only swept when a bound is reached: a sweep walks
  // them all, and until then they cost only memory.
  if (entries_.size() >= capacity_ || of_client() >= per_client_) {
    Purge(now);
    if (entries_.size() >= capacity_ || of_client() >= per_client_) return false;
  }
  if (auto old = entries_.find(state_hash); old != entries_.end()) Erase(old);
  ++of_client_[entry.client];
  entries_.emplace(state_hash, std::move(entry));
  return true;
}

std::optional<OidcPendingLogins::Entry> OidcPendingLogins::Take(const std::string& state_hash,
                                                                core::Timestamp now) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(state_hash);
  if (it == entries_.end()) return std::nullopt;
  Entry entry = Erase(it);
  if (entry.expires_at.micros <= now.micros) return std::nullopt;
  return entry;
}

size_t OidcPendingLogins::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

}  // namespace regie::http
