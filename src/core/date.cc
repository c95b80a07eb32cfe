#include "core/date.h"

#include <chrono>
#include <cstdio>

namespace regie::core {
namespace {
namespace chr = std::chrono;

std::optional<int> ParseDigits(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

chr::year_month_day Ymd(int32_t days) {
  return chr::year_month_day(chr::sys_days(chr::days(days)));
}
}  // namespace

std::optional<Date> Date::FromYmd(int year, int month, int day) {
  // Year 0 does not exist for PostgreSQL (1 BC precedes AD 1), which would
  // refuse the date as a server error; no date of ours is that old anyway.
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  chr::year_month_day ymd(chr::year(year), chr::month(static_cast<unsigned>(month)),
                          chr::day(static_cast<unsigned>(day)));
  if (!ymd.ok()) return std::nullopt;
  return Date(static_cast<int32_t>(chr::sys_days(ymd).time_since_epoch().count()));
}

std::optional<Date> Date::Parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto y = ParseDigits(iso.substr(0, 4));
  auto m = ParseDigits(iso.substr(5, 2));
  auto d = ParseDigits(iso.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  return FromYmd(*y, *m, *d);
}

int Date::year() const { return static_cast<int>(Ymd(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(Ymd(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(Ymd(days_).day())); }

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
  return buf;
}

Date Date::AddMonths(int n) const {
  int total = year() * 12 + (month() - 1) + n;
  int y = total / 12;
  int m = total % 12 + 1;
  int d = day();
  std::optional<Date> r;
  while (!(r = FromYmd(y, m, d))) --d;  // clamp 31 -> 30/29/28
  return *r;
}

int AgeOn(Date birth, Date on) {
  int age = on.year() - birth.year();
  if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) --age;
  return age;
}

Date Timestamp::ToDate() const {
  int64_t days = micros / 86'400'000'000LL;
  if (micros < 0 && micros % 86'400'000'000LL != 0) --days;
  return Date::FromDays(static_cast<int32_t>(days));
}

std::string Timestamp::ToString() const {
  Date d = ToDate();
  int64_t rem = micros - static_cast<int64_t>(d.days()) * 86'400'000'000LL;
  int64_t secs = rem / 1'000'000;
  int64_t us = rem % 1'000'000;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02lld:%02lld:%02lld.%06lldZ", d.ToString().c_str(),
                static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                static_cast<long long>(secs % 60), static_cast<long long>(us));
  return buf;
}

std::optional<Timestamp> Timestamp::Parse(std::string_view iso) {
  // Accepts "YYYY-MM-DDTHH:MM:SS[.f{1,6}]Z".
  if (iso.size() < 20 || iso.back() != 'Z' || iso[10] != 'T' || iso[13] != ':' || iso[16] != ':')
    return std::nullopt;
  auto d = Date::Parse(iso.substr(0, 10));
  auto h = ParseDigits(iso.substr(11, 2));
  auto mi = ParseDigits(iso.substr(14, 2));
  auto s = ParseDigits(iso.substr(17, 2));
  if (!d || !h || !mi || !s || *h > 23 || *mi > 59 || *s > 60) return std::nullopt;
  int64_t us = 0;
  std::string_view rest = iso.substr(19, iso.size() - 20);
  if (!rest.empty()) {
    if (rest[0] != '.' || rest.size() < 2 || rest.size() > 7) return std::nullopt;
    auto frac = ParseDigits(rest.substr(1));
    if (!frac) return std::nullopt;
    us = *frac;
    for (size_t i = rest.size() - 1; i < 6; ++i) us *= 10;
  }
  return Timestamp{static_cast<int64_t>(d->days()) * 86'400'000'000LL +
                   ((*h * 3600LL + *mi * 60LL + *s) * 1'000'000LL) + us};
}

}  // namespace regie::core
