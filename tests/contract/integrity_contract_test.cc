// Contract cases beyond the happy paths: references, refused writes that must
// leave nothing behind even when the caller commits, list limits and cursors
// over many pages with tied names.
#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "contract_fixture.h"

namespace regie::testing {
namespace {

using IntegrityContract = ContractTest;

TEST_P(IntegrityContract, UnknownTenantIsNotFound) {
  auto tx = Write();
  EXPECT_EQ(tx->Households().Create(987654, Household("Haddad"), T(1)).status().reason(),
            "tenant_not_found");
  EXPECT_EQ(
      tx->Organisations().Create(987654, {"X", core::OrganisationKind::kSchool}).status().reason(),
      "tenant_not_found");
  EXPECT_EQ(tx->Tenants().GetByCode("GM9999").status().reason(), "tenant_not_found");
  EXPECT_EQ(tx->Tenants().Get(987654).status().code(), StatusCode::kNotFound);
}

TEST_P(IntegrityContract, OrganisationsAreScopedToTheirTenant) {
  auto r = Read();
  auto b = r->Organisations().List(tenant_b_);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ASSERT_EQ(b->size(), 1u);
  EXPECT_EQ((*b)[0].id, org_b1_);
  EXPECT_EQ((*b)[0].tenant_id, tenant_b_);
  EXPECT_EQ((*b)[0].data.kind, core::OrganisationKind::kGemeente);
  auto own = r->Organisations().Get(tenant_a_, org_a1_);
  ASSERT_TRUE(own.ok()) << own.status().ToString();
  EXPECT_EQ(own->data.name, "Vluchtelingenwerk");
  EXPECT_EQ(own->data.kind, core::OrganisationKind::kVluchtelingenwerk);
  EXPECT_EQ(r->Organisations().Get(tenant_a_, org_b1_).status().reason(), "organisation_not_found");
}

TEST_P(IntegrityContract, RefusedOrganisationWritesNothingEvenWhenCommitted) {
  auto tx = Write();
  auto refused =
      tx->Households().Create(tenant_a_, Household("Haddad", {org_b1_, org_a1_, 424242}), T(1));
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().reason(), "validation_failed");
  EXPECT_EQ(refused.status().field_errors(),
            (std::vector<FieldError>{{"involved_organisations/0", "invalid_reference"},
                                     {"involved_organisations/2", "invalid_reference"}}));
  // The caller ignores the error and commits: still nothing may exist.
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_TRUE(
      Read()->Households().List({.tenant_id = tenant_a_, .include_archived = true})->items.empty());

  tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Haddad", {org_a1_}), T(1));
  auto bad = tx->Households().Update(tenant_a_, h.id, 1, Household("Renamed", {org_b1_}), T(2));
  EXPECT_EQ(bad.status().reason(), "validation_failed");
  ASSERT_TRUE(tx->Commit().ok());
  auto now = *Read()->Households().Get(tenant_a_, h.id);
  EXPECT_EQ(now.version, 1);
  EXPECT_EQ(now.data.name, "Haddad");
  EXPECT_EQ(now.data.involved_organisations, (std::vector<int64_t>{org_a1_}));
  EXPECT_EQ(now.updated_at, T(1));
}

TEST_P(IntegrityContract, StaleVersionChangesNothing) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Haddad"), T(1));
  auto p = *tx->Persons().Create(tenant_a_, h.id, Person("Amina", "Haddad"), T(1));
  ASSERT_TRUE(tx->Commit().ok());

  tx = Write();
  EXPECT_EQ(tx->Households().Archive(tenant_a_, h.id, 7, "verhuisd", T(2)).status().reason(),
            "version_conflict");
  EXPECT_EQ(
      tx->Persons().Update(tenant_a_, p.id, 2, Person("Other", "Name"), T(2)).status().reason(),
      "version_conflict");
  ASSERT_TRUE(tx->Commit().ok());
  auto r = Read();
  auto hh = *r->Households().Get(tenant_a_, h.id);
  EXPECT_FALSE(hh.archived);
  EXPECT_FALSE(hh.archived_at.has_value());
  EXPECT_EQ(hh.version, 1);
  auto pp = *r->Persons().Get(tenant_a_, p.id);
  EXPECT_EQ(pp.version, 1);
  EXPECT_EQ(pp.data.given_names, "Amina");
}

TEST_P(IntegrityContract, MembersOfAnArchivedHouseholdAreFrozen) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Tesfay"), T(1));
  auto p = *tx->Persons().Create(tenant_a_, h.id, Person("Yonas", "Tesfay"), T(1));
  ASSERT_TRUE(tx->Households().Archive(tenant_a_, h.id, 1, "verhuisd", T(2)).ok());
  auto update = tx->Persons().Update(tenant_a_, p.id, 1, Person("Y", "T"), T(3));
  EXPECT_EQ(update.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(update.status().reason(), "household_archived");
  // Still readable: archiving is a soft delete.
  auto members = tx->Persons().ListByHousehold(tenant_a_, h.id);
  ASSERT_TRUE(members.ok()) << members.status().ToString();
  EXPECT_EQ(members->size(), 1u);
  auto archived = *tx->Households().Get(tenant_a_, h.id);
  EXPECT_EQ(archived.version, 2);
  EXPECT_TRUE(archived.archived);
}

TEST_P(IntegrityContract, DuplicateBsnOnUpdateIsConflict) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Haddad"), T(1));
  ASSERT_TRUE(tx->Persons().Create(tenant_a_, h.id, Person("A", "Haddad", "111222333"), T(1)).ok());
  auto second = *tx->Persons().Create(tenant_a_, h.id, Person("B", "Haddad", "123456782"), T(1));
  auto clash =
      tx->Persons().Update(tenant_a_, second.id, 1, Person("B", "Haddad", "111222333"), T(2));
  EXPECT_EQ(clash.status().code(), StatusCode::kConflict);
  EXPECT_EQ(clash.status().reason(), "duplicate");
  // Keeping one's own BSN is not a clash.
  auto same =
      tx->Persons().Update(tenant_a_, second.id, 1, Person("Bo", "Haddad", "123456782"), T(3));
  ASSERT_TRUE(same.ok()) << same.status().ToString();
  EXPECT_EQ(same->version, 2);
}

TEST_P(IntegrityContract, ListOfUnknownHouseholdIsNotFound) {
  auto r = Read();
  EXPECT_EQ(r->Persons().ListByHousehold(tenant_a_, 987654).status().reason(),
            "household_not_found");
}

// Many households whose names fold to a few keys, so pages break inside
// runs of equal keys.
class PagingContract : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto tx = Write();
    const char* names[] = {"Öztürk", "ozturk", "Haddad", "HADDAD", "Tesfay", "Ali"};
    for (int i = 0; i < kCount; ++i) {
      auto h = tx->Households().Create(tenant_a_, Household(names[i % 6]), T(i));
      ASSERT_TRUE(h.ok()) << h.status().ToString();
      ids_.push_back(h->id);
    }
    // Another tenant's rows interleave in id order but must never show.
    for (int i = 0; i < 5; ++i)
      ASSERT_TRUE(
          tx->Households().Create(tenant_b_, Household("Haddad", {}, regisseur_b_), T(i)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }

  // Walks every page with `limit`; returns ids in page order.
  std::vector<int64_t> Walk(ports::HouseholdQuery q, int* pages) {
    std::vector<int64_t> out;
    *pages = 0;
    for (int guard = 0; guard < 1000; ++guard) {
      auto page = Read()->Households().List(q);
      EXPECT_TRUE(page.ok()) << page.status().ToString();
      if (!page.ok()) break;
      ++*pages;
      EXPECT_LE(page->items.size(), static_cast<size_t>(std::clamp(q.limit, 1, 200)));
      for (const auto& s : page->items) out.push_back(s.summary.id);
      if (!page->next) break;
      EXPECT_FALSE(page->items.empty());
      q.after = page->next;
    }
    return out;
  }

  static constexpr int kCount = 230;
  std::vector<int64_t> ids_;
};

TEST_P(PagingContract, PagesAreCompleteOrderedAndDisjoint) {
  int pages = 0;
  auto walked = Walk({.tenant_id = tenant_a_, .limit = 7}, &pages);
  EXPECT_EQ(pages, (kCount + 6) / 7);
  ASSERT_EQ(walked.size(), static_cast<size_t>(kCount));
  EXPECT_EQ(std::set<int64_t>(walked.begin(), walked.end()),
            std::set<int64_t>(ids_.begin(), ids_.end()));
  // Order: folded name, then id. Households i and i+6 share a name.
  std::vector<std::pair<std::string, int64_t>> expected;
  expected.reserve(kCount);
  const char* keys[] = {"ozturk", "ozturk", "haddad", "haddad", "tesfay", "ali"};
  for (int i = 0; i < kCount; ++i) expected.emplace_back(keys[i % 6], ids_[static_cast<size_t>(i)]);
  std::sort(expected.begin(), expected.end());
  for (size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(walked[i], expected[i].second) << i;
}

TEST_P(PagingContract, FiltersCombineWithTheCursor) {
  int pages = 0;
  auto walked = Walk({.tenant_id = tenant_a_, .text = "OZTURK", .limit = 4}, &pages);
  EXPECT_EQ(walked.size(), static_cast<size_t>(2 * ((kCount + 5) / 6)));
  EXPECT_TRUE(std::is_sorted(walked.begin(), walked.end()));  // one key: id order
}

TEST_P(PagingContract, LimitIsClampedToOneThroughTwoHundred) {
  auto r = Read();
  auto big = *r->Households().List({.tenant_id = tenant_a_, .limit = 100000});
  EXPECT_EQ(big.items.size(), 200u);
  EXPECT_TRUE(big.next.has_value());
  auto zero = *r->Households().List({.tenant_id = tenant_a_, .limit = 0});
  EXPECT_EQ(zero.items.size(), 1u);
  auto negative = *r->Households().List({.tenant_id = tenant_a_, .limit = -3});
  EXPECT_EQ(negative.items.size(), 1u);
  auto exact = *r->Households().List({.tenant_id = tenant_a_, .text = "tesfay", .limit = 200});
  EXPECT_EQ(exact.items.size(), static_cast<size_t>(kCount / 6 + (kCount % 6 > 4 ? 1 : 0)));
  EXPECT_FALSE(exact.next.has_value());  // no next page after the last row
}

TEST_P(PagingContract, ForeignCursorsAreRefused) {
  auto r = Read();
  const std::vector<std::string> foreign = {"",
                                            "00",
                                            "not hex!",
                                            "3a616263" /* ":abc" */,
                                            "616263" /* "abc" */,
                                            "ABCDEF",
                                            std::string(4096, 'a')};
  for (const std::string& bad : foreign) {
    auto page = r->Households().List({.tenant_id = tenant_a_, .after = bad});
    EXPECT_EQ(page.status().code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(page.status().reason(), "invalid_cursor") << bad;
    EXPECT_EQ(page.status().field_errors(), (std::vector<FieldError>{{"after", "invalid_cursor"}}))
        << bad;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, IntegrityContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });
INSTANTIATE_TEST_SUITE_P(Backends, PagingContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
