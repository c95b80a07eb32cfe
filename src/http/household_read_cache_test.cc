#include "http/household_read_cache.h"

#include <gtest/gtest.h>

namespace regie::http {
namespace {

const core::Timestamp kReadNow{1'000'000};
const core::Timestamp kReadLater{2'000'000};

HouseholdReadCache::Entry ReadEntry(int64_t generation, const char* body) {
  return {.generation = generation, .valid_until = kReadLater, .body = body};
}

TEST(HouseholdReadCacheTest, ServesOnlyTheSameGenerationBeforeItsDeadline) {
  HouseholdReadCache cache(4);
  cache.Put("a", ReadEntry(7, "zeven"));
  auto hit = cache.Get("a", 7, kReadNow);
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->body, "zeven");
  EXPECT_EQ(cache.Get("b", 7, kReadNow), nullptr);
  EXPECT_EQ(cache.Get("a", 8, kReadNow), nullptr);  // a write happened: dropped
  EXPECT_EQ(cache.Get("a", 7, kReadNow), nullptr);
  EXPECT_EQ(hit->body, "zeven");  // a body being sent stays valid
  cache.Put("a", ReadEntry(8, "acht"));
  EXPECT_EQ(cache.Get("a", 8, kReadLater), nullptr);  // access may have changed by time
  EXPECT_EQ(cache.size(), 0U);
}

TEST(HouseholdReadCacheTest, KeepsTheNewerGenerationAndEvictsTheLeastRecentlyUsed) {
  HouseholdReadCache cache(2);
  cache.Put("a", ReadEntry(2, "nieuw"));
  cache.Put("a", ReadEntry(1, "oud"));  // a slower request computed an older answer
  ASSERT_NE(cache.Get("a", 2, kReadNow), nullptr);
  EXPECT_EQ(cache.Get("a", 2, kReadNow)->body, "nieuw");
  cache.Put("b", ReadEntry(2, "b"));
  ASSERT_NE(cache.Get("a", 2, kReadNow), nullptr);  // a is now the most recent
  cache.Put("c", ReadEntry(2, "c"));
  EXPECT_NE(cache.Get("a", 2, kReadNow), nullptr);
  EXPECT_EQ(cache.Get("b", 2, kReadNow), nullptr);
  EXPECT_EQ(cache.size(), 2U);
}

TEST(HouseholdReadCacheTest, TheCallerKeyNamesUserOrganisationRolesAndTenant) {
  core::Principal p;
  p.user_id = 3;
  p.organisation_id = 5;
  p.roles.Add(core::Role::kRegisseur);
  const std::string base = CallerCacheKey(p, 1);
  EXPECT_NE(base, CallerCacheKey(p, 2));
  core::Principal other_org = p;
  other_org.organisation_id = 6;
  EXPECT_NE(base, CallerCacheKey(other_org, 1));
  core::Principal more_roles = p;
  more_roles.roles.Add(core::Role::kPartner);
  EXPECT_NE(base, CallerCacheKey(more_roles, 1));
  core::Principal other_user = p;
  other_user.user_id = 4;
  EXPECT_NE(base, CallerCacheKey(other_user, 1));
}

}  // namespace
}  // namespace regie::http
