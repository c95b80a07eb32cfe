#include "core/text.h"

#include <cstdint>

namespace regie::core {
namespace {

// Base letters for U+0100..U+017F (Latin Extended-A), one per code point.
constexpr std::string_view kLatinExtendedA =
    "aaaaaa"
    "cccccccc"
    "dddd"
    "eeeeeeeeee"
    "gggggggg"
    "hhhh"
    "iiiiiiiiii"
    "ii"
    "jj"
    "kkk"
    "llllllllll"
    "nnnnnnnnn"
    "oooooo"
    "oo"
    "rrrrrr"
    "ssssssss"
    "tttttt"
    "uuuuuuuuuuuu"
    "ww"
    "yyy"
    "zzzzzz"
    "s";
static_assert(kLatinExtendedA.size() == 0x80);

// Maps a Latin-1 Supplement / Latin Extended-A code point to its ASCII base;
// empty when the code point is not a Latin letter with a diacritic.
std::string_view FoldCodePoint(uint32_t cp) {
  if (cp == 0x132 || cp == 0x133) return "ij";  // Dutch ligature
  if (cp == 0x152 || cp == 0x153) return "oe";
  if (cp >= 0x100 && cp < 0x180) return kLatinExtendedA.substr(cp - 0x100, 1);
  if (cp < 0xC0 || cp > 0xFF || cp == 0xD7 || cp == 0xF7) return {};
  static constexpr std::string_view kLatin1 =  // U+00C0..U+00FF, '?' = no fold
      "aaaaaaaceeeeiiiidnooooo?ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo?ouuuuyty";
  if (cp == 0xC6 || cp == 0xE6) return "ae";
  if (cp == 0xDF) return "ss";
  return kLatin1.substr(cp - 0xC0, 1);
}

}  // namespace

std::string SearchKey(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    uint32_t cp = c;
    size_t len = 1;
    if (c >= 0xC0 && c < 0xE0 && i + 1 < s.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      len = 2;
    } else if (c >= 0xE0 && c < 0xF0) {
      len = 3;
    } else if (c >= 0xF0) {
      len = 4;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      i += 1;
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    if (len == 1) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
    } else if (std::string_view folded = len == 2 ? FoldCodePoint(cp) : ""; !folded.empty()) {
      out += folded;
    } else {
      out.append(s.substr(i, len));  // other scripts (Arabic, Ge'ez) stay as they are
    }
    i += len;
  }
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r'))
    --e;
  return std::string(s.substr(b, e - b));
}

bool IsCleanText(std::string_view s, bool multiline) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      const bool allowed_control = multiline && (c == '\t' || c == '\n' || c == '\r');
      if ((c < 0x20 || c == 0x7F) && !allowed_control) return false;
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07u;
    } else {
      return false;  // continuation byte first, or an overlong/out-of-range lead
    }
    if (i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x80 && cp <= 0x9F))
      return false;  // overlong, out of range, surrogate, or a C1 control
    i += len;
  }
  return true;
}

}  // namespace regie::core
