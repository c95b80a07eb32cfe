#pragma once

// Branch-light civil-calendar arithmetic for the evaluation hot path
// (H. Hinnant's days_from_civil / civil_from_days). Same results as
// core::Date (proleptic Gregorian, days since 1970-01-01), without the
// std::chrono round trips, because the engine adds spans and computes ages
// millions of times per second.

#include <cstdint>
#include <vector>

#include "core/policy/model.h"

namespace regie::core::policy::civil {

struct Ymd {
  int32_t y;
  int32_t m;  // 1..12
  int32_t d;  // 1..31
};

constexpr Ymd FromDays(int32_t z) {
  z += 719468;
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int32_t doe = z - era * 146097;
  const int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int32_t y = yoe + era * 400;
  const int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int32_t mp = (5 * doy + 2) / 153;
  const int32_t d = doy - (153 * mp + 2) / 5 + 1;
  const int32_t m = mp < 10 ? mp + 3 : mp - 9;
  return {m <= 2 ? y + 1 : y, m, d};
}

constexpr int32_t ToDays(int32_t y, int32_t m, int32_t d) {
  y -= m <= 2 ? 1 : 0;
  const int32_t era = (y >= 0 ? y : y - 399) / 400;
  const int32_t yoe = y - era * 400;
  const int32_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr int32_t DaysInMonth(int32_t y, int32_t m) {
  constexpr int32_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Calendar months with the day clamped, exactly like Date::AddMonths, by
// arithmetic alone (any day; the reference for the table below).
constexpr int32_t AddMonthsArithmetic(int32_t days, int32_t months) {
  const Ymd a = FromDays(days);
  const int32_t total = a.y * 12 + (a.m - 1) + months;
  const int32_t y = total >= 0 ? total / 12 : (total - 11) / 12;
  const int32_t m = total - y * 12 + 1;
  const int32_t dim = DaysInMonth(y, m);
  return ToDays(y, m, a.d < dim ? a.d : dim);
}

// The calendar of the years nearly every date in a municipality's data lies
// in, as two tables: the date of each day and the first day of each month.
// A recompute adds months to anchors millions of times; two loads replace
// the divisions of FromDays and ToDays. Built once, then read-only (safe to
// share between threads).
class CalendarTable {
 public:
  static constexpr int32_t kFirstYear = 1900;
  static constexpr int32_t kEndYear = 2200;  // exclusive
  static constexpr int32_t kFirstDay = ToDays(kFirstYear, 1, 1);
  static constexpr int32_t kEndDay = ToDays(kEndYear, 1, 1);

  static const CalendarTable& Get() {
    static const CalendarTable kTable;
    return kTable;
  }

  // Day in [kFirstDay, kEndDay).
  Ymd At(int32_t day) const {
    const uint32_t p = ymd_[static_cast<size_t>(day - kFirstDay)];
    return {static_cast<int32_t>(p >> 9U) + kFirstYear, static_cast<int32_t>((p >> 5U) & 15U),
            static_cast<int32_t>(p & 31U)};
  }
  // Month index (year - kFirstYear) * 12 + month - 1 in [0, kMonths).
  int32_t MonthStart(int32_t index) const { return month_start_[static_cast<size_t>(index)]; }
  static constexpr int32_t kMonths = (kEndYear - kFirstYear) * 12;

 private:
  CalendarTable();
  std::vector<uint32_t> ymd_;         // (year - kFirstYear) << 9 | month << 5 | day
  std::vector<int32_t> month_start_;  // kMonths + 1 entries: the last is kEndDay
};

// FromDays, read from the CalendarTable when the day is in it.
inline Ymd YmdOf(int32_t day) {
  if (day >= CalendarTable::kFirstDay && day < CalendarTable::kEndDay)
    return CalendarTable::Get().At(day);
  return FromDays(day);
}

// AddMonthsArithmetic, read from the CalendarTable when both dates are in it.
inline int32_t AddMonths(int32_t days, int32_t months) {
  if (days >= CalendarTable::kFirstDay && days < CalendarTable::kEndDay) {
    const CalendarTable& table = CalendarTable::Get();
    const Ymd a = table.At(days);
    const int32_t index = (a.y - CalendarTable::kFirstYear) * 12 + (a.m - 1) + months;
    if (index >= 0 && index < CalendarTable::kMonths) {
      const int32_t start = table.MonthStart(index);
      const int32_t dim = table.MonthStart(index + 1) - start;
      return start + (a.d < dim ? a.d : dim) - 1;
    }
  }
  return AddMonthsArithmetic(days, months);
}

inline int32_t Add(int32_t days, const Duration& span) {
  switch (span.unit) {
    case DurationUnit::kDays:
      return days + span.amount;
    case DurationUnit::kWeeks:
      return days + 7 * span.amount;
    case DurationUnit::kMonths:
      return AddMonths(days, span.amount);
    case DurationUnit::kYears:
      return AddMonths(days, 12 * span.amount);
  }
  return days;
}

// Civil age (whole years) on `on` of someone born on `birth`, as core::AgeOn.
constexpr int32_t Age(const Ymd& birth, const Ymd& on) {
  int32_t age = on.y - birth.y;
  if (on.m < birth.m || (on.m == birth.m && on.d < birth.d)) --age;
  return age;
}
inline int32_t Age(const Ymd& birth, int32_t on) { return Age(birth, YmdOf(on)); }

}  // namespace regie::core::policy::civil
