#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace regie::ports {

// Keyset position in the household list order (name key, id). Encoded as
// lower-case hex of "<id>:<name_key>" so it is opaque in URLs and identical
// for every backend.
struct ListCursor {
  std::string name_key;
  int64_t id = 0;
};

inline std::string EncodeCursor(const ListCursor& c) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string raw = std::to_string(c.id) + ":" + c.name_key;
  std::string out;
  out.reserve(raw.size() * 2);
  for (char raw_char : raw) {
    auto ch = static_cast<unsigned char>(raw_char);
    out.push_back(kHex[ch >> 4]);
    out.push_back(kHex[ch & 0xF]);
  }
  return out;
}

// nullopt for anything EncodeCursor could not have produced.
inline std::optional<ListCursor> DecodeCursor(std::string_view hex) {
  if (hex.empty() || hex.size() % 2 != 0 || hex.size() > 2048) return std::nullopt;
  auto nibble = [](char ch) -> int {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    return -1;
  };
  std::string raw;
  raw.reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    raw.push_back(static_cast<char>(hi * 16 + lo));
  }
  size_t colon = raw.find(':');
  if (colon == 0 || colon == std::string::npos || colon > 18) return std::nullopt;
  int64_t id = 0;
  for (size_t i = 0; i < colon; ++i) {
    if (raw[i] < '0' || raw[i] > '9') return std::nullopt;
    id = id * 10 + (raw[i] - '0');
  }
  if (id <= 0) return std::nullopt;
  return ListCursor{raw.substr(colon + 1), id};
}

}  // namespace regie::ports
