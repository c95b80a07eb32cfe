#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/text.h"

// The rules of a recorded event's own fields, without the policy: the
// events API (http/events_handler.cc) and the handover package
// (http/handover_parse.cc) both apply them, so an event that arrives in a
// signed package meets what one entered by hand meets. What the tenant's
// packs ask of an event (declared and recordable, a reason, a number, a
// code of its list) needs the compiled policy: CheckEvent (engine.h), which
// applies the date rule below as well.
namespace regie::core::policy {

inline constexpr size_t kMaxEventId = 100;
inline constexpr int64_t kMaxEventValue = 1'000'000;
inline constexpr size_t kMaxEventText = 2000;  // code and reason, in bytes
inline constexpr size_t kMinVoidReason = 5;
inline constexpr size_t kMaxVoidReason = 2000;

// Event ids are lower-case snake case, as in the packs.
inline bool IsEventId(std::string_view id) {
  if (id.empty() || id.size() > kMaxEventId) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// The number of an integer event (a ladder rung, hours per week): checked
// before it is narrowed to the stored 32 bits.
inline bool IsEventValue(int64_t value) { return value >= 0 && value <= kMaxEventValue; }

// Trims an event's code or reason in place; returns the field's error code
// ("invalid_text", "too_long"), empty when it is fine. Line breaks are
// allowed, as in every free text.
inline std::string_view CheckEventText(std::string& text) {
  text = Trim(text);
  if (!IsCleanText(text, /*multiline=*/true)) return "invalid_text";
  if (text.size() > kMaxEventText) return "too_long";
  return {};
}

// Trims the reason an event or assessment was voided for in place; returns
// "required" (nothing but white space), "invalid_text", "too_short",
// "too_long" or empty. `max_length` is kMaxVoidReason for a reason as the
// API takes it; a stored one may be longer where the server prefixes it.
inline std::string_view CheckVoidReason(std::string& reason, size_t max_length = kMaxVoidReason) {
  reason = Trim(reason);
  if (reason.empty()) return "required";
  if (!IsCleanText(reason, /*multiline=*/true)) return "invalid_text";
  if (reason.size() < kMinVoidReason) return "too_short";
  if (reason.size() > max_length) return "too_long";
  return {};
}

// An event happened in the person's life and has happened: its date's
// error code ("event_before_birth", "event_in_future"), empty when fine.
inline std::string_view CheckEventDate(Date date, Date birth_date, Date today) {
  if (date < birth_date) return "event_before_birth";
  if (date > today) return "event_in_future";
  return {};
}

}  // namespace regie::core::policy
