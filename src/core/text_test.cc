#include "core/text.h"

#include <gtest/gtest.h>

namespace regie::core {
namespace {

TEST(SearchKeyTest, FoldsCaseDiacriticsAndSpace) {
  EXPECT_EQ(SearchKey("  Al-Hassan   Özdemir "), "al-hassan ozdemir");
  EXPECT_EQ(SearchKey("Ériç Müller"), "eric muller");
  EXPECT_EQ(SearchKey("Straße"), "strasse");
  EXPECT_EQ(SearchKey("Łukasz Šťastný"), "lukasz stastny");
  EXPECT_EQ(SearchKey("Ĳsselstein"), "ijsselstein");
}

TEST(SearchKeyTest, KeepsOtherScripts) {
  EXPECT_EQ(SearchKey("محمد"), "محمد");
  EXPECT_EQ(SearchKey("ሰላም Abeba"), "ሰላም abeba");
}

TEST(IsCleanTextTest, AcceptsUtf8TextInAnyScript) {
  for (const char* ok : {"", "Haddad", "Özdemir-Müller", "محمد", "ሰላም", "Ĳ €", "😀"})
    EXPECT_TRUE(IsCleanText(ok)) << ok;
  EXPECT_TRUE(IsCleanText("regel 1\nregel 2\t!", /*multiline=*/true));
}

TEST(IsCleanTextTest, RefusesControlsAndMalformedUtf8) {
  using namespace std::string_literals;  // NOLINT(google-build-using-namespace): literals only
  for (const std::string& bad :
       {"a\0b"s, "a\nb"s, "\x7f"s, "\xff"s, "\xc3"s, "\xc0\xaf"s /* overlong '/' */,
        "\xed\xa0\x80"s /* surrogate */, "\xf4\x90\x80\x80"s /* > U+10FFFF */,
        "\xc2\x85"s /* C1 control NEL */,
        "\x80"
        "abc"s})
    EXPECT_FALSE(IsCleanText(bad)) << bad.size();
  EXPECT_FALSE(IsCleanText("a\x01b", /*multiline=*/true));
}

TEST(TrimTest, TrimsBothEnds) {
  EXPECT_EQ(Trim("  a b \n"), "a b");
  EXPECT_EQ(Trim(""), "");
}

}  // namespace
}  // namespace regie::core
