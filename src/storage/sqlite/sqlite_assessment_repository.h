#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ports/casework_repositories.h"
#include "storage/sqlite/sqlite_handle.h"

namespace regie::storage::sqlite {

// Assessments over one connection inside an open transaction (see
// sqlite_repositories.h). Writers are serialised by BEGIN IMMEDIATE, so the
// reference checks before the insert cannot race; triggers refuse any
// change but one voiding.
class SqliteAssessments final : public ports::AssessmentRepository {
 public:
  explicit SqliteAssessments(Connection& conn) : conn_(conn) {}
  StatusOr<core::Assessment> Create(const core::Assessment& assessment, int64_t event_id) override;
  StatusOr<std::vector<core::Assessment>> ListByPerson(int64_t tenant_id,
                                                       int64_t person_id) override;
  StatusOr<Voided> Void(int64_t tenant_id, int64_t assessment_id, int64_t by_user,
                        const std::string& reason, core::Timestamp at) override;

 private:
  Status RequirePerson(int64_t tenant_id, int64_t person_id);
  // The assessments selected by `where` (bound ?1 = tenant, ?2 = id) with
  // their items, oldest first.
  StatusOr<std::vector<Voided>> Select(std::string_view where, int64_t tenant_id, int64_t id);
  Connection& conn_;
};

}  // namespace regie::storage::sqlite
