// The username at login is checked as input before anything is looked up:
// a control character (invalid_text) or a name no account can have
// (username_invalid: not 3 to 100 characters of [a-z0-9.-_@] after
// trimming and lower-casing, users_support.h) is 422 on the field, the
// same for a known account's name as for an unknown one, neither counted by
// the throttle nor audited. A well-formed name keeps the one answer 401
// login_failed, known or not.
#include <string>
#include <vector>

#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

class LoginUsernameApiTest : public ApiTest {
 protected:
  HttpResult PasswordStep(const std::string& username, const std::string& password) {
    return SendHttp(port_, "POST", "/api/v1/auth/login",
                    json{{"username", username}, {"password", password}}.dump());
  }
};

// A username with a NUL or another control character is malformed input,
// checked as every text is (PostgreSQL would refuse it in the throttle key
// and the audit record with a 500; SQLite would store it): 422 on the
// field, on both backends. No account can have such a name, so the answer
// tells nothing about accounts: the same for a known one's name with a
// NUL added as for an unknown one. Nothing is counted or recorded.
TEST_P(LoginUsernameApiTest, AUsernameWithAControlCharacterIsRefusedOnItsField) {
  const auto before = *test_db_->RunSql("SELECT count(*) FROM audit_log");
  for (const std::string& name : {std::string("begeleider\0", 11), std::string("bege\nleider"),
                                  std::string("niemand\x01"), std::string("niemand\0", 8)}) {
    HttpResult r = PasswordStep(name, kTestPassword);
    EXPECT_EQ(r.status, 422U) << r.body;
    EXPECT_EQ(r.json()["code"], "validation_failed");
    ASSERT_EQ(r.json()["errors"].size(), 1U) << r.body;
    EXPECT_EQ(r.json()["errors"][0]["field"], "username");
    EXPECT_EQ(r.json()["errors"][0]["code"], "invalid_text");
    EXPECT_EQ(r.header("set-cookie"), "");
  }
  EXPECT_EQ(PasswordStep(std::string("begeleider\0", 11), kTestPassword).body,
            PasswordStep(std::string("niemand\0", 8), kTestPassword).body);
  EXPECT_EQ(*test_db_->RunSql("SELECT count(*) FROM login_throttle"),
            std::vector<std::string>{"0"});
  EXPECT_EQ(*test_db_->RunSql("SELECT count(*) FROM audit_log"), before);
  // Surrounding white space is still trimmed, as before.
  EXPECT_EQ(PasswordStep(" begeleider\n", kTestPassword).status, 200U);
}

// A long username made PostgreSQL's throttle row too large (a 500 beyond
// some 2.7 KB) and went into the audit log whole; a name no account can
// have is now refused as input, like one with a control character, before
// any database access. The rule is that of a new account's name.
TEST_P(LoginUsernameApiTest, AUsernameNoAccountCanHaveIsRefusedOnItsField) {
  const auto before = *test_db_->RunSql("SELECT count(*) FROM audit_log");
  for (const std::string& name :
       {std::string(3000, 'a'), std::string(101, 'a'), std::string("ab"), std::string("   "),
        std::string("bege leider"), std::string("begeleider!"), std::string("niemand!"),
        std::string("begeleider\u00e9")}) {
    HttpResult r = PasswordStep(name, kTestPassword);
    EXPECT_EQ(r.status, 422U) << name.substr(0, 20) << ": " << r.body;
    EXPECT_EQ(r.json()["code"], "validation_failed");
    ASSERT_EQ(r.json()["errors"].size(), 1U) << r.body;
    EXPECT_EQ(r.json()["errors"][0]["field"], "username");
    EXPECT_EQ(r.json()["errors"][0]["code"], "username_invalid");
    EXPECT_EQ(r.header("set-cookie"), "");
  }
  // A known account's name made invalid answers as an unknown one's.
  EXPECT_EQ(PasswordStep("begeleider!", kTestPassword).body,
            PasswordStep("niemand!", kTestPassword).body);
  EXPECT_EQ(*test_db_->RunSql("SELECT count(*) FROM login_throttle"),
            std::vector<std::string>{"0"});
  EXPECT_EQ(*test_db_->RunSql("SELECT count(*) FROM audit_log"), before);
  // The longest well-formed name is an ordinary failed login, counted and
  // audited; case and surrounding white space are normalised first.
  EXPECT_EQ(PasswordStep(std::string(100, 'a'), kTestPassword).json()["code"], "login_failed");
  EXPECT_EQ(PasswordStep(" Begeleider ", kTestPassword).status, 200U);
}

INSTANTIATE_TEST_SUITE_P(Backends, LoginUsernameApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
