#include "core/demo_plan.h"

#include <array>
#include <string_view>

#include "core/demo_random.h"

namespace regie::core {
namespace {

struct DemoGoalText {
  std::string_view domain, goal, action;
};

constexpr std::array<DemoGoalText, 6> kGoals{{
    {"werk_inkomen", "Betaald werk of vrijwilligerswerk binnen 18 maanden",
     "Intakegesprek bij het werkplein"},
    {"onderwijs_taal", "Taalniveau A2 binnen een jaar", "Aanmelden bij de taalschool"},
    {"zorg_gezondheid", "Ingeschreven bij een huisarts", "Kennismaking bij de huisarts plannen"},
    {"financien", "Vaste lasten en toeslagen op orde", "Budgetgesprek met de schuldhulp"},
    {"sociale_participatie", "Lid van een vereniging of club",
     "Kennismaken bij de sportvereniging"},
    {"wonen", "Woning ingericht en buren leren kennen", "Aanvraag inrichtingskrediet indienen"},
}};

}  // namespace

std::optional<DemoPlan> MakeDemoPlan(const DemoHousehold& household, Date today, uint64_t seed) {
  DemoRandom random(seed, 0x504C414E);  // "PLAN"
  if (random.Below(3) == 0) return std::nullopt;
  std::vector<int> adults;
  for (size_t i = 0; i < household.persons.size(); ++i)
    if (AgeOn(household.persons[i].birth_date, today) >= 18) adults.push_back(static_cast<int>(i));
  if (adults.empty()) return std::nullopt;
  const std::vector<int>& orgs = household.involved_organisation_indices;
  DemoPlan plan;
  const int goals = random.Between(2, 3);
  plan.goals.reserve(static_cast<size_t>(goals));
  const auto first = static_cast<size_t>(random.Below(kGoals.size()));
  for (int g = 0; g < goals; ++g) {
    const DemoGoalText& text = kGoals[(first + static_cast<size_t>(g)) % kGoals.size()];
    PlanGoal goal{.key = plan.next_key++,
                  .person_id = adults[static_cast<size_t>(g) % adults.size()],
                  .domain = std::string(text.domain),
                  .text = std::string(text.goal),
                  .target_date = today.AddMonths(random.Between(4, 15)),
                  .status = g == 0 ? GoalStatus::kLoopt : GoalStatus::kOpen};
    // Between three weeks overdue and two months ahead: about a third overdue.
    PlanAction action{.key = plan.next_key++,
                      .text = std::string(text.action),
                      .organisation_id = orgs.empty() ? 0 : orgs[random.Below(orgs.size())],
                      .due_date = today.AddDays(random.Between(-21, 60)),
                      .status = random.Below(4) == 0 ? ActionStatus::kLoopt : ActionStatus::kOpen};
    goal.actions.push_back(std::move(action));
    plan.goals.push_back(std::move(goal));
  }
  if (random.Below(2) == 0) plan.agreed_on = today.AddDays(-random.Between(1, 30));
  return plan;
}

}  // namespace regie::core
