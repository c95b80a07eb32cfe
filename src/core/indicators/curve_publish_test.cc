#include "core/indicators/curve_publish.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace regie::core::indicators {
namespace {

stats::KmCurve OneEventADay(int persons) {
  std::vector<stats::Observation> obs;
  for (int i = 1; i <= persons; ++i) obs.push_back({i, true});
  return stats::KaplanMeier(obs);
}

// The review's case: a cohort of 5 whose first step (1 of 5, on day 8)
// showed one person's event and its day.
TEST(PublishCurve, ACohortOfFiveShowsNoSinglePerson) {
  std::vector<stats::Observation> obs = {
      {8, true}, {20, true}, {30, false}, {40, true}, {50, true}};
  const stats::KmCurve curve = stats::KaplanMeier(obs);
  const ShownCurve shown = PublishCurve(curve, true);
  EXPECT_EQ(shown.n.Text(), "5");
  EXPECT_TRUE(shown.points.empty());
  EXPECT_FALSE(shown.median.median.has_value());
  // The case team sees every step.
  EXPECT_EQ(PublishCurve(curve, false).points.size(), curve.steps.size());
  EXPECT_EQ(PublishCurve(curve, false).points.front().time, 8);
}

TEST(PublishCurve, PointsAreWholeWeeksOfAtLeastFiveEvents) {
  // 20 persons, one event a day: weeks 1 and 2 hold 7 events each; days
  // 15 and 16 (6 and 5 at risk) are only 2, and day 17 has 4 at risk.
  const ShownCurve shown = PublishCurve(OneEventADay(20), true);
  ASSERT_EQ(shown.points.size(), 2U);
  EXPECT_EQ(shown.points[0].time, 7);
  EXPECT_NEAR(shown.points[0].survival, 13.0 / 20, 1e-12);
  EXPECT_EQ(shown.points[1].time, 14);
  EXPECT_NEAR(shown.points[1].survival, 6.0 / 20, 1e-12);
  // S(10) = 0.5: the median day 10 is published as the end of week 2.
  EXPECT_EQ(shown.median.median, 14);
}

TEST(PublishCurve, GroupsUnderFiveAreWithheld) {
  const ShownCurve shown = PublishCurve(OneEventADay(4), true);
  EXPECT_EQ(shown.n.Text(), "<5");
  EXPECT_TRUE(shown.points.empty());
}

// Random curves: every published drop stands for at least 5 events, every
// point is a week end, and nothing after the first step with fewer than 5
// at risk is shown.
TEST(PublishCurve, EveryDropStandsForFiveOrMoreEvents) {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::vector<stats::Observation> obs;
    const int n = std::uniform_int_distribution<int>(1, 80)(rng);
    for (int i = 0; i < n; ++i)
      obs.push_back(
          {std::uniform_int_distribution<int>(0, 120)(rng), std::bernoulli_distribution(0.7)(rng)});
    const stats::KmCurve curve = stats::KaplanMeier(obs);
    const ShownCurve shown = PublishCurve(curve, true);
    int32_t previous = -1;
    for (const ShownPoint& p : shown.points) {
      EXPECT_EQ(p.time % 7, 0) << round;
      int64_t events = 0;
      for (const stats::KmStep& s : curve.steps) {
        if (s.time > previous && s.time <= p.time) {
          EXPECT_GE(s.at_risk, stats::kMinCell) << round;
          events += s.events;
        }
      }
      EXPECT_GE(events, stats::kMinCell) << round << " at " << p.time;
      EXPECT_NEAR(p.survival, curve.SurvivalAt(p.time), 1e-12) << round;
      previous = p.time;
    }
  }
}

}  // namespace
}  // namespace regie::core::indicators
