// What only the PostgreSQL adapter can get wrong: byte-order collation on
// any server locale, migrations racing between processes, sessions the
// server ends, lock waits that time out, and the test schemas' clean-up.
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "backends.h"
#include "core/model.h"
#include "gtest/gtest.h"
#include "storage/postgres/migrations.h"
#include "storage/postgres/postgres_database.h"
#include "storage/sqlite/migrations.h"

namespace regie::testing {
namespace {

class PostgresContract : public ::testing::Test {
 protected:
  void SetUp() override { Open({}); }

  void Open(const TestDatabaseOptions& options) {
    test_db_.reset();
    std::string skip, error;
    test_db_ = MakeTestDatabase("postgresql", skip, error, options);
    if (!error.empty()) FAIL() << error;
    if (!skip.empty()) GTEST_SKIP() << skip;
  }

  ports::Database& db() { return test_db_->db(); }
  std::string schema() const { return test_db_->schema(); }

  // Ends every server session of this test database, as a server restart
  // or an administrator would.
  void EndSessions() {
    auto ended = RunPostgresAdminSql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" +
        schema() + "'");
    ASSERT_TRUE(ended.ok()) << ended.status().ToString();
    ASSERT_FALSE(ended->empty());
  }

  static core::Timestamp T(int64_t seconds) { return {seconds * 1'000'000}; }

  std::unique_ptr<TestDatabase> test_db_;
};

TEST_F(PostgresContract, SortedColumnsCompareBytesWhateverTheDatabaseLocale) {
  auto collations = RunPostgresAdminSql(
      "SELECT table_name || '.' || column_name || '=' || coalesce(collation_name, '') "
      "FROM information_schema.columns WHERE table_schema = '" +
      schema() +
      "' AND column_name IN ('name_key', 'name', 'username', 'display_name') AND table_name IN "
      "('households', 'persons', 'organisations', 'household_organisations', 'users') "
      "ORDER BY 1");
  ASSERT_TRUE(collations.ok()) << collations.status().ToString();
  EXPECT_EQ(*collations, (std::vector<std::string>{"household_organisations.name_key=C",
                                                   "households.name=", "households.name_key=C",
                                                   "organisations.name=C", "persons.name_key=C",
                                                   "users.display_name=C", "users.username=C"}));
}

TEST_F(PostgresContract, MigrationsAreRecordedAsOnSqlite) {
  auto rows = RunPostgresAdminSql("SELECT version || ':' || name FROM \"" + schema() +
                                  "\".schema_migrations ORDER BY version");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  std::vector<std::string> sqlite, postgres;
  for (const auto& m : storage::sqlite::Migrations())
    sqlite.push_back(std::to_string(m.version) + ":" + std::string(m.name));
  for (const auto& m : storage::postgres::Migrations())
    postgres.push_back(std::to_string(m.version) + ":" + std::string(m.name));
  EXPECT_EQ(postgres, sqlite);
  EXPECT_EQ(*rows, sqlite);
  EXPECT_EQ(*db().SchemaVersion(), storage::sqlite::Migrations().back().version);
}

TEST_F(PostgresContract, ConcurrentMigratorsApplyEveryStepOnce) {
  const std::string fresh = schema() + "_m";
  constexpr int kProcesses = 4;
  std::vector<std::thread> threads;
  threads.reserve(kProcesses);
  std::atomic<int> failures{0};
  for (int i = 0; i < kProcesses; ++i) {
    threads.emplace_back([&] {
      // Each thread is its own Database, as separate processes would be.
      auto other = storage::postgres::Open(
          {.conninfo = WithUrlParameter(PostgresTestUrl(), "application_name", fresh),
           .schema = fresh,
           .pool_size = 1});
      if (!other.ok() || !(*other)->Migrate().ok()) ++failures;
    });
  }
  for (auto& t : threads) t.join();
  auto count = RunPostgresAdminSql("SELECT count(*) FROM \"" + fresh + "\".schema_migrations");
  (void)RunPostgresAdminSql("DROP SCHEMA IF EXISTS \"" + fresh + "\" CASCADE");
  EXPECT_EQ(failures.load(), 0);
  ASSERT_TRUE(count.ok()) << count.status().ToString();
  EXPECT_EQ(*count,
            std::vector<std::string>{std::to_string(storage::postgres::Migrations().size())});
}

TEST_F(PostgresContract, SessionsTheServerEndedAreReplaced) {
  {
    auto tx = db().Begin(ports::TxMode::kWrite);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE((*tx)->Tenants().Create({"GM0523", "Hardinxveld-Giessendam"}).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  EndSessions();  // the pooled connection is now dead
  auto tx = db().Begin(ports::TxMode::kRead);
  ASSERT_TRUE(tx.ok()) << tx.status().ToString();
  auto tenant = (*tx)->Tenants().GetByCode("GM0523");
  EXPECT_TRUE(tenant.ok()) << tenant.status().ToString();
}

TEST_F(PostgresContract, SessionLostInATransactionIsUnavailableAndWritesNothing) {
  auto tx = db().Begin(ports::TxMode::kWrite);
  ASSERT_TRUE(tx.ok());
  ASSERT_TRUE((*tx)->Tenants().Create({"GM0523", "Hardinxveld-Giessendam"}).ok());
  EndSessions();
  Status committed = (*tx)->Commit();
  EXPECT_EQ(committed.code(), StatusCode::kUnavailable) << committed.ToString();
  tx->reset();  // the broken connection must not go back to the pool
  auto r = db().Begin(ports::TxMode::kRead);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->Tenants().GetByCode("GM0523").status().reason(), "tenant_not_found");
}

TEST_F(PostgresContract, LockWaitTimesOutAndTheTransactionCannotCommit) {
  Open({.pool_size = 2, .wait = std::chrono::milliseconds(300)});
  if (IsSkipped() || HasFatalFailure()) return;
  int64_t tenant = 0, household = 0, regisseur = 0;
  {
    auto tx = std::move(db().Begin(ports::TxMode::kWrite)).value();
    tenant = tx->Tenants().Create({"GM0523", "Hardinxveld-Giessendam"})->id;
    auto org = tx->Organisations().Create(tenant, {"Gemeente", core::OrganisationKind::kGemeente});
    regisseur =
        tx->Users()
            .Create({.username = "r", .display_name = "R", .organisation_id = org->id}, T(1))
            ->id;
    household = tx->Households().Create(tenant, {"Haddad", regisseur, {}}, T(1))->id;
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto first = std::move(db().Begin(ports::TxMode::kWrite)).value();
  ASSERT_TRUE(
      first->Households().Update(tenant, household, 1, {"First", regisseur, {}}, T(2)).ok());
  auto second = std::move(db().Begin(ports::TxMode::kWrite)).value();
  auto waited = second->Households().Update(tenant, household, 1, {"Second", regisseur, {}}, T(3));
  EXPECT_EQ(waited.status().code(), StatusCode::kUnavailable) << waited.status().ToString();
  // PostgreSQL aborted the transaction: committing it must not report success.
  Status committed = second->Commit();
  EXPECT_FALSE(committed.ok());
  second.reset();
  ASSERT_TRUE(first->Commit().ok());
  auto r = std::move(db().Begin(ports::TxMode::kRead)).value();
  EXPECT_EQ(r->Households().Get(tenant, household)->data.name, "First");
}

TEST_F(PostgresContract, TestSchemaIsDroppedWithItsDatabase) {
  const std::string name = schema();
  auto before =
      RunPostgresAdminSql("SELECT nspname FROM pg_namespace WHERE nspname = '" + name + "'");
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->size(), 1u);
  test_db_.reset();
  auto after =
      RunPostgresAdminSql("SELECT nspname FROM pg_namespace WHERE nspname = '" + name + "'");
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->empty());
}

TEST_F(PostgresContract, BadSchemaNamesAreQuotedNotInjected) {
  const std::string odd = schema() + "\"; DROP TABLE x; --";
  auto other = storage::postgres::Open({.conninfo = PostgresTestUrl(), .schema = odd});
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  EXPECT_EQ(*(*other)->SchemaVersion(), 0);
  other->reset();
  auto exists = RunPostgresAdminSql("SELECT count(*) FROM pg_namespace WHERE nspname = '" +
                                    schema() + "\"; DROP TABLE x; --'");
  (void)RunPostgresAdminSql("DROP SCHEMA IF EXISTS \"" + schema() + "\"\"; DROP TABLE x; --\"");
  ASSERT_TRUE(exists.ok());
  EXPECT_EQ(*exists, std::vector<std::string>{"1"});
}

}  // namespace
}  // namespace regie::testing
