#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/casework/plan.h"
#include "core/demo_generator.h"

// A personal plan for a demo household, so that the plan page and the
// worklist show something: two or three goals for the adults in domains
// of the seeds, each with an action of one of the household's involved
// organisations, some already overdue on `today`. Deterministic per seed.
namespace regie::core {

struct DemoPlan {
  // person_id holds the index into DemoHousehold::persons and each action's
  // organisation_id the index into DemoTenant::organisations; the loader
  // maps both to stored ids. Keys are assigned (1, 2, ...).
  std::vector<PlanGoal> goals;
  int64_t next_key = 1;
  // When set, the head agreed with version 1 on that date.
  std::optional<Date> agreed_on;
};

// nullopt for roughly a third of the households (no plan yet) and for a
// household without adults.
std::optional<DemoPlan> MakeDemoPlan(const DemoHousehold& household, Date today, uint64_t seed);

}  // namespace regie::core
