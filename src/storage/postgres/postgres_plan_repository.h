#pragma once

#include <cstdint>
#include <vector>

#include "ports/casework_repositories.h"
#include "storage/postgres/pg_handle.h"

namespace regie::storage::postgres {

// Versioned plans over one connection inside an open transaction (see
// postgres_repositories.h). Same observable behaviour as SqlitePlans.
// LockCurrentVersion takes the `plans` row FOR UPDATE, so a concurrent
// save waits and then sees the new version; Save bumps the row only from
// the expected version, and a first save that races another first save
// loses on the primary key of `plans` (INSERT ... ON CONFLICT DO NOTHING,
// so the transaction is not aborted) and answers plan_version_conflict.
class PgPlans final : public ports::PlanRepository {
 public:
  explicit PgPlans(Connection& conn) : conn_(conn) {}
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

}  // namespace regie::storage::postgres
