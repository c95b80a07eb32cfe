#include "app/retention_commands.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <set>

#include "app/app_support.h"
#include "app/commands.h"
#include "app/demo_loader.h"
#include "app/test_crypto.h"
#include "backends.h"
#include "core/audit/audit_record.h"
#include "crypto/sodium_crypto.h"
#include "http/handover_service.h"
#include "packs/pack_loader.h"

namespace regie::app {
namespace {

constexpr int64_t kDay = 86'400'000'000;

// Erasure at the end of the retention period, on a demo database of four
// municipalities (events, assessments, signals, referrals, plans, intakes,
// and a handover), on both backends.
class EraseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip, error;
    test_db_ = testing::MakeTestDatabase(GetParam(), skip, error);
    if (!error.empty()) FAIL() << error;
    if (!skip.empty()) GTEST_SKIP() << skip;
    const packs::PackLibrary library = packs::LoadPackDirectory(REGIE_POLICIES_DIR);
    StatusOr<DemoLoadStats> stats =
        LoadDemo(db(), *crypto_,
                 {.seed = 11, .households = 48, .tenants = 4, .today = clock_.Now().ToDate()},
                 clock_, library.packs, 50);
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
    auto tx = Write();
    auto tenants = tx->Tenants().List();
    ASSERT_TRUE(tenants.ok() && tenants->size() == 4U);
    first_ = (*tenants)[0];
    third_ = (*tenants)[2];
  }

  ports::Database& db() { return test_db_->db(); }
  std::unique_ptr<ports::Transaction> Write() {
    return std::move(db().Begin(ports::TxMode::kWrite)).value();
  }
  std::vector<std::string> Sql(const std::string& sql) {
    auto rows = test_db_->RunSql(sql);
    EXPECT_TRUE(rows.ok()) << sql << ": " << rows.status().ToString();
    return rows.ok() ? *rows : std::vector<std::string>{};
  }
  int64_t Count(const std::string& sql) {
    std::vector<std::string> rows = Sql(sql);
    return rows.empty() ? -1 : std::stoll(rows.front());
  }
  // "table:column" of every table holding a household or person id.
  std::vector<std::string> IdColumns() {
    return Sql(GetParam() == "sqlite"
                   ? "SELECT m.name || ':' || p.name FROM sqlite_master m "
                     "JOIN pragma_table_info(m.name) p WHERE m.type = 'table' "
                     "AND p.name IN ('household_id', 'person_id')"
                   : "SELECT table_name || ':' || column_name FROM information_schema.columns "
                     "WHERE table_schema = current_schema() "
                     "AND column_name IN ('household_id', 'person_id')");
  }
  static std::string In(const std::set<int64_t>& ids) {
    std::string out;
    for (int64_t id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
    return "(" + out + ")";
  }
  // A table that references `household`, so erasing it fails half-way
  // (dropped again with `DROP TABLE blocker`).
  bool Block(int64_t household) {
    return test_db_
        ->RunSql(std::string("CREATE TABLE blocker (household_id ") +
                 (GetParam() == "sqlite" ? "INTEGER" : "bigint") +
                 " REFERENCES households(id)); INSERT INTO blocker VALUES (" +
                 std::to_string(household) + ")")
        .ok();
  }
  // Row counts of every table but the audit log (which grows with reads).
  std::map<std::string, int64_t> TableCounts() {
    std::map<std::string, int64_t> out;
    for (const std::string& t :
         Sql(GetParam() == "sqlite"
                 ? "SELECT name FROM sqlite_master WHERE type = 'table' "
                   "AND name NOT IN ('audit_log', 'audit_head') AND name NOT LIKE 'sqlite_%'"
                 : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                   "current_schema() AND table_type = 'BASE TABLE' "
                   "AND table_name NOT IN ('audit_log', 'audit_head')"))
      out[t] = Count("SELECT count(*) FROM " + t);
    return out;
  }

  std::unique_ptr<testing::TestDatabase> test_db_;
  ports::FixedClock clock_{core::Timestamp{1'790'000'000'000'000}};  // 2026-09-21, 14:13
  // The erasures run a month later.
  ports::FixedClock later_{core::Timestamp{1'790'000'000'000'000 + 30 * kDay}};
  std::unique_ptr<crypto::SodiumCrypto> crypto_ = FastTestCrypto();
  core::Tenant first_, third_;
};

TEST_P(EraseTest, ErasesWhatWasArchivedBeforeTheDateWholeAndAuditedAndNothingElse) {
  const core::Timestamp now = clock_.Now();
  std::set<int64_t> erased_households, erased_persons;
  int64_t kept_archived = 0, handed_over = 0;
  {
    auto tx = Write();
    // The demo archived the first municipality's handed-over household.
    auto sent = tx->Handovers().List(first_.id, ports::HandoverDirection::kOutgoing);
    ASSERT_TRUE(sent.ok() && sent->size() == 1U);
    handed_over = sent->front().household_id;
    erased_households.insert(handed_over);
    auto page = tx->Households().List({.tenant_id = first_.id, .limit = 50});
    ASSERT_TRUE(page.ok());
    ASSERT_GE(page->items.size(), 3U);
    // Two more archived ten days ago, with a contact and a break-glass
    // record; one archived today, after the date: it stays.
    int archived = 0;
    for (const ports::HouseholdListItem& item : page->items) {
      const int64_t id = item.summary.id;
      if (id == handed_over || archived == 3) continue;
      auto h = tx->Households().Get(first_.id, id);
      auto persons = tx->Persons().ListByHousehold(first_.id, id);
      ASSERT_TRUE(h.ok() && persons.ok() && !persons->empty());
      if (archived < 2) {
        core::Contact contact{.tenant_id = first_.id,
                              .data = {.household_id = id,
                                       .date = now.ToDate(),
                                       .participants = {"Tolk"},
                                       .person_ids = {persons->front().id},
                                       .note = "Gesprek over werk"},
                              .recorded_by = h->data.regisseur_user_id,
                              .recorded_at = now};
        ASSERT_TRUE(tx->Contacts().Create(contact).ok());
        ASSERT_TRUE(tx->Access()
                        .OpenBreakGlass({h->data.regisseur_user_id, id, "Spoed", now,
                                         core::Timestamp{now.micros + kDay}})
                        .ok());
        erased_households.insert(id);
        for (const core::Person& p : *persons) erased_persons.insert(p.id);
      } else {
        kept_archived = id;
      }
      const core::Timestamp when{archived < 2 ? now.micros - 10 * kDay : now.micros + kDay};
      ASSERT_TRUE(tx->Households().Archive(first_.id, id, h->version, "Verhuisd", when).ok());
      ++archived;
    }
    auto handed_over_persons = tx->Persons().ListByHousehold(first_.id, handed_over);
    ASSERT_TRUE(handed_over_persons.ok());
    for (const core::Person& p : *handed_over_persons) erased_persons.insert(p.id);
    // The third municipality leaves the package it received pending.
    auto received = tx->Handovers().List(third_.id, ports::HandoverDirection::kIncoming);
    ASSERT_TRUE(received.ok() && received->size() == 1U);
    ASSERT_EQ(received->front().status, ports::HandoverStatus::kPending);
    ASSERT_TRUE(tx->Commit().ok());
  }
  ASSERT_NE(kept_archived, 0);
  const core::Date cutoff = core::Date::FromDays(now.ToDate().days() + 1);
  const std::map<std::string, int64_t> before = TableCounts();
  ASSERT_GT(before.at("person_events"), 0);
  ASSERT_GT(before.at("signals") + before.at("referrals") + before.at("assessments"), 0);

  // A dry run counts and changes nothing.
  auto dry = EraseArchived(db(), *crypto_, later_, first_.data.code, cutoff, false);
  ASSERT_TRUE(dry.ok()) << dry.status().ToString();
  EXPECT_EQ(dry->households, 3);
  EXPECT_EQ(dry->persons, static_cast<int64_t>(erased_persons.size()));
  EXPECT_EQ(TableCounts(), before);

  auto done = EraseArchived(db(), *crypto_, later_, first_.data.code, cutoff, true);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->households, 3);
  EXPECT_EQ(done->persons, static_cast<int64_t>(erased_persons.size()));
  EXPECT_EQ(done->packages, 0);  // the first municipality received none
  EXPECT_EQ(done->failed, 0);
  auto third = EraseArchived(db(), *crypto_, later_, third_.data.code, cutoff, true);
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_EQ(third->households, 0);
  EXPECT_EQ(third->packages, 1);

  // No table but the audit log holds an id of an erased household or person.
  for (const std::string& tc : IdColumns()) {
    const std::string table = tc.substr(0, tc.find(':'));
    const std::string column = tc.substr(tc.find(':') + 1);
    if (table == "audit_log") continue;
    const std::set<int64_t>& ids = column == "household_id" ? erased_households : erased_persons;
    EXPECT_EQ(Count("SELECT count(*) FROM " + table + " WHERE " + column + " IN " + In(ids)), 0)
        << tc;
  }
  EXPECT_EQ(Count("SELECT count(*) FROM households WHERE id IN " + In(erased_households)), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM persons WHERE id IN " + In(erased_persons)), 0);
  // Children known only by their parent's id went along.
  for (const char* orphan :
       {"SELECT count(*) FROM signal_history WHERE signal_id NOT IN (SELECT id FROM signals)",
        "SELECT count(*) FROM referral_history WHERE referral_id NOT IN (SELECT id FROM referrals)",
        "SELECT count(*) FROM assessment_items WHERE assessment_id NOT IN "
        "(SELECT id FROM assessments)",
        "SELECT count(*) FROM handover_packages WHERE direction = 'incoming'"})
    EXPECT_EQ(Count(orphan), 0) << orphan;
  EXPECT_EQ(Count("SELECT count(*) FROM erasure_grant"), 0);

  // Everything else is as it was: the rows that went are exactly the ones
  // counted, and the household archived after the date is still there.
  const std::map<std::string, int64_t> after = TableCounts();
  int64_t gone = 0;
  for (const auto& [table, rows] : before) gone += rows - after.at(table);
  EXPECT_EQ(gone, done->rows + 1);  // + the pending package
  EXPECT_EQ(before.at("households") - after.at("households"), 3);
  EXPECT_TRUE(Write()->Households().Get(first_.id, kept_archived).ok());

  // Each erasure is audited, and the chain still holds.
  auto tx = Write();
  auto records = tx->Audit().Scan(0, 100000);
  ASSERT_TRUE(records.ok());
  std::set<std::string> audited;
  core::AuditChainVerifier verifier([this](std::string_view d) { return crypto_->Digest(d); });
  for (const core::AuditRecord& r : *records) {
    EXPECT_TRUE(verifier.Add(r)) << verifier.problem();
    if (r.action == "erase") audited.insert(r.resource_type + ":" + r.resource_id);
  }
  EXPECT_EQ(audited.size(), 4U);
  for (int64_t id : erased_households)
    EXPECT_TRUE(audited.contains("household:" + std::to_string(id)));

  // The append-only guards hold again outside an erasure.
  ASSERT_GT(after.at("signal_history"), 0);
  ASSERT_GT(after.at("plan_versions"), 0);
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM signal_history").ok());
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM plan_versions").ok());
  EXPECT_EQ(TableCounts(), after);
  if (GetParam() == "postgresql") {  // a grant never outlives its transaction
    EXPECT_FALSE(test_db_->RunSql("INSERT INTO erasure_grant (household_id) VALUES (1)").ok());
    EXPECT_EQ(Count("SELECT count(*) FROM erasure_grant"), 0);
  }

  // A second run finds nothing; a date after today is refused.
  auto again = EraseArchived(db(), *crypto_, later_, first_.data.code, cutoff, true);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->households, 0);
  auto future = EraseArchived(db(), *crypto_, later_, first_.data.code,
                              core::Date::FromDays(later_.Now().ToDate().days() + 1), false);
  EXPECT_EQ(future.status().reason(), "invalid_cutoff");
}

// The repository checks again in the erasing transaction: a household that
// is active (say, reopened since the list) or archived after the date stays.
TEST_P(EraseTest, RefusesAnActiveOrTooRecentHousehold) {
  auto tx = Write();
  auto page = tx->Households().List({.tenant_id = first_.id, .limit = 5});
  ASSERT_TRUE(page.ok() && page->items.size() >= 2U);
  const int64_t active = page->items[0].summary.id;
  const int64_t recent = page->items[1].summary.id;
  auto h = tx->Households().Get(first_.id, recent);
  ASSERT_TRUE(
      tx->Households().Archive(first_.id, recent, h->version, "Verhuisd", clock_.Now()).ok());
  const core::Timestamp cutoff = clock_.Now();
  EXPECT_EQ(tx->Retention().EraseHousehold(first_.id, active, cutoff).status().reason(),
            "not_erasable");
  EXPECT_EQ(tx->Retention().EraseHousehold(first_.id, recent, cutoff).status().reason(),
            "not_erasable");
  EXPECT_EQ(tx->Retention()
                .EraseHousehold(third_.id, recent, core::Timestamp{cutoff.micros + 1})
                .status()
                .reason(),
            "household_not_found");
  EXPECT_EQ(tx->Retention().ArchivedBefore(first_.id, cutoff, 0).status().reason(),
            "invalid_limit");
  // A rejected package counts from its rejection, not its receipt.
  auto received = tx->Handovers().List(third_.id, ports::HandoverDirection::kIncoming);
  ASSERT_TRUE(received.ok() && received->size() == 1U);
  const int64_t package = received->front().id;
  const core::Timestamp rejected{cutoff.micros + 5 * kDay};
  ASSERT_TRUE(http::handover::Reject(*tx, third_.id, package, 1, "Onbekend gezin", rejected).ok());
  EXPECT_TRUE(tx->Retention().UnacceptedPackagesBefore(third_.id, rejected, 10)->empty());
  EXPECT_EQ(tx->Retention().ErasePackage(third_.id, package, rejected).reason(), "not_erasable");
  const core::Timestamp after{rejected.micros + 1};
  ASSERT_EQ(tx->Retention().UnacceptedPackagesBefore(third_.id, after, 10)->size(), 1U);
  EXPECT_EQ(tx->Retention().ErasePackage(first_.id, package, after).reason(), "package_not_found");
  EXPECT_TRUE(tx->Households().Get(first_.id, active).ok());
}

// A household whose erasure fails is rolled back whole and counted; the
// run goes on with the others, and a later run takes it once the cause is
// gone. The cause here: a table that references households and is not in
// the erasure list (as a table added later without erasure would be).
TEST_P(EraseTest, AFailingHouseholdIsRolledBackAndTheRunGoesOn) {
  std::vector<int64_t> archived;
  {
    auto tx = Write();
    auto page = tx->Households().List({.tenant_id = first_.id, .limit = 3});
    ASSERT_TRUE(page.ok() && page->items.size() == 3U);
    for (const ports::HouseholdListItem& item : page->items) {
      auto h = tx->Households().Get(first_.id, item.summary.id);
      ASSERT_TRUE(tx->Households()
                      .Archive(first_.id, h->id, h->version, "Verhuisd",
                               core::Timestamp{clock_.Now().micros - 10 * kDay})
                      .ok());
      archived.push_back(h->id);
    }
    ASSERT_TRUE(tx->Commit().ok());
  }
  const int64_t blocked = archived[1];
  ASSERT_TRUE(Block(blocked));
  const int64_t persons_before =
      Count("SELECT count(*) FROM persons WHERE household_id = " + std::to_string(blocked));
  ASSERT_GT(persons_before, 0);
  const core::Date cutoff = core::Date::FromDays(clock_.Now().ToDate().days() - 1);
  // The demo's handed-over household was archived after that date: not in it.
  auto run = EraseArchived(db(), *crypto_, later_, first_.data.code, cutoff, true);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->households, 2);
  EXPECT_EQ(run->failed, 1);
  auto tx = Write();
  auto kept = tx->Households().Get(first_.id, blocked);
  ASSERT_TRUE(kept.ok());
  EXPECT_TRUE(kept->archived);
  EXPECT_EQ(Count("SELECT count(*) FROM persons WHERE household_id = " + std::to_string(blocked)),
            persons_before);
  EXPECT_EQ(Count("SELECT count(*) FROM erasure_grant"), 0);
  EXPECT_FALSE(tx->Households().Get(first_.id, archived[0]).ok());
  EXPECT_FALSE(tx->Households().Get(first_.id, archived[2]).ok());
  tx.reset();
  ASSERT_TRUE(test_db_->RunSql("DROP TABLE blocker").ok());
  auto again = EraseArchived(db(), *crypto_, later_, first_.data.code, cutoff, true);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->households, 1);
  EXPECT_EQ(again->failed, 0);
}

// A caller that commits after a failed erase must not commit the grant with
// it: the guards would be lifted for every later transaction. PostgreSQL
// refuses through its aborted transaction and the deferred check; SQLite,
// which goes on after a failed statement, through the transaction's own
// check.
TEST_P(EraseTest, ACommitAfterAFailedEraseWritesNothing) {
  int64_t id = 0;
  {
    auto tx = Write();
    auto page = tx->Households().List({.tenant_id = first_.id, .limit = 1});
    ASSERT_TRUE(page.ok() && page->items.size() == 1U);
    auto h = tx->Households().Get(first_.id, page->items[0].summary.id);
    ASSERT_TRUE(tx->Households()
                    .Archive(first_.id, h->id, h->version, "Verhuisd",
                             core::Timestamp{clock_.Now().micros - 10 * kDay})
                    .ok());
    id = h->id;
    ASSERT_TRUE(tx->Commit().ok());
  }
  ASSERT_TRUE(Block(id));
  const std::map<std::string, int64_t> before = TableCounts();
  {
    auto tx = Write();
    EXPECT_FALSE(tx->Retention().EraseHousehold(first_.id, id, clock_.Now()).ok());
    EXPECT_FALSE(tx->Commit().ok());
  }
  EXPECT_EQ(Count("SELECT count(*) FROM erasure_grant"), 0);
  EXPECT_EQ(TableCounts(), before);
  // The append-only guards hold for the next transaction.
  ASSERT_GT(before.at("signal_history"), 0);
  ASSERT_GT(before.at("plan_versions"), 0);
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM signal_history").ok());
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM plan_versions").ok());
  EXPECT_EQ(TableCounts(), before);
  ASSERT_TRUE(test_db_->RunSql("DROP TABLE blocker").ok());
}

// On SQLite, erased content is gone from the file and its write-ahead log,
// not only from the tables: secure_delete overwrites it in the pages and
// `regie erase` empties the log after the run.
TEST(EraseCommandTest, LeavesNoCopyOfErasedTextInTheSqliteFiles) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("regie-erase-test-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  const std::string path = (dir / "regie.db").string();
  const std::string marker = "Zwaluwstaart-7c1f";
  auto contains_marker = [&] {
    std::string bytes;
    for (const std::string& f : {path, path + "-wal"}) {
      std::ifstream in(f, std::ios::binary);
      bytes += std::string(std::istreambuf_iterator<char>(in), {});
    }
    return bytes.find(marker) != std::string::npos;
  };
  std::string tenant;
  {
    std::unique_ptr<ports::Database> db = OpenMigrated("sqlite:" + path, 2);
    ASSERT_NE(db, nullptr);
    auto crypto = FastTestCrypto();
    ports::FixedClock clock{core::Timestamp{1'600'000'000'000'000}};  // 2020-09-13
    ASSERT_TRUE(LoadDemo(*db, *crypto,
                         {.seed = 3, .households = 6, .tenants = 1, .today = clock.Now().ToDate()},
                         clock, {}, 50)
                    .ok());
    auto tx = std::move(db->Begin(ports::TxMode::kWrite)).value();
    const core::Tenant t = tx->Tenants().List()->front();
    tenant = t.data.code;
    auto page = tx->Households().List({.tenant_id = t.id, .limit = 1});
    const int64_t id = page->items.front().summary.id;
    auto h = tx->Households().Get(t.id, id);
    core::HouseholdData data = h->data;
    data.name = "Familie " + marker;
    auto renamed = tx->Households().Update(t.id, id, h->version, data, clock.Now());
    ASSERT_TRUE(renamed.ok()) << renamed.status().ToString();
    ASSERT_TRUE(tx->Households().Archive(t.id, id, renamed->version, "Verhuisd", clock.Now()).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  ASSERT_TRUE(contains_marker());  // so the check below can fail
  // A server keeps the file open, so closing the command's connections does
  // not checkpoint it: the erased page stays in the main file until the
  // command's own checkpoint copies the overwritten one in.
  std::unique_ptr<ports::Database> server = OpenMigrated("sqlite:" + path, 1);
  ASSERT_TRUE(server->Begin(ports::TxMode::kRead).ok());
  const std::string key = (dir / "regie.key").string();
  EXPECT_EQ(RunErase({.db_url = "sqlite:" + path,
                      .key_file = key,
                      .tenant = tenant,
                      .archived_before = "2021-01-01",
                      .apply = true}),
            0);
  EXPECT_FALSE(contains_marker());
  EXPECT_EQ(RunAuditVerify("sqlite:" + path), 0);
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Backends, EraseTest, ::testing::ValuesIn(testing::TestBackends()),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace regie::app
