// The audit log over real HTTP: what each kind of call leaves in it, the
// auditor's filters, pages and CSV export, and that tampering with the
// stored chain (by someone who can drop the append-only triggers) is found.
#include <set>

#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

constexpr int64_t kDay = 86'400'000'000;

// What `regie audit verify` reports (src/app/admin_commands.cc), computed
// over the test database with the same verifier.
struct ChainReport {
  bool intact = false;
  int64_t checked = 0;
  int64_t broken_seq = 0;
  std::string problem;
};

class AuditApiTest : public ApiTest {
 protected:
  // The auditor's view of the log for `query`. Refusals are queued rather
  // than awaited, so a first request (logged itself, and answered only once
  // everything queued before it is committed) lets those settle.
  json Audit(const std::string& query = "") {
    const Login* before = as_;
    As("auditor");
    const std::string url = Base(tenant_a_) + "/audit" + (query.empty() ? "" : "?" + query);
    EXPECT_EQ(Get(url).status, 200U);
    HttpResult r = Get(url);
    as_ = before;
    EXPECT_EQ(r.status, 200U) << r.body;
    return r.json();
  }
  // The newest record of `action` on `resource_type`, as the auditor sees it.
  json Last(const std::string& action, const std::string& resource_type,
            const std::string& extra = "") {
    json page = Audit("action=" + action + (extra.empty() ? "" : "&" + extra));
    for (const json& r : page["items"])
      if (r["resource_type"] == resource_type) return r;
    ADD_FAILURE() << "no " << action << " " << resource_type << " record in " << page.dump();
    return json::object();
  }
  std::string HouseholdUrl(const json& h) {
    return Base(tenant_a_) + "/households/" + std::to_string(h["id"].get<int64_t>());
  }
  std::string PersonUrl(const json& p) {
    return Base(tenant_a_) + "/persons/" + std::to_string(p["id"].get<int64_t>());
  }

  ChainReport VerifyChain() {
    ChainReport out;
    core::AuditChainVerifier verifier([this](std::string_view d) { return crypto_->Digest(d); });
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kRead)).value();
    int64_t after = 0;
    bool intact = true;
    while (intact) {
      std::vector<core::AuditRecord> page = *tx->Audit().Scan(after, 100);
      if (page.empty()) break;
      for (const core::AuditRecord& r : page)
        if (!(intact = verifier.Add(r))) break;
      after = page.back().seq;
    }
    ports::AuditHead head = *tx->Audit().Head();
    if (intact) intact = verifier.Finish(head.seq, head.hash);
    out.intact = intact;
    out.checked = verifier.checked();
    out.broken_seq = verifier.broken_seq();
    out.problem = verifier.problem();
    return out;
  }

  // Some traffic of every kind; returns the number of records in the chain.
  int64_t Traffic() {
    json h = CreateHousehold(
        "Haddad", {PersonBody("Amal", "Haddad", "111222333"), PersonBody("Omar", "Haddad")});
    EXPECT_EQ(Get(HouseholdUrl(h)).status, 200U);
    EXPECT_EQ(Get(PersonUrl(h["persons"][0])).status, 200U);
    As("partner");
    EXPECT_EQ(Get(PersonUrl(h["persons"][0])).status, 403U);  // nothing shared: refused
    As("regisseur");
    EXPECT_EQ(Get(Base(tenant_a_) + "/households").status, 200U);  // settles the refusal
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kRead)).value();
    return tx->Audit().Head()->seq;
  }

  // Runs SQL as someone with direct database access.
  void Tamper(const std::string& sql) {
    StatusOr<std::vector<std::string>> r = test_db_->RunSql(sql);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  std::string DropTrigger(const std::string& name) {
    return "DROP TRIGGER " + name + (GetParam() == "postgresql" ? " ON audit_log; " : "; ");
  }
};

TEST_P(AuditApiTest, ReadsAreLoggedWithTheCategoriesShown) {
  json h = CreateHousehold("Haddad", {PersonBody("Amal", "Haddad", "111222333")});
  const int64_t hid = h["id"], pid = h["persons"][0]["id"];
  ASSERT_EQ(Get(HouseholdUrl(h)).status, 200U);
  const std::string read_at = clock_->Now().ToString();
  json read = Last("read", "household", "household_id=" + std::to_string(hid));
  EXPECT_EQ(read["user"]["id"], UserId("regisseur"));
  EXPECT_EQ(read["user"]["display_name"], "Test regisseur");
  EXPECT_EQ(read["organisation_id"], org_a_gem_);
  EXPECT_EQ(read["tenant_id"], tenant_a_);
  EXPECT_EQ(read["resource_id"], std::to_string(hid));
  EXPECT_EQ(read["outcome"], "allowed");
  EXPECT_EQ(read["purpose"], "regisseur_of_household");
  EXPECT_EQ(read["categories"].size(), 9U);
  EXPECT_EQ(read["break_glass"], false);
  EXPECT_EQ(read["at"], read_at);
  EXPECT_EQ(read["client_ip"], "127.0.0.1");

  // A volunteer reads the same person: only names and contact are logged as shown.
  ASSERT_EQ(Put(HouseholdUrl(h) + "/assignments",
                {{"begeleiders", json::array()}, {"vrijwilligers", {UserId("vrijwilliger")}}})
                .status,
            200U);
  As("vrijwilliger");
  ASSERT_EQ(Get(PersonUrl(h["persons"][0])).status, 200U);
  json person = Last("read", "person", "user_id=" + std::to_string(UserId("vrijwilliger")));
  EXPECT_EQ(person["person_id"], pid);
  EXPECT_EQ(person["household_id"], hid);
  EXPECT_EQ(person["categories"], json({"basis", "contact"}));
  EXPECT_EQ(person["purpose"], "assigned_vrijwilliger");

  // A partner of an involved organisation without a basis sees the household
  // but no person: the log says nothing was shown.
  As("partner");
  ASSERT_EQ(Get(HouseholdUrl(h)).status, 200U);
  json partner = Last("read", "household", "user_id=" + std::to_string(UserId("partner")));
  EXPECT_EQ(partner["categories"], json::array());
  EXPECT_EQ(partner["purpose"], "involved_organisation");

  ASSERT_EQ(Get(Base(tenant_a_) + "/households?q=had").status, 200U);
  json list = Last("list", "household", "user_id=" + std::to_string(UserId("partner")));
  EXPECT_EQ(list["household_id"], nullptr);
  EXPECT_EQ(list["categories"], json({"basis"}));
}

TEST_P(AuditApiTest, WritesAreLoggedInTheirOwnTransaction) {
  json h = CreateHousehold("Haddad", {PersonBody("Amal", "Haddad", "111222333")});
  json created = Last("create", "household");
  EXPECT_EQ(created["resource_id"], std::to_string(h["id"].get<int64_t>()));
  EXPECT_EQ(created["at"], h["created_at"]);

  json update = PersonBody("Amal", "Haddad", "111222333");
  update["version"] = 1;
  update["literacy"] = "beperkt";
  ASSERT_EQ(Put(PersonUrl(h["persons"][0]), update).status, 200U);
  json updated = Last("update", "person");
  EXPECT_EQ(updated["person_id"], h["persons"][0]["id"]);
  EXPECT_EQ(updated["household_id"], h["id"]);

  // A write that fails after its first rows leaves neither rows nor record,
  // and no gap in the chain.
  const size_t creates = Audit("action=create")["items"].size();
  HttpResult refused = Post(
      Base(tenant_a_) + "/households",
      {{"name", "Dubbel"},
       {"persons", {PersonBody("Sara", "Dubbel"), PersonBody("Lina", "Dubbel", "111222333")}}});
  ASSERT_EQ(refused.status, 409U) << refused.body;
  EXPECT_EQ(Audit("action=create")["items"].size(), creates);
  EXPECT_TRUE(VerifyChain().intact);
}

TEST_P(AuditApiTest, RefusalsAreLoggedAsDenied) {
  json h = CreateHousehold("Haddad", {PersonBody("Amal", "Haddad", "111222333")});
  As("regisseur2");
  ASSERT_EQ(Get(HouseholdUrl(h)).json()["code"], "no_relationship");
  As("partner");
  ASSERT_EQ(Get(PersonUrl(h["persons"][0])).status, 403U);  // involved, nothing shared
  As("beheer");
  ASSERT_EQ(Get(HouseholdUrl(h)).status, 403U);
  As("begeleider");
  ASSERT_EQ(Get(Base(tenant_a_) + "/audit").status, 403U);

  json denied = Audit("limit=500")["items"];
  auto find = [&](const std::string& user, const std::string& resource) {
    for (const json& r : denied)
      if (r["outcome"] == "denied" && r["user"]["id"] == UserId(user) &&
          r["resource_type"] == resource)
        return r;
    ADD_FAILURE() << "no denial of " << user << " on " << resource << ": " << denied.dump();
    return json::object();
  };
  json none = find("regisseur2", "household");
  EXPECT_EQ(none["purpose"], "no_relationship");
  EXPECT_EQ(none["household_id"], h["id"]);
  EXPECT_EQ(none["action"], "read");
  json nothing = find("partner", "person");
  EXPECT_EQ(nothing["person_id"], h["persons"][0]["id"]);
  EXPECT_EQ(nothing["purpose"], "nothing_shared");
  EXPECT_EQ(find("beheer", "household")["purpose"], "no_case_content");
  EXPECT_EQ(find("begeleider", "audit")["purpose"], "role_not_allowed");
}

TEST_P(AuditApiTest, ProbingAnotherMunicipalityLeavesATraceInItsLog) {
  json h = CreateHousehold("Haddad", {PersonBody("Amal", "Haddad", "111222333")});
  const std::string id = std::to_string(h["id"].get<int64_t>());
  As("regisseur_b");
  // Hardinxveld's household through Hardinxveld's path, and through Dalfsen's.
  EXPECT_EQ(Get(HouseholdUrl(h)).status, 404U);
  EXPECT_EQ(
      Get(Base(tenant_a_) + "/persons/" + std::to_string(h["persons"][0]["id"].get<int64_t>()))
          .status,
      404U);
  EXPECT_EQ(Get(Base(tenant_b_) + "/households/" + id).status, 404U);
  // Hardinxveld's auditor sees the probes of its data.
  const std::string by = "user_id=" + std::to_string(UserId("regisseur_b"));
  json probes = Audit(by + "&limit=50")["items"];
  ASSERT_EQ(probes.size(), 2U) << probes.dump();
  for (const json& r : probes) {
    EXPECT_EQ(r["outcome"], "denied");
    EXPECT_EQ(r["purpose"], "other_tenant");
    EXPECT_EQ(r["resource_type"], "tenant");
  }
  // The id unknown in Dalfsen is on record there.
  EXPECT_EQ(*test_db_->RunSql("SELECT purpose || ' ' || resource_id FROM audit_log WHERE "
                              "tenant_id = " +
                              std::to_string(tenant_b_) + " AND outcome = 'denied'"),
            std::vector<std::string>{"not_found " + id});
}

TEST_P(AuditApiTest, BreakTheGlassIsFlaggedWithTheReasonOnEveryAccess) {
  json h = CreateHousehold("Haddad", {PersonBody("Amal", "Haddad", "111222333")});
  const std::string reason = "Melding huiselijk geweld, regisseur niet bereikbaar";
  As("regisseur2");
  ASSERT_EQ(Post(HouseholdUrl(h) + "/break-glass", {{"reason", reason}}).status, 201U);
  ASSERT_EQ(Get(HouseholdUrl(h)).status, 200U);
  ASSERT_EQ(Get(PersonUrl(h["persons"][0])).status, 200U);
  const std::string by = "user_id=" + std::to_string(UserId("regisseur2"));
  json opened = Last("break_glass", "household", by);
  EXPECT_EQ(opened["break_glass"], true);
  EXPECT_EQ(opened["purpose"], "break_glass: " + reason);
  EXPECT_EQ(opened["household_id"], h["id"]);
  for (const char* resource : {"household", "person"}) {
    json read = Last("read", resource, by);
    EXPECT_EQ(read["break_glass"], true) << resource;
    EXPECT_EQ(read["purpose"], "break_glass: " + reason) << resource;
    EXPECT_EQ(read["categories"].size(), 9U) << resource;
  }
}

TEST_P(AuditApiTest, RecordingAndWithdrawingASharingBasisAreLogged) {
  json h = CreateHousehold("Haddad", {PersonBody("Amal", "Haddad", "111222333")});
  HttpResult basis = Post(PersonUrl(h["persons"][0]) + "/sharing-bases",
                          {{"organisation_id", org_a_ggd_},
                           {"categories", {"basis", "gezondheid"}},
                           {"purpose", "Jeugdgezondheidszorg"},
                           {"legal_basis", "toestemming"},
                           {"given", "2026-11-20"},
                           {"consent_text", "Formulier getekend op 20-11-2026"}});
  ASSERT_EQ(basis.status, 201U) << basis.body;
  const std::string id = std::to_string(basis.json()["id"].get<int64_t>());
  json recorded = Last("create", "sharing_basis");
  EXPECT_EQ(recorded["resource_id"], id);
  EXPECT_EQ(recorded["categories"], json({"basis", "gezondheid"}));
  EXPECT_EQ(recorded["person_id"], h["persons"][0]["id"]);

  ASSERT_EQ(Post(Base(tenant_a_) + "/sharing-bases/" + id + "/withdraw", json::object()).status,
            200U);
  json withdrawn = Last("update", "sharing_basis");
  EXPECT_EQ(withdrawn["resource_id"], id);
  EXPECT_EQ(withdrawn["purpose"], "withdrawn");
  EXPECT_EQ(withdrawn["categories"], json({"basis", "gezondheid"}));
  EXPECT_EQ(withdrawn["user"]["id"], UserId("regisseur"));
}

TEST_P(AuditApiTest, AuditorFiltersByPersonUserHouseholdActionAndDate) {
  json a = CreateHousehold("Haddad", {PersonBody("Amal", "Haddad"), PersonBody("Omar", "Haddad")});
  json b = CreateHousehold("Tesfaye", {PersonBody("Yonas", "Tesfaye")});
  const std::string day1 = clock_->Today().ToString();
  ASSERT_EQ(Get(PersonUrl(a["persons"][0])).status, 200U);
  clock_->Advance(kDay);
  const std::string day2 = clock_->Today().ToString();
  logins_.clear();  // the sessions expired overnight: new ones on day 2
  As("regisseur");
  ASSERT_EQ(Get(PersonUrl(a["persons"][1])).status, 200U);
  ASSERT_EQ(Get(HouseholdUrl(b)).status, 200U);

  auto all = [](const json& page, auto&& pred) {
    if (page["items"].empty()) return false;
    for (const json& r : page["items"])
      if (!pred(r)) return false;
    return true;
  };
  const int64_t p0 = a["persons"][0]["id"], p1 = a["persons"][1]["id"];
  json person = Audit("person_id=" + std::to_string(p0));
  // The person's own records, and those of its household as a whole.
  EXPECT_TRUE(all(person, [&](const json& r) {
    return r["person_id"] == p0 || (r["person_id"].is_null() && r["household_id"] == a["id"]);
  })) << person.dump();
  json household = Audit("household_id=" + std::to_string(b["id"].get<int64_t>()));
  EXPECT_TRUE(all(household, [&](const json& r) { return r["household_id"] == b["id"]; }));
  json user = Audit("user_id=" + std::to_string(UserId("regisseur")));
  EXPECT_TRUE(all(user, [&](const json& r) { return r["user"]["id"] == UserId("regisseur"); }));
  json reads = Audit("action=read&person_id=" + std::to_string(p1));
  EXPECT_TRUE(all(reads, [&](const json& r) { return r["action"] == "read"; }));
  json first_day = Audit("from=" + day1 + "&to=" + day1 + "&person_id=" + std::to_string(p0));
  EXPECT_TRUE(all(first_day, [&](const json& r) { return r["at"].get<std::string>() < day2; }));
  json second_day = Audit("from=" + day2 + "&action=read");
  EXPECT_TRUE(all(second_day, [&](const json& r) { return r["at"].get<std::string>() >= day2; }));
  bool read_p1 = false;
  for (const json& r : second_day["items"]) read_p1 = read_p1 || r["person_id"] == p1;
  EXPECT_TRUE(read_p1);
  EXPECT_EQ(Audit("user_id=" + std::to_string(UserId("partner")))["items"].size(), 0U);

  As("auditor");
  HttpResult bad = Get(Base(tenant_a_) + "/audit?from=gisteren&limit=501");
  EXPECT_EQ(bad.status, 400U);
  EXPECT_EQ(bad.json()["errors"].size(), 2U);
}

TEST_P(AuditApiTest, PagesAreNewestFirstWithoutGapsOrOverlap) {
  CreateHousehold("Haddad");
  for (int i = 0; i < 6; ++i) ASSERT_EQ(Get(Base(tenant_a_) + "/households").status, 200U);
  const json everything = Audit("limit=500");
  ASSERT_GE(everything["items"].size(), 8U);
  EXPECT_TRUE(everything["next"].is_null());
  std::vector<int64_t> walked;
  std::string after;
  As("auditor");
  for (int pages = 0; pages < 20; ++pages) {
    HttpResult r =
        Get(Base(tenant_a_) + "/audit?limit=3" + (after.empty() ? "" : "&after=" + after));
    ASSERT_EQ(r.status, 200U) << r.body;
    const json page = r.json();
    EXPECT_LE(page["items"].size(), 3U);
    for (const json& item : page["items"]) walked.push_back(item["seq"]);
    if (page["next"].is_null()) break;
    after = page["next"].get<std::string>();
  }
  // Newer than `everything`: only the log's own read that came after it.
  std::vector<int64_t> expected;
  for (const json& item : everything["items"]) expected.push_back(item["seq"]);
  ASSERT_FALSE(walked.empty());
  EXPECT_EQ(walked.front(), expected.front() + 1);
  EXPECT_EQ(std::vector<int64_t>(walked.begin() + 1, walked.end()), expected);
}

// The largest page still says whether there is more.
TEST_P(AuditApiTest, TheLargestPageStillLeadsToTheNext) {
  {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    for (int i = 0; i < 620; ++i) {
      core::AuditRecord r;
      r.at = clock_->Now();
      r.user_id = UserId("regisseur");
      r.tenant_id = tenant_a_;
      r.action = "read";
      r.resource_type = "household";
      r.outcome = "allowed";
      ASSERT_TRUE(
          tx->Audit().Append(r, [this](std::string_view d) { return crypto_->Digest(d); }).ok());
    }
    ASSERT_TRUE(tx->Commit().ok());
  }
  json first = Audit("limit=500&action=read&user_id=" + std::to_string(UserId("regisseur")));
  ASSERT_EQ(first["items"].size(), 500U);
  ASSERT_TRUE(first["next"].is_string()) << "620 records, 500 shown, and no way on";
  json second = Audit("limit=500&action=read&user_id=" + std::to_string(UserId("regisseur")) +
                      "&after=" + first["next"].get<std::string>());
  EXPECT_EQ(second["items"].size(), 120U);
  EXPECT_TRUE(second["next"].is_null());
}

TEST_P(AuditApiTest, CsvExportIsCompleteAndItselfLogged) {
  json h = CreateHousehold("Haddad", {PersonBody("Amal", "Haddad")});
  ASSERT_EQ(Get(HouseholdUrl(h)).status, 200U);
  const json log = Audit("limit=500");
  As("auditor");
  HttpResult csv = Get(Base(tenant_a_) + "/audit.csv");
  ASSERT_EQ(csv.status, 200U) << csv.body;
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.header("content-disposition"), "attachment; filename=\"regie-audit.csv\"");
  std::vector<std::string> lines;
  for (size_t at = 0, end; (end = csv.body.find("\r\n", at)) != std::string::npos; at = end + 2)
    lines.push_back(csv.body.substr(at, end - at));
  ASSERT_FALSE(lines.empty());
  EXPECT_TRUE(lines[0].starts_with("seq,at,user_id,user,")) << lines[0];
  // Everything the auditor saw, plus the second audit read of Audit() and nothing else.
  const size_t rows = lines.size() - 1;
  EXPECT_EQ(rows, log["items"].size() + 1);
  EXPECT_TRUE(lines[1].starts_with(std::to_string(log["items"][0]["seq"].get<int64_t>() + 1) + ","))
      << lines[1];
  json exported = Last("export", "audit");
  EXPECT_EQ(exported["user"]["id"], UserId("auditor"));
  EXPECT_EQ(exported["purpose"], "csv rows=" + std::to_string(rows));
}

TEST_P(AuditApiTest, OnlyTheAuditorReadsTheLog) {
  for (const char* role :
       {"regisseur", "begeleider", "partner", "vrijwilliger", "beleid", "beheer"}) {
    As(role);
    for (const char* path : {"/audit", "/audit.csv"}) {
      HttpResult r = Get(Base(tenant_a_) + path);
      EXPECT_EQ(r.status, 403U) << role << path;
      EXPECT_EQ(r.json()["code"], "forbidden") << role << path;
    }
  }
  As("auditor");
  EXPECT_EQ(Get(Base(tenant_b_) + "/audit").status, 404U);  // another municipality's log
}

TEST_P(AuditApiTest, AppendOnlyTriggersRefuseChanges) {
  Traffic();
  EXPECT_FALSE(test_db_->RunSql("UPDATE audit_log SET purpose = 'x' WHERE seq = 1").ok());
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM audit_log WHERE seq = 1").ok());
  EXPECT_TRUE(VerifyChain().intact);
}

TEST_P(AuditApiTest, AnAlteredRecordIsNamed) {
  const int64_t records = Traffic();
  ChainReport before = VerifyChain();
  ASSERT_TRUE(before.intact) << before.problem;
  EXPECT_EQ(before.checked, records);
  Tamper(DropTrigger("audit_log_no_update") +
         "UPDATE audit_log SET purpose = 'niets gezien' WHERE seq = 5");
  ChainReport after = VerifyChain();
  EXPECT_FALSE(after.intact);
  EXPECT_EQ(after.broken_seq, 5);
  EXPECT_EQ(after.problem, "record 5 was altered");
}

TEST_P(AuditApiTest, ADeletedMiddleRecordIsMissing) {
  const int64_t records = Traffic();
  ASSERT_GT(records, 8);
  Tamper(DropTrigger("audit_log_no_delete") + "DELETE FROM audit_log WHERE seq = 7");
  ChainReport after = VerifyChain();
  EXPECT_FALSE(after.intact);
  EXPECT_EQ(after.broken_seq, 7);
  EXPECT_EQ(after.problem, "record 7 is missing");
  EXPECT_EQ(after.checked, 6);
}

TEST_P(AuditApiTest, ADeletedLastRecordIsFoundThroughTheHead) {
  const int64_t records = Traffic();
  Tamper(DropTrigger("audit_log_no_delete") +
         "DELETE FROM audit_log WHERE seq = " + std::to_string(records));
  ChainReport after = VerifyChain();
  EXPECT_FALSE(after.intact);
  EXPECT_EQ(after.broken_seq, records);
  EXPECT_EQ(after.problem, "record " + std::to_string(records) + " is missing");
  EXPECT_EQ(after.checked, records - 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
