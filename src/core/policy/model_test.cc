#include "core/policy/model.h"

#include <gtest/gtest.h>

#include "core/policy/civil.h"

namespace regie::core::policy {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

TEST(Duration, ParsesUnitsAndRefusesMalformedText) {
  EXPECT_EQ(ParseDuration("10 weeks"), (Duration{10, DurationUnit::kWeeks}));
  EXPECT_EQ(ParseDuration("1 year"), (Duration{1, DurationUnit::kYears}));
  EXPECT_EQ(ParseDuration("0 days"), (Duration{0, DurationUnit::kDays}));
  EXPECT_EQ(ParseDuration("-2 weeks"), (Duration{-2, DurationUnit::kWeeks}));
  EXPECT_FALSE(ParseDuration("10"));
  EXPECT_FALSE(ParseDuration("10 fortnights"));
  EXPECT_FALSE(ParseDuration("ten weeks"));
  EXPECT_FALSE(ParseDuration("10  weeks"));
  EXPECT_FALSE(ParseDuration("10 weeks "));
  EXPECT_FALSE(ParseDuration("101 years"));
  EXPECT_EQ(ParseDuration("6 months")->ToString(), "6 months");
  EXPECT_EQ(ParseDuration("1 month")->ToString(), "1 month");
}

TEST(Duration, CalendarMonthsClampTheDay) {
  EXPECT_EQ(ParseDuration("6 months")->AddTo(D("2016-08-31")), D("2017-02-28"));
  EXPECT_EQ(ParseDuration("1 year")->AddTo(D("2020-02-29")), D("2021-02-28"));
  EXPECT_EQ(ParseDuration("10 weeks")->AddTo(D("2022-05-20")), D("2022-07-29"));
  EXPECT_EQ(ParseDuration("3 days")->AddTo(D("2022-12-30")), D("2023-01-02"));
}

// The engine's fast calendar arithmetic must agree with core::Date on
// every day of a long span, including leap years and month ends.
TEST(Civil, AgreesWithDateArithmetic) {
  const Date start = D("1895-01-01");
  for (int32_t day = start.days(); day < D("2105-12-31").days(); day += 3) {
    const Date d = Date::FromDays(day);
    const civil::Ymd ymd = civil::FromDays(day);
    ASSERT_EQ(ymd.y, d.year());
    ASSERT_EQ(ymd.m, d.month());
    ASSERT_EQ(ymd.d, d.day());
    ASSERT_EQ(civil::ToDays(ymd.y, ymd.m, ymd.d), day);
    for (int months : {1, 6, 12, 18, 36, -1})
      ASSERT_EQ(civil::AddMonths(day, months), d.AddMonths(months).days());
    ASSERT_EQ(civil::Age(civil::FromDays(D("1990-02-28").days()), day), AgeOn(D("1990-02-28"), d));
  }
}

// The table behind AddMonths must give what the arithmetic gives on every
// day it holds, and at and beyond both of its ends (where it falls back).
TEST(Civil, CalendarTableAgreesWithArithmetic) {
  using civil::CalendarTable;
  for (int32_t day = CalendarTable::kFirstDay - 400; day < CalendarTable::kEndDay + 400; ++day) {
    const civil::Ymd want = civil::FromDays(day);
    if (day >= CalendarTable::kFirstDay && day < CalendarTable::kEndDay) {
      const civil::Ymd got = CalendarTable::Get().At(day);
      ASSERT_EQ(civil::YmdOf(day).d, want.d);
      ASSERT_EQ(got.y, want.y);
      ASSERT_EQ(got.m, want.m);
      ASSERT_EQ(got.d, want.d);
    }
    const civil::Ymd outside = civil::YmdOf(day);
    ASSERT_EQ(outside.y * 10000 + outside.m * 100 + outside.d,
              want.y * 10000 + want.m * 100 + want.d);
    for (int months : {-1300, -13, -1, 0, 1, 2, 11, 12, 13, 18, 120, 1300})
      ASSERT_EQ(civil::AddMonths(day, months), civil::AddMonthsArithmetic(day, months))
          << day << " + " << months;
  }
}

TEST(SourceLocation, PrintsKnownParts) {
  EXPECT_EQ((SourceLocation{"a.toml", 3, 7}).ToString(), "a.toml:3:7");
  EXPECT_EQ((SourceLocation{"a.toml", 0, 0}).ToString(), "a.toml");
  EXPECT_EQ((PolicyError{{"a.toml", 3, 7}, "cycle", "x"}).ToString(), "a.toml:3:7: cycle: x");
}

}  // namespace
}  // namespace regie::core::policy
