#include "core/auth/password_policy.h"

#include <algorithm>

#include "core/auth/common_passwords_text.h"

namespace regie::core {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// UTF-8 code points: continuation bytes do not count.
size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Few distinct characters ("aaaaaaaaaaaa", "abababababab") guess quickly.
bool Repetitive(std::string_view s) {
  std::string distinct(s);
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  return distinct.size() <= 3;
}

}  // namespace

CommonPasswords::CommonPasswords(std::string_view text) {
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    words_.insert(Lower(line));
  }
}

const CommonPasswords& CommonPasswords::Builtin() {
  static const CommonPasswords kList(CommonPasswordsText());
  return kList;
}

bool CommonPasswords::Contains(std::string_view password) const {
  return words_.count(Lower(password)) > 0;
}

std::vector<std::string> CheckPassword(std::string_view password, std::string_view username,
                                       const CommonPasswords& common) {
  const size_t length = CodePoints(password);
  if (length < kMinPasswordLength) return {"password_too_short"};
  if (length > kMaxPasswordLength) return {"password_too_long"};
  std::vector<std::string> out;
  if (common.Contains(password)) out.emplace_back("password_common");
  const std::string lower = Lower(password);
  std::string user = Lower(username);
  user = user.substr(0, user.find('@'));
  if (user.size() >= 3 && lower.find(user) != std::string::npos)
    out.emplace_back("password_contains_username");
  if (Repetitive(password)) out.emplace_back("password_repetitive");
  return out;
}

}  // namespace regie::core
