// Referrals over real HTTP: refused until every package category is
// covered by a sharing basis for the receiver (409 naming person and
// category), every transition allowed and refused (403 for who may not, 409
// for what the state does not allow), concurrent accept and withdraw (one
// wins), the receiver seeing exactly the package of the named persons once
// accepted and losing it the moment consent is withdrawn, templates from
// the packs, and the worklist with its counts and filters.
#include <algorithm>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

class ReferralsApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    // The GGD is not involved in this household: all it sees comes from
    // the referral.
    As("regisseur");
    HttpResult h = Post(
        Base(tenant_a_) + "/households",
        {{"name", "Haddad"},
         {"involved_organisations", {org_a_vwn_}},
         {"persons",
          {PersonBody("Amina", "Haddad", "111222333"), PersonBody("Omar", "Haddad", TestBsn(1))}}});
    ASSERT_EQ(h.status, 201U) << h.body;
    hid_ = h.json()["id"];
    amina_ = h.json()["persons"][0]["id"];
    omar_ = h.json()["persons"][1]["id"];
    household_url_ = Base(tenant_a_) + "/households/" + std::to_string(hid_);
    url_ = household_url_ + "/referrals";
    ASSERT_EQ(Put(household_url_ + "/assignments",
                  {{"begeleiders", {UserId("begeleider")}}, {"vrijwilligers", json::array()}})
                  .status,
              200U);
  }

  json Body(const json& overrides = json::object()) const {
    json b = {{"person_ids", {amina_}},
              {"to_organisation_id", org_a_ggd_},
              {"reason", "Amina heeft klachten sinds de verhuizing; intake bij de GGD."},
              {"package", {"basis", "gezondheid"}}};
    for (const auto& [k, v] : overrides.items()) b[k] = v;
    return b;
  }

  // A consent of `person` for the GGD; returns its id.
  int64_t Consent(int64_t person, const json& categories) {
    const Login* before = as_;
    As("regisseur");
    HttpResult r = Post(Base(tenant_a_) + "/persons/" + std::to_string(person) + "/sharing-bases",
                        {{"organisation_id", org_a_ggd_},
                         {"categories", categories},
                         {"purpose", "Verwijzing naar de GGD"},
                         {"legal_basis", "toestemming"},
                         {"given", "2026-11-20"},
                         {"expires", nullptr},
                         {"consent_text", "Toestemmingsformulier getekend op 20-11-2026"}});
    EXPECT_EQ(r.status, 201U) << r.body;
    as_ = before;
    return r.json()["id"];
  }

  void WithdrawConsent(int64_t basis) {
    const Login* before = as_;
    As("regisseur");
    HttpResult r = Post(Base(tenant_a_) + "/sharing-bases/" + std::to_string(basis) + "/withdraw",
                        json::object());
    EXPECT_EQ(r.status, 200U) << r.body;
    as_ = before;
  }

  // Makes a referral as `who` (asserts 201).
  json Refer(const std::string& who, const json& body) {
    As(who);
    HttpResult r = Post(url_, body);
    EXPECT_EQ(r.status, 201U) << r.body;
    return r.json();
  }

  std::string ReferralUrl(int64_t id, const std::string& action = "") const {
    return Base(tenant_a_) + "/referrals/" + std::to_string(id) +
           (action.empty() ? "" : "/" + action);
  }

  static std::vector<std::string> Errors(const HttpResult& r) {
    std::vector<std::string> out;
    for (const json& e : r.json().value("errors", json::array()))
      out.push_back(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
    return out;
  }

  // The persons of the household as the caller sees them: id -> categories.
  std::map<int64_t, std::vector<std::string>> Visible() {
    HttpResult r = Get(household_url_);
    EXPECT_EQ(r.status, 200U) << r.body;
    std::map<int64_t, std::vector<std::string>> out;
    const json body = r.json();
    for (const json& p : body["persons"])
      out[p["id"].get<int64_t>()] = p["visible_categories"].get<std::vector<std::string>>();
    return out;
  }

  int64_t hid_ = 0, amina_ = 0, omar_ = 0;
  std::string household_url_, url_;
};

TEST_P(ReferralsApiTest, RefusedUntilEveryCategoryIsCoveredNamingPersonAndCategory) {
  As("regisseur");
  HttpResult none = Post(url_, Body());
  ASSERT_EQ(none.status, 409U) << none.body;
  EXPECT_EQ(none.json()["code"], "package_not_covered");
  EXPECT_EQ(none.json()["uncovered"].size(), 2U);
  Consent(amina_, {"basis"});
  HttpResult partly = Post(url_, Body());
  ASSERT_EQ(partly.status, 409U) << partly.body;
  const json uncovered = partly.json()["uncovered"];
  ASSERT_EQ(uncovered.size(), 1U);
  EXPECT_EQ(uncovered[0]["person_id"], amina_);
  EXPECT_EQ(uncovered[0]["person_name"], "Amina Haddad");
  EXPECT_EQ(uncovered[0]["category"], "gezondheid");
  const std::string nl = partly.json()["message_nl"].get<std::string>();
  const std::string en = partly.json()["message_en"].get<std::string>();
  EXPECT_NE(nl.find("Amina Haddad: gezondheid"), std::string::npos) << nl;
  EXPECT_NE(nl.find("GGD Zuid-Holland Zuid"), std::string::npos) << nl;
  EXPECT_NE(en.find("Amina Haddad: health"), std::string::npos) << en;
  // A withdrawn consent covers nothing; Omar has no basis at all.
  const int64_t health = Consent(amina_, {"gezondheid"});
  WithdrawConsent(health);
  EXPECT_EQ(Post(url_, Body()).status, 409U);
  Consent(amina_, {"gezondheid"});
  HttpResult omar = Post(url_, Body({{"person_ids", {amina_, omar_}}}));
  ASSERT_EQ(omar.status, 409U);
  EXPECT_EQ(omar.json()["uncovered"].size(), 2U);
  EXPECT_EQ(omar.json()["uncovered"][0]["person_id"], omar_);
  // Nothing was stored by any refusal.
  EXPECT_TRUE(Get(url_).json()["items"].empty());
  json made = Refer("regisseur", Body());
  EXPECT_EQ(made["state"], "voorgesteld");
  EXPECT_EQ(made["package"], json({"basis", "gezondheid"}));
  EXPECT_EQ(made["respond_by"], "2026-12-03");
  EXPECT_EQ(made["allowed_actions"], json({"withdraw"}));
  EXPECT_EQ(made["persons"][0]["name"], "Amina Haddad");
}

TEST_P(ReferralsApiTest, BadInputIsRefusedWhole) {
  As("regisseur");
  HttpResult r = Post(url_, {{"person_ids", {amina_, amina_}},
                             {"to_organisation_id", "ggd"},
                             {"package", {"gezondheid", "geheim"}},
                             {"respond_by", "2026-11-01"},
                             {"extra", 1}});
  ASSERT_EQ(r.status, 422U) << r.body;
  std::vector<std::string> errors = Errors(r);
  std::sort(errors.begin(), errors.end());
  EXPECT_EQ(errors,
            (std::vector<std::string>{"extra:unknown_field", "package/1:invalid_enum",
                                      "person_ids/1:duplicate", "reason:required",
                                      "respond_by:date_in_past", "to_organisation_id:wrong_type"}));
  EXPECT_EQ(Errors(Post(url_, Body({{"to_organisation_id", org_a_gem_}}))),
            std::vector<std::string>{"to_organisation_id:same_organisation"});
  // Referrals stay within the organisations serving the tenant; another
  // tenant's organisation is not found here, template or not.
  EXPECT_EQ(Errors(Post(url_, Body({{"to_organisation_id", org_b_gem_}}))),
            std::vector<std::string>{"to_organisation_id:invalid_reference"});
  EXPECT_EQ(
      Errors(Post(url_, Body({{"to_organisation_id", org_b_gem_}, {"template", "ggd_intake"}}))),
      std::vector<std::string>{"to_organisation_id:invalid_reference"});
  EXPECT_EQ(Errors(Post(url_, Body({{"to_organisation_id", 999999}}))),
            std::vector<std::string>{"to_organisation_id:invalid_reference"});
  Consent(amina_, {"basis", "gezondheid"});
  EXPECT_EQ(Errors(Post(url_, Body({{"person_ids", {amina_, 999999}}}))),
            std::vector<std::string>{"person_ids/1:invalid_reference"});
  // Partners and volunteers do not refer; no one of another tenant sees it.
  As("partner");
  EXPECT_EQ(Post(url_, Body()).status, 403U);
  As("regisseur_b");
  EXPECT_EQ(Post(url_, Body()).status, 404U);
  As("regisseur");
  EXPECT_TRUE(Get(url_).json()["items"].empty());
}

TEST_P(ReferralsApiTest, ReceiverSeesExactlyThePackageUntilConsentIsWithdrawn) {
  const int64_t consent = Consent(amina_, {"basis", "gezondheid"});
  Consent(omar_, {"basis", "contact", "gezondheid", "financien"});
  const int64_t id = Refer("regisseur", Body())["id"];
  // Proposed: the GGD sees the referral (to decide), not the household.
  As("partner");
  HttpResult household = Get(household_url_);
  EXPECT_EQ(household.status, 403U);
  EXPECT_EQ(household.json()["code"], "no_relationship");
  HttpResult incoming = Get(Base(tenant_a_) + "/referrals?direction=incoming&open=true");
  ASSERT_EQ(incoming.status, 200U) << incoming.body;
  ASSERT_EQ(incoming.json()["items"].size(), 1U);
  const json item = incoming.json()["items"][0];
  EXPECT_EQ(item["reason"], "Amina heeft klachten sinds de verhuizing; intake bij de GGD.");
  EXPECT_EQ(item["persons"][0]["name"], "Amina Haddad");
  EXPECT_EQ(item["allowed_actions"], json({"accept", "reject"}));
  EXPECT_TRUE(Get(Base(tenant_a_) + "/referrals?direction=outgoing").json()["items"].empty());
  HttpResult accepted = Post(ReferralUrl(id, "accept"), {{"note", "Intake op 1 december"}});
  ASSERT_EQ(accepted.status, 200U) << accepted.body;
  EXPECT_EQ(accepted.json()["state"], "geaccepteerd");
  EXPECT_EQ(accepted.json()["decided_by"]["id"], UserId("partner"));
  EXPECT_EQ(accepted.json()["allowed_actions"], json({"complete"}));
  // Accepted: Amina's basis and gezondheid, nothing of Omar (not named,
  // though his consent is wider), no other category, read only.
  std::map<int64_t, std::vector<std::string>> seen = Visible();
  ASSERT_EQ(seen.size(), 1U);
  EXPECT_EQ(seen[amina_], (std::vector<std::string>{"basis", "gezondheid"}));
  EXPECT_EQ(Put(household_url_ + "/assignments",
                {{"begeleiders", json::array()}, {"vrijwilligers", json::array()}})
                .status,
            403U);
  // Consent withdrawn: the access is gone with the next request.
  WithdrawConsent(consent);
  HttpResult gone = Get(household_url_);
  EXPECT_EQ(gone.status, 403U) << gone.body;
  // The referral itself remains the GGD's to complete.
  HttpResult done = Post(ReferralUrl(id, "complete"), {{"note", "Intake gedaan"}});
  ASSERT_EQ(done.status, 200U) << done.body;
  EXPECT_EQ(done.json()["state"], "afgerond");
  ASSERT_EQ(done.json()["history"].size(), 3U);
  EXPECT_EQ(done.json()["history"][1]["note"], "Intake op 1 december");
}

TEST_P(ReferralsApiTest, EveryTransitionAllowedAndRefused) {
  Consent(amina_, {"basis", "gezondheid"});
  const int64_t first = Refer("regisseur", Body())["id"];
  // Only the receiver accepts or rejects; only the sender's side withdraws.
  As("regisseur");
  EXPECT_EQ(Post(ReferralUrl(first, "accept"), json::object()).json()["code"], "forbidden");
  EXPECT_EQ(Post(ReferralUrl(first, "reject"), {{"reason", "Niet nodig"}}).status, 403U);
  As("begeleider");  // assigned, of Vluchtelingenwerk: sees it, does not act on it
  HttpResult seen = Get(ReferralUrl(first));
  ASSERT_EQ(seen.status, 200U);
  EXPECT_FALSE(seen.json().contains("reason"));
  EXPECT_EQ(seen.json()["allowed_actions"], json::array());
  EXPECT_EQ(Post(ReferralUrl(first, "withdraw"), json::object()).status, 403U);
  As("partner");
  EXPECT_EQ(Post(ReferralUrl(first, "withdraw"), json::object()).status, 403U);
  EXPECT_EQ(Post(ReferralUrl(first, "complete"), json::object()).json()["code"],
            "referral_transition_refused");
  HttpResult no_reason = Post(ReferralUrl(first, "reject"), json::object());
  EXPECT_EQ(no_reason.status, 422U);
  EXPECT_EQ(Errors(no_reason), std::vector<std::string>{"reason:required"});
  EXPECT_EQ(Errors(Post(ReferralUrl(first, "reject"), {{"reason", "nee"}})),
            std::vector<std::string>{"reason:too_short"});
  HttpResult rejected =
      Post(ReferralUrl(first, "reject"), {{"reason", "Geen capaciteit tot maart"}});
  ASSERT_EQ(rejected.status, 200U) << rejected.body;
  EXPECT_EQ(rejected.json()["state"], "afgewezen");
  EXPECT_EQ(rejected.json()["decision_note"], "Geen capaciteit tot maart");
  const std::pair<const char*, json> refused[] = {{"accept", json::object()},
                                                  {"reject", {{"reason", "Alsnog niet"}}},
                                                  {"complete", json::object()}};
  for (const auto& [action, body] : refused) {
    HttpResult r = Post(ReferralUrl(first, action), body);
    EXPECT_EQ(r.status, 409U) << action;
    EXPECT_EQ(r.json()["code"], "referral_transition_refused") << action;
  }
  As("regisseur");
  EXPECT_EQ(Post(ReferralUrl(first, "withdraw"), json::object()).status, 409U);
  // The assigned begeleider may refer too and withdraws their own.
  const int64_t second = Refer("begeleider", Body())["id"];
  As("begeleider");
  HttpResult withdrawn = Post(ReferralUrl(second, "withdraw"), {{"reason", "Vergissing"}});
  ASSERT_EQ(withdrawn.status, 200U) << withdrawn.body;
  EXPECT_EQ(withdrawn.json()["state"], "ingetrokken");
  EXPECT_EQ(withdrawn.json()["decided_by"]["id"], UserId("begeleider"));
  As("partner");
  EXPECT_EQ(Post(ReferralUrl(second, "accept"), json::object()).status, 409U);
  // The regisseur completes an accepted one.
  const int64_t third = Refer("regisseur", Body())["id"];
  As("partner");
  ASSERT_EQ(Post(ReferralUrl(third, "accept"), json::object()).status, 200U);
  As("regisseur");
  HttpResult completed = Post(ReferralUrl(third, "complete"), json::object());
  ASSERT_EQ(completed.status, 200U) << completed.body;
  EXPECT_EQ(completed.json()["completed_by"]["id"], UserId("regisseur"));
  // Volunteers, other tenants and unknown ids.
  As("vrijwilliger");
  EXPECT_EQ(Get(ReferralUrl(third)).status, 403U);
  As("regisseur_b");
  EXPECT_EQ(Get(ReferralUrl(third)).status, 404U);
  As("regisseur");
  EXPECT_EQ(Get(ReferralUrl(999999)).json()["code"], "referral_not_found");
  const json all = Get(url_).json();
  EXPECT_EQ(all["items"].size(), 3U);
  EXPECT_EQ(all["may_refer"], true);
}

TEST_P(ReferralsApiTest, ConcurrentAcceptAndWithdrawExactlyOneWins) {
  Consent(amina_, {"basis", "gezondheid"});
  for (int round = 0; round < 3; ++round) {
    const int64_t id = Refer("regisseur", Body())["id"];
    const Login& regisseur = As("regisseur");
    const Login& partner = As("partner");
    std::vector<unsigned> statuses(2);
    std::vector<std::string> codes(2);
    std::thread accept([&] {
      HttpResult r =
          SendHttp(port_, "POST", ReferralUrl(id, "accept"), "{}", "application/json", &partner);
      statuses[0] = r.status;
      if (r.status != 200U) codes[0] = r.json()["code"].get<std::string>();
    });
    std::thread withdraw([&] {
      HttpResult r = SendHttp(port_, "POST", ReferralUrl(id, "withdraw"), "{}", "application/json",
                              &regisseur);
      statuses[1] = r.status;
      if (r.status != 200U) codes[1] = r.json()["code"].get<std::string>();
    });
    accept.join();
    withdraw.join();
    std::vector<unsigned> sorted = statuses;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, (std::vector<unsigned>{200U, 409U})) << round;
    for (const std::string& code : codes) {
      if (!code.empty()) {
        EXPECT_TRUE(code == "version_conflict" || code == "referral_transition_refused") << code;
      }
    }
    As("regisseur");
    HttpResult after = Get(ReferralUrl(id));
    EXPECT_EQ(after.json()["state"], statuses[0] == 200U ? "geaccepteerd" : "ingetrokken");
    EXPECT_EQ(after.json()["history"].size(), 2U);
  }
}

TEST_P(ReferralsApiTest, TemplatesFromThePacksAndTheWorklist) {
  As("beheer");
  ASSERT_EQ(
      Put(Base(tenant_a_) + "/policy/activations",
          {{"activations", {{{"pack_id", "nl-wet-inburgering-2021"}, {"from", "2022-01-01"}}}}})
          .status,
      200U);
  As("regisseur");
  HttpResult templates = Get(Base(tenant_a_) + "/referral-templates");
  ASSERT_EQ(templates.status, 200U) << templates.body;
  json ggd;
  const json items = templates.json()["items"];
  for (const json& t : items)
    if (t["id"] == "ggd_intake") ggd = t;
  ASSERT_FALSE(ggd.is_null()) << templates.body;
  EXPECT_EQ(ggd["package"], json({"basis", "gezondheid"}));
  EXPECT_EQ(ggd["to_kinds"], json({"ggd_jgz"}));
  Consent(amina_, {"basis", "gezondheid", "jeugd"});
  EXPECT_EQ(Errors(Post(url_, Body({{"template", "bestaat_niet"}}))),
            std::vector<std::string>{"template:unknown_code"});
  EXPECT_EQ(Errors(Post(url_, Body({{"template", "schoolwissel"}}))),
            std::vector<std::string>{"to_organisation_id:wrong_organisation_kind"});
  // The COA's handover to the municipality is not the municipality's to
  // send, whoever receives it; both wrong kinds are named at once.
  EXPECT_EQ(Errors(Post(url_, Body({{"template", "azc_gemeente"}}))),
            (std::vector<std::string>{"template:wrong_sender_kind",
                                      "to_organisation_id:wrong_organisation_kind"}));
  json made = Refer("regisseur", Body({{"template", "ggd_intake"}}));
  EXPECT_EQ(made["template"], "ggd_intake");
  EXPECT_EQ(made["checklist"].size(), 2U);
  EXPECT_EQ(made["retention_days"], 30);
  EXPECT_EQ(made["respond_by"], "2026-12-03");

  // The GGD's worklist: one referral due this week, none overdue.
  As("partner");
  HttpResult w = Get(Base(tenant_a_) + "/worklist");
  ASSERT_EQ(w.status, 200U) << w.body;
  EXPECT_EQ(w.json()["counts"]["referral"], json({{"overdue", 0}, {"week", 0}}));
  ASSERT_EQ(w.json()["items"].size(), 1U);
  EXPECT_EQ(w.json()["items"][0]["kind"], "referral");
  EXPECT_EQ(w.json()["items"][0]["direction"], "incoming");
  EXPECT_EQ(w.json()["items"][0]["due_date"], "2026-12-03");
  HttpResult week = Get(Base(tenant_a_) + "/worklist?on=2026-11-30");
  EXPECT_EQ(week.json()["counts"]["referral"], json({{"overdue", 0}, {"week", 1}}));
  HttpResult late = Get(Base(tenant_a_) + "/worklist?on=2026-12-10&due=overdue&kind=referral");
  ASSERT_EQ(late.status, 200U) << late.body;
  EXPECT_EQ(late.json()["counts"]["referral"], json({{"overdue", 1}, {"week", 0}}));
  ASSERT_EQ(late.json()["items"].size(), 1U);
  EXPECT_EQ(late.json()["items"][0]["overdue"], true);
  EXPECT_TRUE(Get(Base(tenant_a_) + "/worklist?kind=signal,action").json()["items"].empty());
  EXPECT_EQ(Get(Base(tenant_a_) + "/worklist?household_id=" + std::to_string(hid_))
                .json()["items"]
                .size(),
            1U);
  EXPECT_TRUE(Get(Base(tenant_a_) + "/worklist?household_id=999999").json()["items"].empty());
  EXPECT_EQ(Errors(Get(Base(tenant_a_) + "/worklist?kind=brief&due=later&x=1")).size(), 3U);
  // The sender sees it on their worklist only once the GGD is late.
  As("regisseur");
  auto referral_items = [&](const std::string& query) {
    size_t n = 0;
    const json body = Get(Base(tenant_a_) + "/worklist" + query).json();
    for (const json& i : body["items"])
      if (i["kind"] == "referral") ++n;
    return n;
  };
  EXPECT_EQ(referral_items(""), 0U);
  EXPECT_EQ(referral_items("?on=2026-12-10"), 1U);
  // Accepted: off the GGD's worklist (the cached one too).
  As("partner");
  ASSERT_EQ(Post(ReferralUrl(made["id"], "accept"), json::object()).status, 200U);
  EXPECT_TRUE(Get(Base(tenant_a_) + "/worklist").json()["items"].empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ReferralsApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
