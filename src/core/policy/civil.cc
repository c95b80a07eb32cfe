#include "core/policy/civil.h"

namespace regie::core::policy::civil {

CalendarTable::CalendarTable() {
  ymd_.reserve(static_cast<size_t>(kEndDay - kFirstDay));
  month_start_.reserve(static_cast<size_t>(kMonths) + 1);
  for (int32_t y = kFirstYear; y < kEndYear; ++y) {
    for (int32_t m = 1; m <= 12; ++m) {
      month_start_.push_back(ToDays(y, m, 1));
      for (int32_t d = 1; d <= DaysInMonth(y, m); ++d)
        ymd_.push_back(static_cast<uint32_t>(y - kFirstYear) << 9U |
                       static_cast<uint32_t>(m) << 5U | static_cast<uint32_t>(d));
    }
  }
  month_start_.push_back(kEndDay);
}

}  // namespace regie::core::policy::civil
