#include "http/worklist_signals.h"

#include <set>

#include "http/signal_support.h"

namespace regie::http {

using nlohmann::json;

StatusOr<std::vector<std::pair<core::Date, json>>> SignalWorkItems(const ApiContext& ctx,
                                                                   ports::Transaction& tx,
                                                                   const Caller& caller,
                                                                   int64_t tenant_id,
                                                                   core::CategorySet& categories) {
  const core::Principal& p = caller.principal;
  const core::Date today = ctx.clock.Today();
  // Routed to the caller's organisation (not the ones they merely filed).
  REGIE_ASSIGN_OR_RETURN(std::vector<core::Signal> routed,
                         tx.Signals().ListForCaller(tenant_id, p.organisation_id, 0, true));
  std::vector<core::Signal> candidates;
  std::set<int64_t> seen;
  for (core::Signal& s : routed)
    if (s.routed_organisation_id == p.organisation_id && seen.insert(s.id).second)
      candidates.push_back(std::move(s));
  if (p.Has(core::Role::kRegisseur)) {
    REGIE_ASSIGN_OR_RETURN(std::vector<core::Signal> directed,
                           tx.Signals().ListOpenOfRegisseur(tenant_id, p.user_id));
    for (core::Signal& s : directed)
      if (core::IsEscalated(s, today) && seen.insert(s.id).second)
        candidates.push_back(std::move(s));
  }
  SignalReader reader(ctx, tx, caller);
  std::vector<std::pair<core::Date, json>> out;
  out.reserve(candidates.size());
  for (const core::Signal& s : candidates) {
    REGIE_ASSIGN_OR_RETURN(SignalAccess a, reader.Decide(s));
    const std::optional<core::Date> due = core::SignalDueDate(s);
    if (!a.decision.allowed || !due) continue;
    if (a.decision.description) categories.Add(a.category);
    REGIE_ASSIGN_OR_RETURN(json j, reader.Json(s, a, nullptr));
    out.emplace_back(*due, json{{"household", j["household"]},
                                {"person", nullptr},
                                {"kind", "signal"},
                                {"id", s.id},
                                // Only with the content (signal_support.h);
                                // the routed organisation and the
                                // household's regisseur always see it.
                                {"category", j.value("category", json())},
                                {"urgency", j["urgency"]},
                                {"state", j["state"]},
                                {"escalated", j["escalated"]},
                                {"routed_to", j.value("routed_to", json())},
                                {"due_date", due->ToString()}});
  }
  return out;
}

}  // namespace regie::http
