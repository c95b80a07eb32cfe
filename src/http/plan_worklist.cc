#include "http/plan_worklist.h"

#include <map>
#include <set>
#include <utility>

#include "core/access/plan_access.h"
#include "http/dto.h"

namespace regie::http {
namespace {

using nlohmann::json;

// Per scope; a longer worklist is not a worklist any more.
constexpr int kMaxPerScope = 500;

struct HouseholdSeen {
  bool allowed = false;
  core::HouseholdFacts facts;
  core::AccessDecision decision;
  std::map<int64_t, std::string> names;  // person id -> name
};

}  // namespace

StatusOr<std::vector<PlanWorkItem>> DuePlanActions(const ApiContext& ctx, ports::Transaction& tx,
                                                   const Caller& caller, int64_t tenant_id,
                                                   core::Date on) {
  const core::Principal& p = caller.principal;
  std::vector<std::pair<ports::DueActionScope, int64_t>> scopes;
  scopes.reserve(4);
  if (p.Has(core::Role::kRegisseur))
    scopes.emplace_back(ports::DueActionScope::kRegisseur, p.user_id);
  if (p.Has(core::Role::kBegeleider))
    scopes.emplace_back(ports::DueActionScope::kBegeleider, p.user_id);
  if (p.Has(core::Role::kPartner))
    scopes.emplace_back(ports::DueActionScope::kOrganisation, p.organisation_id);
  scopes.emplace_back(ports::DueActionScope::kUser, p.user_id);

  static const core::PlanDomains kDefaults = core::PlanDomains::Defaults();
  const core::PlanDomains& domains = ctx.plan_domains ? *ctx.plan_domains : kDefaults;
  const core::Timestamp now = ctx.clock.Now();
  std::map<int64_t, HouseholdSeen> households;
  std::set<std::pair<int64_t, int64_t>> done;  // (household, action key)
  std::vector<PlanWorkItem> out;
  for (const auto& [scope, id] : scopes) {
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::DueAction> due,
                           tx.Plans().DueActions(tenant_id, scope, id, on, kMaxPerScope));
    out.reserve(out.size() + due.size());
    for (const ports::DueAction& d : due) {
      if (!done.insert({d.household_id, d.action.key}).second) continue;
      auto it = households.find(d.household_id);
      if (it == households.end()) {
        HouseholdSeen seen;
        REGIE_ASSIGN_OR_RETURN(seen.facts, tx.Access().Facts(tenant_id, d.household_id, p.user_id));
        seen.decision = core::DecideHousehold(p, core::Action::kRead, seen.facts, now);
        // Break-the-glass opens a household for a look, not for work.
        seen.allowed = core::DecidePlan(seen.decision).read && !seen.decision.break_glass;
        if (seen.allowed) {
          REGIE_ASSIGN_OR_RETURN(std::vector<core::Person> persons,
                                 tx.Persons().ListByHousehold(tenant_id, d.household_id));
          // Names as the household JSON shows them to this caller
          // (PersonFilter): answering for an action is no basis for the
          // person's basic data, so a partner without one gets no name.
          for (const core::Person& person : persons) {
            const dto::FieldFilter filter{
                .categories = core::PersonCategories(p, seen.decision, seen.facts, person.id, now),
                .names_only = seen.decision.names_only,
                .fields = &ctx.fields};
            std::string name;
            if (filter.Shows("given_names")) name = person.data.given_names;
            if (filter.Shows("family_name") && !person.data.family_name.empty())
              name += (name.empty() ? "" : " ") + person.data.family_name;
            if (!name.empty()) seen.names[person.id] = std::move(name);
          }
        }
        it = households.emplace(d.household_id, std::move(seen)).first;
      }
      const HouseholdSeen& h = it->second;
      if (!h.allowed) continue;
      const core::PlanGoal goal{.person_id = d.person_id, .domain = d.domain};
      if (!core::SeesGoal(p, h.decision, h.facts, domains, goal, now) &&
          !core::AnswersFor(p, d.action))
        continue;
      auto name = h.names.find(d.person_id);
      out.push_back(
          {d.action.due_date,
           {{"household", {{"id", d.household_id}, {"name", d.household_name}}},
            {"person",
             {{"id", d.person_id}, {"name", name != h.names.end() ? name->second : std::string()}}},
            {"kind", "action"},
            {"id", std::to_string(d.action.key)},
            {"label", d.action.text},
            {"domain", d.domain},
            {"due_date", d.action.due_date.ToString()},
            {"pack_id", ""},
            {"status", core::ToCode(d.action.status)},
            {"organisation_id", d.action.organisation_id},
            {"plan_version", d.plan_version}}});
    }
  }
  return out;
}

}  // namespace regie::http
