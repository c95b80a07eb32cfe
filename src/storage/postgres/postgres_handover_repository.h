#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ports/handover_repositories.h"
#include "storage/postgres/pg_handle.h"

namespace regie::storage::postgres {

// Handover keys and packages over one connection inside an open
// transaction (see postgres_repositories.h). Same observable behaviour as
// SqliteHandovers; uniqueness clashes run in a savepoint (ExecIsolated) so
// a Conflict leaves the caller's transaction usable, and Decide updates
// only a row still pending, so of two concurrent decisions one wins.
class PgHandovers final : public ports::HandoverRepository {
 public:
  explicit PgHandovers(Connection& conn) : conn_(conn) {}
  StatusOr<std::optional<ports::SigningKey>> GetSigningKey() override;
  Status StoreSigningKey(const ports::SigningKey& key) override;
  StatusOr<ports::TrustedKey> AddTrustedKey(const ports::TrustedKey& key) override;
  StatusOr<std::optional<ports::TrustedKey>> FindTrustedKey(int64_t tenant_id,
                                                            const std::string& key_id) override;
  StatusOr<std::vector<ports::TrustedKey>> ListTrustedKeys(int64_t tenant_id) override;
  StatusOr<ports::HandoverRecord> Insert(const ports::HandoverRecord& record) override;
  StatusOr<ports::HandoverRecord> Get(int64_t tenant_id, int64_t id) override;
  StatusOr<std::optional<ports::HandoverRecord>> Find(int64_t tenant_id,
                                                      ports::HandoverDirection direction,
                                                      const std::string& package_id) override;
  StatusOr<std::optional<ports::HandoverRecord>> FindByHousehold(int64_t tenant_id,
                                                                 int64_t household_id) override;
  StatusOr<std::vector<ports::HandoverRecord>> List(int64_t tenant_id,
                                                    ports::HandoverDirection direction) override;
  StatusOr<ports::HandoverRecord> Decide(int64_t tenant_id, int64_t id,
                                         ports::HandoverStatus status, int64_t household_id,
                                         int64_t by_user, const std::string& reason,
                                         core::Timestamp at) override;
  StatusOr<ports::HandoverRecord> MarkReturned(int64_t tenant_id, int64_t id, int64_t by_user,
                                               const std::string& reason,
                                               core::Timestamp at) override;

 private:
  // Writes `decided`'s status and household with the decision (who, when,
  // why) if the row still has status `from` (of two concurrent decisions
  // one wins); false when it no longer had.
  StatusOr<bool> Record(const ports::HandoverRecord& decided, ports::HandoverStatus from,
                        int64_t by_user, const std::string& reason, core::Timestamp at);
  StatusOr<std::vector<ports::HandoverRecord>> Query(std::string_view where, const Params& params);
  Connection& conn_;
};

}  // namespace regie::storage::postgres
