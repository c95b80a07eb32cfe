#include "core/access/plan_access.h"

#include <gtest/gtest.h>

namespace regie::core {
namespace {

constexpr int64_t kHour = 3600LL * 1'000'000;
const Timestamp kNow{static_cast<int64_t>(Date::Parse("2026-11-23")->days()) * 24 * kHour +
                     12 * kHour};
const PlanDomains kDomains = PlanDomains::Defaults();

Principal User(int64_t id, int64_t org, RoleSet roles) {
  Principal p;
  p.user_id = id;
  p.organisation_id = org;
  p.roles = roles;
  p.tenant_ids = {1};
  return p;
}

HouseholdFacts Facts() {
  HouseholdFacts f;
  f.tenant_id = 1;
  f.household_id = 10;
  f.regisseur_user_id = 100;
  f.begeleider_ids = {101};
  f.vrijwilliger_ids = {102};
  f.involved_organisations = {20, 21};
  SharingBasis b;
  b.tenant_id = 1;
  b.person_id = 1;
  b.organisation_id = 20;  // the GGD sees person 1's health data
  b.categories = {DataCategory::kBasis, DataCategory::kGezondheid};
  b.given = *Date::Parse("2026-01-01");
  f.bases = {b};
  return f;
}

PlanGoal Goal(int64_t key, int64_t person, std::string domain, int64_t org) {
  return {.key = key,
          .person_id = person,
          .domain = std::move(domain),
          .text = "doel " + std::to_string(key),
          .target_date = *Date::Parse("2027-01-01"),
          .status = GoalStatus::kLoopt,
          .actions = {{.key = key * 10,
                       .text = "actie",
                       .organisation_id = org,
                       .due_date = *Date::Parse("2026-12-01")}}};
}

// Person 1: a health goal (action for org 20) and a work goal (action for
// org 21); person 2: a health goal with an action for org 21.
Plan ThePlan() {
  Plan p;
  p.version = 3;
  p.goals = {Goal(1, 1, "zorg_gezondheid", 20), Goal(2, 1, "werk_inkomen", 21),
             Goal(3, 2, "zorg_gezondheid", 21)};
  return p;
}

std::vector<int64_t> Keys(const Plan& p) {
  std::vector<int64_t> out;
  for (const PlanGoal& g : p.goals) out.push_back(g.key);
  return out;
}

PlanView View(const Principal& u) {
  HouseholdFacts f = Facts();
  AccessDecision d = DecideHousehold(u, Action::kRead, f, kNow);
  return FilterPlan(u, d, f, kDomains, ThePlan(), kNow);
}

TEST(PlanAccessTest, RightsFollowTheRelationship) {
  HouseholdFacts f = Facts();
  auto rights = [&](const Principal& u) {
    return DecidePlan(DecideHousehold(u, Action::kRead, f, kNow));
  };
  PlanRights r = rights(User(100, 1, {Role::kRegisseur}));
  EXPECT_TRUE(r.read && r.edit && r.agree && r.regisseur);
  r = rights(User(101, 2, {Role::kBegeleider}));
  EXPECT_TRUE(r.read && r.edit && r.agree);
  EXPECT_FALSE(r.regisseur);
  r = rights(User(200, 20, {Role::kPartner}));
  EXPECT_TRUE(r.read);
  EXPECT_FALSE(r.edit || r.agree);
  r = rights(User(102, 3, {Role::kVrijwilliger}));
  EXPECT_FALSE(r.read);
  r = rights(User(300, 99, {Role::kPartner}));  // not involved
  EXPECT_FALSE(r.read);
}

TEST(PlanAccessTest, RegisseurSeesEverything) {
  PlanView v = View(User(100, 1, {Role::kRegisseur}));
  EXPECT_EQ(Keys(v.plan), (std::vector<int64_t>{1, 2, 3}));
  EXPECT_TRUE(v.restricted.empty());
  EXPECT_EQ(v.hidden, 0U);
}

TEST(PlanAccessTest, BegeleiderDoesNotSeeUnsharedHealthGoals) {
  PlanView v = View(User(101, 2, {Role::kBegeleider}));
  EXPECT_EQ(Keys(v.plan), std::vector<int64_t>{2});
  EXPECT_EQ(v.hidden, 2U);
}

TEST(PlanAccessTest, PartnerSeesSharedGoalsAndItsOwnActions) {
  // Org 20 has a health basis for person 1 only: goal 1 in full; goal 2
  // (werk_inkomen, not shared) and goal 3 have no action of org 20.
  PlanView ggd = View(User(200, 20, {Role::kPartner}));
  EXPECT_EQ(Keys(ggd.plan), std::vector<int64_t>{1});
  EXPECT_EQ(ggd.hidden, 2U);
  // Org 21 has no basis: goals 2 and 3 only restricted, for its actions.
  PlanView werk = View(User(201, 21, {Role::kPartner}));
  EXPECT_EQ(Keys(werk.plan), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(werk.restricted, (std::set<int64_t>{2, 3}));
  EXPECT_EQ(werk.plan.goals[1].text, "");
  EXPECT_EQ(werk.plan.goals[1].actions.size(), 1U);
  EXPECT_EQ(werk.hidden, 1U);
}

TEST(PlanAccessTest, SavingAPartialViewKeepsTheHiddenGoals) {
  const Principal u = User(101, 2, {Role::kBegeleider});
  HouseholdFacts f = Facts();
  AccessDecision d = DecideHousehold(u, Action::kUpdate, f, kNow);
  const Plan current = ThePlan();
  PlanView v = FilterPlan(u, d, f, kDomains, current, kNow);
  std::vector<PlanGoal> edited = v.plan.goals;
  edited[0].text = "Werk gevonden";
  auto merged = MergeVisibleGoals(u, d, f, kDomains, current, edited, kNow);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  ASSERT_EQ(merged->size(), 3U);
  EXPECT_EQ((*merged)[0].text, "Werk gevonden");
  EXPECT_EQ((*merged)[1], current.goals[0]);
  EXPECT_EQ((*merged)[2], current.goals[2]);

  // Neither a hidden goal's key nor a new goal in a hidden category.
  std::vector<PlanGoal> bad = {current.goals[0], Goal(0, 2, "zorg_gezondheid", 21)};
  auto refused = MergeVisibleGoals(u, d, f, kDomains, current, bad, kNow);
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.status().field_errors().size(), 2U);
  EXPECT_EQ(refused.status().field_errors()[0], (FieldError{"goals/0/key", "unknown_key"}));
  EXPECT_EQ(refused.status().field_errors()[1], (FieldError{"goals/1/domain", "not_allowed"}));
}

TEST(PlanAccessTest, AnswersForOwnOrganisationOrAsResponsibleUser) {
  PlanAction a{.organisation_id = 20, .user_id = 7};
  EXPECT_TRUE(AnswersFor(User(1, 20, {Role::kPartner}), a));
  EXPECT_TRUE(AnswersFor(User(7, 99, {Role::kPartner}), a));
  EXPECT_FALSE(AnswersFor(User(8, 21, {Role::kPartner}), a));
}

}  // namespace
}  // namespace regie::core
