#include "core/access/policy.h"

#include <gtest/gtest.h>

namespace regie::core {
namespace {

constexpr int64_t kHour = 3600LL * 1'000'000;
const Timestamp kNow{static_cast<int64_t>(Date::Parse("2026-11-23")->days()) * 24 * kHour +
                     12 * kHour};

Principal User(int64_t id, int64_t org, RoleSet roles, std::vector<int64_t> tenants = {1}) {
  Principal p;
  p.user_id = id;
  p.organisation_id = org;
  p.roles = roles;
  p.tenant_ids = std::move(tenants);
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
  return f;
}

SharingBasis Basis(int64_t person, int64_t org, CategorySet categories) {
  SharingBasis b;
  b.tenant_id = 1;
  b.person_id = person;
  b.organisation_id = org;
  b.categories = categories;
  b.given = *Date::Parse("2026-01-01");
  return b;
}

TEST(PolicyTest, RegisseurOfTheHouseholdMayDoEverything) {
  Principal r = User(100, 1, {Role::kRegisseur});
  for (Action a : {Action::kRead, Action::kUpdate, Action::kArchive, Action::kExport}) {
    AccessDecision d = DecideHousehold(r, a, Facts(), kNow);
    EXPECT_TRUE(d.allowed);
    EXPECT_EQ(d.relationship, Relationship::kRegisseur);
    EXPECT_EQ(d.categories, CategorySet::All());
  }
  // Another regisseur of the same municipality has no relationship.
  AccessDecision other =
      DecideHousehold(User(200, 1, {Role::kRegisseur}), Action::kRead, Facts(), kNow);
  EXPECT_FALSE(other.allowed);
  EXPECT_EQ(other.reason, "no_relationship");
}

TEST(PolicyTest, TenantIsolationComesFirst) {
  AccessDecision d =
      DecideHousehold(User(100, 1, {Role::kRegisseur}, {2}), Action::kRead, Facts(), kNow);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, "other_tenant");
}

TEST(PolicyTest, CaseFreeRolesNeverSeeCaseContent) {
  for (Role role : {Role::kBeleid, Role::kBeheer, Role::kAuditor}) {
    Principal p = User(100, 20, {role});  // even as "regisseur id" and involved org
    AccessDecision d = DecideHousehold(p, Action::kRead, Facts(), kNow);
    EXPECT_FALSE(d.allowed);
    EXPECT_EQ(d.reason, "no_case_content");
  }
}

TEST(PolicyTest, AggregatesExactForRegisseurSuppressedForBeleidRefusedOtherwise) {
  AggregateDecision d = DecideAggregates(User(1, 20, {Role::kRegisseur}), 1, Action::kRead);
  EXPECT_TRUE(d.allowed);
  EXPECT_TRUE(d.exact);
  EXPECT_EQ(d.reason, "case_team_exact");

  d = DecideAggregates(User(2, 20, {Role::kBeleid}), 1, Action::kRead);
  EXPECT_TRUE(d.allowed);
  EXPECT_FALSE(d.exact);
  EXPECT_EQ(d.reason, "beleid_suppressed");

  // Both roles: the case team's exact view.
  EXPECT_TRUE(
      DecideAggregates(User(3, 20, {Role::kBeleid, Role::kRegisseur}), 1, Action::kRead).exact);

  // An export leaves the system: suppressed even for the regisseur.
  for (Role role : {Role::kRegisseur, Role::kBeleid}) {
    d = DecideAggregates(User(4, 20, {role}), 1, Action::kExport);
    EXPECT_TRUE(d.allowed);
    EXPECT_FALSE(d.exact);
    EXPECT_EQ(d.reason, "export_suppressed");
  }

  for (Role role :
       {Role::kBegeleider, Role::kPartner, Role::kVrijwilliger, Role::kBeheer, Role::kAuditor}) {
    for (Action action : {Action::kRead, Action::kExport}) {
      d = DecideAggregates(User(5, 20, {role}), 1, action);
      EXPECT_FALSE(d.allowed);
      EXPECT_EQ(d.reason, "role_not_allowed");
    }
  }

  d = DecideAggregates(User(6, 20, {Role::kRegisseur}, {2}), 1, Action::kRead);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, "other_tenant");
  EXPECT_EQ(DecideAggregates(User(7, 20, {Role::kBeleid}), 1, Action::kUpdate).reason,
            "action_not_allowed");
}

TEST(PolicyTest, PartnerSeesOnlyActivelySharedCategoriesPerPerson) {
  HouseholdFacts f = Facts();
  f.bases = {Basis(1, 20, {DataCategory::kBasis, DataCategory::kGezondheid}),
             Basis(2, 21, {DataCategory::kContact})};
  Principal ggd = User(300, 20, {Role::kPartner});
  AccessDecision d = DecideHousehold(ggd, Action::kRead, f, kNow);
  ASSERT_TRUE(d.allowed);
  EXPECT_EQ(d.relationship, Relationship::kPartner);
  EXPECT_EQ(PersonCategories(ggd, d, f, 1, kNow),
            (CategorySet{DataCategory::kBasis, DataCategory::kGezondheid}));
  EXPECT_TRUE(PersonCategories(ggd, d, f, 2, kNow).Empty());
  EXPECT_FALSE(DecideHousehold(ggd, Action::kUpdate, f, kNow).allowed);

  // Withdrawn or expired bases stop access at once.
  f.bases[0].withdrawn_at = Timestamp{kNow.micros - 1};
  EXPECT_TRUE(
      PersonCategories(ggd, DecideHousehold(ggd, Action::kRead, f, kNow), f, 1, kNow).Empty());
  f.bases[0].withdrawn_at.reset();
  f.bases[0].expires = kNow.ToDate();
  EXPECT_TRUE(
      PersonCategories(ggd, DecideHousehold(ggd, Action::kRead, f, kNow), f, 1, kNow).Empty());
  f.bases[0].expires = kNow.ToDate().AddDays(1);
  EXPECT_FALSE(
      PersonCategories(ggd, DecideHousehold(ggd, Action::kRead, f, kNow), f, 1, kNow).Empty());

  // An organisation that is not involved has no relationship at all.
  EXPECT_EQ(DecideHousehold(User(301, 22, {Role::kPartner}), Action::kRead, f, kNow).reason,
            "no_relationship");
}

TEST(PolicyTest, BegeleiderAndVrijwilliger) {
  HouseholdFacts f = Facts();
  f.bases = {Basis(1, 5, {DataCategory::kGezondheid})};
  Principal mb = User(101, 5, {Role::kBegeleider});
  AccessDecision d = DecideHousehold(mb, Action::kUpdate, f, kNow);
  EXPECT_TRUE(d.allowed);
  EXPECT_FALSE(DecideHousehold(mb, Action::kArchive, f, kNow).allowed);
  EXPECT_TRUE(PersonCategories(mb, d, f, 1, kNow).Has(DataCategory::kGezondheid));
  EXPECT_FALSE(PersonCategories(mb, d, f, 2, kNow).Has(DataCategory::kGezondheid));
  EXPECT_TRUE(PersonCategories(mb, d, f, 2, kNow).Has(DataCategory::kInburgering));

  Principal vol = User(102, 6, {Role::kVrijwilliger});
  AccessDecision v = DecideHousehold(vol, Action::kRead, f, kNow);
  EXPECT_TRUE(v.allowed);
  EXPECT_TRUE(v.names_only);
  EXPECT_EQ(v.categories, (CategorySet{DataCategory::kBasis, DataCategory::kContact}));
  EXPECT_FALSE(DecideHousehold(vol, Action::kUpdate, f, kNow).allowed);
}

TEST(PolicyTest, BreakGlassGivesReadForTwentyFourHours) {
  HouseholdFacts f = Facts();
  Principal r = User(200, 1, {Role::kRegisseur});
  f.break_glass = {{200, 10, "Acute zorg, huisarts vraagt medicatie", kNow,
                    Timestamp{kNow.micros + kBreakGlassMicros}}};
  AccessDecision d = DecideHousehold(r, Action::kRead, f, kNow);
  EXPECT_TRUE(d.allowed);
  EXPECT_TRUE(d.break_glass);
  EXPECT_EQ(d.categories, CategorySet::All());
  EXPECT_FALSE(DecideHousehold(r, Action::kUpdate, f, kNow).allowed);
  EXPECT_FALSE(
      DecideHousehold(r, Action::kRead, f, Timestamp{kNow.micros + kBreakGlassMicros}).allowed);
  // Someone else's opening gives nothing.
  EXPECT_FALSE(DecideHousehold(User(201, 1, {Role::kRegisseur}), Action::kRead, f, kNow).allowed);
  // A volunteer cannot break the glass.
  EXPECT_EQ(DecideBreakGlass(User(1, 1, {Role::kVrijwilliger}), 1, "een lange reden hier").reason,
            "role_not_allowed");
  EXPECT_EQ(DecideBreakGlass(r, 1, "kort").reason, "reason_required");
  EXPECT_TRUE(DecideBreakGlass(r, 1, "Crisis: bewoner niet bereikbaar").allowed);
}

TEST(PolicyTest, OnlyRegisseursCreateHouseholdsInTheirTenants) {
  EXPECT_TRUE(DecideCreateHousehold(User(1, 1, {Role::kRegisseur}), 1).allowed);
  EXPECT_FALSE(DecideCreateHousehold(User(1, 1, {Role::kRegisseur}), 2).allowed);
  EXPECT_FALSE(DecideCreateHousehold(User(1, 1, {Role::kBegeleider}), 1).allowed);
}

// Signals: reporter 102 (the volunteer), routed to organisation 30 (not
// involved in the household), about person 5, content `gezondheid`.
SignalFacts Signal() {
  return SignalFacts{.reporter_user_id = 102,
                     .routed_organisation_id = 30,
                     .category = DataCategory::kGezondheid,
                     .person_ids = {5}};
}

TEST(SignalPolicyTest, RegisseurAndRoutedOrganisationSeeEverything) {
  SignalDecision r = DecideSignal(User(100, 1, {Role::kRegisseur}), Facts(), Signal(), kNow);
  EXPECT_TRUE(r.allowed && r.description && r.follow_up);
  EXPECT_TRUE(r.may_acknowledge && r.may_reroute && r.may_close);
  EXPECT_FALSE(r.may_withdraw);
  EXPECT_EQ(r.reason, "regisseur_of_household");
  // A GGD partner without any relationship to the household: routing is
  // the purpose.
  SignalDecision p = DecideSignal(User(300, 30, {Role::kPartner}), Facts(), Signal(), kNow);
  EXPECT_TRUE(p.allowed && p.description && p.follow_up && p.may_acknowledge);
  EXPECT_EQ(p.reason, "routed_organisation");
  EXPECT_EQ(p.relationship, Relationship::kNone);
  // A volunteer of the routed organisation is not a handler.
  EXPECT_FALSE(DecideSignal(User(301, 30, {Role::kVrijwilliger}), Facts(), Signal(), kNow).allowed);
}

TEST(SignalPolicyTest, ReporterSeesStatusButNotFollowUp) {
  SignalDecision d = DecideSignal(User(102, 22, {Role::kVrijwilliger}), Facts(), Signal(), kNow);
  EXPECT_TRUE(d.allowed);
  EXPECT_TRUE(d.description);
  EXPECT_FALSE(d.follow_up);
  EXPECT_TRUE(d.may_withdraw);
  EXPECT_FALSE(d.may_acknowledge || d.may_reroute || d.may_close);
  EXPECT_EQ(d.reason, "reporter");
}

TEST(SignalPolicyTest, OthersSeeContentOnlyWhenTheCategoryIsVisible) {
  SignalFacts s = Signal();
  s.reporter_user_id = 100;
  // The volunteer sees that there is a signal, never its content.
  SignalDecision v = DecideSignal(User(102, 22, {Role::kVrijwilliger}), Facts(), s, kNow);
  EXPECT_TRUE(v.allowed);
  EXPECT_FALSE(v.description || v.follow_up || v.may_withdraw || v.may_acknowledge);
  // The begeleider does not see gezondheid without a basis, does see financien.
  Principal b = User(101, 21, {Role::kBegeleider});
  EXPECT_FALSE(DecideSignal(b, Facts(), s, kNow).description);
  s.category = DataCategory::kFinancien;
  EXPECT_TRUE(DecideSignal(b, Facts(), s, kNow).description);
  // A partner of an involved organisation: only with a basis for every
  // person concerned.
  HouseholdFacts f = Facts();
  f.bases = {Basis(5, 20, {DataCategory::kGezondheid})};
  s.category = DataCategory::kGezondheid;
  Principal p = User(200, 20, {Role::kPartner});
  EXPECT_TRUE(DecideSignal(p, f, s, kNow).description);
  EXPECT_FALSE(DecideSignal(p, f, s, kNow).may_acknowledge);
  s.person_ids = {5, 6};
  EXPECT_FALSE(DecideSignal(p, f, s, kNow).description);
  EXPECT_TRUE(DecideSignal(p, f, s, kNow).allowed);
}

TEST(SignalPolicyTest, AWholeHouseholdSignalShowsContentOnlyWhereEveryPersonIsCovered) {
  // A financien signal of the regisseur about the whole household (persons
  // 5 and 6); the partner of organisation 20 has a basis for 5 only.
  SignalFacts s = Signal();
  s.reporter_user_id = 100;
  s.category = DataCategory::kFinancien;
  s.person_ids = {};
  HouseholdFacts f = Facts();
  f.bases = {Basis(5, 20, {DataCategory::kFinancien})};
  Principal p = User(200, 20, {Role::kPartner});
  // Without its persons resolved the policy cannot tell: no content.
  SignalDecision none = DecideSignal(p, f, s, kNow);
  EXPECT_TRUE(none.allowed);
  EXPECT_FALSE(none.description || none.follow_up);
  // Resolved to the household's persons: 6 is not covered.
  s.person_ids = {5, 6};
  EXPECT_FALSE(DecideSignal(p, f, s, kNow).description);
  f.bases.push_back(Basis(6, 20, {DataCategory::kFinancien}));
  EXPECT_TRUE(DecideSignal(p, f, s, kNow).description);
  // The begeleider's own categories cover every person, named or not.
  s.person_ids = {};
  EXPECT_TRUE(DecideSignal(User(101, 21, {Role::kBegeleider}), f, s, kNow).description);
  s.category = DataCategory::kGezondheid;
  EXPECT_FALSE(DecideSignal(User(101, 21, {Role::kBegeleider}), f, s, kNow).description);
}

TEST(SignalPolicyTest, CaseFreeRolesAndStrangersAreRefused) {
  for (Role role : {Role::kBeleid, Role::kBeheer, Role::kAuditor}) {
    // Not even in the routed organisation.
    SignalDecision d = DecideSignal(User(400, 30, {role}), Facts(), Signal(), kNow);
    EXPECT_FALSE(d.allowed);
    EXPECT_EQ(d.reason, "no_case_content");
  }
  EXPECT_EQ(DecideSignal(User(401, 31, {Role::kRegisseur}), Facts(), Signal(), kNow).reason,
            "no_relationship");
  EXPECT_EQ(DecideSignal(User(300, 30, {Role::kPartner}, {2}), Facts(), Signal(), kNow).reason,
            "other_tenant");
}

TEST(SignalPolicyTest, AnyoneInvolvedMayFileButNotByBreakingTheGlass) {
  for (const Principal& u : {User(100, 1, {Role::kRegisseur}), User(101, 21, {Role::kBegeleider}),
                             User(102, 22, {Role::kVrijwilliger}), User(200, 20, {Role::kPartner})})
    EXPECT_TRUE(MayFileSignal(DecideHousehold(u, Action::kRead, Facts(), kNow))) << u.user_id;
  HouseholdFacts f = Facts();
  f.break_glass = {{201, 10, "Acute zorg, huisarts vraagt medicatie", kNow,
                    Timestamp{kNow.micros + kBreakGlassMicros}}};
  AccessDecision glass = DecideHousehold(User(201, 1, {Role::kRegisseur}), Action::kRead, f, kNow);
  EXPECT_TRUE(glass.allowed);
  EXPECT_FALSE(MayFileSignal(glass));
  EXPECT_FALSE(MayFileSignal(
      DecideHousehold(User(201, 1, {Role::kRegisseur}), Action::kRead, Facts(), kNow)));
}

TEST(EnumSetTest, RoundTripsThroughText) {
  CategorySet s{DataCategory::kGezondheid, DataCategory::kBasis};
  EXPECT_EQ(s.ToString(), "basis,gezondheid");
  EXPECT_EQ(CategorySet::Parse("basis,gezondheid"), s);
  EXPECT_EQ(CategorySet::Parse(""), CategorySet());
  EXPECT_FALSE(CategorySet::Parse("basis,medisch").has_value());
  EXPECT_EQ(RoleSet::Parse("beleid")->Codes(), std::vector<std::string>{"beleid"});
}

TEST(PolicyTest, NextAccessChangeIsMidnightOrABreakGlassEdge) {
  HouseholdFacts f = Facts();
  f.break_glass.clear();
  const Timestamp now = *Timestamp::Parse("2026-11-23T10:00:00Z");
  EXPECT_EQ(NextAccessChange(f, now), *Timestamp::Parse("2026-11-24T00:00:00Z"));
  f.break_glass.push_back({.user_id = 1,
                           .household_id = f.household_id,
                           .reason = "acuut",
                           .opened_at = *Timestamp::Parse("2026-11-22T15:00:00Z"),
                           .expires_at = *Timestamp::Parse("2026-11-23T15:00:00Z")});
  EXPECT_EQ(NextAccessChange(f, now), *Timestamp::Parse("2026-11-23T15:00:00Z"));
  // Past edges do not count; midnight itself is the next change.
  EXPECT_EQ(NextAccessChange(f, *Timestamp::Parse("2026-11-23T16:00:00Z")),
            *Timestamp::Parse("2026-11-24T00:00:00Z"));
  EXPECT_EQ(NextAccessChange(f, *Timestamp::Parse("2026-11-24T00:00:00Z")),
            *Timestamp::Parse("2026-11-25T00:00:00Z"));
}

TEST(ReportPolicyTest, AuthorsPartnersAndRefusedRoles) {
  for (Role role : {Role::kRegisseur, Role::kBeleid}) {
    const Principal u = User(100, 1, {role});
    for (ReportAction a : {ReportAction::kRead, ReportAction::kWrite, ReportAction::kFinalise,
                           ReportAction::kExport}) {
      const ReportDecision d = DecideReport(u, 1, a, false);
      EXPECT_TRUE(d.allowed);
      EXPECT_TRUE(d.all_sections);
      EXPECT_EQ(d.reason, "report_author");
    }
    EXPECT_EQ(DecideReport(u, 2, ReportAction::kRead, false).reason, "other_tenant");
  }
  const Principal partner = User(300, 20, {Role::kPartner});
  ReportDecision d = DecideReport(partner, 1, ReportAction::kRead, false);
  EXPECT_TRUE(d.allowed);
  EXPECT_FALSE(d.all_sections);
  EXPECT_EQ(d.own_organisation_id, 20);
  EXPECT_TRUE(DecideReport(partner, 1, ReportAction::kWrite, false).allowed);
  EXPECT_FALSE(DecideReport(partner, 1, ReportAction::kFinalise, false).allowed);
  EXPECT_FALSE(DecideReport(partner, 1, ReportAction::kFinalise, true).allowed);
  d = DecideReport(partner, 1, ReportAction::kExport, false);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, "report_not_final");
  d = DecideReport(partner, 1, ReportAction::kRead, true);
  EXPECT_TRUE(d.allowed && d.all_sections);
  EXPECT_TRUE(DecideReport(partner, 1, ReportAction::kExport, true).allowed);
  EXPECT_FALSE(DecideReport(partner, 2, ReportAction::kRead, true).allowed);
  for (Role role : {Role::kBegeleider, Role::kVrijwilliger, Role::kBeheer, Role::kAuditor}) {
    d = DecideReport(User(400, 1, {role}), 1, ReportAction::kRead, true);
    EXPECT_FALSE(d.allowed);
    EXPECT_EQ(d.reason, "role_not_allowed");
  }
}

TEST(PolicyTest, BenchmarkOnlyForBeleidOfASharingMember) {
  const BenchmarkFacts shares{.tenant_id = 1, .member = true, .sharing = true};
  AccessDecision d = DecideBenchmark(User(400, 1, {Role::kBeleid}), shares);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.reason, "regional_benchmark");
  EXPECT_TRUE(d.categories.Empty());  // aggregates only, no person's data
  // Another municipality's beleid asking for tenant 1.
  EXPECT_EQ(DecideBenchmark(User(401, 2, {Role::kBeleid}, {2}), shares).reason, "other_tenant");
  for (Role role : {Role::kRegisseur, Role::kBegeleider, Role::kPartner, Role::kBeheer,
                    Role::kAuditor, Role::kVrijwilliger})
    EXPECT_EQ(DecideBenchmark(User(402, 1, {role}), shares).reason, "role_not_allowed")
        << ToCode(role);
  EXPECT_EQ(DecideBenchmark(User(400, 1, {Role::kBeleid}), {.tenant_id = 1}).reason,
            "not_a_member");
  EXPECT_EQ(DecideBenchmark(User(400, 1, {Role::kBeleid}), {.tenant_id = 1, .member = true}).reason,
            "not_sharing");
  EXPECT_TRUE(SharesBenchmarkFigures(true));
  EXPECT_FALSE(SharesBenchmarkFigures(false));
}

TEST(PolicyTest, RegionMembershipReadByBeleidAndBeheerChangedByBeheer) {
  EXPECT_TRUE(DecideRegionMembership(User(1, 1, {Role::kBeheer}), 1, true).allowed);
  EXPECT_TRUE(DecideRegionMembership(User(1, 1, {Role::kBeleid}), 1, false).allowed);
  EXPECT_EQ(DecideRegionMembership(User(1, 1, {Role::kBeleid}), 1, true).reason,
            "role_not_allowed");
  EXPECT_EQ(DecideRegionMembership(User(1, 1, {Role::kRegisseur}), 1, false).reason,
            "role_not_allowed");
  EXPECT_EQ(DecideRegionMembership(User(1, 2, {Role::kBeheer}, {2}), 1, true).reason,
            "other_tenant");
}

// A cached household body is served only when the decision over the
// current facts equals the one it was made under, so every field counts.
TEST(PolicyTest, DecisionsDifferingInAnyFieldAreNotEqual) {
  const AccessDecision base =
      DecideHousehold(User(100, 1, {Role::kRegisseur}), Action::kRead, Facts(), kNow);
  ASSERT_TRUE(base.allowed);
  EXPECT_EQ(base, base);
  AccessDecision d = base;
  d.allowed = false;
  EXPECT_NE(d, base);
  d = base;
  d.reason += "x";
  EXPECT_NE(d, base);
  d = base;
  d.relationship = Relationship::kNone;
  EXPECT_NE(d, base);
  d = base;
  d.categories = CategorySet{};
  EXPECT_NE(d, base);
  d = base;
  d.names_only = !d.names_only;
  EXPECT_NE(d, base);
  d = base;
  d.break_glass = !d.break_glass;
  EXPECT_NE(d, base);
}

TEST(PolicyTest, MunicipalRolesCountOnlyInTheHomeTenant) {
  // A regional organisation at home in tenant 1, serving 2 too.
  Principal p = User(100, 20,
                     {Role::kRegisseur, Role::kBegeleider, Role::kPartner, Role::kVrijwilliger,
                      Role::kBeleid, Role::kBeheer, Role::kAuditor},
                     {1, 2});
  p.home_tenant_id = 1;
  EXPECT_EQ(p.ActingIn(1).roles, p.roles);
  const Principal away = p.ActingIn(2);
  EXPECT_EQ(away.roles, RoleSet({Role::kBegeleider, Role::kPartner, Role::kVrijwilliger}));
  for (Role r : MunicipalRoles().Values()) {
    EXPECT_TRUE(p.HasIn(r, 1)) << ToCode(r);
    EXPECT_FALSE(p.HasIn(r, 2)) << ToCode(r);
  }
  // Narrowed for one tenant, a check about the home tenant gives nothing back.
  EXPECT_EQ(away.ActingIn(1).roles, away.roles);
  // Unknown home (never for a loaded principal): no municipal role anywhere.
  Principal unknown = p;
  unknown.home_tenant_id = 0;
  EXPECT_FALSE(unknown.ActingIn(1).Has(Role::kBeheer));
  // The policy then decides as for a user without those roles: the
  // household's regisseur in another tenant gets no case access, and no
  // break-the-glass or aggregates there.
  Principal regisseur = User(100, 20, {Role::kRegisseur}, {1, 2});
  regisseur.home_tenant_id = 1;
  HouseholdFacts f = Facts();
  f.tenant_id = 2;
  EXPECT_FALSE(DecideHousehold(regisseur.ActingIn(2), Action::kRead, f, kNow).allowed);
  EXPECT_FALSE(DecideBreakGlass(regisseur.ActingIn(2), 2, "een geldige reden").allowed);
  EXPECT_FALSE(DecideAggregates(regisseur.ActingIn(2), 2, Action::kRead).allowed);
  f.tenant_id = 1;
  EXPECT_TRUE(DecideHousehold(regisseur.ActingIn(1), Action::kRead, f, kNow).allowed);
  EXPECT_TRUE(DecideBreakGlass(regisseur.ActingIn(1), 1, "een geldige reden").allowed);
}

}  // namespace
}  // namespace regie::core
