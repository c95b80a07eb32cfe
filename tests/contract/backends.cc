#include "backends.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "storage/sqlite/sqlite_database.h"
#ifdef REGIE_HAVE_POSTGRES
#include "storage/postgres/postgres_database.h"
#endif

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
    for (const char* ext : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + ext, ec);
  }
  ports::Database& db() override { return *db_; }

 private:
  std::filesystem::path path_;
  std::unique_ptr<ports::Database> db_;
};

class OwnedTestDatabase final : public TestDatabase {
 public:
  explicit OwnedTestDatabase(std::unique_ptr<ports::Database> db) : db_(std::move(db)) {}
  ports::Database& db() override { return *db_; }

 private:
  std::unique_ptr<ports::Database> db_;
};

}  // namespace

std::vector<std::string> TestBackends() { return {"sqlite", "postgresql"}; }

std::unique_ptr<TestDatabase> MakeTestDatabase(const std::string& backend, std::string& skip_reason,
                                               std::string& error) {
  if (backend == "sqlite") {
    auto path = std::filesystem::temp_directory_path() / ("regie_test_" + UniqueSuffix() + ".db");
    auto db = storage::sqlite::Open({.path = path.string()});
    if (!db.ok() || !(*db)->Migrate().ok()) {
      error = "cannot open SQLite test database: " + db.status().ToString();
      return nullptr;
    }
    return std::make_unique<SqliteTestDatabase>(path, std::move(db).value());
  }
  const char* url = std::getenv("REGIE_TEST_PG_URL");
  const char* ci = std::getenv("CI");
  if (url == nullptr || *url == '\0') {
    if (ci != nullptr && std::string(ci) == "true")
      error = "REGIE_TEST_PG_URL is not set; CI must test PostgreSQL (scripts/postgres.sh start)";
    else
      skip_reason = "REGIE_TEST_PG_URL not set; PostgreSQL tests skipped outside CI";
    return nullptr;
  }
#ifdef REGIE_HAVE_POSTGRES
  auto db = storage::postgres::Open({.conninfo = url, .schema = "t_" + UniqueSuffix()});
  if (!db.ok()) {
    error = "cannot open PostgreSQL test database: " + db.status().ToString();
    return nullptr;
  }
  Status migrated = (*db)->Migrate();
  if (!migrated.ok()) {
    error = "cannot migrate PostgreSQL test schema: " + migrated.ToString();
    return nullptr;
  }
  return std::make_unique<OwnedTestDatabase>(std::move(db).value());
#else
  error = "built without the PostgreSQL adapter";
  return nullptr;
#endif
}

}  // namespace regie::testing
