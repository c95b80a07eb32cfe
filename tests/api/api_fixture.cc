#include "api_fixture.h"

#include <unistd.h>

#include <array>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/auth/sha1.h"
#include "core/auth/totp.h"
#include "crypto/sodium_crypto.h"
#include "http/handlers.h"
#include "packs/pack_loader.h"

namespace regie::testing {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;
using nlohmann::json;

HttpResult SendHttp(uint16_t port, const std::string& method, const std::string& target,
                    const std::string& body, const std::string& content_type, const Login* login) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  bhttp::request<bhttp::string_body> req(bhttp::string_to_verb(method), target, 11);
  req.set(bhttp::field::host, "127.0.0.1");
  if (login != nullptr) {
    if (!login->cookie.empty()) req.set(bhttp::field::cookie, login->cookie);
    // An empty token sends no header (CSRF tests).
    if (method != "GET" && !login->csrf_token.empty()) req.set("X-CSRF-Token", login->csrf_token);
  }
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

int64_t ApiTest::AddUser(ports::Transaction& tx, const std::string& name, int64_t org_id,
                         core::Role role) {
  if (password_hash_.empty()) password_hash_ = *crypto_->HashPassword(kTestPassword);
  ports::UserData data{.username = name,
                       .display_name = "Test " + name,
                       .email = name + "@example.nl",
                       .organisation_id = org_id,
                       .roles = {role}};
  ports::User u = *tx.Users().Create(data, clock_->Now());
  EXPECT_TRUE(tx.Users().SetPassword(u.id, password_hash_).ok());
  EXPECT_TRUE(tx.Users().SetTotp(u.id, crypto_->Seal(TestTotpSeed(name)), true).ok());
  users_[name] = u.id;
  return u.id;
}

std::string XlsxPart(const std::string& bytes, const std::string& member) {
  static int serial = 0;
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("regie-test-" + std::to_string(getpid()) + "-" + std::to_string(++serial) + ".xlsx");
  std::ofstream(file, std::ios::binary) << bytes;
  std::string out;
  const std::string command = "unzip -p '" + file.string() + "' '" + member + "'";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (pipe) {
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe.get())) > 0) out.append(buf.data(), n);
  }
  pipe.reset();
  std::filesystem::remove(file);
  return out;
}

std::string TestBsn(int n) {
  for (int prefix = 10'000'000 + n * 4;; ++prefix) {
    const std::string digits = std::to_string(prefix);
    int sum = 0;
    for (size_t i = 0; i < 8; ++i) sum += (9 - static_cast<int>(i)) * (digits[i] - '0');
    if (sum % 11 < 10) return digits + std::to_string(sum % 11);
  }
}

std::array<uint8_t, 20> TestTotpSeed(const std::string& username) {
  const std::string input = "regie-demo-totp:" + username;
  return core::Sha1({reinterpret_cast<const uint8_t*>(input.data()), input.size()});  // NOLINT
}

void ApiTest::SetUp() {
  std::string skip, error;
  test_db_ = MakeTestDatabase(GetParam(), skip, error);
  if (!error.empty()) FAIL() << error;
  if (!skip.empty()) GTEST_SKIP() << skip;
  clock_ = std::make_unique<ports::FixedClock>(core::Timestamp{
      static_cast<int64_t>(core::Date::Parse("2026-11-23")->days()) * 86'400'000'000 +
      12LL * 3600 * 1'000'000});
  std::array<uint8_t, 32> key{};
  key[0] = 42;
  // Cheap Argon2id: these tests are about behaviour, bench/ measures cost.
  crypto_ = std::move(crypto::SodiumCrypto::Create(
                          key, {.argon2_opslimit = 1, .argon2_memlimit = 8U * 1024 * 1024}))
                .value();
  auto& db = test_db_->db();
  {
    auto tx = std::move(db.Begin(ports::TxMode::kWrite)).value();
    tenant_a_ = tx->Tenants().Create({"GM0523", "Hardinxveld-Giessendam"})->id;
    tenant_b_ = tx->Tenants().Create({"GM0148", "Dalfsen"})->id;
    auto org = [&](int64_t tenant, const char* name, core::OrganisationKind kind) {
      return tx->Organisations().Create(tenant, {name, kind})->id;
    };
    org_a_gem_ =
        org(tenant_a_, "Gemeente Hardinxveld-Giessendam", core::OrganisationKind::kGemeente);
    org_a_vwn_ = org(tenant_a_, "Vluchtelingenwerk", core::OrganisationKind::kVluchtelingenwerk);
    org_a_ggd_ = org(tenant_a_, "GGD Zuid-Holland Zuid", core::OrganisationKind::kGgdJgz);
    org_a_vol_ = org(tenant_a_, "Vrijwilligers Hardinxveld",
                     core::OrganisationKind::kVrijwilligersorganisatie);
    org_b_gem_ = org(tenant_b_, "Gemeente Dalfsen", core::OrganisationKind::kGemeente);
    auto user = [&](const std::string& name, int64_t org_id, core::Role role) {
      AddUser(*tx, name, org_id, role);
    };
    user("regisseur", org_a_gem_, core::Role::kRegisseur);
    user("regisseur2", org_a_gem_, core::Role::kRegisseur);
    user("begeleider", org_a_vwn_, core::Role::kBegeleider);
    user("partner", org_a_ggd_, core::Role::kPartner);
    user("vrijwilliger", org_a_vol_, core::Role::kVrijwilliger);
    user("beleid", org_a_gem_, core::Role::kBeleid);
    user("beheer", org_a_gem_, core::Role::kBeheer);
    user("auditor", org_a_gem_, core::Role::kAuditor);
    user("regisseur_b", org_b_gem_, core::Role::kRegisseur);
    ASSERT_TRUE(tx->Commit().ok());
  }
  audit_ = std::make_unique<http::AuditWriter>(db, *crypto_);
  packs::PackLibrary library = packs::LoadPackDirectory(REGIE_POLICIES_DIR);
  ASSERT_TRUE(library.ok()) << library.errors.front().ToString();
  policies_ = std::make_unique<http::PolicyRegistry>(std::move(library.packs));
  ctx_ = std::make_unique<http::ApiContext>(
      http::ApiContext{db, *clock_, *crypto_, *audit_, fields_, {}, &sessions_, policies_.get()});
  http::ServerOptions options;
  options.port = 0;
  options.threads = 4;
  options.body_limit = 64 * 1024;
  options.header_timeout = std::chrono::seconds(1);
  options.body_timeout = std::chrono::seconds(1);
  server_ = std::make_unique<http::Server>(options, http::BuildApiRouter(*ctx_));
  Status started = server_->Start();
  ASSERT_TRUE(started.ok()) << started.ToString();
  port_ = server_->port();
  As("regisseur");
}

void ApiTest::TearDown() {
  if (server_) server_->Stop();
  server_.reset();
  audit_.reset();
  test_db_.reset();
}

Login ApiTest::LogIn(const std::string& username) {
  // A fresh 30 s step per login: the server refuses a TOTP step used before.
  clock_->Advance(30'000'000);
  HttpResult first = SendHttp(port_, "POST", "/api/v1/auth/login",
                              json{{"username", username}, {"password", kTestPassword}}.dump());
  EXPECT_EQ(first.status, 200U) << username << " " << first.body;
  Login half{first.header("set-cookie").substr(0, first.header("set-cookie").find(';')),
             first.json().value("csrf_token", "")};
  const std::string code = core::Totp(TestTotpSeed(username), clock_->Now().micros / 1'000'000);
  HttpResult second = SendHttp(port_, "POST", "/api/v1/auth/totp", json{{"code", code}}.dump(),
                               "application/json", &half);
  EXPECT_EQ(second.status, 200U) << username << " " << second.body;
  return {second.header("set-cookie").substr(0, second.header("set-cookie").find(';')),
          second.json().value("csrf_token", "")};
}

const Login& ApiTest::As(const std::string& username) {
  auto it = logins_.find(username);
  if (it == logins_.end()) it = logins_.emplace(username, LogIn(username)).first;
  as_ = &it->second;
  return it->second;
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

void ApiTest::ActivateTimelinePacks() {
  As("beheer");
  HttpResult r = Put(Base(tenant_a_) + "/policy/activations",
                     {{"activations",
                       {{{"pack_id", "nl-wet-inburgering-2021"}, {"from", "2022-01-01"}},
                        {{"pack_id", "hardinxveld-giessendam-2016"}, {"from", "2016-01-01"}}}}});
  ASSERT_EQ(r.status, 200U) << r.body;
  As("regisseur");
}

json ApiTest::CreateHousehold(const std::string& name, json persons) {
  const Login* before = as_;
  As("regisseur");
  json body = {{"name", name},
               {"involved_organisations", {org_a_vwn_, org_a_ggd_}},
               {"persons", persons.is_null() ? json::array() : std::move(persons)}};
  HttpResult r = Post(Base(tenant_a_) + "/households", body);
  EXPECT_EQ(r.status, 201U) << r.body;
  as_ = before;
  return r.json();
}

size_t ApiTest::HouseholdCount(int64_t tenant) {
  const Login* before = as_;
  As(tenant == tenant_a_ ? "regisseur" : "regisseur_b");
  size_t count = 0;
  std::string after;
  while (true) {
    HttpResult r = Get(Base(tenant) + "/households?include_archived=true&limit=200" +
                       (after.empty() ? "" : "&after=" + after));
    EXPECT_EQ(r.status, 200U) << r.body;
    json j = r.json();
    count += j["items"].size();
    if (j["next"].is_null()) break;
    after = j["next"].get<std::string>();
  }
  as_ = before;
  return count;
}

}  // namespace regie::testing
