// Consent and emergencies over real HTTP: a sharing basis opens exactly its
// categories of exactly its person to exactly its organisation, for as long
// as it runs; break-the-glass opens a household for reading for 24 hours;
// the tenant-wide search shows names only.
#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

constexpr int64_t kHour = 3600LL * 1'000'000;

class SharingApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    // The GGD and Vluchtelingenwerk are involved (CreateHousehold).
    household_ = CreateHousehold("Haddad", {PersonBody("Amal", "Haddad", "111222333"),
                                            PersonBody("Omar", "Haddad", "100000009")});
    url_ = Base(tenant_a_) + "/households/" + std::to_string(household_["id"].get<int64_t>());
    amal_ = household_["persons"][0]["id"];
    omar_ = household_["persons"][1]["id"];
  }
  std::string PersonUrl(int64_t id) const {
    return Base(tenant_a_) + "/persons/" + std::to_string(id);
  }
  // A consent of Amal for the GGD (basis + gezondheid); `overrides` replace members.
  json Consent(const json& overrides = json::object()) const {
    json b = {{"organisation_id", org_a_ggd_},
              {"categories", {"basis", "gezondheid"}},
              {"purpose", "Jeugdgezondheidszorg en huisarts"},
              {"legal_basis", "toestemming"},
              {"given", "2026-11-20"},
              {"expires", nullptr},
              {"consent_text", "Toestemmingsformulier getekend op 20-11-2026"}};
    for (const auto& [k, v] : overrides.items()) b[k] = v;
    return b;
  }
  HttpResult Record(const json& body) {
    const Login* before = as_;
    As("regisseur");
    HttpResult r = Post(PersonUrl(amal_) + "/sharing-bases", body);
    as_ = before;
    return r;
  }
  size_t BasisCount() {
    const Login* before = as_;
    As("regisseur");
    HttpResult r = Get(PersonUrl(amal_) + "/sharing-bases");
    as_ = before;
    EXPECT_EQ(r.status, 200U) << r.body;
    return r.json()["items"].size();
  }
  // The persons the partner sees in the household, by id.
  json PartnerView() {
    As("partner");
    HttpResult r = Get(url_);
    EXPECT_EQ(r.status, 200U) << r.body;
    return r.json()["persons"];
  }

  json household_;
  std::string url_;
  int64_t amal_ = 0, omar_ = 0;
};

TEST_P(SharingApiTest, ConsentOpensExactlyItsCategoriesOfItsPersonUntilWithdrawn) {
  EXPECT_EQ(PartnerView().size(), 0U);  // involved, but nothing shared yet
  HttpResult recorded = Record(Consent());
  ASSERT_EQ(recorded.status, 201U) << recorded.body;
  const json basis = recorded.json();
  EXPECT_EQ(basis["person_id"], amal_);
  EXPECT_EQ(basis["organisation"]["id"], org_a_ggd_);
  EXPECT_EQ(basis["categories"], json({"basis", "gezondheid"}));
  EXPECT_EQ(basis["legal_basis"], "toestemming");
  EXPECT_EQ(basis["consent_text"], "Toestemmingsformulier getekend op 20-11-2026");
  EXPECT_EQ(basis["recorded_by"]["id"], UserId("regisseur"));
  EXPECT_EQ(basis["active"], true);
  EXPECT_TRUE(basis["withdrawn_at"].is_null());

  json persons = PartnerView();
  ASSERT_EQ(persons.size(), 1U);  // Amal, and nothing of Omar
  const json& amal = persons[0];
  EXPECT_EQ(amal["id"], amal_);
  EXPECT_EQ(amal["visible_categories"], json({"basis", "gezondheid"}));
  EXPECT_EQ(amal["given_names"], "Amal");
  EXPECT_EQ(amal["bsn"], "111222333");
  for (const char* hidden : {"address", "literacy", "inburgeringsplicht", "highest_education"})
    EXPECT_FALSE(amal.contains(hidden)) << hidden;
  HttpResult direct = Get(PersonUrl(amal_));
  ASSERT_EQ(direct.status, 200U);
  EXPECT_EQ(direct.json(), amal);
  EXPECT_EQ(Get(PersonUrl(omar_)).status, 403U);
  // The partner reads; changing data or consent stays the regisseur's.
  EXPECT_EQ(Put(PersonUrl(amal_), PersonBody("Amal", "Haddad", "111222333")).status, 403U);
  EXPECT_EQ(Post(PersonUrl(amal_) + "/sharing-bases", Consent()).status, 403U);
  // Another partner organisation sees nothing of it.
  As("begeleider");
  EXPECT_EQ(Get(url_).json()["code"], "no_relationship");

  As("regisseur");
  const std::string withdraw = Base(tenant_a_) + "/sharing-bases/" +
                               std::to_string(basis["id"].get<int64_t>()) + "/withdraw";
  HttpResult withdrawn = Post(withdraw, json::object());
  ASSERT_EQ(withdrawn.status, 200U) << withdrawn.body;
  EXPECT_EQ(withdrawn.json()["withdrawn_at"], clock_->Now().ToString());
  EXPECT_EQ(withdrawn.json()["active"], false);
  // At once: the partner's very next request.
  EXPECT_EQ(PartnerView().size(), 0U);
  EXPECT_EQ(Get(PersonUrl(amal_)).status, 403U);
  As("regisseur");
  EXPECT_EQ(Post(withdraw, json::object()).status, 409U);
  EXPECT_EQ(BasisCount(), 1U);  // withdrawn is kept on record
}

TEST_P(SharingApiTest, AnExpiredBasisGivesNothing) {
  ASSERT_EQ(Record(Consent({{"given", "2026-01-01"}, {"expires", "2026-06-01"}})).status, 201U);
  EXPECT_EQ(PartnerView().size(), 0U);
  // One that runs out tomorrow works today and not the day after.
  HttpResult until = Record(Consent({{"expires", "2026-11-24"}}));
  ASSERT_EQ(until.status, 201U) << until.body;
  EXPECT_EQ(PartnerView().size(), 1U);
  clock_->Advance(24 * kHour);
  logins_.clear();
  EXPECT_EQ(PartnerView().size(), 0U);
  As("regisseur");
  json bases = Get(PersonUrl(amal_) + "/sharing-bases").json()["items"];
  ASSERT_EQ(bases.size(), 2U);
  for (const json& b : bases) EXPECT_EQ(b["active"], false) << b;
}

TEST_P(SharingApiTest, InvalidBasesAreRefusedAndChangeNothing) {
  auto refused = [&](const json& body) {
    HttpResult r = Record(body);
    EXPECT_EQ(r.status, 422U) << body.dump() << r.body;
    std::vector<std::string> out;
    const json problem = r.json();
    for (const json& e : problem["errors"])
      out.push_back(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
    return out;
  };
  EXPECT_EQ(refused(Consent({{"consent_text", ""}})),
            std::vector<std::string>{"consent_text:required_for_consent"});
  json no_text = Consent();
  no_text.erase("consent_text");
  EXPECT_EQ(refused(no_text), std::vector<std::string>{"consent_text:required_for_consent"});
  EXPECT_EQ(refused(Consent({{"categories", json::array()}})),
            std::vector<std::string>{"categories:required"});
  json no_categories = Consent();
  no_categories.erase("categories");
  EXPECT_EQ(refused(no_categories), std::vector<std::string>{"categories:required"});
  EXPECT_EQ(refused(Consent({{"categories", {"basis", "geheimen"}}})),
            std::vector<std::string>{"categories/1:invalid_enum"});
  EXPECT_EQ(refused(Consent({{"given", "2026-11-20"}, {"expires", "2026-11-01"}})),
            std::vector<std::string>{"expires:before_given"});
  EXPECT_EQ(refused(Consent({{"given", "2026-11-20"}, {"expires", "2026-11-20"}})),
            std::vector<std::string>{"expires:before_given"});
  EXPECT_EQ(refused(Consent({{"organisation_id", org_b_gem_}})),
            std::vector<std::string>{"organisation_id:invalid_reference"});
  EXPECT_EQ(refused(Consent({{"organisation_id", 999999}})),
            std::vector<std::string>{"organisation_id:invalid_reference"});
  // Other legal grounds need no consent text.
  EXPECT_EQ(Record(Consent({{"legal_basis", "wettelijke_taak"}, {"consent_text", nullptr}})).status,
            201U);
  EXPECT_EQ(BasisCount(), 1U);
}

TEST_P(SharingApiTest, BreakTheGlassOpensReadingForTwentyFourHours) {
  As("regisseur2");
  HttpResult before = Get(url_);
  ASSERT_EQ(before.status, 403U);
  EXPECT_EQ(before.json()["code"], "no_relationship");
  HttpResult short_reason = Post(url_ + "/break-glass", {{"reason", "  dringend "}});
  ASSERT_EQ(short_reason.status, 422U);
  EXPECT_EQ(short_reason.json()["errors"][0]["field"], "reason");
  EXPECT_EQ(short_reason.json()["errors"][0]["code"], "too_short");
  EXPECT_EQ(Get(url_).status, 403U);  // a refused opening opens nothing

  const core::Timestamp opened_at = clock_->Now();
  HttpResult opened =
      Post(url_ + "/break-glass", {{"reason", "Signaal huiselijk geweld, regisseur afwezig"}});
  ASSERT_EQ(opened.status, 201U) << opened.body;
  EXPECT_EQ(opened.json()["expires_at"], core::Timestamp{opened_at.micros + 24 * kHour}.ToString());

  HttpResult read = Get(url_);
  ASSERT_EQ(read.status, 200U) << read.body;
  const json h = read.json();
  EXPECT_EQ(h["access"]["relationship"], "break_glass");
  EXPECT_EQ(h["access"]["break_glass"], true);
  EXPECT_EQ(h["access"]["can_edit"], false);
  ASSERT_EQ(h["persons"].size(), 2U);
  EXPECT_EQ(h["persons"][0]["visible_categories"].size(), 9U);
  EXPECT_EQ(h["persons"][0]["bsn"], "111222333");
  EXPECT_EQ(Get(PersonUrl(omar_)).status, 200U);
  // In the list too, while it lasts.
  bool listed = false;
  const json list = Get(Base(tenant_a_) + "/households").json();
  for (const json& item : list["items"])
    listed = listed || (item["id"] == household_["id"] && item["relationship"] == "break_glass");
  EXPECT_TRUE(listed);

  // Reading only.
  json update = PersonBody("Amal", "Haddad", "111222333");
  update["version"] = 1;
  EXPECT_EQ(Put(PersonUrl(amal_), update).status, 403U);
  EXPECT_EQ(Post(url_ + "/persons", PersonBody("Nieuw", "Haddad")).status, 403U);
  EXPECT_EQ(Put(url_, {{"version", 1},
                       {"name", "Overgenomen"},
                       {"regisseur_user_id", UserId("regisseur2")},
                       {"involved_organisations", json::array()}})
                .status,
            403U);
  EXPECT_EQ(Post(url_ + "/archive", {{"version", 1}, {"reason", "Weg"}}).status, 403U);
  EXPECT_EQ(Post(PersonUrl(amal_) + "/sharing-bases", Consent()).status, 403U);
  As("regisseur");
  EXPECT_EQ(Get(url_).json()["name"], "Haddad");

  // A minute before the end it still works; at 24 h it is closed again.
  logins_.clear();
  clock_->Advance(24 * kHour - 2 * 60'000'000);  // LogIn adds 30 s
  As("regisseur2");
  ASSERT_LT(clock_->Now().micros, opened_at.micros + 24 * kHour);
  EXPECT_EQ(Get(url_).status, 200U);
  clock_->Advance(opened_at.micros + 24 * kHour - clock_->Now().micros);
  HttpResult closed = Get(url_);
  EXPECT_EQ(closed.status, 403U);
  EXPECT_EQ(closed.json()["code"], "no_relationship");
  EXPECT_EQ(Get(PersonUrl(amal_)).status, 403U);
}

TEST_P(SharingApiTest, OnlyRegisseurAndPartnerRolesMayBreakTheGlass) {
  for (const char* role : {"begeleider", "vrijwilliger", "beleid", "beheer", "auditor"}) {
    As(role);
    HttpResult r = Post(url_ + "/break-glass", {{"reason", "Ik wil het gewoon even zien"}});
    EXPECT_EQ(r.status, 403U) << role;
    EXPECT_EQ(r.json()["code"], "forbidden") << role;
  }
  As("regisseur_b");  // another municipality never learns the household exists
  EXPECT_EQ(Post(Base(tenant_a_) + "/households/" +
                     std::to_string(household_["id"].get<int64_t>()) + "/break-glass",
                 {{"reason", "Nieuwsgierig naar de buren"}})
                .status,
            404U);
}

TEST_P(SharingApiTest, SearchingTheWholeTenantShowsNamesOnly) {
  As("regisseur2");
  HttpResult short_q = Get(Base(tenant_a_) + "/households?scope=all&q=ha");
  ASSERT_EQ(short_q.status, 400U);
  EXPECT_EQ(short_q.json()["errors"][0]["field"], "q");
  EXPECT_EQ(short_q.json()["errors"][0]["code"], "too_short");
  EXPECT_EQ(Get(Base(tenant_a_) + "/households?scope=all").status, 400U);
  EXPECT_EQ(Get(Base(tenant_a_) + "/households?scope=all&q=%20%20h%20").status, 400U);

  for (int i = 0; i < 12; ++i) CreateHousehold("Hadid " + std::to_string(i));
  As("regisseur2");
  HttpResult found = Get(Base(tenant_a_) + "/households?scope=all&q=HAD");
  ASSERT_EQ(found.status, 200U) << found.body;
  const json page = found.json();
  EXPECT_EQ(page["items"].size(), 10U);  // at most ten, and no way to page on
  EXPECT_TRUE(page["next"].is_null());
  for (const json& item : page["items"]) {
    EXPECT_EQ(item.size(), 2U) << item;
    EXPECT_TRUE(item.contains("id") && item.contains("name")) << item;
  }
  // A search by a member's name finds the household, still by name only.
  json amal = Get(Base(tenant_a_) + "/households?scope=all&q=amal").json();
  ASSERT_EQ(amal["items"].size(), 1U);
  EXPECT_EQ(amal["items"][0], json({{"id", household_["id"]}, {"name", "Haddad"}}));
  As("partner");
  EXPECT_EQ(Get(Base(tenant_a_) + "/households?scope=all&q=amal").status, 200U);
  As("begeleider");
  EXPECT_EQ(Get(Base(tenant_a_) + "/households?scope=all&q=amal").status, 403U);
}

// Outside one's relationships only names are searched: a filter on the
// wijk or the housing date would tell where, or since when, a household
// lives that the caller has nothing to do with.
TEST_P(SharingApiTest, SearchingTheWholeTenantTakesNoPlaceOrDateFilters) {
  As("regisseur2");
  for (const char* filter :
       {"wijk=Centrum", "kern=Dalfsen", "housed_from=2020-01-01", "housed_to=2030-01-01"}) {
    HttpResult r = Get(Base(tenant_a_) + "/households?scope=all&q=amal&" + filter);
    ASSERT_EQ(r.status, 400U) << filter;
    const json body = r.json();
    EXPECT_EQ(body["errors"][0]["code"], "not_allowed") << body;
    EXPECT_EQ(body["errors"][0]["field"],
              std::string(filter).substr(0, std::string(filter).find('=')));
  }
  EXPECT_EQ(Get(Base(tenant_a_) + "/households?scope=all&q=amal&include_archived=true").status,
            200U);
}

INSTANTIATE_TEST_SUITE_P(Backends, SharingApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
