#include "core/casework/plan.h"

#include <gtest/gtest.h>

#include "core/casework/plan_diff.h"

namespace regie::core {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
const Date kToday = D("2026-11-22");
const PlanDomains kDomains = PlanDomains::Defaults();

PlanContext Context() { return {.person_ids = {3, 4}, .domains = &kDomains, .today = kToday}; }

PlanGoal Goal(int64_t key, GoalStatus status = GoalStatus::kLoopt) {
  return {.key = key,
          .person_id = 3,
          .domain = "werk_inkomen",
          .text = "Betaald werk binnen 18 maanden",
          .target_date = D("2027-06-01"),
          .status = status,
          .actions = {{.key = key + 100,
                       .text = "Aanmelden bij werkplein",
                       .organisation_id = 5,
                       .user_id = 9,
                       .due_date = D("2026-12-01"),
                       .status = ActionStatus::kOpen}}};
}

std::vector<std::string> Codes(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.code);
  return out;
}

TEST(PlanDomainsTest, DefaultsCarryCategoriesAndAreConfigurable) {
  PlanDomains d = PlanDomains::Defaults();
  ASSERT_EQ(d.All().size(), 8U);
  EXPECT_EQ(d.CategoryOf("zorg_gezondheid"), DataCategory::kGezondheid);
  EXPECT_EQ(d.CategoryOf("werk_inkomen"), DataCategory::kWerkInkomen);
  EXPECT_EQ(d.CategoryOf("financien"), DataCategory::kFinancien);
  EXPECT_EQ(d.CategoryOf("onderwijs_taal"), DataCategory::kInburgering);
  EXPECT_EQ(d.CategoryOf("wonen"), DataCategory::kBasis);
  EXPECT_EQ(d.CategoryOf("weggehaald"), DataCategory::kGezondheid);  // unknown: most protected
  EXPECT_TRUE(d.Set({"sport", "Sport", "Sport", DataCategory::kBasis}).ok());
  EXPECT_TRUE(d.Knows("sport"));
  EXPECT_TRUE(d.Set({"wonen", "Huisvesting", "Housing", DataCategory::kContact}).ok());
  EXPECT_EQ(d.All().size(), 9U);
  EXPECT_EQ(d.Find("wonen")->label_nl, "Huisvesting");
  EXPECT_EQ(d.CategoryOf("wonen"), DataCategory::kContact);
  EXPECT_FALSE(d.Set({"Met Spatie", "x", "x", DataCategory::kBasis}).ok());
  EXPECT_FALSE(d.Set({"leeg", "", "x", DataCategory::kBasis}).ok());
}

TEST(PlanValidationTest, ValidGoalsPass) {
  EXPECT_TRUE(ValidatePlanGoals({Goal(1), Goal(2)}, Context()).empty());
}

TEST(PlanValidationTest, EveryFieldIsChecked) {
  PlanGoal g = Goal(1);
  g.person_id = 99;
  g.domain = "ruimtevaart";
  g.text = "";
  g.target_date = D("1999-12-31");
  PlanAction& a = g.actions[0];
  a.text = std::string(kMaxPlanText + 1, 'x');
  a.organisation_id = 0;
  a.user_id = -1;
  a.due_date = kToday.AddMonths(12 * kPlanHorizonYears + 1);
  a.status = ActionStatus::kGereed;  // without a result
  EXPECT_EQ(Codes(ValidatePlanGoals({g}, Context())),
            (std::vector<std::string>{
                "goals/0/person_id:invalid_reference", "goals/0/domain:unknown_domain",
                "goals/0/text:required", "goals/0/target_date:date_too_early",
                "goals/0/actions/0/text:too_long", "goals/0/actions/0/organisation_id:required",
                "goals/0/actions/0/user_id:invalid_reference",
                "goals/0/actions/0/due_date:date_too_late", "goals/0/actions/0/result:required"}));
}

TEST(PlanValidationTest, AchievedGoalNeedsFinishedActionsAndKeysAreUnique) {
  PlanGoal g = Goal(1, GoalStatus::kBehaald);
  EXPECT_EQ(Codes(ValidatePlanGoals({g}, Context())),
            std::vector<std::string>{"goals/0/status:open_actions"});
  g.actions[0].status = ActionStatus::kVervallen;
  EXPECT_TRUE(ValidatePlanGoals({g}, Context()).empty());
  PlanGoal dup = Goal(1);
  EXPECT_EQ(Codes(ValidatePlanGoals({Goal(1), dup}, Context())),
            (std::vector<std::string>{"goals/1/key:duplicate", "goals/1/actions/0/key:duplicate"}));
  g.text = "regel\nbreuk";
  EXPECT_EQ(Codes(ValidatePlanGoals({g}, Context())),
            std::vector<std::string>{"goals/0/text:invalid_text"});
}

TEST(PlanTransitionTest, GoalStateMachine) {
  using S = GoalStatus;
  EXPECT_TRUE(GoalTransitionAllowed(S::kOpen, S::kLoopt, false));
  EXPECT_TRUE(GoalTransitionAllowed(S::kOpen, S::kVervallen, false));
  EXPECT_FALSE(GoalTransitionAllowed(S::kOpen, S::kBehaald, true));
  EXPECT_FALSE(GoalTransitionAllowed(S::kOpen, S::kNietBehaald, true));
  EXPECT_TRUE(GoalTransitionAllowed(S::kLoopt, S::kBehaald, false));
  EXPECT_TRUE(GoalTransitionAllowed(S::kLoopt, S::kNietBehaald, false));
  EXPECT_TRUE(GoalTransitionAllowed(S::kLoopt, S::kVervallen, false));
  EXPECT_FALSE(GoalTransitionAllowed(S::kLoopt, S::kOpen, true));
  for (S final : {S::kBehaald, S::kNietBehaald, S::kVervallen}) {
    EXPECT_FALSE(GoalTransitionAllowed(final, S::kLoopt, false));
    EXPECT_TRUE(GoalTransitionAllowed(final, S::kLoopt, true));
    EXPECT_FALSE(GoalTransitionAllowed(final, S::kOpen, true));
    EXPECT_TRUE(GoalTransitionAllowed(final, final, false));
  }
  EXPECT_FALSE(GoalTransitionAllowed(S::kBehaald, S::kNietBehaald, true));
}

TEST(PlanTransitionTest, ActionStateMachine) {
  using S = ActionStatus;
  EXPECT_TRUE(ActionTransitionAllowed(S::kOpen, S::kLoopt, false));
  EXPECT_TRUE(ActionTransitionAllowed(S::kOpen, S::kGereed, false));
  EXPECT_TRUE(ActionTransitionAllowed(S::kLoopt, S::kVervallen, false));
  EXPECT_FALSE(ActionTransitionAllowed(S::kLoopt, S::kOpen, true));
  EXPECT_FALSE(ActionTransitionAllowed(S::kGereed, S::kLoopt, false));
  EXPECT_TRUE(ActionTransitionAllowed(S::kGereed, S::kLoopt, true));
  EXPECT_FALSE(ActionTransitionAllowed(S::kVervallen, S::kGereed, true));
}

TEST(PlanTransitionTest, ComparesWithThePreviousVersion) {
  Plan previous;
  previous.goals = {Goal(1, GoalStatus::kOpen), Goal(2, GoalStatus::kBehaald)};
  previous.goals[1].actions[0].status = ActionStatus::kGereed;

  std::vector<PlanGoal> edited = previous.goals;
  edited[0].status = GoalStatus::kBehaald;             // open -> behaald: refused
  edited[1].status = GoalStatus::kLoopt;               // reopen: regisseur only
  edited[1].actions[0].status = ActionStatus::kLoopt;  // reopen: regisseur only
  PlanGoal fresh = Goal(0, GoalStatus::kNietBehaald);  // a new goal cannot start final
  fresh.actions[0].key = 0;
  fresh.actions[0].status = ActionStatus::kGereed;
  PlanGoal stranger = Goal(7);  // a key the plan never had
  edited.push_back(fresh);
  edited.push_back(stranger);
  EXPECT_EQ(
      Codes(ValidatePlanTransitions(previous, edited, false)),
      (std::vector<std::string>{
          "goals/0/status:transition_not_allowed", "goals/1/status:reopen_regisseur_only",
          "goals/1/actions/0/status:reopen_regisseur_only", "goals/2/status:invalid_initial_status",
          "goals/2/actions/0/status:invalid_initial_status", "goals/3/key:unknown_key",
          "goals/3/actions/0/key:unknown_key"}));
  edited[0].status = GoalStatus::kLoopt;
  edited.resize(2);
  EXPECT_FALSE(ValidatePlanTransitions(previous, edited, false).empty());
  EXPECT_TRUE(ValidatePlanTransitions(previous, edited, true).empty());

  // An action cannot move to another goal under its old key.
  std::vector<PlanGoal> moved = previous.goals;
  std::swap(moved[0].actions, moved[1].actions);
  EXPECT_EQ(Codes(ValidatePlanTransitions(previous, moved, true)),
            (std::vector<std::string>{"goals/0/actions/0/key:unknown_key",
                                      "goals/1/actions/0/key:unknown_key"}));
}

TEST(PlanKeysTest, NewItemsGetFreshKeysThatAreNeverReused) {
  Plan p;
  p.next_key = 5;
  p.goals = {Goal(0)};
  p.goals[0].actions[0].key = 0;
  p.goals[0].actions.push_back(p.goals[0].actions[0]);
  AssignPlanKeys(p);
  EXPECT_EQ(p.goals[0].key, 5);
  EXPECT_EQ(p.goals[0].actions[0].key, 6);
  EXPECT_EQ(p.goals[0].actions[1].key, 7);
  EXPECT_EQ(p.next_key, 8);
  p.goals.clear();
  p.goals.push_back(Goal(0));
  p.goals[0].actions.clear();
  AssignPlanKeys(p);
  EXPECT_EQ(p.goals[0].key, 8);
}

TEST(PlanAgreementTest, Rules) {
  PlanAgreement a{
      .plan_version = 2, .date = kToday, .interpreter = true, .language = "ar", .signed_by = {3}};
  EXPECT_TRUE(ValidatePlanAgreement(a, kToday).empty());
  a.language.reset();
  a.date = kToday.AddDays(1);
  a.signed_by = {3, 3, 0};
  a.plan_version = 0;
  EXPECT_EQ(Codes(ValidatePlanAgreement(a, kToday)),
            (std::vector<std::string>{"plan_version:invalid_reference", "date:date_in_future",
                                      "language:required", "signed_by/1:duplicate",
                                      "signed_by/2:invalid_reference"}));
  a = {.plan_version = 1, .date = kToday, .language = "xx"};
  EXPECT_EQ(Codes(ValidatePlanAgreement(a, kToday)),
            (std::vector<std::string>{"language:unknown_language", "signed_by:required"}));
}

std::vector<std::string> Render(const std::vector<PlanChange>& changes) {
  std::vector<std::string> out;
  for (const PlanChange& c : changes) {
    std::string s = std::string(ToCode(c.kind)) + " " + std::to_string(c.goal_key);
    if (c.action_key) s += "/" + std::to_string(*c.action_key);
    if (!c.field.empty())
      s += " " + c.field + " " + c.old_value.value_or("-") + "->" + c.new_value.value_or("-");
    if (!c.label.empty()) s += " '" + c.label + "'";
    out.push_back(s);
  }
  return out;
}

TEST(PlanDiffTest, EqualPlansHaveNoChanges) {
  Plan a;
  a.goals = {Goal(1), Goal(2)};
  EXPECT_TRUE(DiffPlans(a, a).empty());
}

TEST(PlanDiffTest, ListsAddedRemovedAndChangedItems) {
  Plan a;
  a.goals = {Goal(1), Goal(2)};
  Plan b = a;
  b.goals.erase(b.goals.begin() + 1);        // goal 2 removed
  b.goals[0].status = GoalStatus::kBehaald;  // goal 1 changed
  b.goals[0].actions[0].status = ActionStatus::kGereed;
  b.goals[0].actions[0].result = "Ingeschreven";
  b.goals[0].actions[0].user_id.reset();
  PlanAction extra{
      .key = 301, .text = "Taalstage zoeken", .organisation_id = 5, .due_date = D("2027-01-01")};
  b.goals[0].actions.push_back(extra);
  PlanGoal g3 = Goal(3);
  g3.domain = "financien";
  b.goals.push_back(g3);
  EXPECT_EQ(
      Render(DiffPlans(a, b)),
      (std::vector<std::string>{
          "goal_changed 1 status loopt->behaald", "action_changed 1/101 user_id 9->-",
          "action_changed 1/101 status open->gereed", "action_changed 1/101 result ->Ingeschreven",
          "action_added 1/301 'Taalstage zoeken'", "goal_added 3 'Betaald werk binnen 18 maanden'",
          "action_added 3/103 'Aanmelden bij werkplein'",
          "goal_removed 2 'Betaald werk binnen 18 maanden'",
          "action_removed 2/102 'Aanmelden bij werkplein'"}));
  // The reverse diff mirrors it.
  std::vector<std::string> back = Render(DiffPlans(b, a));
  EXPECT_EQ(back.front(), "goal_changed 1 status behaald->loopt");
  EXPECT_NE(std::find(back.begin(), back.end(), "action_removed 1/301 'Taalstage zoeken'"),
            back.end());
  EXPECT_NE(std::find(back.begin(), back.end(), "goal_removed 3 'Betaald werk binnen 18 maanden'"),
            back.end());
}

}  // namespace
}  // namespace regie::core
