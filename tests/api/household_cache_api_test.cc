// The household list and detail are answered from a per-caller cache
// (http::HouseholdReadCache). These tests hold it to its promise: every
// change that could alter an answer shows on the very next request, and
// every read, cached or not, is authorised and in the audit log.
#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

constexpr int64_t kHour = 3'600'000'000;

class HouseholdCacheApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    household_ = CreateHousehold("Haddad", {PersonBody("Amal", "Haddad", "111222333"),
                                            PersonBody("Omar", "Haddad", "100000009")});
    id_ = household_["id"].get<int64_t>();
    url_ = Base(tenant_a_) + "/households/" + std::to_string(id_);
    list_ = Base(tenant_a_) + "/households?limit=25";
    amal_ = household_["persons"][0]["id"];
  }
  std::string PersonUrl(int64_t id) const {
    return Base(tenant_a_) + "/persons/" + std::to_string(id);
  }
  // The list item of our household, or null when it is not listed.
  json Listed() {
    HttpResult r = Get(list_);
    EXPECT_EQ(r.status, 200U) << r.body;
    const json page = r.json();
    for (const json& item : page["items"])
      if (item["id"] == id_) return item;
    return nullptr;
  }
  // Reads the detail twice, so the second read comes from the cache.
  json ReadTwice() {
    HttpResult first = Get(url_);
    HttpResult second = Get(url_);
    EXPECT_EQ(first.status, 200U) << first.body;
    EXPECT_EQ(first.body, second.body);
    return second.json();
  }
  json SetUserRoles(const std::string& username, const json& roles,
                    const std::string& display_name = {}) {
    const Login* before = as_;
    As("beheer");
    json user;
    const json users = Get(Base(tenant_a_) + "/users").json();
    for (const json& u : users["items"])
      if (u["username"] == username) user = u;
    EXPECT_FALSE(user.is_null()) << username;
    HttpResult r =
        Put(Base(tenant_a_) + "/users/" + std::to_string(user["id"].get<int64_t>()),
            {{"version", user["version"]},
             {"display_name", display_name.empty() ? user["display_name"] : json(display_name)},
             {"email", user["email"]},
             {"roles", roles},
             {"active", true}});
    EXPECT_EQ(r.status, 200U) << r.body;
    as_ = before;
    return r.json();
  }
  int AuditedReads(const std::string& username, const std::string& action) {
    const Login* before = as_;
    As("auditor");
    const std::string url = Base(tenant_a_) + "/audit?user_id=" + std::to_string(UserId(username));
    EXPECT_EQ(Get(url).status, 200U);  // lets queued records settle
    int n = 0;
    const json log = Get(url).json();
    for (const json& r : log["items"])
      if (r["resource_type"] == "household" && r["action"] == action) ++n;
    as_ = before;
    return n;
  }

  json household_;
  int64_t id_ = 0;
  int64_t amal_ = 0;
  std::string url_, list_;
};

TEST_P(HouseholdCacheApiTest, UpdatesOfTheHouseholdAndItsPersonsShowOnTheNextRead) {
  EXPECT_EQ(ReadTwice()["name"], "Haddad");
  EXPECT_EQ(Listed()["name"], "Haddad");
  ASSERT_EQ(Put(url_, {{"version", 1},
                       {"name", "Haddad-Saleh"},
                       {"regisseur_user_id", UserId("regisseur")},
                       {"involved_organisations", {org_a_ggd_}}})
                .status,
            200U);
  EXPECT_EQ(ReadTwice()["name"], "Haddad-Saleh");
  EXPECT_EQ(Listed()["name"], "Haddad-Saleh");

  json person = PersonBody("Amira", "Haddad", "111222333");
  person["version"] = 1;
  ASSERT_EQ(Put(PersonUrl(amal_), person).status, 200U);
  EXPECT_EQ(ReadTwice()["persons"][0]["given_names"], "Amira");

  ASSERT_EQ(Post(url_ + "/archive", {{"version", 2}, {"reason", "Verhuisd naar Utrecht"}}).status,
            200U);
  EXPECT_EQ(ReadTwice()["archived"], true);
  EXPECT_TRUE(Listed().is_null());  // archived households leave the default list
}

TEST_P(HouseholdCacheApiTest, AWithdrawnSharingBasisEndsThePartnersViewAtOnce) {
  As("partner");
  EXPECT_EQ(ReadTwice()["persons"].size(), 0U);  // involved, nothing shared yet
  As("regisseur");
  HttpResult basis = Post(PersonUrl(amal_) + "/sharing-bases",
                          {{"organisation_id", org_a_ggd_},
                           {"categories", {"basis", "gezondheid"}},
                           {"purpose", "Jeugdgezondheidszorg en huisarts"},
                           {"legal_basis", "toestemming"},
                           {"given", "2026-11-20"},
                           {"expires", nullptr},
                           {"consent_text", "Toestemmingsformulier getekend op 20-11-2026"}});
  ASSERT_EQ(basis.status, 201U) << basis.body;
  As("partner");
  json seen = ReadTwice();
  ASSERT_EQ(seen["persons"].size(), 1U);
  EXPECT_EQ(seen["persons"][0]["id"], amal_);

  As("regisseur");
  ASSERT_EQ(Post(Base(tenant_a_) + "/sharing-bases/" +
                     std::to_string(basis.json()["id"].get<int64_t>()) + "/withdraw",
                 json::object())
                .status,
            200U);
  As("partner");
  EXPECT_EQ(ReadTwice()["persons"].size(), 0U);
}

TEST_P(HouseholdCacheApiTest, ARemovedRoleOrAReplacedRegisseurTakesEffectOnTheNextRead) {
  ReadTwice();
  ASSERT_FALSE(Listed().is_null());
  // Another regisseur takes the household over.
  ASSERT_EQ(Put(url_, {{"version", 1},
                       {"name", "Haddad"},
                       {"regisseur_user_id", UserId("regisseur2")},
                       {"involved_organisations", {org_a_ggd_}}})
                .status,
            200U);
  EXPECT_EQ(Get(url_).status, 403U);
  EXPECT_TRUE(Listed().is_null());

  As("regisseur2");
  EXPECT_EQ(ReadTwice()["regisseur"]["id"], UserId("regisseur2"));
  ASSERT_FALSE(Listed().is_null());
  // Their regisseur role goes; the same session sees nothing any more.
  SetUserRoles("regisseur2", {"beleid"});
  EXPECT_EQ(Get(url_).status, 403U);
  EXPECT_TRUE(Listed().is_null());
}

TEST_P(HouseholdCacheApiTest, ANewDisplayNameOfTheRegisseurShowsInListAndDetail) {
  EXPECT_EQ(ReadTwice()["regisseur"]["display_name"], "Test regisseur");
  EXPECT_EQ(Listed()["regisseur"]["display_name"], "Test regisseur");
  SetUserRoles("regisseur", {"regisseur"}, "Regisseur Noord");
  EXPECT_EQ(ReadTwice()["regisseur"]["display_name"], "Regisseur Noord");
  EXPECT_EQ(Listed()["regisseur"]["display_name"], "Regisseur Noord");
}

TEST_P(HouseholdCacheApiTest, ALoggedOutSessionReadsNothingFromTheCache) {
  const Login login = LogIn("regisseur");
  ASSERT_EQ(SendHttp(port_, "GET", url_, {}, {}, &login).status, 200U);
  ASSERT_EQ(SendHttp(port_, "GET", list_, {}, {}, &login).status, 200U);
  ASSERT_EQ(SendHttp(port_, "POST", "/api/v1/auth/logout", {}, {}, &login).status, 204U);
  EXPECT_EQ(SendHttp(port_, "GET", url_, {}, {}, &login).status, 401U);
  EXPECT_EQ(SendHttp(port_, "GET", list_, {}, {}, &login).status, 401U);
  EXPECT_EQ(Get(url_).status, 200U);  // the other session lives on
}

TEST_P(HouseholdCacheApiTest, BreakTheGlassEndsAfterTwentyFourHoursWithoutAnyWrite) {
  As("regisseur2");
  ASSERT_EQ(Get(url_).status, 403U);
  ASSERT_EQ(Post(url_ + "/break-glass", {{"reason", "Signaal huiselijk geweld, regisseur afwezig"}})
                .status,
            201U);
  const core::Timestamp opened_at = clock_->Now();
  EXPECT_EQ(ReadTwice()["access"]["relationship"], "break_glass");
  EXPECT_EQ(Listed()["relationship"], "break_glass");
  // Shortly before the end: read (and cached) once more, in a new session.
  logins_.clear();
  clock_->Advance(24 * kHour - 2 * 60'000'000);  // LogIn adds 30 s
  As("regisseur2");
  ASSERT_LT(clock_->Now().micros, opened_at.micros + 24 * kHour);
  EXPECT_EQ(ReadTwice()["access"]["break_glass"], true);
  EXPECT_EQ(Listed()["relationship"], "break_glass");
  // At the end, with no write in between, neither answer is served again.
  clock_->Advance(opened_at.micros + 24 * kHour - clock_->Now().micros);
  HttpResult after = Get(url_);
  EXPECT_EQ(after.status, 403U) << after.body;
  EXPECT_TRUE(Listed().is_null());
}

TEST_P(HouseholdCacheApiTest, EveryReadCachedOrNotIsAudited) {
  const int details_before = AuditedReads("regisseur", "read");
  const int lists_before = AuditedReads("regisseur", "list");
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(Get(url_).status, 200U);
    ASSERT_EQ(Get(list_).status, 200U);
  }
  EXPECT_EQ(AuditedReads("regisseur", "read") - details_before, 3);
  EXPECT_EQ(AuditedReads("regisseur", "list") - lists_before, 3);
  // Another tenant's regisseur still gets nothing of it.
  As("regisseur_b");
  EXPECT_EQ(Get(url_).status, 404U);
}

INSTANTIATE_TEST_SUITE_P(Backends, HouseholdCacheApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
