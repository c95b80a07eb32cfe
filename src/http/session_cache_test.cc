#include "http/session_cache.h"

#include <gtest/gtest.h>

namespace regie::http {
namespace {

SessionCache::Entry EntryOf(int64_t user, int64_t at) {
  SessionCache::Entry e;
  e.session.user_id = user;
  e.principal.user_id = user;
  e.fetched_at = core::Timestamp{at};
  return e;
}

TEST(SessionCacheTest, EntriesExpireAfterTheTtl) {
  SessionCache cache;
  cache.Put("a", EntryOf(1, 1000));
  EXPECT_TRUE(cache.Get("a", core::Timestamp{1000 + SessionCache::kTtlMicros}).has_value());
  EXPECT_FALSE(cache.Get("a", core::Timestamp{1001 + SessionCache::kTtlMicros}).has_value());
  EXPECT_FALSE(cache.Get("a", core::Timestamp{1000}).has_value()) << "gone once expired";
}

TEST(SessionCacheTest, EraseByTokenAndByUser) {
  SessionCache cache;
  cache.Put("a", EntryOf(1, 0));
  cache.Put("b", EntryOf(1, 0));
  cache.Put("c", EntryOf(2, 0));
  cache.Erase("c");
  EXPECT_FALSE(cache.Get("c", core::Timestamp{1}).has_value());
  cache.EraseUser(1);
  EXPECT_FALSE(cache.Get("a", core::Timestamp{1}).has_value());
  EXPECT_FALSE(cache.Get("b", core::Timestamp{1}).has_value());
}

TEST(SessionCacheTest, AClockThatWentBackMissesTheCache) {
  SessionCache cache;
  cache.Put("a", EntryOf(1, 5000));
  EXPECT_FALSE(cache.Get("a", core::Timestamp{4000}).has_value());
}

}  // namespace
}  // namespace regie::http
