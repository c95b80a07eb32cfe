#include "core/casework/plan_diff.h"

#include <map>

namespace regie::core {
namespace {

using Changes = std::vector<PlanChange>;

std::optional<std::string> Id(const std::optional<int64_t>& id) {
  if (!id) return std::nullopt;
  return std::to_string(*id);
}

void Field(Changes& out, PlanChangeKind kind, int64_t goal, std::optional<int64_t> action,
           std::string field, std::optional<std::string> old_value,
           std::optional<std::string> new_value) {
  if (old_value == new_value) return;
  out.push_back({.kind = kind,
                 .goal_key = goal,
                 .action_key = action,
                 .field = std::move(field),
                 .old_value = std::move(old_value),
                 .new_value = std::move(new_value)});
}

void DiffAction(Changes& out, int64_t goal, const PlanAction& a, const PlanAction& b) {
  const PlanChangeKind k = PlanChangeKind::kActionChanged;
  Field(out, k, goal, a.key, "text", a.text, b.text);
  Field(out, k, goal, a.key, "organisation_id", std::to_string(a.organisation_id),
        std::to_string(b.organisation_id));
  Field(out, k, goal, a.key, "user_id", Id(a.user_id), Id(b.user_id));
  Field(out, k, goal, a.key, "due_date", a.due_date.ToString(), b.due_date.ToString());
  Field(out, k, goal, a.key, "status", std::string(ToCode(a.status)),
        std::string(ToCode(b.status)));
  Field(out, k, goal, a.key, "result", a.result, b.result);
}

void DiffGoal(Changes& out, const PlanGoal& a, const PlanGoal& b) {
  const PlanChangeKind k = PlanChangeKind::kGoalChanged;
  Field(out, k, a.key, std::nullopt, "person_id", std::to_string(a.person_id),
        std::to_string(b.person_id));
  Field(out, k, a.key, std::nullopt, "domain", a.domain, b.domain);
  Field(out, k, a.key, std::nullopt, "text", a.text, b.text);
  Field(out, k, a.key, std::nullopt, "target_date", a.target_date.ToString(),
        b.target_date.ToString());
  Field(out, k, a.key, std::nullopt, "status", std::string(ToCode(a.status)),
        std::string(ToCode(b.status)));
  std::map<int64_t, const PlanAction*> old_actions;
  for (const PlanAction& x : a.actions) old_actions[x.key] = &x;
  for (const PlanAction& y : b.actions) {
    auto it = old_actions.find(y.key);
    if (it == old_actions.end()) {
      out.push_back({.kind = PlanChangeKind::kActionAdded,
                     .goal_key = b.key,
                     .action_key = y.key,
                     .label = y.text});
      continue;
    }
    DiffAction(out, b.key, *it->second, y);
    old_actions.erase(it);
  }
  for (const PlanAction& x : a.actions)
    if (old_actions.contains(x.key))
      out.push_back({.kind = PlanChangeKind::kActionRemoved,
                     .goal_key = a.key,
                     .action_key = x.key,
                     .label = x.text});
}

}  // namespace

std::vector<PlanChange> DiffPlans(const Plan& from, const Plan& to) {
  Changes out;
  std::map<int64_t, const PlanGoal*> old_goals;
  for (const PlanGoal& g : from.goals) old_goals[g.key] = &g;
  for (const PlanGoal& g : to.goals) {
    auto it = old_goals.find(g.key);
    if (it == old_goals.end()) {
      out.push_back({.kind = PlanChangeKind::kGoalAdded, .goal_key = g.key, .label = g.text});
      out.reserve(out.size() + g.actions.size());
      for (const PlanAction& a : g.actions)
        out.push_back({.kind = PlanChangeKind::kActionAdded,
                       .goal_key = g.key,
                       .action_key = a.key,
                       .label = a.text});
      continue;
    }
    DiffGoal(out, *it->second, g);
    old_goals.erase(it);
  }
  for (const PlanGoal& g : from.goals) {
    if (!old_goals.contains(g.key)) continue;
    out.push_back({.kind = PlanChangeKind::kGoalRemoved, .goal_key = g.key, .label = g.text});
    for (const PlanAction& a : g.actions)
      out.push_back({.kind = PlanChangeKind::kActionRemoved,
                     .goal_key = g.key,
                     .action_key = a.key,
                     .label = a.text});
  }
  return out;
}

}  // namespace regie::core
