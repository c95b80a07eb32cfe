#pragma once

#include <cstdint>
#include <functional>

#include "core/demo_generator.h"
#include "core/status.h"
#include "ports/clock.h"
#include "ports/database.h"

namespace regie::app {

struct DemoLoadStats {
  int tenants = 0;
  int64_t organisations = 0;
  int64_t households = 0;
  int64_t persons = 0;
};

// Writes a synthetic population (core::DemoGenerator) into an empty, migrated
// database. Households go in batches of `batch_size`, one write transaction
// each, so memory stays bounded at any scale and a failure loses at most the
// batch in flight (which rolls back). FailedPrecondition "database_not_empty"
// when the database already has tenants: demo data never mixes with real data.
// `progress` (optional) is called after every committed batch.
StatusOr<DemoLoadStats> LoadDemo(ports::Database& db, const core::DemoOptions& options,
                                 const ports::Clock& clock, int batch_size = 500,
                                 const std::function<void(const DemoLoadStats&)>& progress = {});

}  // namespace regie::app
