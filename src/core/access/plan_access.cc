#include "core/access/plan_access.h"

#include "core/validation.h"

namespace regie::core {

PlanRights DecidePlan(const AccessDecision& d) {
  PlanRights r;
  if (!d.allowed) return r;
  switch (d.relationship) {
    case Relationship::kRegisseur:
      r = {.read = true, .edit = true, .agree = true, .regisseur = true};
      break;
    case Relationship::kBegeleider:
      r = {.read = true, .edit = true, .agree = true};
      break;
    case Relationship::kPartner:
    case Relationship::kReferral:
    case Relationship::kBreakGlass:
      r.read = true;
      break;
    case Relationship::kVrijwilliger:
    case Relationship::kNone:
      break;
  }
  return r;
}

bool SeesGoal(const Principal& user, const AccessDecision& decision, const HouseholdFacts& facts,
              const PlanDomains& domains, const PlanGoal& goal, Timestamp now) {
  if (!DecidePlan(decision).read) return false;
  return PersonCategories(user, decision, facts, goal.person_id, now)
      .Has(domains.CategoryOf(goal.domain));
}

bool AnswersFor(const Principal& user, const PlanAction& action) {
  return action.organisation_id == user.organisation_id ||
         (action.user_id && *action.user_id == user.user_id);
}

PlanView FilterPlan(const Principal& user, const AccessDecision& decision,
                    const HouseholdFacts& facts, const PlanDomains& domains, const Plan& plan,
                    Timestamp now) {
  PlanView view;
  view.plan = plan;
  view.plan.goals.clear();
  if (!DecidePlan(decision).read) {
    view.hidden = plan.goals.size();
    return view;
  }
  view.plan.goals.reserve(plan.goals.size());
  for (const PlanGoal& g : plan.goals) {
    if (SeesGoal(user, decision, facts, domains, g, now)) {
      view.plan.goals.push_back(g);
      continue;
    }
    PlanGoal restricted{.key = g.key, .person_id = g.person_id, .domain = g.domain};
    for (const PlanAction& a : g.actions)
      if (AnswersFor(user, a)) restricted.actions.push_back(a);
    if (restricted.actions.empty()) {
      ++view.hidden;
      continue;
    }
    view.restricted.insert(g.key);
    view.plan.goals.push_back(std::move(restricted));
  }
  return view;
}

StatusOr<std::vector<PlanGoal>> MergeVisibleGoals(const Principal& user,
                                                  const AccessDecision& decision,
                                                  const HouseholdFacts& facts,
                                                  const PlanDomains& domains, const Plan& current,
                                                  std::vector<PlanGoal> submitted, Timestamp now) {
  std::vector<FieldError> errors;
  for (size_t i = 0; i < submitted.size(); ++i) {
    const PlanGoal& g = submitted[i];
    const std::string at = "goals/" + std::to_string(i) + "/";
    if (g.key > 0) {
      const PlanGoal* old = FindGoal(current, g.key);
      if (old != nullptr && !SeesGoal(user, decision, facts, domains, *old, now)) {
        errors.push_back({at + "key", "unknown_key"});
        continue;
      }
    }
    // Only checked for known domains: an unknown one is a validation error.
    if (domains.Knows(g.domain) && !SeesGoal(user, decision, facts, domains, g, now))
      errors.push_back({at + "domain", "not_allowed"});
  }
  if (!errors.empty()) return ValidationFailed(std::move(errors));
  std::vector<PlanGoal> out = std::move(submitted);
  out.reserve(out.size() + current.goals.size());
  for (const PlanGoal& g : current.goals)
    if (!SeesGoal(user, decision, facts, domains, g, now)) out.push_back(g);
  return out;
}

}  // namespace regie::core
