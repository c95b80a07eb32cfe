#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>

#include "core/date.h"
#include "core/indicators/report.h"
#include "core/indicators/suppress.h"

namespace regie::http {

// One computed report (exact counts) and, serialised on first use, the
// dashboard's JSON of it per audience. Serialising the whole tenant's view
// (a megabyte for a large municipality) cost more than everything else in
// a cached request, so every request of an audience shares one body.
// Thread-safe; the report itself is immutable.
class ComputedIndicators {
 public:
  explicit ComputedIndicators(core::indicators::Report report) : report_(std::move(report)) {}

  const core::indicators::Report& report() const { return report_; }
  // The View of Suppress(report(), audience) as JSON.
  const std::string& Json(core::indicators::Audience audience) const;

 private:
  static constexpr size_t kAudiences = 3;
  core::indicators::Report report_;
  mutable std::array<std::once_flag, kAudiences> once_;
  mutable std::array<std::string, kAudiences> json_;
};

// Computed indicator reports per (tenant, reference date),
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

  std::shared_ptr<const ComputedIndicators> Get(int64_t tenant_id, core::Date on,
                                                int64_t generation);
  void Put(int64_t tenant_id, core::Date on, int64_t generation,
           std::shared_ptr<const ComputedIndicators> computed);
  size_t size() const;

 private:
  struct Entry {
    core::Date on;
    std::shared_ptr<const ComputedIndicators> computed;
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
