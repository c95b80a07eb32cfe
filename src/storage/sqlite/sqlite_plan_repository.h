#pragma once

#include <cstdint>
#include <vector>

#include "ports/casework_repositories.h"
#include "storage/sqlite/sqlite_handle.h"

namespace regie::storage::sqlite {

// Versioned plans over one connection inside an open transaction (see
// sqlite_repositories.h). Writers are serialised by BEGIN IMMEDIATE, so
// the version read by LockCurrentVersion stays current until commit; Save
// still bumps `plans` only from the expected version, and the primary key
// of plan_versions refuses a second version with the same number.
class SqlitePlans final : public ports::PlanRepository {
 public:
  explicit SqlitePlans(Connection& conn) : conn_(conn) {}
  StatusOr<int64_t> LockCurrentVersion(int64_t tenant_id, int64_t household_id) override;
  StatusOr<core::Plan> Get(int64_t tenant_id, int64_t household_id, int64_t version) override;
  StatusOr<std::vector<core::PlanVersionInfo>> ListVersions(int64_t tenant_id,
                                                            int64_t household_id) override;
  StatusOr<core::Plan> Save(const core::Plan& plan) override;
  StatusOr<core::PlanAgreement> AddAgreement(const core::PlanAgreement& agreement) override;
  StatusOr<std::vector<core::PlanAgreement>> ListAgreements(int64_t tenant_id,
                                                            int64_t household_id) override;
  StatusOr<std::vector<ports::DueAction>> DueActions(int64_t tenant_id, ports::DueActionScope scope,
                                                     int64_t id, core::Date due_by,
                                                     int limit) override;

 private:
  Status RequireHousehold(int64_t tenant_id, int64_t household_id);
  StatusOr<int64_t> CurrentVersion(int64_t household_id);
  Connection& conn_;
};

}  // namespace regie::storage::sqlite
