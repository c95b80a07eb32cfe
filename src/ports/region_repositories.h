#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/benchmark/region.h"
#include "core/date.h"
#include "core/status.h"

// Repository contract of the regional benchmark: regions, their member
// tenants and each member's sharing decision. Regions are not tenant data
// (a region spans tenants); every method that touches a membership names
// the tenant, and a tenant sees only its own memberships and the names of
// the regions it belongs to. Errors as in ports/repositories.h:
//   NotFound "region_not_found", "tenant_not_found", "not_a_member"
//   Conflict "duplicate" (a region code, or a second membership)
//   InvalidArgument "validation_failed" (field "decided_by",
//     "invalid_reference") for an unknown user.
namespace regie::ports {

class RegionRepository {
 public:
  virtual ~RegionRepository() = default;

  // Stores a validated region (core::ValidateRegion) with created_at `now`.
  virtual StatusOr<core::Region> CreateRegion(const core::RegionData& data,
                                              core::Timestamp now) = 0;
  // Every region, by code.
  virtual StatusOr<std::vector<core::Region>> ListRegions() = 0;
  virtual StatusOr<core::Region> RegionByCode(const std::string& code) = 0;

  // Adds the tenant to the region, not sharing. Conflict "duplicate" when
  // it is a member already.
  virtual Status Join(int64_t region_id, int64_t tenant_id, core::Timestamp now) = 0;
  // Removes the membership (and with it any sharing).
  virtual Status Leave(int64_t region_id, int64_t tenant_id) = 0;
  // Every member of the region, sharing or not, by tenant name then id.
  virtual StatusOr<std::vector<core::RegionMember>> Members(int64_t region_id) = 0;
  // The regions the tenant belongs to with its membership, by region code.
  virtual StatusOr<std::vector<core::TenantRegion>> RegionsOfTenant(int64_t tenant_id) = 0;
  // Records the tenant's decision to share (true) or stop sharing (false)
  // with the region, by `by_user` (0: no user, the CLI or demo loader) at
  // `now`, and returns the membership as stored. Every decision is also
  // appended to the region's sharing history.
  virtual StatusOr<core::RegionMember> SetSharing(int64_t region_id, int64_t tenant_id,
                                                  bool sharing, int64_t by_user,
                                                  core::Timestamp now) = 0;
};

}  // namespace regie::ports
