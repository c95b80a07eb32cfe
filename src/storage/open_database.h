#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "ports/database.h"

namespace regie::storage {

enum class Backend { kSqlite, kPostgres };

// Where a database URL points: the backend and what to hand it (a file
// path for SQLite, the whole URL as a libpq connection string for
// PostgreSQL).
struct DatabaseTarget {
  Backend backend = Backend::kSqlite;
  std::string location;
};

// "sqlite:PATH" (or a bare path ending in .db) -> SQLite at PATH;
// "postgresql://..." or "postgres://..." -> PostgreSQL. InvalidArgument
// "bad_database_url" for anything else, including an empty SQLite path.
StatusOr<DatabaseTarget> ParseDatabaseUrl(const std::string& url);

// Opens (does not migrate) the database a URL names, with a connection
// pool of `pool_size`. InvalidArgument for a URL ParseDatabaseUrl refuses;
// otherwise what the backend's Open returns (e.g. Unavailable when the
// PostgreSQL server cannot be reached).
StatusOr<std::unique_ptr<ports::Database>> OpenDatabase(const std::string& url, int pool_size = 8);

}  // namespace regie::storage
