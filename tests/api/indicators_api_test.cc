// The indicator dashboard over real HTTP, on both backends: the regisseur
// sees exact counts, the beleid role suppressed ones (no count 1..4
// anywhere), everyone else is refused; exports are suppressed for everyone;
// every read and export is audited; a change of the data is seen at once.
#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

constexpr const char* kIndicator = "wi2021.ind_pip_op_tijd";

// Every count object ({"value": n}) is 0 or at least 5; returns how many.
int ExpectNoSmallCount(const json& j, const std::string& path = "") {
  int counts = 0;
  if (j.is_object()) {
    if (j.contains("value") && j["value"].is_number_integer()) {
      ++counts;
      const int64_t v = j["value"].get<int64_t>();
      EXPECT_TRUE(v == 0 || v >= 5) << path << ": " << j.dump();
    }
    for (const auto& item : j.items())
      counts += ExpectNoSmallCount(item.value(), path + "/" + item.key());
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i)
      counts += ExpectNoSmallCount(j[i], path + "/" + std::to_string(i));
  }
  return counts;
}

class IndicatorsApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    As("beheer");
    HttpResult r =
        Put(Base(tenant_a_) + "/policy/activations",
            {{"activations", {{{"pack_id", "nl-wet-inburgering-2021"}, {"from", "2022-01-01"}}}}});
    ASSERT_EQ(r.status, 200U) << r.body;
    As("regisseur");
    // Nine adults with DUO's notice; seven got their PIP in time, two
    // (in wijk Noord) have none: 7 of 9 on time overall.
    int n = 0;
    for (const char* name : {"Tesfay", "Haddad", "Yusuf"}) {
      json persons = json::array();
      for (int i = 0; i < 3; ++i) {
        json p = PersonBody("Persoon" + std::to_string(n), name, TestBsn(100 + n));
        if (n >= 7) p["address"]["wijk"] = "Noord";
        persons.push_back(p);
        ++n;
      }
      json h = CreateHousehold(name, persons);
      for (const json& p : h["persons"]) person_ids_.push_back(p["id"]);
    }
    ASSERT_EQ(person_ids_.size(), 9U);
    for (size_t i = 0; i < person_ids_.size(); ++i) {
      ASSERT_EQ(Event(person_ids_[i], "duo_kennisgeving", "2025-02-01"), 201U);
      if (i < 7) {
        ASSERT_EQ(Event(person_ids_[i], "pip_vastgesteld", "2025-03-01"), 201U);
      }
    }
  }

  unsigned Event(int64_t person, const std::string& event, const std::string& date) {
    HttpResult r = Post(Base(tenant_a_) + "/persons/" + std::to_string(person) + "/events",
                        {{"event", event}, {"date", date}});
    EXPECT_EQ(r.status, 201U) << r.body;
    return r.status;
  }

  static const json& Indicator(const json& view) {
    for (const json& i : view["indicators"])
      if (i["id"] == kIndicator) return i;
    static const json kNone = json::object();
    ADD_FAILURE() << "no indicator " << kIndicator;
    return kNone;
  }
  static json Cells(const json& indicator, const std::string& breakdown) {
    for (const json& b : indicator["breakdowns"])
      if (b["breakdown"] == breakdown) return b["cells"];
    return json::array();
  }

  // Audit records of the current tenant with resource type "indicators".
  std::vector<json> IndicatorAudit(const std::string& action) {
    const Login* before = as_;
    As("auditor");
    const std::string url = Base(tenant_a_) + "/audit?action=" + action + "&limit=500";
    EXPECT_EQ(Get(url).status, 200U);  // lets queued records settle
    std::vector<json> out;
    const json items = Get(url).json()["items"];
    for (const json& r : items)
      if (r["resource_type"] == "indicators") out.push_back(r);
    as_ = before;
    return out;
  }

  std::string Url(const std::string& rest = "") const {
    return Base(tenant_a_) + "/indicators" + rest;
  }

  std::vector<int64_t> person_ids_;
};

TEST_P(IndicatorsApiTest, RegisseurSeesExactFiguresWithIntervalsAndTheStamp) {
  HttpResult r = Get(Url());
  ASSERT_EQ(r.status, 200U) << r.body;
  const json view = r.json();
  EXPECT_EQ(view["audience"], "case_team");
  EXPECT_FALSE(view["suppressed"].get<bool>());
  EXPECT_EQ(view["stamp"]["reference_date"], "2026-11-23");
  EXPECT_EQ(view["stamp"]["packs"][0]["id"], "nl-wet-inburgering-2021");
  EXPECT_EQ(view["stamp"]["snapshot"].get<std::string>().rfind("tenant_changes:", 0), 0U);
  EXPECT_EQ(view["persons"]["value"], 9);

  const json& ind = Indicator(view);
  EXPECT_EQ(ind["label"]["nl"], "PIP tijdig vastgesteld");
  EXPECT_EQ(ind["theme"], "Inburgering");
  EXPECT_EQ(ind["target_percent"], 100.0);
  const json total = Cells(ind, "totaal")[0];
  EXPECT_EQ(total["satisfied"]["value"], 7);
  EXPECT_EQ(total["not_satisfied"]["value"], 2);
  EXPECT_DOUBLE_EQ(total["percent"].get<double>(), 77.8);
  // Wilson 7 of 9: [45.3%, 93.7%]; the 100% target lies above it.
  EXPECT_DOUBLE_EQ(total["interval"]["lower"].get<double>(), 45.3);
  EXPECT_DOUBLE_EQ(total["interval"]["upper"].get<double>(), 93.7);
  EXPECT_EQ(total["target_status"], "uit_koers");
  EXPECT_EQ(ind["judgement"]["status"], "uit_koers");
  EXPECT_FALSE(ind["judgement"]["rule"]["nl"].get<std::string>().empty());

  bool noord = false;
  for (const json& c : Cells(ind, "wijk"))
    if (c["values"][0] == "Noord") {
      noord = true;
      EXPECT_EQ(c["satisfied"]["value"], 0);
      EXPECT_EQ(c["not_satisfied"]["value"], 2);
    }
  EXPECT_TRUE(noord);
  EXPECT_TRUE(view["labels"]["wijk"].is_array());
  EXPECT_TRUE(view["survival"].is_array());
  EXPECT_TRUE(view["ladder"].contains("available"));

  // An earlier reference date: before DUO's notices nobody is in the population.
  HttpResult early = Get(Url("?on=2025-01-15"));
  ASSERT_EQ(early.status, 200U) << early.body;
  EXPECT_EQ(early.json()["stamp"]["reference_date"], "2025-01-15");
  const json early_total = Cells(Indicator(early.json()), "totaal");
  if (!early_total.empty()) {
    EXPECT_EQ(early_total[0]["satisfied"]["value"], 0);
  }
}

TEST_P(IndicatorsApiTest, BeleidSeesNoSmallCountAnywhere) {
  As("beleid");
  HttpResult r = Get(Url());
  ASSERT_EQ(r.status, 200U) << r.body;
  const json view = r.json();
  EXPECT_EQ(view["audience"], "beleid");
  EXPECT_TRUE(view["suppressed"].get<bool>());
  EXPECT_GT(ExpectNoSmallCount(view), 10);
  const json total = Cells(Indicator(view), "totaal")[0];
  EXPECT_EQ(total["satisfied"]["value"], 7);
  EXPECT_EQ(total["not_satisfied"], (json{{"text", "<5"}, {"state", "below_threshold"}}));
  EXPECT_TRUE(total["percent"].is_null());
  EXPECT_TRUE(total["interval"].is_null());
  EXPECT_TRUE(Indicator(view)["judgement"].is_null());
  // Nor in the raw body: no "value" of 1 to 4.
  for (int v = 1; v <= 4; ++v)
    EXPECT_EQ(r.body.find("\"value\":" + std::to_string(v) + "}"), std::string::npos) << v;
}

TEST_P(IndicatorsApiTest, EveryoneElseIsRefusedAndAnotherTenantIsNotFound) {
  for (const char* user : {"begeleider", "partner", "vrijwilliger", "beheer", "auditor"}) {
    As(user);
    HttpResult r = Get(Url());
    EXPECT_EQ(r.status, 403U) << user;
    EXPECT_EQ(r.json()["code"], "forbidden") << user;
    HttpResult e = Get(Url("/export?format=csv"));
    EXPECT_EQ(e.status, 403U) << user;
  }
  As("regisseur_b");
  HttpResult other = Get(Url());
  EXPECT_EQ(other.status, 404U);
  EXPECT_EQ(other.json()["code"], "tenant_not_found");
  As("beleid");
  EXPECT_EQ(Get(Base(tenant_b_) + "/indicators").status, 404U);
  EXPECT_EQ(SendHttp(port_, "GET", Url()).status, 401U);

  const std::vector<json> denied = IndicatorAudit("read");
  int refusals = 0;
  for (const json& d : denied)
    if (d["outcome"] == "denied") ++refusals;
  EXPECT_GE(refusals, 5);
}

TEST_P(IndicatorsApiTest, BadQueriesAreRefusedWithFieldErrors) {
  HttpResult future = Get(Url("?on=2027-01-01"));
  EXPECT_EQ(future.status, 422U);
  EXPECT_EQ(future.json()["errors"][0]["field"], "on");
  EXPECT_EQ(future.json()["errors"][0]["code"], "date_in_future");
  EXPECT_EQ(Get(Url("?on=23-11-2026")).status, 422U);
  EXPECT_EQ(Get(Url("?wijk=Noord")).status, 422U);
  HttpResult format = Get(Url("/export"));
  EXPECT_EQ(format.status, 422U);
  EXPECT_EQ(format.json()["errors"][0]["field"], "format");
  EXPECT_EQ(Get(Url("/export?format=pdf")).status, 422U);
  EXPECT_EQ(Get(Url("/export?format=csv&breakdown=postcode")).status, 422U);
  EXPECT_EQ(Get(Url("/export?format=csv&breakdown=wijk,kern")).status, 422U);
  HttpResult unknown = Get(Url("/export?format=csv&indicator=bestaat_niet"));
  EXPECT_EQ(unknown.status, 404U);
  EXPECT_EQ(unknown.json()["code"], "indicator_not_found");
}

TEST_P(IndicatorsApiTest, ExportsAreSuppressedEvenForTheRegisseurAndAudited) {
  HttpResult csv = Get(Url("/export?format=csv&indicator=") + kIndicator + "&breakdown=totaal");
  ASSERT_EQ(csv.status, 200U) << csv.body;
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.header("content-disposition"),
            "attachment; filename=\"indicatoren-2026-11-23-wi2021ind_pip_op_tijd.csv\"");
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  // The total: 7 satisfied, "<5" not satisfied, no percentage.
  EXPECT_NE(csv.body.find(";totaal;totaal;;7;<5;"), std::string::npos) << csv.body;
  EXPECT_EQ(csv.body.find(";7;2;"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("nl-wet-inburgering-2021 v"), std::string::npos);

  HttpResult all = Get(Url("/export?format=csv&breakdown=wijk&breakdown=cohort,wijk"));
  ASSERT_EQ(all.status, 200U) << all.body;
  EXPECT_NE(all.body.find(";wijk;Noord;;0;<5;"), std::string::npos) << all.body;
  EXPECT_NE(all.body.find(";cohort,wijk;"), std::string::npos);
  EXPECT_EQ(all.body.find(";Inburgering;totaal;"), std::string::npos);

  As("beleid");
  HttpResult xlsx = Get(Url("/export?format=xlsx"));
  ASSERT_EQ(xlsx.status, 200U) << xlsx.body.substr(0, 300);
  EXPECT_EQ(xlsx.header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.header("content-disposition"),
            "attachment; filename=\"indicatoren-2026-11-23.xlsx\"");
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  const std::string workbook = XlsxPart(xlsx.body, "xl/workbook.xml");
  const std::string strings = XlsxPart(xlsx.body, "xl/sharedStrings.xml");
  EXPECT_NE(workbook.find("name=\"PIP tijdig vastgesteld\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"Bron\""), std::string::npos) << workbook;
  EXPECT_NE(strings.find("&lt;5"), std::string::npos);
  EXPECT_NE(strings.find("tenant_changes:"), std::string::npos);
  // Created at the injected clock's time, not the time of writing: the same
  // figures at the same moment are the same file.
  const std::string core_xml = XlsxPart(xlsx.body, "docProps/core.xml");
  EXPECT_NE(core_xml.find("W3CDTF\">2026-11-23T12:"), std::string::npos) << core_xml;

  const std::vector<json> exports = IndicatorAudit("export");
  ASSERT_EQ(exports.size(), 3U);
  for (const json& e : exports) {
    EXPECT_EQ(e["outcome"], "allowed");
    EXPECT_EQ(e["resource_id"], "2026-11-23");
    EXPECT_TRUE(e["person_id"].is_null());
    EXPECT_TRUE(e["household_id"].is_null());
    EXPECT_EQ(e["purpose"].get<std::string>().rfind("export_suppressed", 0), 0U) << e.dump();
  }
  EXPECT_EQ(exports[0]["user"]["id"], UserId("beleid"));  // newest first
  EXPECT_NE(exports[0]["purpose"].get<std::string>().find("xlsx"), std::string::npos);
}

TEST_P(IndicatorsApiTest, EveryReadIsAuditedAndAChangeIsSeenAtOnce) {
  ASSERT_EQ(Get(Url()).status, 200U);
  ASSERT_EQ(Get(Url()).status, 200U);  // from the cache
  As("beleid");
  ASSERT_EQ(Get(Url()).status, 200U);
  As("regisseur");

  // A late PIP for one of the two: still not on time, but no longer missing.
  ASSERT_EQ(Event(person_ids_[7], "pip_vastgesteld", "2025-09-01"), 201U);
  HttpResult after = Get(Url());
  ASSERT_EQ(after.status, 200U);
  EXPECT_NE(after.json()["stamp"]["snapshot"], nullptr);
  // The other one too: the counter moved, so the figures are recomputed.
  ASSERT_EQ(Event(person_ids_[8], "pip_vastgesteld", "2025-10-01"), 201U);
  HttpResult again = Get(Url());
  ASSERT_EQ(again.status, 200U);
  EXPECT_NE(again.json()["stamp"]["snapshot"], after.json()["stamp"]["snapshot"]);

  const std::vector<json> reads = IndicatorAudit("read");
  int regisseur = 0, beleid = 0;
  for (const json& r : reads) {
    if (r["outcome"] != "allowed") continue;
    EXPECT_TRUE(r["person_id"].is_null());
    EXPECT_TRUE(r["household_id"].is_null());
    EXPECT_EQ(r["tenant_id"], tenant_a_);
    if (r["user"]["id"] == UserId("regisseur")) {
      ++regisseur;
      EXPECT_EQ(r["purpose"], "case_team_exact");
    }
    if (r["user"]["id"] == UserId("beleid")) {
      ++beleid;
      EXPECT_EQ(r["purpose"], "beleid_suppressed");
    }
  }
  EXPECT_EQ(regisseur, 4);
  EXPECT_EQ(beleid, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorsApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
