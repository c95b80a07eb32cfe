#include "http/problem.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace regie::http {
namespace {

using nlohmann::json;

TEST(ProblemTest, ValidationProblemHasCodeTextsAndFields) {
  ApiResponse r = MakeProblem(422, "validation_failed", "/api/v1/x", {{"bsn", "bsn_invalid"}});
  EXPECT_EQ(r.status, 422U);
  EXPECT_EQ(r.content_type, kProblemJson);
  json j = json::parse(r.body);
  EXPECT_EQ(j["type"], "urn:regie:problem:validation_failed");
  EXPECT_EQ(j["status"], 422);
  EXPECT_EQ(j["code"], "validation_failed");
  EXPECT_EQ(j["instance"], "/api/v1/x");
  EXPECT_EQ(j["title"], j["message_nl"]);
  EXPECT_NE(j["message_nl"], j["message_en"]);
  ASSERT_EQ(j["errors"].size(), 1U);
  EXPECT_EQ(j["errors"][0]["field"], "bsn");
  EXPECT_EQ(j["errors"][0]["code"], "bsn_invalid");
  EXPECT_NE(j["errors"][0]["message_nl"].get<std::string>().find("elfproef"), std::string::npos);
  EXPECT_NE(j["errors"][0]["message_en"].get<std::string>().find("eleven test"), std::string::npos);
}

TEST(ProblemTest, StatusCodesMapToHttp) {
  EXPECT_EQ(HttpStatusFor(InvalidArgument("validation_failed", "")), 422U);
  EXPECT_EQ(HttpStatusFor(InvalidArgument("unsupported_media_type", "")), 415U);
  EXPECT_EQ(HttpStatusFor(InvalidArgument("invalid_json", "")), 400U);
  EXPECT_EQ(HttpStatusFor(NotFound("household_not_found", "")), 404U);
  EXPECT_EQ(HttpStatusFor(Conflict("version_conflict", "")), 409U);
  EXPECT_EQ(HttpStatusFor(FailedPrecondition("already_archived", "")), 409U);
  EXPECT_EQ(HttpStatusFor(Unavailable("")), 503U);
  EXPECT_EQ(HttpStatusFor(Internal("")), 500U);
}

TEST(ProblemTest, InternalDetailsAreNotSent) {
  ApiResponse r = ProblemFromStatus(Internal("SELECT secret FROM persons failed"), "/api/v1/y");
  EXPECT_EQ(r.status, 500U);
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
  EXPECT_EQ(json::parse(r.body)["code"], "internal");
}

TEST(ProblemTest, UnknownCodeFallsBackToGenericText) {
  json j = json::parse(MakeProblem(400, "no_such_code", "/").body);
  EXPECT_EQ(j["code"], "no_such_code");
  EXPECT_FALSE(j["message_nl"].get<std::string>().empty());
  EXPECT_FALSE(j["message_en"].get<std::string>().empty());
}

}  // namespace
}  // namespace regie::http
