#pragma once

#include <cstdint>
#include <vector>

#include "ports/casework_repositories.h"
#include "storage/sqlite/sqlite_handle.h"

namespace regie::storage::sqlite {

// Signals over one connection inside an open transaction (see
// sqlite_repositories.h). Writers are serialised by BEGIN IMMEDIATE, so the
// reference checks and the version check before a write cannot race.
class SqliteSignals final : public ports::SignalRepository {
 public:
  explicit SqliteSignals(Connection& conn) : conn_(conn) {}
  StatusOr<core::Signal> Create(const core::Signal& signal) override;
  StatusOr<core::Signal> Get(int64_t tenant_id, int64_t signal_id) override;
  Status Apply(const core::Signal& next, const core::SignalEvent& event) override;
  StatusOr<std::vector<core::Signal>> ListByHousehold(int64_t tenant_id,
                                                      int64_t household_id) override;
  StatusOr<std::vector<core::Signal>> ListForCaller(int64_t tenant_id, int64_t organisation_id,
                                                    int64_t reporter_user_id,
                                                    bool open_only) override;
  StatusOr<std::vector<core::Signal>> ListOpenOfRegisseur(int64_t tenant_id,
                                                          int64_t regisseur_user_id) override;
  StatusOr<std::vector<core::SignalEvent>> History(int64_t tenant_id, int64_t signal_id) override;

 private:
  Status RequireHousehold(int64_t tenant_id, int64_t household_id);
  StatusOr<bool> OrganisationServes(int64_t organisation_id, int64_t tenant_id);
  Status AppendEvent(const core::SignalEvent& event);
  // Steps a bound SELECT of the signal columns and loads each signal's
  // persons.
  StatusOr<std::vector<core::Signal>> Query(Stmt& s);
  Connection& conn_;
};

}  // namespace regie::storage::sqlite
