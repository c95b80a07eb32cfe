#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "ports/database.h"

namespace regie::storage {

// Opens a database from a URL: "sqlite:PATH" (or a bare path ending in .db)
// or "postgresql://..." / "postgres://...". InvalidArgument for anything else.
StatusOr<std::unique_ptr<ports::Database>> OpenDatabase(const std::string& url, int pool_size = 8);

}  // namespace regie::storage
