#include "http/referral_support.h"

#include <algorithm>

#include "http/household_view.h"
#include "http/policy_registry.h"
#include "http/policy_support.h"

namespace regie::http {

using nlohmann::json;

StatusOr<const core::HouseholdFacts*> ReferralReader::Facts(int64_t tenant_id,
                                                            int64_t household_id) {
  auto it = facts_.find(household_id);
  if (it == facts_.end()) {
    REGIE_ASSIGN_OR_RETURN(core::HouseholdFacts f,
                           tx_.Access().Facts(tenant_id, household_id, caller_.principal.user_id));
    it = facts_.emplace(household_id, std::move(f)).first;
  }
  return &it->second;
}

StatusOr<std::string> ReferralReader::HouseholdName(int64_t tenant_id, int64_t household_id) {
  auto it = household_names_.find(household_id);
  if (it == household_names_.end()) {
    REGIE_ASSIGN_OR_RETURN(core::Household h, tx_.Households().Get(tenant_id, household_id));
    it = household_names_.emplace(household_id, h.data.name).first;
  }
  return it->second;
}

std::string ReferralReader::PersonName(int64_t tenant_id, int64_t person_id) {
  auto it = person_names_.find(person_id);
  if (it != person_names_.end()) return it->second;
  std::string name;
  if (auto p = tx_.Persons().Get(tenant_id, person_id); p.ok())
    name = p->data.given_names + " " + p->data.family_name;
  person_names_.emplace(person_id, name);
  return name;
}

StatusOr<ReferralAccess> ReferralReader::Decide(const core::Referral& referral) {
  ReferralAccess a;
  REGIE_ASSIGN_OR_RETURN(const core::HouseholdFacts* facts,
                         Facts(referral.tenant_id, referral.data.household_id));
  a.facts = *facts;
  a.decision = core::DecideReferral(caller_.principal, a.facts, core::FactsOfReferral(referral),
                                    ctx_.clock.Now());
  return a;
}

json ReferralReader::OrganisationRef(int64_t organisation_id) {
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

StatusOr<json> ReferralReader::Json(const core::Referral& r, const ReferralAccess& access,
                                    const std::vector<core::ReferralEvent>* history) {
  const core::ReferralDecision& d = access.decision;
  const core::Date today = ctx_.clock.Today();
  auto stamp = [](const std::optional<core::Timestamp>& v) {
    return v ? json(v->ToString()) : json();
  };
  auto user = [this](const std::optional<int64_t>& id) { return id ? UserRef(tx_, *id) : json(); };
  REGIE_ASSIGN_OR_RETURN(std::string name, HouseholdName(r.tenant_id, r.data.household_id));
  json actions = json::array();
  for (core::ReferralAction a : core::AllowedReferralActions(d, r.state))
    actions.push_back(core::ToCode(a));
  json persons = json::array();
  for (int64_t id : r.data.person_ids)
    persons.push_back({{"id", id}, {"name", PersonName(r.tenant_id, id)}});
  const std::optional<core::Date> due = core::ReferralDueDate(r);
  json out = {{"id", r.id},
              {"household", {{"id", r.data.household_id}, {"name", name}}},
              {"persons", std::move(persons)},
              {"from_organisation", OrganisationRef(r.from_organisation_id)},
              {"to_organisation", OrganisationRef(r.data.to_organisation_id)},
              {"package", r.data.package.Codes()},
              {"template", r.data.template_code.empty() ? json() : json(r.data.template_code)},
              {"state", core::ToCode(r.state)},
              {"respond_by", r.respond_by.ToString()},
              {"due_date", due ? json(due->ToString()) : json()},
              {"overdue", due && today > *due},
              {"retention_days", r.data.retention_days},
              {"created_by", UserRef(tx_, r.created_by)},
              {"created_at", r.created_at.ToString()},
              {"decided_at", stamp(r.decided_at)},
              {"decided_by", user(r.decided_by)},
              {"completed_at", stamp(r.completed_at)},
              {"completed_by", user(r.completed_by)},
              {"full", d.full},
              {"allowed_actions", std::move(actions)},
              {"version", r.version}};
  if (d.full) {
    out["reason"] = r.data.reason;
    out["checklist"] = r.data.checklist;
    out["decision_note"] = r.decision_note;
    out["completion_note"] = r.completion_note;
  }
  if (history) {
    json items = json::array();
    for (const core::ReferralEvent& e : *history) {
      json h = {{"action", core::ToCode(e.action)},
                {"from_state", e.from_state ? json(core::ToCode(*e.from_state)) : json()},
                {"to_state", core::ToCode(e.to_state)},
                {"by", UserRef(tx_, e.by_user)},
                {"at", e.at.ToString()}};
      if (d.full) h["note"] = e.note;
      items.push_back(std::move(h));
    }
    out["history"] = std::move(items);
  }
  return out;
}

core::AuditRecord ReferralReader::Audit(const ReferralAccess& access, std::string action,
                                        const std::string& referral_id) const {
  core::AuditRecord r = AuditOf(caller_, ctx_.clock, std::move(action), "referral", referral_id);
  r.tenant_id = access.facts.tenant_id;
  r.household_id = access.facts.household_id;
  r.categories = {core::DataCategory::kBasis};
  if (access.decision.full) r.categories.Add(core::DataCategory::kNotities);
  r.purpose = access.decision.reason;
  r.break_glass = access.decision.break_glass;
  return r;
}

StatusOr<std::vector<core::policy::WarmHandoverTemplate>> TenantHandovers(const ApiContext& ctx,
                                                                          ports::Transaction& tx,
                                                                          int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(auto compiled, Registry(ctx).ForTenant(tx, tenant_id));
  std::vector<core::policy::WarmHandoverTemplate> out;
  for (const core::policy::Pack& pack : compiled->packs())
    for (const core::policy::WarmHandoverTemplate& h : pack.warm_handovers) {
      auto same =
          std::find_if(out.begin(), out.end(), [&h](const auto& o) { return o.id == h.id; });
      if (same != out.end())
        *same = h;
      else
        out.push_back(h);
    }
  return out;
}

json HandoverJson(const core::policy::WarmHandoverTemplate& h) {
  json checklist = json::array();
  for (const core::policy::LocalizedText& item : h.checklist)
    checklist.push_back({{"nl", item.nl}, {"en", item.en}});
  return {{"id", h.id},
          {"label", {{"nl", h.label.nl}, {"en", h.label.en}}},
          {"from_kinds", h.from_kinds},
          {"to_kinds", h.to_kinds},
          {"package", h.package},
          {"checklist", std::move(checklist)},
          {"response_days", h.response_days},
          {"retention_days", h.retention_days}};
}

}  // namespace regie::http
