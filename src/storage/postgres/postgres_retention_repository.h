#pragma once

#include <cstdint>
#include <vector>

#include "ports/retention_repository.h"
#include "storage/postgres/pg_handle.h"

namespace regie::storage::postgres {

// Erasure at the end of the retention period over one connection inside an
// open write transaction. Same observable behaviour as SqliteRetention; the
// household (or package) row is locked before the check, so a concurrent
// reopen either commits first and is seen, or waits for the erasure.
class PgRetention final : public ports::RetentionRepository {
 public:
  explicit PgRetention(Connection& conn) : conn_(conn) {}
  StatusOr<std::vector<ports::ErasableHousehold>> ArchivedBefore(int64_t tenant_id,
                                                                 core::Timestamp cutoff,
                                                                 int limit) override;
  StatusOr<ports::ErasureCounts> EraseHousehold(int64_t tenant_id, int64_t id,
                                                core::Timestamp cutoff) override;
  StatusOr<std::vector<ports::ErasablePackage>> UnacceptedPackagesBefore(int64_t tenant_id,
                                                                         core::Timestamp cutoff,
                                                                         int limit) override;
  Status ErasePackage(int64_t tenant_id, int64_t id, core::Timestamp cutoff) override;

 private:
  Connection& conn_;
};

}  // namespace regie::storage::postgres
