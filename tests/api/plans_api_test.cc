// The personal plan over real HTTP: versions saved against the version the
// client edited (a stale or concurrent save gets 409 and loses nothing),
// the goal and action state machines, old versions and their diff, the
// client's agreement, what partners and begeleiders see and may change,
// and due actions on the worklist.
#include <algorithm>
#include <thread>

#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

class PlansApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    json child = PersonBody("Sami", "Haddad");
    child["birth_date"] = "2015-06-01";
    child["role"] = "kind";
    household_ = CreateHousehold("Haddad", {PersonBody("Amal", "Haddad", "111222333"), child});
    url_ = Base(tenant_a_) + "/households/" + std::to_string(household_["id"].get<int64_t>()) +
           "/plan";
    amal_ = household_["persons"][0]["id"];
    sami_ = household_["persons"][1]["id"];
  }

  // A health goal of Amal with an action of the GGD (for "partner"), and a
  // work goal with an action of Vluchtelingenwerk.
  json Goals() const {
    return json::array({{{"person_id", amal_},
                         {"domain", "zorg_gezondheid"},
                         {"text", "Ingeschreven bij een huisarts"},
                         {"target_date", "2027-01-01"},
                         {"status", "open"},
                         {"actions",
                          {{{"text", "Intake bij de GGD"},
                            {"organisation_id", org_a_ggd_},
                            {"user_id", UserId("partner")},
                            {"due_date", "2026-11-01"},
                            {"status", "open"}}}}},
                        {{"person_id", amal_},
                         {"domain", "werk_inkomen"},
                         {"text", "Vrijwilligerswerk gevonden"},
                         {"target_date", "2027-06-01"},
                         {"status", "loopt"},
                         {"actions",
                          {{{"text", "Gesprek bij het werkplein"},
                            {"organisation_id", org_a_vwn_},
                            {"due_date", "2026-12-15"},
                            {"status", "open"},
                            {"result", ""}}}}}});
  }

  json Save(int64_t version, const json& goals, unsigned expect = 200) {
    HttpResult r = Put(url_, {{"version", version}, {"goals", goals}});
    EXPECT_EQ(r.status, expect) << r.body;
    return r.json();
  }

  json Plan() {
    HttpResult r = Get(url_);
    EXPECT_EQ(r.status, 200U) << r.body;
    return r.json();
  }

  // The editable body of a plan response.
  static json Editable(const json& plan) {
    json goals = plan["goals"];
    for (json& g : goals) {
      g.erase("restricted");
      for (json& a : g["actions"]) a.erase("can_update");
    }
    return goals;
  }

  static std::vector<std::string> Errors(const HttpResult& r) {
    std::vector<std::string> out;
    for (const json& e : r.json().value("errors", json::array()))
      out.push_back(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
    return out;
  }

  void Assign(const char* begeleider) {
    const Login* before = as_;
    As("regisseur");
    ASSERT_EQ(
        Put(Base(tenant_a_) + "/households/" + std::to_string(household_["id"].get<int64_t>()) +
                "/assignments",
            {{"begeleiders", {UserId(begeleider)}}, {"vrijwilligers", {UserId("vrijwilliger")}}})
            .status,
        200U);
    as_ = before;
  }

  json household_;
  std::string url_;
  int64_t amal_ = 0, sami_ = 0;
};

TEST_P(PlansApiTest, SaveVersionsAndDiff) {
  json empty = Plan();
  EXPECT_EQ(empty["version"], 0);
  EXPECT_EQ(empty["goals"], json::array());
  EXPECT_EQ(empty["domains"].size(), 8U);
  EXPECT_EQ(empty["domains"][3]["code"], "zorg_gezondheid");
  EXPECT_EQ(empty["domains"][3]["category"], "gezondheid");
  EXPECT_EQ(empty["access"]["edit"], true);
  EXPECT_EQ(empty["access"]["reopen"], true);

  json v1 = Save(0, Goals());
  EXPECT_EQ(v1["version"], 1);
  EXPECT_EQ(v1["saved_by"]["id"], UserId("regisseur"));
  ASSERT_EQ(v1["goals"].size(), 2U);
  EXPECT_EQ(v1["goals"][0]["key"], 1);
  EXPECT_EQ(v1["goals"][0]["actions"][0]["key"], 2);
  EXPECT_EQ(v1["goals"][1]["key"], 3);
  EXPECT_EQ(v1["goals"][0]["actions"][0]["user_id"], UserId("partner"));
  EXPECT_EQ(v1["goals"][1]["actions"][0]["user_id"], nullptr);

  json goals = Editable(v1);
  goals[0]["text"] = "Ingeschreven bij huisarts De Linde";
  goals.erase(1);
  goals.push_back({{"person_id", amal_},
                   {"domain", "onderwijs_taal"},
                   {"text", "Taalniveau A2"},
                   {"target_date", "2027-09-01"},
                   {"status", "open"},
                   {"actions", json::array()}});
  json v2 = Save(1, goals);
  EXPECT_EQ(v2["version"], 2);
  EXPECT_EQ(v2["goals"][1]["key"], 5);  // keys are never reused

  json versions = Get(url_ + "/versions").json()["items"];
  ASSERT_EQ(versions.size(), 2U);
  EXPECT_EQ(versions[0]["version"], 2);
  EXPECT_EQ(versions[1]["goal_count"], 2);
  EXPECT_EQ(Get(url_ + "/versions/1").json()["goals"][0]["text"], "Ingeschreven bij een huisarts");
  EXPECT_EQ(Get(url_ + "/versions/3").status, 404U);

  json diff = Get(url_ + "/diff?from=1&to=2").json();
  ASSERT_EQ(diff["changes"].size(), 4U) << diff;
  EXPECT_EQ(diff["changes"][0]["kind"], "goal_changed");
  EXPECT_EQ(diff["changes"][0]["field"], "text");
  EXPECT_EQ(diff["changes"][0]["old"], "Ingeschreven bij een huisarts");
  EXPECT_EQ(diff["changes"][1]["kind"], "goal_added");
  EXPECT_EQ(diff["changes"][2]["kind"], "goal_removed");
  EXPECT_EQ(diff["changes"][3]["kind"], "action_removed");
  EXPECT_EQ(Get(url_ + "/diff?from=1").status, 400U);
}

TEST_P(PlansApiTest, StaleSaveGets409AndLosesNothing) {
  Save(0, Goals());
  json stale = Goals();
  stale[0]["text"] = "Iets anders";
  HttpResult r = Put(url_, {{"version", 0}, {"goals", stale}});
  ASSERT_EQ(r.status, 409U) << r.body;
  EXPECT_EQ(r.json()["code"], "plan_version_conflict");
  EXPECT_EQ(r.json()["current_version"], 1);
  EXPECT_FALSE(r.json()["message_nl"].get<std::string>().empty());
  EXPECT_FALSE(r.json()["message_en"].get<std::string>().empty());
  json now = Plan();
  EXPECT_EQ(now["version"], 1);
  EXPECT_EQ(now["goals"][0]["text"], "Ingeschreven bij een huisarts");

  // Two saves on version 1 at the same moment: exactly one wins.
  json base = Editable(now);
  std::vector<unsigned> statuses(2);
  std::vector<std::thread> pool;
  for (int t = 0; t < 2; ++t)
    pool.emplace_back([&, t] {
      json goals = base;
      goals[0]["text"] = "Versie van schrijver " + std::to_string(t);
      statuses[static_cast<size_t>(t)] =
          SendHttp(port_, "PUT", url_, json{{"version", 1}, {"goals", goals}}.dump(),
                   "application/json", as_)
              .status;
    });
  for (auto& th : pool) th.join();
  std::sort(statuses.begin(), statuses.end());
  EXPECT_EQ(statuses, (std::vector<unsigned>{200U, 409U}));
  json after = Plan();
  EXPECT_EQ(after["version"], 2);
  EXPECT_TRUE(after["goals"][0]["text"].get<std::string>().starts_with("Versie van schrijver"));
}

TEST_P(PlansApiTest, GoalAndActionStateMachines) {
  json goals = Editable(Save(0, Goals()));
  goals[0]["status"] = "behaald";  // open -> behaald skips loopt
  HttpResult r = Put(url_, {{"version", 1}, {"goals", goals}});
  ASSERT_EQ(r.status, 422U);
  EXPECT_EQ(Errors(r), (std::vector<std::string>{"goals/0/status:open_actions",
                                                 "goals/0/status:transition_not_allowed"}));
  goals[0]["status"] = "loopt";
  goals = Editable(Save(1, goals));
  goals[0]["status"] = "behaald";
  goals[0]["actions"][0]["status"] = "gereed";  // without a result
  EXPECT_EQ(Errors(Put(url_, {{"version", 2}, {"goals", goals}})),
            std::vector<std::string>{"goals/0/actions/0/result:required"});
  goals[0]["actions"][0]["result"] = "Ingeschreven bij De Linde";
  goals[1]["status"] = "open";  // loopt -> open is not a transition
  EXPECT_EQ(Errors(Put(url_, {{"version", 2}, {"goals", goals}})),
            std::vector<std::string>{"goals/1/status:transition_not_allowed"});
  goals[1]["status"] = "niet_behaald";
  goals[1]["actions"][0]["status"] = "vervallen";
  goals = Editable(Save(2, goals));

  // Reopening a finished goal is the regisseur's.
  Assign("begeleider");
  As("begeleider");
  goals = Editable(Plan());  // the begeleider sees only the work goal
  ASSERT_EQ(goals.size(), 1U);
  goals[0]["status"] = "loopt";
  EXPECT_EQ(Errors(Put(url_, {{"version", 3}, {"goals", goals}})),
            std::vector<std::string>{"goals/0/status:reopen_regisseur_only"});
  As("regisseur");
  goals = Editable(Plan());
  goals[1]["status"] = "loopt";
  EXPECT_EQ(Save(3, goals)["version"], 4);
  // A new goal cannot start finished; an unknown key is refused.
  goals = Editable(Plan());
  goals.push_back(goals[0]);
  goals[2].erase("key");
  goals[2]["actions"] = json::array();
  goals[2]["status"] = "vervallen";
  goals[1]["key"] = 99;
  EXPECT_EQ(
      Errors(Put(url_, {{"version", 4}, {"goals", goals}})),
      (std::vector<std::string>{"goals/1/key:unknown_key", "goals/1/actions/0/key:unknown_key",
                                "goals/2/status:invalid_initial_status"}));
}

TEST_P(PlansApiTest, BadInputIsRefusedWhole) {
  json goals = Goals();
  goals[0]["domain"] = "ruimtevaart";
  goals[0]["person_id"] = 999999;
  goals[1]["actions"][0]["organisation_id"] = org_b_gem_;    // another municipality's
  goals[1]["actions"][0]["user_id"] = UserId("begeleider");  // not of that organisation
  goals[1]["target_date"] = "2027-02-30";
  goals[1]["colour"] = "rood";
  // Every error in one answer: what does not parse and what breaks a rule.
  HttpResult r = Put(url_, {{"version", 0}, {"goals", goals}});
  ASSERT_EQ(r.status, 422U) << r.body;
  EXPECT_EQ(Errors(r), (std::vector<std::string>{
                           "goals/1/target_date:invalid_date", "goals/1/colour:unknown_field",
                           "goals/0/person_id:invalid_reference", "goals/0/domain:unknown_domain",
                           "goals/1/actions/0/organisation_id:invalid_reference"}));
  goals[1].erase("colour");
  goals[1]["target_date"] = "2027-02-28";
  r = Put(url_, {{"version", 0}, {"goals", goals}});
  EXPECT_EQ(Errors(r), (std::vector<std::string>{
                           "goals/0/person_id:invalid_reference", "goals/0/domain:unknown_domain",
                           "goals/1/actions/0/organisation_id:invalid_reference"}));
  // A new goal left empty in the editor: each field is named once, as
  // required (an empty domain is not an unknown one).
  json empty = goals;
  empty.push_back({{"person_id", nullptr}, {"domain", ""}, {"text", ""}, {"target_date", ""}});
  r = Put(url_, {{"version", 0}, {"goals", empty}});
  const std::vector<std::string> errors = Errors(r);
  for (const char* want :
       {"goals/2/person_id:required", "goals/2/domain:required", "goals/2/text:required"})
    EXPECT_NE(std::find(errors.begin(), errors.end(), want), errors.end()) << want << r.body;
  EXPECT_EQ(
      std::count_if(errors.begin(), errors.end(),
                    [](const std::string& e) { return e.starts_with("goals/2/target_date:"); }),
      1)
      << r.body;
  EXPECT_EQ(Plan()["version"], 0);
  EXPECT_EQ(Put(url_, {{"goals", json::array()}}).status, 422U);
}

TEST_P(PlansApiTest, PartnerSeesSharedGoalsAndReportsOnItsActions) {
  json v1 = Save(0, Goals());
  As("partner");  // GGD: involved, nothing shared yet
  json seen = Plan();
  ASSERT_EQ(seen["goals"].size(), 1U);
  EXPECT_EQ(seen["goals"][0]["restricted"], true);
  EXPECT_FALSE(seen["goals"][0].contains("text"));
  EXPECT_EQ(seen["goals"][0]["actions"][0]["text"], "Intake bij de GGD");
  EXPECT_EQ(seen["goals"][0]["actions"][0]["can_update"], true);
  EXPECT_EQ(seen["hidden_goals"], 1);
  EXPECT_EQ(seen["access"]["edit"], false);
  EXPECT_EQ(Put(url_, {{"version", 1}, {"goals", Goals()}}).status, 403U);

  const std::string ggd_action = url_ + "/actions/2/progress";
  HttpResult r = Post(ggd_action, {{"version", 1}, {"status", "gereed"}});
  EXPECT_EQ(Errors(r), std::vector<std::string>{"result:required"});
  r = Post(ggd_action, {{"version", 1}, {"status", "gereed"}, {"result", "Intake gedaan"}});
  ASSERT_EQ(r.status, 200U) << r.body;
  EXPECT_EQ(r.json()["version"], 2);
  EXPECT_EQ(r.json()["saved_by"]["id"], UserId("partner"));
  EXPECT_EQ(Post(ggd_action, {{"version", 1}, {"status", "loopt"}}).status, 409U);
  // Reopening a finished action is the regisseur's.
  EXPECT_EQ(Errors(Post(ggd_action, {{"version", 2}, {"status", "loopt"}})),
            std::vector<std::string>{"status:reopen_regisseur_only"});
  // The Vluchtelingenwerk action is not the GGD's: it does not exist for them.
  EXPECT_EQ(Post(url_ + "/actions/4/progress", {{"version", 2}, {"status", "loopt"}}).status, 404U);

  // With a health basis for Amal the GGD sees the health goal in full.
  As("regisseur");
  ASSERT_EQ(Post(Base(tenant_a_) + "/persons/" + std::to_string(amal_) + "/sharing-bases",
                 {{"organisation_id", org_a_ggd_},
                  {"categories", {"basis", "gezondheid"}},
                  {"purpose", "Huisarts en GGD"},
                  {"legal_basis", "toestemming"},
                  {"given", "2026-11-20"},
                  {"expires", nullptr},
                  {"consent_text", "Formulier"}})
                .status,
            201U);
  json full = Plan();
  EXPECT_EQ(full["goals"][0]["actions"][0]["result"], "Intake gedaan");
  As("partner");
  seen = Plan();
  EXPECT_EQ(seen["goals"][0]["restricted"], false);
  EXPECT_EQ(seen["goals"][0]["text"], "Ingeschreven bij een huisarts");
  EXPECT_EQ(seen["hidden_goals"], 1);
  // Versions list without goal counts for a partial view; diffs filtered.
  EXPECT_FALSE(Get(url_ + "/versions").json()["items"][0].contains("goal_count"));
  json diff = Get(url_ + "/diff?from=1&to=2").json();
  ASSERT_EQ(diff["changes"].size(), 2U) << diff;
  EXPECT_EQ(diff["changes"][0]["field"], "status");

  As("vrijwilliger");  // not assigned: no relationship
  EXPECT_EQ(Get(url_).status, 403U);
}

TEST_P(PlansApiTest, BegeleiderSavesWithoutLosingHiddenGoals) {
  Save(0, Goals());
  Assign("begeleider");
  As("begeleider");
  json seen = Plan();
  ASSERT_EQ(seen["goals"].size(), 1U);  // the health goal is not shared with VWN
  EXPECT_EQ(seen["hidden_goals"], 1);
  json goals = Editable(seen);
  goals[0]["text"] = "Vrijwilligerswerk bij de bibliotheek";
  json saved = Save(1, goals);
  EXPECT_EQ(saved["version"], 2);
  EXPECT_EQ(saved["saved_by"]["id"], UserId("begeleider"));
  // Nor may it add a goal in a category it cannot see, or name a hidden key.
  goals = Editable(saved);
  json health = Goals()[0];
  goals.push_back(health);
  HttpResult r = Put(url_, {{"version", 2}, {"goals", goals}});
  EXPECT_EQ(Errors(r), std::vector<std::string>{"goals/1/domain:not_allowed"});
  goals[1]["key"] = 1;
  goals[1]["actions"] = json::array();
  r = Put(url_, {{"version", 2}, {"goals", goals}});
  EXPECT_EQ(Errors(r), std::vector<std::string>{"goals/1/key:unknown_key"});

  As("vrijwilliger");  // assigned, but volunteers see nothing of the plan
  EXPECT_EQ(Get(url_).status, 403U);
  As("regisseur");
  json all = Plan();
  ASSERT_EQ(all["goals"].size(), 2U);
  EXPECT_EQ(all["goals"][0]["text"], "Vrijwilligerswerk bij de bibliotheek");
  EXPECT_EQ(all["goals"][1]["text"], "Ingeschreven bij een huisarts");  // kept
  EXPECT_EQ(all["goals"][1]["actions"].size(), 1U);
}

TEST_P(PlansApiTest, ClientAgreement) {
  json body = {{"plan_version", 1},
               {"date", "2026-11-20"},
               {"interpreter", true},
               {"language", "ar"},
               {"signed_by", {amal_}}};
  EXPECT_EQ(Errors(Post(url_ + "/agreements", body)),
            std::vector<std::string>{"plan_version:invalid_reference"});
  Save(0, Goals());
  HttpResult r = Post(url_ + "/agreements", body);
  ASSERT_EQ(r.status, 201U) << r.body;
  EXPECT_EQ(r.json()["signed_by"], json({amal_}));
  json plan = Plan();
  EXPECT_EQ(plan["agreed"], true);
  ASSERT_EQ(plan["agreements"].size(), 1U);
  EXPECT_EQ(plan["agreements"][0]["language"], "ar");

  body["signed_by"] = {sami_};
  EXPECT_EQ(Errors(Post(url_ + "/agreements", body)),
            std::vector<std::string>{"signed_by/0:not_adult"});
  body["signed_by"] = json::array();
  body["language"] = nullptr;
  body["date"] = "2026-12-01";
  EXPECT_EQ(
      Errors(Post(url_ + "/agreements", body)),
      (std::vector<std::string>{"date:date_in_future", "language:required", "signed_by:required"}));
  // A new version is not agreed yet.
  Save(1, Editable(plan));
  EXPECT_EQ(Plan()["agreed"], false);
  As("partner");
  EXPECT_EQ(Post(url_ + "/agreements",
                 {{"plan_version", 2}, {"date", "2026-11-20"}, {"signed_by", {amal_}}})
                .status,
            403U);
}

TEST_P(PlansApiTest, DueActionsOnTheWorklist) {
  Save(0, Goals());  // the GGD intake was due 2026-11-01; the clock says 2026-11-23
  auto actions = [this](const char* user) {
    As(user);
    HttpResult r = Get(Base(tenant_a_) + "/worklist");
    EXPECT_EQ(r.status, 200U) << r.body;
    const json body = r.json();
    std::vector<std::string> out;
    for (const json& item : body["items"])
      if (item["kind"] == "action")
        out.push_back(item["label"].get<std::string>() + "@" + item["due_date"].get<std::string>());
    return out;
  };
  const std::vector<std::string> intake{"Intake bij de GGD@2026-11-01"};
  EXPECT_EQ(actions("regisseur"), intake);
  EXPECT_EQ(actions("partner"), intake);  // the GGD answers for it
  EXPECT_TRUE(actions("regisseur2").empty());
  As("partner");
  HttpResult later = Get(Base(tenant_a_) + "/worklist?on=2026-12-31");
  ASSERT_EQ(later.status, 200U);
  size_t count = 0;
  const json items = later.json()["items"];
  for (const json& item : items)
    if (item["kind"] == "action") ++count;
  EXPECT_EQ(count, 1U);  // the partner does not answer for the VWN action
}

INSTANTIATE_TEST_SUITE_P(Backends, PlansApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
