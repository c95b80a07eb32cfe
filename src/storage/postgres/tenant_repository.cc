#include "storage/postgres/postgres_repositories.h"

namespace regie::storage::postgres {
namespace {

core::Tenant ReadTenant(const Result& r, int row) {
  return core::Tenant{r.Int(row, 0), core::TenantData{r.Text(row, 1), r.Text(row, 2)}};
}

// Columns ReadOrganisation reads; `regional` is whether it serves any
// tenant besides its home tenant.
#define ORGANISATION_COLUMNS                                                      \
  "SELECT o.id, o.tenant_id, o.name, o.kind, "                                    \
  "EXISTS (SELECT 1 FROM organisation_tenants r WHERE r.organisation_id = o.id) " \
  "FROM organisations o"

constexpr std::string_view kSelectServing = ORGANISATION_COLUMNS
    " WHERE o.id = $1 AND (o.tenant_id = $2 OR EXISTS (SELECT 1 FROM organisation_tenants t "
    "WHERE t.organisation_id = o.id AND t.tenant_id = $2))";
constexpr std::string_view kSelectById = ORGANISATION_COLUMNS " WHERE o.id = $1";
constexpr std::string_view kListServing = ORGANISATION_COLUMNS
    " WHERE o.tenant_id = $1 OR o.id IN (SELECT t.organisation_id FROM organisation_tenants t "
    "WHERE t.tenant_id = $1) ORDER BY o.name, o.id";
#undef ORGANISATION_COLUMNS

core::Organisation ReadOrganisation(const Result& r, int row) {
  core::Organisation o;
  o.id = r.Int(row, 0);
  o.tenant_id = r.Int(row, 1);
  o.data.name = r.Text(row, 2);
  o.data.kind = core::ParseEnum<core::OrganisationKind>(r.Text(row, 3))
                    .value_or(core::OrganisationKind::kOther);
  o.regional = r.Bool(row, 4);
  return o;
}

Status OrganisationNotFound() {
  return NotFound("organisation_not_found", "organisation_not_found");
}

}  // namespace

StatusOr<core::Tenant> PgTenants::Create(const core::TenantData& data) {
  // DO NOTHING rather than a unique violation: the error would abort the
  // whole transaction, where SQLite fails just this statement.
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("INSERT INTO tenants (code, name) VALUES ($1, $2) "
                                              "ON CONFLICT DO NOTHING RETURNING id",
                                              Params().Add(data.code).Add(data.name)));
  if (r.rows() == 0) return Conflict("duplicate", "tenant code already exists: " + data.code);
  return core::Tenant{r.Int(0, 0), data};
}

StatusOr<core::Tenant> PgTenants::Get(int64_t id) {
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("SELECT id, code, name FROM tenants WHERE id = $1", Params().Add(id)));
  if (r.rows() == 0) return NotFound("tenant_not_found", "tenant_not_found");
  return ReadTenant(r, 0);
}

StatusOr<core::Tenant> PgTenants::GetByCode(const std::string& code) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT id, code, name FROM tenants WHERE code = $1",
                                              Params().Add(code)));
  if (r.rows() == 0) return NotFound("tenant_not_found", "tenant_not_found");
  return ReadTenant(r, 0);
}

StatusOr<std::vector<core::Tenant>> PgTenants::List() {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT id, code, name FROM tenants ORDER BY id"));
  std::vector<core::Tenant> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadTenant(r, i));
  return out;
}

StatusOr<core::Organisation> PgOrganisations::Create(int64_t tenant_id,
                                                     const core::OrganisationData& data) {
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("INSERT INTO organisations (tenant_id, name, kind) "
                           "SELECT id, $2::text, $3::text FROM tenants WHERE id = $1 RETURNING id",
                           Params().Add(tenant_id).Add(data.name).Add(core::ToCode(data.kind))));
  if (r.rows() == 0) return NotFound("tenant_not_found", "no such tenant");
  return core::Organisation{r.Int(0, 0), tenant_id, data};
}

StatusOr<core::Organisation> PgOrganisations::Get(int64_t tenant_id, int64_t id) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(kSelectServing, Params().Add(id).Add(tenant_id)));
  if (r.rows() == 0) return OrganisationNotFound();
  return ReadOrganisation(r, 0);
}

StatusOr<core::Organisation> PgOrganisations::GetById(int64_t id) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(kSelectById, Params().Add(id)));
  if (r.rows() == 0) return OrganisationNotFound();
  return ReadOrganisation(r, 0);
}

StatusOr<std::vector<core::Organisation>> PgOrganisations::List(int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(kListServing, Params().Add(tenant_id)));
  std::vector<core::Organisation> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadOrganisation(r, i));
  return out;
}

Status PgOrganisations::AddServedTenant(int64_t organisation_id, int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(core::Organisation org, GetById(organisation_id));
  {
    REGIE_ASSIGN_OR_RETURN(
        Result t, conn_.Exec("SELECT 1 FROM tenants WHERE id = $1", Params().Add(tenant_id)));
    if (t.rows() == 0) return NotFound("tenant_not_found", "no such tenant");
  }
  // The home tenant is served anyway; a row for it would make the
  // organisation look regional. DO NOTHING keeps a repeat (or a concurrent
  // twin) from failing, which would abort the transaction.
  if (org.tenant_id == tenant_id) return Status::Ok();
  return conn_
      .Exec(
          "INSERT INTO organisation_tenants (organisation_id, tenant_id) VALUES ($1, $2) "
          "ON CONFLICT DO NOTHING",
          Params().Add(organisation_id).Add(tenant_id))
      .status();
}

StatusOr<std::vector<int64_t>> PgOrganisations::ServedTenants(int64_t organisation_id) {
  REGIE_ASSIGN_OR_RETURN(core::Organisation org, GetById(organisation_id));
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT tenant_id FROM organisation_tenants "
                                              "WHERE organisation_id = $1 ORDER BY tenant_id",
                                              Params().Add(organisation_id)));
  std::vector<int64_t> out{org.tenant_id};
  for (int i = 0; i < r.rows(); ++i) out.push_back(r.Int(i, 0));
  return out;
}

StatusOr<int64_t> PgTenants::ChangeCount(int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT n FROM tenant_changes WHERE tenant_id = $1",
                                              Params().Add(tenant_id)));
  return r.rows() == 0 ? int64_t{0} : r.Int(0, 0);
}

}  // namespace regie::storage::postgres
