#pragma once

#include <string>
#include <string_view>

namespace regie::core {

// Folds a UTF-8 name to a search and sort key: lower case, Latin diacritics
// removed (é -> e, ö -> o, ß -> ss), runs of white space collapsed. Both
// storage backends order and match on this key, so results are identical
// on SQLite and PostgreSQL.
std::string SearchKey(std::string_view utf8);

// Trims ASCII white space at both ends.
std::string Trim(std::string_view s);

}  // namespace regie::core
