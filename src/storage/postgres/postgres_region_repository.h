#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ports/region_repositories.h"
#include "storage/postgres/pg_handle.h"

namespace regie::storage::postgres {

// Regions, memberships and sharing decisions over one connection inside an
// open transaction. Same observable behaviour as SqliteRegions. References
// are checked before each write, so no statement fails on a key (which
// would abort the caller's transaction); a concurrent duplicate still ends
// in Conflict "duplicate" from the unique key.
class PgRegions final : public ports::RegionRepository {
 public:
  explicit PgRegions(Connection& conn) : conn_(conn) {}
  StatusOr<core::Region> CreateRegion(const core::RegionData& data, core::Timestamp now) override;
  StatusOr<std::vector<core::Region>> ListRegions() override;
  StatusOr<core::Region> RegionByCode(const std::string& code) override;
  Status Join(int64_t region_id, int64_t tenant_id, core::Timestamp now) override;
  Status Leave(int64_t region_id, int64_t tenant_id) override;
  StatusOr<std::vector<core::RegionMember>> Members(int64_t region_id) override;
  StatusOr<std::vector<core::TenantRegion>> RegionsOfTenant(int64_t tenant_id) override;
  StatusOr<core::RegionMember> SetSharing(int64_t region_id, int64_t tenant_id, bool sharing,
                                          int64_t by_user, core::Timestamp now) override;

 private:
  Status Require(const char* sql, int64_t id, std::string reason);
  StatusOr<core::RegionMember> Member(int64_t region_id, int64_t tenant_id);
  Connection& conn_;
};

}  // namespace regie::storage::postgres
