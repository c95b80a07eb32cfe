#include "http/generation_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace regie::http {
namespace {

const core::Timestamp kCacheNow{1'000'000};
const core::Timestamp kCacheLater{2'000'000};

struct Body {
  int64_t generation = 0;
  core::Timestamp valid_until;
  std::string body;
};

Body Computed(int64_t generation, const char* body) {
  return {.generation = generation, .valid_until = kCacheLater, .body = body};
}

TEST(GenerationCacheTest, ServesOnlyTheSameGenerationBeforeItsDeadline) {
  GenerationCache<Body> cache(4);
  cache.Put("a", Computed(7, "zeven"));
  auto hit = cache.Get("a", 7, kCacheNow);
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->body, "zeven");
  EXPECT_EQ(cache.Get("b", 7, kCacheNow), nullptr);
  EXPECT_EQ(cache.Get("a", 8, kCacheNow), nullptr);  // a write happened: dropped
  EXPECT_EQ(cache.Get("a", 7, kCacheNow), nullptr);
  EXPECT_EQ(hit->body, "zeven");  // a body being sent stays valid
  cache.Put("a", Computed(8, "acht"));
  EXPECT_EQ(cache.Get("a", 8, kCacheLater), nullptr);  // access may have changed by time
  EXPECT_EQ(cache.size(), 0U);
}

TEST(GenerationCacheTest, EvictsTheLeastRecentlyUsed) {
  GenerationCache<Body> cache(2);
  cache.Put("a", Computed(1, "a"));
  cache.Put("b", Computed(1, "b"));
  ASSERT_NE(cache.Get("a", 1, kCacheNow), nullptr);  // a is now the most recent
  cache.Put("c", Computed(1, "c"));
  EXPECT_NE(cache.Get("a", 1, kCacheNow), nullptr);
  EXPECT_EQ(cache.Get("b", 1, kCacheNow), nullptr);
  EXPECT_NE(cache.Get("c", 1, kCacheNow), nullptr);
  EXPECT_EQ(cache.size(), 2U);
}

TEST(GenerationCacheTest, AnOlderComputationDoesNotReplaceANewerOne) {
  GenerationCache<Body> cache(2);
  cache.Put("a", Computed(5, "nieuw"));
  cache.Put("a", Computed(4, "oud"));  // a slower request computed an older answer
  ASSERT_NE(cache.Get("a", 5, kCacheNow), nullptr);
  EXPECT_EQ(cache.Get("a", 5, kCacheNow)->body, "nieuw");
  cache.Put("a", Computed(6, "nieuwer"));
  EXPECT_EQ(cache.Get("a", 6, kCacheNow)->body, "nieuwer");
  GenerationCache<Body> none(0);
  none.Put("a", Computed(1, "a"));
  EXPECT_EQ(none.Get("a", 1, kCacheNow), nullptr);
}

}  // namespace
}  // namespace regie::http
