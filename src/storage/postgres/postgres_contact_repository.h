#pragma once

#include <cstdint>
#include <vector>

#include "ports/casework_repositories.h"
#include "storage/postgres/pg_handle.h"

namespace regie::storage::postgres {

// Contact moments over one connection inside an open transaction (see
// postgres_repositories.h). Same observable behaviour as SqliteContacts.
// References are checked before the insert, so no statement fails on a
// foreign key (which would abort the caller's transaction); a household
// or person cannot disappear meanwhile, as neither is ever deleted.
class PgContacts final : public ports::ContactRepository {
 public:
  explicit PgContacts(Connection& conn) : conn_(conn) {}
  StatusOr<core::Contact> Create(const core::Contact& contact) override;
  StatusOr<std::vector<core::Contact>> ListByHousehold(int64_t tenant_id,
                                                       int64_t household_id) override;

 private:
  Status RequireHousehold(int64_t tenant_id, int64_t household_id);
  Connection& conn_;
};

}  // namespace regie::storage::postgres
