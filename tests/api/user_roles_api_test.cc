// Who may hold which role, and where it counts (docs/access.md, "Identity"):
// the municipal roles (regisseur, beleid, beheer, auditor) act only in the
// home municipality of the user's organisation, so a regional organisation's
// users cannot be given them; nobody changes their own roles; beheer and
// auditor stay apart; enrolment is audited under the home municipality; a
// user update without an e-mail address keeps the stored one.
#include <string>
#include <vector>

#include "api_fixture.h"
#include "core/auth/totp.h"

namespace regie::testing {
namespace {

using nlohmann::json;

class UserRolesApiTest : public ApiTest {
 protected:
  // A regional Vluchtelingenwerk at home in tenant A that also serves B.
  int64_t AddRegionalOrganisation() {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    const int64_t org = tx->Organisations()
                            .Create(tenant_a_, {"VluchtelingenWerk regio",
                                                core::OrganisationKind::kVluchtelingenwerk})
                            ->id;
    EXPECT_TRUE(tx->Organisations().AddServedTenant(org, tenant_b_).ok());
    EXPECT_TRUE(tx->Commit().ok());
    return org;
  }

  // A fixture user with `roles`, stored through the repository as an account
  // from before the rule (or of an organisation linked to more tenants
  // later) would be: the API refuses to make one.
  int64_t AddUserWithRoles(const std::string& name, int64_t org, core::RoleSet roles) {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    const int64_t id = AddUser(*tx, name, org, core::Role::kBegeleider);
    ports::User u = *tx->Users().Get(id);
    u.data.roles = roles;
    EXPECT_TRUE(tx->Users().Update(id, u.version, u.data, clock_->Now()).ok());
    EXPECT_TRUE(tx->Commit().ok());
    return id;
  }

  // The user as tenant A's beheer lists it (with e-mail and version).
  json ListedUser(int64_t tenant, int64_t id) {
    const json list = Get(Base(tenant) + "/users").json();
    for (const json& u : list["items"])
      if (u["id"] == id) return u;
    ADD_FAILURE() << "user " << id << " not listed: " << list.dump();
    return json();
  }

  std::string UserUrl(int64_t tenant, int64_t id) const {
    return Base(tenant) + "/users/" + std::to_string(id);
  }

  // By value: a key missing from `listed` reads as null instead of
  // aborting, so a refusal that did not happen fails the test cleanly.
  static json UpdateBody(json listed, json roles) {
    return {{"version", listed["version"]},
            {"display_name", listed["display_name"]},
            {"email", listed["email"]},
            {"roles", std::move(roles)},
            {"active", true}};
  }

  // Refusals are queued on the audit writer, not awaited: a record appended
  // and awaited behind them (the queue is committed in order) puts them in
  // the log before the query.
  std::vector<std::string> Sql(const std::string& sql) {
    core::AuditRecord barrier;
    barrier.at = clock_->Now();
    barrier.action = "test_barrier";
    barrier.resource_type = "test";
    barrier.outcome = "allowed";
    EXPECT_TRUE(audit_->Append(barrier).ok());
    StatusOr<std::vector<std::string>> rows = test_db_->RunSql(sql);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? *rows : std::vector<std::string>{};
  }

  static std::string FirstError(const HttpResult& r) {
    const json j = r.json();
    if (!j.contains("errors") || j["errors"].empty()) return "";
    return j["errors"][0]["field"].get<std::string>() + ":" +
           j["errors"][0]["code"].get<std::string>();
  }

  // A household of tenant B, directed by Dalfsen's regisseur.
  int64_t HouseholdOfB(const std::string& name) {
    const Login* before = as_;
    As("regisseur_b");
    HttpResult r = Post(Base(tenant_b_) + "/households",
                        {{"name", name}, {"involved_organisations", json::array()}});
    EXPECT_EQ(r.status, 201U) << r.body;
    as_ = before;
    return r.json()["id"].get<int64_t>();
  }
};

TEST_P(UserRolesApiTest, HomeBeheerCannotGiveARegionalUserAMunicipalRole) {
  const int64_t regional = AddRegionalOrganisation();
  As("beheer");
  int n = 0;
  for (const char* role : {"regisseur", "beleid", "beheer", "auditor"}) {
    for (const json& roles : {json::array({role}), json::array({"begeleider", role})}) {
      HttpResult r = Post(Base(tenant_a_) + "/users", {{"username", "regio" + std::to_string(++n)},
                                                       {"display_name", "Regio collega"},
                                                       {"email", "regio@example.nl"},
                                                       {"organisation_id", regional},
                                                       {"roles", roles}});
      EXPECT_EQ(r.status, 422U) << role << " " << r.body;
      EXPECT_EQ(FirstError(r), "roles:role_not_for_regional") << r.body;
    }
  }
  EXPECT_EQ(Sql("SELECT count(*) FROM users WHERE username LIKE 'regio%'"),
            std::vector<std::string>{"0"});
  EXPECT_EQ(Sql("SELECT count(*) FROM audit_log WHERE outcome = 'denied' AND action = 'create' "
                "AND purpose = 'role_not_for_regional'"),
            std::vector<std::string>{"8"});

  // The roles of the work itself are what a regional account is for.
  HttpResult made = Post(Base(tenant_a_) + "/users", {{"username", "regio.begeleider"},
                                                      {"display_name", "Regio begeleider"},
                                                      {"email", "rb@example.nl"},
                                                      {"organisation_id", regional},
                                                      {"roles", {"begeleider", "partner"}}});
  ASSERT_EQ(made.status, 201U) << made.body;
  const int64_t id = made.json()["user"]["id"].get<int64_t>();
  for (const char* role : {"regisseur", "beleid", "beheer", "auditor"}) {
    const json listed = ListedUser(tenant_a_, id);
    HttpResult r = Put(UserUrl(tenant_a_, id), UpdateBody(listed, {"begeleider", role}));
    EXPECT_EQ(r.status, 422U) << role << " " << r.body;
    EXPECT_EQ(FirstError(r), "roles:role_not_for_regional") << r.body;
  }
  EXPECT_EQ(ListedUser(tenant_a_, id)["roles"], json({"begeleider", "partner"}));
  // A municipal organisation's user still gets them.
  HttpResult municipal = Post(Base(tenant_a_) + "/users", {{"username", "nieuwe.regisseur"},
                                                           {"display_name", "Nieuwe regisseur"},
                                                           {"organisation_id", org_a_gem_},
                                                           {"roles", {"regisseur", "beleid"}}});
  EXPECT_EQ(municipal.status, 201U) << municipal.body;
}

// An account of a regional organisation that holds municipal roles anyway
// (made before the rule, or through the database): they count in its home
// municipality only, for every route that asks for them.
TEST_P(UserRolesApiTest, ARegionalAccountsMunicipalRolesCountOnlyAtHome) {
  const int64_t regional = AddRegionalOrganisation();
  AddUserWithRoles("regio.oud", regional,
                   {core::Role::kRegisseur, core::Role::kBeleid, core::Role::kBeheer,
                    core::Role::kAuditor, core::Role::kBegeleider});
  const int64_t household_b = HouseholdOfB("Familie Dalfsen");
  const json household_a = CreateHousehold("Familie Hardinxveld");
  const int64_t victim = UserId("regisseur_b");

  As("regio.oud");
  // Dalfsen (tenant B), which never decided anything about this account.
  EXPECT_EQ(Get(Base(tenant_b_) + "/audit").status, 403U);
  EXPECT_EQ(Get(Base(tenant_b_) + "/audit.csv").status, 403U);
  const json b_users = Get(Base(tenant_b_) + "/users").json();
  ASSERT_FALSE(b_users["items"].empty()) << b_users.dump();
  for (const json& u : b_users["items"]) EXPECT_FALSE(u.contains("email")) << u.dump();
  HttpResult made = Post(Base(tenant_b_) + "/users", {{"username", "stille.beheerder"},
                                                      {"display_name", "Stille beheerder"},
                                                      {"organisation_id", org_b_gem_},
                                                      {"roles", {"beheer"}}});
  EXPECT_EQ(made.status, 403U) << made.body;
  HttpResult off = Put(UserUrl(tenant_b_, victim), {{"version", 1},
                                                    {"display_name", "Test regisseur_b"},
                                                    {"roles", {"regisseur"}},
                                                    {"active", false}});
  EXPECT_EQ(off.status, 403U) << off.body;
  EXPECT_EQ(Post(UserUrl(tenant_b_, victim) + "/enrolment", json::object()).status, 403U);
  HttpResult glass =
      Post(Base(tenant_b_) + "/households/" + std::to_string(household_b) + "/break-glass",
           {{"reason", "Even kijken bij de buren"}});
  EXPECT_EQ(glass.status, 403U) << glass.body;
  EXPECT_EQ(Get(Base(tenant_b_) + "/households?scope=all&q=Dalfsen").status, 403U);
  EXPECT_EQ(Get(Base(tenant_b_) + "/indicators").status, 403U);
  HttpResult create =
      Post(Base(tenant_b_) + "/households",
           {{"name", "Nieuw in Dalfsen"}, {"involved_organisations", json::array()}});
  EXPECT_EQ(create.status, 403U) << create.body;
  EXPECT_EQ(Sql("SELECT count(*) FROM users WHERE username = 'regisseur_b' AND active"),
            std::vector<std::string>{"1"});
  EXPECT_EQ(Sql("SELECT count(*) FROM users WHERE username = 'stille.beheerder'"),
            std::vector<std::string>{"0"});
  EXPECT_EQ(Sql("SELECT count(*) FROM break_glass"), std::vector<std::string>{"0"});
  // Dalfsen's auditor sees that a municipal role was tried from elsewhere.
  EXPECT_EQ(Sql("SELECT action || ':' || resource_type FROM audit_log WHERE tenant_id = " +
                std::to_string(tenant_b_) +
                " AND outcome = 'denied' AND purpose = 'role_outside_home_tenant' ORDER BY seq"),
            (std::vector<std::string>{"read:audit", "export:audit", "create:user", "update:user",
                                      "reset_enrolment:user", "break_glass:household",
                                      "search:household", "create:household"}));

  // Nor can Dalfsen's regisseur make it the regisseur of a household there.
  As("regisseur_b");
  HttpResult named =
      Post(Base(tenant_b_) + "/households", {{"name", "Familie Genoemd"},
                                             {"regisseur_user_id", UserId("regio.oud")},
                                             {"involved_organisations", json::array()}});
  EXPECT_EQ(named.status, 422U) << named.body;
  EXPECT_EQ(FirstError(named), "regisseur_user_id:invalid_reference");

  // Hardinxveld-Giessendam (tenant A), its home: the roles work.
  As("regio.oud");
  EXPECT_EQ(Get(Base(tenant_a_) + "/audit").status, 200U);
  const json a_users = Get(Base(tenant_a_) + "/users").json();
  ASSERT_FALSE(a_users["items"].empty());
  EXPECT_TRUE(a_users["items"][0].contains("email"));
  EXPECT_EQ(Get(Base(tenant_a_) + "/households?scope=all&q=Hardinxveld").status, 200U);
  EXPECT_EQ(Post(Base(tenant_a_) + "/households/" +
                     std::to_string(household_a["id"].get<int64_t>()) + "/break-glass",
                 {{"reason", "Signaal huiselijk geweld, regisseur afwezig"}})
                .status,
            201U);
  EXPECT_EQ(Get(Base(tenant_a_) + "/indicators").status, 200U);
}

// A municipal organisation linked to a second tenant later gives its
// accounts no new powers there.
TEST_P(UserRolesApiTest, LinkingAnOrganisationToAnotherTenantGivesNoMunicipalRolesThere) {
  const int64_t household_b = HouseholdOfB("Familie Dalfsen");
  {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    ASSERT_TRUE(tx->Organisations().AddServedTenant(org_a_gem_, tenant_b_).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  // Principals cached before the link would still say "tenant A only".
  for (const char* name : {"regisseur", "beheer", "auditor", "beleid"})
    sessions_.EraseUser(UserId(name));
  As("regisseur");
  EXPECT_EQ(Get(Base(tenant_b_) + "/households?scope=all&q=Dalfsen").status, 403U);
  EXPECT_EQ(Post(Base(tenant_b_) + "/households/" + std::to_string(household_b) + "/break-glass",
                 {{"reason", "Even kijken bij de buren"}})
                .status,
            403U);
  EXPECT_EQ(Get(Base(tenant_a_) + "/households?scope=all&q=Dalfsen").status, 200U);
  As("beheer");
  EXPECT_EQ(Put(UserUrl(tenant_b_, UserId("regisseur_b")), {{"version", 1},
                                                            {"display_name", "Overgenomen"},
                                                            {"roles", {"regisseur"}},
                                                            {"active", false}})
                .status,
            403U);
  As("auditor");
  EXPECT_EQ(Get(Base(tenant_b_) + "/audit").status, 403U);
  EXPECT_EQ(Get(Base(tenant_a_) + "/audit").status, 200U);
  As("beleid");
  EXPECT_EQ(Get(Base(tenant_b_) + "/indicators").status, 403U);
  EXPECT_EQ(Get(Base(tenant_a_) + "/indicators").status, 200U);
}

TEST_P(UserRolesApiTest, NobodyChangesTheirOwnRoles) {
  As("beheer");
  const int64_t self = UserId("beheer");
  for (const json& roles : {json::array({"beheer", "regisseur"}), json::array({"regisseur"}),
                            json::array({"beheer", "regisseur", "auditor"})}) {
    HttpResult r = Put(UserUrl(tenant_a_, self), UpdateBody(ListedUser(tenant_a_, self), roles));
    EXPECT_TRUE(r.status == 403U || r.status == 422U) << roles.dump() << " " << r.body;
  }
  HttpResult own = Put(UserUrl(tenant_a_, self),
                       UpdateBody(ListedUser(tenant_a_, self), {"beheer", "regisseur"}));
  EXPECT_EQ(own.status, 403U) << own.body;
  EXPECT_EQ(own.json()["code"], "own_roles");
  EXPECT_EQ(ListedUser(tenant_a_, self)["roles"], json({"beheer"}));
  EXPECT_EQ(Sql("SELECT count(*) FROM audit_log WHERE outcome = 'denied' AND action = 'update' "
                "AND purpose = 'own_roles' AND resource_id = '" +
                std::to_string(self) + "'"),
            std::vector<std::string>{"3"});

  // The rest of one's own account stays one's own to correct.
  json body = UpdateBody(ListedUser(tenant_a_, self), {"beheer"});
  body["display_name"] = "Beheerder Hardinxveld";
  body["email"] = "beheer@hardinxveld.example.nl";
  HttpResult renamed = Put(UserUrl(tenant_a_, self), body);
  ASSERT_EQ(renamed.status, 200U) << renamed.body;
  EXPECT_EQ(renamed.json()["display_name"], "Beheerder Hardinxveld");
  EXPECT_EQ(renamed.json()["email"], "beheer@hardinxveld.example.nl");

  // Another beheer decides about them.
  {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    AddUser(*tx, "beheer2", org_a_gem_, core::Role::kBeheer);
    ASSERT_TRUE(tx->Commit().ok());
  }
  As("beheer2");
  HttpResult other =
      Put(UserUrl(tenant_a_, self), UpdateBody(ListedUser(tenant_a_, self), {"beheer", "beleid"}));
  EXPECT_EQ(other.status, 200U) << other.body;
  EXPECT_EQ(other.json()["roles"], json({"beleid", "beheer"}));
}

TEST_P(UserRolesApiTest, BeheerAndAuditorAreNeverOneAccount) {
  As("beheer");
  HttpResult made = Post(Base(tenant_a_) + "/users", {{"username", "alles.in.een"},
                                                      {"display_name", "Alles in een"},
                                                      {"organisation_id", org_a_gem_},
                                                      {"roles", {"auditor", "beheer"}}});
  EXPECT_EQ(made.status, 422U) << made.body;
  EXPECT_EQ(FirstError(made), "roles:roles_incompatible");
  const int64_t auditor = UserId("auditor");
  HttpResult both = Put(UserUrl(tenant_a_, auditor),
                        UpdateBody(ListedUser(tenant_a_, auditor), {"auditor", "beheer"}));
  EXPECT_EQ(both.status, 422U) << both.body;
  EXPECT_EQ(FirstError(both), "roles:roles_incompatible");
  EXPECT_EQ(ListedUser(tenant_a_, auditor)["roles"], json({"auditor"}));
  EXPECT_EQ(Sql("SELECT count(*) FROM users WHERE username = 'alles.in.een'"),
            std::vector<std::string>{"0"});
}

TEST_P(UserRolesApiTest, EnrolmentIsAuditedUnderTheHomeMunicipality) {
  const int64_t regional = AddRegionalOrganisation();
  As("beheer");
  HttpResult made = Post(Base(tenant_a_) + "/users", {{"username", "regio.nieuw"},
                                                      {"display_name", "Regio nieuw"},
                                                      {"organisation_id", regional},
                                                      {"roles", {"begeleider"}}});
  ASSERT_EQ(made.status, 201U) << made.body;
  const std::string link = made.json()["enrolment_url"];
  const std::string enrol =
      "/api/v1/auth/enrol/" + link.substr(std::string("/inschrijven/").size());
  HttpResult set =
      SendHttp(port_, "POST", enrol, json{{"password", "Paardenbloem op de dijk 7"}}.dump());
  ASSERT_EQ(set.status, 200U) << set.body;
  std::optional<std::vector<uint8_t>> seed =
      core::Base32Decode(set.json()["totp_secret"].get<std::string>());
  ASSERT_TRUE(seed.has_value());
  const std::string code = core::Totp(*seed, clock_->Now().micros / 1'000'000);
  ASSERT_EQ(SendHttp(port_, "POST", enrol + "/confirm", json{{"code", code}}.dump()).status, 204U);

  EXPECT_EQ(Sql("SELECT action || ':' || tenant_id FROM audit_log WHERE action LIKE 'enrol_%' "
                "ORDER BY seq"),
            (std::vector<std::string>{"enrol_password:" + std::to_string(tenant_a_),
                                      "enrol_complete:" + std::to_string(tenant_a_)}));
  // Where its auditor looks.
  As("auditor");
  for (const char* action : {"enrol_password", "enrol_complete"}) {
    const json found = Get(Base(tenant_a_) + "/audit?action=" + action).json();
    EXPECT_EQ(found["items"].size(), 1U) << action << " " << found.dump();
  }
}

TEST_P(UserRolesApiTest, AnUpdateWithoutAnEmailKeepsTheStoredOne) {
  const int64_t begeleider = UserId("begeleider");
  {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    ASSERT_TRUE(tx->Users()
                    .BindSubject(begeleider, "https://login.example.nl", "sub-123", clock_->Now())
                    .ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  As("beheer");
  json body = UpdateBody(ListedUser(tenant_a_, begeleider), {"begeleider"});
  body.erase("email");
  body["display_name"] = "Begeleider met nieuwe naam";
  HttpResult kept = Put(UserUrl(tenant_a_, begeleider), body);
  ASSERT_EQ(kept.status, 200U) << kept.body;
  EXPECT_EQ(kept.json()["email"], "begeleider@example.nl");
  EXPECT_EQ(kept.json()["display_name"], "Begeleider met nieuwe naam");
  EXPECT_EQ(kept.json()["sso"].size(), 1U) << "the single sign-on binding stays";

  // Clearing it is said explicitly.
  body = UpdateBody(ListedUser(tenant_a_, begeleider), {"begeleider"});
  body["email"] = nullptr;
  HttpResult cleared = Put(UserUrl(tenant_a_, begeleider), body);
  ASSERT_EQ(cleared.status, 200U) << cleared.body;
  EXPECT_EQ(cleared.json()["email"], "");
}

INSTANTIATE_TEST_SUITE_P(Backends, UserRolesApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
