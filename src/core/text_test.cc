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

TEST(TrimTest, TrimsBothEnds) {
  EXPECT_EQ(Trim("  a b \n"), "a b");
  EXPECT_EQ(Trim(""), "");
}

}  // namespace
}  // namespace regie::core
