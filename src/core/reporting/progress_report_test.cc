#include "core/reporting/progress_report.h"

#include <gtest/gtest.h>

namespace regie::core {
namespace {

TEST(ReportPeriodTest, ParsesHalfYearsAndKnowsTheirDates) {
  const auto h2 = ReportPeriod::Parse("2017H2");
  ASSERT_TRUE(h2.has_value());
  EXPECT_EQ(h2->year, 2017);
  EXPECT_EQ(h2->half, 2);
  EXPECT_EQ(h2->First().ToString(), "2017-07-01");
  EXPECT_EQ(h2->Last().ToString(), "2017-12-31");
  EXPECT_TRUE(h2->Yearly());
  EXPECT_EQ(h2->ToString(), "2017H2");
  const auto h1 = ReportPeriod::Parse("2026H1");
  ASSERT_TRUE(h1.has_value());
  EXPECT_EQ(h1->First().ToString(), "2026-01-01");
  EXPECT_EQ(h1->Last().ToString(), "2026-06-30");
  EXPECT_FALSE(h1->Yearly());
  for (const char* bad : {"2017H3", "2017h1", "17H1", "2017H", "20171H1", "1999H2", "2101H1",
                          "+017H1", " 2017H1", "2017H1 "})
    EXPECT_FALSE(ReportPeriod::Parse(bad).has_value()) << bad;
}

TEST(ReportPeriodTest, FinancialSectionOnlyInTheSecondHalfYear) {
  const auto h1 = SectionsOf(*ReportPeriod::Parse("2026H1"));
  const auto h2 = SectionsOf(*ReportPeriod::Parse("2026H2"));
  EXPECT_EQ(h1.size(), kReportSectionCount - 1);
  EXPECT_EQ(h2.size(), kReportSectionCount);
  EXPECT_EQ(h2.back(), ReportSection::kFinancieel);
  for (ReportSection s : h1) EXPECT_NE(s, ReportSection::kFinancieel);
}

TEST(ReportNarrativeTest, Validation) {
  const ReportPeriod h1 = *ReportPeriod::Parse("2026H1");
  EXPECT_TRUE(ValidateNarrative(h1, ReportSection::kTrends, 0, "Meer gezinnen.\nMinder.").empty());
  EXPECT_TRUE(ValidateNarrative(h1, ReportSection::kNetwerkpartners, 7, "Goed").empty());
  auto e = ValidateNarrative(h1, ReportSection::kFinancieel, 0, "x");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].field, "section");
  e = ValidateNarrative(h1, ReportSection::kTrends, 7, "x");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].code, "only_for_network_partners");
  e = ValidateNarrative(h1, ReportSection::kTrends, 0, std::string(kMaxNarrativeLength + 1, 'a'));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].code, "too_long");
  // Multi-byte characters count once: 20,000 "é" is allowed.
  std::string accents;
  for (size_t i = 0; i < kMaxNarrativeLength; ++i) accents += "\xC3\xA9";
  EXPECT_TRUE(ValidateNarrative(h1, ReportSection::kTrends, 0, accents).empty());
  e = ValidateNarrative(h1, ReportSection::kTrends, 0, "bad \xFF");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].code, "invalid_text");
}

TEST(ReportStampTest, PacksRoundTrip) {
  std::vector<indicators::PackVersion> packs{{"wet-inburgering-2021", 3}, {"gm0523@lokaal", 1}};
  const std::string s = PacksToString(packs);
  EXPECT_EQ(s, "wet-inburgering-2021@3;gm0523@lokaal@1");
  const auto back = PacksFromString(s);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[1].id, "gm0523@lokaal");
  EXPECT_EQ(back[1].version, 1);
  EXPECT_TRUE(PacksFromString("").empty());
}

}  // namespace
}  // namespace regie::core
