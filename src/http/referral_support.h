#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/casework/referral.h"
#include "core/policy/model.h"
#include "http/caller.h"
#include "http/context.h"

// What the referral routes and the worklist share: the access decision per
// referral (core::DecideReferral over its household's facts) and the JSON of
// a referral filtered by that decision, in the server.
namespace regie::http {

struct ReferralAccess {
  core::ReferralDecision decision;
  core::HouseholdFacts facts;
};

// One request's view on referrals: caches the households' facts and names,
// persons and organisations it reads, so a list of many referrals of few
// households reads each once. Lives for one transaction.
class ReferralReader {
 public:
  ReferralReader(const ApiContext& ctx, ports::Transaction& tx, const Caller& caller)
      : ctx_(ctx), tx_(tx), caller_(caller) {}

  StatusOr<ReferralAccess> Decide(const core::Referral& referral);

  // The referral as `access` lets the caller see it (docs/api-contract.md,
  // "Referrals"): the reason, checklist, notes and history only with
  // decision.full; allowed_actions from core::AllowedReferralActions.
  StatusOr<nlohmann::json> Json(const core::Referral& referral, const ReferralAccess& access,
                                const std::vector<core::ReferralEvent>* history);

  // {"id", "name", "kind"} of an organisation (id only if it cannot be read).
  nlohmann::json OrganisationRef(int64_t organisation_id);

  // "Voornamen Achternaam" of a person of the tenant ("" if it cannot be read).
  std::string PersonName(int64_t tenant_id, int64_t person_id);

  // An audit record of the caller's `action` on referral `referral_id`:
  // categories basis (the names) and, with decision.full, notities (the
  // reason and notes); purpose = the decision's reason.
  core::AuditRecord Audit(const ReferralAccess& access, std::string action,
                          const std::string& referral_id) const;

 private:
  StatusOr<const core::HouseholdFacts*> Facts(int64_t tenant_id, int64_t household_id);
  StatusOr<std::string> HouseholdName(int64_t tenant_id, int64_t household_id);

  const ApiContext& ctx_;
  ports::Transaction& tx_;
  const Caller& caller_;
  std::map<int64_t, core::HouseholdFacts> facts_;
  std::map<int64_t, std::string> household_names_;
  std::map<int64_t, std::string> person_names_;
  std::map<int64_t, nlohmann::json> organisations_;
};

// The warm-handover templates of the tenant's active policy packs, in pack
// order (a later pack's template replaces an earlier one of the same id).
StatusOr<std::vector<core::policy::WarmHandoverTemplate>> TenantHandovers(const ApiContext& ctx,
                                                                          ports::Transaction& tx,
                                                                          int64_t tenant_id);

nlohmann::json HandoverJson(const core::policy::WarmHandoverTemplate& handover);

}  // namespace regie::http
