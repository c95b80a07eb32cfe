#include "http/response_cache.h"

#include <gtest/gtest.h>

namespace regie::http {
namespace {

const core::Timestamp kNow{1'000'000};
const core::Timestamp kLater{2'000'000};

ResponseCache::Entry Entry(int64_t generation, const char* body) {
  return {.generation = generation, .valid_until = kLater, .body = body, .categories = {}};
}

TEST(ResponseCacheTest, ServesOnlyTheSameGenerationBeforeItsDeadline) {
  ResponseCache cache(4);
  cache.Put("a", Entry(7, "zeven"));
  ASSERT_TRUE(cache.Get("a", 7, kNow).has_value());
  EXPECT_EQ(cache.Get("a", 7, kNow)->body, "zeven");
  EXPECT_FALSE(cache.Get("b", 7, kNow).has_value());
  // A write happened: the entry is dropped.
  EXPECT_FALSE(cache.Get("a", 8, kNow).has_value());
  EXPECT_FALSE(cache.Get("a", 7, kNow).has_value());
  cache.Put("a", Entry(8, "acht"));
  EXPECT_FALSE(cache.Get("a", 8, kLater).has_value());  // access may have changed by time
  EXPECT_EQ(cache.size(), 0U);
}

TEST(ResponseCacheTest, EvictsTheLeastRecentlyUsed) {
  ResponseCache cache(2);
  cache.Put("a", Entry(1, "a"));
  cache.Put("b", Entry(1, "b"));
  ASSERT_TRUE(cache.Get("a", 1, kNow).has_value());  // a is now the most recent
  cache.Put("c", Entry(1, "c"));
  EXPECT_TRUE(cache.Get("a", 1, kNow).has_value());
  EXPECT_FALSE(cache.Get("b", 1, kNow).has_value());
  EXPECT_TRUE(cache.Get("c", 1, kNow).has_value());
  EXPECT_EQ(cache.size(), 2U);
}

TEST(ResponseCacheTest, AnOlderComputationDoesNotReplaceANewerOne) {
  ResponseCache cache(2);
  cache.Put("a", Entry(5, "nieuw"));
  cache.Put("a", Entry(4, "oud"));
  EXPECT_EQ(cache.Get("a", 5, kNow)->body, "nieuw");
  ResponseCache none(0);
  none.Put("a", Entry(1, "a"));
  EXPECT_FALSE(none.Get("a", 1, kNow).has_value());
}

}  // namespace
}  // namespace regie::http
