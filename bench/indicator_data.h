#pragma once

// The national-scale demo population the indicator benchmarks run on: the
// demo generator's households over 342 municipalities, each person with the
// synthetic policy events the demo loader records (policy::DemoEvents), and
// per tenant the compiled packs and the engine's flat TenantPopulation.
// Bench only: it lives in memory, nothing is read from or written to disk.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/indicators/population.h"
#include "core/model.h"
#include "core/policy/compiled.h"
#include "core/policy/model.h"

namespace regie::bench {

// The packs every benchmark tenant activates (compiled without a tenant
// code, as bench/policy_bench.cc does): both versions of the 2013 law, the
// 2021 law, Dalfsen's local pack, whose indicators the SQL comparison
// reproduces, and Hardinxveld-Giessendam's, which declares the
// participatieladder (so the ladder is part of the measured work).
extern const std::vector<std::string> kBenchPacks;

struct BenchEvent {
  uint32_t person = 0;  // index into BenchTenant::people
  std::string event;
  core::Date date;
  int32_t value = 0;
};

struct BenchTenant {
  std::string code;
  std::unique_ptr<core::policy::CompiledPolicy> policy;
  core::indicators::TenantPopulation population;
  std::vector<core::PersonData> people;  // the same persons, for loading into SQL
  std::vector<BenchEvent> events;        // every recorded event, for loading into SQL
};

struct BenchData {
  core::Date on;  // the reference date (also the generator's "today")
  std::vector<core::policy::Pack> packs;
  std::vector<BenchTenant> tenants;
  int64_t persons = 0;
  int64_t events = 0;
};

// Generates `households` households over `tenants` municipalities (seed 7,
// today 2026-11-22). Deterministic. Aborts with a message when the packs in
// REGIE_POLICIES_DIR do not load (a bench has nobody to report to).
std::unique_ptr<BenchData> MakeBenchData(int64_t households, int tenants, bool keep_rows);

}  // namespace regie::bench
