#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "backends.h"
#include "core/access/field_categories.h"
#include "http/audit_writer.h"
#include "http/context.h"
#include "http/policy_registry.h"
#include "http/server.h"
#include "http/session_cache.h"
#include "ports/clock.h"
#include "ports/crypto.h"

namespace regie::testing {

struct HttpResult {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // lower-case names (Set-Cookie: the last one)
  std::string body;
  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// A logged-in user's credentials for requests.
struct Login {
  std::string cookie;      // "regie_session=..."
  std::string csrf_token;  // sent as X-CSRF-Token on state-changing requests
};

// Sends one HTTP/1.1 request to 127.0.0.1:port on a fresh connection.
HttpResult SendHttp(uint16_t port, const std::string& method, const std::string& target,
                    const std::string& body = {},
                    const std::string& content_type = "application/json",
                    const Login* login = nullptr);

// A valid BSN (eleven test), distinct for each n >= 0.
std::string TestBsn(int n);

// Parts of an .xlsx download (a zip), read with unzip: `member` such as
// "xl/workbook.xml" (sheet names) or "xl/sharedStrings.xml" (texts).
std::string XlsxPart(const std::string& bytes, const std::string& member);

// The password of every fixture user.
inline constexpr const char* kTestPassword = "Een lang test-wachtwoord";
// The TOTP seed of a fixture user (as the demo derives it).
std::array<uint8_t, 20> TestTotpSeed(const std::string& username);

// A running server on an ephemeral port over a fresh database of the
// parameter's backend, with a fixed clock at 2026-11-23 12:00 UTC, a 1 s
// header timeout, cheap Argon2id, and this world:
//   tenant A (GM0523): organisations gemeente (org_a_gem_), Vluchtelingenwerk
//     (org_a_vwn_), GGD (org_a_ggd_), vrijwilligers (org_a_vol_)
//   tenant B (GM0148): gemeente (org_b_gem_)
//   users (username = key): regisseur (A gemeente), regisseur2 (A gemeente),
//     begeleider (A VWN), partner (A GGD), vrijwilliger (A vrijwilligers),
//     beleid, beheer, auditor (A gemeente), regisseur_b (B gemeente)
// Requests go as `as_` (default: "regisseur", logged in at SetUp).
class ApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Logs `username` in (password, then TOTP at a fresh 30 s step) and makes
  // them the user of the following requests.
  const Login& As(const std::string& username);
  Login LogIn(const std::string& username);

  HttpResult Get(const std::string& target) { return SendHttp(port_, "GET", target, {}, {}, as_); }
  HttpResult Post(const std::string& target, const nlohmann::json& body) {
    return SendHttp(port_, "POST", target, body.dump(), "application/json", as_);
  }
  HttpResult Put(const std::string& target, const nlohmann::json& body) {
    return SendHttp(port_, "PUT", target, body.dump(), "application/json", as_);
  }
  // Any method with a raw body (empty: none), as the current user.
  HttpResult Send(const std::string& method, const std::string& target,
                  const std::string& body = {}) {
    return SendHttp(port_, method, target, body, "application/json", as_);
  }
  std::string Base(int64_t tenant) const { return "/api/v1/tenants/" + std::to_string(tenant); }
  // A valid PersonInput; `bsn` may be null.
  static nlohmann::json PersonBody(const std::string& given, const std::string& family,
                                   nlohmann::json bsn = nullptr);
  // Creates a household in tenant A as "regisseur" with the GGD involved
  // and returns its JSON (asserts 201).
  nlohmann::json CreateHousehold(const std::string& name, nlohmann::json persons = {});
  // As "beheer", then "regisseur" again: tenant A applies the Wet
  // inburgering 2021 (from 2022) and Hardinxveld-Giessendam's own pack
  // (from 2016), as the timeline tests need (asserts 200).
  void ActivateTimelinePacks();
  // Household count of tenant A through the API as "regisseur" (archived included).
  size_t HouseholdCount(int64_t tenant);
  int64_t UserId(const std::string& username) const { return users_.at(username); }
  // A fixture user (kTestPassword, TOTP enrolled with TestTotpSeed) in `tx`,
  // remembered under its username; returns its id.
  int64_t AddUser(ports::Transaction& tx, const std::string& name, int64_t org_id, core::Role role);

  std::unique_ptr<TestDatabase> test_db_;
  std::unique_ptr<ports::FixedClock> clock_;
  std::unique_ptr<ports::Crypto> crypto_;
  std::unique_ptr<http::AuditWriter> audit_;
  core::FieldCategories fields_ = core::FieldCategories::Defaults();
  http::SessionCache sessions_;  // as in `regie serve`
  // The shipped packs (policies/), as `regie serve` loads them.
  std::unique_ptr<http::PolicyRegistry> policies_;
  std::unique_ptr<http::ApiContext> ctx_;
  std::unique_ptr<http::Server> server_;
  uint16_t port_ = 0;
  int64_t tenant_a_ = 0, tenant_b_ = 0;
  int64_t org_a_gem_ = 0, org_a_vwn_ = 0, org_a_ggd_ = 0, org_a_vol_ = 0, org_b_gem_ = 0;
  std::map<std::string, int64_t> users_;
  std::string password_hash_;  // of kTestPassword, hashed once per test
  std::map<std::string, Login> logins_;
  const Login* as_ = nullptr;
};

}  // namespace regie::testing
