// Authentication over real HTTP: password + TOTP, refusals that tell nothing,
// replay, recovery codes, lock-out, session timeouts on the injected clock,
// logout, CSRF, token rotation, cookie flags, enrolment and deactivation.
#include <set>
#include <span>

#include "api_fixture.h"
#include "core/auth/totp.h"
#include "forwarding_crypto.h"
#include "http/handlers.h"

namespace regie::testing {
namespace {

using nlohmann::json;

constexpr int64_t kSecond = 1'000'000;
constexpr int64_t kMinute = 60 * kSecond;

// A six-digit code that no step within the verifier's drift window gives.
std::string WrongCode(std::span<const uint8_t> seed, int64_t unix_seconds) {
  for (int n = 123456;; ++n) {
    const std::string code = std::to_string(n);
    bool valid = false;
    for (int64_t step = -1; step <= 1; ++step)
      valid = valid || core::Totp(seed, unix_seconds + step * core::kTotpStepSeconds) == code;
    if (!valid) return code;
  }
}

class AuthApiTest : public ApiTest {
 protected:
  HttpResult PasswordStep(const std::string& username, const std::string& password) {
    return SendHttp(port_, "POST", "/api/v1/auth/login",
                    json{{"username", username}, {"password", password}}.dump());
  }
  static Login SessionOf(const HttpResult& r) {
    const std::string cookie = r.header("set-cookie");
    return {cookie.substr(0, cookie.find(';')), r.json().value("csrf_token", "")};
  }
  HttpResult SecondStep(const Login& half, const json& body) {
    return SendHttp(port_, "POST", "/api/v1/auth/totp", body.dump(), "application/json", &half);
  }
  std::string CodeNow(const std::string& username) const {
    return core::Totp(TestTotpSeed(username), clock_->Now().micros / kSecond);
  }
  std::string WrongCodeNow(const std::string& username) const {
    return WrongCode(TestTotpSeed(username), clock_->Now().micros / kSecond);
  }
  HttpResult Me(const Login& login) {
    return SendHttp(port_, "GET", "/api/v1/auth/me", {}, {}, &login);
  }
  // A request that reads personal data (and so is audited and touches the session).
  HttpResult List(const Login& login) {
    return SendHttp(port_, "GET", Base(tenant_a_) + "/households", {}, {}, &login);
  }
};

// "xxxx-xxxx-xxxx" in lower-case base32.
bool IsRecoveryCode(const std::string& code) {
  if (code.size() != 14) return false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    const bool ok =
        (i == 4 || i == 9) ? c == '-' : (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7');
    if (!ok) return false;
  }
  return true;
}

void ExpectSessionCookieFlags(const std::string& set_cookie) {
  EXPECT_TRUE(set_cookie.starts_with("regie_session=")) << set_cookie;
  EXPECT_NE(set_cookie.find("; HttpOnly"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("; SameSite=Strict"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("; Path=/"), std::string::npos) << set_cookie;
  EXPECT_EQ(set_cookie.find("Secure"), std::string::npos) << "plain HTTP: " << set_cookie;
}

TEST_P(AuthApiTest, PasswordThenTotpRotatesTheSessionToken) {
  clock_->Advance(30 * kSecond);
  const core::Timestamp started = clock_->Now();
  HttpResult first = PasswordStep("Begeleider ", kTestPassword);  // case and spaces do not matter
  ASSERT_EQ(first.status, 200U) << first.body;
  EXPECT_EQ(first.json()["stage"], "totp");
  ExpectSessionCookieFlags(first.header("set-cookie"));
  const Login half = SessionOf(first);
  ASSERT_FALSE(half.csrf_token.empty());

  // Half a login opens nothing but the TOTP step.
  EXPECT_EQ(Me(half).json()["code"], "mfa_required");
  EXPECT_EQ(List(half).status, 401U);

  HttpResult second = SecondStep(half, {{"code", CodeNow("begeleider")}});
  ASSERT_EQ(second.status, 200U) << second.body;
  ExpectSessionCookieFlags(second.header("set-cookie"));
  const Login full = SessionOf(second);
  EXPECT_NE(full.cookie, half.cookie);
  const json me = second.json();
  EXPECT_EQ(me["user"]["username"], "begeleider");
  EXPECT_EQ(me["user"]["roles"], json({"begeleider"}));
  EXPECT_EQ(me["user"]["organisation"]["name"], "Vluchtelingenwerk");
  ASSERT_EQ(me["user"]["tenants"].size(), 1U);
  EXPECT_EQ(me["user"]["tenants"][0]["code"], "GM0523");
  EXPECT_EQ(me["csrf_token"], full.csrf_token);
  EXPECT_EQ(me["idle_expires_at"], core::Timestamp{started.micros + 30 * kMinute}.ToString());
  EXPECT_EQ(me["absolute_expires_at"],
            core::Timestamp{started.micros + 12 * 60 * kMinute}.ToString());

  EXPECT_EQ(Me(full).status, 200U);
  EXPECT_EQ(List(full).status, 200U);
  // The token from before the second factor is worth nothing now (fixation).
  HttpResult stale = Me(half);
  EXPECT_EQ(stale.status, 401U);
  EXPECT_EQ(stale.json()["code"], "not_authenticated");
  clock_->Advance(30 * kSecond);
  EXPECT_EQ(SecondStep(half, {{"code", CodeNow("begeleider")}}).status, 401U);
}

TEST_P(AuthApiTest, UnknownUserWrongPasswordAndDisabledAccountLookTheSame) {
  {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    ports::User u = *tx->Users().Get(UserId("beleid"));
    u.data.active = false;
    ASSERT_TRUE(tx->Users().Update(u.id, u.version, u.data, clock_->Now()).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  HttpResult wrong = PasswordStep("begeleider", "Niet het goede wachtwoord");
  HttpResult unknown = PasswordStep("niemand", "Niet het goede wachtwoord");
  HttpResult disabled = PasswordStep("beleid", kTestPassword);
  for (const HttpResult* r : {&wrong, &unknown, &disabled}) {
    EXPECT_EQ(r->status, 401U);
    EXPECT_EQ(r->json()["code"], "login_failed");
    EXPECT_EQ(r->header("set-cookie"), "");
  }
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(wrong.body, disabled.body);
}

// A login that succeeds at the first try leaves no throttle row behind,
// not even a zero one for the client's address: the table would grow by
// one row per address that ever logged in.
TEST_P(AuthApiTest, ASuccessfulLoginLeavesNoThrottleRow) {
  clock_->Advance(30 * kSecond);
  HttpResult password = PasswordStep("partner", kTestPassword);
  ASSERT_EQ(password.status, 200U) << password.body;
  ASSERT_EQ(SecondStep(SessionOf(password), {{"code", CodeNow("partner")}}).status, 200U);
  EXPECT_EQ(*test_db_->RunSql("SELECT key FROM login_throttle"), std::vector<std::string>{});
}

TEST_P(AuthApiTest, WrongAndReplayedTotpCodesAreRefused) {
  clock_->Advance(30 * kSecond);
  Login half = SessionOf(PasswordStep("partner", kTestPassword));
  const std::string code = CodeNow("partner");
  HttpResult refused = SecondStep(half, {{"code", WrongCodeNow("partner")}});
  EXPECT_EQ(refused.status, 401U);
  EXPECT_EQ(refused.json()["code"], "totp_invalid");
  ASSERT_EQ(SecondStep(half, {{"code", code}}).status, 200U);  // the session survived one slip

  // The same code again, in the same 30 s step, by whoever watched it typed.
  Login again = SessionOf(PasswordStep("partner", kTestPassword));
  HttpResult replayed = SecondStep(again, {{"code", code}});
  EXPECT_EQ(replayed.status, 401U);
  EXPECT_EQ(replayed.json()["code"], "totp_invalid");
  clock_->Advance(30 * kSecond);
  EXPECT_EQ(SecondStep(again, {{"code", CodeNow("partner")}}).status, 200U);
}

// docs/access.md: per account 5 failures are free, then the account is
// locked for 30 s (doubling up to 15 min) and gets 429 with Retry-After,
// even with the right password.
TEST_P(AuthApiTest, FailedPasswordsLockTheAccountUntilTheClockMovesOn) {
  for (int i = 1; i <= 6; ++i) {
    HttpResult r = PasswordStep("vrijwilliger", "Fout wachtwoord " + std::to_string(i));
    ASSERT_EQ(r.status, 401U) << "attempt " << i << " " << r.body;
  }
  HttpResult locked = PasswordStep("vrijwilliger", kTestPassword);
  ASSERT_EQ(locked.status, 429U) << locked.body;
  EXPECT_EQ(locked.json()["code"], "too_many_attempts");
  EXPECT_EQ(locked.header("retry-after"), "30");
  EXPECT_EQ(locked.header("set-cookie"), "");
  // Another account from the same address is not affected.
  EXPECT_EQ(PasswordStep("begeleider", kTestPassword).status, 200U);

  clock_->Advance(29 * kSecond);
  HttpResult still = PasswordStep("vrijwilliger", kTestPassword);
  EXPECT_EQ(still.status, 429U);
  EXPECT_EQ(still.header("retry-after"), "1");
  clock_->Advance(1 * kSecond);
  HttpResult open = PasswordStep("vrijwilliger", kTestPassword);
  ASSERT_EQ(open.status, 200U) << open.body;
  EXPECT_EQ(SecondStep(SessionOf(open), {{"code", CodeNow("vrijwilliger")}}).status, 200U);

  // A successful login starts the count over.
  EXPECT_EQ(PasswordStep("vrijwilliger", "Weer fout").status, 401U);
  EXPECT_EQ(PasswordStep("vrijwilliger", kTestPassword).status, 200U);
}

TEST_P(AuthApiTest, WrongTotpCodesLockTheSecondStepToo) {
  clock_->Advance(30 * kSecond);
  Login half = SessionOf(PasswordStep("auditor", kTestPassword));
  const std::string wrong = WrongCodeNow("auditor");
  for (int i = 1; i <= 6; ++i) ASSERT_EQ(SecondStep(half, {{"code", wrong}}).status, 401U) << i;
  HttpResult locked = SecondStep(half, {{"code", CodeNow("auditor")}});
  EXPECT_EQ(locked.status, 429U);
  EXPECT_EQ(locked.header("retry-after"), "30");
}

TEST_P(AuthApiTest, IdleSessionExpiresAfterThirtyMinutes) {
  const Login login = LogIn("begeleider");
  clock_->Advance(29 * kMinute);
  ASSERT_EQ(List(login).status, 200U);  // activity moves the idle deadline on
  clock_->Advance(29 * kMinute);
  ASSERT_EQ(List(login).status, 200U);
  clock_->Advance(30 * kMinute + kSecond);
  HttpResult r = List(login);
  EXPECT_EQ(r.status, 401U);
  EXPECT_EQ(r.json()["code"], "session_expired");
  EXPECT_EQ(Me(login).json()["code"], "session_expired");
}

TEST_P(AuthApiTest, SessionEndsAfterTwelveHoursEvenWhenActive) {
  const Login login = LogIn("partner");
  const core::Timestamp started = clock_->Now();  // the password step's time
  const int64_t absolute = started.micros + 12 * 60 * kMinute;
  while (clock_->Now().micros + 25 * kMinute < absolute) {
    clock_->Advance(25 * kMinute);
    ASSERT_EQ(List(login).status, 200U) << clock_->Now().ToString();
  }
  clock_->Advance(absolute - clock_->Now().micros - kSecond);
  ASSERT_EQ(List(login).status, 200U);
  clock_->Advance(kSecond);
  HttpResult r = List(login);
  EXPECT_EQ(r.status, 401U);
  EXPECT_EQ(r.json()["code"], "session_expired");
}

TEST_P(AuthApiTest, LogoutRevokesTheSessionOnTheServer) {
  const Login login = LogIn("regisseur2");
  Login forged = login;
  forged.csrf_token = "niet-het-token";
  EXPECT_EQ(SendHttp(port_, "POST", "/api/v1/auth/logout", {}, {}, &forged).status, 403U);
  ASSERT_EQ(Me(login).status, 200U);  // a forged logout ended nothing

  HttpResult out = SendHttp(port_, "POST", "/api/v1/auth/logout", {}, {}, &login);
  EXPECT_EQ(out.status, 204U);
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos);
  // A client that kept the cookie anyway gets nothing with it.
  HttpResult me = Me(login);
  EXPECT_EQ(me.status, 401U);
  EXPECT_EQ(me.json()["code"], "not_authenticated");
  EXPECT_EQ(List(login).status, 401U);
  EXPECT_EQ(Me(*as_).status, 200U);  // the other sessions live on
}

TEST_P(AuthApiTest, StateChangingRequestsNeedTheSessionsCsrfToken) {
  json h = CreateHousehold("Haddad");
  const std::string url = Base(tenant_a_) + "/households/" + std::to_string(h["id"].get<int64_t>());
  const json update = {{"version", 1},
                       {"name", "Overgenomen"},
                       {"regisseur_user_id", UserId("regisseur")},
                       {"involved_organisations", json::array()}};
  Login none = *as_, wrong = *as_, other = *as_;
  none.csrf_token.clear();                                       // no header at all
  wrong.csrf_token[0] = wrong.csrf_token[0] == 'x' ? 'y' : 'x';  // one character off
  other.csrf_token = LogIn("regisseur").csrf_token;              // valid, but of another session
  for (const Login* login : {&none, &wrong, &other}) {
    HttpResult post = SendHttp(port_, "POST", Base(tenant_a_) + "/households",
                               json{{"name", "Vervalst"}}.dump(), "application/json", login);
    EXPECT_EQ(post.status, 403U);
    EXPECT_EQ(post.json()["code"], "csrf_failed");
    HttpResult put = SendHttp(port_, "PUT", url, update.dump(), "application/json", login);
    EXPECT_EQ(put.status, 403U);
    EXPECT_EQ(put.json()["code"], "csrf_failed");
  }
  EXPECT_EQ(HouseholdCount(tenant_a_), 1U);
  HttpResult read = SendHttp(port_, "GET", url, {}, {}, &none);  // reads need no token
  ASSERT_EQ(read.status, 200U);
  EXPECT_EQ(read.json()["name"], "Haddad");
  EXPECT_EQ(read.json()["version"], 1);
}

TEST_P(AuthApiTest, ABeheerManagesOnlyUsersWhoseOrganisationServesNoOtherTenant) {
  // A regional GGD at home in Dalfsen also serves Hardinxveld-Giessendam.
  int64_t regional = 0, ggd_user = 0;
  {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    regional = tx->Organisations()
                   .Create(tenant_b_, {"GGD IJsselland", core::OrganisationKind::kGgdJgz})
                   ->id;
    ASSERT_TRUE(tx->Organisations().AddServedTenant(regional, tenant_a_).ok());
    ggd_user = AddUser(*tx, "ggd.arts", regional, core::Role::kPartner);
    AddUser(*tx, "beheer_b", org_b_gem_, core::Role::kBeheer);
    ASSERT_TRUE(tx->Commit().ok());
  }
  const json body = {{"username", "nog.een.arts"},
                     {"display_name", "Nog een arts"},
                     {"email", "arts@example.nl"},
                     {"organisation_id", regional},
                     {"roles", {"partner", "beheer"}}};
  const std::string user_url = Base(tenant_a_) + "/users/" + std::to_string(ggd_user);
  // Hardinxveld's beheer sees the GGD's user but may not make, change or
  // reset one: that account would reach Dalfsen too.
  As("beheer");
  json listed;
  const json list = Get(Base(tenant_a_) + "/users").json();
  for (const json& u : list["items"])
    if (u["id"] == ggd_user) listed = u;
  ASSERT_FALSE(listed.is_null()) << list.dump();
  EXPECT_EQ(listed["managed"], false);
  HttpResult create = Post(Base(tenant_a_) + "/users", body);
  ASSERT_EQ(create.status, 422U) << create.body;
  EXPECT_EQ(create.json()["errors"][0]["field"], "organisation_id");
  EXPECT_EQ(create.json()["errors"][0]["code"], "not_managed");
  HttpResult update = Put(user_url, {{"version", listed["version"]},
                                     {"display_name", "Overgenomen"},
                                     {"email", "aanvaller@example.nl"},
                                     {"roles", {"partner", "beheer"}},
                                     {"active", true}});
  EXPECT_EQ(update.status, 403U) << update.body;
  EXPECT_EQ(update.json()["code"], "user_not_managed");
  HttpResult reset = Post(user_url + "/enrolment", json::object());
  EXPECT_EQ(reset.status, 403U) << reset.body;
  EXPECT_FALSE(reset.json().contains("enrolment_url"));
  // Nothing changed, and each refusal is on record.
  As("beheer_b");
  const std::string home_url = Base(tenant_b_) + "/users/" + std::to_string(ggd_user);
  json at_home;
  const json home_list = Get(Base(tenant_b_) + "/users").json();
  for (const json& u : home_list["items"])
    if (u["id"] == ggd_user) at_home = u;
  EXPECT_EQ(at_home["display_name"], "Test ggd.arts");
  EXPECT_EQ(at_home["managed"], true);
  EXPECT_EQ(*test_db_->RunSql("SELECT count(*) FROM users WHERE username = 'nog.een.arts'"),
            std::vector<std::string>{"0"});
  EXPECT_EQ(*test_db_->RunSql("SELECT action FROM audit_log WHERE outcome = 'denied' AND "
                              "purpose = 'organisation_serves_other_tenants' ORDER BY seq"),
            (std::vector<std::string>{"create", "update", "reset_enrolment"}));
  // Dalfsen's beheer, at the GGD's home, manages it, but gives its users
  // no municipal role (user_roles_api_test.cc).
  HttpResult home = Post(home_url + "/enrolment", json::object());
  EXPECT_EQ(home.status, 200U) << home.body;
  HttpResult with_beheer = Post(Base(tenant_b_) + "/users", body);
  EXPECT_EQ(with_beheer.status, 422U) << with_beheer.body;
  EXPECT_EQ(with_beheer.json()["errors"][0]["code"], "role_not_for_regional");
  json partner_only = body;
  partner_only["roles"] = json::array({"partner"});
  EXPECT_EQ(Post(Base(tenant_b_) + "/users", partner_only).status, 201U);
}

TEST_P(AuthApiTest, EnrolmentFromNewUserToLogin) {
  As("beheer");
  HttpResult created = Post(Base(tenant_a_) + "/users", {{"username", "nieuwe.collega"},
                                                         {"display_name", "Nieuwe Collega"},
                                                         {"email", "nc@example.nl"},
                                                         {"organisation_id", org_a_vwn_},
                                                         {"roles", {"begeleider"}}});
  ASSERT_EQ(created.status, 201U) << created.body;
  EXPECT_EQ(created.json()["user"]["totp_enabled"], false);
  const std::string link = created.json()["enrolment_url"];
  ASSERT_TRUE(link.starts_with("/inschrijven/")) << link;
  const std::string enrol =
      "/api/v1/auth/enrol/" + link.substr(std::string("/inschrijven/").size());

  HttpResult shown = SendHttp(port_, "GET", enrol, {});
  ASSERT_EQ(shown.status, 200U) << shown.body;
  EXPECT_EQ(shown.json()["username"], "nieuwe.collega");
  EXPECT_EQ(shown.json()["organisation"]["name"], "Vluchtelingenwerk");

  auto set_password = [&](const std::string& password) {
    return SendHttp(port_, "POST", enrol, json{{"password", password}}.dump());
  };
  for (const auto& [password, code] : std::vector<std::pair<std::string, std::string>>{
           {"Wachtwoord123", "password_common"},
           {"kort", "password_too_short"},
           {"nieuwe.collega-2026", "password_contains_username"}}) {
    HttpResult refused = set_password(password);
    ASSERT_EQ(refused.status, 422U) << password;
    ASSERT_FALSE(refused.json()["errors"].empty());
    EXPECT_EQ(refused.json()["errors"][0]["field"], "password");
    EXPECT_EQ(refused.json()["errors"][0]["code"], code) << password;
  }
  const std::string password = "Paardenbloem op de dijk 7";
  HttpResult set = set_password(password);
  ASSERT_EQ(set.status, 200U) << set.body;
  const json secret = set.json();
  EXPECT_TRUE(secret["qr_svg"].get<std::string>().starts_with("<svg"));
  EXPECT_TRUE(secret["otpauth_uri"].get<std::string>().starts_with("otpauth://totp/Regie:"));
  std::optional<std::vector<uint8_t>> seed =
      core::Base32Decode(secret["totp_secret"].get<std::string>());
  ASSERT_TRUE(seed.has_value());
  ASSERT_EQ(secret["recovery_codes"].size(), 10U);
  std::set<std::string> codes;
  for (const json& c : secret["recovery_codes"]) {
    EXPECT_TRUE(IsRecoveryCode(c.get<std::string>())) << c;
    codes.insert(c.get<std::string>());
  }
  EXPECT_EQ(codes.size(), 10U);
  auto code_now = [&] { return core::Totp(*seed, clock_->Now().micros / kSecond); };

  const std::string wrong = WrongCode(*seed, clock_->Now().micros / kSecond);
  HttpResult bad = SendHttp(port_, "POST", enrol + "/confirm", json{{"code", wrong}}.dump());
  EXPECT_EQ(bad.status, 422U);
  EXPECT_EQ(bad.json()["errors"][0]["code"], "totp_invalid");
  // Not enrolled until confirmed: the password alone opens nothing.
  EXPECT_EQ(PasswordStep("nieuwe.collega", password).status, 401U);
  HttpResult confirmed =
      SendHttp(port_, "POST", enrol + "/confirm", json{{"code", code_now()}}.dump());
  ASSERT_EQ(confirmed.status, 204U) << confirmed.body;

  // The link is used up, for every step.
  EXPECT_EQ(SendHttp(port_, "GET", enrol, {}).json()["code"], "enrolment_invalid");
  EXPECT_EQ(set_password("Een ander goed wachtwoord").status, 404U);
  EXPECT_EQ(SendHttp(port_, "POST", enrol + "/confirm", json{{"code", code_now()}}.dump()).status,
            404U);

  clock_->Advance(30 * kSecond);  // the confirmation used this step's code
  HttpResult first = PasswordStep("nieuwe.collega", password);
  ASSERT_EQ(first.status, 200U) << first.body;
  HttpResult in = SecondStep(SessionOf(first), {{"code", code_now()}});
  ASSERT_EQ(in.status, 200U) << in.body;
  EXPECT_EQ(in.json()["user"]["roles"], json({"begeleider"}));

  // A recovery code instead of the app, typed in capitals: once only.
  std::string recovery = *codes.begin();
  for (char& c : recovery) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  HttpResult with_code = SecondStep(SessionOf(PasswordStep("nieuwe.collega", password)),
                                    {{"recovery_code", recovery}});
  EXPECT_EQ(with_code.status, 200U) << with_code.body;
  HttpResult reused = SecondStep(SessionOf(PasswordStep("nieuwe.collega", password)),
                                 {{"recovery_code", recovery}});
  EXPECT_EQ(reused.status, 401U);
  EXPECT_EQ(reused.json()["code"], "totp_invalid");
}

TEST_P(AuthApiTest, DeactivatedUserIsLoggedOutAndCannotLogIn) {
  const Login victim = LogIn("begeleider");
  ASSERT_EQ(Me(victim).status, 200U);
  As("beheer");
  json users = Get(Base(tenant_a_) + "/users?role=begeleider").json();
  json user;
  for (const json& u : users["items"])
    if (u["username"] == "begeleider") user = u;
  ASSERT_FALSE(user.is_null()) << users;
  HttpResult off = Put(Base(tenant_a_) + "/users/" + std::to_string(user["id"].get<int64_t>()),
                       {{"version", user["version"]},
                        {"display_name", user["display_name"]},
                        {"email", user["email"]},
                        {"roles", user["roles"]},
                        {"active", false}});
  ASSERT_EQ(off.status, 200U) << off.body;
  EXPECT_EQ(off.json()["active"], false);

  EXPECT_EQ(Me(victim).status, 401U);
  EXPECT_EQ(List(victim).status, 401U);
  HttpResult again = PasswordStep("begeleider", kTestPassword);
  EXPECT_EQ(again.status, 401U);
  EXPECT_EQ(again.body, PasswordStep("niemand", kTestPassword).body);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing

namespace regie::testing {
namespace {

// Forwards to another Crypto; runs `before_verify` ahead of each password
// check, that is after Login's first look at the throttle and before its
// write transaction.
class VerifyHookCrypto final : public ForwardingCrypto {
 public:
  VerifyHookCrypto(ports::Crypto& inner, std::function<void()> before_verify)
      : ForwardingCrypto(inner), before_verify_(std::move(before_verify)) {}
  bool VerifyPassword(std::string_view encoded_hash, std::string_view password) override {
    before_verify_();
    return inner_.VerifyPassword(encoded_hash, password);
  }

 private:
  std::function<void()> before_verify_;
};

// A burst of wrong passwords locks the account while this login's Argon2id
// runs, after its first look at the throttle let it through: the right
// password must still be refused, by the look repeated (on locked rows) in
// the write transaction that would record the login.
TEST_P(AuthApiTest, AccountLockedWhileThePasswordIsCheckedRefusesTheRightPassword) {
  bool burst_sent = false;
  VerifyHookCrypto crypto(*crypto_, [&] {
    if (burst_sent) return;
    burst_sent = true;
    // Through the server, whose crypto has no hook.
    for (int i = 1; i <= 6; ++i)
      EXPECT_EQ(PasswordStep("vrijwilliger", "Fout wachtwoord " + std::to_string(i)).status, 401U)
          << "attempt " << i;
  });
  const http::ApiContext ctx{
      ctx_->db,   ctx_->clock,    crypto,         ctx_->audit,        ctx_->fields,
      ctx_->auth, ctx_->sessions, ctx_->policies, ctx_->plan_domains, ctx_->identity_providers};
  const http::Router router = http::BuildApiRouter(ctx);
  const http::Router::Match match = router.Find(http::Verb::post, "/api/v1/auth/login");
  ASSERT_NE(match.route, nullptr);
  const std::string body = json{{"username", "vrijwilliger"}, {"password", kTestPassword}}.dump();
  http::ApiRequest request;
  request.method = http::Verb::post;
  request.path = "/api/v1/auth/login";
  request.content_type = "application/json";
  request.body = body;
  request.client_ip = "192.0.2.10";
  StatusOr<http::ApiResponse> response = match.route->handler(request);
  ASSERT_TRUE(burst_sent);
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 429U) << response->body;
  EXPECT_EQ(response->retry_after_seconds, 30);
  EXPECT_TRUE(response->set_cookies.empty());
}

}  // namespace
}  // namespace regie::testing
