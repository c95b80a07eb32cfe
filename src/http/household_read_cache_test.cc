#include "http/household_read_cache.h"

#include <gtest/gtest.h>

namespace regie::http {
namespace {

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
