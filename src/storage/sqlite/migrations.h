#pragma once

#include <span>
#include <string_view>

namespace regie::storage::sqlite {

// One forward-only schema step. Versions are dense and ascending; a
// released migration is never edited, only followed by a new one.
struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> Migrations();

}  // namespace regie::storage::sqlite
