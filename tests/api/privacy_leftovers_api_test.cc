// What shows to whom sees only part of a person or household, over real
// HTTP on both backends: a milestone timeline gives away no date computed
// from a person date the caller may not see (anchor, due date, band, nor a
// status that turns on the due date: such items are left out), nor lets a
// chosen reference date find one out; the worklist leaves out the same; and
// a signal's category shows only to whom sees its content.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

class PrivacyLeftoversApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    // Senait: permit 2025-01-10, housed 2025-04-01 (PersonBody).
    household_ = CreateHousehold("Tesfay", {PersonBody("Senait", "Tesfay", "111222333")});
    hid_ = household_["id"];
    senait_ = household_["persons"][0]["id"];
    ActivateTimelinePacks();
    if (HasFatalFailure()) return;
    // The PIP counts from DUO's notice, a recorded inburgering event.
    HttpResult r =
        Post(PersonUrl() + "/events", {{"event", "duo_kennisgeving"}, {"date", "2025-02-01"}});
    ASSERT_EQ(r.status, 201U) << r.body;
    r = Put(HouseholdUrl() + "/assignments",
            {{"begeleiders", {UserId("begeleider")}}, {"vrijwilligers", {UserId("vrijwilliger")}}});
    ASSERT_EQ(r.status, 200U) << r.body;
  }

  std::string PersonUrl() const { return Base(tenant_a_) + "/persons/" + std::to_string(senait_); }
  std::string HouseholdUrl() const {
    return Base(tenant_a_) + "/households/" + std::to_string(hid_);
  }

  // The regisseur records a basis of Senait for the GGD; the caller stays.
  void ShareWithGgd(const std::vector<std::string>& categories) {
    const Login* before = as_;
    As("regisseur");
    HttpResult r = Post(PersonUrl() + "/sharing-bases", {{"organisation_id", org_a_ggd_},
                                                         {"categories", categories},
                                                         {"purpose", "Inburgering volgen"},
                                                         {"legal_basis", "wettelijke_taak"},
                                                         {"given", "2026-11-01"},
                                                         {"expires", nullptr},
                                                         {"consent_text", ""}});
    as_ = before;
    ASSERT_EQ(r.status, 201U) << r.body;
  }

  // The timeline as the current user, milestones by id.
  std::map<std::string, json> Milestones(const std::string& query = "") {
    HttpResult r = Get(PersonUrl() + "/milestones" + query);
    EXPECT_EQ(r.status, 200U) << r.body;
    last_body_ = r.body;
    last_ = r.json();
    std::map<std::string, json> out;
    for (const json& m : last_.value("milestones", json::array())) out[m["id"]] = m;
    return out;
  }

  // Whether the milestone counts from the housing date (Hardinxveld-
  // Giessendam's rules all do).
  static bool FromHousing(const std::string& id) { return id.rfind("hg.", 0) == 0; }

  std::vector<std::string> WorklistIds() {
    HttpResult r = Get(Base(tenant_a_) + "/worklist");
    EXPECT_EQ(r.status, 200U) << r.body;
    const json body = r.json();
    std::vector<std::string> ids;
    for (const json& item : body["items"])
      if (item["id"].is_string()) ids.push_back(item["id"]);
    return ids;
  }

  static bool Contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  }

  static std::string ErrorOf(const HttpResult& r) {
    const json body = r.json();
    if (!body.contains("errors") || body["errors"].empty()) return body.value("code", "");
    return body["errors"][0]["field"].get<std::string>() + ":" +
           body["errors"][0]["code"].get<std::string>();
  }

  json household_;
  int64_t hid_ = 0, senait_ = 0;
  std::string last_body_;
  json last_;  // the last timeline read
};

TEST_P(PrivacyLeftoversApiTest, TimelineWithoutTheBasicDataGivesNoDateComputedFromThem) {
  // The regisseur sees the anchors and what follows from them: the
  // neighbours' introduction is due 4 weeks after housing.
  std::map<std::string, json> full = Milestones();
  ASSERT_TRUE(full.contains("hg.buren_kennismaking")) << last_body_;
  EXPECT_EQ(full["hg.buren_kennismaking"]["anchor_date"], "2025-04-01");
  EXPECT_EQ(full["hg.buren_kennismaking"]["due_date"], "2025-04-29");
  EXPECT_EQ(full["hg.buren_kennismaking"]["band"], "0-3");
  EXPECT_EQ(full["wi2021.pip"]["band"], "0-3");

  // A language provider under a legal task for inburgering data alone.
  ShareWithGgd({"inburgering"});
  As("partner");
  std::map<std::string, json> partial = Milestones();
  EXPECT_EQ(last_["dates_withheld"], true) << last_body_;
  // Neither the housing nor the permit date, nor a date computed from them
  // by a deadline anyone can read in the pack.
  for (const char* date : {"2025-04-01", "2025-01-10", "2025-04-29", "2025-08-01"})
    EXPECT_EQ(last_body_.find(date), std::string::npos) << date << "\n" << last_body_;
  // What is due from the housing date is left out altogether: its status
  // turns on the hidden due date (open, then verlopen the day after), its
  // reason and extension count come from it too.
  for (const auto& [id, m] : full) {
    if (FromHousing(id)) {
      EXPECT_FALSE(partial.contains(id)) << id << "\n" << last_body_;
      continue;
    }
    // What the basis shares stays as it is: a deadline counted from a
    // recorded inburgering event, with whether it is met in time. Only the
    // band (the due date's distance from housing) is withheld.
    ASSERT_TRUE(partial.contains(id)) << id << "\n" << last_body_;
    json expected = m;
    expected["band"] = nullptr;
    EXPECT_EQ(partial[id], expected) << id;
  }
  EXPECT_EQ(partial["wi2021.pip"]["anchor_date"], "2025-02-01");
  EXPECT_EQ(partial["wi2021.pip"]["due_date"], "2025-04-12");
  EXPECT_EQ(partial["wi2021.pip"]["status"], "verlopen");

  // Another reference date would find the housing date by the day the
  // statuses turn (the anchor happens, a due date passes): refused.
  HttpResult probe = Get(PersonUrl() + "/milestones?on=2025-03-31");
  EXPECT_EQ(probe.status, 400U) << probe.body;
  EXPECT_EQ(ErrorOf(probe), "on:not_allowed");
  EXPECT_EQ(Get(PersonUrl() + "/milestones?on=2026-11-23").status, 200U);  // today

  // With the basic data shared, everything shows, on any day.
  ShareWithGgd({"basis"});
  As("partner");
  std::map<std::string, json> shared = Milestones();
  EXPECT_EQ(last_["dates_withheld"], false) << last_body_;
  EXPECT_EQ(shared.size(), full.size()) << last_body_;
  EXPECT_EQ(shared["hg.buren_kennismaking"]["anchor_date"], "2025-04-01");
  EXPECT_EQ(shared["hg.buren_kennismaking"]["due_date"], "2025-04-29");
  EXPECT_EQ(shared["hg.buren_kennismaking"]["band"], "0-3");
  EXPECT_EQ(Get(PersonUrl() + "/milestones?on=2025-03-31").status, 200U);
}

TEST_P(PrivacyLeftoversApiTest, NoStatusTurnsOnAHiddenDueDate) {
  // Housed 2026-10-26: the neighbours' introduction is due today (4 weeks).
  HttpResult before = Get(PersonUrl());
  ASSERT_EQ(before.status, 200U) << before.body;
  json person = PersonBody("Senait", "Tesfay", "111222333");
  person["housing_date"] = "2026-10-26";
  person["version"] = before.json()["version"];
  HttpResult moved = Put(PersonUrl(), person);
  ASSERT_EQ(moved.status, 200U) << moved.body;
  ShareWithGgd({"inburgering"});

  // Each user's timeline without its reference date, and the status of
  // the neighbours' introduction in it ("" when left out).
  auto read = [this](const std::string& who, std::string& buren) {
    As(who);
    std::map<std::string, json> milestones = Milestones();
    buren = milestones.contains("hg.buren_kennismaking")
                ? milestones["hg.buren_kennismaking"]["status"].get<std::string>()
                : "";
    json out = last_;
    out.erase("on");
    return out;
  };
  std::string buren;
  const json regisseur_today = read("regisseur", buren);
  EXPECT_EQ(buren, "open");
  const json partner_today = read("partner", buren);
  EXPECT_EQ(buren, "");

  constexpr int64_t kDay = 86'400'000'000;
  clock_->Advance(kDay);
  logins_.clear();  // the sessions expired overnight
  const json regisseur_tomorrow = read("regisseur", buren);
  EXPECT_EQ(buren, "verlopen");  // the day after the housing date + 4 weeks
  EXPECT_NE(regisseur_tomorrow, regisseur_today);
  // The partner, polling daily, sees nothing turn on that day: nothing
  // tells the due date, and so the housing date, apart.
  const json partner_tomorrow = read("partner", buren);
  EXPECT_EQ(buren, "");
  EXPECT_EQ(partner_tomorrow, partner_today);
}

// A municipality that moves the housing date out of the basic data (here:
// to health, which a begeleider does not get) keeps it from the assigned
// begeleider in the timeline and on the worklist alike.
class ConfiguredHousingDateApiTest : public PrivacyLeftoversApiTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fields_.Assign("housing_date", core::DataCategory::kGezondheid).ok());
    PrivacyLeftoversApiTest::SetUp();
  }
};

TEST_P(ConfiguredHousingDateApiTest, WorklistLeavesOutWhatIsDueFromAHiddenDate) {
  // The regisseur sees every category: both overdue milestones.
  std::vector<std::string> all = WorklistIds();
  EXPECT_TRUE(Contains(all, "hg.buren_kennismaking"));
  EXPECT_TRUE(Contains(all, "wi2021.pip"));

  As("begeleider");
  std::vector<std::string> mine = WorklistIds();
  EXPECT_TRUE(Contains(mine, "wi2021.pip"));  // due from DUO's notice
  for (const std::string& id : mine) EXPECT_NE(id.rfind("hg.", 0), 0U) << id;
  // The timeline leaves out the same, and keeps what the worklist keeps.
  std::map<std::string, json> timeline = Milestones();
  EXPECT_EQ(last_["dates_withheld"], true) << last_body_;
  for (const auto& [id, m] : timeline) EXPECT_FALSE(FromHousing(id)) << id;
  EXPECT_EQ(timeline["wi2021.pip"]["due_date"], "2025-04-12") << last_body_;
  EXPECT_EQ(last_body_.find("2025-04-01"), std::string::npos) << last_body_;
  EXPECT_EQ(Get(PersonUrl() + "/milestones?on=2025-03-31").status, 400U);
}

TEST_P(PrivacyLeftoversApiTest, SignalCategoryOnlyWithItsContent) {
  auto file = [this](const std::string& who, const std::string& category) {
    As(who);
    HttpResult r = Post(
        HouseholdUrl() + "/signals",
        {{"category", category}, {"urgency", "hoog"}, {"description", "Zorgen om het gezin."}});
    EXPECT_EQ(r.status, 201U) << r.body;
    return r.json()["id"].get<int64_t>();
  };
  const int64_t violence = file("regisseur", "huiselijk_geweld");  // to the municipality
  const int64_t health = file("regisseur", "gezondheid");          // to the GGD
  const int64_t money = file("regisseur", "financien");            // to the municipality
  const int64_t own = file("vrijwilliger", "overig");
  // Each user's view of the household's signals: id -> category (absent: "").
  auto categories = [this](const std::string& who) {
    As(who);
    HttpResult r = Get(HouseholdUrl() + "/signals");
    EXPECT_EQ(r.status, 200U) << r.body;
    const json body = r.json();
    std::map<int64_t, std::string> out;
    for (const json& s : body["items"]) {
      EXPECT_EQ(s.contains("category"), s.contains("content_category")) << s;
      EXPECT_EQ(s.contains("category"), s.contains("description")) << s;
      EXPECT_EQ(s.contains("routed_to"), s.contains("description")) << s;
      out[s["id"]] = s.value("category", "");
    }
    return out;
  };

  // The volunteer learns that there are worries and how they stand, not
  // what they are about; their own signal they filed themselves.
  std::map<int64_t, std::string> seen = categories("vrijwilliger");
  ASSERT_EQ(seen.size(), 4U);
  EXPECT_EQ(seen[violence], "");
  EXPECT_EQ(seen[health], "");
  EXPECT_EQ(seen[money], "");
  EXPECT_EQ(seen[own], "overig");
  HttpResult one = Get(Base(tenant_a_) + "/signals/" + std::to_string(violence));
  ASSERT_EQ(one.status, 200U) << one.body;
  EXPECT_EQ(one.json()["state"], "ingediend");
  for (const char* word : {"huiselijk_geweld", "justitie", "Zorgen"})
    EXPECT_EQ(one.body.find(word), std::string::npos) << word << "\n" << one.body;
  // Nor where a worry went: routed to the GGD says it is about health.
  HttpResult routed = Get(Base(tenant_a_) + "/signals/" + std::to_string(health));
  ASSERT_EQ(routed.status, 200U) << routed.body;
  const json routed_body = routed.json();
  EXPECT_FALSE(routed_body.contains("routed_to")) << routed.body;
  for (const json& h : routed_body["history"]) EXPECT_FALSE(h.contains("organisation")) << h;
  EXPECT_EQ(routed.body.find("GGD Zuid-Holland Zuid"), std::string::npos) << routed.body;

  // The begeleider sees the MB categories (financien), not health or safety.
  seen = categories("begeleider");
  EXPECT_EQ(seen[money], "financien");
  EXPECT_EQ(seen[health], "");
  EXPECT_EQ(seen[violence], "");
  // The GGD handles the health signal; the rest is not shared with it.
  seen = categories("partner");
  EXPECT_EQ(seen[health], "gezondheid");
  EXPECT_EQ(seen[money], "");
  EXPECT_EQ(seen[violence], "");
  // The regisseur sees all.
  seen = categories("regisseur");
  EXPECT_EQ(seen[violence], "huiselijk_geweld");
  EXPECT_EQ(seen[own], "overig");
}

INSTANTIATE_TEST_SUITE_P(Backends, PrivacyLeftoversApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });
INSTANTIATE_TEST_SUITE_P(Backends, ConfiguredHousingDateApiTest,
                         ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
