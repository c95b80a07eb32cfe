// The plan as PDF over real HTTP: a download of the current or an older
// version, in Dutch or English, that holds exactly the goals, actions and
// names the caller's JSON holds (the text is read back with pdftotext), is
// authorised like reading the plan and is audited as an export with its
// version.
#include "api_fixture.h"
#include "render/pdf_test_util.h"

namespace regie::testing {
namespace {

using nlohmann::json;
using render::testing::Count;
using render::testing::PdfPages;

class PlanPdfApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    json child = PersonBody("Sami", "Haddad");
    child["birth_date"] = "2015-06-01";
    child["role"] = "kind";
    household_ = CreateHousehold("Haddad", {PersonBody("Amal", "Haddad", "111222333"), child});
    home_ = Base(tenant_a_) + "/households/" + std::to_string(household_["id"].get<int64_t>());
    const int64_t amal = household_["persons"][0]["id"];
    const int64_t sami = household_["persons"][1]["id"];
    // Health (the GGD's action, for "partner"), work (Vluchtelingenwerk,
    // "begeleider"'s organisation) and the child's language goal.
    json goals = json::array({{{"person_id", amal},
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
                              {{"person_id", amal},
                               {"domain", "werk_inkomen"},
                               {"text", "Vrijwilligerswerk gevonden"},
                               {"target_date", "2027-06-01"},
                               {"status", "loopt"},
                               {"actions",
                                {{{"text", "Gesprek bij het werkplein"},
                                  {"organisation_id", org_a_vwn_},
                                  {"due_date", "2026-12-15"},
                                  {"status", "open"}}}}},
                              {{"person_id", sami},
                               {"domain", "onderwijs_taal"},
                               {"text", "Zwemdiploma en schoolkeuze"},
                               {"target_date", "2027-03-01"},
                               {"status", "open"},
                               {"actions", json::array()}}});
    HttpResult r = Put(home_ + "/plan", {{"version", 0}, {"goals", goals}});
    ASSERT_EQ(r.status, 200U) << r.body;
  }

  // The PDF's text, all pages, after checking the download's headers.
  std::string PdfText(const std::string& query = "") {
    HttpResult r = Get(home_ + "/plan.pdf" + query);
    EXPECT_EQ(r.status, 200U) << r.body;
    if (r.status != 200U) return {};
    EXPECT_EQ(r.header("content-type"), "application/pdf");
    EXPECT_EQ(r.body.rfind("%PDF-", 0), 0U);
    EXPECT_EQ(r.header("content-disposition").rfind("attachment; filename=\"plan-", 0), 0U);
    EXPECT_EQ(r.header("cache-control"), "no-store");
    std::string all;
    for (const std::string& page : PdfPages(r.body)) all += page + " ";
    return all;
  }

  // Every text of the plan and household as the regisseur sees them.
  std::vector<std::string> AllTexts() {
    const Login* before = as_;
    As("regisseur");
    std::vector<std::string> texts;
    json plan = Get(home_ + "/plan").json();
    for (const json& g : plan["goals"]) {
      texts.push_back(g["text"]);
      for (const json& a : g["actions"]) texts.push_back(a["text"]);
    }
    as_ = before;
    return texts;
  }

  // The PDF holds a text of the plan exactly when the caller's JSON does,
  // and a person's name exactly when the household JSON shows it.
  void ExpectSameAsJson(const std::string& pdf) {
    json plan = Get(home_ + "/plan").json();
    ASSERT_TRUE(plan.contains("goals")) << plan;
    const std::string dump = plan.dump();
    for (const std::string& text : AllTexts()) {
      const bool in_json = dump.find("\"" + text + "\"") != std::string::npos;
      EXPECT_EQ(Count(pdf, text) > 0, in_json) << text << "\n" << pdf;
    }
    json household = Get(home_).json();
    for (const char* given : {"Amal", "Sami"}) {
      bool shown = false;
      for (const json& p : household["persons"])
        shown = shown || p.value("given_names", "") == given;
      EXPECT_EQ(Count(pdf, std::string(given) + " Haddad") > 0, shown) << given << "\n" << pdf;
    }
  }

  json household_;
  std::string home_;
};

TEST_P(PlanPdfApiTest, RegisseurPrintsTheWholePlanInPlainDutch) {
  const std::string pdf = PdfText();
  ExpectSameAsJson(pdf);
  for (const char* expected :
       {"Dit is uw plan", "Wat wilt u bereiken?", "Wie doet wat?", "Wanneer?", "Amal Haddad",
        "Intake bij de GGD", "01-06-2027", "15-12-2026", "Werk en inkomen", "Pagina 1 van ",
        "Handtekening Amal Haddad"})
    EXPECT_GE(Count(pdf, expected), 1U) << expected << "\n" << pdf;
  EXPECT_EQ(Count(pdf, "Handtekening Sami"), 0U);  // a child does not sign
  EXPECT_EQ(Count(pdf, "niet met u gedeeld"), 0U);

  // The download takes the plan out of the system: audited as an export,
  // with the printed version, and not as a read.
  As("auditor");
  const json exports = Get(Base(tenant_a_) + "/audit?action=export&limit=50").json()["items"];
  bool logged = false;
  for (const json& r : exports)
    logged = logged || (r["resource_type"] == "plan_pdf" && r["resource_id"] == "1" &&
                        r["outcome"] == "allowed" && r["user"]["id"] == UserId("regisseur") &&
                        r["household_id"] == household_["id"]);
  EXPECT_TRUE(logged) << exports.dump();
  const json reads = Get(Base(tenant_a_) + "/audit?action=read&limit=50").json()["items"];
  for (const json& r : reads) EXPECT_NE(r["resource_type"], "plan_pdf") << r;
}

TEST_P(PlanPdfApiTest, PartnerPrintsOnlyWhatItsJsonShows) {
  As("partner");  // GGD: involved, nothing shared: only its own action
  const std::string pdf = PdfText();
  ExpectSameAsJson(pdf);
  EXPECT_EQ(Count(pdf, "Intake bij de GGD"), 1U) << pdf;
  EXPECT_GE(Count(pdf, "niet met u gedeeld"), 1U);
  EXPECT_EQ(Count(pdf, "Vrijwilligerswerk"), 0U);
  EXPECT_EQ(Count(pdf, "Zwemdiploma"), 0U);
  EXPECT_EQ(Count(pdf, "2 doel(en) staan er niet in"), 1U);
}

TEST_P(PlanPdfApiTest, BegeleiderPrintsOnlyWhatItsJsonShows) {
  ASSERT_EQ(Put(home_ + "/assignments",
                {{"begeleiders", {UserId("begeleider")}}, {"vrijwilligers", json::array()}})
                .status,
            200U);
  As("begeleider");
  const std::string pdf = PdfText("?lang=nl");
  ExpectSameAsJson(pdf);
  EXPECT_EQ(Count(pdf, "Ingeschreven bij een huisarts"), 0U);  // health is not shared
  EXPECT_EQ(Count(pdf, "Intake bij de GGD"), 0U);
  EXPECT_GE(Count(pdf, "Vrijwilligerswerk gevonden"), 1U);

  As("vrijwilliger");  // not assigned to the plan: volunteers never read it
  EXPECT_EQ(Get(home_ + "/plan.pdf").status, 403U);
  // Assigned, a volunteer reads the household but no plan: refused, and
  // the refusal is audited as the export it was.
  As("regisseur");
  ASSERT_EQ(Put(home_ + "/assignments", {{"begeleiders", {UserId("begeleider")}},
                                         {"vrijwilligers", {UserId("vrijwilliger")}}})
                .status,
            200U);
  As("vrijwilliger");
  EXPECT_EQ(Get(home_ + "/plan.pdf").status, 403U);
  As("auditor");
  const std::string exports = Base(tenant_a_) + "/audit?action=export&limit=50";
  ASSERT_EQ(Get(exports).status, 200U);  // lets queued records settle
  const json denied = Get(exports).json()["items"];
  int refusals = 0;
  for (const json& r : denied)
    if (r["outcome"] == "denied" && r["user"]["id"] == UserId("vrijwilliger") &&
        r["household_id"] == household_["id"])
      ++refusals;
  EXPECT_EQ(refusals, 2) << denied.dump();  // no relationship, then no plan
}

TEST_P(PlanPdfApiTest, OlderVersionsEnglishAndBadQueries) {
  json plan = Get(home_ + "/plan").json();
  json goals = plan["goals"];
  for (json& g : goals) {
    g.erase("restricted");
    for (json& a : g["actions"]) a.erase("can_update");
  }
  goals[1]["text"] = "Betaald werk gevonden";
  ASSERT_EQ(Put(home_ + "/plan", {{"version", 1}, {"goals", goals}}).status, 200U);

  std::string current = PdfText();
  EXPECT_GE(Count(current, "Betaald werk gevonden"), 1U);
  EXPECT_GE(Count(current, "versie 2"), 1U);
  std::string first = PdfText("?version=1");
  EXPECT_GE(Count(first, "Vrijwilligerswerk gevonden"), 1U);
  EXPECT_EQ(Count(first, "Betaald werk"), 0U);
  EXPECT_EQ(Get(home_ + "/plan.pdf?version=1").header("content-disposition"),
            "attachment; filename=\"plan-" + std::to_string(household_["id"].get<int64_t>()) +
                "-v1.pdf\"");

  std::string english = PdfText("?lang=en&version=2");
  for (const char* expected : {"This is your plan", "What do you want to achieve?",
                               "Who does what?", "Page 1 of ", "Betaald werk gevonden"})
    EXPECT_GE(Count(english, expected), 1U) << expected;

  HttpResult r = Get(home_ + "/plan.pdf?version=9");
  EXPECT_EQ(r.status, 404U);
  EXPECT_EQ(r.json()["code"], "plan_version_not_found");
  EXPECT_EQ(Get(home_ + "/plan.pdf?version=zero").json()["code"], "bad_request");
  EXPECT_EQ(Get(home_ + "/plan.pdf?lang=de").json()["code"], "bad_request");
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanPdfApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
