#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/access/access_model.h"
#include "core/casework/referral.h"
#include "core/date.h"

// Demo referrals: a few per demo tenant in every state, one overdue, so the
// household page, the partners' referrals page and the worklist have
// something to show. Deterministic: a pure function of the household's
// position within its tenant. Each is made along an existing demo sharing
// basis, so its package is covered as a real one must be.
namespace regie::core {

struct DemoReferral {
  ReferralState state = ReferralState::kVoorgesteld;
  int created_days_ago = 0;
  int decided_days_ago = 0;    // geaccepteerd, afgewezen, ingetrokken, afgerond
  int completed_days_ago = 0;  // afgerond
  std::string note;            // the reject or withdraw reason, or the completion note
};

// The referral for the `ordinal`-th household (0-based) of its tenant when
// ordinal is a multiple of kDemoReferralEvery and the tenant has `made`
// fewer than kDemoReferralsPerTenant so far; none otherwise. Counting what
// was made (a household without a suitable basis gets none) keeps every
// state in each tenant's demo.
inline constexpr int kDemoReferralEvery = 3;
inline constexpr int kDemoReferralsPerTenant = 6;
std::optional<DemoReferral> DemoReferralFor(int ordinal, int made);

// The reason a regisseur would give for referring a person with `package`.
std::string DemoReferralReason(const CategorySet& package);

}  // namespace regie::core
