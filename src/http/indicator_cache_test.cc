#include "http/indicator_cache.h"

#include <gtest/gtest.h>

#include "http/dto.h"
#include "http/indicators_json.h"

namespace regie::http {
namespace {

using core::indicators::Audience;
using core::indicators::Report;

core::Date D(const char* s) { return *core::Date::Parse(s); }

std::shared_ptr<const ComputedIndicators> R(const char* snapshot) {
  Report r;
  r.stamp.snapshot = snapshot;
  return std::make_shared<const ComputedIndicators>(std::move(r));
}

TEST(IndicatorCacheTest, ServesOnlyAtTheSameChangeCounter) {
  IndicatorCache cache;
  EXPECT_EQ(cache.Get(1, D("2026-11-23"), 7), nullptr);
  cache.Put(1, D("2026-11-23"), 7, R("a"));
  ASSERT_NE(cache.Get(1, D("2026-11-23"), 7), nullptr);
  EXPECT_EQ(cache.Get(1, D("2026-11-23"), 7)->report().stamp.snapshot, "a");
  EXPECT_EQ(cache.Get(1, D("2026-11-22"), 7), nullptr);  // another date
  EXPECT_EQ(cache.Get(2, D("2026-11-23"), 7), nullptr);  // another tenant
  EXPECT_EQ(cache.Get(1, D("2026-11-23"), 8), nullptr);  // the data changed

  // A newer counter drops the older entries; an older one is ignored.
  cache.Put(1, D("2026-11-22"), 8, R("b"));
  EXPECT_EQ(cache.size(), 1U);
  cache.Put(1, D("2026-11-23"), 7, R("stale"));
  EXPECT_EQ(cache.Get(1, D("2026-11-23"), 7), nullptr);
  EXPECT_EQ(cache.Get(1, D("2026-11-22"), 8)->report().stamp.snapshot, "b");
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

// One indicator by wijk with a cell of 3 satisfied: exact for the case
// team, "<5" for beleid.
Report SmallCell() {
  namespace ind = core::indicators;
  Report r;
  r.stamp.snapshot = "tenant_changes:1";
  r.labels[static_cast<size_t>(ind::Dimension::kWijk)] = {"onbekend", "Centrum", "Oost"};
  ind::IndicatorFigures& f = r.indicators.emplace_back();
  f.id = "pack.ind";
  ind::BreakdownFigures& total = f.breakdowns.emplace_back();
  total.cells.push_back({0, 0, 23, 10, 0, 0, core::stats::Wilson(23, 33), {}});
  ind::BreakdownFigures& wijk = f.breakdowns.emplace_back();
  wijk.breakdown = {ind::Dimension::kWijk, ind::Dimension::kTotal};
  wijk.cells.push_back({1, 0, 3, 4, 0, 0, core::stats::Wilson(3, 7), {}});
  wijk.cells.push_back({2, 0, 20, 6, 0, 0, core::stats::Wilson(20, 26), {}});
  return r;
}

TEST(IndicatorCacheTest, SerialisesEachAudienceOnceAndSuppressesForBeleid) {
  const ComputedIndicators computed(SmallCell());
  const std::string& team = computed.Json(Audience::kCaseTeam);
  const std::string& beleid = computed.Json(Audience::kBeleid);
  EXPECT_EQ(&team, &computed.Json(Audience::kCaseTeam));  // the same body, not a new one
  EXPECT_EQ(
      team,
      dto::Dump(ViewJson(core::indicators::Suppress(computed.report(), Audience::kCaseTeam))));
  EXPECT_EQ(beleid,
            dto::Dump(ViewJson(core::indicators::Suppress(computed.report(), Audience::kBeleid))));
  EXPECT_NE(team, beleid);
  EXPECT_NE(beleid.find("<5"), std::string::npos) << beleid;
}

}  // namespace
}  // namespace regie::http
