#include <gtest/gtest.h>

#include "http/handlers.h"

namespace regie::http {
namespace {

TEST(ParseIdTest, AcceptsPositiveDecimalsOnly) {
  EXPECT_EQ(ParseId("1"), 1);
  EXPECT_EQ(ParseId("123456789012345678"), 123456789012345678);
  for (const char* bad : {"", "0", "007", "-1", "1a", "12345678901234567890", " 1", "1.0"})
    EXPECT_FALSE(ParseId(bad).has_value()) << bad;
}

TEST(PathIdTest, NonNumericIsNotFound) {
  ApiRequest r;
  r.params.Add("householdId", "abc");
  StatusOr<int64_t> id = PathId(r, "householdId");
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.status().code(), StatusCode::kNotFound);
}

TEST(RequireJsonTest, AcceptsJsonWithParametersAndAnyCase) {
  ApiRequest r;
  for (const char* ok :
       {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"}) {
    r.content_type = ok;
    EXPECT_TRUE(RequireJson(r).ok()) << ok;
  }
  for (const char* bad :
       {"", "text/plain", "application/jsonx", "application/x-www-form-urlencoded"}) {
    r.content_type = bad;
    Status s = RequireJson(r);
    EXPECT_EQ(s.reason(), "unsupported_media_type") << bad;
  }
}

TEST(ParseQueryTest, DecodesPairs) {
  auto q = ParseQuery("q=El%20Amin&wijk=Oud+West&&flag&x=");
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->size(), 4U);
  EXPECT_EQ((*q)[0], (std::pair<std::string, std::string>{"q", "El Amin"}));
  EXPECT_EQ((*q)[1].second, "Oud West");
  EXPECT_EQ((*q)[2], (std::pair<std::string, std::string>{"flag", ""}));
  EXPECT_EQ((*q)[3].first, "x");
}

TEST(ParseQueryTest, MalformedEscapeIsBadRequest) {
  for (const char* bad : {"q=%", "q=%2", "q=%zz", "%g1=x"}) {
    auto q = ParseQuery(bad);
    ASSERT_FALSE(q.ok()) << bad;
    EXPECT_EQ(q.status().reason(), "bad_request");
  }
}

TEST(PrefixFieldErrorsTest, PrefixesEveryField) {
  Status s = InvalidArgument("validation_failed", "x", {{"bsn", "duplicate"}, {"a/b", "required"}});
  Status p = PrefixFieldErrors(s, "persons/1/");
  ASSERT_EQ(p.field_errors().size(), 2U);
  EXPECT_EQ(p.field_errors()[0].field, "persons/1/bsn");
  EXPECT_EQ(p.field_errors()[1].field, "persons/1/a/b");
  EXPECT_EQ(p.reason(), "validation_failed");
}

}  // namespace
}  // namespace regie::http
