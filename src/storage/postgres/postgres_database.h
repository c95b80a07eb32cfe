#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "core/status.h"
#include "ports/database.h"

namespace regie::storage::postgres {

struct Options {
  std::string conninfo;  // libpq URI or key=value string
  // Optional schema; created if absent and used as search_path on every
  // connection. Lets tests run isolated in one database.
  std::string schema;
  int pool_size = 8;
  // How long Begin waits for a free pooled connection (then Unavailable).
  // Also the session's lock_timeout, so a writer waiting for another's row
  // lock gives up (Unavailable) like SQLite's busy timeout.
  std::chrono::milliseconds acquire_timeout{5000};
};

// Connects (eagerly, one connection, to fail fast) to PostgreSQL 15+.
// Does not migrate; call Migrate() on the result. InvalidArgument
// "bad_database_url" for a connection string libpq cannot parse,
// Unavailable when the server cannot be reached.
//
// Writers run in READ COMMITTED and take row locks where SQLite relies on
// its single writer; readers get one REPEATABLE READ READ ONLY snapshot.
// A statement that PostgreSQL fails aborts the transaction (SQLite fails
// just the statement), so the expected refusals (duplicate BSN or tenant
// code) are written not to fail on the server; Commit of a transaction
// that the server aborted returns an error instead of claiming success.
StatusOr<std::unique_ptr<ports::Database>> Open(const Options& options);

// Applies pending migrations up to and including `version` only, for tests
// that need a database of an older schema (e.g. to migrate one holding
// data). Not part of ports::Database: the application always migrates to
// the newest version. InvalidArgument for a database Open did not make.
Status MigrateTo(ports::Database& db, int version);

}  // namespace regie::storage::postgres
