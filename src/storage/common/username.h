#pragma once

#include <string>
#include <string_view>

namespace regie::storage {

// Usernames are stored and compared in ASCII lower case, in C++ rather than
// with SQL lower(), whose result depends on the backend (SQLite folds ASCII
// only, PostgreSQL by the database's locale). Shared by both adapters.
inline std::string NormaliseUsername(std::string_view username) {
  std::string out(username);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace regie::storage
