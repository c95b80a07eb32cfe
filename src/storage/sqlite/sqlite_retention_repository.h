#pragma once

#include <cstdint>
#include <vector>

#include "ports/retention_repository.h"
#include "storage/sqlite/sqlite_handle.h"

namespace regie::storage::sqlite {

// Erasure at the end of the retention period over one connection inside an
// open write transaction (BEGIN IMMEDIATE, so the checks cannot race).
//
// SQLite has no deferred triggers, so the commit-time guard PostgreSQL's
// erasure_grant_ends gives lives here: an erase that fails after taking the
// grant leaves grant_held() true, and the transaction refuses to commit
// (a committed grant would lift the append-only guards for everyone).
class SqliteRetention final : public ports::RetentionRepository {
 public:
  explicit SqliteRetention(Connection& conn) : conn_(conn) {}
  bool grant_held() const { return grant_held_; }
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
  // Runs `sql` with the household id as $1 and returns the rows it changed.
  StatusOr<int64_t> Run(std::string_view sql, int64_t household_id);

  // Takes and gives back the erasure grant (erasure_grant's row).
  Status Grant(int64_t household_id);
  Status EndGrant();

  Connection& conn_;
  bool grant_held_ = false;
};

}  // namespace regie::storage::sqlite
