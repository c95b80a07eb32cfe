#include "oidc/relying_party.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "oidc/oidc_config.h"

namespace regie::oidc {
namespace {

using nlohmann::json;

constexpr int64_t kNow = 1'800'000'000;

ProviderConfig Config() {
  ProviderConfig c;
  c.id = "gemeente";
  c.issuer = "https://login.example.nl/realms/gemeente";
  c.client_id = "regie";
  return c;
}

json Claims() {
  return {{"iss", "https://login.example.nl/realms/gemeente"},
          {"aud", "regie"},
          {"sub", "a1b2"},
          {"email", "Fatima@Example.nl"},
          {"nonce", "n-0S6"},
          {"amr", {"pwd", "otp"}},
          {"iat", kNow - 5},
          {"exp", kNow + 300}};
}

std::string Reason(const json& claims, const ProviderConfig& config = Config()) {
  auto out = CheckIdTokenClaims(config, claims, "n-0S6", core::Timestamp{kNow * 1'000'000});
  return out.ok() ? "ok" : out.status().reason();
}

TEST(IdTokenClaims, AValidTokenNamesTheUserAndItsSecondFactor) {
  auto id = CheckIdTokenClaims(Config(), Claims(), "n-0S6", core::Timestamp{kNow * 1'000'000});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(id->subject, "a1b2");
  EXPECT_EQ(id->user_key, "Fatima@Example.nl");
  EXPECT_EQ(id->match, "email");
  EXPECT_TRUE(id->mfa_satisfied);
}

TEST(IdTokenClaims, EachCheckRefusesWithItsReason) {
  json c = Claims();
  c["iss"] = "https://login.example.nl/realms/andere";
  EXPECT_EQ(Reason(c), "oidc_issuer_mismatch");
  c = Claims();
  c["aud"] = "ander-systeem";
  EXPECT_EQ(Reason(c), "oidc_audience_mismatch");
  c["aud"] = {"ander-systeem", "regie"};
  EXPECT_EQ(Reason(c), "oidc_audience_mismatch");  // several audiences need azp
  c["azp"] = "regie";
  EXPECT_EQ(Reason(c), "ok");
  c["azp"] = "ander-systeem";
  EXPECT_EQ(Reason(c), "oidc_audience_mismatch");
  c = Claims();
  c["exp"] = kNow - 61;
  EXPECT_EQ(Reason(c), "oidc_token_expired");
  c["exp"] = kNow - 59;  // within the skew
  EXPECT_EQ(Reason(c), "ok");
  c = Claims();
  c["iat"] = kNow + 120;
  EXPECT_EQ(Reason(c), "oidc_token_not_yet_valid");
  c = Claims();
  c["nbf"] = kNow + 120;
  EXPECT_EQ(Reason(c), "oidc_token_not_yet_valid");
  c = Claims();
  c.erase("exp");
  EXPECT_EQ(Reason(c), "oidc_token_invalid");
  c = Claims();
  c["nonce"] = "ander";
  EXPECT_EQ(Reason(c), "oidc_nonce_mismatch");
  c.erase("nonce");
  EXPECT_EQ(Reason(c), "oidc_nonce_mismatch");
  c = Claims();
  c.erase("email");
  EXPECT_EQ(Reason(c), "oidc_claim_missing");
  c = Claims();
  c["email_verified"] = false;
  EXPECT_EQ(Reason(c), "oidc_claim_missing");
  c = Claims();
  c.erase("sub");
  EXPECT_EQ(Reason(c), "oidc_claim_missing");
}

TEST(IdTokenClaims, MfaIsSatisfiedOnlyByAConfiguredMethodUnlessNotRequired) {
  ProviderConfig config = Config();
  json c = Claims();
  c["amr"] = {"pwd"};
  auto id = CheckIdTokenClaims(config, c, "n-0S6", core::Timestamp{kNow * 1'000'000});
  ASSERT_TRUE(id.ok());
  EXPECT_FALSE(id->mfa_satisfied);
  c.erase("amr");
  EXPECT_FALSE(
      CheckIdTokenClaims(config, c, "n-0S6", core::Timestamp{kNow * 1'000'000})->mfa_satisfied);
  config.require_mfa_claim = false;
  EXPECT_TRUE(
      CheckIdTokenClaims(config, c, "n-0S6", core::Timestamp{kNow * 1'000'000})->mfa_satisfied);
}

TEST(ProviderConfigs, ReadsAProviderWithDefaults) {
  auto configs = ParseProviderConfigs(R"(
[provider.gemeente]
name_nl = "Gemeente-account"
name_en = "Municipal account"
issuer = "https://login.example.nl/realms/gemeente"
client_id = "regie"
client_secret_file = "/etc/regie/oidc-secret"
redirect_uri = "https://regie.example.nl/api/v1/auth/oidc/callback"
)",
                                      [](const std::string& path) -> StatusOr<std::string> {
                                        EXPECT_EQ(path, "/etc/regie/oidc-secret");
                                        return std::string("geheim\n");
                                      });
  ASSERT_TRUE(configs.ok()) << configs.status().ToString();
  ASSERT_EQ(configs->size(), 1U);
  const ProviderConfig& p = configs->front();
  EXPECT_EQ(p.id, "gemeente");
  EXPECT_EQ(p.client_secret, "geheim");
  EXPECT_EQ(p.user_claim, "email");
  EXPECT_TRUE(p.require_mfa_claim);
  EXPECT_EQ(p.scopes, (std::vector<std::string>{"openid", "email"}));
}

TEST(ProviderConfigs, RefusesWhatWouldBeUnsafeOrWrong) {
  const std::string base = R"(
[provider.g]
name_nl = "G"
issuer = "ISSUER"
client_id = "regie"
client_secret = "s"
redirect_uri = "REDIRECT"
EXTRA
)";
  auto parse = [&](std::string issuer, std::string redirect, std::string extra) {
    std::string text = base;
    text.replace(text.find("ISSUER"), 6, issuer);
    text.replace(text.find("REDIRECT"), 8, redirect);
    text.replace(text.find("EXTRA"), 5, extra);
    auto r = ParseProviderConfigs(
        text, [](const std::string&) -> StatusOr<std::string> { return std::string("x"); });
    return r.ok() ? std::string("ok") : r.status().message();
  };
  const std::string issuer = "https://login.example.nl";
  const std::string redirect = "https://regie.example.nl/api/v1/auth/oidc/callback";
  EXPECT_EQ(parse(issuer, redirect, ""), "ok");
  EXPECT_EQ(parse("http://127.0.0.1:9000", "http://127.0.0.1:8080/api/v1/auth/oidc/callback", ""),
            "ok");
  EXPECT_NE(parse("http://login.example.nl", redirect, ""), "ok");
  EXPECT_NE(parse(issuer, "https://regie.example.nl/elders", ""), "ok");
  EXPECT_NE(parse(issuer, redirect, "scopes = [\"email\"]"), "ok");
  EXPECT_NE(parse(issuer, redirect, "match = \"sub\""), "ok");
  EXPECT_NE(parse(issuer, redirect, "client_secret_file = \"/x\""), "ok");
  EXPECT_NE(parse(issuer, redirect, "require_mfa_claim = \"ja\""), "ok");
  EXPECT_NE(parse(issuer, redirect, "clientid = \"typo\""), "ok");
  EXPECT_NE(parse(issuer, redirect, "timeout_seconds = 0"), "ok");
}

TEST(ProviderConfigs, ASecretFileMustBeReadableByItsOwnerOnly) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("regie-oidc-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string secret = (dir / "secret").string();
  const std::string config = (dir / "oidc.toml").string();
  std::ofstream(secret) << "geheim\n";
  std::ofstream(config) << "[provider.g]\nname_nl = \"G\"\nissuer = \"https://login.example.nl\"\n"
                           "client_id = \"regie\"\nclient_secret_file = \""
                        << secret
                        << "\"\nredirect_uri = "
                           "\"https://regie.example.nl/api/v1/auth/oidc/callback\"\n";
  ASSERT_EQ(::chmod(secret.c_str(), 0644), 0);
  auto open = LoadProviderConfigs(config);
  EXPECT_EQ(open.status().reason(), "oidc_config_invalid");
  EXPECT_NE(open.status().message().find("0600"), std::string::npos);
  ASSERT_EQ(::chmod(secret.c_str(), 0600), 0);
  auto closed = LoadProviderConfigs(config);
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ(closed->front().client_secret, "geheim");
  EXPECT_EQ(LoadProviderConfigs((dir / "absent.toml").string()).status().reason(),
            "oidc_config_invalid");
  std::filesystem::remove_all(dir);
}

TEST(FormEncode, KeepsUnreservedAndEscapesTheRest) {
  EXPECT_EQ(FormEncode("a-Z_0.~"), "a-Z_0.~");
  EXPECT_EQ(FormEncode("openid email"), "openid%20email");
  EXPECT_EQ(FormEncode("https://x/y?z=1&w"), "https%3A%2F%2Fx%2Fy%3Fz%3D1%26w");
}

}  // namespace
}  // namespace regie::oidc
