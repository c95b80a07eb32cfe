// Signals over real HTTP: filed by anyone involved and routed by category,
// every transition of the state machine allowed and refused (409
// signal_transition_refused; 403 for who may not), the reporter seeing the
// status but not the follow-up, the routed organisation seeing what is
// routed to it, escalation from the clock onto the regisseur's worklist,
// and bad input refused whole.
#include "api_fixture.h"
#include "core/casework/signal.h"

namespace regie::testing {
namespace {

using nlohmann::json;

class SignalsApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    household_ = CreateHousehold("Tesfay", {PersonBody("Senait", "Tesfay", "111222333"),
                                            PersonBody("Yonas", "Tesfay", TestBsn(1))});
    hid_ = household_["id"];
    url_ = Base(tenant_a_) + "/households/" + std::to_string(hid_) + "/signals";
    ASSERT_EQ(
        Put(Base(tenant_a_) + "/households/" + std::to_string(hid_) + "/assignments",
            {{"begeleiders", {UserId("begeleider")}}, {"vrijwilligers", {UserId("vrijwilliger")}}})
            .status,
        200U);
  }

  static json Body(const json& overrides = json::object()) {
    json b = {{"category", "gezondheid"},
              {"urgency", "normaal"},
              {"description", "Senait heeft veel pijn en geen huisarts."}};
    for (const auto& [k, v] : overrides.items()) b[k] = v;
    return b;
  }

  std::string SignalUrl(int64_t id, const std::string& action = "") const {
    return Base(tenant_a_) + "/signals/" + std::to_string(id) +
           (action.empty() ? "" : "/" + action);
  }

  // Files as `who` and returns the signal (asserts 201).
  json File(const std::string& who, const json& body = Body()) {
    As(who);
    HttpResult r = Post(url_, body);
    EXPECT_EQ(r.status, 201U) << r.body;
    return r.json();
  }

  static std::vector<std::string> Errors(const HttpResult& r) {
    std::vector<std::string> out;
    for (const json& e : r.json().value("errors", json::array()))
      out.push_back(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
    return out;
  }

  json household_;
  int64_t hid_ = 0;
  std::string url_;
};

TEST_P(SignalsApiTest, VolunteerFilesAndTheRoutedOrganisationHandles) {
  json s = File("vrijwilliger");
  const int64_t id = s["id"];
  EXPECT_EQ(s["state"], "ingediend");
  EXPECT_EQ(s["routed_to"]["id"], org_a_ggd_);  // gezondheid -> the involved GGD
  EXPECT_EQ(s["reporter"]["id"], UserId("vrijwilliger"));
  EXPECT_EQ(s["acknowledge_due"], "2026-11-26");  // normaal: 3 calendar days
  EXPECT_EQ(s["due_date"], "2026-11-26");
  EXPECT_EQ(s["escalated"], false);
  EXPECT_EQ(s["description"], "Senait heeft veel pijn en geen huisarts.");
  EXPECT_EQ(s["allowed_actions"], json({"withdraw"}));
  EXPECT_EQ(s["content_category"], "gezondheid");

  // The GGD partner finds it in its list and acknowledges it.
  As("partner");
  HttpResult list = Get(Base(tenant_a_) + "/signals?open=true");
  ASSERT_EQ(list.status, 200U) << list.body;
  ASSERT_EQ(list.json()["items"].size(), 1U);
  EXPECT_EQ(list.json()["items"][0]["allowed_actions"], json({"acknowledge", "reroute"}));
  HttpResult ack = Post(SignalUrl(id, "acknowledge"), json::object());
  ASSERT_EQ(ack.status, 200U) << ack.body;
  EXPECT_EQ(ack.json()["state"], "in_behandeling");
  EXPECT_EQ(ack.json()["follow_up_due"], "2026-12-03");  // normaal: 10 days
  EXPECT_EQ(ack.json()["allowed_actions"], json({"reroute", "close"}));
  // Refused transitions from in_behandeling.
  HttpResult again = Post(SignalUrl(id, "acknowledge"), json::object());
  EXPECT_EQ(again.status, 409U);
  EXPECT_EQ(again.json()["code"], "signal_transition_refused");
  HttpResult no_result = Post(SignalUrl(id, "close"), json::object());
  EXPECT_EQ(no_result.status, 422U);
  EXPECT_EQ(Errors(no_result), std::vector<std::string>{"result:required"});
  HttpResult closed =
      Post(SignalUrl(id, "close"), {{"result", "Afspraak bij de huisarts gemaakt."}});
  ASSERT_EQ(closed.status, 200U) << closed.body;
  EXPECT_EQ(closed.json()["state"], "afgehandeld");
  EXPECT_EQ(closed.json()["result"], "Afspraak bij de huisarts gemaakt.");
  EXPECT_EQ(closed.json()["allowed_actions"], json::array());
  const std::pair<const char*, json> refused[] = {
      {"acknowledge", json::object()},
      {"reroute", {{"organisation_id", org_a_vwn_}, {"reason", "Hoort bij Vluchtelingenwerk"}}},
      {"close", {{"result", "Nogmaals"}}}};
  for (const auto& [action, body] : refused) {
    HttpResult r = Post(SignalUrl(id, action), body);
    EXPECT_EQ(r.status, 409U) << action << r.body;
  }

  // The reporter sees the state and dates, never the follow-up.
  As("vrijwilliger");
  HttpResult mine = Get(SignalUrl(id));
  ASSERT_EQ(mine.status, 200U);
  EXPECT_EQ(mine.json()["state"], "afgehandeld");
  EXPECT_TRUE(mine.json().contains("description"));
  EXPECT_FALSE(mine.json().contains("result"));
  ASSERT_EQ(mine.json()["history"].size(), 3U);
  const json mine_body = mine.json();
  for (const json& h : mine_body["history"]) EXPECT_FALSE(h.contains("note")) << h;
  HttpResult withdraw = Post(SignalUrl(id, "withdraw"), json::object());
  EXPECT_EQ(withdraw.status, 409U);
  EXPECT_EQ(withdraw.json()["code"], "signal_transition_refused");
  // The regisseur of the household sees everything.
  As("regisseur");
  HttpResult full = Get(SignalUrl(id));
  EXPECT_EQ(full.json()["result"], "Afspraak bij de huisarts gemaakt.");
  EXPECT_EQ(full.json()["history"][2]["note"], "Afspraak bij de huisarts gemaakt.");
}

TEST_P(SignalsApiTest, WithdrawOnlyByTheReporterAndOnlyWhileFiled) {
  const int64_t id = File("begeleider", Body({{"category", "financien"}}))["id"];
  // Others may not withdraw; the reporter may not acknowledge.
  As("regisseur");
  EXPECT_EQ(Post(SignalUrl(id, "withdraw"), json::object()).json()["code"], "forbidden");
  As("begeleider");
  HttpResult ack = Post(SignalUrl(id, "acknowledge"), json::object());
  EXPECT_EQ(ack.status, 403U);
  EXPECT_EQ(ack.json()["code"], "forbidden");
  HttpResult close = Post(SignalUrl(id, "close"), {{"result", "Klaar"}});
  EXPECT_EQ(close.status, 403U);
  HttpResult w = Post(SignalUrl(id, "withdraw"), {{"reason", "Was al bekend bij de bank."}});
  ASSERT_EQ(w.status, 200U) << w.body;
  EXPECT_EQ(w.json()["state"], "ingetrokken");
  EXPECT_EQ(w.json()["withdraw_reason"], "Was al bekend bij de bank.");
  EXPECT_EQ(Post(SignalUrl(id, "withdraw"), json::object()).status, 409U);
  As("regisseur");
  for (const char* action : {"acknowledge", "close"}) {
    HttpResult r = Post(SignalUrl(id, action),
                        std::string(action) == "close" ? json{{"result", "x"}} : json::object());
    EXPECT_EQ(r.status, 409U) << action;
    EXPECT_EQ(r.json()["code"], "signal_transition_refused");
  }
  HttpResult reroute =
      Post(SignalUrl(id, "reroute"), {{"organisation_id", org_a_vwn_}, {"reason", "Andere hulp"}});
  EXPECT_EQ(reroute.status, 409U);
}

TEST_P(SignalsApiTest, RerouteHandsTheSignalToAnotherOrganisation) {
  const int64_t id = File("regisseur", Body({{"urgency", "hoog"}}))["id"];
  As("partner");
  HttpResult same =
      Post(SignalUrl(id, "reroute"), {{"organisation_id", org_a_ggd_}, {"reason", "Zelfde plek"}});
  EXPECT_EQ(same.status, 422U);
  EXPECT_EQ(Errors(same), std::vector<std::string>{"organisation_id:same_organisation"});
  HttpResult other_tenant = Post(SignalUrl(id, "reroute"),
                                 {{"organisation_id", org_b_gem_}, {"reason", "Andere gemeente"}});
  EXPECT_EQ(other_tenant.status, 422U);
  EXPECT_EQ(Errors(other_tenant), std::vector<std::string>{"organisation_id:invalid_reference"});
  HttpResult short_reason =
      Post(SignalUrl(id, "reroute"), {{"organisation_id", org_a_vwn_}, {"reason", "nee"}});
  EXPECT_EQ(Errors(short_reason), std::vector<std::string>{"reason:too_short"});
  HttpResult moved = Post(SignalUrl(id, "reroute"),
                          {{"organisation_id", org_a_vwn_}, {"reason", "Begeleiding pakt dit op"}});
  ASSERT_EQ(moved.status, 200U) << moved.body;
  EXPECT_EQ(moved.json()["state"], "ingediend");
  EXPECT_EQ(moved.json()["acknowledge_due"], "2026-11-24");  // hoog: 1 day from re-routing
  // The GGD partner is involved in the household but without a basis for
  // gezondheid: it still sees the signal, not its content nor where it
  // went now (that names the worry too), and may not act.
  EXPECT_FALSE(moved.json().contains("routed_to"));
  HttpResult after = Get(SignalUrl(id));
  ASSERT_EQ(after.status, 200U);
  EXPECT_FALSE(after.json().contains("description"));
  EXPECT_FALSE(after.json().contains("routed_to"));
  EXPECT_EQ(after.json()["allowed_actions"], json::array());
  EXPECT_EQ(Post(SignalUrl(id, "acknowledge"), json::object()).status, 403U);
  // The VWN begeleider now handles it.
  As("begeleider");
  HttpResult ack = Post(SignalUrl(id, "acknowledge"), {{"follow_up_due", "2026-12-01"}});
  ASSERT_EQ(ack.status, 200U) << ack.body;
  EXPECT_EQ(ack.json()["follow_up_due"], "2026-12-01");
  EXPECT_EQ(ack.json()["history"].size(), 3U);
  EXPECT_EQ(ack.json()["history"][1]["note"], "Begeleiding pakt dit op");
  EXPECT_EQ(ack.json()["routed_to"]["id"], org_a_vwn_);  // it handles the content
}

TEST_P(SignalsApiTest, DefaultRoutingAndExplicitOrganisation) {
  // No sociale dienst in tenant A: financien falls to the municipality.
  EXPECT_EQ(File("regisseur", Body({{"category", "financien"}}))["routed_to"]["id"], org_a_gem_);
  EXPECT_EQ(File("regisseur", Body({{"category", "huiselijk_geweld"}}))["routed_to"]["id"],
            org_a_gem_);
  EXPECT_EQ(File("regisseur", Body({{"category", "opvoeding"}}))["routed_to"]["id"], org_a_ggd_);
  EXPECT_EQ(File("regisseur", Body({{"category", "overig"}}))["routed_to"]["id"], org_a_gem_);
  json explicit_org = File("regisseur", Body({{"organisation_id", org_a_vwn_}}));
  EXPECT_EQ(explicit_org["routed_to"]["id"], org_a_vwn_);
  // Only the regisseur names the organisation.
  As("vrijwilliger");
  HttpResult r = Post(url_, Body({{"organisation_id", org_a_vwn_}}));
  EXPECT_EQ(r.status, 422U);
  EXPECT_EQ(Errors(r), std::vector<std::string>{"organisation_id:not_allowed"});
}

TEST_P(SignalsApiTest, BadInputIsRefusedWhole) {
  const int64_t senait = household_["persons"][0]["id"];
  HttpResult r = Post(url_, {{"category", "ruzie"},
                             {"urgency", "spoed"},
                             {"description", "   "},
                             {"person_ids", {senait, senait}},
                             {"extra", 1}});
  EXPECT_EQ(r.status, 422U);
  EXPECT_EQ(Errors(r), (std::vector<std::string>{"category:invalid_enum", "urgency:invalid_enum",
                                                 "extra:unknown_field", "person_ids/1:duplicate",
                                                 "description:required"}));
  EXPECT_EQ(r.json()["title"].is_string(), true);
  HttpResult foreign = Post(url_, Body({{"person_ids", {999999}}}));
  EXPECT_EQ(foreign.status, 422U);
  EXPECT_EQ(Errors(foreign), std::vector<std::string>{"person_ids/0:invalid_reference"});
  HttpResult ack_bad_date =
      Post(SignalUrl(File("regisseur")["id"], "acknowledge"), {{"follow_up_due", "2026-11-01"}});
  EXPECT_EQ(Errors(ack_bad_date), std::vector<std::string>{"follow_up_due:date_in_past"});
  As("regisseur");
  HttpResult list = Get(url_);
  ASSERT_EQ(list.status, 200U);
  EXPECT_EQ(list.json()["items"].size(), 1U);  // only the valid one
  EXPECT_EQ(list.json()["may_file"], true);
  EXPECT_EQ(Get(SignalUrl(999999)).status, 404U);
}

TEST_P(SignalsApiTest, OverdueSignalsEscalateToTheRegisseursWorklist) {
  // Filed five days ago as normaal: acknowledge was due two days ago.
  int64_t id = 0;
  {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    core::SignalData d{.household_id = hid_,
                       .category = core::SignalCategory::kFinancien,
                       .urgency = core::SignalUrgency::kNormaal,
                       .description = "Huurachterstand."};
    core::Timestamp five_days_ago{clock_->Now().micros - 5LL * 24 * 3600 * 1'000'000};
    id = tx->Signals()
             .Create(core::NewSignal(tenant_a_, d, UserId("begeleider"), org_a_vwn_, org_a_ggd_,
                                     five_days_ago))
             ->id;
    ASSERT_TRUE(tx->Commit().ok());
  }
  As("regisseur");
  HttpResult s = Get(SignalUrl(id));
  ASSERT_EQ(s.status, 200U);
  EXPECT_EQ(s.json()["escalated"], true);
  HttpResult work = Get(Base(tenant_a_) + "/worklist");
  ASSERT_EQ(work.status, 200U) << work.body;
  bool found = false;
  const json items = work.json()["items"];
  for (const json& item : items)
    if (item["kind"] == "signal" && item["id"] == id) {
      found = true;
      EXPECT_EQ(item["escalated"], true);
      EXPECT_EQ(item["due_date"], "2026-11-21");
      EXPECT_EQ(item["household"]["id"], hid_);
    }
  EXPECT_TRUE(found) << work.body;
  // The begeleider's worklist does not show it: routed to the GGD, and
  // they do not direct the household.
  As("begeleider");
  HttpResult theirs = Get(Base(tenant_a_) + "/worklist");
  ASSERT_EQ(theirs.status, 200U);
  const json their_items = theirs.json()["items"];
  for (const json& item : their_items) EXPECT_NE(item["kind"], "signal") << item;
}

TEST_P(SignalsApiTest, CaseFreeRolesAndStrangersSeeNoSignals) {
  const int64_t id = File("regisseur")["id"];
  for (const char* who : {"beleid", "beheer", "auditor"}) {
    As(who);
    EXPECT_EQ(Get(SignalUrl(id)).status, 403U) << who;
    EXPECT_EQ(Get(Base(tenant_a_) + "/signals").status, 403U) << who;
  }
  As("regisseur2");
  HttpResult stranger = Get(SignalUrl(id));
  EXPECT_EQ(stranger.status, 403U);
  EXPECT_EQ(stranger.json()["code"], "no_relationship");
  As("regisseur_b");
  EXPECT_EQ(Get(Base(tenant_a_) + "/signals/" + std::to_string(id)).status, 404U);
  EXPECT_EQ(Get(Base(tenant_b_) + "/signals/" + std::to_string(id)).status, 404U);
}

// Every access is in the audit log with what it showed: the content
// category only when the content was shown, refusals as denied.
TEST_P(SignalsApiTest, ReadsWritesAndRefusalsAreAudited) {
  const int64_t id = File("vrijwilliger")["id"];
  As("partner");
  ASSERT_EQ(Post(SignalUrl(id, "acknowledge"), json::object()).status, 200U);
  As("regisseur2");
  ASSERT_EQ(Get(SignalUrl(id)).status, 403U);
  As("vrijwilliger");
  ASSERT_EQ(Get(SignalUrl(id)).status, 200U);
  As("auditor");
  const std::string url = Base(tenant_a_) + "/audit?household_id=" + std::to_string(hid_);
  ASSERT_EQ(Get(url).status, 200U);  // lets the queued records settle
  HttpResult r = Get(url);
  ASSERT_EQ(r.status, 200U) << r.body;
  const json items = r.json()["items"];
  auto find = [&items](const std::string& action, const std::string& outcome) {
    for (const json& item : items)
      if (item["resource_type"] == "signal" && item["action"] == action &&
          item["outcome"] == outcome)
        return item;
    return json();
  };
  const json created = find("create", "allowed");
  ASSERT_FALSE(created.is_null()) << items.dump();
  EXPECT_EQ(created["resource_id"], std::to_string(id));
  EXPECT_EQ(created["household_id"], hid_);
  EXPECT_EQ(created["categories"], json({"gezondheid"}));
  EXPECT_EQ(created["purpose"], "reporter");
  const json acknowledged = find("acknowledge", "allowed");
  ASSERT_FALSE(acknowledged.is_null());
  EXPECT_EQ(acknowledged["purpose"], "routed_organisation");
  EXPECT_EQ(acknowledged["user"]["id"], UserId("partner"));
  const json denied = find("read", "denied");
  ASSERT_FALSE(denied.is_null());
  EXPECT_EQ(denied["user"]["id"], UserId("regisseur2"));
  EXPECT_EQ(denied["purpose"], "no_relationship");
  const json read = find("read", "allowed");
  ASSERT_FALSE(read.is_null());
  EXPECT_EQ(read["user"]["id"], UserId("vrijwilliger"));
}

INSTANTIATE_TEST_SUITE_P(Backends, SignalsApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
