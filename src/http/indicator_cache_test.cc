#include "http/indicator_cache.h"

#include <gtest/gtest.h>

namespace regie::http {
namespace {

using core::indicators::Report;

core::Date D(const char* s) { return *core::Date::Parse(s); }

std::shared_ptr<const Report> R(const char* snapshot) {
  auto r = std::make_shared<Report>();
  r->stamp.snapshot = snapshot;
  return r;
}

TEST(IndicatorCacheTest, ServesOnlyAtTheSameChangeCounter) {
  IndicatorCache cache;
  EXPECT_EQ(cache.Get(1, D("2026-11-23"), 7), nullptr);
  cache.Put(1, D("2026-11-23"), 7, R("a"));
  ASSERT_NE(cache.Get(1, D("2026-11-23"), 7), nullptr);
  EXPECT_EQ(cache.Get(1, D("2026-11-23"), 7)->stamp.snapshot, "a");
  EXPECT_EQ(cache.Get(1, D("2026-11-22"), 7), nullptr);  // another date
  EXPECT_EQ(cache.Get(2, D("2026-11-23"), 7), nullptr);  // another tenant
  EXPECT_EQ(cache.Get(1, D("2026-11-23"), 8), nullptr);  // the data changed

  // A newer counter drops the older entries; an older one is ignored.
  cache.Put(1, D("2026-11-22"), 8, R("b"));
  EXPECT_EQ(cache.size(), 1U);
  cache.Put(1, D("2026-11-23"), 7, R("stale"));
  EXPECT_EQ(cache.Get(1, D("2026-11-23"), 7), nullptr);
  EXPECT_EQ(cache.Get(1, D("2026-11-22"), 8)->stamp.snapshot, "b");
}

TEST(IndicatorCacheTest, KeepsAFewDatesPerTenantAndAFewTenants) {
  IndicatorCache cache(2, 2);
  cache.Put(1, D("2026-01-01"), 1, R("1"));
  cache.Put(1, D("2026-01-02"), 1, R("2"));
  ASSERT_NE(cache.Get(1, D("2026-01-01"), 1), nullptr);  // now the most recent
  cache.Put(1, D("2026-01-03"), 1, R("3"));              // evicts 01-02
  EXPECT_NE(cache.Get(1, D("2026-01-01"), 1), nullptr);
  EXPECT_EQ(cache.Get(1, D("2026-01-02"), 1), nullptr);
  EXPECT_NE(cache.Get(1, D("2026-01-03"), 1), nullptr);

  cache.Put(2, D("2026-01-01"), 5, R("t2"));
  cache.Put(3, D("2026-01-01"), 5, R("t3"));  // evicts tenant 1, the least recent
  EXPECT_EQ(cache.Get(1, D("2026-01-01"), 1), nullptr);
  EXPECT_NE(cache.Get(2, D("2026-01-01"), 5), nullptr);
  EXPECT_NE(cache.Get(3, D("2026-01-01"), 5), nullptr);
  EXPECT_EQ(cache.size(), 2U);
}

}  // namespace
}  // namespace regie::http
