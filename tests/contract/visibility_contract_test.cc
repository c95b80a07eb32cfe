// The household list under access control: the stored summary follows the
// member writes, and a list for a user shows exactly the households of
// their relationships, each with the strongest one, in list order.
#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "contract_fixture.h"
#include "core/text.h"
#include "ports/cursor.h"

namespace regie::testing {
namespace {

using core::Relationship;
using SummaryContract = ContractTest;

TEST_P(SummaryContract, TheSummaryFollowsEveryMemberWrite) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Haddad"), T(1));
  auto summary = [&] {
    auto page = *tx->Households().List({.tenant_id = tenant_a_});
    EXPECT_EQ(page.items.size(), 1u);
    return page.items.at(0).summary;
  };
  EXPECT_EQ(summary().member_count, 0);

  auto partner_in = Person("Omar", "Haddad");
  partner_in.role = core::HouseholdRole::kPartner;
  partner_in.address.wijk = "Zuid";
  partner_in.address.kern = "Neder-Hardinxveld";
  partner_in.housing_date = D("2025-03-01");
  auto partner = *tx->Persons().Create(tenant_a_, h.id, partner_in, T(2));
  auto s = summary();
  EXPECT_EQ(s.member_count, 1);
  EXPECT_EQ(s.wijk, "Zuid");  // no head yet: the first member
  EXPECT_EQ(s.housing_date, D("2025-03-01"));

  auto head_in = Person("Amina", "Haddad");
  head_in.address.wijk = "Noord";
  head_in.address.kern = "Giessendam";
  head_in.housing_date = D("2025-05-01");  // later: the earliest stays
  auto head = *tx->Persons().Create(tenant_a_, h.id, head_in, T(3));
  s = summary();
  EXPECT_EQ(s.member_count, 2);
  EXPECT_EQ(s.wijk, "Noord");
  EXPECT_EQ(s.kern, "Giessendam");
  EXPECT_EQ(s.housing_date, D("2025-03-01"));

  head_in.address.wijk = "Centrum";  // the head moves
  ASSERT_TRUE(tx->Persons().Update(tenant_a_, head.id, 1, head_in, T(4)).ok());
  partner_in.housing_date = D("2025-01-15");  // an earlier key handover
  ASSERT_TRUE(tx->Persons().Update(tenant_a_, partner.id, 1, partner_in, T(4)).ok());
  s = summary();
  EXPECT_EQ(s.wijk, "Centrum");
  EXPECT_EQ(s.housing_date, D("2025-01-15"));

  // A second hoofdpersoon does not replace the first; a head that stops
  // being one hands over to the next one by id.
  auto second_head = Person("Karim", "Haddad");
  second_head.address.wijk = "Oost";
  second_head.housing_date.reset();
  auto second = *tx->Persons().Create(tenant_a_, h.id, second_head, T(5));
  EXPECT_EQ(summary().wijk, "Centrum");
  EXPECT_EQ(summary().housing_date, D("2025-01-15"));  // a member without a date is ignored
  head_in.role = core::HouseholdRole::kPartner;
  ASSERT_TRUE(tx->Persons().Update(tenant_a_, head.id, 2, head_in, T(6)).ok());
  EXPECT_EQ(summary().wijk, "Oost");
  EXPECT_EQ(summary().member_count, 3);
  (void)second;
  // Derived columns are no change of the household: its version stays.
  EXPECT_EQ(summary().version, 1);
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(Read()->Households().List({.tenant_id = tenant_a_})->items.at(0).summary.wijk, "Oost");
}

TEST_P(SummaryContract, AFailedMemberWriteLeavesTheSummary) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Haddad"), T(1));
  ASSERT_TRUE(
      tx->Persons().Create(tenant_a_, h.id, Person("Amina", "Haddad", "111222333"), T(1)).ok());
  auto other = Person("Omar", "Haddad", "111222333");
  other.address.wijk = "Elders";
  other.housing_date = D("2020-01-01");
  EXPECT_EQ(tx->Persons().Create(tenant_a_, h.id, other, T(2)).status().reason(), "duplicate");
  ASSERT_TRUE(tx->Commit().ok());
  auto s = Read()->Households().List({.tenant_id = tenant_a_})->items.at(0).summary;
  EXPECT_EQ(s.member_count, 1);
  EXPECT_EQ(s.wijk, "Centrum");
  EXPECT_EQ(s.housing_date, D("2025-04-01"));
}

// Households of tenant A with every kind of relationship to `multi_`, a user
// of org_a2 (GGD) holding every case role.
class VisibilityContract : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto tx = Write();
    const core::RoleSet case_roles = {core::Role::kRegisseur, core::Role::kBegeleider,
                                      core::Role::kPartner, core::Role::kVrijwilliger};
    multi_ = tx->Users().Create(User("multi@gm0523", "Multi", org_a2_, case_roles), T(0))->id;
    other_ = tx->Users().Create(User("other@gm0523", "Other", org_a1_), T(0))->id;
    auto add = [&](const char* name, int64_t regisseur, std::vector<int64_t> orgs) {
      return tx->Households()
          .Create(tenant_a_, Household(name, std::move(orgs), regisseur), T(1))
          ->id;
    };
    aziz_ = add("Aziz", regisseur_a_, {org_a2_});        // multi: begeleider beats partner
    bakr_ = add("Bakr", regisseur_a_, {});               // multi: vrijwilliger
    chaouch_ = add("Chaouch", regisseur_a_, {org_a2_});  // multi: partner beats vrijwilliger
    dahir_ = add("Dahir", multi_, {});                   // multi: regisseur beats break-glass
    eid_ = add("Eid", regisseur_a_, {});                 // nothing for multi
    farah_ = add("Farah", regisseur_a_, {});             // multi: break-glass
    auto& access = tx->Access();
    using ports::AssignmentKind;
    EXPECT_TRUE(
        access.SetAssignments(tenant_a_, aziz_, AssignmentKind::kBegeleider, {multi_}).ok());
    EXPECT_TRUE(
        access.SetAssignments(tenant_a_, bakr_, AssignmentKind::kVrijwilliger, {multi_}).ok());
    EXPECT_TRUE(
        access.SetAssignments(tenant_a_, chaouch_, AssignmentKind::kVrijwilliger, {multi_}).ok());
    EXPECT_TRUE(access.SetAssignments(tenant_a_, eid_, AssignmentKind::kBegeleider, {other_}).ok());
    EXPECT_TRUE(access.OpenBreakGlass({multi_, dahir_, "spoed: crisis", T(100), T(200)}).ok());
    EXPECT_TRUE(access.OpenBreakGlass({multi_, farah_, "spoed: crisis", T(100), T(200)}).ok());
    // Expired, not yet open, and someone else's: none opens Eid to multi.
    EXPECT_TRUE(access.OpenBreakGlass({multi_, eid_, "spoed: eerder", T(10), T(100)}).ok());
    EXPECT_TRUE(access.OpenBreakGlass({multi_, eid_, "spoed: later", T(151), T(300)}).ok());
    EXPECT_TRUE(access.OpenBreakGlass({other_, eid_, "spoed: ander", T(100), T(200)}).ok());
    // Tenant B: never in tenant A's list, whatever the relationship.
    auto b = tx->Households().Create(tenant_b_, Household("Aziz", {}, regisseur_b_), T(1))->id;
    EXPECT_TRUE(access.OpenBreakGlass({multi_, b, "spoed: elders", T(100), T(200)}).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }

  ports::ListVisibility Everything(int64_t user, int64_t organisation) const {
    return {.user_id = user,
            .organisation_id = organisation,
            .as_regisseur = true,
            .as_begeleider = true,
            .as_vrijwilliger = true,
            .as_partner = true,
            .break_glass = true,
            .now = T(150)};
  }

  // (id, relationship) of the whole list, walked in pages of `limit`.
  std::vector<std::pair<int64_t, Relationship>> Walk(ports::HouseholdQuery q) {
    std::vector<std::pair<int64_t, Relationship>> out;
    q.tenant_id = q.tenant_id != 0 ? q.tenant_id : tenant_a_;
    for (int guard = 0; guard < 100; ++guard) {
      auto page = Read()->Households().List(q);
      EXPECT_TRUE(page.ok()) << page.status().ToString();
      if (!page.ok()) break;
      for (const auto& item : page->items) out.emplace_back(item.summary.id, item.relationship);
      if (!page->next) break;
      q.after = page->next;
    }
    return out;
  }

  using Rows = std::vector<std::pair<int64_t, Relationship>>;
  int64_t multi_ = 0, other_ = 0;
  int64_t aziz_ = 0, bakr_ = 0, chaouch_ = 0, dahir_ = 0, eid_ = 0, farah_ = 0;
};

TEST_P(VisibilityContract, EachHouseholdCarriesTheStrongestRelationship) {
  EXPECT_EQ(Walk({.visible_to = Everything(multi_, org_a2_)}),
            (Rows{{aziz_, Relationship::kBegeleider},
                  {bakr_, Relationship::kVrijwilliger},
                  {chaouch_, Relationship::kPartner},
                  {dahir_, Relationship::kRegisseur},
                  {farah_, Relationship::kBreakGlass}}));
  // Pages of one row cut between every pair of branches.
  EXPECT_EQ(Walk({.visible_to = Everything(multi_, org_a2_), .limit = 1}).size(), 5u);
}

TEST_P(VisibilityContract, OnlyTheRelationshipsTheRolesAllowCount) {
  auto only = [&](auto flag) {
    ports::ListVisibility v{.user_id = multi_, .organisation_id = org_a2_, .now = T(150)};
    v.*flag = true;
    return Walk({.visible_to = v});
  };
  using V = ports::ListVisibility;
  EXPECT_EQ(only(&V::as_regisseur), (Rows{{dahir_, Relationship::kRegisseur}}));
  EXPECT_EQ(only(&V::as_begeleider), (Rows{{aziz_, Relationship::kBegeleider}}));
  EXPECT_EQ(only(&V::as_vrijwilliger),
            (Rows{{bakr_, Relationship::kVrijwilliger}, {chaouch_, Relationship::kVrijwilliger}}));
  EXPECT_EQ(only(&V::as_partner),
            (Rows{{aziz_, Relationship::kPartner}, {chaouch_, Relationship::kPartner}}));
  EXPECT_EQ(only(&V::break_glass),
            (Rows{{dahir_, Relationship::kBreakGlass}, {farah_, Relationship::kBreakGlass}}));
  // No role with a relationship: nothing (not the whole tenant).
  EXPECT_TRUE(Walk({.visible_to =
                        ports::ListVisibility{
                            .user_id = multi_, .organisation_id = org_a2_, .now = T(150)}})
                  .empty());
}

TEST_P(VisibilityContract, BreakGlassCountsOnlyWhileOpen) {
  auto v = Everything(multi_, org_a2_);
  v.as_regisseur = v.as_begeleider = v.as_vrijwilliger = v.as_partner = false;
  v.now = T(99);  // before the openings of Dahir and Farah; Eid's first one is open
  EXPECT_EQ(Walk({.visible_to = v}), (Rows{{eid_, Relationship::kBreakGlass}}));
  v.now = T(100);  // expires_at is exclusive, opened_at inclusive
  EXPECT_EQ(Walk({.visible_to = v}),
            (Rows{{dahir_, Relationship::kBreakGlass}, {farah_, Relationship::kBreakGlass}}));
  v.now = T(200);
  EXPECT_EQ(Walk({.visible_to = v}), (Rows{{eid_, Relationship::kBreakGlass}}));
  v.now = T(300);
  EXPECT_TRUE(Walk({.visible_to = v}).empty());
}

TEST_P(VisibilityContract, FiltersArchiveAndTenantApplyWithinTheRelationships) {
  auto v = Everything(multi_, org_a2_);
  EXPECT_EQ(Walk({.visible_to = v, .text = "cha"}), (Rows{{chaouch_, Relationship::kPartner}}));
  EXPECT_TRUE(Walk({.visible_to = v, .text = "eid"}).empty());
  {
    auto tx = Write();
    ASSERT_TRUE(tx->Households().Archive(tenant_a_, aziz_, 1, "verhuisd", T(2)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_EQ(Walk({.visible_to = v}).front().first, bakr_);
  EXPECT_EQ(Walk({.visible_to = v, .include_archived = true}).front(),
            (std::pair{aziz_, Relationship::kBegeleider}));
  // Tenant B's household opened by break-glass, in tenant B's list only.
  EXPECT_EQ(Walk({.tenant_id = tenant_b_, .visible_to = v}).size(), 1u);
  // Without visibility: every household of the tenant, no relationship.
  auto all = Walk({.include_archived = true});
  EXPECT_EQ(all.size(), 6u);
  EXPECT_TRUE(std::all_of(all.begin(), all.end(),
                          [](const auto& row) { return row.second == Relationship::kNone; }));
}

// A filter never matches on what the relationship does not show: a partner
// (who may not even see a member's name) finds a household by its own name
// only, and neither a partner nor a volunteer by a housing date; a partner
// not by wijk or kern either.
TEST_P(VisibilityContract, FiltersMatchOnlyWhatTheRelationshipShows) {
  {
    auto tx = Write();
    auto member = Person("Mustafa", "Karimi");
    member.address.wijk = "Zuid";
    member.address.kern = "Giessendam";
    member.housing_date = D("2024-02-01");
    ASSERT_TRUE(tx->Persons().Create(tenant_a_, chaouch_, member, T(3)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  using V = ports::ListVisibility;
  auto as = [&](auto flag, ports::HouseholdQuery q) {
    ports::ListVisibility v{.user_id = multi_, .organisation_id = org_a2_, .now = T(150)};
    v.*flag = true;
    q.visible_to = v;
    return Walk(q);
  };
  const Rows partner{{chaouch_, Relationship::kPartner}};
  const Rows volunteer{{chaouch_, Relationship::kVrijwilliger}};
  EXPECT_EQ(as(&V::as_partner, {.text = "chaouch"}), partner);
  EXPECT_TRUE(as(&V::as_partner, {.text = "mustafa"}).empty());
  EXPECT_TRUE(as(&V::as_partner, {.wijk = "Zuid"}).empty());
  EXPECT_TRUE(as(&V::as_partner, {.kern = "Giessendam"}).empty());
  EXPECT_TRUE(as(&V::as_partner, {.housed_from = D("2024-01-01")}).empty());
  EXPECT_EQ(as(&V::as_vrijwilliger, {.text = "mustafa"}), volunteer);
  EXPECT_EQ(as(&V::as_vrijwilliger, {.wijk = "Zuid"}), volunteer);
  EXPECT_TRUE(as(&V::as_vrijwilliger, {.housed_to = D("2024-12-31")}).empty());
  // With every role, the branch that may see the field answers.
  EXPECT_EQ(Walk({.visible_to = Everything(multi_, org_a2_), .wijk = "Zuid"}), volunteer);
}

// A cursor continues after a row the list showed this user; the id of any
// other household is refused like an unknown one, so paging never tells
// whether it exists or where its name sorts.
TEST_P(VisibilityContract, ACursorMustNameARowTheUserSees) {
  const auto v = Everything(multi_, org_a2_);
  auto page = Read()->Households().List(
      {.tenant_id = tenant_a_, .visible_to = v, .after = ports::EncodeCursor(aziz_)});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->items.front().summary.id, bakr_);
  for (int64_t id : {eid_, eid_ + 1000}) {
    auto refused = Read()->Households().List(
        {.tenant_id = tenant_a_, .visible_to = v, .after = ports::EncodeCursor(id)});
    EXPECT_EQ(refused.status().reason(), "invalid_cursor") << id;
  }
  // Without visibility (the caller decided every household may be listed)
  // any household of the tenant is a position.
  EXPECT_TRUE(
      Read()->Households().List({.tenant_id = tenant_a_, .after = ports::EncodeCursor(eid_)}).ok());
}

TEST_P(VisibilityContract, AnotherUsersRelationshipsAreTheirs) {
  EXPECT_EQ(Walk({.visible_to = Everything(other_, org_a1_)}),
            (Rows{{eid_, Relationship::kBegeleider}}));
  auto regisseur = Walk({.visible_to = Everything(regisseur_a_, org_a1_)});
  EXPECT_EQ(regisseur.size(), 5u);  // all but Dahir, directed by multi
  EXPECT_TRUE(std::none_of(regisseur.begin(), regisseur.end(),
                           [&](const auto& row) { return row.first == dahir_; }));
}

// Many households with overlapping relationships and tied names, so that
// pages end inside every branch: the walk must equal the list computed
// here from the same facts.
TEST_P(VisibilityContract, PagesOverOverlappingRelationshipsAreCompleteAndOrdered) {
  const char* names[] = {"Ali", "ali", "Öztürk", "Haddad", "Bakr"};
  std::vector<std::tuple<std::string, int64_t, Relationship>> expected;
  {
    auto tx = Write();
    for (int i = 0; i < 60; ++i) {
      const std::string name = names[i % 5];
      const bool regisseur = i % 3 == 0, involved = i % 4 == 0, begeleider = i % 5 == 1,
                 vrijwilliger = i % 7 == 0, glass = i % 11 == 0;
      std::vector<int64_t> orgs;
      if (involved) orgs.push_back(org_a2_);
      auto id =
          tx->Households()
              .Create(tenant_a_, Household(name, orgs, regisseur ? multi_ : regisseur_a_), T(1))
              ->id;
      auto& access = tx->Access();
      using ports::AssignmentKind;
      if (begeleider) {
        ASSERT_TRUE(
            access.SetAssignments(tenant_a_, id, AssignmentKind::kBegeleider, {multi_}).ok());
      }
      if (vrijwilliger) {
        ASSERT_TRUE(
            access.SetAssignments(tenant_a_, id, AssignmentKind::kVrijwilliger, {multi_}).ok());
      }
      if (glass) {
        ASSERT_TRUE(access.OpenBreakGlass({multi_, id, "spoed", T(100), T(200)}).ok());
      }
      Relationship rel = regisseur      ? Relationship::kRegisseur
                         : begeleider   ? Relationship::kBegeleider
                         : involved     ? Relationship::kPartner
                         : vrijwilliger ? Relationship::kVrijwilliger
                         : glass        ? Relationship::kBreakGlass
                                        : Relationship::kNone;
      if (rel != Relationship::kNone) expected.emplace_back(core::SearchKey(name), id, rel);
    }
    ASSERT_TRUE(tx->Commit().ok());
  }
  // The fixture's households of multi, too.
  for (auto [name, id, rel] : std::vector<std::tuple<const char*, int64_t, Relationship>>{
           {"Aziz", aziz_, Relationship::kBegeleider},
           {"Bakr", bakr_, Relationship::kVrijwilliger},
           {"Chaouch", chaouch_, Relationship::kPartner},
           {"Dahir", dahir_, Relationship::kRegisseur},
           {"Farah", farah_, Relationship::kBreakGlass}})
    expected.emplace_back(core::SearchKey(name), id, rel);
  std::sort(expected.begin(), expected.end());
  Rows want;
  for (const auto& [key, id, rel] : expected) want.emplace_back(id, rel);
  for (int limit : {1, 3, 7, 200})
    EXPECT_EQ(Walk({.visible_to = Everything(multi_, org_a2_), .limit = limit}), want) << limit;
}

INSTANTIATE_TEST_SUITE_P(Backends, SummaryContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });
INSTANTIATE_TEST_SUITE_P(Backends, VisibilityContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
