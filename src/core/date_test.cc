#include "core/date.h"

#include <gtest/gtest.h>

namespace regie::core {
namespace {

TEST(DateTest, ParsesAndFormatsIso) {
  auto d = Date::Parse("2017-10-01");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year(), 2017);
  EXPECT_EQ(d->month(), 10);
  EXPECT_EQ(d->day(), 1);
  EXPECT_EQ(d->ToString(), "2017-10-01");
  EXPECT_EQ(Date::Parse("1970-01-01")->days(), 0);
}

TEST(DateTest, RejectsImpossibleAndMalformedDates) {
  EXPECT_FALSE(Date::Parse("2023-02-29"));
  EXPECT_TRUE(Date::Parse("2024-02-29"));
  EXPECT_FALSE(Date::Parse("2024-13-01"));
  EXPECT_FALSE(Date::Parse("2024-1-01"));
  EXPECT_FALSE(Date::Parse("01-02-2024"));
  EXPECT_FALSE(Date::Parse("2024-01-0a"));
  EXPECT_FALSE(Date::Parse(""));
  // Year 0 (PostgreSQL has none) is refused; year 1 is the first.
  EXPECT_FALSE(Date::Parse("0000-01-01"));
  EXPECT_TRUE(Date::Parse("0001-01-01"));
}

TEST(DateTest, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(Date::Parse("2024-01-31")->AddMonths(1).ToString(), "2024-02-29");
  EXPECT_EQ(Date::Parse("2023-01-31")->AddMonths(1).ToString(), "2023-02-28");
  EXPECT_EQ(Date::Parse("2023-11-15")->AddMonths(3).ToString(), "2024-02-15");
  EXPECT_EQ(Date::Parse("2024-03-15")->AddMonths(-3).ToString(), "2023-12-15");
}

TEST(DateTest, AgeOnBirthday) {
  Date birth = *Date::Parse("2008-06-15");
  EXPECT_EQ(AgeOn(birth, *Date::Parse("2026-06-14")), 17);
  EXPECT_EQ(AgeOn(birth, *Date::Parse("2026-06-15")), 18);
}

TEST(TimestampTest, RoundTripsIso) {
  auto t = Timestamp::Parse("2026-11-22T10:15:30.250000Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->ToString(), "2026-11-22T10:15:30.250000Z");
  EXPECT_EQ(t->ToDate().ToString(), "2026-11-22");
  EXPECT_EQ(Timestamp::Parse("2026-11-22T10:15:30Z")->ToString(), "2026-11-22T10:15:30.000000Z");
  EXPECT_FALSE(Timestamp::Parse("2026-11-22 10:15:30Z"));
  EXPECT_FALSE(Timestamp::Parse("2026-11-22T25:15:30Z"));
}

}  // namespace
}  // namespace regie::core
