#pragma once

#include <string>
#include <string_view>

namespace regie::core {

// Folds a UTF-8 name to a search and sort key: lower case, Latin diacritics
// removed (é -> e, ö -> o, ß -> ss), runs of white space collapsed. Both
// storage backends order and match on this key, so results are identical
// on SQLite and PostgreSQL.
std::string SearchKey(std::string_view utf8);

// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or code
// points above U+10FFFF) without control characters; `multiline` allows tab,
// line feed and carriage return. Text that fails this never reaches storage:
// PostgreSQL refuses it and SQLite would store bytes no client can show.
bool IsCleanText(std::string_view s, bool multiline = false);

// Trims ASCII white space at both ends.
std::string Trim(std::string_view s);

}  // namespace regie::core
