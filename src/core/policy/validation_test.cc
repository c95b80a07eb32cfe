#include "core/policy/validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/policy/test_pack.h"

namespace regie::core::policy {
namespace {

using testing::D;
using testing::TestPack;

std::vector<std::string> Codes(const std::vector<PolicyError>& errors) {
  std::vector<std::string> out;
  for (const PolicyError& e : errors) out.push_back(e.code);
  return out;
}

TEST(ValidatePack, AcceptsTheTestPack) {
  EXPECT_THAT(ValidatePack(TestPack()), ::testing::IsEmpty());
}

TEST(ValidatePack, UnknownEventNamesTheRuleAndItsPosition) {
  Pack p = TestPack();
  p.milestones[0].anchor = "huisvesting";
  std::vector<PolicyError> errors = ValidatePack(p);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].code, "unknown_event");
  EXPECT_EQ(errors[0].where.ToString(), "test.toml:20:1");
  EXPECT_THAT(errors[0].message, ::testing::HasSubstr("'huisvesting'"));
}

TEST(ValidatePack, MilestoneAnchoredOnItsOwnSatisfyingEventIsACycle) {
  Pack p = TestPack();
  p.milestones[0].anchor = "intake";
  EXPECT_THAT(Codes(ValidatePack(p)), ::testing::ElementsAre("cycle"));
}

TEST(ValidatePack, AnchorThroughDerivedEventsOnTheSatisfyingEventIsACycle) {
  Pack p = TestPack();
  p.milestones[2].satisfied_by = {{"plan", std::nullopt, {}}};  // anchor plan_next_day <- plan
  EXPECT_THAT(Codes(ValidatePack(p)), ::testing::ElementsAre("cycle"));
}

TEST(ValidatePack, DerivedEventsDependingOnEachOtherAreACycle) {
  Pack p = TestPack();
  EventDecl a = testing::Event("a", EventKind::kDerived);
  a.derived_from = {"b"};
  EventDecl b = testing::Event("b", EventKind::kDerived);
  b.derived_from = {"a"};
  p.events.push_back(a);
  p.events.push_back(b);
  std::vector<PolicyError> errors = ValidatePack(p);
  ASSERT_EQ(Codes(errors), std::vector<std::string>{"cycle"});
  EXPECT_THAT(errors[0].message, ::testing::HasSubstr("a -> b -> a"));
}

TEST(ValidatePack, ImpossibleDeadlines) {
  Pack negative = TestPack();
  negative.milestones[0].deadline.after = Duration{-1, DurationUnit::kWeeks};
  EXPECT_THAT(Codes(ValidatePack(negative)), ::testing::ElementsAre("impossible_deadline"));

  Pack zero_extension = TestPack();
  zero_extension.milestones[0].extensions[0].by = Duration{0, DurationUnit::kWeeks};
  EXPECT_THAT(Codes(ValidatePack(zero_extension)), ::testing::ElementsAre("impossible_deadline"));

  Pack zero_cadence = TestPack();
  zero_cadence.cadences[0].every = Duration{0, DurationUnit::kMonths};
  EXPECT_THAT(Codes(ValidatePack(zero_cadence)), ::testing::ElementsAre("impossible_deadline"));

  Pack before_validity = TestPack();
  before_validity.milestones[0].deadline.after.reset();
  before_validity.milestones[0].deadline.on = D("2019-12-31");
  EXPECT_THAT(Codes(ValidatePack(before_validity)), ::testing::ElementsAre("impossible_deadline"));

  Pack backwards = TestPack();
  backwards.valid_to = D("2019-01-01");
  EXPECT_THAT(Codes(ValidatePack(backwards)), ::testing::ElementsAre("impossible_validity"));

  // "0 days" is a deadline on the anchor date itself: allowed.
  Pack on_anchor = TestPack();
  on_anchor.milestones[0].deadline.after = Duration{0, DurationUnit::kDays};
  EXPECT_THAT(ValidatePack(on_anchor), ::testing::IsEmpty());
}

TEST(ValidatePack, MissingSourceAndLabels) {
  Pack p = TestPack();
  p.milestones[1].source.section.clear();
  p.cadences[0].source = {};
  p.indicators[0].label.en.clear();
  EXPECT_THAT(Codes(ValidatePack(p)),
              ::testing::ElementsAre("missing_source", "missing_source", "missing_label"));
}

TEST(ValidatePack, ExtensionsAndExemptionsNeedAReason) {
  Pack p = TestPack();
  p.events[3].requires_reason = false;  // intake_extended
  EXPECT_THAT(Codes(ValidatePack(p)), ::testing::ElementsAre("reason_required"));
}

TEST(ValidatePack, DuplicateIdsAndBadApplicability) {
  Pack p = TestPack();
  p.cadences[0].id = "t.intake";
  p.milestones[1].applies.min_age = 30;
  p.milestones[1].applies.max_age = 20;
  p.milestones[1].applies.roles = {"opa"};
  EXPECT_THAT(Codes(ValidatePack(p)), ::testing::UnorderedElementsAre(
                                          "duplicate_id", "impossible_applicability", "bad_code"));
}

TEST(ValidatePack, MinValueNeedsAnIntegerEvent) {
  Pack p = TestPack();
  p.milestones[0].satisfied_by[0].min_value = 3;
  EXPECT_THAT(Codes(ValidatePack(p)), ::testing::ElementsAre("bad_condition"));
}

TEST(ValidatePackSet, OverlappingVersionsAreRefused) {
  Pack v1 = TestPack();
  v1.valid_to = D("2021-06-30");
  Pack v2 = TestPack();
  v2.version = 2;
  v2.valid_from = D("2021-06-30");
  v2.where = {"test-v2.toml", 1, 1};
  std::vector<PolicyError> errors = ValidatePackSet({v1, v2});
  ASSERT_EQ(Codes(errors), std::vector<std::string>{"overlapping_validity"});
  EXPECT_EQ(errors[0].where.file, "test-v2.toml");
  v2.valid_from = D("2021-07-01");
  EXPECT_THAT(ValidatePackSet({v1, v2}), ::testing::IsEmpty());
  v2.version = 1;
  EXPECT_THAT(Codes(ValidatePackSet({v1, v2})), ::testing::ElementsAre("duplicate_version"));
}

TEST(ValidatePackSet, SameRuleIdInTwoPacksIsRefused) {
  Pack a = TestPack();
  Pack b = TestPack();
  b.id = "other-pack";
  b.where = {"other.toml", 1, 1};
  std::vector<std::string> codes = Codes(ValidatePackSet({a, b}));
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "duplicate_id"),
            6);  // 3 milestones, 1 cadence, 2 indicators
}

TEST(ValidatePackSet, EventsDeclaredByTwoPacksMustAgree) {
  Pack a = TestPack();
  Pack b;
  b = TestPack();
  b.id = "other-pack";
  b.milestones.clear();
  b.cadences.clear();
  b.indicators.clear();
  EXPECT_THAT(ValidatePackSet({a, b}), ::testing::IsEmpty());
  b.events[7].value_kind = EventValueKind::kNone;  // ladder without a value
  EXPECT_THAT(Codes(ValidatePackSet({a, b})), ::testing::ElementsAre("conflicting_declaration"));
}

TEST(ErrorsToStatus, CarriesEveryLocation) {
  Status s =
      ErrorsToStatus({{{"a.toml", 1, 2}, "cycle", "x"}, {{"b.toml", 3, 4}, "unknown_event", "y"}});
  EXPECT_EQ(s.reason(), "policy_pack_invalid");
  ASSERT_EQ(s.field_errors().size(), 2U);
  EXPECT_EQ(s.field_errors()[1].field, "b.toml:3:4");
  EXPECT_TRUE(ErrorsToStatus({}).ok());
}

TEST(IsValidPolicyId, Shapes) {
  EXPECT_TRUE(IsValidPolicyId("wi2021.pip"));
  EXPECT_TRUE(IsValidPolicyId("nl-wet-inburgering-2021", true));
  EXPECT_FALSE(IsValidPolicyId("nl-wet-inburgering-2021"));
  EXPECT_FALSE(IsValidPolicyId("Pip"));
  EXPECT_FALSE(IsValidPolicyId("a..b"));
  EXPECT_FALSE(IsValidPolicyId("a."));
  EXPECT_FALSE(IsValidPolicyId(""));
}

}  // namespace
}  // namespace regie::core::policy
