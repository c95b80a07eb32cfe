#include "contract_fixture.h"

namespace regie::testing {
namespace {

using PersonContract = ContractTest;

TEST_P(PersonContract, CreateGetUpdateRoundTripsEveryField) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Haddad"), T(1));
  core::PersonData in = Person("Amina", "Haddad", "111222333");
  in.v_number = "1234567890";
  in.koppeling_date = D("2025-02-01");
  in.literacy = core::Literacy::kLimited;
  in.highest_education = core::Education::kVocational;
  in.family_reunification = true;
  in.role = core::HouseholdRole::kLateArrival;
  in.inburgeringsplicht = core::InburgeringPlicht::kExempt;
  in.exemption_reason = "medische ontheffing";
  auto p = tx->Persons().Create(tenant_a_, h.id, in, T(10));
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_TRUE(tx->Commit().ok());

  auto got = *Read()->Persons().Get(tenant_a_, p->id);
  EXPECT_EQ(got.household_id, h.id);
  EXPECT_EQ(got.version, 1);
  EXPECT_EQ(got.created_at, T(10));
  const core::PersonData& d = got.data;
  EXPECT_EQ(d.given_names, "Amina");
  EXPECT_EQ(d.birth_date, in.birth_date);
  EXPECT_EQ(d.sex, core::Sex::kFemale);
  EXPECT_EQ(d.languages, in.languages);
  EXPECT_EQ(d.literacy, core::Literacy::kLimited);
  EXPECT_EQ(d.highest_education, core::Education::kVocational);
  EXPECT_EQ(d.bsn, in.bsn);
  EXPECT_EQ(d.v_number, in.v_number);
  EXPECT_EQ(d.permit_date, in.permit_date);
  EXPECT_EQ(d.koppeling_date, in.koppeling_date);
  EXPECT_EQ(d.housing_date, in.housing_date);
  EXPECT_EQ(d.address.postal_code, "3371 AB");
  EXPECT_EQ(d.address.kern, "Giessendam");
  EXPECT_EQ(d.role, core::HouseholdRole::kLateArrival);
  EXPECT_TRUE(d.family_reunification);
  EXPECT_EQ(d.inburgeringsplicht, core::InburgeringPlicht::kExempt);
  EXPECT_EQ(d.exemption_reason, "medische ontheffing");

  tx = Write();
  core::PersonData changed = d;
  changed.bsn.reset();
  changed.languages = {};
  auto updated = tx->Persons().Update(tenant_a_, p->id, 1, changed, T(20));
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(updated->version, 2);
  EXPECT_FALSE(updated->data.bsn);
  EXPECT_TRUE(updated->data.languages.empty());
  EXPECT_EQ(tx->Persons().Update(tenant_a_, p->id, 1, changed, T(30)).status().reason(),
            "version_conflict");
}

TEST_P(PersonContract, MembersInRoleThenBirthOrder) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Tesfay"), T(1));
  auto child_old = Person("Kidane", "Tesfay");
  child_old.role = core::HouseholdRole::kChild;
  child_old.birth_date = D("2012-01-01");
  auto child_young = child_old;
  child_young.given_names = "Selam";
  child_young.birth_date = D("2018-05-05");
  auto partner = Person("Saba", "Tesfay");
  partner.role = core::HouseholdRole::kPartner;
  for (const auto& p : {child_young, partner, child_old, Person("Yonas", "Tesfay")})
    ASSERT_TRUE(tx->Persons().Create(tenant_a_, h.id, p, T(1)).ok());
  auto members = *tx->Persons().ListByHousehold(tenant_a_, h.id);
  std::vector<std::string> names;
  names.reserve(members.size());
  for (const auto& m : members) names.push_back(m.data.given_names);
  EXPECT_EQ(names, (std::vector<std::string>{"Yonas", "Saba", "Kidane", "Selam"}));
}

TEST_P(PersonContract, DuplicateBsnInTenantIsConflictButOtherTenantMayReuse) {
  auto tx = Write();
  auto ha = *tx->Households().Create(tenant_a_, Household("A"), T(1));
  auto hb = *tx->Households().Create(tenant_b_, Household("B", {}, regisseur_b_), T(1));
  ASSERT_TRUE(tx->Persons().Create(tenant_a_, ha.id, Person("A", "A", "111222333"), T(1)).ok());
  ASSERT_TRUE(tx->Commit().ok());

  tx = Write();
  auto dup = tx->Persons().Create(tenant_a_, ha.id, Person("B", "B", "111222333"), T(1));
  EXPECT_EQ(dup.status().code(), StatusCode::kConflict);
  EXPECT_EQ(dup.status().reason(), "duplicate");
  tx.reset();
  tx = Write();
  EXPECT_TRUE(tx->Persons().Create(tenant_b_, hb.id, Person("C", "C", "111222333"), T(1)).ok());
  EXPECT_TRUE(tx->Persons().Create(tenant_a_, ha.id, Person("D", "D"), T(1)).ok());  // no BSN
  EXPECT_TRUE(tx->Persons().Create(tenant_a_, ha.id, Person("E", "E"), T(1)).ok());
  ASSERT_TRUE(tx->Commit().ok());
}

TEST_P(PersonContract, FailedMultiRowWriteLeavesNothing) {
  {
    auto tx = Write();
    auto h = *tx->Households().Create(tenant_a_, Household("Existing"), T(1));
    ASSERT_TRUE(tx->Persons().Create(tenant_a_, h.id, Person("X", "Y", "111222333"), T(1)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  {
    auto tx = Write();
    auto h = *tx->Households().Create(tenant_a_, Household("New family"), T(2));
    ASSERT_TRUE(tx->Persons().Create(tenant_a_, h.id, Person("One", "New"), T(2)).ok());
    auto third = tx->Persons().Create(tenant_a_, h.id, Person("Two", "New", "111222333"), T(2));
    ASSERT_FALSE(third.ok());
    // Dropped without Commit: everything in it is rolled back.
  }
  auto page = *Read()->Households().List({.tenant_id = tenant_a_, .include_archived = true});
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].summary.name, "Existing");
  EXPECT_TRUE(Read()->Households().List({.tenant_id = tenant_a_, .text = "new"})->items.empty());
}

TEST_P(PersonContract, UnknownHouseholdIsNotFound) {
  auto tx = Write();
  EXPECT_EQ(tx->Persons().Create(tenant_a_, 987654, Person("A", "B"), T(1)).status().reason(),
            "household_not_found");
  EXPECT_EQ(tx->Persons().Get(tenant_a_, 987654).status().reason(), "person_not_found");
}

TEST_P(PersonContract, ListOfTenantPagesByIdOverActiveHouseholdsOnly) {
  auto tx = Write();
  auto kept = *tx->Households().Create(tenant_a_, Household("Haddad"), T(1));
  auto gone = *tx->Households().Create(tenant_a_, Household("Tesfay"), T(1));
  auto other = *tx->Households().Create(tenant_b_, Household("Rahimi", {}, regisseur_b_), T(1));
  std::vector<int64_t> expected;
  for (const char* name : {"Amina", "Omar", "Rania", "Sami", "Yara"}) {
    auto p = tx->Persons().Create(tenant_a_, kept.id, Person(name, "Haddad"), T(2));
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    expected.push_back(p->id);
  }
  ASSERT_TRUE(tx->Persons().Create(tenant_a_, gone.id, Person("Yonas", "Tesfay"), T(2)).ok());
  ASSERT_TRUE(tx->Persons().Create(tenant_b_, other.id, Person("Ali", "Rahimi"), T(2)).ok());
  auto archived = tx->Households().Archive(tenant_a_, gone.id, gone.version, "verhuisd", T(3));
  ASSERT_TRUE(archived.ok()) << archived.status().ToString();
  ASSERT_TRUE(tx->Commit().ok());

  auto r = Read();
  std::vector<int64_t> seen;
  int64_t after = 0;
  for (int page_no = 0; page_no < 10; ++page_no) {
    auto page = r->Persons().ListOfTenant(tenant_a_, after, 2);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    for (const core::Person& p : *page) {
      EXPECT_EQ(p.tenant_id, tenant_a_);
      seen.push_back(p.id);
    }
    if (page->size() < 2) break;
    after = page->back().id;
  }
  EXPECT_EQ(seen, expected);  // ascending ids, no archived household, no other tenant
  EXPECT_EQ(r->Persons().ListOfTenant(tenant_a_, 0, 0).status().reason(), "invalid_limit");
  EXPECT_TRUE(r->Persons().ListOfTenant(999999, 0, 10)->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, PersonContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
