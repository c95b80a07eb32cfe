#include "storage/common/erasure_sql.h"
#include "storage/postgres/postgres_retention_repository.h"

namespace regie::storage::postgres {

StatusOr<std::vector<ports::ErasableHousehold>> PgRetention::ArchivedBefore(int64_t tenant_id,
                                                                            core::Timestamp cutoff,
                                                                            int limit) {
  if (limit < 1) return InvalidArgument("invalid_limit", "limit must be at least 1");
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("SELECT h.id, h.archived_at, "
                           "(SELECT count(*) FROM persons p WHERE p.household_id = h.id) "
                           "FROM households h WHERE h.tenant_id = $1 AND h.archived "
                           "AND h.archived_at < $2 ORDER BY h.archived_at, h.id LIMIT $3",
                           Params().Add(tenant_id).Add(cutoff.micros).Add(int64_t{limit})));
  std::vector<ports::ErasableHousehold> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back({r.Int(i, 0), {r.Int(i, 1)}, r.Int(i, 2)});
  return out;
}

StatusOr<ports::ErasureCounts> PgRetention::EraseHousehold(int64_t tenant_id, int64_t id,
                                                           core::Timestamp cutoff) {
  REGIE_ASSIGN_OR_RETURN(
      Result check, conn_.Exec("SELECT archived AND archived_at IS NOT NULL AND archived_at < $3, "
                               "(SELECT count(*) FROM persons p WHERE p.household_id = h.id) "
                               "FROM households h WHERE id = $1 AND tenant_id = $2 FOR UPDATE",
                               Params().Add(id).Add(tenant_id).Add(cutoff.micros)));
  if (check.rows() == 0) return NotFound("household_not_found", "household not found");
  if (!check.Bool(0, 0))
    return FailedPrecondition("not_erasable", "household is not archived before the cutoff");
  ports::ErasureCounts counts;
  counts.persons = check.Int(0, 1);
  REGIE_RETURN_IF_ERROR(conn_.Exec(kGrantErasure, Params().Add(id)).status());
  for (std::string_view sql : kEraseHousehold) {
    REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(sql, Params().Add(id)));
    counts.rows += r.affected();
  }
  REGIE_RETURN_IF_ERROR(conn_.Exec(kEndErasure).status());
  return counts;
}

StatusOr<std::vector<ports::ErasablePackage>> PgRetention::UnacceptedPackagesBefore(
    int64_t tenant_id, core::Timestamp cutoff, int limit) {
  if (limit < 1) return InvalidArgument("invalid_limit", "limit must be at least 1");
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec(kListUnacceptedPackages,
                           Params().Add(tenant_id).Add(cutoff.micros).Add(int64_t{limit})));
  std::vector<ports::ErasablePackage> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back({r.Int(i, 0), {r.Int(i, 1)}});
  return out;
}

Status PgRetention::ErasePackage(int64_t tenant_id, int64_t id, core::Timestamp cutoff) {
  REGIE_ASSIGN_OR_RETURN(Result check,
                         conn_.Exec(std::string(kIsUnacceptedPackage) + " FOR UPDATE",
                                    Params().Add(cutoff.micros).Add(id).Add(tenant_id)));
  if (check.rows() == 0) return NotFound("package_not_found", "handover package not found");
  if (!check.Bool(0, 0))
    return FailedPrecondition(
        "not_erasable", "package is not an unaccepted incoming package from before the cutoff");
  REGIE_RETURN_IF_ERROR(conn_.Exec(kGrantErasure, Params().Add(int64_t{0})).status());
  REGIE_RETURN_IF_ERROR(
      conn_.Exec("DELETE FROM handover_packages WHERE id = $1", Params().Add(id)).status());
  return conn_.Exec(kEndErasure).status();
}

}  // namespace regie::storage::postgres
