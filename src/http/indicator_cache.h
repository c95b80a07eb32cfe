#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>

#include "core/date.h"
#include "core/indicators/report.h"

namespace regie::http {

// Computed indicator reports (exact counts) per (tenant, reference date),
// so that reading the dashboard again, switching its language or exporting
// what is on screen does not recompute a tenant's population.
//
// Contract: an entry is served only while the tenant's change counter
// (tenant_changes, which the storage triggers bump on every change of case
// data and of the tenant's pack activations) equals the one it was
// computed at; a Put at a newer counter drops the tenant's older entries.
// Small on purpose: at most `per_tenant` reference dates per tenant and
// `tenants` tenants, each least recently used first out. Thread-safe.
// Holds exact counts: callers apply Suppress before anything leaves.
class IndicatorCache {
 public:
  explicit IndicatorCache(size_t per_tenant = 4, size_t tenants = 32)
      : per_tenant_(per_tenant), tenants_(tenants) {}

  std::shared_ptr<const core::indicators::Report> Get(int64_t tenant_id, core::Date on,
                                                      int64_t generation);
  void Put(int64_t tenant_id, core::Date on, int64_t generation,
           std::shared_ptr<const core::indicators::Report> report);
  size_t size() const;

 private:
  struct Entry {
    core::Date on;
    std::shared_ptr<const core::indicators::Report> report;
  };
  struct Tenant {
    int64_t tenant_id = 0;
    int64_t generation = 0;
    std::list<Entry> entries;  // most recently used first
  };

  const size_t per_tenant_;
  const size_t tenants_;
  mutable std::mutex mu_;
  std::list<Tenant> lru_;  // most recently used first
};

}  // namespace regie::http
