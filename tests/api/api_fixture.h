#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "backends.h"
#include "http/server.h"
#include "ports/clock.h"

namespace regie::testing {

struct HttpResult {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// Sends one HTTP/1.1 request to 127.0.0.1:port on a fresh connection.
HttpResult SendHttp(uint16_t port, const std::string& method, const std::string& target,
                    const std::string& body = {},
                    const std::string& content_type = "application/json");

// A running server on an ephemeral port over a fresh database of the
// parameter's backend, with two tenants (A with two organisations, B with
// one), a fixed clock at 2026-11-23 12:00 UTC and a 1 s header timeout.
class ApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  void TearDown() override;

  HttpResult Get(const std::string& target) { return SendHttp(port_, "GET", target); }
  HttpResult Post(const std::string& target, const nlohmann::json& body) {
    return SendHttp(port_, "POST", target, body.dump());
  }
  HttpResult Put(const std::string& target, const nlohmann::json& body) {
    return SendHttp(port_, "PUT", target, body.dump());
  }
  std::string Base(int64_t tenant) const { return "/api/v1/tenants/" + std::to_string(tenant); }
  // A valid PersonInput; `bsn` may be null.
  static nlohmann::json PersonBody(const std::string& given, const std::string& family,
                                   nlohmann::json bsn = nullptr);
  // Creates a household in tenant A and returns its JSON (asserts 201).
  nlohmann::json CreateHousehold(const std::string& name, nlohmann::json persons = {});
  // Household count of a tenant through the API (archived included).
  size_t HouseholdCount(int64_t tenant);

  std::unique_ptr<TestDatabase> test_db_;
  std::unique_ptr<ports::FixedClock> clock_;
  std::unique_ptr<http::Server> server_;
  uint16_t port_ = 0;
  int64_t tenant_a_ = 0, tenant_b_ = 0, org_a1_ = 0, org_a2_ = 0, org_b1_ = 0;
};

}  // namespace regie::testing
