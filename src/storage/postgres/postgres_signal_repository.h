#pragma once

#include <cstdint>
#include <vector>

#include "ports/casework_repositories.h"
#include "storage/postgres/pg_handle.h"

namespace regie::storage::postgres {

// Signals over one connection inside an open transaction (see
// postgres_repositories.h). Same observable behaviour as SqliteSignals.
// References are checked before the insert, so no statement fails on a
// foreign key; a transition's UPDATE carries the expected version, so of two
// concurrent transitions the second finds no row and reports a conflict.
class PgSignals final : public ports::SignalRepository {
 public:
  explicit PgSignals(Connection& conn) : conn_(conn) {}
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
  // Runs a signal SELECT (kColumns, then the persons as a bigint[]).
  StatusOr<std::vector<core::Signal>> Query(std::string_view sql, const Params& params);
  Connection& conn_;
};

}  // namespace regie::storage::postgres
