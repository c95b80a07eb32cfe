#include "core/casework/plan.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/codes.h"
#include "core/text.h"

namespace regie::core {
namespace {

using Errors = std::vector<FieldError>;

void Add(Errors& errors, std::string field, std::string code) {
  errors.push_back({std::move(field), std::move(code)});
}

void CheckText(Errors& errors, const std::string& field, const std::string& text, size_t max,
               bool required, bool multiline) {
  if (!IsCleanText(text, multiline))
    Add(errors, field, "invalid_text");
  else if (required && text.empty())
    Add(errors, field, "required");
  else if (text.size() > max)
    Add(errors, field, "too_long");
}

void CheckPlanDate(Errors& errors, const std::string& field, Date date, Date today) {
  if (date.year() < kOldestPlanYear)
    Add(errors, field, "date_too_early");
  else if (date > today.AddMonths(12 * kPlanHorizonYears))
    Add(errors, field, "date_too_late");
}

bool IsFinal(GoalStatus s) {
  return s == GoalStatus::kBehaald || s == GoalStatus::kNietBehaald || s == GoalStatus::kVervallen;
}

bool IsFinal(ActionStatus s) { return s == ActionStatus::kGereed || s == ActionStatus::kVervallen; }

}  // namespace

void NormalisePlanGoals(std::vector<PlanGoal>& goals) {
  for (PlanGoal& g : goals) {
    g.domain = Trim(g.domain);
    g.text = Trim(g.text);
    for (PlanAction& a : g.actions) {
      a.text = Trim(a.text);
      a.result = Trim(a.result);
    }
  }
}

std::vector<FieldError> ValidatePlanGoals(const std::vector<PlanGoal>& goals,
                                          const PlanContext& context) {
  Errors errors;
  if (goals.size() > kMaxPlanGoals) Add(errors, "goals", "too_many");
  const std::set<int64_t> persons(context.person_ids.begin(), context.person_ids.end());
  std::set<int64_t> keys;
  for (size_t i = 0; i < goals.size(); ++i) {
    const PlanGoal& g = goals[i];
    const std::string at = "goals/" + std::to_string(i) + "/";
    if (g.key < 0 || (g.key > 0 && !keys.insert(g.key).second))
      Add(errors, at + "key", "duplicate");
    if (!persons.contains(g.person_id)) Add(errors, at + "person_id", "invalid_reference");
    if (g.domain.empty())
      Add(errors, at + "domain", "required");
    else if (context.domains == nullptr || !context.domains->Knows(g.domain))
      Add(errors, at + "domain", "unknown_domain");
    CheckText(errors, at + "text", g.text, kMaxPlanText, true, false);
    CheckPlanDate(errors, at + "target_date", g.target_date, context.today);
    if (g.actions.size() > kMaxGoalActions) Add(errors, at + "actions", "too_many");
    bool unfinished = false;
    for (size_t j = 0; j < g.actions.size(); ++j) {
      const PlanAction& a = g.actions[j];
      const std::string act = at + "actions/" + std::to_string(j) + "/";
      if (a.key < 0 || (a.key > 0 && !keys.insert(a.key).second))
        Add(errors, act + "key", "duplicate");
      CheckText(errors, act + "text", a.text, kMaxPlanText, true, false);
      if (a.organisation_id <= 0) Add(errors, act + "organisation_id", "required");
      if (a.user_id && *a.user_id <= 0) Add(errors, act + "user_id", "invalid_reference");
      CheckPlanDate(errors, act + "due_date", a.due_date, context.today);
      CheckText(errors, act + "result", a.result, kMaxActionResult,
                a.status == ActionStatus::kGereed, true);
      if (!IsFinal(a.status)) unfinished = true;
    }
    // An achieved goal with work still open would be reported as achieved
    // while partners still act on it.
    if (g.status == GoalStatus::kBehaald && unfinished) Add(errors, at + "status", "open_actions");
  }
  return errors;
}

bool GoalTransitionAllowed(GoalStatus from, GoalStatus to, bool regisseur) {
  if (from == to) return true;
  switch (from) {
    case GoalStatus::kOpen:
      return to == GoalStatus::kLoopt || to == GoalStatus::kVervallen;
    case GoalStatus::kLoopt:
      return to == GoalStatus::kBehaald || to == GoalStatus::kNietBehaald ||
             to == GoalStatus::kVervallen;
    case GoalStatus::kBehaald:
    case GoalStatus::kNietBehaald:
    case GoalStatus::kVervallen:
      return regisseur && to == GoalStatus::kLoopt;
  }
  return false;
}

bool ActionTransitionAllowed(ActionStatus from, ActionStatus to, bool regisseur) {
  if (from == to) return true;
  switch (from) {
    case ActionStatus::kOpen:
      return to != ActionStatus::kOpen;
    case ActionStatus::kLoopt:
      return to == ActionStatus::kGereed || to == ActionStatus::kVervallen;
    case ActionStatus::kGereed:
    case ActionStatus::kVervallen:
      return regisseur && to == ActionStatus::kLoopt;
  }
  return false;
}

std::vector<FieldError> ValidatePlanTransitions(const Plan& previous,
                                                const std::vector<PlanGoal>& goals,
                                                bool regisseur) {
  Errors errors;
  // Where each existing action lives, so an action cannot change goal.
  std::map<int64_t, std::pair<int64_t, const PlanAction*>> actions;
  for (const PlanGoal& g : previous.goals)
    for (const PlanAction& a : g.actions) actions[a.key] = {g.key, &a};
  for (size_t i = 0; i < goals.size(); ++i) {
    const PlanGoal& g = goals[i];
    const std::string at = "goals/" + std::to_string(i) + "/";
    const PlanGoal* old = g.key > 0 ? FindGoal(previous, g.key) : nullptr;
    if (g.key > 0 && old == nullptr) {
      Add(errors, at + "key", "unknown_key");
    } else if (old == nullptr) {
      if (IsFinal(g.status)) Add(errors, at + "status", "invalid_initial_status");
    } else if (!GoalTransitionAllowed(old->status, g.status, regisseur)) {
      Add(errors, at + "status",
          IsFinal(old->status) && g.status == GoalStatus::kLoopt ? "reopen_regisseur_only"
                                                                 : "transition_not_allowed");
    }
    for (size_t j = 0; j < g.actions.size(); ++j) {
      const PlanAction& a = g.actions[j];
      const std::string act = at + "actions/" + std::to_string(j) + "/";
      auto it = a.key > 0 ? actions.find(a.key) : actions.end();
      if (a.key > 0 && (it == actions.end() || it->second.first != g.key)) {
        Add(errors, act + "key", "unknown_key");
      } else if (it == actions.end()) {
        if (IsFinal(a.status)) Add(errors, act + "status", "invalid_initial_status");
      } else if (!ActionTransitionAllowed(it->second.second->status, a.status, regisseur)) {
        Add(errors, act + "status",
            IsFinal(it->second.second->status) && a.status == ActionStatus::kLoopt
                ? "reopen_regisseur_only"
                : "transition_not_allowed");
      }
    }
  }
  return errors;
}

void AssignPlanKeys(Plan& plan) {
  for (PlanGoal& g : plan.goals) {
    if (g.key == 0) g.key = plan.next_key++;
    for (PlanAction& a : g.actions)
      if (a.key == 0) a.key = plan.next_key++;
  }
}

const PlanGoal* FindGoal(const Plan& plan, int64_t key) {
  for (const PlanGoal& g : plan.goals)
    if (g.key == key) return &g;
  return nullptr;
}

std::vector<FieldError> ValidatePlanAgreement(const PlanAgreement& a, Date today) {
  Errors errors;
  if (a.plan_version <= 0) Add(errors, "plan_version", "invalid_reference");
  if (a.date > today)
    Add(errors, "date", "date_in_future");
  else if (a.date.year() < kOldestPlanYear)
    Add(errors, "date", "date_too_early");
  if (a.language && !IsLanguageCode(*a.language))
    Add(errors, "language", "unknown_language");
  else if (a.interpreter && !a.language)
    Add(errors, "language", "required");
  if (a.signed_by.empty()) Add(errors, "signed_by", "required");
  std::set<int64_t> seen;
  for (size_t i = 0; i < a.signed_by.size(); ++i) {
    const std::string field = "signed_by/" + std::to_string(i);
    if (a.signed_by[i] <= 0)
      Add(errors, field, "invalid_reference");
    else if (!seen.insert(a.signed_by[i]).second)
      Add(errors, field, "duplicate");
  }
  return errors;
}

}  // namespace regie::core
