#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace regie::core {

inline constexpr size_t kMinPasswordLength = 12;  // in characters (code points)
inline constexpr size_t kMaxPasswordLength = 128;

// The list of common passwords shipped with the app (common_passwords.txt,
// compiled in), lower case. Comparison is on the lower-cased password.
class CommonPasswords {
 public:
  static const CommonPasswords& Builtin();
  explicit CommonPasswords(std::string_view text);  // one per line, '#' comments
  bool Contains(std::string_view password) const;
  size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;
};

// Field error codes for a new password (empty: acceptable), following the
// NIST SP 800-63B rules the BIO refers to: a minimum length, no composition
// rules, refusal of common and context-specific passwords.
//   password_too_short, password_too_long, password_common,
//   password_contains_username, password_repetitive
std::vector<std::string> CheckPassword(std::string_view password, std::string_view username,
                                       const CommonPasswords& common = CommonPasswords::Builtin());

}  // namespace regie::core
