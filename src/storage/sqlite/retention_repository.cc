#include <sqlite3.h>

#include "storage/common/erasure_sql.h"
#include "storage/sqlite/sqlite_retention_repository.h"

namespace regie::storage::sqlite {

StatusOr<std::vector<ports::ErasableHousehold>> SqliteRetention::ArchivedBefore(
    int64_t tenant_id, core::Timestamp cutoff, int limit) {
  if (limit < 1) return InvalidArgument("invalid_limit", "limit must be at least 1");
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT h.id, h.archived_at, "
                            "(SELECT count(*) FROM persons p WHERE p.household_id = h.id) "
                            "FROM households h WHERE h.tenant_id = ?1 AND h.archived = 1 "
                            "AND h.archived_at < ?2 ORDER BY h.archived_at, h.id LIMIT ?3"));
  s.Bind(1, tenant_id).Bind(2, cutoff.micros).Bind(3, int64_t{limit});
  std::vector<ports::ErasableHousehold> out;
  while (s.Step()) out.push_back({s.Int(0), {s.Int(1)}, s.Int(2)});
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<int64_t> SqliteRetention::Run(std::string_view sql, int64_t household_id) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(sql));
  REGIE_RETURN_IF_ERROR(s.Bind(1, household_id).Exec());
  return int64_t{sqlite3_changes(conn_.db())};
}

Status SqliteRetention::Grant(int64_t household_id) {
  REGIE_RETURN_IF_ERROR(Run(kGrantErasure, household_id).status());
  grant_held_ = true;
  return Status::Ok();
}

Status SqliteRetention::EndGrant() {
  REGIE_RETURN_IF_ERROR(conn_.Exec(std::string(kEndErasure).c_str()));
  grant_held_ = false;
  return Status::Ok();
}

StatusOr<ports::ErasureCounts> SqliteRetention::EraseHousehold(int64_t tenant_id, int64_t id,
                                                               core::Timestamp cutoff) {
  // The check and the person count in one read, as on PostgreSQL.
  REGIE_ASSIGN_OR_RETURN(
      Stmt check, conn_.Prepare("SELECT archived, archived_at, "
                                "(SELECT count(*) FROM persons p WHERE p.household_id = h.id) "
                                "FROM households h WHERE id = ?1 AND tenant_id = ?2"));
  check.Bind(1, id).Bind(2, tenant_id);
  if (!check.Step()) {
    REGIE_RETURN_IF_ERROR(check.status());
    return NotFound("household_not_found", "household not found");
  }
  if (check.Int(0) == 0 || check.IsNull(1) || check.Int(1) >= cutoff.micros)
    return FailedPrecondition("not_erasable", "household is not archived before the cutoff");
  ports::ErasureCounts counts;
  counts.persons = check.Int(2);
  REGIE_RETURN_IF_ERROR(Grant(id));
  for (std::string_view sql : kEraseHousehold) {
    REGIE_ASSIGN_OR_RETURN(int64_t rows, Run(sql, id));
    counts.rows += rows;
  }
  REGIE_RETURN_IF_ERROR(EndGrant());
  return counts;
}

StatusOr<std::vector<ports::ErasablePackage>> SqliteRetention::UnacceptedPackagesBefore(
    int64_t tenant_id, core::Timestamp cutoff, int limit) {
  if (limit < 1) return InvalidArgument("invalid_limit", "limit must be at least 1");
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(kListUnacceptedPackages));
  s.Bind(1, tenant_id).Bind(2, cutoff.micros).Bind(3, int64_t{limit});
  std::vector<ports::ErasablePackage> out;
  while (s.Step()) out.push_back({s.Int(0), {s.Int(1)}});
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

Status SqliteRetention::ErasePackage(int64_t tenant_id, int64_t id, core::Timestamp cutoff) {
  REGIE_ASSIGN_OR_RETURN(Stmt check, conn_.Prepare(kIsUnacceptedPackage));
  check.Bind(1, cutoff.micros).Bind(2, id).Bind(3, tenant_id);
  if (!check.Step()) {
    REGIE_RETURN_IF_ERROR(check.status());
    return NotFound("package_not_found", "handover package not found");
  }
  if (check.Int(0) != 1)
    return FailedPrecondition(
        "not_erasable", "package is not an unaccepted incoming package from before the cutoff");
  REGIE_RETURN_IF_ERROR(Grant(0));
  REGIE_RETURN_IF_ERROR(Run("DELETE FROM handover_packages WHERE id = $1", id).status());
  return EndGrant();
}

}  // namespace regie::storage::sqlite
