#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ports/policy_repositories.h"
#include "storage/postgres/pg_handle.h"

namespace regie::storage::postgres {

// The policy issue's repository (person events, pack activations) over one
// connection inside an open transaction (see postgres_repositories.h). Same
// observable behaviour as SqlitePolicy. No statement here may fail on a
// foreign key (that would abort the caller's transaction): inserts take
// their references from the rows they name and report a missing one
// afterwards. Voiding is a compare-and-set on voided_at; replacing the
// activations locks the tenant row, so two replacements run one after the
// other instead of merging.
class PgPolicy final : public ports::PolicyRepository {
 public:
  explicit PgPolicy(Connection& conn) : conn_(conn) {}
  StatusOr<ports::StoredEvent> RecordEvent(const ports::StoredEvent& event) override;
  StatusOr<std::vector<ports::StoredEvent>> EventsOfPerson(int64_t tenant_id,
                                                           int64_t person_id) override;
  StatusOr<std::vector<ports::StoredEvent>> EventsOfHousehold(int64_t tenant_id,
                                                              int64_t household_id) override;
  StatusOr<std::vector<ports::StoredEvent>> EventsOfPersons(int64_t tenant_id,
                                                            int64_t after_person_id,
                                                            int64_t last_person_id) override;
  StatusOr<ports::StoredEvent> VoidEvent(int64_t tenant_id, int64_t event_id, int64_t by_user,
                                         const std::string& reason, core::Timestamp now) override;
  StatusOr<std::vector<ports::StoredActivation>> Activations(int64_t tenant_id) override;
  Status ReplaceActivations(int64_t tenant_id,
                            const std::vector<ports::StoredActivation>& activations) override;

 private:
  StatusOr<ports::StoredEvent> GetEvent(int64_t tenant_id, int64_t event_id);
  Connection& conn_;
};

}  // namespace regie::storage::postgres
