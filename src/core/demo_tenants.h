#pragma once

#include <cstdint>
#include <vector>

#include "core/demo_generator.h"

namespace regie::core::demo {

// The demo municipalities: the four seed municipalities first, then
// synthetic ones with unique names and codes. Fills everything except
// `households` and `regisseurs`, which depend on the run's size.
// Deterministic for (seed, count); 1 <= count <= DemoGenerator::kMaxTenants.
std::vector<DemoTenant> BuildTenants(uint64_t seed, int count);

// Splits `households` over the tenants in proportion to their inhabitants
// (largest remainder, ties to the lower index), so the parts sum exactly.
void SpreadHouseholds(std::vector<DemoTenant>& tenants, int64_t households);

// Staff of every role for `tenant` (see DemoTenant::users), sized by its
// household count; needs `regisseurs` and `households` set. Deterministic:
// names come from the tenant's code and the staff member's number.
void AddUsers(DemoTenant& tenant);

}  // namespace regie::core::demo
