#include "http/referral_worklist.h"

#include <set>

#include "http/referral_support.h"

namespace regie::http {

using nlohmann::json;

StatusOr<std::vector<std::pair<core::Date, json>>> ReferralWorkItems(
    const ApiContext& ctx, ports::Transaction& tx, const Caller& caller, int64_t tenant_id,
    core::Date on, core::CategorySet& categories) {
  const core::Principal& p = caller.principal;
  REGIE_ASSIGN_OR_RETURN(std::vector<core::Referral> incoming,
                         tx.Referrals().ListForOrganisation(tenant_id, p.organisation_id,
                                                            /*incoming=*/true, /*open_only=*/true));
  REGIE_ASSIGN_OR_RETURN(
      std::vector<core::Referral> outgoing,
      tx.Referrals().ListForOrganisation(tenant_id, p.organisation_id,
                                         /*incoming=*/false, /*open_only=*/true));
  ReferralReader reader(ctx, tx, caller);
  std::vector<std::pair<core::Date, json>> out;
  std::set<int64_t> seen;
  auto add = [&](const core::Referral& r, bool awaiting_us) -> Status {
    const std::optional<core::Date> due = core::ReferralDueDate(r);
    if (!due || !seen.insert(r.id).second) return Status::Ok();
    // Outgoing proposals only once the receiver is late.
    if (!awaiting_us && !(on > *due)) return Status::Ok();
    REGIE_ASSIGN_OR_RETURN(ReferralAccess a, reader.Decide(r));
    if (!a.decision.allowed || (!awaiting_us && !a.decision.may_withdraw)) return Status::Ok();
    categories.Add(core::DataCategory::kBasis);
    REGIE_ASSIGN_OR_RETURN(json j, reader.Json(r, a, nullptr));
    out.emplace_back(*due, json{{"household", j["household"]},
                                {"person", nullptr},
                                {"persons", j["persons"]},
                                {"kind", "referral"},
                                {"id", r.id},
                                {"direction", awaiting_us ? "incoming" : "outgoing"},
                                {"state", j["state"]},
                                {"package", j["package"]},
                                {"from_organisation", j["from_organisation"]},
                                {"to_organisation", j["to_organisation"]},
                                {"overdue", on > *due},
                                {"due_date", due->ToString()}});
    return Status::Ok();
  };
  for (const core::Referral& r : incoming) REGIE_RETURN_IF_ERROR(add(r, true));
  for (const core::Referral& r : outgoing) REGIE_RETURN_IF_ERROR(add(r, false));
  return out;
}

}  // namespace regie::http
