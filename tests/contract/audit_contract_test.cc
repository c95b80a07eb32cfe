// The audit log on both backends: appends chain without gaps (also from
// concurrent writers), the auditor's filters, the verifier's scan, and the
// refusal of UPDATE and DELETE by the database itself.
#include <array>
#include <atomic>
#include <chrono>
#include <future>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "contract_fixture.h"
#include "crypto/sodium_crypto.h"
#include "http/audit_writer.h"
#include "test_digest.h"

namespace regie::testing {
namespace {

class AuditContract : public ContractTest {
 protected:
  core::AuditRecord Record(std::string action, std::optional<int64_t> tenant,
                           core::Timestamp at = {1'750'000'000'000'000}) const {
    core::AuditRecord r;
    r.at = at;
    r.user_id = regisseur_a_;
    r.organisation_id = org_a1_;
    r.tenant_id = tenant;
    r.action = std::move(action);
    r.resource_type = "household";
    r.resource_id = "17";
    r.categories = {core::DataCategory::kBasis};
    r.purpose = "regisseur_of_household";
    r.outcome = "allowed";
    r.client_ip = "192.0.2.7";
    return r;
  }

  // Appends each record in one write transaction and returns what was stored.
  std::vector<core::AuditRecord> AppendAll(const std::vector<core::AuditRecord>& records) {
    std::vector<core::AuditRecord> out;
    auto tx = Write();
    for (const auto& r : records) {
      auto stored = tx->Audit().Append(r, digest_);
      EXPECT_TRUE(stored.ok()) << stored.status().ToString();
      if (stored.ok()) out.push_back(*stored);
    }
    EXPECT_TRUE(tx->Commit().ok());
    return out;
  }

  // Walks the whole log as the verification command would. Empty when intact.
  std::string Verify(int64_t* checked = nullptr) {
    core::AuditChainVerifier verifier(digest_);
    auto r = Read();
    int64_t after = 0;
    for (;;) {
      auto batch = r->Audit().Scan(after, 40);
      if (!batch.ok()) return batch.status().ToString();
      if (batch->empty()) break;
      for (const auto& rec : *batch) verifier.Add(rec);
      after = batch->back().seq;
    }
    auto head = *r->Audit().Head();
    verifier.Finish(head.seq, head.hash);
    if (checked != nullptr) *checked = verifier.checked();
    return verifier.problem();
  }

  std::vector<int64_t> Seqs(const ports::AuditQuery& q) {
    auto found = Read()->Audit().Find(q);
    EXPECT_TRUE(found.ok()) << found.status().ToString();
    std::vector<int64_t> out;
    if (found.ok())
      for (const auto& r : *found) out.push_back(r.seq);
    return out;
  }

  static core::Timestamp At(const char* date, int64_t seconds_into_day) {
    return {int64_t{D(date).days()} * 86'400'000'000 + seconds_into_day * 1'000'000};
  }

  core::DigestFn digest_ = TestDigest;
};

using Seq = std::vector<int64_t>;

TEST_P(AuditContract, AppendsChainAndMoveTheHead) {
  auto empty = Read()->Audit().Head();
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  EXPECT_EQ(empty->seq, 0);
  EXPECT_EQ(empty->hash, "");

  auto stored = AppendAll({Record("read", tenant_a_), Record("update", tenant_a_)});
  stored.push_back(AppendAll({Record("export", tenant_b_)}).at(0));
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored[0].seq, 1);
  EXPECT_EQ(stored[0].prev_hash, "");
  EXPECT_EQ(stored[1].seq, 2);
  EXPECT_EQ(stored[1].prev_hash, stored[0].hash);
  EXPECT_EQ(stored[2].seq, 3);
  EXPECT_EQ(stored[2].prev_hash, stored[1].hash);
  for (const auto& r : stored) EXPECT_EQ(r.hash, core::ChainHash(digest_, r));

  auto head = *Read()->Audit().Head();
  EXPECT_EQ(head.seq, 3);
  EXPECT_EQ(head.hash, stored[2].hash);
  auto all = *Read()->Audit().Scan(0, 10);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].hash, stored[2].hash);
  auto middle = *Read()->Audit().Scan(1, 1);
  ASSERT_EQ(middle.size(), 1u);
  EXPECT_EQ(middle[0].seq, 2);
  EXPECT_TRUE(Read()->Audit().Scan(3, 10)->empty());
  EXPECT_TRUE(Read()->Audit().Scan(0, 0)->empty());
  int64_t checked = 0;
  EXPECT_EQ(Verify(&checked), "");
  EXPECT_EQ(checked, 3);
}

// The audit writer's group commit: many records in one call chain exactly
// as one Append after the other would, between single appends.
TEST_P(AuditContract, AppendManyChainsLikeSingleAppends) {
  AppendAll({Record("read", tenant_a_)});
  std::vector<core::AuditRecord> batch = {Record("list", tenant_a_), Record("read", tenant_b_),
                                          Record("read", tenant_a_)};
  {
    auto tx = Write();
    ASSERT_TRUE(tx->Audit().AppendMany(batch, digest_).ok());
    std::vector<core::AuditRecord> none;
    ASSERT_TRUE(tx->Audit().AppendMany(none, digest_).ok());  // nothing, no harm
    ASSERT_TRUE(tx->Commit().ok());
  }
  ASSERT_EQ(batch.size(), 3u);
  EXPECT_EQ(batch[0].seq, 2);
  EXPECT_EQ(batch[2].seq, 4);
  EXPECT_EQ(batch[1].prev_hash, batch[0].hash);
  EXPECT_EQ(batch[2].prev_hash, batch[1].hash);
  for (const auto& r : batch) EXPECT_EQ(r.hash, core::ChainHash(digest_, r));
  auto head = *Read()->Audit().Head();
  EXPECT_EQ(head.seq, 4);
  EXPECT_EQ(head.hash, batch[2].hash);
  auto after = AppendAll({Record("update", tenant_a_)});
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].prev_hash, batch[2].hash);
  auto stored = *Read()->Audit().Scan(1, 3);
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored[1].action, "read");
  EXPECT_EQ(stored[1].tenant_id, tenant_b_);
  int64_t checked = 0;
  EXPECT_EQ(Verify(&checked), "");
  EXPECT_EQ(checked, 5);
}

TEST_P(AuditContract, EveryFieldRoundTrips) {
  core::AuditRecord full = Record("read", tenant_a_, At("2025-06-01", 3600));
  full.household_id = 17;
  full.person_id = 42;
  full.categories = {core::DataCategory::kGezondheid, core::DataCategory::kJeugd};
  full.purpose = "spoed: crisisdienst belde";
  full.break_glass = true;
  full.outcome = "denied";
  core::AuditRecord bare;  // a failed login of an unknown user
  bare.at = At("2025-06-01", 3601);
  bare.action = "login";
  bare.resource_type = "session";
  bare.outcome = "failed";
  bare.client_ip = "2001:db8::1";
  AppendAll({full, bare});

  auto back = *Read()->Audit().Scan(0, 10);
  ASSERT_EQ(back.size(), 2u);
  const auto& f = back[0];
  EXPECT_EQ(f.at, At("2025-06-01", 3600));
  EXPECT_EQ(f.user_id, regisseur_a_);
  EXPECT_EQ(f.organisation_id, org_a1_);
  EXPECT_EQ(f.tenant_id, tenant_a_);
  EXPECT_EQ(f.action, "read");
  EXPECT_EQ(f.resource_type, "household");
  EXPECT_EQ(f.resource_id, "17");
  EXPECT_EQ(f.household_id, 17);
  EXPECT_EQ(f.person_id, 42);
  EXPECT_EQ(f.categories, full.categories);
  EXPECT_EQ(f.purpose, "spoed: crisisdienst belde");
  EXPECT_TRUE(f.break_glass);
  EXPECT_EQ(f.outcome, "denied");
  EXPECT_EQ(f.client_ip, "192.0.2.7");
  const auto& b = back[1];
  EXPECT_FALSE(b.user_id.has_value());
  EXPECT_FALSE(b.organisation_id.has_value());
  EXPECT_FALSE(b.tenant_id.has_value());
  EXPECT_FALSE(b.household_id.has_value());
  EXPECT_FALSE(b.person_id.has_value());
  EXPECT_TRUE(b.categories.Empty());
  EXPECT_FALSE(b.break_glass);
  EXPECT_EQ(b.client_ip, "2001:db8::1");
  EXPECT_EQ(Verify(), "");  // what was read hashes to what was stored
}

TEST_P(AuditContract, FindIsTenantScopedNewestFirstAndFilters) {
  auto tx = Write();
  auto h = *tx->Households().Create(tenant_a_, Household("Haddad"), T(1));
  auto amina = *tx->Persons().Create(tenant_a_, h.id, Person("Amina", "Haddad"), T(1));
  auto omar = *tx->Persons().Create(tenant_a_, h.id, Person("Omar", "Haddad"), T(1));
  ASSERT_TRUE(tx->Commit().ok());
  auto at = [&](int64_t household, std::optional<int64_t> person, const char* action, int64_t user,
                std::optional<int64_t> tenant) {
    auto r = Record(action, tenant);
    r.household_id = household;
    r.person_id = person;
    r.user_id = user;
    return r;
  };
  AppendAll({
      at(h.id, std::nullopt, "read", regisseur_a_, tenant_a_),  // 1 household-level
      at(h.id, amina.id, "read", regisseur_a_, tenant_a_),      // 2 Amina
      at(h.id, omar.id, "update", regisseur_a_, tenant_a_),     // 3 Omar
      at(999, std::nullopt, "read", regisseur_a_, tenant_a_),   // 4 another household
      at(h.id, amina.id, "read", regisseur_b_, tenant_b_),      // 5 another tenant
      at(h.id, amina.id, "read", regisseur_a_, std::nullopt),   // 6 no tenant
      at(h.id, amina.id, "export", regisseur_b_, tenant_a_),    // 7 Amina, another user
  });
  EXPECT_EQ(Seqs({.tenant_id = tenant_a_}), (Seq{7, 4, 3, 2, 1}));
  EXPECT_EQ(Seqs({.tenant_id = tenant_b_}), (Seq{5}));
  EXPECT_EQ(Seqs({.tenant_id = tenant_a_, .user_id = regisseur_b_}), (Seq{7}));
  EXPECT_EQ(Seqs({.tenant_id = tenant_a_, .household_id = h.id}), (Seq{7, 3, 2, 1}));
  // A person's records and the household-level records of their household.
  EXPECT_EQ(Seqs({.tenant_id = tenant_a_, .person_id = amina.id}), (Seq{7, 2, 1}));
  EXPECT_EQ(Seqs({.tenant_id = tenant_a_, .person_id = omar.id}), (Seq{3, 1}));
  EXPECT_EQ(Seqs({.tenant_id = tenant_b_, .person_id = amina.id}), (Seq{5}));
  EXPECT_TRUE(Seqs({.tenant_id = tenant_a_, .person_id = 987654}).empty());
  EXPECT_EQ(Seqs({.tenant_id = tenant_a_, .action = "read"}), (Seq{4, 2, 1}));
  EXPECT_EQ(Seqs({.tenant_id = tenant_a_,
                  .user_id = regisseur_a_,
                  .person_id = amina.id,
                  .action = "read"}),
            (Seq{2, 1}));
}

TEST_P(AuditContract, FindDatesAreInclusiveUtcDays) {
  AppendAll({Record("read", tenant_a_, At("2025-05-31", 86399)),
             Record("read", tenant_a_, At("2025-06-01", 0)),
             Record("read", tenant_a_, At("2025-06-02", 86399)),
             Record("read", tenant_a_, At("2025-06-03", 0))});
  EXPECT_EQ(Seqs({.tenant_id = tenant_a_, .from = D("2025-06-01"), .to = D("2025-06-02")}),
            (Seq{3, 2}));
  EXPECT_EQ(Seqs({.tenant_id = tenant_a_, .from = D("2025-06-02")}), (Seq{4, 3}));
  EXPECT_EQ(Seqs({.tenant_id = tenant_a_, .to = D("2025-05-31")}), (Seq{1}));
}

TEST_P(AuditContract, FindPagesBackwardsAndClampsTheLimit) {
  std::vector<core::AuditRecord> many(502, Record("read", tenant_a_));
  AppendAll(many);
  auto r = Read();
  EXPECT_EQ(r->Audit().Find({.tenant_id = tenant_a_, .limit = 100000})->size(), 500u);
  EXPECT_EQ(r->Audit().Find({.tenant_id = tenant_a_, .limit = 0})->size(), 1u);
  auto first = *r->Audit().Find({.tenant_id = tenant_a_, .limit = 3});
  ASSERT_EQ(first.size(), 3u);
  EXPECT_EQ(first[0].seq, 502);
  EXPECT_EQ(Seqs({.tenant_id = tenant_a_, .limit = 3, .before_seq = first.back().seq}),
            (Seq{499, 498, 497}));
  EXPECT_EQ(Seqs({.tenant_id = tenant_a_, .limit = 5, .before_seq = 3}), (Seq{2, 1}));
}

TEST_P(AuditContract, ARolledBackAppendLeavesNoGap) {
  AppendAll({Record("read", tenant_a_)});
  {
    auto tx = Write();
    ASSERT_TRUE(tx->Audit().Append(Record("update", tenant_a_), digest_).ok());
  }  // dropped: the record and the head move go together
  auto third = AppendAll({Record("export", tenant_a_)});
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].seq, 2);
  EXPECT_EQ(Verify(), "");
}

TEST_P(AuditContract, ConcurrentAppendersFormOneUnbrokenChain) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 25;
  std::latch start(kThreads);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      for (int i = 0; i < kPerThread; ++i) {
        auto tx = db().Begin(ports::TxMode::kWrite);
        if (!tx.ok()) {
          ++failures;
          continue;
        }
        auto rec = Record("read", tenant_a_);
        rec.resource_id = std::to_string(t) + "/" + std::to_string(i);
        auto stored = (*tx)->Audit().Append(std::move(rec), digest_);
        if (!stored.ok() || !(*tx)->Commit().ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  int64_t checked = 0;
  EXPECT_EQ(Verify(&checked), "");
  EXPECT_EQ(checked, kThreads * kPerThread);
  auto all = *Read()->Audit().Scan(0, 1000);
  ASSERT_EQ(all.size(), static_cast<size_t>(kThreads * kPerThread));
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].seq, static_cast<int64_t>(i) + 1);
}

TEST_P(AuditContract, TheDatabaseRefusesToChangeOrDeleteRecords) {
  AppendAll({Record("read", tenant_a_), Record("update", tenant_a_)});
  std::vector<std::string> attempts = {"UPDATE audit_log SET purpose = 'niets' WHERE seq = 1",
                                       "DELETE FROM audit_log WHERE seq = 2",
                                       "DELETE FROM audit_log"};
  if (GetParam() == "postgresql") attempts.emplace_back("TRUNCATE audit_log");
  for (const auto& sql : attempts) {
    auto refused = test_db_->RunSql(sql);
    ASSERT_FALSE(refused.ok()) << sql;
    EXPECT_NE(refused.status().message().find("audit_log is append-only"), std::string::npos)
        << refused.status().ToString();
  }
  int64_t checked = 0;
  EXPECT_EQ(Verify(&checked), "");
  EXPECT_EQ(checked, 2);

  // Someone who can drop the triggers can change the rows, but not unseen.
  const std::string on = GetParam() == "postgresql" ? " ON audit_log" : "";
  ASSERT_TRUE(test_db_
                  ->RunSql("DROP TRIGGER audit_log_no_update" + on +
                           "; UPDATE audit_log SET purpose = 'niets' WHERE seq = 1")
                  .ok());
  EXPECT_EQ(Verify(), "record 1 was altered");
}

TEST_P(AuditContract, DeletingTheNewestRecordIsNoticedAtTheHead) {
  AppendAll({Record("read", tenant_a_), Record("update", tenant_a_)});
  const std::string on = GetParam() == "postgresql" ? " ON audit_log" : "";
  ASSERT_TRUE(test_db_
                  ->RunSql("DROP TRIGGER audit_log_no_delete" + on +
                           "; DELETE FROM audit_log WHERE seq = 2")
                  .ok());
  EXPECT_EQ(Verify(), "record 2 is missing");
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

// A logout locks its session row, then the audit head (its record). The
// writer's batch, which touches session rows for reads, must take them in
// the same order, or the two deadlock on PostgreSQL (one of them fails).
// SQLite has one writer at a time, so there is nothing to order there.
TEST_P(AuditContract, TheWriterLocksSessionRowsBeforeTheHeadAsRequestsDo) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "row locks: PostgreSQL only";
  {
    auto w = Write();
    for (const char* hash : {"sessie", "andere"})
      ASSERT_TRUE(w->Sessions()
                      .Create({.token_hash = hash,
                               .user_id = regisseur_a_,
                               .csrf_token = "csrf",
                               .created_at = T(1),
                               .last_seen_at = T(1),
                               .absolute_expires_at = T(100'000),
                               .client_ip = "192.0.2.7"})
                      .ok());
    ASSERT_TRUE(w->Commit().ok());
  }
  std::array<uint8_t, 32> key{};
  auto crypto = std::move(crypto::SodiumCrypto::Create(key)).value();
  http::AuditWriter writer(db(), *crypto);
  // A logout that has revoked its session and not yet written its record.
  auto logout = Write();
  ASSERT_TRUE(logout->Sessions().Revoke("sessie").ok());
  // Another request holds the other session's row, so the writer's first
  // batch waits and the next two entries queue up as one batch: a read's
  // record, then the touch of the logging-out session.
  auto other = Write();
  ASSERT_TRUE(other->Sessions().Touch("andere", T(2)).ok());
  writer.Defer([](ports::Transaction& t) { return t.Sessions().Touch("andere", T(3)); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  std::shared_ptr<http::AuditTicket> ticket = writer.Enqueue(Record("read", tenant_a_));
  writer.Defer([](ports::Transaction& t) { return t.Sessions().Touch("sessie", T(5)); });
  ASSERT_TRUE(other->Commit().ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  Status appended = logout->Audit().Append(Record("logout", tenant_a_), digest_).status();
  EXPECT_TRUE(appended.ok()) << appended.ToString();
  if (appended.ok()) {
    EXPECT_TRUE(logout->Commit().ok());
  }
  logout.reset();
  std::promise<Status> logged;
  ticket->OnCommitted([&logged](const Status& s) { logged.set_value(s); });
  const Status s = logged.get_future().get();
  EXPECT_TRUE(s.ok()) << s.ToString();
}

}  // namespace
}  // namespace regie::testing
