// The broad intake over real HTTP: a joint intake of the regisseur and the
// Vluchtelingenwerk begeleider saved, finalised and reopened; a stale save
// refused with nothing lost; each caller reading and writing only the
// parts of its categories (a GGD partner without a health basis sees no
// health notes or PTSS result); bad input refused whole.
#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

class IntakesApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    household_ = CreateHousehold("Haddad", {PersonBody("Amal", "Haddad", "111222333")});
    amal_ = household_["persons"][0]["id"];
    url_ = Base(tenant_a_) + "/persons/" + std::to_string(amal_) + "/intake";
    HttpResult a = Put(Base(tenant_a_) + "/households/" +
                           std::to_string(household_["id"].get<int64_t>()) + "/assignments",
                       {{"begeleiders", {UserId("begeleider")}}, {"vrijwilligers", json::array()}});
    ASSERT_EQ(a.status, 200U) << a.body;
  }

  json Participant(const char* user, int64_t org) const {
    return {{"user_id", UserId(user)}, {"organisation_id", org}};
  }

  json Full(int64_t version) const {
    return {{"version", version},
            {"intake_date", "2026-11-10"},
            {"participants",
             {Participant("regisseur", org_a_gem_), Participant("begeleider", org_a_vwn_)}},
            {"interpreter", true},
            {"interpreter_language", "ar"},
            {"domains",
             {{{"domain", "werk_inkomen"},
               {"situation", "Uitkering"},
               {"wishes", "Werken als lasser"},
               {"obstacles", "Taal"},
               {"strengths", "Acht jaar ervaring"}},
              {{"domain", "zorg_gezondheid"}, {"situation", "Rugklachten"}}}},
            {"education",
             {{{"country", "SY"},
               {"level", "beroeps"},
               {"description", "Technische school"},
               {"diploma", true},
               {"valuation_requested", true}}}},
            {"work", {{{"occupation", "Lasser"}, {"country", "SY"}, {"years", 8}}}},
            {"languages",
             {{{"skill", "lezen"}, {"level", "A1"}, {"test_date", "2026-10-01"}, {"source", "NOA"}},
              {{"skill", "spreken"}, {"level", "A0"}}}},
            {"learnability", {{"instrument", "noa"}, {"outcome", "gemiddeld"}}},
            {"interests", "Voetbal"},
            {"availability_dagdelen", 8},
            {"health_screening", {{"done", true}, {"date", "2026-09-01"}}},
            {"health_notes", "Chronische rugpijn"},
            {"noa",
             {{{"component", "ptss"}, {"outcome", "verhoogd"}},
              {{"component", "nederlands_toets"}, {"outcome", "A1"}},
              {{"component", "werkmotivatie"}, {"outcome", "hoog"}}}}};
  }

  // The content members of a read, as a client sends them back.
  static json Editable(const json& read) {
    json out = json::object();
    for (const char* k :
         {"version", "intake_date", "participants", "interpreter", "interpreter_language",
          "domains", "education", "work", "languages", "learnability", "interests",
          "availability_dagdelen", "health_screening", "health_notes", "noa"})
      out[k] = read[k];
    for (json& p : out["participants"]) {
      p.erase("display_name");
      p.erase("organisation_name");
    }
    return out;
  }

  static std::vector<std::string> Errors(const HttpResult& r) {
    std::vector<std::string> out;
    for (const json& e : r.json().value("errors", json::array()))
      out.push_back(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
    return out;
  }

  void ShareWithGgd(std::vector<std::string> categories) {
    As("regisseur");
    HttpResult basis =
        Post(Base(tenant_a_) + "/persons/" + std::to_string(amal_) + "/sharing-bases",
             {{"organisation_id", org_a_ggd_},
              {"categories", categories},
              {"purpose", "Begeleiding naar werk"},
              {"legal_basis", "toestemming"},
              {"given", "2026-11-01"},
              {"expires", nullptr},
              {"consent_text", "Toestemming getekend"}});
    ASSERT_EQ(basis.status, 201U) << basis.body;
  }

  json household_;
  int64_t amal_ = 0;
  std::string url_;
};

TEST_P(IntakesApiTest, JointIntakeIsSavedFinalisedAndReopened) {
  HttpResult empty = Get(url_);
  ASSERT_EQ(empty.status, 200U) << empty.body;
  EXPECT_EQ(empty.json()["version"], 0);
  EXPECT_EQ(empty.json()["adult"], true);
  EXPECT_EQ(empty.json()["access"]["edit"], true);
  EXPECT_EQ(empty.json()["access"]["finalise"], false);  // nothing to finalise yet
  bool begeleider_offered = false;
  const json options = empty.json()["participant_options"];
  for (const json& o : options) begeleider_offered |= o["user_id"] == UserId("begeleider");
  EXPECT_TRUE(begeleider_offered) << empty.body;

  HttpResult saved = Put(url_, Full(0));
  ASSERT_EQ(saved.status, 200U) << saved.body;
  json v1 = saved.json();
  EXPECT_EQ(v1["version"], 1);
  EXPECT_EQ(v1["status"], "concept");
  EXPECT_EQ(v1["recorded_by"]["id"], UserId("regisseur"));
  ASSERT_EQ(v1["participants"].size(), 2U);
  EXPECT_EQ(v1["participants"][1]["organisation_name"], "Vluchtelingenwerk");
  // Configured domain order: zorg_gezondheid before werk_inkomen.
  EXPECT_EQ(v1["domains"][0]["domain"], "zorg_gezondheid");
  EXPECT_EQ(v1["languages"][1]["language"], "nl");
  EXPECT_EQ(v1["hidden_parts"], json::array());

  // The begeleider (Vluchtelingenwerk) continues: no health data for them.
  As("begeleider");
  HttpResult b = Get(url_);
  ASSERT_EQ(b.status, 200U) << b.body;
  json bv = b.json();
  EXPECT_EQ(bv["health_notes"], "");
  EXPECT_EQ(bv["hidden_parts"], json::array({"health_notes"}));
  EXPECT_EQ(bv["hidden_domains"], 1);
  EXPECT_EQ(bv["hidden_noa"], 1);
  EXPECT_EQ(b.body.find("Chronische"), std::string::npos);
  EXPECT_EQ(b.body.find("verhoogd"), std::string::npos);
  json edit = Editable(bv);
  edit["languages"][1]["level"] = "A1";
  edit["interests"] = "Voetbal en koken";
  HttpResult v2 = Put(url_, edit);
  ASSERT_EQ(v2.status, 200U) << v2.body;
  EXPECT_EQ(v2.json()["version"], 2);

  // A stale save (version 1 again) is refused and changes nothing.
  As("regisseur");
  HttpResult stale = Put(url_, Full(1));
  EXPECT_EQ(stale.status, 409U);
  EXPECT_EQ(stale.json()["code"], "intake_version_conflict");
  EXPECT_EQ(stale.json()["current_version"], 2);
  json now = Get(url_).json();
  EXPECT_EQ(now["version"], 2);
  EXPECT_EQ(now["interests"], "Voetbal en koken");
  EXPECT_EQ(now["languages"][1]["level"], "A1");
  // What the begeleider could not see was kept.
  EXPECT_EQ(now["health_notes"], "Chronische rugpijn");
  EXPECT_EQ(now["noa"].size(), 3U);
  EXPECT_EQ(now["domains"].size(), 2U);

  As("begeleider");
  HttpResult fin = Post(url_ + "/finalise", {{"version", 2}});
  ASSERT_EQ(fin.status, 200U) << fin.body;
  EXPECT_EQ(fin.json()["status"], "afgerond");
  EXPECT_EQ(fin.json()["finalised_by"]["id"], UserId("begeleider"));
  EXPECT_EQ(fin.json()["access"]["edit"], false);
  HttpResult closed = Put(url_, Editable(fin.json()));
  EXPECT_EQ(closed.status, 409U);
  EXPECT_EQ(closed.json()["code"], "intake_finalised");
  EXPECT_EQ(Post(url_ + "/reopen", {{"version", 3}}).status, 403U);

  As("regisseur");
  EXPECT_EQ(Post(url_ + "/finalise", {{"version", 3}}).json()["code"], "intake_finalised");
  HttpResult reopened = Post(url_ + "/reopen", {{"version", 3}});
  ASSERT_EQ(reopened.status, 200U) << reopened.body;
  EXPECT_EQ(reopened.json()["status"], "concept");
  EXPECT_EQ(reopened.json()["version"], 4);
  EXPECT_EQ(reopened.json()["finalised_at"], nullptr);
  HttpResult versions = Get(url_ + "/versions");
  ASSERT_EQ(versions.status, 200U);
  ASSERT_EQ(versions.json()["items"].size(), 4U);
  EXPECT_EQ(versions.json()["items"][1]["status"], "afgerond");
  // The finalised version stays readable.
  HttpResult old = Get(url_ + "?version=3");
  ASSERT_EQ(old.status, 200U);
  EXPECT_EQ(old.json()["status"], "afgerond");
  EXPECT_EQ(old.json()["access"]["reopen"], false);  // history is read, not acted on
}

TEST_P(IntakesApiTest, PartnerWithoutHealthBasisSeesAndWritesOnlyItsParts) {
  ASSERT_EQ(Put(url_, Full(0)).status, 200U);
  As("partner");  // GGD, involved, no sharing basis yet
  EXPECT_EQ(Get(url_).status, 403U);
  ShareWithGgd({"basis", "inburgering"});
  As("partner");
  HttpResult r = Get(url_);
  ASSERT_EQ(r.status, 200U) << r.body;
  json view = r.json();
  EXPECT_EQ(r.body.find("Chronische"), std::string::npos);
  EXPECT_EQ(r.body.find("verhoogd"), std::string::npos);  // the PTSS result
  EXPECT_EQ(r.body.find("Lasser"), std::string::npos);    // werk_inkomen
  ASSERT_EQ(view["noa"].size(), 1U);
  EXPECT_EQ(view["noa"][0]["component"], "nederlands_toets");
  EXPECT_EQ(view["hidden_noa"], 2);
  EXPECT_EQ(view["hidden_domains"], 2);
  EXPECT_EQ(view["languages"].size(), 2U);
  EXPECT_EQ(view["health_screening"]["done"], true);  // that it took place is not medical
  EXPECT_EQ(view["access"]["edit"], false);
  // Not taking part in the intake: no writing.
  EXPECT_EQ(Put(url_, Editable(view)).status, 403U);

  As("regisseur");
  json frame = Editable(Get(url_).json());
  frame["participants"].push_back(Participant("partner", org_a_ggd_));
  ASSERT_EQ(Put(url_, frame).status, 200U);

  As("partner");
  view = Get(url_).json();
  EXPECT_EQ(view["access"]["edit"], true);
  EXPECT_EQ(view["access"]["edit_frame"], false);
  json edit = Editable(view);
  edit["languages"][0]["level"] = "A2";
  edit["health_notes"] = "Iets medisch";
  edit["participants"].erase(0);
  HttpResult refused = Put(url_, edit);
  EXPECT_EQ(refused.status, 422U);
  EXPECT_EQ(Errors(refused),
            (std::vector<std::string>{"participants:not_allowed", "health_notes:not_allowed"}));
  edit = Editable(view);
  edit["languages"][0]["level"] = "A2";
  HttpResult ok = Put(url_, edit);
  ASSERT_EQ(ok.status, 200U) << ok.body;
  EXPECT_EQ(ok.body.find("Chronische"), std::string::npos);

  As("regisseur");
  json all = Get(url_).json();
  EXPECT_EQ(all["languages"][0]["level"], "A2");
  EXPECT_EQ(all["health_notes"], "Chronische rugpijn");
  EXPECT_EQ(all["work"][0]["occupation"], "Lasser");
  EXPECT_EQ(all["noa"].size(), 3U);
}

TEST_P(IntakesApiTest, BadInputIsRefusedWholeWithFieldErrors) {
  json bad = Full(0);
  bad["intake_date"] = "2040-01-01";
  bad["interpreter_language"] = "zz";
  bad["education"][0]["diploma"] = false;
  bad["languages"][1]["level"] = "D1";
  bad["noa"][0]["outcome"] = "";
  bad["participants"][1]["organisation_id"] = org_a_ggd_;  // not the begeleider's
  bad["colour"] = "blauw";
  HttpResult r = Put(url_, bad);
  ASSERT_EQ(r.status, 422U) << r.body;
  EXPECT_EQ(Errors(r),
            (std::vector<std::string>{"languages/1/level:invalid_enum", "colour:unknown_field"}));
  bad["languages"][1]["level"] = "A1";
  bad.erase("colour");
  r = Put(url_, bad);
  ASSERT_EQ(r.status, 422U) << r.body;
  EXPECT_EQ(Errors(r),
            (std::vector<std::string>{
                "intake_date:date_in_future", "interpreter_language:unknown_code",
                "education/0/valuation_requested:needs_diploma", "noa/0/outcome:required",
                "participants/1/user_id:"
                "invalid_reference"}));
  EXPECT_EQ(Get(url_).json()["version"], 0);  // nothing written
  // Finalising needs a complete intake.
  json partial = Full(0);
  partial.erase("participants");
  partial.erase("health_screening");
  ASSERT_EQ(Put(url_, partial).status, 200U);
  HttpResult fin = Post(url_ + "/finalise", {{"version", 1}});
  EXPECT_EQ(fin.status, 422U);
  EXPECT_EQ(Errors(fin),
            (std::vector<std::string>{"participants:required", "health_screening/done:required"}));
}

TEST_P(IntakesApiTest, OnlyForAdultsAndNotForVolunteersOrPolicy) {
  json child = PersonBody("Noor", "Haddad", "123456782");
  child["birth_date"] = "2015-06-01";
  HttpResult p = Post(Base(tenant_a_) + "/households/" +
                          std::to_string(household_["id"].get<int64_t>()) + "/persons",
                      child);
  ASSERT_EQ(p.status, 201U) << p.body;
  const std::string child_url =
      Base(tenant_a_) + "/persons/" + std::to_string(p.json()["id"].get<int64_t>()) + "/intake";
  EXPECT_EQ(Get(child_url).json()["adult"], false);
  HttpResult minor = Put(child_url, Full(0));
  EXPECT_EQ(minor.status, 422U);
  EXPECT_EQ(Errors(minor), (std::vector<std::string>{"intake_date:intake_minor"}));

  ASSERT_EQ(Put(url_, Full(0)).status, 200U);
  for (const char* user : {"vrijwilliger", "beleid", "beheer", "auditor"}) {
    As(user);
    EXPECT_EQ(Get(url_).status, 403U) << user;
    EXPECT_EQ(Put(url_, Full(1)).status, 403U) << user;
  }
  As("regisseur_b");
  EXPECT_EQ(Get(url_).status, 404U);
}

INSTANTIATE_TEST_SUITE_P(Backends, IntakesApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
