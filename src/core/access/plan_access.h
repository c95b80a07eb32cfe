#pragma once

#include <cstdint>
#include <set>
#include <vector>

#include "core/access/policy.h"
#include "core/casework/plan.h"

// Access to a household's plan, on top of the one household policy
// (DecideHousehold decides first; these functions only narrow):
//   regisseur: reads and saves the whole plan, may reopen finished items
//     and records the client's agreement;
//   assigned begeleider: reads and saves the goals whose domain category
//     they may see for that person (PersonCategories), records agreements;
//     goals they cannot see are kept unchanged when they save;
//   partner: reads the goals whose category active sharing bases give their
//     organisation for that person, plus the actions their organisation is
//     responsible for (their goal shown restricted: no text, date or
//     status); updates status and result of those actions only;
//   break-glass: reads everything; vrijwilliger and anyone else: nothing.
// The responsible user of an action may update that action's progress.
namespace regie::core {

struct PlanRights {
  bool read = false;       // may read (part of) the plan
  bool edit = false;       // may save a whole (visible) plan
  bool agree = false;      // may record the client's agreement
  bool regisseur = false;  // may reopen finished goals and actions
};

PlanRights DecidePlan(const AccessDecision& decision);

// Whether the caller sees `goal` in full: its domain's category is among
// the categories it may see of the goal's person.
bool SeesGoal(const Principal& user, const AccessDecision& decision, const HouseholdFacts& facts,
              const PlanDomains& domains, const PlanGoal& goal, Timestamp now);

// Whether the caller answers for `action`: their organisation is the
// responsible one, or they are its responsible user.
bool AnswersFor(const Principal& user, const PlanAction& action);

// The plan as the caller may see it. `restricted` holds the keys of goals
// shown only for the caller's actions (text cleared, target date and
// status left at their defaults, other actions removed); `hidden` counts
// goals left out entirely.
struct PlanView {
  Plan plan;
  std::set<int64_t> restricted;
  size_t hidden = 0;
};
PlanView FilterPlan(const Principal& user, const AccessDecision& decision,
                    const HouseholdFacts& facts, const PlanDomains& domains, const Plan& plan,
                    Timestamp now);

// The plan to store when a caller who may edit saves `submitted`: the
// submitted goals, then every goal of `current` the caller cannot see,
// unchanged (so a partial view never loses what it did not show). Field
// errors for a submitted goal that touches what the caller may not see:
// the key of a hidden goal ("unknown_key", it does not exist for them) or a
// person/domain whose category they may not see ("not_allowed").
StatusOr<std::vector<PlanGoal>> MergeVisibleGoals(const Principal& user,
                                                  const AccessDecision& decision,
                                                  const HouseholdFacts& facts,
                                                  const PlanDomains& domains, const Plan& current,
                                                  std::vector<PlanGoal> submitted, Timestamp now);

}  // namespace regie::core
