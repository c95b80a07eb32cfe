#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ports/policy_repositories.h"
#include "storage/sqlite/sqlite_handle.h"

namespace regie::storage::sqlite {

// The policy issue's repository (person events, pack activations) over one
// connection inside an open transaction (see sqlite_repositories.h).
// Writers are serialised by BEGIN IMMEDIATE, so a check followed by a write
// cannot race; every reference is checked before the write, so no foreign
// key failure leaves a statement half done.
class SqlitePolicy final : public ports::PolicyRepository {
 public:
  explicit SqlitePolicy(Connection& conn) : conn_(conn) {}
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
  // Runs an event SELECT bound with ?1 = a, ?2 = b (and ?3 = c) and
  // collects every row.
  StatusOr<std::vector<ports::StoredEvent>> Collect(std::string_view sql, int64_t a, int64_t b,
                                                    std::optional<int64_t> c = std::nullopt);
  Connection& conn_;
};

}  // namespace regie::storage::sqlite
