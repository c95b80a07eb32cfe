#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/model.h"

namespace regie::core {

struct DemoOptions {
  uint64_t seed = 1;
  int64_t households = 100;  // in total, spread over the tenants
  int tenants = 1;
  Date today;  // reference date: no generated date lies after it
};

// A synthetic municipality: its organisations and its neighbourhoods.
struct DemoTenant {
  TenantData data;
  std::vector<OrganisationData> organisations;
};

struct DemoHousehold {
  int tenant_index = 0;
  HouseholdData data;                              // involved_organisations left empty; see below
  std::vector<int> involved_organisation_indices;  // into DemoTenant::organisations
  std::vector<PersonData> persons;
};

// Generates a plausible, entirely synthetic population of permit holders:
// nationality mix, families and singles, late family reunification, children
// of school and pre-school age, wijken and kernen named like the seeds'
// villages. Deterministic for a seed. Streams households one at a time so
// that 500,000 persons need bounded memory. Every generated person passes
// ValidatePerson for `today`.
class DemoGenerator {
 public:
  explicit DemoGenerator(const DemoOptions& options);

  const std::vector<DemoTenant>& tenants() const { return tenants_; }
  // Next household, or nullopt when `households` have been produced.
  std::optional<DemoHousehold> Next();

 private:
  DemoOptions options_;
  std::mt19937_64 rng_;
  std::vector<DemoTenant> tenants_;
  int64_t produced_ = 0;
};

}  // namespace regie::core
