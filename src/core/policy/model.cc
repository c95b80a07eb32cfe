#include "core/policy/model.h"

#include <charconv>

namespace regie::core::policy {

std::string SourceLocation::ToString() const {
  std::string out = file.empty() ? "<pack>" : file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  return out;
}

std::string PolicyError::ToString() const {
  return where.ToString() + ": " + code + ": " + message;
}

Date Duration::AddTo(Date from) const {
  switch (unit) {
    case DurationUnit::kDays:
      return from.AddDays(amount);
    case DurationUnit::kWeeks:
      return from.AddDays(amount * 7);
    case DurationUnit::kMonths:
      return from.AddMonths(amount);
    case DurationUnit::kYears:
      return from.AddMonths(amount * 12);
  }
  return from;
}

std::string Duration::ToString() const {
  static constexpr const char* kSingular[] = {"day", "week", "month", "year"};
  std::string out = std::to_string(amount) + ' ' + kSingular[static_cast<int>(unit)];
  if (amount != 1 && amount != -1) out += 's';
  return out;
}

std::optional<Duration> ParseDuration(std::string_view text) {
  size_t space = text.find(' ');
  if (space == std::string_view::npos || space == 0) return std::nullopt;
  std::string_view number = text.substr(0, space);
  std::string_view unit = text.substr(space + 1);
  int32_t amount = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), amount);
  if (ec != std::errc() || end != number.data() + number.size()) return std::nullopt;
  // Guards the arithmetic in AddTo: no policy needs more than a century.
  if (amount > 100 * 366 || amount < -100 * 366) return std::nullopt;
  Duration d;
  d.amount = amount;
  if (unit == "day" || unit == "days") {
    d.unit = DurationUnit::kDays;
  } else if (unit == "week" || unit == "weeks") {
    d.unit = DurationUnit::kWeeks;
  } else if (unit == "month" || unit == "months") {
    d.unit = DurationUnit::kMonths;
  } else if (unit == "year" || unit == "years") {
    d.unit = DurationUnit::kYears;
  } else {
    return std::nullopt;
  }
  const int32_t magnitude = amount < 0 ? -amount : amount;
  if ((d.unit == DurationUnit::kMonths && magnitude > 1200) ||
      (d.unit == DurationUnit::kYears && magnitude > 100) ||
      (d.unit == DurationUnit::kWeeks && magnitude > 5300))
    return std::nullopt;
  return d;
}

const EventDecl* Pack::FindEvent(std::string_view event_id) const {
  for (const EventDecl& e : events)
    if (e.id == event_id) return &e;
  return nullptr;
}

}  // namespace regie::core::policy
