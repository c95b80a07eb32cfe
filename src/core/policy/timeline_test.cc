#include "core/policy/timeline.h"

#include <gtest/gtest.h>

#include <vector>

namespace regie::core::policy {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

std::string_view Band(const char* housing, const char* due) {
  std::optional<TimelineBand> b = BandOf(D(housing), D(due));
  return b ? ToCode(*b) : "none";
}

TEST(TimelineTest, BandEndsAreInclusiveCalendarMonths) {
  EXPECT_EQ(Band("2017-01-31", "2017-01-31"), "0-3");
  EXPECT_EQ(Band("2017-01-31", "2017-04-30"), "0-3");  // 3 months after 31 Jan is 30 Apr
  EXPECT_EQ(Band("2017-01-31", "2017-05-01"), "3-6");
  EXPECT_EQ(Band("2017-01-31", "2017-07-31"), "3-6");
  EXPECT_EQ(Band("2017-01-31", "2017-08-01"), "6-15");
  EXPECT_EQ(Band("2017-01-31", "2018-04-30"), "6-15");
  EXPECT_EQ(Band("2017-01-31", "2018-05-01"), "15+");
}

TEST(TimelineTest, DueBeforeHousingIsTheFirstBandAndMissingDatesHaveNone) {
  EXPECT_EQ(Band("2017-06-01", "2017-03-01"), "0-3");
  EXPECT_FALSE(BandOf(std::nullopt, D("2017-03-01")));
  EXPECT_FALSE(BandOf(D("2017-03-01"), std::nullopt));
}

TEST(TimelineTest, LearningRouteIsTheLatestStatedRouteOnTheReferenceDate) {
  std::vector<PersonEvent> events = {
      {"leerroute_vastgesteld", D("2022-05-01"), std::nullopt, "onderwijs", ""},
      {"leerroute_vastgesteld", D("2022-03-01"), std::nullopt, "b1", ""},
      {"pvt_afgerond", D("2022-06-01"), std::nullopt, "", ""},
  };
  PersonFacts facts;
  ApplyRecordedFacts(events, D("2022-04-01"), facts);
  EXPECT_EQ(facts.learning_route, "b1");
  ApplyRecordedFacts(events, D("2022-05-01"), facts);
  EXPECT_EQ(facts.learning_route, "onderwijs");
  PersonFacts none;
  ApplyRecordedFacts(events, D("2022-01-01"), none);
  EXPECT_EQ(none.learning_route, "");
}

}  // namespace
}  // namespace regie::core::policy
