#pragma once

#include <cstdint>
#include <vector>

#include "core/benchmark/region.h"
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

// The demo's region for the regional benchmark: a fictional "Regio Demo"
// of the first `members` demo municipalities (at most kDemoRegionMembers),
// of which the first `sharing` opt in and the rest do not, so the demo
// shows that a member that does not share is absent from the comparison.
inline constexpr size_t kDemoRegionMembers = 6;
struct DemoRegionPlan {
  RegionData region;
  size_t members = 0;
  size_t sharing = 0;
};
DemoRegionPlan PlanDemoRegion(size_t tenants);

}  // namespace regie::core::demo
