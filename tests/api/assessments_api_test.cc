// Assessments over real HTTP: every kind recorded and listed oldest first,
// ZRM scores filtered per domain category (a GGD partner with a health
// consent sees the health domains only), bad input refused whole, the
// ladder rung recorded as the Hardinxveld-Giessendam policy event and
// voided together with it.
#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

class AssessmentsApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    household_ = CreateHousehold("Haddad", {PersonBody("Amal", "Haddad", "111222333")});
    amal_ = household_["persons"][0]["id"];
    url_ = Base(tenant_a_) + "/persons/" + std::to_string(amal_) + "/assessments";
  }

  static json Zrm() {
    return {{"kind", "zrm"},
            {"date", "2026-11-01"},
            {"assessor", "Sociaal team, P. de Wit"},
            {"zrm",
             {{{"domain", "justitie"}, {"score", 5}},
              {{"domain", "financien"}, {"score", 2}},
              {{"domain", "lichamelijke_gezondheid"}, {"score", 3}}}}};
  }
  static json Ladder(int rung, const char* date = "2026-10-01") {
    return {{"kind", "participatieladder"},
            {"date", date},
            {"rung", rung},
            {"rungs_present", {rung, 2}}};
  }

  json Items() {
    HttpResult r = Get(url_);
    EXPECT_EQ(r.status, 200U) << r.body;
    return r.json()["items"];
  }

  static std::vector<std::string> Errors(const HttpResult& r) {
    std::vector<std::string> out;
    for (const json& e : r.json().value("errors", json::array()))
      out.push_back(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
    return out;
  }

  void ActivatePack(const char* pack) {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    ports::StoredActivation a{
        {pack, *core::Date::Parse("2016-01-01"), std::nullopt}, 0, core::Timestamp{0}};
    ASSERT_TRUE(tx->Policy().ReplaceActivations(tenant_a_, {a}).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }

  json household_;
  int64_t amal_ = 0;
  std::string url_;
};

TEST_P(AssessmentsApiTest, EveryKindRoundTripsOldestFirst) {
  HttpResult zrm = Post(url_, Zrm());
  ASSERT_EQ(zrm.status, 201U) << zrm.body;
  const json z = zrm.json();
  EXPECT_EQ(z["kind"], "zrm");
  EXPECT_EQ(z["assessor"], "Sociaal team, P. de Wit");
  // Instrument order, not request order.
  EXPECT_EQ(z["zrm"], json::parse(R"([{"domain":"financien","score":2},
      {"domain":"lichamelijke_gezondheid","score":3},{"domain":"justitie","score":5}])"));
  EXPECT_EQ(z["hidden_domains"], 0);
  EXPECT_EQ(z["recorded_by"]["id"], UserId("regisseur"));
  EXPECT_EQ(z["event_recorded"], false);
  ASSERT_EQ(Post(url_, Ladder(3)).status, 201U);
  HttpResult ferm = Post(url_, {{"kind", "ferm_werk"}, {"date", "2026-11-10"}, {"outcome", "C"}});
  ASSERT_EQ(ferm.status, 201U) << ferm.body;
  EXPECT_EQ(ferm.json()["event_recorded"], false);  // no active pack declares it

  HttpResult list = Get(url_);
  ASSERT_EQ(list.status, 200U) << list.body;
  const json body = list.json();
  ASSERT_EQ(body["items"].size(), 3U);
  EXPECT_EQ(body["items"][0]["kind"], "participatieladder");
  EXPECT_EQ(body["items"][0]["rung"], 3);
  EXPECT_EQ(body["items"][0]["rungs_present"], json({2, 3}));
  EXPECT_EQ(body["items"][1]["id"], z["id"]);
  EXPECT_EQ(body["items"][2]["outcome"], "C");
  EXPECT_EQ(body["zrm_domains"].size(), 13U);
  EXPECT_EQ(body["zrm_domains"][0],
            json({{"code", "financien"}, {"category", "financien"}, {"visible", true}}));
  EXPECT_EQ(body["ladder_visible"], true);
}

TEST_P(AssessmentsApiTest, PartnerSeesOnlyTheDomainsItsConsentCovers) {
  ASSERT_EQ(Post(url_, Zrm()).status, 201U);
  ASSERT_EQ(Post(url_, Ladder(4)).status, 201U);
  As("partner");  // GGD, involved, no sharing basis yet
  EXPECT_EQ(Get(url_).status, 403U);
  As("regisseur");
  HttpResult basis = Post(Base(tenant_a_) + "/persons/" + std::to_string(amal_) + "/sharing-bases",
                          {{"organisation_id", org_a_ggd_},
                           {"categories", {"basis", "gezondheid"}},
                           {"purpose", "Huisarts en GGD"},
                           {"legal_basis", "toestemming"},
                           {"given", "2026-11-20"},
                           {"expires", nullptr},
                           {"consent_text", "Toestemming getekend"}});
  ASSERT_EQ(basis.status, 201U) << basis.body;
  As("partner");
  HttpResult r = Get(url_);
  ASSERT_EQ(r.status, 200U) << r.body;
  const json items = r.json()["items"];
  ASSERT_EQ(items.size(), 1U) << items;  // the ladder (werk_inkomen) is not shared
  EXPECT_EQ(items[0]["zrm"], json::parse(R"([{"domain":"lichamelijke_gezondheid","score":3}])"));
  EXPECT_EQ(items[0]["hidden_domains"], 2);
  EXPECT_EQ(r.json()["ladder_visible"], false);
  EXPECT_EQ(r.body.find("justitie\",\"score"), std::string::npos);
  // Partners read; they do not record.
  EXPECT_EQ(Post(url_, Zrm()).status, 403U);
}

TEST_P(AssessmentsApiTest, OutsidersAndOtherRolesAreRefused) {
  ASSERT_EQ(Post(url_, Zrm()).status, 201U);
  for (const char* user : {"vrijwilliger", "beleid", "beheer", "auditor", "begeleider"}) {
    As(user);
    EXPECT_EQ(Get(url_).status, 403U) << user;
    EXPECT_EQ(Post(url_, Ladder(3)).status, 403U) << user;
  }
  As("regisseur_b");
  EXPECT_EQ(Get(url_).status, 404U);
}

TEST_P(AssessmentsApiTest, BadInputIsRefusedAndNothingStored) {
  HttpResult kind = Post(url_, {{"kind", "noa"}, {"date", "2026-11-01"}});
  EXPECT_EQ(kind.status, 422U);
  EXPECT_EQ(Errors(kind), std::vector<std::string>{"kind:unknown_code"});
  json bad = Zrm();
  bad["zrm"][0]["score"] = 6;
  bad["zrm"][1]["domain"] = "wonen";
  bad["rung"] = 3;
  bad["colour"] = "red";
  EXPECT_EQ(Errors(Post(url_, bad)),
            (std::vector<std::string>{"colour:unknown_field", "zrm/0/score:out_of_range",
                                      "zrm/1/domain:unknown_code", "rung:not_for_kind"}));
  EXPECT_EQ(Errors(Post(url_, Ladder(7, "2026-11-24"))),
            (std::vector<std::string>{"date:date_in_future", "rung:out_of_range",
                                      "rungs_present/0:out_of_range"}));
  HttpResult types = Post(url_, {{"kind", "participatieladder"},
                                 {"date", "2026-11-01"},
                                 {"rung", "drie"},
                                 {"rungs_present", {1, "x"}}});
  EXPECT_EQ(Errors(types),
            (std::vector<std::string>{"rung:wrong_type", "rungs_present/1:wrong_type"}));
  HttpResult ferm = Post(url_, {{"kind", "ferm_werk"}, {"date", "2026-11-01"}, {"outcome", "E"}});
  EXPECT_EQ(Errors(ferm), std::vector<std::string>{"outcome:unknown_code"});
  EXPECT_TRUE(Items().empty());
}

TEST_P(AssessmentsApiTest, LadderRungFeedsThePolicyEventAndIsVoidedWithIt) {
  ActivatePack("hardinxveld-giessendam-2016");
  HttpResult created = Post(url_, Ladder(5, "2026-09-01"));
  ASSERT_EQ(created.status, 201U) << created.body;
  EXPECT_EQ(created.json()["event_recorded"], true);
  const std::string events = Base(tenant_a_) + "/persons/" + std::to_string(amal_) + "/events";
  json list = Get(events).json()["items"];
  ASSERT_EQ(list.size(), 1U) << list;
  EXPECT_EQ(list[0]["event"], "participatieladder_trede");
  EXPECT_EQ(list[0]["value"], 5);
  EXPECT_EQ(list[0]["date"], "2026-09-01");

  const std::string void_url =
      url_ + "/" + std::to_string(created.json()["id"].get<int64_t>()) + "/void";
  EXPECT_EQ(Post(void_url, {{"reason", "x"}}).status, 422U);  // too short
  HttpResult voided = Post(void_url, {{"reason", "verkeerde datum"}});
  ASSERT_EQ(voided.status, 200U) << voided.body;
  EXPECT_EQ(voided.json()["voided"], true);
  EXPECT_EQ(voided.json()["void_reason"], "verkeerde datum");
  EXPECT_EQ(Get(events).json()["items"][0]["voided"], true);
  EXPECT_EQ(Post(void_url, {{"reason", "nog een keer"}}).status, 409U);
  EXPECT_EQ(Items()[0]["voided"], true);  // kept on record
  // Another person's path does not reach it.
  json other = CreateHousehold("Tesfay", {PersonBody("Yonas", "Tesfay", TestBsn(1))});
  const std::string other_void =
      Base(tenant_a_) + "/persons/" + std::to_string(other["persons"][0]["id"].get<int64_t>()) +
      "/assessments/" + std::to_string(created.json()["id"].get<int64_t>()) + "/void";
  EXPECT_EQ(Post(other_void, {{"reason", "verkeerde persoon"}}).status, 404U);
}

INSTANTIATE_TEST_SUITE_P(Backends, AssessmentsApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
