#pragma once

#include <cstdint>
#include <vector>

#include "ports/casework_repositories.h"
#include "storage/sqlite/sqlite_handle.h"

namespace regie::storage::sqlite {

// Referrals over one connection inside an open transaction (see
// sqlite_repositories.h). Writers are serialised by BEGIN IMMEDIATE, so the
// reference checks and the version check before a write cannot race.
class SqliteReferrals final : public ports::ReferralRepository {
 public:
  explicit SqliteReferrals(Connection& conn) : conn_(conn) {}
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
  // Steps a bound SELECT of the referral columns and loads each one's persons.
  StatusOr<std::vector<core::Referral>> Query(Stmt& s);
  Connection& conn_;
};

}  // namespace regie::storage::sqlite
