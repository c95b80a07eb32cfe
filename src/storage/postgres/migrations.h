#pragma once

#include <span>
#include <string_view>

namespace regie::storage::postgres {

// One forward-only schema step, with the same version and name as the
// SQLite step of the same number (src/storage/sqlite/migrations.cc), so
// schema_migrations reads alike on both backends. Versions are dense and
// ascending; a released migration is never edited, only followed.
struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> Migrations();

}  // namespace regie::storage::postgres
