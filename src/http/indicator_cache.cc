#include "http/indicator_cache.h"

#include <algorithm>

#include "http/dto.h"
#include "http/indicators_json.h"

namespace regie::http {

const std::string& ComputedIndicators::Json(core::indicators::Audience audience) const {
  const auto i = static_cast<size_t>(audience);
  std::call_once(once_.at(i), [&] {
    json_.at(i) = dto::Dump(ViewJson(core::indicators::Suppress(report_, audience)));
  });
  return json_.at(i);
}

std::shared_ptr<const ComputedIndicators> IndicatorCache::Get(int64_t tenant_id, core::Date on,
                                                              int64_t generation) {
  std::lock_guard lock(mu_);
  auto t = std::find_if(lru_.begin(), lru_.end(),
                        [&](const Tenant& x) { return x.tenant_id == tenant_id; });
  if (t == lru_.end() || t->generation != generation) return nullptr;
  auto e = std::find_if(t->entries.begin(), t->entries.end(),
                        [&](const Entry& x) { return x.on == on; });
  if (e == t->entries.end()) return nullptr;
  t->entries.splice(t->entries.begin(), t->entries, e);
  lru_.splice(lru_.begin(), lru_, t);
  return lru_.front().entries.front().computed;
}

void IndicatorCache::Put(int64_t tenant_id, core::Date on, int64_t generation,
                         std::shared_ptr<const ComputedIndicators> computed) {
  std::lock_guard lock(mu_);
  auto t = std::find_if(lru_.begin(), lru_.end(),
                        [&](const Tenant& x) { return x.tenant_id == tenant_id; });
  if (t == lru_.end()) {
    lru_.push_front(Tenant{.tenant_id = tenant_id, .generation = generation, .entries = {}});
    t = lru_.begin();
  } else {
    // A report computed at an older counter than what is cached is stale
    // already; one at a newer counter makes every cached entry stale.
    if (generation < t->generation) return;
    if (generation > t->generation) {
      t->entries.clear();
      t->generation = generation;
    }
    lru_.splice(lru_.begin(), lru_, t);
  }
  std::list<Entry>& entries = lru_.front().entries;
  entries.remove_if([&](const Entry& x) { return x.on == on; });
  entries.push_front(Entry{.on = on, .computed = std::move(computed)});
  while (entries.size() > per_tenant_) entries.pop_back();
  while (lru_.size() > tenants_) lru_.pop_back();
}

size_t IndicatorCache::size() const {
  std::lock_guard lock(mu_);
  size_t n = 0;
  for (const Tenant& t : lru_) n += t.entries.size();
  return n;
}

}  // namespace regie::http
