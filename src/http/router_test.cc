#include "http/router.h"

#include <gtest/gtest.h>

namespace regie::http {
namespace {

Handler Returns(unsigned status) {
  return [status](const ApiRequest&) -> StatusOr<ApiResponse> { return ApiResponse{status}; };
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add(Verb::get, "/api/v1/tenants/{tenantId}/households", Returns(200));
    router_.Add(Verb::post, "/api/v1/tenants/{tenantId}/households", Returns(201));
    router_.Add(Verb::get, "/api/v1/tenants/{tenantId}/households/{householdId}", Returns(202));
  }
  Router router_;
};

TEST_F(RouterTest, MatchesMethodAndTemplateAndCapturesParameters) {
  Router::Match m = router_.Find(Verb::get, "/api/v1/tenants/3/households/42");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->path_template, "/api/v1/tenants/{tenantId}/households/{householdId}");
  EXPECT_EQ(m.params.Get("tenantId"), "3");
  EXPECT_EQ(m.params.Get("householdId"), "42");
  EXPECT_EQ(m.params.Get("missing"), "");
}

TEST_F(RouterTest, WrapReplacesEveryHandlerWithItsTemplate) {
  std::vector<std::string> seen;
  router_.Wrap([&seen](Verb, const std::string& path, Handler inner) -> Handler {
    seen.push_back(path);
    if (path.ends_with("{householdId}")) return inner;
    return [](const ApiRequest&) -> StatusOr<ApiResponse> { return ApiResponse{401}; };
  });
  EXPECT_EQ(seen.size(), 3U);
  ApiRequest request;
  EXPECT_EQ(router_.Find(Verb::get, "/api/v1/tenants/3/households").route->handler(request)->status,
            401U);
  EXPECT_EQ(
      router_.Find(Verb::get, "/api/v1/tenants/3/households/4").route->handler(request)->status,
      202U);
}

TEST_F(RouterTest, SamePathOtherMethodIsMethodNotAllowedWithAllow) {
  Router::Match m = router_.Find(Verb::delete_, "/api/v1/tenants/3/households");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_matched);
  EXPECT_EQ(m.allow, "GET, POST");
}

TEST_F(RouterTest, PicksTheRouteOfTheRequestedMethod) {
  Router::Match m = router_.Find(Verb::post, "/api/v1/tenants/3/households");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->method, Verb::post);
}

TEST_F(RouterTest, UnknownOrMalformedPathsDoNotMatch) {
  for (const char* path : {"/api/v1/tenants/3", "/api/v1/tenants/3/households/", "api/v1/tenants",
                           "/api/v1//households", "", "/api/v1/tenants/3/households/4/x"}) {
    Router::Match m = router_.Find(Verb::get, path);
    EXPECT_EQ(m.route, nullptr) << path;
    EXPECT_FALSE(m.path_matched) << path;
  }
}

TEST_F(RouterTest, ListsRoutesInOrderAdded) {
  auto routes = router_.Routes();
  ASSERT_EQ(routes.size(), 3U);
  EXPECT_EQ(routes[0].first, Verb::get);
  EXPECT_EQ(routes[1].second, "/api/v1/tenants/{tenantId}/households");
  EXPECT_EQ(routes[1].first, Verb::post);
}

TEST(PathParamsTest, RefusesMoreThanMax) {
  PathParams p;
  for (std::size_t i = 0; i < PathParams::kMax; ++i) EXPECT_TRUE(p.Add("a", "1"));
  EXPECT_FALSE(p.Add("b", "2"));
  EXPECT_EQ(p.Get("b"), "");
}

TEST(RouterSuffixTest, ParameterWithLiteralSuffix) {
  Router router;
  router.Add(Verb::get, "/api/v1/tenants/{tenantId}/reports/{period}.pdf", Returns(201));
  router.Add(Verb::get, "/api/v1/tenants/{tenantId}/reports/{period}.html", Returns(202));
  router.Add(Verb::get, "/api/v1/tenants/{tenantId}/reports/{period}", Returns(200));
  Router::Match m = router.Find(Verb::get, "/api/v1/tenants/3/reports/2017H2.pdf");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->path_template, "/api/v1/tenants/{tenantId}/reports/{period}.pdf");
  EXPECT_EQ(m.params.Get("period"), "2017H2");
  m = router.Find(Verb::get, "/api/v1/tenants/3/reports/2017H2.html");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.Get("period"), "2017H2");
  m = router.Find(Verb::get, "/api/v1/tenants/3/reports/2017H2");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->path_template, "/api/v1/tenants/{tenantId}/reports/{period}");
  EXPECT_EQ(m.params.Get("period"), "2017H2");
  // The suffix alone is no value.
  m = router.Find(Verb::get, "/api/v1/tenants/3/reports/.pdf");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->path_template, "/api/v1/tenants/{tenantId}/reports/{period}");
  EXPECT_EQ(m.params.Get("period"), ".pdf");
}

}  // namespace
}  // namespace regie::http
