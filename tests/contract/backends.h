#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "ports/database.h"

namespace regie::testing {

// A fresh, migrated, empty database of the named backend ("sqlite" or
// "postgresql"), removed when destroyed. For PostgreSQL it is a new schema in
// the server named by REGIE_TEST_PG_URL, dropped with everything in it.
class TestDatabase {
 public:
  virtual ~TestDatabase() = default;
  virtual ports::Database& db() = 0;
  // PostgreSQL: the schema holding this database, which is also the
  // application_name of its sessions (so a test can find them). Empty for
  // SQLite.
  virtual std::string schema() const { return {}; }
  // Runs `sql` (one or more statements) on a connection of its own, outside
  // the repositories, as an administrator or attacker with database access
  // would; returns the first column of the rows (end with the one query
  // whose rows matter).
  virtual StatusOr<std::vector<std::string>> RunSql(const std::string& sql) = 0;
};

struct TestDatabaseOptions {
  int pool_size = 8;
  // How long Begin waits for a free connection (for SQLite also the busy
  // timeout; for PostgreSQL also the row-lock timeout).
  std::chrono::milliseconds wait{5000};
  // Migrate only up to this version (to build a database of an older
  // schema); all migrations when absent.
  std::optional<int> schema_version;
};

// The backends to run on. PostgreSQL is included when REGIE_TEST_PG_URL is
// set; under CI=true a missing URL is an error reported by MakeTestDatabase.
std::vector<std::string> TestBackends();

// The version of the last migration (the same on both backends; versions
// may skip numbers that another branch holds).
int LatestSchemaVersion();

// nullptr with `skip_reason` set when the backend cannot run here; fails the
// test (through `error`) when it should run and cannot.
std::unique_ptr<TestDatabase> MakeTestDatabase(const std::string& backend, std::string& skip_reason,
                                               std::string& error,
                                               const TestDatabaseOptions& options = {});

// The URL of the test server, or "" when REGIE_TEST_PG_URL is not set.
std::string PostgresTestUrl();

// `url` with one more connection parameter, e.g. application_name.
std::string WithUrlParameter(const std::string& url, const std::string& key,
                             const std::string& value);

// Runs `sql` on a fresh administrator connection to the test server,
// outside every test schema, and returns the first column of each row. For
// PostgreSQL-only tests that end sessions or read the catalog.
StatusOr<std::vector<std::string>> RunPostgresAdminSql(const std::string& sql);

}  // namespace regie::testing
