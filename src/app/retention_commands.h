#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/commands.h"
#include "core/date.h"
#include "core/status.h"
#include "ports/clock.h"
#include "ports/crypto.h"
#include "ports/database.h"

namespace regie::app {

// `regie erase`: the end of the retention period (docs/operations.md).
// Archiving keeps a household for the municipality's retention period; this
// erases the households archived before a date, and the incoming handover
// packages never accepted (rejected before it, or received before it and
// still pending), for good. Without `apply` it only counts what would go
// (opening the database still applies pending migrations, as every command
// does). On SQLite it then empties the write-ahead log. Exit 1 when an item
// failed (the others are erased), 2 for a bad or future date.
struct EraseOptions {
  std::string db_url = "sqlite:data/regie.db";
  std::string key_file = kDefaultKeyFile;
  std::string tenant;           // CBS code
  std::string archived_before;  // ISO date: archived (rejected, received) before its start, UTC
  bool apply = false;
};
int RunErase(const EraseOptions& options);

struct ErasureReport {
  int64_t households = 0;
  int64_t persons = 0;
  int64_t rows = 0;
  int64_t packages = 0;
  int64_t skipped = 0;  // reopened (or erased by someone else) since they were listed
  int64_t failed = 0;   // rolled back on an error; the run went on with the others
};

// The work of RunErase, on an open database. Each household and package is
// erased in a write transaction of its own, together with its audit record
// (action "erase"), so an interrupted run leaves whole households and can
// simply be run again; a failed item is rolled back and counted, and the
// run goes on. InvalidArgument "invalid_cutoff" for a date after
// today: a retention period ends in the past.
StatusOr<ErasureReport> EraseArchived(ports::Database& db, ports::Crypto& crypto,
                                      const ports::Clock& clock, const std::string& tenant_code,
                                      core::Date archived_before, bool apply);

}  // namespace regie::app
