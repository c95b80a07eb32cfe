#include <set>
#include <thread>

#include "contract_fixture.h"

namespace regie::testing {
namespace {

using HouseholdContract = ContractTest;

TEST_P(HouseholdContract, MigrateIsIdempotent) {
  auto before = db().SchemaVersion();
  ASSERT_TRUE(before.ok());
  EXPECT_GE(*before, 1);
  ASSERT_TRUE(db().Migrate().ok());
  EXPECT_EQ(*db().SchemaVersion(), *before);
}

TEST_P(HouseholdContract, TenantsAndOrganisations) {
  auto tx = Write();
  auto dup = tx->Tenants().Create({"GM0523", "Again"});
  EXPECT_EQ(dup.status().reason(), "duplicate");
  tx.reset();
  auto r = Read();
  EXPECT_EQ(r->Tenants().GetByCode("GM0148")->id, tenant_b_);
  EXPECT_EQ(r->Tenants().Get(999999).status().reason(), "tenant_not_found");
  EXPECT_EQ(r->Tenants().List()->size(), 2u);
  auto orgs = r->Organisations().List(tenant_a_);
  ASSERT_EQ(orgs->size(), 2u);
  EXPECT_EQ((*orgs)[0].data.name, "GGD");  // ordered by name
  EXPECT_EQ(r->Organisations().Get(tenant_b_, org_a1_).status().reason(), "organisation_not_found");
}

TEST_P(HouseholdContract, CreateGetUpdateWithVersions) {
  auto tx = Write();
  auto h = tx->Households().Create(tenant_a_, Household("Haddad", {org_a2_, org_a1_}), T(100));
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(h->version, 1);
  EXPECT_EQ(h->data.involved_organisations, (std::vector<int64_t>{org_a1_, org_a2_}));

  tx = Write();
  auto updated =
      tx->Households().Update(tenant_a_, h->id, 1, Household("Haddad-Ali", {org_a1_}), T(200));
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(updated->updated_at, T(200));
  EXPECT_EQ(updated->created_at, T(100));

  tx = Write();
  auto stale = tx->Households().Update(tenant_a_, h->id, 1, Household("Lost update"), T(300));
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_EQ(stale.status().reason(), "version_conflict");
  tx.reset();
  auto now = Read()->Households().Get(tenant_a_, h->id);
  EXPECT_EQ(now->data.name, "Haddad-Ali");
  EXPECT_EQ(now->data.involved_organisations, (std::vector<int64_t>{org_a1_}));
}

TEST_P(HouseholdContract, OrganisationOfOtherTenantIsRefusedAndNothingWritten) {
  auto tx = Write();
  auto h = tx->Households().Create(tenant_a_, Household("Haddad", {org_a1_, org_b1_}), T(1));
  EXPECT_EQ(h.status().reason(), "validation_failed");
  ASSERT_EQ(h.status().field_errors().size(), 1u);
  EXPECT_EQ(h.status().field_errors()[0].field, "involved_organisations/1");
  EXPECT_EQ(h.status().field_errors()[0].code, "invalid_reference");
  tx.reset();  // rolled back
  EXPECT_TRUE(Read()->Households().List({.tenant_id = tenant_a_})->items.empty());
}

TEST_P(HouseholdContract, ArchiveHidesFromDefaultListAndBlocksChanges) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Tesfay"), T(1));
  auto archived = tx->Households().Archive(tenant_a_, h.id, 1, "verhuisd", T(5));
  ASSERT_TRUE(archived.ok()) << archived.status().ToString();
  EXPECT_TRUE(archived->archived);
  EXPECT_EQ(archived->archived_at, T(5));
  EXPECT_EQ(archived->archive_reason, "verhuisd");
  EXPECT_EQ(tx->Households().Archive(tenant_a_, h.id, 2, "again", T(6)).status().reason(),
            "already_archived");
  EXPECT_EQ(tx->Households().Update(tenant_a_, h.id, 2, Household("x"), T(6)).status().reason(),
            "household_archived");
  EXPECT_EQ(tx->Persons().Create(tenant_a_, h.id, Person("A", "B"), T(6)).status().reason(),
            "household_archived");
  ASSERT_TRUE(tx->Commit().ok());
  auto r = Read();
  EXPECT_TRUE(r->Households().List({.tenant_id = tenant_a_})->items.empty());
  EXPECT_EQ(r->Households().List({.tenant_id = tenant_a_, .include_archived = true})->items.size(),
            1u);
}

TEST_P(HouseholdContract, ReopenUndoesAnArchiveOnce) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Tesfay"), T(1));
  EXPECT_EQ(tx->Households().Reopen(tenant_a_, h.id, 1, T(2)).status().reason(), "not_archived");
  ASSERT_TRUE(tx->Households().Archive(tenant_a_, h.id, 1, "verhuisd", T(5)).ok());
  EXPECT_EQ(tx->Households().Reopen(tenant_a_, h.id, 1, T(6)).status().reason(),
            "version_conflict");
  EXPECT_EQ(tx->Households().Reopen(tenant_b_, h.id, 2, T(6)).status().reason(),
            "household_not_found");
  auto reopened = tx->Households().Reopen(tenant_a_, h.id, 2, T(7));
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_FALSE(reopened->archived);
  EXPECT_FALSE(reopened->archived_at.has_value());
  EXPECT_EQ(reopened->archive_reason, "");
  EXPECT_EQ(reopened->version, 3);
  EXPECT_EQ(reopened->updated_at, T(7));
  EXPECT_EQ(tx->Households().Reopen(tenant_a_, h.id, 3, T(8)).status().reason(), "not_archived");
  // Active again: changes and new members are accepted.
  ASSERT_TRUE(tx->Persons().Create(tenant_a_, h.id, Person("A", "B"), T(8)).ok());
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(Read()->Households().List({.tenant_id = tenant_a_})->items.size(), 1u);
}

TEST_P(HouseholdContract, TenantIsolation) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Haddad"), T(1));
  auto p = *tx->Persons().Create(tenant_a_, h.id, Person("Amina", "Haddad"), T(1));
  ASSERT_TRUE(tx->Commit().ok());
  tx = Write();
  EXPECT_EQ(tx->Households().Get(tenant_b_, h.id).status().reason(), "household_not_found");
  EXPECT_EQ(tx->Households().Update(tenant_b_, h.id, 1, Household("x"), T(2)).status().reason(),
            "household_not_found");
  EXPECT_EQ(tx->Households().Archive(tenant_b_, h.id, 1, "x", T(2)).status().reason(),
            "household_not_found");
  EXPECT_EQ(tx->Persons().Get(tenant_b_, p.id).status().reason(), "person_not_found");
  EXPECT_EQ(tx->Persons().Update(tenant_b_, p.id, 1, Person("x", "y"), T(2)).status().reason(),
            "person_not_found");
  EXPECT_EQ(tx->Persons().Create(tenant_b_, h.id, Person("x", "y"), T(2)).status().reason(),
            "household_not_found");
  EXPECT_EQ(tx->Persons().ListByHousehold(tenant_b_, h.id).status().reason(),
            "household_not_found");
  EXPECT_TRUE(tx->Households().List({.tenant_id = tenant_b_})->items.empty());
}

class ListFixture : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto tx = Write();
    auto add = [&](const char* name, const char* given, const char* wijk, const char* kern,
                   const char* housed) {
      auto h = *tx->Households().Create(tenant_a_, Household(name), T(1));
      auto p = Person(given, name);
      p.address.wijk = wijk;
      p.address.kern = kern;
      p.housing_date = D(housed);
      EXPECT_TRUE(tx->Persons().Create(tenant_a_, h.id, p, T(1)).ok());
    };
    add("Özdemir", "Ayşe", "Noord", "Giessendam", "2025-02-01");
    add("Haddad", "Amina", "Centrum", "Hardinxveld", "2025-06-15");
    add("Tesfay", "Yonas", "Noord", "Hardinxveld", "2024-11-30");
    add("haddad", "Omar", "Zuid", "Neder-Hardinxveld", "2026-01-10");
    ASSERT_TRUE(tx->Commit().ok());
  }

  std::vector<std::string> Names(const ports::HouseholdQuery& q) {
    auto page = Read()->Households().List(q);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> out;
    for (const auto& s : page->items) out.push_back(s.summary.name);
    return out;
  }
};

TEST_P(ListFixture, OrdersByFoldedNameThenId) {
  EXPECT_EQ(Names({.tenant_id = tenant_a_}),
            (std::vector<std::string>{"Haddad", "haddad", "Özdemir", "Tesfay"}));
}

TEST_P(ListFixture, SummaryCarriesMembersAndPlace) {
  auto page = *Read()->Households().List({.tenant_id = tenant_a_, .text = "tesfay"});
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].summary.member_count, 1);
  EXPECT_EQ(page.items[0].summary.wijk, "Noord");
  EXPECT_EQ(page.items[0].summary.kern, "Hardinxveld");
  EXPECT_EQ(page.items[0].summary.housing_date, D("2024-11-30"));
}

TEST_P(ListFixture, Filters) {
  EXPECT_EQ(Names({.tenant_id = tenant_a_, .text = "ozdemir"}),
            (std::vector<std::string>{"Özdemir"}));
  EXPECT_EQ(Names({.tenant_id = tenant_a_, .text = "AYSE"}), (std::vector<std::string>{"Özdemir"}));
  EXPECT_EQ(Names({.tenant_id = tenant_a_, .text = "omar"}), (std::vector<std::string>{"haddad"}));
  EXPECT_EQ(Names({.tenant_id = tenant_a_, .text = "50%_"}), (std::vector<std::string>{}));
  EXPECT_EQ(Names({.tenant_id = tenant_a_, .wijk = "Noord"}),
            (std::vector<std::string>{"Özdemir", "Tesfay"}));
  EXPECT_EQ(Names({.tenant_id = tenant_a_, .kern = "Hardinxveld"}),
            (std::vector<std::string>{"Haddad", "Tesfay"}));
  EXPECT_EQ(
      Names({.tenant_id = tenant_a_, .housed_from = D("2025-02-01"), .housed_to = D("2025-06-15")}),
      (std::vector<std::string>{"Haddad", "Özdemir"}));
  EXPECT_EQ(Names({.tenant_id = tenant_a_, .housed_from = D("2026-01-01")}),
            (std::vector<std::string>{"haddad"}));
}

TEST_P(ListFixture, KeysetPaginationIsCompleteAndStable) {
  std::vector<std::string> seen;
  ports::HouseholdQuery q{.tenant_id = tenant_a_, .limit = 1};
  for (int page_no = 0; page_no < 10; ++page_no) {
    auto page = *Read()->Households().List(q);
    for (const auto& s : page.items) seen.push_back(s.summary.name);
    if (!page.next) break;
    // A household added before the cursor position must not shift pages.
    if (page_no == 1) {
      auto tx = Write();
      ASSERT_TRUE(tx->Households().Create(tenant_a_, Household("Aaron"), T(2)).ok());
      ASSERT_TRUE(tx->Commit().ok());
    }
    q.after = page.next;
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"Haddad", "haddad", "Özdemir", "Tesfay"}));
}

TEST_P(ListFixture, InvalidCursorIsRefused) {
  auto page = Read()->Households().List({.tenant_id = tenant_a_, .after = "zz-not-a-cursor"});
  EXPECT_EQ(page.status().reason(), "invalid_cursor");
  ASSERT_EQ(page.status().field_errors().size(), 1u);
  EXPECT_EQ(page.status().field_errors()[0].field, "after");
}

TEST_P(HouseholdContract, ConcurrentWritersLoseNothing) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 50;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        auto tx = db().Begin(ports::TxMode::kWrite);
        if (!tx.ok()) {
          ++failures;
          continue;
        }
        auto h = (*tx)->Households().Create(
            tenant_a_, Household("T" + std::to_string(t) + "-" + std::to_string(i)), T(i));
        if (!h.ok() || !(*tx)->Commit().ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  std::set<std::string> names;
  ports::HouseholdQuery q{.tenant_id = tenant_a_, .limit = 200};
  auto page = *Read()->Households().List(q);
  for (const auto& s : page.items) names.insert(s.summary.name);
  EXPECT_EQ(names.size(), static_cast<size_t>(kThreads * kPerThread));
}

INSTANTIATE_TEST_SUITE_P(Backends, HouseholdContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });
INSTANTIATE_TEST_SUITE_P(Backends, ListFixture, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
