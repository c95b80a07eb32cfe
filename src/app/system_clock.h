#pragma once

#include <chrono>

#include "ports/clock.h"

namespace regie::app {

// Wall-clock time (UTC) for production; tests inject ports::FixedClock.
class SystemClock final : public ports::Clock {
 public:
  core::Timestamp Now() const override {
    auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    return core::Timestamp{
        std::chrono::duration_cast<std::chrono::microseconds>(since_epoch).count()};
  }
};

}  // namespace regie::app
