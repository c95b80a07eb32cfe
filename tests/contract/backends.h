#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ports/database.h"

namespace regie::testing {

// A fresh, migrated, empty database of the named backend ("sqlite" or
// "postgresql"), removed when destroyed. For PostgreSQL it is a new schema in
// the server named by REGIE_TEST_PG_URL.
class TestDatabase {
 public:
  virtual ~TestDatabase() = default;
  virtual ports::Database& db() = 0;
};

// The backends to run on. PostgreSQL is included when REGIE_TEST_PG_URL is
// set; under CI=true a missing URL is an error reported by MakeTestDatabase.
std::vector<std::string> TestBackends();

// nullptr with `skip_reason` set when the backend cannot run here; fails the
// test (through `error`) when it should run and cannot.
std::unique_ptr<TestDatabase> MakeTestDatabase(const std::string& backend, std::string& skip_reason,
                                               std::string& error);

}  // namespace regie::testing
