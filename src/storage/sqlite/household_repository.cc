#include "core/text.h"
#include "storage/sqlite/sqlite_repositories.h"

namespace regie::storage::sqlite {
namespace {

constexpr std::string_view kSelectHousehold =
    "SELECT id, tenant_id, version, name, coalesce(regisseur_user_id, 0), archived, archived_at, "
    "archive_reason, created_at, updated_at FROM households WHERE id = ?1 AND tenant_id = ?2";

// Whether user ?1 exists and its organisation serves tenant ?2.
constexpr std::string_view kUserServes =
    "SELECT 1 FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?1 "
    "AND (o.tenant_id = ?2 OR EXISTS (SELECT 1 FROM organisation_tenants t "
    "WHERE t.organisation_id = o.id AND t.tenant_id = ?2))";
// Whether organisation ?1 serves tenant ?2.
constexpr std::string_view kOrganisationServes =
    "SELECT 1 FROM organisations o WHERE o.id = ?1 "
    "AND (o.tenant_id = ?2 OR EXISTS (SELECT 1 FROM organisation_tenants t "
    "WHERE t.organisation_id = o.id AND t.tenant_id = ?2))";

// True when the statement for (?1, ?2) = (id, tenant) yields a row.
StatusOr<bool> Serves(Connection& conn, std::string_view sql, int64_t id, int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(Stmt check, conn.Prepare(sql));
  check.Bind(1, id).Bind(2, tenant_id);
  bool found = check.Step();
  REGIE_RETURN_IF_ERROR(check.status());
  return found;
}

}  // namespace

StatusOr<core::Household> SqliteHouseholds::Get(int64_t tenant_id, int64_t id) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(kSelectHousehold));
  s.Bind(1, id).Bind(2, tenant_id);
  if (!s.Step()) {
    REGIE_RETURN_IF_ERROR(s.status());
    return NotFound("household_not_found", "no such household in this tenant");
  }
  core::Household h;
  h.id = s.Int(0);
  h.tenant_id = s.Int(1);
  h.version = s.Int(2);
  h.data.name = s.Text(3);
  h.data.regisseur_user_id = s.Int(4);
  h.archived = s.Int(5) != 0;
  if (!s.IsNull(6)) h.archived_at = core::Timestamp{s.Int(6)};
  h.archive_reason = s.Text(7);
  h.created_at = core::Timestamp{s.Int(8)};
  h.updated_at = core::Timestamp{s.Int(9)};

  REGIE_ASSIGN_OR_RETURN(Stmt orgs, conn_.Prepare("SELECT organisation_id FROM "
                                                  "household_organisations WHERE household_id = ?1 "
                                                  "ORDER BY organisation_id"));
  orgs.Bind(1, id);
  while (orgs.Step()) h.data.involved_organisations.push_back(orgs.Int(0));
  REGIE_RETURN_IF_ERROR(orgs.status());
  return h;
}

Status SqliteHouseholds::CheckReferences(int64_t tenant_id, const core::HouseholdData& data) {
  std::vector<FieldError> errors;
  REGIE_ASSIGN_OR_RETURN(bool regisseur_ok,
                         Serves(conn_, kUserServes, data.regisseur_user_id, tenant_id));
  if (!regisseur_ok) errors.push_back({"regisseur_user_id", "invalid_reference"});
  const std::vector<int64_t>& orgs = data.involved_organisations;
  for (size_t i = 0; i < orgs.size(); ++i) {
    REGIE_ASSIGN_OR_RETURN(bool org_ok, Serves(conn_, kOrganisationServes, orgs[i], tenant_id));
    if (!org_ok)
      errors.push_back({"involved_organisations/" + std::to_string(i), "invalid_reference"});
  }
  if (!errors.empty())
    return InvalidArgument("validation_failed", "reference does not serve the tenant",
                           std::move(errors));
  return Status::Ok();
}

Status SqliteHouseholds::WriteOrganisations(int64_t tenant_id, int64_t household_id,
                                            const std::string& name_key,
                                            const std::vector<int64_t>& organisation_ids) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt del, conn_.Prepare("DELETE FROM household_organisations WHERE household_id = ?1"));
  REGIE_RETURN_IF_ERROR(del.Bind(1, household_id).Exec());
  for (int64_t org : organisation_ids) {
    // OR IGNORE: a repeated id in the input is one link, not an error.
    REGIE_ASSIGN_OR_RETURN(Stmt ins,
                           conn_.Prepare("INSERT OR IGNORE INTO household_organisations "
                                         "(household_id, organisation_id, tenant_id, name_key) "
                                         "VALUES (?1, ?2, ?3, ?4)"));
    REGIE_RETURN_IF_ERROR(
        ins.Bind(1, household_id).Bind(2, org).Bind(3, tenant_id).Bind(4, name_key).Exec());
  }
  return Status::Ok();
}

StatusOr<core::Household> SqliteHouseholds::Create(int64_t tenant_id,
                                                   const core::HouseholdData& data,
                                                   core::Timestamp now) {
  {
    REGIE_ASSIGN_OR_RETURN(Stmt t, conn_.Prepare("SELECT 1 FROM tenants WHERE id = ?1"));
    t.Bind(1, tenant_id);
    if (!t.Step()) {
      REGIE_RETURN_IF_ERROR(t.status());
      return NotFound("tenant_not_found", "no such tenant");
    }
  }
  // Every reference is checked before the first row is written, so a refused
  // household leaves nothing behind even if the caller commits anyway.
  REGIE_RETURN_IF_ERROR(CheckReferences(tenant_id, data));
  const std::string name_key = core::SearchKey(data.name);
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT INTO households (tenant_id, version, name, name_key, "
                            "regisseur_user_id, archived, created_at, updated_at) "
                            "VALUES (?1, 1, ?2, ?3, ?4, 0, ?5, ?5)"));
  REGIE_RETURN_IF_ERROR(s.Bind(1, tenant_id)
                            .Bind(2, data.name)
                            .Bind(3, name_key)
                            .Bind(4, data.regisseur_user_id)
                            .Bind(5, now.micros)
                            .Exec());
  int64_t id = sqlite3_last_insert_rowid(conn_.db());
  REGIE_RETURN_IF_ERROR(WriteOrganisations(tenant_id, id, name_key, data.involved_organisations));
  return Get(tenant_id, id);
}

Status SqliteHouseholds::CheckWritable(int64_t tenant_id, int64_t id, int64_t expected_version) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT version, archived FROM households "
                                               "WHERE id = ?1 AND tenant_id = ?2"));
  s.Bind(1, id).Bind(2, tenant_id);
  if (!s.Step()) {
    REGIE_RETURN_IF_ERROR(s.status());
    return NotFound("household_not_found", "no such household in this tenant");
  }
  if (s.Int(1) != 0) return FailedPrecondition("household_archived", "household is archived");
  if (s.Int(0) != expected_version)
    return Conflict("version_conflict", "household was changed by someone else");
  return Status::Ok();
}

StatusOr<core::Household> SqliteHouseholds::Update(int64_t tenant_id, int64_t id,
                                                   int64_t expected_version,
                                                   const core::HouseholdData& data,
                                                   core::Timestamp now) {
  REGIE_RETURN_IF_ERROR(CheckWritable(tenant_id, id, expected_version));
  REGIE_RETURN_IF_ERROR(CheckReferences(tenant_id, data));
  const std::string name_key = core::SearchKey(data.name);
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("UPDATE households SET name = ?3, name_key = ?4, "
                            "regisseur_user_id = ?5, version = version + 1, updated_at = ?6 "
                            "WHERE id = ?1 AND tenant_id = ?2"));
  REGIE_RETURN_IF_ERROR(s.Bind(1, id)
                            .Bind(2, tenant_id)
                            .Bind(3, data.name)
                            .Bind(4, name_key)
                            .Bind(5, data.regisseur_user_id)
                            .Bind(6, now.micros)
                            .Exec());
  REGIE_RETURN_IF_ERROR(WriteOrganisations(tenant_id, id, name_key, data.involved_organisations));
  return Get(tenant_id, id);
}

StatusOr<core::Household> SqliteHouseholds::Archive(int64_t tenant_id, int64_t id,
                                                    int64_t expected_version,
                                                    const std::string& reason,
                                                    core::Timestamp now) {
  Status writable = CheckWritable(tenant_id, id, expected_version);
  if (writable.reason() == "household_archived")
    return FailedPrecondition("already_archived", "household was archived before");
  REGIE_RETURN_IF_ERROR(writable);
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("UPDATE households SET archived = 1, archived_at = ?3, "
                            "archive_reason = ?4, version = version + 1, updated_at = ?3 "
                            "WHERE id = ?1 AND tenant_id = ?2"));
  REGIE_RETURN_IF_ERROR(
      s.Bind(1, id).Bind(2, tenant_id).Bind(3, now.micros).Bind(4, reason).Exec());
  return Get(tenant_id, id);
}

StatusOr<core::Household> SqliteHouseholds::Reopen(int64_t tenant_id, int64_t id,
                                                   int64_t expected_version, core::Timestamp now) {
  Status writable = CheckWritable(tenant_id, id, expected_version);
  if (writable.ok()) return FailedPrecondition("not_archived", "household is not archived");
  if (writable.reason() != "household_archived") return writable;
  REGIE_ASSIGN_OR_RETURN(Stmt s,
                         conn_.Prepare("UPDATE households SET archived = 0, "
                                       "archived_at = NULL, archive_reason = '', "
                                       "version = version + 1, updated_at = ?3 "
                                       "WHERE id = ?1 AND tenant_id = ?2 AND version = ?4"));
  REGIE_RETURN_IF_ERROR(
      s.Bind(1, id).Bind(2, tenant_id).Bind(3, now.micros).Bind(4, expected_version).Exec());
  if (sqlite3_changes(conn_.db()) == 0)
    return Conflict("version_conflict", "household was changed by someone else");
  return Get(tenant_id, id);
}

}  // namespace regie::storage::sqlite
