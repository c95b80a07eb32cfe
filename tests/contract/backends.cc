#include "backends.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "storage/postgres/migrations.h"
#include "storage/postgres/postgres_database.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/sqlite_database.h"

namespace regie::testing {
namespace {

std::string UniqueSuffix() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return std::to_string(rd()) + "_" + std::to_string(counter.fetch_add(1));
}

class SqliteTestDatabase final : public TestDatabase {
 public:
  SqliteTestDatabase(std::filesystem::path path, std::unique_ptr<ports::Database> db)
      : path_(std::move(path)), db_(std::move(db)) {}
  ~SqliteTestDatabase() override {
    db_.reset();
    std::error_code ec;
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext, ec);
  }
  SqliteTestDatabase(const SqliteTestDatabase&) = delete;
  SqliteTestDatabase& operator=(const SqliteTestDatabase&) = delete;

  ports::Database& db() override { return *db_; }

  StatusOr<std::vector<std::string>> RunSql(const std::string& sql) override {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path_.string().c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)> conn(raw, &sqlite3_close_v2);
    if (rc != SQLITE_OK) return Internal("open: " + std::string(sqlite3_errstr(rc)));
    sqlite3_busy_timeout(conn.get(), 5000);
    std::vector<std::string> rows;
    auto collect = [](void* out, int columns, char** values, char** /*names*/) {
      auto* v = static_cast<std::vector<std::string>*>(out);
      if (columns > 0) v->emplace_back(values[0] != nullptr ? values[0] : "");
      return 0;
    };
    char* err = nullptr;
    rc = sqlite3_exec(conn.get(), ("PRAGMA foreign_keys=ON; " + sql).c_str(), collect, &rows, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err != nullptr ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      return Internal("SQL: " + msg);
    }
    return rows;
  }

 private:
  std::filesystem::path path_;
  std::unique_ptr<ports::Database> db_;
};

class PostgresTestDatabase final : public TestDatabase {
 public:
  PostgresTestDatabase(std::string schema, std::unique_ptr<ports::Database> db)
      : schema_(std::move(schema)), db_(std::move(db)) {}
  ~PostgresTestDatabase() override {
    db_.reset();  // closes the pool, so its sessions hold no locks
    // lock_timeout: a test that leaked a transaction must not hang here.
    Status dropped = RunPostgresAdminSql("SET lock_timeout = '10s'; DROP SCHEMA IF EXISTS \"" +
                                         schema_ + "\" CASCADE")
                         .status();
    if (!dropped.ok())
      std::fprintf(stderr, "cannot drop test schema %s: %s\n", schema_.c_str(),
                   dropped.ToString().c_str());
  }
  PostgresTestDatabase(const PostgresTestDatabase&) = delete;
  PostgresTestDatabase& operator=(const PostgresTestDatabase&) = delete;

  ports::Database& db() override { return *db_; }
  std::string schema() const override { return schema_; }

  StatusOr<std::vector<std::string>> RunSql(const std::string& sql) override {
    return RunPostgresAdminSql("SET search_path = \"" + schema_ + "\"; " + sql);
  }

 private:
  std::string schema_;
  std::unique_ptr<ports::Database> db_;
};

struct PgConnCloser {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct PgResultClearer {
  void operator()(PGresult* res) const { PQclear(res); }
};

}  // namespace

std::vector<std::string> TestBackends() { return {"sqlite", "postgresql"}; }

std::string PostgresTestUrl() {
  const char* url = std::getenv("REGIE_TEST_PG_URL");
  return url == nullptr ? std::string() : std::string(url);
}

std::string WithUrlParameter(const std::string& url, const std::string& key,
                             const std::string& value) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return url + (url.find('?') == std::string::npos ? "?" : "&") + key + "=" + value;
  return url + " " + key + "='" + value + "'";  // key=value connection string
}

StatusOr<std::vector<std::string>> RunPostgresAdminSql(const std::string& sql) {
  std::string url = PostgresTestUrl();
  if (url.empty()) return Unavailable("REGIE_TEST_PG_URL is not set");
  std::unique_ptr<PGconn, PgConnCloser> conn(PQconnectdb(url.c_str()));
  if (PQstatus(conn.get()) != CONNECTION_OK)
    return Unavailable(std::string("admin connection: ") + PQerrorMessage(conn.get()));
  PQsetNoticeProcessor(
      conn.get(), [](void* /*arg*/, const char* /*message*/) {}, nullptr);
  std::unique_ptr<PGresult, PgResultClearer> res(PQexec(conn.get(), sql.c_str()));
  ExecStatusType st = PQresultStatus(res.get());
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
    return Internal(std::string("admin SQL: ") + PQerrorMessage(conn.get()));
  std::vector<std::string> out;
  out.reserve(static_cast<size_t>(PQntuples(res.get())));
  for (int i = 0; i < PQntuples(res.get()); ++i) out.emplace_back(PQgetvalue(res.get(), i, 0));
  return out;
}

std::unique_ptr<TestDatabase> MakeTestDatabase(const std::string& backend, std::string& skip_reason,
                                               std::string& error,
                                               const TestDatabaseOptions& options) {
  if (backend == "sqlite") {
    auto path = std::filesystem::temp_directory_path() / ("regie_test_" + UniqueSuffix() + ".db");
    auto db = storage::sqlite::Open(
        {.path = path.string(), .pool_size = options.pool_size, .busy_timeout = options.wait});
    if (!db.ok()) {
      error = "cannot open SQLite test database: " + db.status().ToString();
      return nullptr;
    }
    auto test_db = std::make_unique<SqliteTestDatabase>(path, std::move(db).value());
    Status migrated = options.schema_version
                          ? storage::sqlite::MigrateTo(test_db->db(), *options.schema_version)
                          : test_db->db().Migrate();
    if (!migrated.ok()) {
      error = "cannot migrate SQLite test database: " + migrated.ToString();
      return nullptr;
    }
    return test_db;
  }
  const std::string url = PostgresTestUrl();
  const char* ci = std::getenv("CI");
  if (url.empty()) {
    if (ci != nullptr && std::string(ci) == "true")
      error = "REGIE_TEST_PG_URL is not set; CI must test PostgreSQL (scripts/postgres.sh start)";
    else
      skip_reason = "REGIE_TEST_PG_URL not set; PostgreSQL tests skipped outside CI";
    return nullptr;
  }
  const std::string schema = "t_" + UniqueSuffix();
  auto db = storage::postgres::Open({.conninfo = WithUrlParameter(url, "application_name", schema),
                                     .schema = schema,
                                     .pool_size = options.pool_size,
                                     .acquire_timeout = options.wait});
  if (!db.ok()) {
    error = "cannot open PostgreSQL test database: " + db.status().ToString();
    return nullptr;
  }
  // Owned from here on, so a failed migration still drops the schema.
  auto test_db = std::make_unique<PostgresTestDatabase>(schema, std::move(db).value());
  Status migrated = options.schema_version
                        ? storage::postgres::MigrateTo(test_db->db(), *options.schema_version)
                        : test_db->db().Migrate();
  if (!migrated.ok()) {
    error = "cannot migrate PostgreSQL test schema: " + migrated.ToString();
    return nullptr;
  }
  return test_db;
}

int LatestSchemaVersion() {
  const int sqlite = storage::sqlite::Migrations().back().version;
  return sqlite == storage::postgres::Migrations().back().version ? sqlite : -1;
}

}  // namespace regie::testing
