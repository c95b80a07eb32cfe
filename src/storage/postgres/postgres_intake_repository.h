#pragma once

#include <cstdint>
#include <vector>

#include "ports/casework_repositories.h"
#include "storage/postgres/pg_handle.h"

namespace regie::storage::postgres {

// Versioned intakes over one connection inside an open transaction (see
// postgres_repositories.h). Same observable behaviour as SqliteIntakes.
// LockCurrentVersion takes the `intakes` row FOR UPDATE, so a concurrent
// save waits and then sees the new version; Save bumps the row only from
// the expected version, and a first save that races another first save
// loses on the primary key of `intakes` (INSERT ... ON CONFLICT DO
// NOTHING, so the transaction is not aborted) and answers
// intake_version_conflict.
class PgIntakes final : public ports::IntakeRepository {
 public:
  explicit PgIntakes(Connection& conn) : conn_(conn) {}
  StatusOr<int64_t> LockCurrentVersion(int64_t tenant_id, int64_t person_id) override;
  StatusOr<core::Intake> Get(int64_t tenant_id, int64_t person_id, int64_t version) override;
  StatusOr<std::vector<core::IntakeVersionInfo>> ListVersions(int64_t tenant_id,
                                                              int64_t person_id) override;
  StatusOr<core::Intake> Save(const core::Intake& intake) override;

 private:
  Status RequirePerson(int64_t tenant_id, int64_t person_id);
  StatusOr<int64_t> CurrentVersion(int64_t person_id);
  Connection& conn_;
};

}  // namespace regie::storage::postgres
