// What shows of a household to whom sees only part of it, over real HTTP:
// a signal or contact note about the whole household only to whom sees its
// category for every person, a worklist action's person name only with a
// basis for that person, the housing date of a timeline only with the
// basic data; and an archived household taking no plan progress or intake
// reopen, while closing what was open stays possible.
#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

class VisibilityApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    // The GGD ("partner") and Vluchtelingenwerk are involved.
    household_ = CreateHousehold("Tesfay", {PersonBody("Senait", "Tesfay", "111222333"),
                                            PersonBody("Yonas", "Tesfay", TestBsn(1))});
    hid_ = household_["id"];
    url_ = Base(tenant_a_) + "/households/" + std::to_string(hid_);
    senait_ = household_["persons"][0]["id"];
    yonas_ = household_["persons"][1]["id"];
  }

  std::string PersonUrl(int64_t id) const {
    return Base(tenant_a_) + "/persons/" + std::to_string(id);
  }

  // The regisseur records a basis of `person` for the GGD; the caller stays.
  void ShareWithGgd(int64_t person, const std::vector<std::string>& categories) {
    const Login* before = as_;
    As("regisseur");
    HttpResult r =
        Post(PersonUrl(person) + "/sharing-bases", {{"organisation_id", org_a_ggd_},
                                                    {"categories", categories},
                                                    {"purpose", "Samenwerking rond het gezin"},
                                                    {"legal_basis", "toestemming"},
                                                    {"given", "2026-11-01"},
                                                    {"expires", nullptr},
                                                    {"consent_text", "Toestemming getekend"}});
    as_ = before;
    ASSERT_EQ(r.status, 201U) << r.body;
  }

  // The household's items of `path` as the current user, by id.
  std::map<int64_t, json> ItemsById(const std::string& path) {
    HttpResult r = Get(url_ + path);
    EXPECT_EQ(r.status, 200U) << r.body;
    const json body = r.json();
    std::map<int64_t, json> out;
    for (const json& item : body["items"]) out[item["id"].get<int64_t>()] = item;
    return out;
  }

  // Archives the household as the regisseur.
  void Archive() {
    As("regisseur");
    const int64_t version = Get(url_).json()["version"];
    HttpResult r = Post(url_ + "/archive", {{"version", version}, {"reason", "Verhuisd"}});
    ASSERT_EQ(r.status, 200U) << r.body;
  }

  json household_;
  int64_t hid_ = 0, senait_ = 0, yonas_ = 0;
  std::string url_;
};

TEST_P(VisibilityApiTest, HouseholdWideSignalContentNeedsTheCategoryForEveryPerson) {
  // Financien signals go to the municipality, not to the GGD: the partner
  // reads them as an involved organisation only.
  As("regisseur");
  auto file = [this](const json& persons) {
    HttpResult r = Post(url_ + "/signals", {{"category", "financien"},
                                            {"urgency", "normaal"},
                                            {"description", "Schulden bij de energieleverancier."},
                                            {"person_ids", persons}});
    EXPECT_EQ(r.status, 201U) << r.body;
    EXPECT_EQ(r.json()["routed_to"]["id"], org_a_gem_);
    return r.json()["id"].get<int64_t>();
  };
  const int64_t whole = file(json::array());
  const int64_t of_senait = file({senait_});
  ShareWithGgd(senait_, {"basis", "financien"});

  As("partner");
  std::map<int64_t, json> items = ItemsById("/signals");
  ASSERT_EQ(items.size(), 2U);
  EXPECT_FALSE(items[whole].contains("description")) << items[whole];
  EXPECT_FALSE(items[whole].contains("result"));
  EXPECT_EQ(items[of_senait]["description"], "Schulden bij de energieleverancier.");
  HttpResult one = Get(Base(tenant_a_) + "/signals/" + std::to_string(whole));
  ASSERT_EQ(one.status, 200U) << one.body;
  const json signal = one.json();
  EXPECT_FALSE(signal.contains("description")) << signal;
  EXPECT_FALSE(signal.contains("result"));
  for (const json& h : signal["history"]) EXPECT_FALSE(h.contains("note")) << h;
  EXPECT_EQ(one.body.find("energieleverancier"), std::string::npos);

  // With a basis for Yonas too, the household-wide signal shows.
  ShareWithGgd(yonas_, {"basis", "financien"});
  As("partner");
  items = ItemsById("/signals");
  EXPECT_EQ(items[whole]["description"], "Schulden bij de energieleverancier.");
}

TEST_P(VisibilityApiTest, ContactNoteNeedsNotitiesForEveryPersonItConcerns) {
  As("regisseur");
  auto record = [this](const json& persons, const std::string& note) {
    HttpResult r = Post(url_ + "/contacts", {{"date", "2026-11-20"},
                                             {"type", "huisbezoek"},
                                             {"participants", {"Senait Tesfay"}},
                                             {"person_ids", persons},
                                             {"note", note}});
    EXPECT_EQ(r.status, 201U) << r.body;
    return r.json()["id"].get<int64_t>();
  };
  const int64_t of_senait = record({senait_}, "Senait zoekt werk.");
  const int64_t of_yonas = record({yonas_}, "Yonas slaapt slecht.");
  const int64_t whole = record(json::array(), "Het gezin heeft schulden.");
  ShareWithGgd(senait_, {"basis", "notities"});

  As("partner");
  std::map<int64_t, json> items = ItemsById("/contacts");
  ASSERT_EQ(items.size(), 3U);
  EXPECT_EQ(items[of_senait]["note"], "Senait zoekt werk.");
  EXPECT_FALSE(items[of_yonas].contains("note")) << items[of_yonas];
  EXPECT_FALSE(items[whole].contains("note")) << items[whole];
  // The regisseur sees every note.
  As("regisseur");
  items = ItemsById("/contacts");
  EXPECT_EQ(items[of_yonas]["note"], "Yonas slaapt slecht.");
  EXPECT_EQ(items[whole]["note"], "Het gezin heeft schulden.");
}

TEST_P(VisibilityApiTest, WorklistActionNamesThePersonOnlyWithABasis) {
  // A work goal of Yonas with an overdue action the GGD answers for.
  As("regisseur");
  const json goals = json::array({{{"person_id", yonas_},
                                   {"domain", "werk_inkomen"},
                                   {"text", "Werk gevonden"},
                                   {"target_date", "2027-06-01"},
                                   {"status", "open"},
                                   {"actions",
                                    {{{"text", "Gesprek over werk"},
                                      {"organisation_id", org_a_ggd_},
                                      {"due_date", "2026-11-01"},
                                      {"status", "open"}}}}}});
  HttpResult saved = Put(url_ + "/plan", {{"version", 0}, {"goals", goals}});
  ASSERT_EQ(saved.status, 200U) << saved.body;
  auto action_person = [this](const std::string& user) {
    As(user);
    HttpResult r = Get(Base(tenant_a_) + "/worklist");
    EXPECT_EQ(r.status, 200U) << r.body;
    const json body = r.json();
    for (const json& item : body["items"])
      if (item["kind"] == "action") return item["person"];
    ADD_FAILURE() << "no action on the worklist of " << user << ": " << body;
    return json();
  };
  EXPECT_EQ(action_person("regisseur")["name"], "Yonas Tesfay");
  // The GGD answers for the action but has no basis for Yonas.
  const json hidden = action_person("partner");
  EXPECT_EQ(hidden["id"], yonas_);
  EXPECT_TRUE(hidden.value("name", std::string()).empty()) << hidden;
  // A basis for Senait is none for Yonas.
  ShareWithGgd(senait_, {"basis"});
  EXPECT_TRUE(action_person("partner").value("name", std::string()).empty());
  ShareWithGgd(yonas_, {"basis"});
  EXPECT_EQ(action_person("partner")["name"], "Yonas Tesfay");
}

TEST_P(VisibilityApiTest, TimelineHousingDateOnlyWithTheBasicData) {
  ShareWithGgd(senait_, {"inburgering"});
  As("partner");
  HttpResult events_only = Get(PersonUrl(senait_) + "/milestones");
  ASSERT_EQ(events_only.status, 200U) << events_only.body;
  EXPECT_EQ(events_only.json()["housing_date"], nullptr);
  ShareWithGgd(senait_, {"basis"});
  As("partner");
  HttpResult with_basis = Get(PersonUrl(senait_) + "/milestones");
  ASSERT_EQ(with_basis.status, 200U) << with_basis.body;
  EXPECT_EQ(with_basis.json()["housing_date"], "2025-04-01");
}

TEST_P(VisibilityApiTest, ArchivedHouseholdClosesPlanActionsButTakesNoOtherProgress) {
  As("regisseur");
  const json goals = json::array({{{"person_id", senait_},
                                   {"domain", "werk_inkomen"},
                                   {"text", "Werk gevonden"},
                                   {"target_date", "2027-06-01"},
                                   {"status", "open"},
                                   {"actions",
                                    {{{"text", "Gesprek over werk"},
                                      {"organisation_id", org_a_vwn_},
                                      {"due_date", "2026-12-15"},
                                      {"status", "open"}},
                                     {{"text", "Cv maken"},
                                      {"organisation_id", org_a_vwn_},
                                      {"due_date", "2026-12-15"},
                                      {"status", "open"}}}}}});
  HttpResult saved = Put(url_ + "/plan", {{"version", 0}, {"goals", goals}});
  ASSERT_EQ(saved.status, 200U) << saved.body;
  const int64_t talk = saved.json()["goals"][0]["actions"][0]["key"];
  const int64_t cv = saved.json()["goals"][0]["actions"][1]["key"];
  auto progress = [this](int64_t key) {
    return url_ + "/plan/actions/" + std::to_string(key) + "/progress";
  };
  Archive();

  // Starting an action is new casework.
  HttpResult starts = Post(progress(talk), {{"version", 1}, {"status", "loopt"}});
  EXPECT_EQ(starts.status, 409U) << starts.body;
  EXPECT_EQ(starts.json()["code"], "household_archived");
  // Closing what was open stays possible.
  HttpResult done =
      Post(progress(talk), {{"version", 1}, {"status", "gereed"}, {"result", "Gesprek gevoerd"}});
  ASSERT_EQ(done.status, 200U) << done.body;
  HttpResult dropped =
      Post(progress(cv), {{"version", 2}, {"status", "vervallen"}, {"result", "Verhuisd"}});
  ASSERT_EQ(dropped.status, 200U) << dropped.body;
  // Rewriting a closed action's result, or reopening it, is not closing.
  HttpResult rewrite =
      Post(progress(talk), {{"version", 3}, {"status", "gereed"}, {"result", "Anders"}});
  EXPECT_EQ(rewrite.status, 409U) << rewrite.body;
  EXPECT_EQ(rewrite.json()["code"], "household_archived");
  HttpResult reopen = Post(progress(talk), {{"version", 3}, {"status", "loopt"}});
  EXPECT_EQ(reopen.status, 409U) << reopen.body;
  EXPECT_EQ(reopen.json()["code"], "household_archived");
  EXPECT_EQ(Get(url_ + "/plan").json()["version"], 3);
}

TEST_P(VisibilityApiTest, ArchivedHouseholdFinalisesAnIntakeButDoesNotReopenIt) {
  As("regisseur");
  const std::string intake = PersonUrl(senait_) + "/intake";
  const json participant = {{"user_id", UserId("regisseur")}, {"organisation_id", org_a_gem_}};
  HttpResult saved = Put(intake, {{"version", 0},
                                  {"intake_date", "2026-11-10"},
                                  {"participants", {participant}},
                                  {"interpreter", false},
                                  {"domains",
                                   {{{"domain", "werk_inkomen"},
                                     {"situation", "Uitkering"},
                                     {"wishes", "Werken als lasser"}}}},
                                  {"interests", "Voetbal"},
                                  {"health_screening", {{"done", true}, {"date", "2026-09-01"}}}});
  ASSERT_EQ(saved.status, 200U) << saved.body;
  Archive();
  HttpResult finalised = Post(intake + "/finalise", {{"version", 1}});
  ASSERT_EQ(finalised.status, 200U) << finalised.body;
  EXPECT_EQ(finalised.json()["status"], "afgerond");
  HttpResult reopened = Post(intake + "/reopen", {{"version", 2}});
  EXPECT_EQ(reopened.status, 409U) << reopened.body;
  EXPECT_EQ(reopened.json()["code"], "household_archived");
  EXPECT_EQ(Get(intake).json()["status"], "afgerond");
}

INSTANTIATE_TEST_SUITE_P(Backends, VisibilityApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
