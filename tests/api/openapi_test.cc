// The OpenAPI document and the router describe the same API: every route is
// documented and every documented operation is routed.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/beast/http/verb.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "crypto/sodium_crypto.h"
#include "http/audit_writer.h"
#include "http/embedded.h"
#include "http/handlers.h"
#include "ports/clock.h"

namespace regie::testing {
namespace {

using nlohmann::json;

// The router needs a database only to call it; these tests never do.
class NoDatabase final : public ports::Database {
 public:
  StatusOr<std::unique_ptr<ports::Transaction>> Begin(ports::TxMode) override {
    return Internal("unused");
  }
  Status Migrate() override { return Internal("unused"); }
  StatusOr<int> SchemaVersion() override { return Internal("unused"); }
  std::string_view Backend() const override { return "none"; }
};

std::set<std::string> RoutedOperations() {
  NoDatabase db;
  ports::FixedClock clock(core::Timestamp{0});
  auto crypto = std::move(crypto::SodiumCrypto::Create({})).value();
  http::AuditWriter audit(db, *crypto);
  core::FieldCategories fields = core::FieldCategories::Defaults();
  http::ApiContext ctx{db, clock, *crypto, audit, fields, {}};
  http::Router router = http::BuildApiRouter(ctx);
  std::set<std::string> out;
  for (const auto& [verb, path] : router.Routes()) {
    std::string method(boost::beast::http::to_string(verb));
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.insert(method + " " + path);
  }
  return out;
}

std::set<std::string> DocumentedOperations(const json& doc) {
  std::set<std::string> out;
  for (const auto& [path, item] : doc["paths"].items())
    for (const auto& [method, op] : item.items())
      if (method != "parameters") out.insert(method + " " + path);
  return out;
}

TEST(OpenApiTest, EveryRouteIsDocumentedAndViceVersa) {
  json doc = json::parse(http::embedded::OpenApi());
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  EXPECT_EQ(RoutedOperations(), DocumentedOperations(doc));
}

TEST(OpenApiTest, EveryOperationHasAnIdAndDocumentsItsProblems) {
  json doc = json::parse(http::embedded::OpenApi());
  std::set<std::string> ids;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (method == "parameters") continue;
      ASSERT_TRUE(op.contains("operationId")) << method << " " << path;
      EXPECT_TRUE(ids.insert(op["operationId"].get<std::string>()).second) << "duplicate id";
      EXPECT_TRUE(op.contains("responses")) << method << " " << path;
    }
  }
}

}  // namespace
}  // namespace regie::testing
