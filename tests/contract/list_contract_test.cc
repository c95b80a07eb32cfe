// List and write-atomicity contract details both backends must agree on:
// byte order of folded names, what the summary shows, how filters combine,
// and that a refused write fails alone while a dropped transaction undoes all.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "contract_fixture.h"
#include "core/text.h"

namespace regie::testing {
namespace {

using ListContract = ContractTest;

std::vector<std::string> NamesOf(const StatusOr<ports::HouseholdPage>& page) {
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  std::vector<std::string> out;
  if (page.ok())
    for (const auto& s : page->items) out.push_back(s.summary.name);
  return out;
}

TEST_P(ListContract, OrderIsTheByteOrderOfTheFoldedName) {
  // Locale-aware collations would ignore the space and the hyphen, or sort
  // letters with diacritics and other scripts elsewhere; the list must not.
  const std::vector<std::string> names = {
      "Vandam", "van Dijk", "Van Dijk", "Ali-Khan",  "Ali Khan", "Alikhan", "Émile",
      "Zaid",   "حداد",     "ሃይሉ",      "1e Straat", "ali",      "Åsa",     "Øyvind"};
  std::vector<std::pair<std::string, int64_t>> expected;
  auto tx = Write();
  for (const auto& n : names) {
    auto h = tx->Households().Create(tenant_a_, Household(n), T(1));
    ASSERT_TRUE(h.ok()) << h.status().ToString();
    expected.emplace_back(core::SearchKey(n), h->id);
  }
  ASSERT_TRUE(tx->Commit().ok());
  std::sort(expected.begin(), expected.end());  // std::string compares as unsigned bytes

  std::vector<int64_t> want, got;
  for (const auto& [key, id] : expected) want.push_back(id);
  ports::HouseholdQuery q{.tenant_id = tenant_a_, .limit = 3};
  for (int guard = 0; guard < 20; ++guard) {
    auto page = *Read()->Households().List(q);
    for (const auto& s : page.items) got.push_back(s.summary.id);
    if (!page.next) break;
    q.after = page.next;
  }
  EXPECT_EQ(got, want);
}

TEST_P(ListContract, SummaryShowsTheHeadAndTheEarliestHousing) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Haddad"), T(1));
  auto partner = Person("Omar", "Haddad");
  partner.role = core::HouseholdRole::kPartner;
  partner.address.wijk = "Zuid";
  partner.address.kern = "Neder-Hardinxveld";
  partner.housing_date = D("2025-03-01");
  auto head = Person("Amina", "Haddad");
  head.address.wijk = "Noord";
  head.address.kern = "Giessendam";
  head.housing_date = D("2025-05-01");
  auto child = Person("Sami", "Haddad");
  child.role = core::HouseholdRole::kChild;
  child.housing_date.reset();
  for (const auto& p : {partner, head, child})
    ASSERT_TRUE(tx->Persons().Create(tenant_a_, h.id, p, T(1)).ok());
  auto empty = *tx->Households().Create(tenant_a_, Household("Leeg"), T(1));
  ASSERT_TRUE(tx->Commit().ok());

  auto page = *Read()->Households().List({.tenant_id = tenant_a_});
  ASSERT_EQ(page.items.size(), 2u);
  const auto& s = page.items[0].summary;
  EXPECT_EQ(page.items[0].relationship, core::Relationship::kNone);  // no visibility asked
  EXPECT_EQ(s.id, h.id);
  EXPECT_EQ(s.version, 1);
  EXPECT_EQ(s.regisseur_user_id, regisseur_a_);
  EXPECT_EQ(s.regisseur_name, "Fatima de Vries");
  EXPECT_EQ(s.member_count, 3);
  EXPECT_EQ(s.wijk, "Noord");  // the head's, though the partner came first
  EXPECT_EQ(s.kern, "Giessendam");
  EXPECT_EQ(s.housing_date, D("2025-03-01"));
  EXPECT_FALSE(s.archived);
  const auto& e = page.items[1].summary;
  EXPECT_EQ(e.id, empty.id);
  EXPECT_EQ(e.member_count, 0);
  EXPECT_EQ(e.wijk, "");
  EXPECT_EQ(e.kern, "");
  EXPECT_FALSE(e.housing_date.has_value());
}

TEST_P(ListContract, FiltersCombineAndMatchAnyMember) {
  auto tx = Write();
  auto add = [&](const char* name, const std::vector<std::pair<const char*, const char*>>& members,
                 const char* wijk, const char* housed) {
    auto h = *tx->Households().Create(tenant_a_, Household(name), T(1));
    for (const auto& [given, role] : members) {
      auto p = Person(given, name);
      p.role = *core::ParseEnum<core::HouseholdRole>(role);
      p.address.wijk = wijk;
      p.housing_date = D(housed);
      EXPECT_TRUE(tx->Persons().Create(tenant_a_, h.id, p, T(1)).ok());
    }
    return h.id;
  };
  add("Haddad", {{"Amina", "hoofdpersoon"}, {"Karim", "kind"}}, "Noord", "2025-02-01");
  add("Test 50%_x", {{"Rami", "hoofdpersoon"}}, "Zuid", "2025-04-01");
  add("Test 50ab", {{"Lina", "hoofdpersoon"}}, "Noord", "2025-06-01");
  auto archived = add("Archief", {{"Karim", "hoofdpersoon"}}, "Noord", "2025-02-01");
  ASSERT_TRUE(tx->Households().Archive(tenant_a_, archived, 1, "verhuisd", T(2)).ok());
  // Another tenant's rows never match.
  auto other = *tx->Households().Create(tenant_b_, Household("Haddad", {}, regisseur_b_), T(1));
  ASSERT_TRUE(tx->Persons().Create(tenant_b_, other.id, Person("Karim", "Haddad"), T(1)).ok());
  ASSERT_TRUE(tx->Commit().ok());

  auto r = Read();
  auto names = [&](ports::HouseholdQuery q) {
    q.tenant_id = tenant_a_;
    return NamesOf(r->Households().List(q));
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(names({.text = "karim"}), V{"Haddad"});  // a member, not the head
  EXPECT_EQ(names({.text = "KARIM", .include_archived = true}), (V{"Archief", "Haddad"}));
  EXPECT_EQ(names({.text = "dda"}), V{"Haddad"});       // inside a word
  EXPECT_EQ(names({.text = "50%_"}), V{"Test 50%_x"});  // % and _ are plain characters
  EXPECT_EQ(names({.text = "   "}), (V{"Haddad", "Test 50%_x", "Test 50ab"}));
  EXPECT_EQ(names({.wijk = "Noord"}), (V{"Haddad", "Test 50ab"}));
  EXPECT_EQ(names({.wijk = "noord"}), V{});  // wijk matches exactly
  EXPECT_EQ(names({.text = "test", .wijk = "Noord"}), V{"Test 50ab"});
  EXPECT_EQ(names({.wijk = "Noord", .housed_to = D("2025-03-01")}), V{"Haddad"});
  EXPECT_EQ(names({.housed_from = D("2025-04-01"), .housed_to = D("2025-04-01")}), V{"Test 50%_x"});
  EXPECT_EQ(names({.wijk = "Noord", .housed_to = D("2025-02-01"), .include_archived = true}),
            (V{"Archief", "Haddad"}));
  // Bytes that cannot be stored text match nothing; they are not an error.
  EXPECT_EQ(names({.text = "\xff\xfe"}), V{});
  EXPECT_EQ(names({.wijk = std::string("Noord\0x", 7)}), V{});
  EXPECT_EQ(names({.kern = "\xc3"}), V{});
}

TEST_P(ListContract, ARefusedWriteFailsAloneAndTheRestCommits) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Haddad"), T(1));
  auto first = tx->Persons().Create(tenant_a_, h.id, Person("Amina", "Haddad", "111222333"), T(1));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto dup = tx->Persons().Create(tenant_a_, h.id, Person("Omar", "Haddad", "111222333"), T(1));
  EXPECT_EQ(dup.status().code(), StatusCode::kConflict);
  EXPECT_EQ(dup.status().reason(), "duplicate");
  EXPECT_EQ(dup.status().field_errors(), (std::vector<FieldError>{{"bsn", "duplicate"}}));
  auto dup_tenant = tx->Tenants().Create({"GM0523", "Twice"});
  EXPECT_EQ(dup_tenant.status().reason(), "duplicate");
  EXPECT_TRUE(dup_tenant.status().field_errors().empty());
  // The transaction is still usable after the refusals.
  auto third = tx->Persons().Create(tenant_a_, h.id, Person("Sami", "Haddad"), T(1));
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  ASSERT_TRUE(tx->Tenants().Create({"GM0505", "Dordrecht"}).ok());
  ASSERT_TRUE(tx->Commit().ok());

  auto r = Read();
  auto members = *r->Persons().ListByHousehold(tenant_a_, h.id);
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[0].id, first->id);
  EXPECT_EQ(members[1].id, third->id);
  EXPECT_EQ(r->Tenants().List()->size(), 3u);
}

TEST_P(ListContract, ADroppedMultiRowChangeLeavesEverythingAsItWas) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Haddad", {org_a1_}), T(1));
  auto p = *tx->Persons().Create(tenant_a_, h.id, Person("Amina", "Haddad", "111222333"), T(1));
  ASSERT_TRUE(tx->Commit().ok());

  tx = Write();
  ASSERT_TRUE(
      tx->Households().Update(tenant_a_, h.id, 1, Household("Renamed", {org_a2_}), T(2)).ok());
  ASSERT_TRUE(tx->Persons().Update(tenant_a_, p.id, 1, Person("Amira", "Renamed"), T(2)).ok());
  ASSERT_TRUE(tx->Persons().Create(tenant_a_, h.id, Person("New", "Member"), T(2)).ok());
  ASSERT_TRUE(tx->Households().Archive(tenant_a_, h.id, 2, "verhuisd", T(2)).ok());
  tx.reset();  // dropped without Commit

  auto r = Read();
  auto now = *r->Households().Get(tenant_a_, h.id);
  EXPECT_EQ(now.version, 1);
  EXPECT_EQ(now.data.name, "Haddad");
  EXPECT_EQ(now.data.involved_organisations, (std::vector<int64_t>{org_a1_}));
  EXPECT_FALSE(now.archived);
  auto members = *r->Persons().ListByHousehold(tenant_a_, h.id);
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0].version, 1);
  EXPECT_EQ(members[0].data.given_names, "Amina");
  EXPECT_EQ(members[0].data.bsn, "111222333");
  EXPECT_EQ(NamesOf(r->Households().List({.tenant_id = tenant_a_, .text = "renamed"})),
            std::vector<std::string>{});
}

TEST_P(ListContract, RepeatedOrganisationIsOneLink) {
  auto tx = Write();
  auto h =
      tx->Households().Create(tenant_a_, Household("Haddad", {org_a2_, org_a1_, org_a2_}), T(1));
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->data.involved_organisations, (std::vector<int64_t>{org_a1_, org_a2_}));
  auto u = tx->Households().Update(tenant_a_, h->id, 1, Household("Haddad", {}), T(2));
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  EXPECT_TRUE(u->data.involved_organisations.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ListContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
