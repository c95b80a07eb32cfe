#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/casework/plan.h"
#include "core/enums.h"

// What changed between two versions of a plan, as a structured list the UI
// (and a printed plan) can render. Goals and actions are paired by their
// stable key, which is never reused.
namespace regie::core {

enum class PlanChangeKind {
  kGoalAdded,
  kGoalRemoved,
  kGoalChanged,
  kActionAdded,
  kActionRemoved,
  kActionChanged
};
template <>
struct EnumTraits<PlanChangeKind> {
  static constexpr std::array<std::pair<PlanChangeKind, std::string_view>, 6> kEntries{{
      {PlanChangeKind::kGoalAdded, "goal_added"},
      {PlanChangeKind::kGoalRemoved, "goal_removed"},
      {PlanChangeKind::kGoalChanged, "goal_changed"},
      {PlanChangeKind::kActionAdded, "action_added"},
      {PlanChangeKind::kActionRemoved, "action_removed"},
      {PlanChangeKind::kActionChanged, "action_changed"},
  }};
};

// One change. For added/removed items `label` is the item's text; for a
// changed field `field` names it ("status", "due_date", "user_id", ...) and
// old/new hold its text form (codes, ISO dates, decimal ids; nullopt for an
// absent optional value).
struct PlanChange {
  PlanChangeKind kind = PlanChangeKind::kGoalChanged;
  int64_t goal_key = 0;
  std::optional<int64_t> action_key;
  std::string label;
  std::string field;
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
  friend bool operator==(const PlanChange&, const PlanChange&) = default;
};

// The changes from `from` to `to`: goals in the order of `to` (removed ones
// after, in the order of `from`), within a goal first its field changes in
// a fixed order, then its actions likewise. Pure: equal plans give an
// empty list; Diff(a, b) and Diff(b, a) mirror each other.
std::vector<PlanChange> DiffPlans(const Plan& from, const Plan& to);

}  // namespace regie::core
