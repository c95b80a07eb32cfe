#pragma once

#include <cstdint>

#include "core/date.h"

namespace regie::core {

// Failed-login back-off: after `free_attempts` failures the key (an account
// or a client address) is locked for base * 2^(extra failures), capped, so
// guessing gets exponentially slower while a user who mistypes a few times
// is not locked out. Failures older than `forget_after` start over.
struct ThrottlePolicy {
  int free_attempts = 5;
  int64_t base_micros = 30LL * 1'000'000;      // 30 s after the first extra failure
  int64_t max_micros = 15LL * 60 * 1'000'000;  // never more than 15 min at a time
  int64_t forget_after_micros = 24LL * 3600 * 1'000'000;
};

// Per account: 5 free attempts. Per address: more, since a town hall's
// staff share one address behind NAT.
inline constexpr ThrottlePolicy kAccountThrottle{};
inline constexpr ThrottlePolicy kAddressThrottle{.free_attempts = 30};

struct ThrottleState {
  int failures = 0;
  Timestamp last_failure_at;
  Timestamp locked_until;
};

// The state after one more failure at `now`.
ThrottleState AfterFailure(const ThrottleState& state, Timestamp now, const ThrottlePolicy& policy);

// Microseconds until the key may try again (0 when it may now).
int64_t RetryAfterMicros(const ThrottleState& state, Timestamp now);

}  // namespace regie::core
