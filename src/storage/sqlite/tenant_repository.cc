#include "storage/sqlite/sqlite_repositories.h"

namespace regie::storage::sqlite {
namespace {

core::Tenant ReadTenant(const Stmt& s) {
  return core::Tenant{s.Int(0), core::TenantData{s.Text(1), s.Text(2)}};
}

// Columns ReadOrganisation reads; `regional` is whether it serves any
// tenant besides its home tenant.
constexpr std::string_view kSelectOrganisation =
    "SELECT o.id, o.tenant_id, o.name, o.kind, "
    "EXISTS (SELECT 1 FROM organisation_tenants r WHERE r.organisation_id = o.id) "
    "FROM organisations o";

core::Organisation ReadOrganisation(const Stmt& s) {
  core::Organisation o;
  o.id = s.Int(0);
  o.tenant_id = s.Int(1);
  o.data.name = s.Text(2);
  o.data.kind =
      core::ParseEnum<core::OrganisationKind>(s.Text(3)).value_or(core::OrganisationKind::kOther);
  o.regional = s.Int(4) != 0;
  return o;
}

Status NotFoundOr(const Stmt& s, const char* reason) {
  return s.status().ok() ? NotFound(reason, reason) : s.status();
}

}  // namespace

StatusOr<core::Tenant> SqliteTenants::Create(const core::TenantData& data) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("INSERT INTO tenants (code, name) VALUES (?1, ?2)"));
  Status st = s.Bind(1, data.code).Bind(2, data.name).Exec();
  if (st.code() == StatusCode::kConflict)
    return Conflict("duplicate", "tenant code already exists: " + data.code);
  REGIE_RETURN_IF_ERROR(st);
  return core::Tenant{sqlite3_last_insert_rowid(conn_.db()), data};
}

StatusOr<core::Tenant> SqliteTenants::Get(int64_t id) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT id, code, name FROM tenants WHERE id = ?1"));
  s.Bind(1, id);
  if (!s.Step()) return NotFoundOr(s, "tenant_not_found");
  return ReadTenant(s);
}

StatusOr<core::Tenant> SqliteTenants::GetByCode(const std::string& code) {
  REGIE_ASSIGN_OR_RETURN(Stmt s,
                         conn_.Prepare("SELECT id, code, name FROM tenants WHERE code = ?1"));
  s.Bind(1, code);
  if (!s.Step()) return NotFoundOr(s, "tenant_not_found");
  return ReadTenant(s);
}

StatusOr<std::vector<core::Tenant>> SqliteTenants::List() {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT id, code, name FROM tenants ORDER BY id"));
  std::vector<core::Tenant> out;
  while (s.Step()) out.push_back(ReadTenant(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<core::Organisation> SqliteOrganisations::Create(int64_t tenant_id,
                                                         const core::OrganisationData& data) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("INSERT INTO organisations (tenant_id, name, kind) "
                                               "SELECT id, ?2, ?3 FROM tenants WHERE id = ?1"));
  REGIE_RETURN_IF_ERROR(
      s.Bind(1, tenant_id).Bind(2, data.name).Bind(3, core::ToCode(data.kind)).Exec());
  if (sqlite3_changes(conn_.db()) == 0) return NotFound("tenant_not_found", "no such tenant");
  return core::Organisation{sqlite3_last_insert_rowid(conn_.db()), tenant_id, data};
}

StatusOr<core::Organisation> SqliteOrganisations::Get(int64_t tenant_id, int64_t id) {
  REGIE_ASSIGN_OR_RETURN(Stmt s,
                         conn_.Prepare(std::string(kSelectOrganisation) +
                                       " WHERE o.id = ?1 AND (o.tenant_id = ?2 OR EXISTS "
                                       "(SELECT 1 FROM organisation_tenants t "
                                       "WHERE t.organisation_id = o.id AND t.tenant_id = ?2))"));
  s.Bind(1, id).Bind(2, tenant_id);
  if (!s.Step()) return NotFoundOr(s, "organisation_not_found");
  return ReadOrganisation(s);
}

StatusOr<core::Organisation> SqliteOrganisations::GetById(int64_t id) {
  REGIE_ASSIGN_OR_RETURN(Stmt s,
                         conn_.Prepare(std::string(kSelectOrganisation) + " WHERE o.id = ?1"));
  s.Bind(1, id);
  if (!s.Step()) return NotFoundOr(s, "organisation_not_found");
  return ReadOrganisation(s);
}

StatusOr<std::vector<core::Organisation>> SqliteOrganisations::List(int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s,
      conn_.Prepare(std::string(kSelectOrganisation) +
                    " WHERE o.tenant_id = ?1 OR o.id IN (SELECT t.organisation_id FROM "
                    "organisation_tenants t WHERE t.tenant_id = ?1) ORDER BY o.name, o.id"));
  s.Bind(1, tenant_id);
  std::vector<core::Organisation> out;
  while (s.Step()) out.push_back(ReadOrganisation(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

Status SqliteOrganisations::AddServedTenant(int64_t organisation_id, int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(core::Organisation org, GetById(organisation_id));
  {
    REGIE_ASSIGN_OR_RETURN(Stmt t, conn_.Prepare("SELECT 1 FROM tenants WHERE id = ?1"));
    t.Bind(1, tenant_id);
    if (!t.Step()) return NotFoundOr(t, "tenant_not_found");
  }
  // The home tenant is served anyway; a row for it would make the
  // organisation look regional.
  if (org.tenant_id == tenant_id) return Status::Ok();
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("INSERT OR IGNORE INTO organisation_tenants "
                                               "(organisation_id, tenant_id) VALUES (?1, ?2)"));
  return s.Bind(1, organisation_id).Bind(2, tenant_id).Exec();
}

StatusOr<std::vector<int64_t>> SqliteOrganisations::ServedTenants(int64_t organisation_id) {
  REGIE_ASSIGN_OR_RETURN(core::Organisation org, GetById(organisation_id));
  std::vector<int64_t> out{org.tenant_id};
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT tenant_id FROM organisation_tenants "
                                               "WHERE organisation_id = ?1 ORDER BY tenant_id"));
  s.Bind(1, organisation_id);
  while (s.Step()) out.push_back(s.Int(0));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<int64_t> SqliteTenants::ChangeCount(int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(Stmt s,
                         conn_.Prepare("SELECT n FROM tenant_changes WHERE tenant_id = ?1"));
  s.Bind(1, tenant_id);
  if (s.Step()) return s.Int(0);
  REGIE_RETURN_IF_ERROR(s.status());
  return int64_t{0};
}

}  // namespace regie::storage::sqlite
