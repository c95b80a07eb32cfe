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
  std::chrono::milliseconds acquire_timeout{5000};
};

// Connects (eagerly, one connection, to fail fast) to PostgreSQL 15+.
// Does not migrate; call Migrate() on the result.
StatusOr<std::unique_ptr<ports::Database>> Open(const Options& options);

}  // namespace regie::storage::postgres
