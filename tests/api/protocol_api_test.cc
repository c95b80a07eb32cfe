// Transport behaviour: content types, malformed bodies, limits, timeouts,
// unknown routes and the security headers.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;
namespace net = boost::asio;

class ProtocolApiTest : public ApiTest {
 protected:
  // Writes raw bytes, then reads until the server closes; returns all it sent.
  std::string Raw(const std::string& bytes) {
    net::io_context ioc;
    net::ip::tcp::socket socket(ioc);
    socket.connect({net::ip::make_address("127.0.0.1"), port_});
    boost::system::error_code ec;
    // The server may answer (413) and stop reading before all is written.
    net::write(socket, net::buffer(bytes), ec);
    std::string out;
    net::read(socket, net::dynamic_buffer(out), ec);
    return out;
  }
};

TEST_P(ProtocolApiTest, MalformedJsonIs400AndWrongContentTypeIs415) {
  const std::string url = Base(tenant_a_) + "/households";
  HttpResult bad = SendHttp(port_, "POST", url, "{\"name\": ", "application/json", as_);
  EXPECT_EQ(bad.status, 400U);
  EXPECT_EQ(bad.json()["code"], "invalid_json");
  HttpResult text = SendHttp(port_, "POST", url, "{}", "text/plain", as_);
  EXPECT_EQ(text.status, 415U);
  EXPECT_EQ(text.json()["code"], "unsupported_media_type");
  EXPECT_EQ(text.header("content-type"), "application/problem+json; charset=utf-8");
  EXPECT_EQ(HouseholdCount(tenant_a_), 0U);
}

TEST_P(ProtocolApiTest, OversizeBodyIs413) {
  std::string big = "{\"name\":\"" + std::string(70 * 1024, 'x') + "\"}";
  std::string response = Raw("POST " + Base(tenant_a_) +
                             "/households HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             "Content-Length: " +
                             std::to_string(big.size()) + "\r\n\r\n" + big);
  EXPECT_EQ(response.rfind("HTTP/1.1 413", 0), 0U) << response.substr(0, 200);
  EXPECT_NE(response.find("payload_too_large"), std::string::npos);
  EXPECT_EQ(HouseholdCount(tenant_a_), 0U);
}

TEST_P(ProtocolApiTest, SlowHeadersAre408) {
  std::string response = Raw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n");
  EXPECT_EQ(response.rfind("HTTP/1.1 408", 0), 0U) << response.substr(0, 200);
  EXPECT_NE(response.find("request_timeout"), std::string::npos);
}

TEST_P(ProtocolApiTest, SlowBodyIs408) {
  std::string response = Raw("POST " + Base(tenant_a_) +
                             "/households HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             "Content-Length: 100\r\n\r\n{\"name\":");
  EXPECT_EQ(response.rfind("HTTP/1.1 408", 0), 0U) << response.substr(0, 200);
}

TEST_P(ProtocolApiTest, UnknownRouteIs404AndWrongMethodIs405) {
  HttpResult none = Get("/api/v1/nope");
  EXPECT_EQ(none.status, 404U);
  EXPECT_EQ(none.json()["code"], "not_found");
  HttpResult wrong = SendHttp(port_, "DELETE", Base(tenant_a_) + "/households");
  EXPECT_EQ(wrong.status, 405U);
  EXPECT_EQ(wrong.header("allow"), "GET, POST");
  EXPECT_EQ(wrong.json()["code"], "method_not_allowed");
}

TEST_P(ProtocolApiTest, HealthAndSecurityHeaders) {
  HttpResult r = Get("/api/v1/health");
  ASSERT_EQ(r.status, 200U);
  json j = r.json();
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["backend"], GetParam());
  EXPECT_GE(j["schema_version"].get<int>(), 1);
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("referrer-policy"), "no-referrer");
  EXPECT_NE(r.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r.header("content-security-policy").find("unsafe-eval"), std::string::npos);
}

TEST_P(ProtocolApiTest, KeepAliveServesSeveralRequests) {
  std::string two =
      "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  std::string response = Raw(two);
  EXPECT_EQ(response.rfind("HTTP/1.1 200", 0), 0U);
  EXPECT_NE(response.find("HTTP/1.1 200", 10), std::string::npos);
  EXPECT_NE(response.find("\"openapi\""), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ProtocolApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
