// The half-year progress report over HTTP on both backends: narrative
// texts saved against their version (409 on a stale save, nothing
// changed), a partner writing and seeing only its own organisation's
// contribution until the report is final, finalising (by beleid) freezing
// the report with its stamp, the PDF and HTML downloads (audited as
// exports) and refused roles.
#include "api_fixture.h"
#include "render/pdf_test_util.h"

namespace regie::testing {
namespace {

using nlohmann::json;

class ReportsApiTest : public ApiTest {
 protected:
  std::string Report(const std::string& period = "2026H1") const {
    return Base(tenant_a_) + "/reports/" + period;
  }
  HttpResult Save(const std::string& section, int64_t version, const std::string& text,
                  json organisation = nullptr, const std::string& period = "2026H1") {
    json body = {{"version", version}, {"text", text}};
    if (!organisation.is_null()) body["organisation_id"] = organisation;
    return Put(Report(period) + "/sections/" + section, body);
  }
  // The texts of one section in a report JSON.
  static json Texts(const json& report, const std::string& section) {
    for (const json& s : report["sections"])
      if (s["section"] == section) return s["texts"];
    return json();
  }
  size_t AuditCount(const std::string& resource_type, const std::string& action) {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kRead)).value();
    ports::AuditQuery q;
    q.tenant_id = tenant_a_;
    q.limit = 500;
    auto records = tx->Audit().Find(q);
    EXPECT_TRUE(records.ok());
    size_t n = 0;
    for (const core::AuditRecord& r : *records)
      if (r.resource_type == resource_type && r.action == action && r.outcome == "allowed") ++n;
    return n;
  }
};

TEST_P(ReportsApiTest, SavesTextsAgainstTheirVersionAndRefusesAStaleSave) {
  HttpResult r = Get(Report());
  ASSERT_EQ(r.status, 200U) << r.body;
  json report = r.json();
  EXPECT_EQ(report["status"], "concept");
  EXPECT_EQ(report["reference_date"], "2026-06-30");
  EXPECT_EQ(report["access"]["write"], true);
  EXPECT_EQ(report["access"]["finalise"], true);
  // A first half-year has no financial section.
  EXPECT_TRUE(Texts(report, "financieel").is_null());
  ASSERT_EQ(Texts(report, "wat_gaat_goed").size(), 1u);
  EXPECT_EQ(Texts(report, "wat_gaat_goed")[0]["version"], 0);

  r = Save("wat_gaat_goed", 0, "De taalcafés lopen goed.");
  ASSERT_EQ(r.status, 200U) << r.body;
  EXPECT_EQ(r.json()["version"], 1);
  EXPECT_EQ(r.json()["saved_by"]["id"], UserId("regisseur"));
  r = Save("wat_gaat_goed", 1, "De taalcafés lopen heel goed.");
  ASSERT_EQ(r.status, 200U) << r.body;
  // Someone who started from version 1 too is refused, and nothing changes.
  As("beleid");
  r = Save("wat_gaat_goed", 1, "Oude tekst");
  ASSERT_EQ(r.status, 409U) << r.body;
  EXPECT_EQ(r.json()["code"], "report_version_conflict");
  EXPECT_EQ(r.json()["current_version"], 2);
  report = Get(Report()).json();
  EXPECT_EQ(Texts(report, "wat_gaat_goed")[0]["text"], "De taalcafés lopen heel goed.");
  EXPECT_EQ(Texts(report, "wat_gaat_goed")[0]["version"], 2);
  EXPECT_EQ(AuditCount("progress_report", "update"), 2u);

  // Bad input: 4xx with a code, nothing stored.
  r = Save("financieel", 0, "Geld");
  EXPECT_EQ(r.status, 422U) << r.body;
  r = Save("wat_gaat_goed", 2, std::string(20001, 'a'));
  EXPECT_EQ(r.status, 422U) << r.body;
  r = Save("trends", 0, "x", 12345);
  EXPECT_EQ(r.status, 422U) << r.body;
  r = Save("geen_onderdeel", 0, "x");
  EXPECT_EQ(r.status, 404U) << r.body;
  EXPECT_EQ(Get(Base(tenant_a_) + "/reports/2026H3").status, 404U);
  EXPECT_EQ(Get(Base(tenant_a_) + "/reports/2026H3").json()["code"], "report_period_not_found");
  r = Save("financieel", 0, "Begroting", nullptr, "2026H2");
  EXPECT_EQ(r.status, 200U) << r.body;
  r = Get(Base(tenant_a_) + "/reports");
  ASSERT_EQ(r.status, 200U);
  ASSERT_EQ(r.json()["items"].size(), 2u);
  EXPECT_EQ(r.json()["items"][0]["period"], "2026H2");
}

TEST_P(ReportsApiTest, PartnerWritesAndSeesOnlyItsOwnContributionUntilFinal) {
  ASSERT_EQ(Save("wat_gaat_goed", 0, "Intern: goed").status, 200U);
  ASSERT_EQ(Save("netwerkpartners", 0, "Inleiding van de regievoerder").status, 200U);
  As("partner");
  HttpResult r = Save("netwerkpartners", 0, "GGD: de gezondheidsintakes lopen op tijd.");
  ASSERT_EQ(r.status, 200U) << r.body;
  EXPECT_EQ(r.json()["organisation_id"], org_a_ggd_);
  // Not another section, not another organisation's text, never finalise.
  EXPECT_EQ(Save("wat_gaat_goed", 1, "Overschreven").status, 403U);
  EXPECT_EQ(Save("netwerkpartners", 0, "Namens VWN", org_a_vwn_).status, 403U);
  EXPECT_EQ(Save("netwerkpartners", 1, "Namens de gemeente", 0).status, 403U);
  EXPECT_EQ(Post(Report() + "/finalise", json::object()).status, 403U);
  EXPECT_EQ(Get(Report() + ".pdf").status, 403U);
  json report = Get(Report()).json();
  ASSERT_EQ(report["sections"].size(), 1u) << report;
  const json texts = Texts(report, "netwerkpartners");
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0]["text"], "GGD: de gezondheidsintakes lopen op tijd.");
  EXPECT_EQ(report["access"]["all_sections"], false);
  EXPECT_EQ(report["access"]["finalise"], false);
  EXPECT_EQ(report.dump().find("Intern: goed"), std::string::npos);
  EXPECT_EQ(report.dump().find("Inleiding van de regievoerder"), std::string::npos);

  // The regisseur sees every contribution.
  As("regisseur");
  report = Get(Report()).json();
  ASSERT_EQ(Texts(report, "netwerkpartners").size(), 2u);
  EXPECT_EQ(Texts(report, "netwerkpartners")[0]["organisation_id"], 0);
  EXPECT_EQ(Texts(report, "netwerkpartners")[1]["organisation_name"], "GGD Zuid-Holland Zuid");

  // Once final, the partner reads and downloads the whole report.
  As("beleid");
  ASSERT_EQ(Post(Report() + "/finalise", json::object()).status, 200U);
  As("partner");
  report = Get(Report()).json();
  EXPECT_EQ(report["access"]["all_sections"], true);
  EXPECT_EQ(Texts(report, "wat_gaat_goed")[0]["text"], "Intern: goed");
  EXPECT_EQ(Get(Report() + ".pdf").status, 200U);
}

// Final is for good, so a half-year can be made final only once it is
// over: the running one (or a later one) is refused and stays a concept.
TEST_P(ReportsApiTest, AHalfYearNotEndedCannotBeFinalised) {
  const std::string running = clock_->Today().month() <= 6
                                  ? std::to_string(clock_->Today().year()) + "H1"
                                  : std::to_string(clock_->Today().year()) + "H2";
  As("beleid");
  for (const std::string& period : {running, std::string("2099H1")}) {
    HttpResult r = Post(Report(period) + "/finalise", json::object());
    ASSERT_EQ(r.status, 409U) << period << ": " << r.body;
    EXPECT_EQ(r.json()["code"], "period_not_ended");
    EXPECT_EQ(Get(Report(period)).json()["status"], "concept");
  }
}

TEST_P(ReportsApiTest, FinalisedReportIsFrozenWithItsStampAndDownloads) {
  ASSERT_EQ(Save("trends", 0, "Meer nareizigers dan verwacht.").status, 200U);
  As("beleid");
  HttpResult r = Post(Report() + "/finalise", json::object());
  ASSERT_EQ(r.status, 200U) << r.body;
  json report = r.json();
  EXPECT_EQ(report["status"], "definitief");
  EXPECT_EQ(report["finalised_by"]["id"], UserId("beleid"));
  EXPECT_EQ(report["stamp"]["reference_date"], "2026-06-30");
  EXPECT_EQ(report["stamp"]["snapshot"].get<std::string>().rfind("tenant_changes:", 0), 0u);
  EXPECT_EQ(report["access"]["write"], false);
  // Frozen: no save, no second finalise.
  r = Save("trends", 1, "Later bijgewerkt");
  EXPECT_EQ(r.status, 409U);
  EXPECT_EQ(r.json()["code"], "report_finalised");
  As("regisseur");
  r = Save("activiteiten", 0, "Nieuw");
  EXPECT_EQ(r.status, 409U);
  EXPECT_EQ(Post(Report() + "/finalise", json::object()).status, 409U);
  EXPECT_EQ(Texts(Get(Report()).json(), "trends")[0]["text"], "Meer nareizigers dan verwacht.");

  r = Get(Report() + ".pdf?lang=nl");
  ASSERT_EQ(r.status, 200U) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/pdf");
  EXPECT_NE(r.header("content-disposition").find("voortgangsrapportage-GM0523-2026H1.pdf"),
            std::string::npos);
  std::string all;
  for (const std::string& p : render::testing::PdfPages(r.body)) all += p + "\n";
  EXPECT_NE(all.find("Definitief"), std::string::npos);
  EXPECT_NE(all.find("Meer nareizigers dan verwacht."), std::string::npos);
  EXPECT_NE(all.find(report["stamp"]["snapshot"].get<std::string>()), std::string::npos);
  r = Get(Report() + ".html?lang=en");
  ASSERT_EQ(r.status, 200U);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_EQ(r.body.find("<script"), std::string::npos);
  r = Get(Report() + ".xlsx");
  ASSERT_EQ(r.status, 200U) << r.body.substr(0, 300);
  EXPECT_EQ(r.header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(r.header("content-disposition").find("voortgangsrapportage-GM0523-2026H1.xlsx"),
            std::string::npos);
  const std::string workbook = XlsxPart(r.body, "xl/workbook.xml");
  const std::string strings = XlsxPart(r.body, "xl/sharedStrings.xml");
  EXPECT_NE(workbook.find("name=\"Rapport\""), std::string::npos) << workbook;
  EXPECT_NE(strings.find("Meer nareizigers dan verwacht."), std::string::npos);
  EXPECT_NE(strings.find(report["stamp"]["snapshot"].get<std::string>()), std::string::npos);
  EXPECT_EQ(Get(Report() + ".pdf?lang=fr").status, 400U);
  EXPECT_EQ(AuditCount("progress_report_pdf", "export"), 1u);
  EXPECT_EQ(AuditCount("progress_report_html", "export"), 1u);
  EXPECT_EQ(AuditCount("progress_report_xlsx", "export"), 1u);
}

// A final report keeps the figures it was finalised with: data recorded
// afterwards (here a whole household housed in the period) changes the
// dashboard, never the report a council received.
TEST_P(ReportsApiTest, FinalReportKeepsItsFiguresWhenTheDataChangesLater) {
  CreateHousehold("Haddad", {PersonBody("Rania", "Haddad")});
  As("beleid");
  ASSERT_EQ(Post(Report() + "/finalise", json::object()).status, 200U);
  const HttpResult html = Get(Report() + ".html?lang=nl");
  const HttpResult xlsx = Get(Report() + ".xlsx");
  ASSERT_EQ(html.status, 200U);
  ASSERT_EQ(xlsx.status, 200U);

  // Seven more persons housed in the period: every count of the report
  // would change if it were computed again.
  json persons = json::array();
  for (int i = 0; i < 7; ++i) persons.push_back(PersonBody("Kind" + std::to_string(i), "Yusuf"));
  CreateHousehold("Yusuf", persons);
  As("regisseur");
  HttpResult now = Get(Base(tenant_a_) + "/indicators?on=2026-06-30");
  ASSERT_EQ(now.status, 200U) << now.body;
  EXPECT_EQ(now.json()["persons"]["value"], 8) << "the live figures see the new household";

  As("beleid");
  EXPECT_EQ(Get(Report() + ".html?lang=nl").body, html.body);
  EXPECT_EQ(XlsxPart(Get(Report() + ".xlsx").body, "xl/sharedStrings.xml"),
            XlsxPart(xlsx.body, "xl/sharedStrings.xml"));
  // A concept report is computed from the data as it stands.
  EXPECT_NE(Get(Report("2026H2") + ".html?lang=nl").body.find("Concept"), std::string::npos);
}

TEST_P(ReportsApiTest, RefusedRolesAndOtherTenants) {
  for (const char* role : {"begeleider", "vrijwilliger", "beheer", "auditor"}) {
    As(role);
    EXPECT_EQ(Get(Report()).status, 403U) << role;
    EXPECT_EQ(Save("trends", 0, "x").status, 403U) << role;
    EXPECT_EQ(Post(Report() + "/finalise", json::object()).status, 403U) << role;
    EXPECT_EQ(Get(Report() + ".html").status, 403U) << role;
  }
  As("regisseur");
  EXPECT_EQ(Get(Base(tenant_b_) + "/reports/2026H1").status, 404U);
  EXPECT_EQ(Get(Base(tenant_b_) + "/reports/2026H1.pdf").status, 404U);
  As("regisseur_b");
  EXPECT_EQ(Save("trends", 0, "Andere gemeente").status, 404U);
  // Nothing of it was stored.
  As("regisseur");
  EXPECT_EQ(Texts(Get(Report()).json(), "trends")[0]["version"], 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportsApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
