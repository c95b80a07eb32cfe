#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ports/casework_repositories.h"
#include "storage/postgres/pg_handle.h"

namespace regie::storage::postgres {

// Assessments over one connection inside an open transaction. Same
// observable behaviour as SqliteAssessments. References are checked before
// the insert, so no statement fails on a foreign key (which would abort
// the caller's transaction); voiding locks the row, so two concurrent voids
// cannot both succeed.
class PgAssessments final : public ports::AssessmentRepository {
 public:
  explicit PgAssessments(Connection& conn) : conn_(conn) {}
  StatusOr<core::Assessment> Create(const core::Assessment& assessment, int64_t event_id) override;
  StatusOr<std::vector<core::Assessment>> ListByPerson(int64_t tenant_id,
                                                       int64_t person_id) override;
  StatusOr<Voided> Void(int64_t tenant_id, int64_t assessment_id, int64_t by_user,
                        const std::string& reason, core::Timestamp at) override;

 private:
  Status RequirePerson(int64_t tenant_id, int64_t person_id);
  // The assessments selected by `where` ($1 = tenant, $2 = id) with their
  // items, oldest first; `lock` adds FOR UPDATE.
  StatusOr<std::vector<Voided>> Select(std::string_view where, int64_t tenant_id, int64_t id,
                                       bool lock = false);
  Connection& conn_;
};

}  // namespace regie::storage::postgres
