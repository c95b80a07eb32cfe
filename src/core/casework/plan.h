#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/casework/plan_domains.h"
#include "core/date.h"
#include "core/enums.h"
#include "core/status.h"

// The personal plan (plan van aanpak / PIP) of a household: goals per person
// and life domain, each with actions. A plan is versioned: every save is a
// full new version (author, time); old versions stay readable. The types
// are plain values so that the HTTP layer, storage and a later PDF printer
// all render the same model.
namespace regie::core {

// Goal statuses and their transitions (GoalTransitionAllowed):
//   open -> loopt | vervallen
//   loopt -> behaald | niet_behaald | vervallen
//   behaald | niet_behaald | vervallen -> loopt   (reopening: regisseur only)
// A new goal starts as open or loopt.
enum class GoalStatus { kOpen, kLoopt, kBehaald, kNietBehaald, kVervallen };
template <>
struct EnumTraits<GoalStatus> {
  static constexpr std::array<std::pair<GoalStatus, std::string_view>, 5> kEntries{{
      {GoalStatus::kOpen, "open"},
      {GoalStatus::kLoopt, "loopt"},
      {GoalStatus::kBehaald, "behaald"},
      {GoalStatus::kNietBehaald, "niet_behaald"},
      {GoalStatus::kVervallen, "vervallen"},
  }};
};

// Action statuses and their transitions (ActionTransitionAllowed):
//   open -> loopt | gereed | vervallen
//   loopt -> gereed | vervallen
//   gereed | vervallen -> loopt   (reopening: regisseur only)
// A new action starts as open or loopt; `gereed` needs a result text.
enum class ActionStatus { kOpen, kLoopt, kGereed, kVervallen };
template <>
struct EnumTraits<ActionStatus> {
  static constexpr std::array<std::pair<ActionStatus, std::string_view>, 4> kEntries{{
      {ActionStatus::kOpen, "open"},
      {ActionStatus::kLoopt, "loopt"},
      {ActionStatus::kGereed, "gereed"},
      {ActionStatus::kVervallen, "vervallen"},
  }};
};

inline constexpr size_t kMaxPlanGoals = 100;
inline constexpr size_t kMaxGoalActions = 30;
inline constexpr size_t kMaxPlanText = 1000;
inline constexpr size_t kMaxActionResult = 2000;
inline constexpr int kOldestPlanYear = 2000;
// Target and due dates lie at most this many years ahead.
inline constexpr int kPlanHorizonYears = 10;

struct PlanAction {
  int64_t key = 0;  // stable within the plan; 0 = new (AssignPlanKeys)
  std::string text;
  int64_t organisation_id = 0;     // the responsible organisation
  std::optional<int64_t> user_id;  // the responsible user, of that organisation
  Date due_date;
  ActionStatus status = ActionStatus::kOpen;
  std::string result;
  friend bool operator==(const PlanAction&, const PlanAction&) = default;
};

struct PlanGoal {
  int64_t key = 0;  // stable within the plan; 0 = new (AssignPlanKeys)
  int64_t person_id = 0;
  std::string domain;  // a PlanDomains code
  std::string text;
  Date target_date;
  GoalStatus status = GoalStatus::kOpen;
  std::vector<PlanAction> actions;
  friend bool operator==(const PlanGoal&, const PlanGoal&) = default;
};

// One version of a household's plan. Version 0 is "no plan yet".
struct Plan {
  int64_t tenant_id = 0;
  int64_t household_id = 0;
  int64_t version = 0;
  Timestamp saved_at;
  int64_t saved_by = 0;
  // The next key to hand out; keys are never reused, so a diff between
  // any two versions pairs goals and actions correctly.
  int64_t next_key = 1;
  std::vector<PlanGoal> goals;
};

struct PlanVersionInfo {
  int64_t version = 0;
  Timestamp saved_at;
  int64_t saved_by = 0;
  int64_t goal_count = 0;
};

// The client's agreement with one plan version, append-only.
struct PlanAgreement {
  int64_t id = 0;
  int64_t tenant_id = 0;
  int64_t household_id = 0;
  int64_t plan_version = 0;
  Date date;
  bool interpreter = false;
  std::optional<std::string> language;  // ISO 639 of the conversation
  std::vector<int64_t> signed_by;       // person ids (adults of the household)
  int64_t recorded_by = 0;
  Timestamp recorded_at;
};

// What validation needs to know about the household and the day.
struct PlanContext {
  std::vector<int64_t> person_ids;  // the household's persons
  const PlanDomains* domains = nullptr;
  Date today;
};

// Trims texts (call before validating, so "  " counts as empty).
void NormalisePlanGoals(std::vector<PlanGoal>& goals);

// Domain rules of a plan's goals, as field errors with paths of the request
// body ("goals/1/actions/0/due_date"): at most kMaxPlanGoals goals and
// kMaxGoalActions actions each; non-empty clean texts of at most
// kMaxPlanText bytes (results kMaxActionResult, may be multiline); persons
// of the household; known domains; target and due dates in
// [2000-01-01, today + kPlanHorizonYears]; positive organisation and user
// ids; no duplicate keys; a goal `behaald` has no open or running action;
// an action `gereed` has a result. Empty means valid.
std::vector<FieldError> ValidatePlanGoals(const std::vector<PlanGoal>& goals,
                                          const PlanContext& context);

bool GoalTransitionAllowed(GoalStatus from, GoalStatus to, bool regisseur);
bool ActionTransitionAllowed(ActionStatus from, ActionStatus to, bool regisseur);

// Checks `goals` (the edited plan) against `previous` (the current version):
// keys must be of goals/actions of `previous` (an action keeps its goal),
// statuses move only as the transitions allow, new goals and actions start
// as open or loopt. `regisseur` may reopen finished goals and actions.
std::vector<FieldError> ValidatePlanTransitions(const Plan& previous,
                                                const std::vector<PlanGoal>& goals, bool regisseur);

// Gives every goal and action with key 0 the next key of `plan`.
void AssignPlanKeys(Plan& plan);

// nullptr when no goal of `plan` has `key`.
const PlanGoal* FindGoal(const Plan& plan, int64_t key);

// Agreement rules: date in [2000-01-01, today], a positive plan version, a
// language (ISO 639, IsLanguageCode) required with an interpreter, at least
// one signer, no duplicate or non-positive signer. That the version exists
// and the signers are adults of the household is the caller's check.
std::vector<FieldError> ValidatePlanAgreement(const PlanAgreement& agreement, Date today);

}  // namespace regie::core
