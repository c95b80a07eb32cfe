// Households over real HTTP: create with persons, read, list/search/filter,
// pagination, update, archive, and that refused writes change nothing.
#include <set>

#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

TEST_P(ApiTest, CreateReadAndLocation) {
  json h = CreateHousehold("Haddad", {PersonBody("Amal", "Haddad", "111222333")});
  EXPECT_EQ(h["name"], "Haddad");
  EXPECT_EQ(h["version"], 1);
  EXPECT_EQ(h["archived"], false);
  ASSERT_EQ(h["persons"].size(), 1U);
  EXPECT_EQ(h["persons"][0]["bsn"], "111222333");
  EXPECT_EQ(h["involved_organisations"][0]["name"], "Vluchtelingenwerk");
  EXPECT_EQ(h["created_at"], clock_->Now().ToString());
  EXPECT_EQ(h["regisseur"]["id"], UserId("regisseur"));
  EXPECT_EQ(h["regisseur"]["display_name"], "Test regisseur");
  EXPECT_EQ(h["access"]["relationship"], "regisseur");
  EXPECT_EQ(h["access"]["can_edit"], true);

  HttpResult r = Get(Base(tenant_a_) + "/households/" + std::to_string(h["id"].get<int64_t>()));
  ASSERT_EQ(r.status, 200U);
  EXPECT_EQ(r.json(), h);
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(r.header("cache-control"), "no-store");
}

TEST_P(ApiTest, InvalidBsnIs422NamingTheFieldAndWritesNothing) {
  json body = {{"name", "Haddad"}, {"persons", {PersonBody("Amal", "Haddad", "123456789")}}};
  HttpResult r = Post(Base(tenant_a_) + "/households", body);
  ASSERT_EQ(r.status, 422U);
  EXPECT_EQ(r.header("content-type"), "application/problem+json; charset=utf-8");
  json p = r.json();
  EXPECT_EQ(p["code"], "validation_failed");
  ASSERT_EQ(p["errors"].size(), 1U);
  EXPECT_EQ(p["errors"][0]["field"], "persons/0/bsn");
  EXPECT_EQ(p["errors"][0]["code"], "bsn_invalid");
  EXPECT_FALSE(p["errors"][0]["message_nl"].get<std::string>().empty());
  EXPECT_EQ(HouseholdCount(tenant_a_), 0U);
}

TEST_P(ApiTest, FailingSecondPersonRollsBackTheWholeHousehold) {
  CreateHousehold("Bestaand", {PersonBody("Sara", "Bestaand", "100000009")});
  // The second person's BSN is taken: only storage can tell, after the
  // household and the first person were written in the same transaction.
  json body = {
      {"name", "Nieuw"},
      {"persons",
       {PersonBody("Omar", "Nieuw", "100000010"), PersonBody("Lina", "Nieuw", "100000009")}}};
  HttpResult r = Post(Base(tenant_a_) + "/households", body);
  ASSERT_EQ(r.status, 409U) << r.body;
  json p = r.json();
  EXPECT_EQ(p["code"], "duplicate");
  EXPECT_EQ(HouseholdCount(tenant_a_), 1U);
  // The first person's BSN is still free: nothing of the refused request stayed.
  CreateHousehold("Later", {PersonBody("Omar", "Later", "100000010")});
}

TEST_P(ApiTest, OrganisationOfAnotherTenantIsRefused) {
  json body = {{"name", "Haddad"}, {"involved_organisations", {org_b_gem_}}};
  HttpResult r = Post(Base(tenant_a_) + "/households", body);
  ASSERT_EQ(r.status, 422U) << r.body;
  EXPECT_EQ(r.json()["errors"][0]["code"], "invalid_reference");
  EXPECT_EQ(HouseholdCount(tenant_a_), 0U);
}

TEST_P(ApiTest, TenantsAreIsolated) {
  json h = CreateHousehold("Haddad");
  const std::string id = std::to_string(h["id"].get<int64_t>());
  EXPECT_EQ(Get(Base(tenant_b_) + "/households/" + id).status, 404U);
  EXPECT_EQ(Put(Base(tenant_b_) + "/households/" + id, {{"version", 1},
                                                        {"name", "X"},
                                                        {"regisseur_user_id", UserId("regisseur")},
                                                        {"involved_organisations", json::array()}})
                .status,
            404U);
  // The other municipality's regisseur cannot reach it through either tenant.
  As("regisseur_b");
  EXPECT_EQ(Get(Base(tenant_b_) + "/households/" + id).status, 404U);
  EXPECT_EQ(Get(Base(tenant_a_) + "/households/" + id).status, 404U);
  As("regisseur");
  EXPECT_EQ(HouseholdCount(tenant_b_), 0U);
  EXPECT_EQ(Get(Base(9999) + "/households").status, 404U);
}

TEST_P(ApiTest, SearchAndFilters) {
  json p1 = PersonBody("Amal", "Haddad");
  json p2 = PersonBody("Yonas", "Tesfaye");
  p2["address"]["wijk"] = "Oost";
  p2["address"]["kern"] = "Hardinxveld";
  p2["housing_date"] = "2026-02-01";
  json p3 = PersonBody("Élodie", "Müller");
  CreateHousehold("Haddad", {p1});
  CreateHousehold("Tesfaye", {p2});
  CreateHousehold("Mueller-gezin", {p3});
  auto names = [&](const std::string& query) {
    HttpResult r = Get(Base(tenant_a_) + "/households?" + query);
    EXPECT_EQ(r.status, 200U) << query << r.body;
    std::vector<std::string> out;
    const json page = r.json();
    for (const json& item : page["items"]) out.push_back(item["name"]);
    return out;
  };
  EXPECT_EQ(names(""), (std::vector<std::string>{"Haddad", "Mueller-gezin", "Tesfaye"}));
  EXPECT_EQ(names("q=yonas"), (std::vector<std::string>{"Tesfaye"}));
  EXPECT_EQ(names("q=ELODIE"), (std::vector<std::string>{"Mueller-gezin"}));  // diacritics fold
  EXPECT_EQ(names("q=m%C3%BCller"), (std::vector<std::string>{"Mueller-gezin"}));
  EXPECT_EQ(names("wijk=Oost"), (std::vector<std::string>{"Tesfaye"}));
  EXPECT_EQ(names("kern=Giessendam"), (std::vector<std::string>{"Haddad", "Mueller-gezin"}));
  EXPECT_EQ(names("housed_from=2026-01-01"), (std::vector<std::string>{"Tesfaye"}));
  EXPECT_EQ(names("housed_to=2025-12-31&q=haddad"), (std::vector<std::string>{"Haddad"}));
  HttpResult bad = Get(Base(tenant_a_) + "/households?housed_from=2026-13-01&limit=500");
  ASSERT_EQ(bad.status, 400U);
  EXPECT_EQ(bad.json()["errors"].size(), 2U);
}

TEST_P(ApiTest, PaginationIsStableWhileRowsAreAdded) {
  for (int i = 0; i < 7; ++i) CreateHousehold("Familie " + std::to_string(i));
  HttpResult first = Get(Base(tenant_a_) + "/households?limit=3");
  ASSERT_EQ(first.status, 200U);
  json page1 = first.json();
  ASSERT_EQ(page1["items"].size(), 3U);
  ASSERT_TRUE(page1["next"].is_string());
  // A household that sorts before the cursor does not shift the next page.
  CreateHousehold("Aaa eerst");
  json page2 =
      Get(Base(tenant_a_) + "/households?limit=3&after=" + page1["next"].get<std::string>()).json();
  ASSERT_EQ(page2["items"].size(), 3U);
  EXPECT_EQ(page2["items"][0]["name"], "Familie 3");
  json page3 =
      Get(Base(tenant_a_) + "/households?limit=3&after=" + page2["next"].get<std::string>()).json();
  EXPECT_EQ(page3["items"].size(), 1U);
  EXPECT_TRUE(page3["next"].is_null());
  HttpResult bad = Get(Base(tenant_a_) + "/households?after=zz");
  EXPECT_EQ(bad.status, 400U);
  EXPECT_EQ(bad.json()["code"], "invalid_cursor");
}

TEST_P(ApiTest, UpdateWithStaleVersionIs409AndLosesNothing) {
  json h = CreateHousehold("Haddad");
  const std::string url = Base(tenant_a_) + "/households/" + std::to_string(h["id"].get<int64_t>());
  json update = {{"version", 1},
                 {"name", "Haddad-Ali"},
                 {"regisseur_user_id", UserId("regisseur")},
                 {"involved_organisations", {org_a_vwn_, org_a_ggd_, org_a_vol_}}};
  HttpResult ok = Put(url, update);
  ASSERT_EQ(ok.status, 200U) << ok.body;
  EXPECT_EQ(ok.json()["version"], 2);
  EXPECT_EQ(ok.json()["involved_organisations"].size(), 3U);
  update["name"] = "Overschreven";
  HttpResult stale = Put(url, update);
  ASSERT_EQ(stale.status, 409U);
  EXPECT_EQ(stale.json()["code"], "version_conflict");
  EXPECT_EQ(Get(url).json()["name"], "Haddad-Ali");
}

TEST_P(ApiTest, ArchiveHidesFromDefaultListAndFreezes) {
  json h = CreateHousehold("Haddad");
  const std::string url = Base(tenant_a_) + "/households/" + std::to_string(h["id"].get<int64_t>());
  HttpResult r = Post(url + "/archive", {{"version", 1}, {"reason", "Verhuisd naar Utrecht"}});
  ASSERT_EQ(r.status, 200U) << r.body;
  EXPECT_EQ(r.json()["archived"], true);
  EXPECT_EQ(r.json()["archive_reason"], "Verhuisd naar Utrecht");
  EXPECT_EQ(Get(Base(tenant_a_) + "/households").json()["items"].size(), 0U);
  EXPECT_EQ(Get(Base(tenant_a_) + "/households?include_archived=true").json()["items"].size(), 1U);
  HttpResult again = Post(url + "/archive", {{"version", 2}, {"reason", "x"}});
  EXPECT_EQ(again.status, 409U);
  EXPECT_EQ(again.json()["code"], "already_archived");
  HttpResult person = Post(url + "/persons", PersonBody("Amal", "Haddad"));
  EXPECT_EQ(person.status, 409U);
  EXPECT_EQ(person.json()["code"], "household_archived");
}

TEST_P(ApiTest, ReopenUndoesAMistakenArchiveWithAReasonInTheAuditLog) {
  json h = CreateHousehold("Haddad");
  const std::string url = Base(tenant_a_) + "/households/" + std::to_string(h["id"].get<int64_t>());
  HttpResult active = Post(url + "/reopen", {{"version", 1}, {"reason", "Vergissing"}});
  EXPECT_EQ(active.status, 409U);
  EXPECT_EQ(active.json()["code"], "not_archived");
  ASSERT_EQ(Post(url + "/archive", {{"version", 1}, {"reason", "Verhuisd"}}).status, 200U);
  HttpResult no_reason = Post(url + "/reopen", {{"version", 2}, {"reason", "  "}});
  EXPECT_EQ(no_reason.status, 422U);
  // Another regisseur may not; the refusal is audited as a reopen.
  As("regisseur2");
  EXPECT_EQ(Post(url + "/reopen", {{"version", 2}, {"reason", "Vergissing"}}).status, 403U);
  As("regisseur");
  HttpResult stale = Post(url + "/reopen", {{"version", 1}, {"reason", "Vergissing"}});
  EXPECT_EQ(stale.status, 409U);
  EXPECT_EQ(stale.json()["code"], "version_conflict");
  HttpResult r = Post(url + "/reopen", {{"version", 2}, {"reason", "Toch niet verhuisd"}});
  ASSERT_EQ(r.status, 200U) << r.body;
  EXPECT_EQ(r.json()["archived"], false);
  EXPECT_EQ(r.json()["version"], 3);
  EXPECT_EQ(Get(Base(tenant_a_) + "/households").json()["items"].size(), 1U);
  EXPECT_EQ(Post(url + "/persons", PersonBody("Amal", "Haddad")).status, 201U);
  EXPECT_EQ(*test_db_->RunSql("SELECT purpose FROM audit_log WHERE action = 'reopen' AND "
                              "resource_type = 'household' AND outcome = 'allowed'"),
            std::vector<std::string>{"regisseur_of_household; reopen: Toch niet verhuisd"});
  // The audited read above was committed after the refusal (one queue).
  EXPECT_EQ(*test_db_->RunSql("SELECT action || ' ' || purpose FROM audit_log WHERE outcome = "
                              "'denied' AND resource_type = 'household'"),
            std::vector<std::string>{"reopen no_relationship"});
}

TEST_P(ApiTest, ArchivedHouseholdTakesNoNewCaseworkButStaysReadable) {
  json h = CreateHousehold("Haddad", {PersonBody("Amina", "Haddad", "111222333")});
  const std::string url = Base(tenant_a_) + "/households/" + std::to_string(h["id"].get<int64_t>());
  const std::string person =
      Base(tenant_a_) + "/persons/" + std::to_string(h["persons"][0]["id"].get<int64_t>());
  ASSERT_EQ(Post(url + "/archive", {{"version", 1}, {"reason", "Verhuisd"}}).status, 200U);
  const std::vector<std::pair<std::string, json>> writes = {
      {url + "/contacts",
       {{"date", "2026-11-20"}, {"type", "gesprek"}, {"participants", {"regisseur"}}}},
      {url + "/signals",
       {{"category", "overig"}, {"urgency", "laag"}, {"description", "Zorgen over de huur"}}},
      {person + "/events",
       {{"event", "participatieverklaring_ondertekend"}, {"date", "2026-11-01"}}},
  };
  for (const auto& [target, body] : writes) {
    HttpResult r = Post(target, body);
    EXPECT_EQ(r.status, 409U) << target << " " << r.body;
    EXPECT_EQ(r.json()["code"], "household_archived") << target;
  }
  HttpResult plan = Put(url + "/plan", {{"version", 0}, {"goals", json::array()}});
  EXPECT_EQ(plan.status, 409U) << plan.body;
  EXPECT_EQ(plan.json()["code"], "household_archived");
  HttpResult intake = Put(person + "/intake", {{"version", 0}, {"intake_date", "2026-11-10"}});
  EXPECT_EQ(intake.status, 409U) << intake.body;
  EXPECT_EQ(intake.json()["code"], "household_archived");
  // Nothing was written, and everything still reads.
  EXPECT_EQ(Get(url + "/contacts").json()["items"].size(), 0U);
  EXPECT_EQ(Get(url + "/signals").json()["items"].size(), 0U);
  EXPECT_EQ(Get(url + "/plan").json()["version"], 0);
  EXPECT_EQ(Get(person + "/intake").status, 200U);
}

TEST_P(ApiTest, TenantsAndOrganisations) {
  // Only the municipalities the caller's organisation serves.
  json tenants = Get("/api/v1/tenants").json();
  ASSERT_EQ(tenants["items"].size(), 1U);
  EXPECT_EQ(tenants["items"][0]["code"], "GM0523");
  json orgs = Get(Base(tenant_a_) + "/organisations").json();
  ASSERT_EQ(orgs["items"].size(), 4U);
  std::set<std::string> kinds;
  for (const json& o : orgs["items"]) kinds.insert(o["kind"].get<std::string>());
  EXPECT_EQ(kinds, (std::set<std::string>{"gemeente", "ggd_jgz", "vluchtelingenwerk",
                                          "vrijwilligersorganisatie"}));
  EXPECT_EQ(Get(Base(4242) + "/organisations").status, 404U);
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing

namespace regie::testing {
namespace {

TEST_P(ApiTest, CursorCarriesNoNameAndControlCharactersAreRefused) {
  CreateHousehold("Haddad");
  CreateHousehold("Tesfaye");
  nlohmann::json page = Get(Base(tenant_a_) + "/households?limit=1").json();
  const std::string next = page["next"].get<std::string>();
  EXPECT_EQ(next.find("haddad"), std::string::npos);
  // The cursor is the id of the last row, in hex: nothing personal in URLs.
  EXPECT_EQ(std::stoll(next, nullptr, 16), page["items"][0]["id"].get<int64_t>());
  // Another tenant's cursor is not a position in this list.
  As("regisseur_b");
  EXPECT_EQ(Get(Base(tenant_b_) + "/households?after=" + next).status, 400U);
  As("regisseur");

  HttpResult bad = Get(Base(tenant_a_) + "/households?q=a%00b&wijk=%FF");
  ASSERT_EQ(bad.status, 400U);
  EXPECT_EQ(bad.json()["errors"].size(), 2U);
  EXPECT_EQ(bad.json()["errors"][0]["code"], "invalid_text");
  HttpResult create = Post(Base(tenant_a_) + "/households", {{"name", "Had\u0001dad"}});
  ASSERT_EQ(create.status, 422U);
  EXPECT_EQ(create.json()["errors"][0]["code"], "invalid_text");
}

}  // namespace
}  // namespace regie::testing
