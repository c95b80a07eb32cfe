#include "core/auth/password_policy.h"

#include <gtest/gtest.h>

namespace regie::core {
namespace {

using Codes = std::vector<std::string>;

TEST(PasswordPolicyTest, MinimumLengthCountsCharactersNotBytes) {
  EXPECT_EQ(CheckPassword("kort-wacht1", "a.jansen"), Codes{"password_too_short"});
  // Twelve characters, some of them two bytes in UTF-8.
  EXPECT_EQ(CheckPassword("één twee drë", "a.jansen"), Codes{});
  EXPECT_EQ(CheckPassword("ééééééééééé", "a.jansen"), Codes{"password_too_short"});
  // Appending in place: GCC 12 warns falsely (-Warray-bounds) on string(n, c) + "..".
  std::string too_long(129, 'x');
  too_long.append("yz");
  EXPECT_EQ(CheckPassword(too_long, "a"), Codes{"password_too_long"});
}

TEST(PasswordPolicyTest, RefusesCommonPasswordsCaseInsensitively) {
  EXPECT_EQ(CheckPassword("Wachtwoord123", "a.jansen"), Codes{"password_common"});
  EXPECT_EQ(CheckPassword("VOETBAL12345", "a.jansen"), Codes{"password_common"});
  EXPECT_EQ(CheckPassword("qwertyuiop12", "x"), Codes{"password_common"});
  EXPECT_EQ(CheckPassword("Zonnebloem-Fiets-Kanaal", "a.jansen"), Codes{});
  EXPECT_GT(CommonPasswords::Builtin().size(), 10000U);
}

TEST(PasswordPolicyTest, RefusesTheUsernameAndRepetition) {
  EXPECT_EQ(CheckPassword("mijn-a.jansen-wachtwoord", "A.Jansen@gemeente.nl"),
            Codes{"password_contains_username"});
  EXPECT_EQ(CheckPassword("abababababababab", "x"), Codes{"password_repetitive"});
}

TEST(PasswordPolicyTest, ListParsesCommentsAndBlankLines) {
  CommonPasswords list("# comment\n\nHallo Wereld!\r\nfoo\n");
  EXPECT_EQ(list.size(), 2U);
  EXPECT_TRUE(list.Contains("hallo wereld!"));
  EXPECT_FALSE(list.Contains("# comment"));
}

}  // namespace
}  // namespace regie::core
