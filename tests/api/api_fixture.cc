#include "api_fixture.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>

namespace regie::testing {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;
using nlohmann::json;

HttpResult SendHttp(uint16_t port, const std::string& method, const std::string& target,
                    const std::string& body, const std::string& content_type) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  bhttp::request<bhttp::string_body> req(bhttp::string_to_verb(method), target, 11);
  req.set(bhttp::field::host, "127.0.0.1");
  if (!body.empty() || method == "POST" || method == "PUT") {
    if (!content_type.empty()) req.set(bhttp::field::content_type, content_type);
    req.body() = body;
    req.prepare_payload();
  }
  bhttp::write(stream, req);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  bhttp::read(stream, buffer, parser);
  auto res = parser.release();
  HttpResult out;
  out.status = res.result_int();
  for (const auto& field : res) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(field.value());
  }
  out.body = std::move(res.body());
  beast::error_code ec;
  stream.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
  return out;
}

void ApiTest::SetUp() {
  std::string skip, error;
  test_db_ = MakeTestDatabase(GetParam(), skip, error);
  if (!error.empty()) FAIL() << error;
  if (!skip.empty()) GTEST_SKIP() << skip;
  {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    tenant_a_ = tx->Tenants().Create({"GM0523", "Hardinxveld-Giessendam"})->id;
    tenant_b_ = tx->Tenants().Create({"GM0148", "Dalfsen"})->id;
    org_a1_ =
        tx->Organisations()
            .Create(tenant_a_, {"Vluchtelingenwerk", core::OrganisationKind::kVluchtelingenwerk})
            ->id;
    org_a2_ = tx->Organisations().Create(tenant_a_, {"GGD", core::OrganisationKind::kGgdJgz})->id;
    org_b1_ = tx->Organisations()
                  .Create(tenant_b_, {"Gemeente Dalfsen", core::OrganisationKind::kGemeente})
                  ->id;
    ASSERT_TRUE(tx->Commit().ok());
  }
  clock_ = std::make_unique<ports::FixedClock>(core::Timestamp{
      static_cast<int64_t>(core::Date::Parse("2026-11-23")->days()) * 86'400'000'000 +
      12LL * 3600 * 1'000'000});
  http::ServerOptions options;
  options.port = 0;
  options.threads = 2;
  options.body_limit = 64 * 1024;
  options.header_timeout = std::chrono::seconds(1);
  options.body_timeout = std::chrono::seconds(1);
  server_ = std::make_unique<http::Server>(options, test_db_->db(), *clock_);
  Status started = server_->Start();
  ASSERT_TRUE(started.ok()) << started.ToString();
  port_ = server_->port();
}

void ApiTest::TearDown() {
  if (server_) server_->Stop();
  server_.reset();
  test_db_.reset();
}

json ApiTest::PersonBody(const std::string& given, const std::string& family, json bsn) {
  return {{"given_names", given},
          {"family_name", family},
          {"birth_date", "1988-03-04"},
          {"sex", "vrouw"},
          {"nationality", "SY"},
          {"languages", {"ar"}},
          {"bsn", std::move(bsn)},
          {"permit_date", "2025-01-10"},
          {"housing_date", "2025-04-01"},
          {"address",
           {{"street", "Dorpsstraat"},
            {"house_number", "12"},
            {"postal_code", "3371 AB"},
            {"city", "Hardinxveld-Giessendam"},
            {"wijk", "Centrum"},
            {"kern", "Giessendam"}}},
          {"role", "hoofdpersoon"}};
}

json ApiTest::CreateHousehold(const std::string& name, json persons) {
  json body = {{"name", name},
               {"regisseur", "r.jansen"},
               {"involved_organisations", {org_a1_}},
               {"persons", persons.is_null() ? json::array() : std::move(persons)}};
  HttpResult r = Post(Base(tenant_a_) + "/households", body);
  EXPECT_EQ(r.status, 201U) << r.body;
  return r.json();
}

size_t ApiTest::HouseholdCount(int64_t tenant) {
  size_t count = 0;
  std::string after;
  while (true) {
    HttpResult r = Get(Base(tenant) + "/households?include_archived=true&limit=200" +
                       (after.empty() ? "" : "&after=" + after));
    EXPECT_EQ(r.status, 200U) << r.body;
    json j = r.json();
    count += j["items"].size();
    if (j["next"].is_null()) return count;
    after = j["next"].get<std::string>();
  }
}

}  // namespace regie::testing
