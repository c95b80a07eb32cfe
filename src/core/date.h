#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace regie::core {

// A calendar date without time zone (proleptic Gregorian), stored as days
// since 1970-01-01. Data carries dates as ISO 8601 "YYYY-MM-DD".
class Date {
 public:
  constexpr Date() = default;
  static constexpr Date FromDays(int32_t days) { return Date(days); }
  // Returns nullopt for an impossible date (e.g. 2023-02-29) and for years
  // before 1.
  static std::optional<Date> FromYmd(int year, int month, int day);
  // Strict "YYYY-MM-DD"; nullopt on anything else.
  static std::optional<Date> Parse(std::string_view iso);

  int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  std::string ToString() const;  // "YYYY-MM-DD"

  Date AddDays(int32_t n) const { return Date(days_ + n); }
  // Calendar months; the day is clamped to the target month's length.
  Date AddMonths(int n) const;

  friend constexpr auto operator<=>(const Date&, const Date&) = default;

 private:
  explicit constexpr Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

// Whole years between birth and on (the Dutch civil age).
int AgeOn(Date birth, Date on);

// Microseconds since the Unix epoch, UTC.
struct Timestamp {
  int64_t micros = 0;
  friend constexpr auto operator<=>(const Timestamp&, const Timestamp&) = default;
  Date ToDate() const;
  std::string ToString() const;  // "YYYY-MM-DDTHH:MM:SS.ffffffZ"
  static std::optional<Timestamp> Parse(std::string_view iso);
};

}  // namespace regie::core
