#include "core/auth/throttle.h"

#include <gtest/gtest.h>

namespace regie::core {
namespace {

constexpr int64_t kSecond = 1'000'000;

TEST(ThrottleTest, FreeAttemptsThenExponentialBackOffCapped) {
  ThrottleState s;
  Timestamp now{1'000 * kSecond};
  for (int i = 0; i < 5; ++i) {
    s = AfterFailure(s, now, kAccountThrottle);
    EXPECT_EQ(RetryAfterMicros(s, now), 0) << i;
  }
  s = AfterFailure(s, now, kAccountThrottle);
  EXPECT_EQ(RetryAfterMicros(s, now), 30 * kSecond);
  s = AfterFailure(s, now, kAccountThrottle);
  EXPECT_EQ(RetryAfterMicros(s, now), 60 * kSecond);
  s = AfterFailure(s, now, kAccountThrottle);
  EXPECT_EQ(RetryAfterMicros(s, now), 120 * kSecond);
  for (int i = 0; i < 20; ++i) s = AfterFailure(s, now, kAccountThrottle);
  EXPECT_EQ(RetryAfterMicros(s, now), 15 * 60 * kSecond);
  EXPECT_EQ(RetryAfterMicros(s, Timestamp{now.micros + 16 * 60 * kSecond}), 0);
}

TEST(ThrottleTest, OldFailuresAreForgotten) {
  ThrottleState s;
  for (int i = 0; i < 5; ++i) s = AfterFailure(s, Timestamp{0}, kAccountThrottle);
  s = AfterFailure(s, Timestamp{25LL * 3600 * kSecond}, kAccountThrottle);
  EXPECT_EQ(s.failures, 1);
  EXPECT_EQ(RetryAfterMicros(s, Timestamp{25LL * 3600 * kSecond}), 0);
}

TEST(ThrottleTest, AddressesGetMoreFreeAttempts) {
  ThrottleState s;
  for (int i = 0; i < 30; ++i) s = AfterFailure(s, Timestamp{0}, kAddressThrottle);
  EXPECT_EQ(RetryAfterMicros(s, Timestamp{0}), 0);
  s = AfterFailure(s, Timestamp{0}, kAddressThrottle);
  EXPECT_GT(RetryAfterMicros(s, Timestamp{0}), 0);
}

}  // namespace
}  // namespace regie::core
