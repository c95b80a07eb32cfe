#include "http/oidc_pending.h"

#include <iterator>

namespace regie::http {

bool OidcPendingLogins::Put(const std::string& state_hash, Entry entry, core::Timestamp now) {
  std::lock_guard lock(mu_);
  if (entries_.size() >= capacity_) {
    for (auto it = entries_.begin(); it != entries_.end();)
      it = it->second.expires_at.micros <= now.micros ? entries_.erase(it) : std::next(it);
    if (entries_.size() >= capacity_) return false;
  }
  entries_[state_hash] = std::move(entry);
  return true;
}

std::optional<OidcPendingLogins::Entry> OidcPendingLogins::Take(const std::string& state_hash,
                                                                core::Timestamp now) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(state_hash);
  if (it == entries_.end()) return std::nullopt;
  Entry entry = std::move(it->second);
  entries_.erase(it);
  if (entry.expires_at.micros <= now.micros) return std::nullopt;
  return entry;
}

size_t OidcPendingLogins::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

}  // namespace regie::http
