#pragma once

#include <atomic>

#include "core/date.h"

namespace regie::ports {

// The source of "now". Injected everywhere time matters (deadlines,
// validation of dates, timestamps) so tests can fix or move time.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual core::Timestamp Now() const = 0;
  core::Date Today() const { return Now().ToDate(); }
};

// A clock that stands still until moved; for tests and reproducible runs.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(core::Timestamp now) : now_(now.micros) {}
  core::Timestamp Now() const override { return core::Timestamp{now_.load()}; }
  void Set(core::Timestamp now) { now_.store(now.micros); }
  void Advance(int64_t micros) { now_.fetch_add(micros); }

 private:
  std::atomic<int64_t> now_;
};

}  // namespace regie::ports
