#include "http/signal_support.h"

#include "http/household_view.h"

namespace regie::http {

using nlohmann::json;

const core::SignalRouting& SignalRoutingConfig() {
  static const core::SignalRouting kRouting = core::SignalRouting::Defaults();
  return kRouting;
}

StatusOr<const core::HouseholdFacts*> SignalReader::Facts(int64_t tenant_id, int64_t household_id) {
  auto it = facts_.find(household_id);
  if (it == facts_.end()) {
    REGIE_ASSIGN_OR_RETURN(core::HouseholdFacts f,
                           tx_.Access().Facts(tenant_id, household_id, caller_.principal.user_id));
    it = facts_.emplace(household_id, std::move(f)).first;
  }
  return &it->second;
}

StatusOr<std::string> SignalReader::HouseholdName(int64_t tenant_id, int64_t household_id) {
  auto it = household_names_.find(household_id);
  if (it == household_names_.end()) {
    REGIE_ASSIGN_OR_RETURN(core::Household h, tx_.Households().Get(tenant_id, household_id));
    it = household_names_.emplace(household_id, h.data.name).first;
  }
  return it->second;
}

StatusOr<const std::vector<int64_t>*> SignalReader::PersonIds(int64_t tenant_id,
                                                              int64_t household_id) {
  auto it = person_ids_.find(household_id);
  if (it == person_ids_.end()) {
    REGIE_ASSIGN_OR_RETURN(std::vector<core::Person> persons,
                           tx_.Persons().ListByHousehold(tenant_id, household_id));
    std::vector<int64_t> ids;
    ids.reserve(persons.size());
    for (const core::Person& p : persons) ids.push_back(p.id);
    it = person_ids_.emplace(household_id, std::move(ids)).first;
  }
  return &it->second;
}

StatusOr<SignalAccess> SignalReader::Decide(const core::Signal& signal) {
  SignalAccess a;
  a.category = ctx_.fields.Of(core::SignalRecordType(signal.data.category));
  REGIE_ASSIGN_OR_RETURN(const core::HouseholdFacts* facts,
                         Facts(signal.tenant_id, signal.data.household_id));
  a.facts = *facts;
  core::SignalFacts about = core::FactsOfSignal(signal, a.category);
  // None named is the whole household: every person of it, as of now. The
  // facts list no persons, and per-person visibility (a partner's bases)
  // must cover each of them before the content shows.
  if (about.person_ids.empty()) {
    REGIE_ASSIGN_OR_RETURN(const std::vector<int64_t>* ids,
                           PersonIds(signal.tenant_id, signal.data.household_id));
    about.person_ids = *ids;
  }
  a.decision = core::DecideSignal(caller_.principal, a.facts, about, ctx_.clock.Now());
  return a;
}

json SignalReader::OrganisationRef(int64_t organisation_id) {
  auto it = organisations_.find(organisation_id);
  if (it != organisations_.end()) return it->second;
  json ref = {{"id", organisation_id}};
  if (auto o = tx_.Organisations().GetById(organisation_id); o.ok()) {
    ref["name"] = o->data.name;
    ref["kind"] = core::ToCode(o->data.kind);
  }
  organisations_.emplace(organisation_id, ref);
  return ref;
}

StatusOr<json> SignalReader::Json(const core::Signal& s, const SignalAccess& access,
                                  const std::vector<core::SignalEvent>* history) {
  const core::SignalDecision& d = access.decision;
  const core::Date today = ctx_.clock.Today();
  auto date = [](const std::optional<core::Date>& v) { return v ? json(v->ToString()) : json(); };
  auto stamp = [](const std::optional<core::Timestamp>& v) {
    return v ? json(v->ToString()) : json();
  };
  REGIE_ASSIGN_OR_RETURN(std::string name, HouseholdName(s.tenant_id, s.data.household_id));
  json actions = json::array();
  for (core::SignalAction a : core::AllowedSignalActions(d, s.state))
    actions.push_back(core::ToCode(a));
  json out = {{"id", s.id},
              {"household", {{"id", s.data.household_id}, {"name", name}}},
              {"person_ids", s.data.person_ids},
              {"urgency", core::ToCode(s.data.urgency)},
              {"state", core::ToCode(s.state)},
              {"escalated", core::IsEscalated(s, today)},
              {"due_date", date(core::SignalDueDate(s))},
              {"filed_at", s.filed_at.ToString()},
              {"acknowledge_due", s.acknowledge_due.ToString()},
              {"follow_up_due", date(s.follow_up_due)},
              {"acknowledged_at", stamp(s.acknowledged_at)},
              {"closed_at", stamp(s.closed_at)},
              {"reporter", UserRef(tx_, s.reporter_user_id)},
              {"reporter_organisation", OrganisationRef(s.reporter_organisation_id)},
              {"allowed_actions", std::move(actions)},
              {"version", s.version}};
  // The category is content too: "huiselijk_geweld" or "psychisch" says as
  // much as the text, and the content category names it all but exactly.
  // Both show with the description (the regisseur, the routed
  // organisation, the reporter, whoever sees the content category for
  // every person it concerns), never to a volunteer who did not file it.
  // Where it went says what it is about, too: routed to the GGD or to
  // Veilig Thuis names the worry. So the routing goes with the content.
  if (d.description) {
    out["routed_to"] = OrganisationRef(s.routed_organisation_id);
    out["category"] = core::ToCode(s.data.category);
    out["content_category"] = core::ToCode(access.category);
    out["description"] = s.data.description;
    out["withdraw_reason"] = s.withdraw_reason;
  }
  if (d.follow_up) out["result"] = s.result;
  if (history) {
    json items = json::array();
    for (const core::SignalEvent& e : *history) {
      json h = {{"action", core::ToCode(e.action)},
                {"from_state", e.from_state ? json(core::ToCode(*e.from_state)) : json()},
                {"to_state", core::ToCode(e.to_state)},
                {"by", UserRef(tx_, e.by_user)},
                {"at", e.at.ToString()}};
      if (d.description) h["organisation"] = OrganisationRef(e.organisation_id);
      // The reporter's own withdraw reason is theirs; every other note is
      // follow-up.
      if (d.follow_up || (d.description && e.action == core::SignalAction::kWithdraw))
        h["note"] = e.note;
      items.push_back(std::move(h));
    }
    out["history"] = std::move(items);
  }
  return out;
}

core::AuditRecord SignalReader::Audit(const SignalAccess& access, std::string action,
                                      const std::string& signal_id) const {
  core::AuditRecord r = AuditOf(caller_, ctx_.clock, std::move(action), "signal", signal_id);
  r.tenant_id = access.facts.tenant_id;
  r.household_id = access.facts.household_id;
  r.categories = {access.decision.description ? access.category : core::DataCategory::kBasis};
  r.purpose = access.decision.reason;
  r.break_glass = access.decision.break_glass;
  return r;
}

}  // namespace regie::http
