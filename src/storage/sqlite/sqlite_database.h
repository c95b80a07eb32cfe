#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "core/status.h"
#include "ports/database.h"

namespace regie::storage::sqlite {

struct Options {
  std::string path;   // file path; ":memory:" is not supported (pooling)
  int pool_size = 8;  // connections; one writer at a time (BEGIN IMMEDIATE)
  std::chrono::milliseconds busy_timeout{5000};
};

// Opens (creating if absent) a SQLite database in WAL mode with foreign keys
// on. Does not migrate; call Migrate() on the result.
StatusOr<std::unique_ptr<ports::Database>> Open(const Options& options);

// Applies pending migrations up to and including `version` only, for tests
// that need a database of an older schema (e.g. to migrate one holding
// data). Not part of ports::Database: the application always migrates to
// the newest version. InvalidArgument for a database Open did not make.
Status MigrateTo(ports::Database& db, int version);

}  // namespace regie::storage::sqlite
