#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ports/region_repositories.h"
#include "storage/sqlite/sqlite_handle.h"

namespace regie::storage::sqlite {

// Regions, memberships and sharing decisions over one connection inside an
// open transaction. References are checked before each write (writers are
// serialised by BEGIN IMMEDIATE, so the checks cannot race).
class SqliteRegions final : public ports::RegionRepository {
 public:
  explicit SqliteRegions(Connection& conn) : conn_(conn) {}
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
  Status Require(std::string_view sql, int64_t id, std::string reason);
  StatusOr<core::RegionMember> Member(int64_t region_id, int64_t tenant_id);
  Connection& conn_;
};

}  // namespace regie::storage::sqlite
