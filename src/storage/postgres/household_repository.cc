#include <unordered_set>

#include "core/text.h"
#include "storage/postgres/postgres_repositories.h"

namespace regie::storage::postgres {
namespace {

constexpr std::string_view kSelectHousehold =
    "SELECT id, tenant_id, version, name, coalesce(regisseur_user_id, 0), archived, archived_at, "
    "archive_reason, created_at, updated_at, ARRAY(SELECT o.organisation_id FROM "
    "household_organisations o WHERE o.household_id = h.id ORDER BY o.organisation_id) "
    "FROM households h WHERE id = $1 AND tenant_id = $2";

Status HouseholdNotFound() {
  return NotFound("household_not_found", "no such household in this tenant");
}

}  // namespace

StatusOr<core::Household> PgHouseholds::Get(int64_t tenant_id, int64_t id) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(kSelectHousehold, Params().Add(id).Add(tenant_id)));
  if (r.rows() == 0) return HouseholdNotFound();
  core::Household h;
  h.id = r.Int(0, 0);
  h.tenant_id = r.Int(0, 1);
  h.version = r.Int(0, 2);
  h.data.name = r.Text(0, 3);
  h.data.regisseur_user_id = r.Int(0, 4);
  h.archived = r.Bool(0, 5);
  if (!r.IsNull(0, 6)) h.archived_at = core::Timestamp{r.Int(0, 6)};
  h.archive_reason = r.Text(0, 7);
  h.created_at = core::Timestamp{r.Int(0, 8)};
  h.updated_at = core::Timestamp{r.Int(0, 9)};
  h.data.involved_organisations = r.IdArray(0, 10);
  return h;
}

Status PgHouseholds::CheckReferences(int64_t tenant_id, const core::HouseholdData& data) {
  // One round trip: the regisseur (if a user serving the tenant) and the
  // involved organisations that serve it. Users and organisations are never
  // deleted, so what this finds still exists at commit.
  const std::vector<int64_t>& orgs = data.involved_organisations;
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec("SELECT EXISTS (SELECT 1 FROM users u JOIN organisations o "
                 "ON o.id = u.organisation_id WHERE u.id = $1 AND (o.tenant_id = $2 OR EXISTS "
                 "(SELECT 1 FROM organisation_tenants t WHERE t.organisation_id = o.id "
                 "AND t.tenant_id = $2))), ARRAY(SELECT o.id FROM organisations o "
                 "WHERE o.id = ANY($3::bigint[]) AND (o.tenant_id = $2 OR EXISTS "
                 "(SELECT 1 FROM organisation_tenants t WHERE t.organisation_id = o.id "
                 "AND t.tenant_id = $2)))",
                 Params().Add(data.regisseur_user_id).Add(tenant_id).AddIdArray(orgs)));
  std::vector<FieldError> errors;
  if (!r.Bool(0, 0)) errors.push_back({"regisseur_user_id", "invalid_reference"});
  std::vector<int64_t> serving = r.IdArray(0, 1);
  std::unordered_set<int64_t> found(serving.begin(), serving.end());
  for (size_t i = 0; i < orgs.size(); ++i) {
    if (!found.contains(orgs[i]))
      errors.push_back({"involved_organisations/" + std::to_string(i), "invalid_reference"});
  }
  if (!errors.empty())
    return InvalidArgument("validation_failed", "reference does not serve the tenant",
                           std::move(errors));
  return Status::Ok();
}

Status PgHouseholds::WriteOrganisations(int64_t tenant_id, int64_t household_id,
                                        const std::string& name_key,
                                        const std::vector<int64_t>& organisation_ids) {
  REGIE_RETURN_IF_ERROR(conn_
                            .Exec("DELETE FROM household_organisations WHERE household_id = $1",
                                  Params().Add(household_id))
                            .status());
  if (organisation_ids.empty()) return Status::Ok();
  // DO NOTHING: a repeated id in the input is one link, not an error.
  return conn_
      .Exec(
          "INSERT INTO household_organisations (household_id, organisation_id, tenant_id, "
          "name_key) SELECT $1::bigint, unnest($2::bigint[]), $3::bigint, $4::text "
          "ON CONFLICT DO NOTHING",
          Params().Add(household_id).AddIdArray(organisation_ids).Add(tenant_id).Add(name_key))
      .status();
}

StatusOr<core::Household> PgHouseholds::Create(int64_t tenant_id, const core::HouseholdData& data,
                                               core::Timestamp now) {
  {
    REGIE_ASSIGN_OR_RETURN(
        Result t, conn_.Exec("SELECT 1 FROM tenants WHERE id = $1", Params().Add(tenant_id)));
    if (t.rows() == 0) return NotFound("tenant_not_found", "no such tenant");
  }
  // Every reference is checked before the first row is written, so a refused
  // household leaves nothing behind even if the caller commits anyway.
  REGIE_RETURN_IF_ERROR(CheckReferences(tenant_id, data));
  const std::string name_key = core::SearchKey(data.name);
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec("INSERT INTO households (tenant_id, version, name, name_key, "
                                    "regisseur_user_id, archived, created_at, updated_at) "
                                    "VALUES ($1, 1, $2, $3, $4, false, $5, $5) RETURNING id",
                                    Params()
                                        .Add(tenant_id)
                                        .Add(data.name)
                                        .Add(name_key)
                                        .Add(data.regisseur_user_id)
                                        .Add(now.micros)));
  int64_t id = r.Int(0, 0);
  REGIE_RETURN_IF_ERROR(WriteOrganisations(tenant_id, id, name_key, data.involved_organisations));
  return Get(tenant_id, id);
}

Status PgHouseholds::LockWritable(int64_t tenant_id, int64_t id, int64_t expected_version) {
  // The row lock makes a concurrent writer of this household wait for our
  // commit; READ COMMITTED then hands it the committed row, so it sees our
  // version (or archive) instead of deciding on a stale one.
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT version, archived FROM households "
                                              "WHERE id = $1 AND tenant_id = $2 "
                                              "FOR NO KEY UPDATE",
                                              Params().Add(id).Add(tenant_id)));
  if (r.rows() == 0) return HouseholdNotFound();
  if (r.Bool(0, 1)) return FailedPrecondition("household_archived", "household is archived");
  if (r.Int(0, 0) != expected_version)
    return Conflict("version_conflict", "household was changed by someone else");
  return Status::Ok();
}

StatusOr<core::Household> PgHouseholds::Update(int64_t tenant_id, int64_t id,
                                               int64_t expected_version,
                                               const core::HouseholdData& data,
                                               core::Timestamp now) {
  REGIE_RETURN_IF_ERROR(LockWritable(tenant_id, id, expected_version));
  REGIE_RETURN_IF_ERROR(CheckReferences(tenant_id, data));
  const std::string name_key = core::SearchKey(data.name);
  // The version guard repeats the check in the statement that writes, so a
  // stale version can never be overwritten, lock or not.
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("UPDATE households SET name = $3, name_key = $4, "
                           "regisseur_user_id = $5, version = version + 1, updated_at = $6 "
                           "WHERE id = $1 AND tenant_id = $2 AND version = $7",
                           Params()
                               .Add(id)
                               .Add(tenant_id)
                               .Add(data.name)
                               .Add(name_key)
                               .Add(data.regisseur_user_id)
                               .Add(now.micros)
                               .Add(expected_version)));
  if (r.affected() == 0)
    return Conflict("version_conflict", "household was changed by someone else");
  REGIE_RETURN_IF_ERROR(WriteOrganisations(tenant_id, id, name_key, data.involved_organisations));
  return Get(tenant_id, id);
}

StatusOr<core::Household> PgHouseholds::Archive(int64_t tenant_id, int64_t id,
                                                int64_t expected_version, const std::string& reason,
                                                core::Timestamp now) {
  Status writable = LockWritable(tenant_id, id, expected_version);
  if (writable.reason() == "household_archived")
    return FailedPrecondition("already_archived", "household was archived before");
  REGIE_RETURN_IF_ERROR(writable);
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec(
          "UPDATE households SET archived = true, archived_at = $3, "
          "archive_reason = $4, version = version + 1, updated_at = $3 "
          "WHERE id = $1 AND tenant_id = $2 AND version = $5",
          Params().Add(id).Add(tenant_id).Add(now.micros).Add(reason).Add(expected_version)));
  if (r.affected() == 0)
    return Conflict("version_conflict", "household was changed by someone else");
  return Get(tenant_id, id);
}

StatusOr<core::Household> PgHouseholds::Reopen(int64_t tenant_id, int64_t id,
                                               int64_t expected_version, core::Timestamp now) {
  Status writable = LockWritable(tenant_id, id, expected_version);
  if (writable.ok()) return FailedPrecondition("not_archived", "household is not archived");
  if (writable.reason() != "household_archived") return writable;
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("UPDATE households SET archived = false, archived_at = NULL, "
                           "archive_reason = '', version = version + 1, updated_at = $3 "
                           "WHERE id = $1 AND tenant_id = $2 AND version = $4",
                           Params().Add(id).Add(tenant_id).Add(now.micros).Add(expected_version)));
  if (r.affected() == 0)
    return Conflict("version_conflict", "household was changed by someone else");
  return Get(tenant_id, id);
}

}  // namespace regie::storage::postgres
