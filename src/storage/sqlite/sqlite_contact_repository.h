#pragma once

#include <cstdint>
#include <vector>

#include "ports/casework_repositories.h"
#include "storage/sqlite/sqlite_handle.h"

namespace regie::storage::sqlite {

// Contact moments over one connection inside an open transaction (see
// sqlite_repositories.h). Writers are serialised by BEGIN IMMEDIATE, so the
// reference checks before the insert cannot race, and a failed check
// leaves nothing written.
class SqliteContacts final : public ports::ContactRepository {
 public:
  explicit SqliteContacts(Connection& conn) : conn_(conn) {}
  StatusOr<core::Contact> Create(const core::Contact& contact) override;
  StatusOr<std::vector<core::Contact>> ListByHousehold(int64_t tenant_id,
                                                       int64_t household_id) override;

 private:
  Status RequireHousehold(int64_t tenant_id, int64_t household_id);
  Connection& conn_;
};

}  // namespace regie::storage::sqlite
