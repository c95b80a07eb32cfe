// Edge cases of the statistics; the hand-computed figures themselves are
// text fixtures in tests/cases/indicators/.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "core/stats/kaplan_meier.h"
#include "core/stats/proportion.h"

namespace regie::core::stats {
namespace {

TEST(Wilson, RefusesImpossibleCounts) {
  EXPECT_FALSE(Wilson(0, 0));
  EXPECT_FALSE(Wilson(3, 2));
  EXPECT_FALSE(Wilson(-1, 5));
}

TEST(Wilson, SmallCohortIsWideLargeIsNarrow) {
  // The same 90% from 20 and from 2,000 persons.
  Interval small = *Wilson(18, 20);
  Interval large = *Wilson(1800, 2000);
  EXPECT_GT(small.upper - small.lower, 0.25);
  EXPECT_LT(large.upper - large.lower, 0.03);
  EXPECT_LT(small.lower, 0.9);
  EXPECT_GT(small.upper, 0.9);
}

TEST(Target, RuleTextQuotesTheNumbers) {
  TargetJudgement j = JudgeTarget(18, 20, 90);
  EXPECT_EQ(j.status, TargetStatus::kAtRisk);
  EXPECT_NE(j.rule_nl.find("69.9% - 97.2%"), std::string::npos) << j.rule_nl;
  EXPECT_NE(j.rule_en.find("target 90%"), std::string::npos) << j.rule_en;
  EXPECT_NE(j.rule_nl.find("risico"), std::string::npos) << j.rule_nl;
}

TEST(KaplanMeier, EmptyGivesNoSteps) {
  KmCurve c = KaplanMeier(std::vector<Observation>{});
  EXPECT_EQ(c.n, 0);
  EXPECT_TRUE(c.steps.empty());
  EXPECT_FALSE(c.median.median);
  EXPECT_DOUBLE_EQ(c.SurvivalAt(100), 1.0);
}

TEST(KaplanMeier, TiesEventsBeforeCensorings) {
  // Two at t=1: one event and one censoring. Event first: n = 2 at t = 1, S = 1/2.
  std::vector<Observation> obs = {{1, false}, {1, true}};
  KmCurve c = KaplanMeier(obs);
  ASSERT_EQ(c.steps.size(), 1U);
  EXPECT_EQ(c.steps[0].at_risk, 2);
  EXPECT_DOUBLE_EQ(c.steps[0].survival, 0.5);
  EXPECT_EQ(c.median.median, 1);
}

TEST(KaplanMeier, SortByKeySortsLikeAStableSortOnTheKey) {
  // Keys of zero to four bytes (the radix passes stop at the largest key's
  // bytes); few distinct keys, so that the groups' order among equal keys
  // is tested too.
  std::mt19937 random(3);
  std::vector<uint64_t> scratch;
  for (uint32_t limit : {0U, 1U, 200U, 30'000U, 70'000U, 20'000'000U, 0xFFFFFFFFU}) {
    for (size_t n : {size_t{0}, size_t{1}, size_t{2}, size_t{65}, size_t{5'000}}) {
      std::uniform_int_distribution<uint32_t> key(0, limit);
      std::vector<uint64_t> entries(n);
      for (size_t i = 0; i < n; ++i) entries[i] = uint64_t{key(random)} << 32 | (i % 7);
      std::vector<uint64_t> want = entries;
      std::stable_sort(want.begin(), want.end(),
                       [](uint64_t a, uint64_t b) { return a >> 32 < b >> 32; });
      SortByKey(entries, scratch);
      EXPECT_EQ(entries, want) << "limit " << limit << " n " << n;
    }
  }
}

}  // namespace
}  // namespace regie::core::stats
