#pragma once

#include <cstdint>
#include <vector>

#include "ports/casework_repositories.h"
#include "storage/sqlite/sqlite_handle.h"

namespace regie::storage::sqlite {

// Versioned intakes over one connection inside an open transaction (see
// sqlite_repositories.h). Writers are serialised by BEGIN IMMEDIATE, so the
// version read by LockCurrentVersion stays current until commit; Save
// still bumps `intakes` only from the expected version, and the primary
// key of intake_versions refuses a second version with the same number.
class SqliteIntakes final : public ports::IntakeRepository {
 public:
  explicit SqliteIntakes(Connection& conn) : conn_(conn) {}
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

}  // namespace regie::storage::sqlite
