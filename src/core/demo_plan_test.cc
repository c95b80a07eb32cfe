#include "core/demo_plan.h"

#include <gtest/gtest.h>

namespace regie::core {
namespace {

TEST(DemoPlanTest, AShareOfHouseholdsGetsAValidPlanWithSomeOverdueActions) {
  const Date today = *Date::Parse("2026-11-23");
  DemoGenerator generator({.seed = 7, .households = 90, .tenants = 1, .today = today});
  const PlanDomains domains = PlanDomains::Defaults();
  int plans = 0, overdue = 0, agreed = 0, households = 0;
  while (std::optional<DemoHousehold> h = generator.Next()) {
    ++households;
    const auto seed = static_cast<uint64_t>(households);
    std::optional<DemoPlan> plan = MakeDemoPlan(*h, today, seed);
    std::optional<DemoPlan> again = MakeDemoPlan(*h, today, seed);
    ASSERT_EQ(plan.has_value(), again.has_value());
    if (!plan) continue;
    ++plans;
    EXPECT_EQ(plan->goals, again->goals);  // deterministic
    // Mapped as the loader maps indices to ids (here: index + 1), it is valid.
    PlanContext context{.domains = &domains, .today = today};
    for (size_t i = 0; i < h->persons.size(); ++i)
      context.person_ids.push_back(static_cast<int64_t>(i) + 1);
    std::vector<PlanGoal> mapped = plan->goals;
    for (PlanGoal& g : mapped) {
      ++g.person_id;
      for (PlanAction& a : g.actions) ++a.organisation_id;
    }
    EXPECT_TRUE(ValidatePlanGoals(mapped, context).empty());
    for (const PlanGoal& g : plan->goals) {
      EXPECT_GE(AgeOn(h->persons[static_cast<size_t>(g.person_id)].birth_date, today), 18);
      for (const PlanAction& a : g.actions) {
        EXPECT_LT(a.organisation_id, 100);  // an index, mapped by the loader
        if (a.due_date < today) ++overdue;
      }
    }
    if (plan->agreed_on) {
      ++agreed;
      EXPECT_LE(*plan->agreed_on, today);
    }
  }
  EXPECT_GT(plans, households / 2);
  EXPECT_LT(plans, households);
  EXPECT_GT(overdue, 0);
  EXPECT_GT(agreed, 0);
}

}  // namespace
}  // namespace regie::core
