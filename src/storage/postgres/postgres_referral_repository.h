#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "ports/casework_repositories.h"
#include "storage/postgres/pg_handle.h"

namespace regie::storage::postgres {

// Referrals over one connection inside an open transaction (see
// postgres_repositories.h). Same observable behaviour as SqliteReferrals.
// A transition's UPDATE carries the expected version, so of two concurrent
// transitions (accept and withdraw) the second waits for the first's row
// lock, then finds no row of that version and reports a conflict.
class PgReferrals final : public ports::ReferralRepository {
 public:
  explicit PgReferrals(Connection& conn) : conn_(conn) {}
  StatusOr<core::Referral> Create(const core::Referral& referral) override;
  StatusOr<core::Referral> Get(int64_t tenant_id, int64_t referral_id) override;
  Status Apply(const core::Referral& next, const core::ReferralEvent& event) override;
  StatusOr<std::vector<core::Referral>> ListByHousehold(int64_t tenant_id,
                                                        int64_t household_id) override;
  StatusOr<std::vector<core::Referral>> ListForOrganisation(int64_t tenant_id,
                                                            int64_t organisation_id, bool incoming,
                                                            bool open_only) override;
  StatusOr<std::vector<core::ReferralEvent>> History(int64_t tenant_id,
                                                     int64_t referral_id) override;

 private:
  Status AppendEvent(int64_t tenant_id, const core::ReferralEvent& event);
  StatusOr<std::vector<core::Referral>> Query(std::string_view sql, const Params& params);
  Connection& conn_;
};

}  // namespace regie::storage::postgres
