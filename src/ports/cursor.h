#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace regie::ports {

// Keyset position in the household list, whose order is (name key, id). The
// cursor carries only the id of the last row, as lower-case hex: it ends up
// in URLs and access logs, so it must not carry a name. The repository looks
// up that row's name key (in the same tenant) to continue after it, so a
// page stays stable while rows are added; renaming the last row of a page
// moves the continuation point with it.
inline std::string EncodeCursor(int64_t id) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  auto v = static_cast<uint64_t>(id);
  do {
    out.insert(out.begin(), kHex[v & 0xF]);
    v >>= 4;
  } while (v != 0);
  return out;
}

// Where a page continues: strictly after this (name key, id).
struct ListPosition {
  std::string name_key;
  int64_t id = 0;
};

// The id, or nullopt for anything EncodeCursor could not have produced.
inline std::optional<int64_t> DecodeCursor(std::string_view hex) {
  if (hex.empty() || hex.size() > 15 || hex.front() == '0') return std::nullopt;
  int64_t id = 0;
  for (char ch : hex) {
    int nibble = -1;
    if (ch >= '0' && ch <= '9') nibble = ch - '0';
    if (ch >= 'a' && ch <= 'f') nibble = ch - 'a' + 10;
    if (nibble < 0) return std::nullopt;
    id = id * 16 + nibble;
  }
  return id;
}

}  // namespace regie::ports
