// Regions of the regional benchmark and their members' sharing decisions.
#include <utility>

#include "storage/sqlite/sqlite_region_repository.h"

namespace regie::storage::sqlite {
namespace {

constexpr std::string_view kRegionColumns = "id, code, name, kind, created_at";
constexpr std::string_view kMemberColumns =
    "m.region_id, m.tenant_id, t.code, t.name, m.joined_at, m.sharing, m.decided_at, "
    "m.decided_by";

core::Region ReadRegion(const Stmt& s, int col = 0) {
  core::Region r;
  r.id = s.Int(col);
  r.data.code = s.Text(col + 1);
  r.data.name = s.Text(col + 2);
  r.data.kind =
      core::ParseEnum<core::RegionKind>(s.Text(col + 3)).value_or(core::RegionKind::kRegio);
  r.created_at = core::Timestamp{s.Int(col + 4)};
  return r;
}

core::RegionMember ReadMember(const Stmt& s, int col = 0) {
  core::RegionMember m;
  m.region_id = s.Int(col);
  m.tenant_id = s.Int(col + 1);
  m.tenant_code = s.Text(col + 2);
  m.tenant_name = s.Text(col + 3);
  m.joined_at = core::Timestamp{s.Int(col + 4)};
  m.sharing = s.Int(col + 5) != 0;
  if (!s.IsNull(col + 6)) m.decided_at = core::Timestamp{s.Int(col + 6)};
  m.decided_by = s.IsNull(col + 7) ? 0 : s.Int(col + 7);
  return m;
}

}  // namespace

Status SqliteRegions::Require(std::string_view sql, int64_t id, std::string reason) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(sql));
  s.Bind(1, id);
  if (s.Step()) return Status();
  REGIE_RETURN_IF_ERROR(s.status());
  return NotFound(std::move(reason), "not found");
}

StatusOr<core::Region> SqliteRegions::CreateRegion(const core::RegionData& data,
                                                   core::Timestamp now) {
  {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT 1 FROM regions WHERE code = ?1"));
    s.Bind(1, data.code);
    if (s.Step()) return Conflict("duplicate", "a region with this code exists");
    REGIE_RETURN_IF_ERROR(s.status());
  }
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("INSERT INTO regions (code, name, kind, created_at) "
                                               "VALUES (?1, ?2, ?3, ?4)"));
  s.Bind(1, data.code).Bind(2, data.name).Bind(3, core::ToCode(data.kind)).Bind(4, now.micros);
  REGIE_RETURN_IF_ERROR(s.Exec());
  return core::Region{sqlite3_last_insert_rowid(conn_.db()), data, now};
}

StatusOr<std::vector<core::Region>> SqliteRegions::ListRegions() {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT " + std::string(kRegionColumns) +
                                               " FROM regions ORDER BY code"));
  std::vector<core::Region> out;
  while (s.Step()) out.push_back(ReadRegion(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<core::Region> SqliteRegions::RegionByCode(const std::string& code) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT " + std::string(kRegionColumns) +
                                               " FROM regions WHERE code = ?1"));
  s.Bind(1, code);
  if (s.Step()) return ReadRegion(s);
  REGIE_RETURN_IF_ERROR(s.status());
  return NotFound("region_not_found", "no such region");
}

Status SqliteRegions::Join(int64_t region_id, int64_t tenant_id, core::Timestamp now) {
  REGIE_RETURN_IF_ERROR(
      Require("SELECT 1 FROM regions WHERE id = ?1", region_id, "region_not_found"));
  REGIE_RETURN_IF_ERROR(
      Require("SELECT 1 FROM tenants WHERE id = ?1", tenant_id, "tenant_not_found"));
  {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT 1 FROM region_members "
                                                 "WHERE region_id = ?1 AND tenant_id = ?2"));
    s.Bind(1, region_id).Bind(2, tenant_id);
    if (s.Step()) return Conflict("duplicate", "the tenant is a member already");
    REGIE_RETURN_IF_ERROR(s.status());
  }
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT INTO region_members (region_id, tenant_id, joined_at) "
                            "VALUES (?1, ?2, ?3)"));
  s.Bind(1, region_id).Bind(2, tenant_id).Bind(3, now.micros);
  return s.Exec();
}

Status SqliteRegions::Leave(int64_t region_id, int64_t tenant_id) {
  REGIE_RETURN_IF_ERROR(Member(region_id, tenant_id).status());
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("DELETE FROM region_members "
                                               "WHERE region_id = ?1 AND tenant_id = ?2"));
  s.Bind(1, region_id).Bind(2, tenant_id);
  return s.Exec();
}

StatusOr<core::RegionMember> SqliteRegions::Member(int64_t region_id, int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT " + std::string(kMemberColumns) +
                            " FROM region_members m JOIN tenants t ON t.id = m.tenant_id "
                            "WHERE m.region_id = ?1 AND m.tenant_id = ?2"));
  s.Bind(1, region_id).Bind(2, tenant_id);
  if (s.Step()) return ReadMember(s);
  REGIE_RETURN_IF_ERROR(s.status());
  return NotFound("not_a_member", "the tenant is not a member of this region");
}

StatusOr<std::vector<core::RegionMember>> SqliteRegions::Members(int64_t region_id) {
  REGIE_RETURN_IF_ERROR(
      Require("SELECT 1 FROM regions WHERE id = ?1", region_id, "region_not_found"));
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT " + std::string(kMemberColumns) +
                            " FROM region_members m JOIN tenants t ON t.id = m.tenant_id "
                            "WHERE m.region_id = ?1 ORDER BY t.name, t.id"));
  s.Bind(1, region_id);
  std::vector<core::RegionMember> out;
  while (s.Step()) out.push_back(ReadMember(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<std::vector<core::TenantRegion>> SqliteRegions::RegionsOfTenant(int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT r.id, r.code, r.name, r.kind, r.created_at, " +
                            std::string(kMemberColumns) +
                            " FROM region_members m JOIN regions r ON r.id = m.region_id "
                            "JOIN tenants t ON t.id = m.tenant_id "
                            "WHERE m.tenant_id = ?1 ORDER BY r.code"));
  s.Bind(1, tenant_id);
  std::vector<core::TenantRegion> out;
  while (s.Step()) out.push_back({ReadRegion(s, 0), ReadMember(s, 5)});
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<core::RegionMember> SqliteRegions::SetSharing(int64_t region_id, int64_t tenant_id,
                                                       bool sharing, int64_t by_user,
                                                       core::Timestamp now) {
  REGIE_RETURN_IF_ERROR(Member(region_id, tenant_id).status());
  if (by_user != 0) {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT 1 FROM users WHERE id = ?1"));
    s.Bind(1, by_user);
    if (!s.Step()) {
      REGIE_RETURN_IF_ERROR(s.status());
      return InvalidArgument("validation_failed", "invalid reference",
                             {{"decided_by", "invalid_reference"}});
    }
  }
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt s, conn_.Prepare("UPDATE region_members SET sharing = ?3, decided_at = ?4, "
                              "decided_by = ?5 WHERE region_id = ?1 AND tenant_id = ?2"));
    s.Bind(1, region_id).Bind(2, tenant_id).Bind(3, int64_t{sharing ? 1 : 0}).Bind(4, now.micros);
    if (by_user != 0)
      s.Bind(5, by_user);
    else
      s.BindNull(5);
    REGIE_RETURN_IF_ERROR(s.Exec());
  }
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt s, conn_.Prepare("INSERT INTO region_sharing_history (region_id, tenant_id, "
                              "sharing, decided_by, decided_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
    s.Bind(1, region_id).Bind(2, tenant_id).Bind(3, int64_t{sharing ? 1 : 0}).Bind(5, now.micros);
    if (by_user != 0)
      s.Bind(4, by_user);
    else
      s.BindNull(4);
    REGIE_RETURN_IF_ERROR(s.Exec());
  }
  return Member(region_id, tenant_id);
}

}  // namespace regie::storage::sqlite
