#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "core/casework/signal.h"
#include "core/casework/signal_routing.h"
#include "http/caller.h"
#include "http/context.h"

// What the signal routes and the worklist share: the access decision per
// signal (core::DecideSignal over its household's facts) and the JSON of a
// signal filtered by that decision, in the server.
namespace regie::http {

struct SignalAccess {
  core::SignalDecision decision;
  core::DataCategory category = core::DataCategory::kNotities;  // of its content
  core::HouseholdFacts facts;
};

// One request's view on signals: caches the households' facts, names and
// organisation names it reads, so a list of many signals of few households
// reads each once. Lives for one transaction.
class SignalReader {
 public:
  SignalReader(const ApiContext& ctx, ports::Transaction& tx, const Caller& caller)
      : ctx_(ctx), tx_(tx), caller_(caller) {}

  // A signal about the whole household (no persons named) is decided over
  // every person of the household: its content shows only to whom sees the
  // category for each of them.
  StatusOr<SignalAccess> Decide(const core::Signal& signal);

  // The signal as `access` lets the caller see it (docs/api-contract.md,
  // "Signals"): description, category and content_category only with
  // decision.description; result,
  // history notes only with decision.follow_up; allowed_actions from
  // core::AllowedSignalActions. `history` is added when given.
  StatusOr<nlohmann::json> Json(const core::Signal& signal, const SignalAccess& access,
                                const std::vector<core::SignalEvent>* history);

  // {"id", "name"} of an organisation (id only if it cannot be read).
  nlohmann::json OrganisationRef(int64_t organisation_id);

  // An audit record of the caller's `action` on signal `signal_id` of
  // `access`'s household: categories = the content category when content
  // is shown, else basis; purpose = the decision's reason.
  core::AuditRecord Audit(const SignalAccess& access, std::string action,
                          const std::string& signal_id) const;

 private:
  StatusOr<const core::HouseholdFacts*> Facts(int64_t tenant_id, int64_t household_id);
  StatusOr<std::string> HouseholdName(int64_t tenant_id, int64_t household_id);
  StatusOr<const std::vector<int64_t>*> PersonIds(int64_t tenant_id, int64_t household_id);

  const ApiContext& ctx_;
  ports::Transaction& tx_;
  const Caller& caller_;
  std::map<int64_t, core::HouseholdFacts> facts_;
  std::map<int64_t, std::string> household_names_;
  std::map<int64_t, std::vector<int64_t>> person_ids_;  // household id -> its persons
  std::map<int64_t, nlohmann::json> organisations_;
};

// The default routing (core::SignalRouting::Defaults()); one instance.
const core::SignalRouting& SignalRoutingConfig();

}  // namespace regie::http
