// Regions of the regional benchmark and their members' sharing decisions.
#include <utility>

#include "storage/postgres/postgres_region_repository.h"

namespace regie::storage::postgres {
namespace {

constexpr std::string_view kRegionColumns = "r.id, r.code, r.name, r.kind, r.created_at";
constexpr std::string_view kMemberColumns =
    "m.region_id, m.tenant_id, t.code, t.name, m.joined_at, m.sharing, m.decided_at, "
    "m.decided_by";
constexpr std::string_view kMemberFrom =
    " FROM region_members m JOIN tenants t ON t.id = m.tenant_id ";

core::Region ReadRegion(const Result& r, int row, int col = 0) {
  core::Region g;
  g.id = r.Int(row, col);
  g.data.code = r.Text(row, col + 1);
  g.data.name = r.Text(row, col + 2);
  g.data.kind =
      core::ParseEnum<core::RegionKind>(r.Text(row, col + 3)).value_or(core::RegionKind::kRegio);
  g.created_at = core::Timestamp{r.Int(row, col + 4)};
  return g;
}

core::RegionMember ReadMember(const Result& r, int row, int col = 0) {
  core::RegionMember m;
  m.region_id = r.Int(row, col);
  m.tenant_id = r.Int(row, col + 1);
  m.tenant_code = r.Text(row, col + 2);
  m.tenant_name = r.Text(row, col + 3);
  m.joined_at = core::Timestamp{r.Int(row, col + 4)};
  m.sharing = r.Bool(row, col + 5);
  if (!r.IsNull(row, col + 6)) m.decided_at = core::Timestamp{r.Int(row, col + 6)};
  m.decided_by = r.IsNull(row, col + 7) ? 0 : r.Int(row, col + 7);
  return m;
}

std::string Sql(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (auto p : parts) s += p;
  return s;
}

}  // namespace

Status PgRegions::Require(const char* sql, int64_t id, std::string reason) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(sql, Params().Add(id)));
  if (r.rows() == 0) return NotFound(std::move(reason), "not found");
  return Status();
}

StatusOr<core::Region> PgRegions::CreateRegion(const core::RegionData& data, core::Timestamp now) {
  {
    REGIE_ASSIGN_OR_RETURN(
        Result r, conn_.Exec("SELECT 1 FROM regions WHERE code = $1", Params().Add(data.code)));
    if (r.rows() > 0) return Conflict("duplicate", "a region with this code exists");
  }
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec(
          "INSERT INTO regions (code, name, kind, created_at) "
          "VALUES ($1, $2, $3, $4) RETURNING id",
          Params().Add(data.code).Add(data.name).Add(core::ToCode(data.kind)).Add(now.micros)));
  return core::Region{r.Int(0, 0), data, now};
}

StatusOr<std::vector<core::Region>> PgRegions::ListRegions() {
  // Byte order (COLLATE "C"), as SQLite sorts, not the database's locale.
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec(Sql(
                    {"SELECT ", kRegionColumns, " FROM regions r ORDER BY r.code COLLATE \"C\""})));
  std::vector<core::Region> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadRegion(r, i));
  return out;
}

StatusOr<core::Region> PgRegions::RegionByCode(const std::string& code) {
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec(Sql({"SELECT ", kRegionColumns, " FROM regions r WHERE r.code = $1"}),
                           Params().Add(code)));
  if (r.rows() == 0) return NotFound("region_not_found", "no such region");
  return ReadRegion(r, 0);
}

Status PgRegions::Join(int64_t region_id, int64_t tenant_id, core::Timestamp now) {
  REGIE_RETURN_IF_ERROR(
      Require("SELECT 1 FROM regions WHERE id = $1", region_id, "region_not_found"));
  REGIE_RETURN_IF_ERROR(
      Require("SELECT 1 FROM tenants WHERE id = $1", tenant_id, "tenant_not_found"));
  {
    REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT 1 FROM region_members "
                                                "WHERE region_id = $1 AND tenant_id = $2",
                                                Params().Add(region_id).Add(tenant_id)));
    if (r.rows() > 0) return Conflict("duplicate", "the tenant is a member already");
  }
  return conn_
      .Exec("INSERT INTO region_members (region_id, tenant_id, joined_at) VALUES ($1, $2, $3)",
            Params().Add(region_id).Add(tenant_id).Add(now.micros))
      .status();
}

Status PgRegions::Leave(int64_t region_id, int64_t tenant_id) {
  REGIE_RETURN_IF_ERROR(Member(region_id, tenant_id).status());
  return conn_
      .Exec("DELETE FROM region_members WHERE region_id = $1 AND tenant_id = $2",
            Params().Add(region_id).Add(tenant_id))
      .status();
}

StatusOr<core::RegionMember> PgRegions::Member(int64_t region_id, int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(Sql({"SELECT ", kMemberColumns, kMemberFrom,
                                                   "WHERE m.region_id = $1 AND m.tenant_id = $2"}),
                                              Params().Add(region_id).Add(tenant_id)));
  if (r.rows() == 0) return NotFound("not_a_member", "the tenant is not a member of this region");
  return ReadMember(r, 0);
}

StatusOr<std::vector<core::RegionMember>> PgRegions::Members(int64_t region_id) {
  REGIE_RETURN_IF_ERROR(
      Require("SELECT 1 FROM regions WHERE id = $1", region_id, "region_not_found"));
  // Tenant names sort byte-wise on both backends (COLLATE "C"), so the
  // order is the same as SQLite's.
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec(Sql({"SELECT ", kMemberColumns, kMemberFrom,
                                "WHERE m.region_id = $1 ORDER BY t.name COLLATE \"C\", t.id"}),
                           Params().Add(region_id)));
  std::vector<core::RegionMember> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadMember(r, i));
  return out;
}

StatusOr<std::vector<core::TenantRegion>> PgRegions::RegionsOfTenant(int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec(Sql({"SELECT ", kRegionColumns, ", ", kMemberColumns, kMemberFrom,
                                "JOIN regions r ON r.id = m.region_id WHERE m.tenant_id = $1 ",
                                "ORDER BY r.code COLLATE \"C\""}),
                           Params().Add(tenant_id)));
  std::vector<core::TenantRegion> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back({ReadRegion(r, i, 0), ReadMember(r, i, 5)});
  return out;
}

StatusOr<core::RegionMember> PgRegions::SetSharing(int64_t region_id, int64_t tenant_id,
                                                   bool sharing, int64_t by_user,
                                                   core::Timestamp now) {
  REGIE_RETURN_IF_ERROR(Member(region_id, tenant_id).status());
  std::optional<std::string> by;
  if (by_user != 0) {
    REGIE_ASSIGN_OR_RETURN(Result r,
                           conn_.Exec("SELECT 1 FROM users WHERE id = $1", Params().Add(by_user)));
    if (r.rows() == 0)
      return InvalidArgument("validation_failed", "invalid reference",
                             {{"decided_by", "invalid_reference"}});
    by = std::to_string(by_user);
  }
  REGIE_RETURN_IF_ERROR(
      conn_
          .Exec("UPDATE region_members SET sharing = $3, decided_at = $4, "
                "decided_by = $5 WHERE region_id = $1 AND tenant_id = $2",
                Params().Add(region_id).Add(tenant_id).AddBool(sharing).Add(now.micros).Add(by))
          .status());
  REGIE_RETURN_IF_ERROR(
      conn_
          .Exec("INSERT INTO region_sharing_history (region_id, tenant_id, "
                "sharing, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5)",
                Params().Add(region_id).Add(tenant_id).AddBool(sharing).Add(by).Add(now.micros))
          .status());
  return Member(region_id, tenant_id);
}

}  // namespace regie::storage::postgres
