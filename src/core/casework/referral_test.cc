#include "core/casework/referral.h"

#include <gtest/gtest.h>

namespace regie::core {
namespace {

constexpr int64_t kHour = 3600LL * 1'000'000;
constexpr int64_t kDay = 24 * kHour;
const Date kToday = *Date::Parse("2026-11-23");
const Timestamp kNow{static_cast<int64_t>(kToday.days()) * kDay + 12 * kHour};

constexpr int64_t kGemeente = 1;
constexpr int64_t kGgd = 30;
constexpr int64_t kOther = 31;

Principal User(int64_t id, int64_t org, RoleSet roles) {
  Principal p;
  p.user_id = id;
  p.organisation_id = org;
  p.roles = roles;
  p.tenant_ids = {1};
  return p;
}

SharingBasis Basis(int64_t person, int64_t org, CategorySet categories) {
  SharingBasis b;
  b.id = person * 100 + org;
  b.tenant_id = 1;
  b.person_id = person;
  b.organisation_id = org;
  b.categories = categories;
  b.given = *Date::Parse("2026-01-01");
  return b;
}

ReferralData Data() {
  ReferralData d;
  d.household_id = 10;
  d.person_ids = {5};
  d.to_organisation_id = kGgd;
  d.reason = "  Intake bij de GGD voor de jeugdgezondheidszorg  ";
  d.package = {DataCategory::kBasis, DataCategory::kGezondheid};
  return d;
}

HouseholdFacts Facts() {
  HouseholdFacts f;
  f.tenant_id = 1;
  f.household_id = 10;
  f.regisseur_user_id = 100;
  f.begeleider_ids = {101};
  f.bases = {Basis(5, kGgd, {DataCategory::kBasis, DataCategory::kGezondheid}),
             Basis(6, kGgd, CategorySet::All())};
  return f;
}

Referral Accepted() {
  Referral r = NewReferral(1, Data(), kGemeente, 100, kNow);
  r.id = 7;
  StatusOr<AppliedReferralTransition> a =
      ApplyReferralTransition(r, {ReferralAction::kAccept, 300, kNow, ""});
  EXPECT_TRUE(a.ok());
  return a->referral;
}

TEST(ReferralTest, ValidatesWhatTheSenderStates) {
  ReferralData d;
  d.person_ids = {3, 3, -1};
  d.respond_by = kToday.AddDays(-1);
  d.retention_days = 400;
  std::vector<FieldError> errors = ValidateReferral(d, kToday);
  auto has = [&errors](std::string_view field, std::string_view code) {
    for (const FieldError& e : errors)
      if (e.field == field && e.code == code) return true;
    return false;
  };
  EXPECT_TRUE(has("household_id", "invalid_reference"));
  EXPECT_TRUE(has("person_ids/1", "duplicate"));
  EXPECT_TRUE(has("person_ids/2", "invalid_reference"));
  EXPECT_TRUE(has("to_organisation_id", "required"));
  EXPECT_TRUE(has("reason", "required"));
  EXPECT_TRUE(has("package", "required"));
  EXPECT_TRUE(has("respond_by", "date_in_past"));
  EXPECT_TRUE(has("retention_days", "out_of_range"));
  ReferralData ok = Data();
  NormaliseReferral(ok);
  EXPECT_EQ(ok.reason, "Intake bij de GGD voor de jeugdgezondheidszorg");
  EXPECT_TRUE(ValidateReferral(ok, kToday).empty());
}

TEST(ReferralTest, PackageMustBeCoveredForEveryPersonByAnActiveBasis) {
  ReferralData d = Data();
  d.person_ids = {5, 6};
  std::vector<SharingBasis> bases = Facts().bases;
  EXPECT_TRUE(UncoveredPackage(d, bases, kNow).empty());
  d.package.Add(DataCategory::kJeugd);
  std::vector<UncoveredItem> missing = UncoveredPackage(d, bases, kNow);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].person_id, 5);
  EXPECT_EQ(missing[0].category, DataCategory::kJeugd);
  // A basis for another organisation does not count; a withdrawn one neither.
  d.package = {DataCategory::kGezondheid};
  bases[0].organisation_id = kOther;
  EXPECT_EQ(UncoveredPackage(d, bases, kNow).size(), 1u);
  bases[0].organisation_id = kGgd;
  bases[0].withdrawn_at = Timestamp{kNow.micros - kHour};
  EXPECT_EQ(UncoveredPackage(d, bases, kNow).size(), 1u);
}

TEST(ReferralTest, StateMachine) {
  Referral r = NewReferral(1, Data(), kGemeente, 100, kNow);
  EXPECT_EQ(r.state, ReferralState::kVoorgesteld);
  EXPECT_EQ(r.respond_by, kToday.AddDays(kDefaultResponseDays));
  EXPECT_EQ(ReferralDueDate(r), r.respond_by);

  // Rejecting needs a reason.
  StatusOr<AppliedReferralTransition> bad =
      ApplyReferralTransition(r, {ReferralAction::kReject, 300, kNow, ""});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().reason(), "validation_failed");
  StatusOr<AppliedReferralTransition> rejected =
      ApplyReferralTransition(r, {ReferralAction::kReject, 300, kNow, "Geen capaciteit"});
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->referral.state, ReferralState::kAfgewezen);
  EXPECT_EQ(rejected->referral.decision_note, "Geen capaciteit");
  EXPECT_EQ(rejected->referral.decided_by, 300);
  EXPECT_EQ(rejected->referral.version, 2);
  EXPECT_EQ(rejected->event.from_state, ReferralState::kVoorgesteld);
  EXPECT_FALSE(ReferralDueDate(rejected->referral));

  // Completing is only possible once accepted; nothing follows a final state.
  EXPECT_EQ(
      ApplyReferralTransition(r, {ReferralAction::kComplete, 100, kNow, ""}).status().reason(),
      "referral_transition_refused");
  Referral accepted = Accepted();
  EXPECT_EQ(ApplyReferralTransition(accepted, {ReferralAction::kWithdraw, 100, kNow, ""})
                .status()
                .reason(),
            "referral_transition_refused");
  StatusOr<AppliedReferralTransition> done =
      ApplyReferralTransition(accepted, {ReferralAction::kComplete, 300, kNow, "Intake gedaan"});
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->referral.state, ReferralState::kAfgerond);
  EXPECT_EQ(done->referral.completed_at, kNow);
  for (ReferralAction a : {ReferralAction::kAccept, ReferralAction::kReject,
                           ReferralAction::kWithdraw, ReferralAction::kComplete})
    EXPECT_FALSE(ReferralTransitionAllowed(ReferralState::kAfgerond, a));
}

TEST(ReferralTest, WhoMayDoWhat) {
  HouseholdFacts f = Facts();
  Referral r = NewReferral(1, Data(), kGemeente, 100, kNow);
  const ReferralFacts rf = FactsOfReferral(r);
  ReferralDecision regisseur =
      DecideReferral(User(100, kGemeente, {Role::kRegisseur}), f, rf, kNow);
  EXPECT_TRUE(regisseur.full);
  EXPECT_EQ(AllowedReferralActions(regisseur, r.state),
            std::vector<ReferralAction>{ReferralAction::kWithdraw});
  ReferralDecision receiver = DecideReferral(User(300, kGgd, {Role::kPartner}), f, rf, kNow);
  EXPECT_TRUE(receiver.allowed);
  EXPECT_EQ(receiver.reason, "referral_receiver");
  EXPECT_EQ(AllowedReferralActions(receiver, r.state),
            (std::vector<ReferralAction>{ReferralAction::kAccept, ReferralAction::kReject}));
  EXPECT_EQ(AllowedReferralActions(receiver, ReferralState::kGeaccepteerd),
            std::vector<ReferralAction>{ReferralAction::kComplete});
  // The assigned begeleider of the sending organisation counts as the sender.
  ReferralDecision begeleider =
      DecideReferral(User(101, kGemeente, {Role::kBegeleider}), f, rf, kNow);
  EXPECT_TRUE(begeleider.allowed);
  EXPECT_TRUE(begeleider.full);  // same organisation as the sender, involved with the household
  HouseholdFacts with_volunteer = f;
  with_volunteer.vrijwilliger_ids = {102};
  ReferralDecision volunteer =
      DecideReferral(User(102, kOther, {Role::kVrijwilliger}), with_volunteer, rf, kNow);
  EXPECT_FALSE(volunteer.allowed);
  ReferralDecision stranger = DecideReferral(User(400, kOther, {Role::kPartner}), f, rf, kNow);
  EXPECT_FALSE(stranger.allowed);
  EXPECT_EQ(stranger.reason, "no_relationship");
  ReferralDecision auditor = DecideReferral(User(500, kGemeente, {Role::kAuditor}), f, rf, kNow);
  EXPECT_FALSE(auditor.allowed);
}

TEST(ReferralTest, ReceiverSeesOnlyThePackageWhileTheBasisHolds) {
  HouseholdFacts f = Facts();
  const Principal ggd = User(300, kGgd, {Role::kPartner});
  // Proposed: no access to the household yet.
  EXPECT_FALSE(DecideHousehold(ggd, Action::kRead, f, kNow).allowed);

  Referral r = Accepted();
  f.referrals.push_back(*GrantOfReferral(r));
  AccessDecision d = DecideHousehold(ggd, Action::kRead, f, kNow);
  ASSERT_TRUE(d.allowed);
  EXPECT_EQ(d.relationship, Relationship::kReferral);
  EXPECT_EQ(d.reason, "referral_receiver");
  const CategorySet package{DataCategory::kBasis, DataCategory::kGezondheid};
  EXPECT_EQ(d.categories, package);
  EXPECT_EQ(PersonCategories(ggd, d, f, 5, kNow), package);
  // Person 6 has a wide basis but is not named in the referral.
  EXPECT_TRUE(PersonCategories(ggd, d, f, 6, kNow).Empty());
  EXPECT_FALSE(DecideHousehold(ggd, Action::kUpdate, f, kNow).allowed);

  // Consent withdrawn: the access goes at once.
  f.bases[0].withdrawn_at = kNow;
  EXPECT_FALSE(DecideHousehold(ggd, Action::kRead, f, kNow).allowed);
}

TEST(ReferralTest, AccessEndsAfterTheRetentionOfACompletedReferral) {
  HouseholdFacts f = Facts();
  const Principal ggd = User(300, kGgd, {Role::kPartner});
  StatusOr<AppliedReferralTransition> done =
      ApplyReferralTransition(Accepted(), {ReferralAction::kComplete, 300, kNow, ""});
  ASSERT_TRUE(done.ok());
  f.referrals.push_back(*GrantOfReferral(done->referral));
  const Timestamp end{kNow.micros + kDefaultReferralRetentionDays * kDay};
  EXPECT_TRUE(DecideHousehold(ggd, Action::kRead, f, Timestamp{end.micros - 1}).allowed);
  EXPECT_FALSE(DecideHousehold(ggd, Action::kRead, f, end).allowed);
  // A cached decision expires at that moment.
  EXPECT_EQ(NextAccessChange(f, Timestamp{end.micros - kHour}), end);
  // Rejected and withdrawn referrals give nothing.
  Referral r = NewReferral(1, Data(), kGemeente, 100, kNow);
  EXPECT_FALSE(GrantOfReferral(r));
}

}  // namespace
}  // namespace regie::core
