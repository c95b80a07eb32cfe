// Concurrency contract: optimistic versions hold under concurrent writers,
// a second writer decides on the first one's committed state, readers keep
// one snapshot, and the pool gives up with Unavailable instead of hanging.
#include <atomic>
#include <chrono>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "contract_fixture.h"

namespace regie::testing {
namespace {

using ConcurrencyContract = ContractTest;

struct Outcomes {
  std::atomic<int> won{0};
  std::atomic<int> version_conflicts{0};
  std::atomic<int> other{0};
};

// Runs `attempt` (which returns the write's Status, before commit) in a
// write transaction from `threads` threads released at the same moment.
template <typename Attempt>
void RaceWriters(ports::Database& db, int threads, Outcomes& out, Attempt attempt) {
  std::latch start(threads);
  std::vector<std::thread> pool;
  pool.reserve(static_cast<size_t>(threads));
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      start.arrive_and_wait();
      auto tx = db.Begin(ports::TxMode::kWrite);
      if (!tx.ok()) {
        ++out.other;
        return;
      }
      Status s = attempt(**tx, t);
      if (s.ok()) s = (*tx)->Commit();
      if (s.ok())
        ++out.won;
      else if (s.reason() == "version_conflict")
        ++out.version_conflicts;
      else
        ++out.other;
    });
  }
  for (auto& th : pool) th.join();
}

TEST_P(ConcurrencyContract, OneOfManyHouseholdWritersOfAVersionWins) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Haddad"), T(1));
  ASSERT_TRUE(tx->Commit().ok());
  constexpr int kThreads = 6;
  Outcomes out;
  RaceWriters(db(), kThreads, out, [&](ports::Transaction& w, int t) {
    return w.Households()
        .Update(tenant_a_, h.id, 1, Household("Haddad " + std::to_string(t), {org_a1_}), T(2))
        .status();
  });
  EXPECT_EQ(out.won.load(), 1);
  EXPECT_EQ(out.version_conflicts.load(), kThreads - 1);
  EXPECT_EQ(out.other.load(), 0);
  auto now = *Read()->Households().Get(tenant_a_, h.id);
  EXPECT_EQ(now.version, 2);
  EXPECT_EQ(now.data.involved_organisations, (std::vector<int64_t>{org_a1_}));
}

TEST_P(ConcurrencyContract, OneOfManyPersonWritersOfAVersionWins) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Tesfay"), T(1));
  auto p = *tx->Persons().Create(tenant_a_, h.id, Person("Yonas", "Tesfay"), T(1));
  ASSERT_TRUE(tx->Commit().ok());
  constexpr int kThreads = 6;
  Outcomes out;
  RaceWriters(db(), kThreads, out, [&](ports::Transaction& w, int t) {
    return w.Persons()
        .Update(tenant_a_, p.id, 1, Person("Yonas " + std::to_string(t), "Tesfay"), T(2))
        .status();
  });
  EXPECT_EQ(out.won.load(), 1);
  EXPECT_EQ(out.version_conflicts.load(), kThreads - 1);
  EXPECT_EQ(out.other.load(), 0);
  EXPECT_EQ(Read()->Persons().Get(tenant_a_, p.id)->version, 2);
}

// The second writer starts while the first holds its change uncommitted; it
// must wait and then decide on the committed state, never on a stale read.
template <typename Second>
Status SecondWriterAfterFirstCommits(ports::Database& db, ports::Transaction& first,
                                     Second second) {
  Status result;
  std::thread other([&] {
    auto tx = db.Begin(ports::TxMode::kWrite);
    result = tx.ok() ? second(**tx) : tx.status();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  Status committed = first.Commit();
  other.join();
  EXPECT_TRUE(committed.ok()) << committed.ToString();
  return result;
}

TEST_P(ConcurrencyContract, WriterWaitsAndSeesTheCommittedVersion) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Haddad"), T(1));
  ASSERT_TRUE(tx->Commit().ok());
  tx = Write();
  ASSERT_TRUE(tx->Households().Update(tenant_a_, h.id, 1, Household("First"), T(2)).ok());
  Status second = SecondWriterAfterFirstCommits(db(), *tx, [&](ports::Transaction& w) {
    return w.Households().Update(tenant_a_, h.id, 1, Household("Second"), T(3)).status();
  });
  EXPECT_EQ(second.reason(), "version_conflict") << second.ToString();
  EXPECT_EQ(Read()->Households().Get(tenant_a_, h.id)->data.name, "First");
}

TEST_P(ConcurrencyContract, MemberAddedWhileArchivingSeesTheArchive) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Tesfay"), T(1));
  auto p = *tx->Persons().Create(tenant_a_, h.id, Person("Yonas", "Tesfay"), T(1));
  ASSERT_TRUE(tx->Commit().ok());
  tx = Write();
  ASSERT_TRUE(tx->Households().Archive(tenant_a_, h.id, 1, "verhuisd", T(2)).ok());
  Status added = SecondWriterAfterFirstCommits(db(), *tx, [&](ports::Transaction& w) {
    return w.Persons().Create(tenant_a_, h.id, Person("Saba", "Tesfay"), T(3)).status();
  });
  EXPECT_EQ(added.reason(), "household_archived") << added.ToString();

  tx = Write();
  ASSERT_TRUE(tx->Households().Archive(tenant_a_, h.id, 2, "x", T(4)).status().reason() ==
              "already_archived");
  tx.reset();
  // The same for a member changed while its household is being archived.
  auto other = Write();
  auto h2 = *other->Households().Create(tenant_a_, Household("Haddad"), T(5));
  auto p2 = *other->Persons().Create(tenant_a_, h2.id, Person("Amina", "Haddad"), T(5));
  ASSERT_TRUE(other->Commit().ok());
  other = Write();
  ASSERT_TRUE(other->Households().Archive(tenant_a_, h2.id, 1, "verhuisd", T(6)).ok());
  Status changed = SecondWriterAfterFirstCommits(db(), *other, [&](ports::Transaction& w) {
    return w.Persons().Update(tenant_a_, p2.id, 1, Person("Amira", "Haddad"), T(7)).status();
  });
  EXPECT_EQ(changed.reason(), "household_archived") << changed.ToString();
  auto members = *Read()->Persons().ListByHousehold(tenant_a_, h.id);
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0].id, p.id);
}

TEST_P(ConcurrencyContract, ReadTransactionKeepsOneSnapshot) {
  auto r = Read();
  EXPECT_TRUE(r->Households().List({.tenant_id = tenant_a_})->items.empty());
  auto w = Write();
  ASSERT_TRUE(w->Households().Create(tenant_a_, Household("Haddad"), T(1)).ok());
  ASSERT_TRUE(w->Commit().ok());  // a reader does not block a writer
  EXPECT_TRUE(r->Households().List({.tenant_id = tenant_a_})->items.empty());
  EXPECT_TRUE(r->Commit().ok());
  EXPECT_EQ(Read()->Households().List({.tenant_id = tenant_a_})->items.size(), 1u);
}

// Not on the ContractTest fixture: each case opens databases with a pool
// of one connection.
class PoolContract : public ::testing::TestWithParam<std::string> {
 protected:
  std::unique_ptr<TestDatabase> Open(std::chrono::milliseconds wait) {
    std::string skip, error;
    auto db = MakeTestDatabase(GetParam(), skip, error, {.pool_size = 1, .wait = wait});
    if (!error.empty()) ADD_FAILURE() << error;
    if (!skip.empty()) skip_ = skip;
    return db;
  }
  std::string skip_;
};

TEST_P(PoolContract, BeginGivesUpWhenNoConnectionFreesUp) {
  auto test_db = Open(std::chrono::milliseconds(200));
  if (!skip_.empty()) GTEST_SKIP() << skip_;
  ASSERT_NE(test_db, nullptr);
  auto held = test_db->db().Begin(ports::TxMode::kRead);
  ASSERT_TRUE(held.ok()) << held.status().ToString();
  auto refused = test_db->db().Begin(ports::TxMode::kRead);
  EXPECT_EQ(refused.status().code(), StatusCode::kUnavailable);
  held->reset();  // the connection goes back to the pool
  auto again = test_db->db().Begin(ports::TxMode::kWrite);
  EXPECT_TRUE(again.ok()) << again.status().ToString();
}

TEST_P(PoolContract, BeginWaitsForAReleasedConnection) {
  auto test_db = Open(std::chrono::milliseconds(10000));
  if (!skip_.empty()) GTEST_SKIP() << skip_;
  ASSERT_NE(test_db, nullptr);
  auto held = test_db->db().Begin(ports::TxMode::kWrite);
  ASSERT_TRUE(held.ok()) << held.status().ToString();
  ASSERT_TRUE((*held)->Tenants().Create({"GM0505", "Dordrecht"}).ok());
  std::thread releaser([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_TRUE((*held)->Commit().ok());
    held->reset();
  });
  auto waited = test_db->db().Begin(ports::TxMode::kRead);
  releaser.join();
  ASSERT_TRUE(waited.ok()) << waited.status().ToString();
  EXPECT_TRUE((*waited)->Tenants().GetByCode("GM0505").ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, ConcurrencyContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });
INSTANTIATE_TEST_SUITE_P(Backends, PoolContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
