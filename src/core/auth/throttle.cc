#include "core/auth/throttle.h"

#include <algorithm>

namespace regie::core {

ThrottleState AfterFailure(const ThrottleState& state, Timestamp now,
                           const ThrottlePolicy& policy) {
  ThrottleState next = state;
  if (now.micros - state.last_failure_at.micros > policy.forget_after_micros) next.failures = 0;
  ++next.failures;
  next.last_failure_at = now;
  const int extra = next.failures - policy.free_attempts;
  if (extra > 0) {
    int64_t lock = policy.base_micros;
    for (int i = 1; i < extra && lock < policy.max_micros; ++i) lock *= 2;
    next.locked_until = Timestamp{now.micros + std::min(lock, policy.max_micros)};
  }
  return next;
}

int64_t RetryAfterMicros(const ThrottleState& state, Timestamp now) {
  return std::max<int64_t>(0, state.locked_until.micros - now.micros);
}

}  // namespace regie::core
