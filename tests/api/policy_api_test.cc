// Policy over real HTTP: pack activations by the functional admin, events
// recorded for a person (refused when impossible, kept when unknown), the
// milestone timeline and the worklist they give, voiding, and who may see
// any of it.
#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

class PolicyApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    household_ = CreateHousehold("Tesfay", {PersonBody("Senait", "Tesfay", "111222333")});
    person_ = household_["persons"][0]["id"];
    ActivateTimelinePacks();
  }
  std::string PersonUrl() const { return Base(tenant_a_) + "/persons/" + std::to_string(person_); }
  HttpResult RecordEvent(const json& body) { return Post(PersonUrl() + "/events", body); }
  // The timeline item of one milestone.
  json Milestone(const std::string& id) {
    HttpResult r = Get(PersonUrl() + "/milestones");
    EXPECT_EQ(r.status, 200U) << r.body;
    const json body = r.json();
    for (const json& m : body["milestones"])
      if (m["id"] == id) return m;
    ADD_FAILURE() << "no milestone " << id << " in " << r.body;
    return json::object();
  }
  std::vector<std::string> WorklistIds() {
    HttpResult r = Get(Base(tenant_a_) + "/worklist");
    EXPECT_EQ(r.status, 200U) << r.body;
    std::vector<std::string> ids;
    const json body = r.json();
    for (const json& item : body["items"]) ids.push_back(item["id"]);
    return ids;
  }

  json household_;
  int64_t person_ = 0;
};

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST_P(PolicyApiTest, EventsMoveAMilestoneFromOverdueToLateAndOffTheWorklist) {
  // No DUO notice yet: the PIP has no deadline.
  EXPECT_EQ(Milestone("wi2021.pip")["status"], "open");
  HttpResult notice = RecordEvent({{"event", "duo_kennisgeving"}, {"date", "2025-02-01"}});
  ASSERT_EQ(notice.status, 201U) << notice.body;
  EXPECT_EQ(notice.json()["known"], true);
  EXPECT_EQ(notice.json()["label"]["nl"], "Kennisgeving DUO start inburgeringsplicht");
  EXPECT_EQ(notice.json()["recorded_by"]["id"], UserId("regisseur"));

  json pip = Milestone("wi2021.pip");
  EXPECT_EQ(pip["status"], "verlopen");
  EXPECT_EQ(pip["due_date"], "2025-04-12");  // ten weeks after the notice
  EXPECT_EQ(pip["band"], "0-3");             // housed 2025-04-01
  EXPECT_EQ(pip["pack"]["id"], "nl-wet-inburgering-2021");
  EXPECT_FALSE(pip["source"]["document"].get<std::string>().empty());
  EXPECT_TRUE(Contains(WorklistIds(), "wi2021.pip"));

  ASSERT_EQ(RecordEvent({{"event", "pip_vastgesteld"}, {"date", "2025-05-01"}}).status, 201U);
  pip = Milestone("wi2021.pip");
  EXPECT_EQ(pip["status"], "te_laat");
  EXPECT_EQ(pip["satisfied_date"], "2025-05-01");
  EXPECT_FALSE(Contains(WorklistIds(), "wi2021.pip"));

  // The timeline on an earlier reference date ignores later events.
  HttpResult earlier = Get(PersonUrl() + "/milestones?on=2025-03-01");
  ASSERT_EQ(earlier.status, 200U) << earlier.body;
  EXPECT_EQ(earlier.json()["on"], "2025-03-01");
}

// The worklist is cached per user, but a write that changes what it shows
// (an event, an assignment) is visible on the very next read, and every
// read, cached or not, is in the audit log.
TEST_P(PolicyApiTest, CachedWorklistIsNeverStaleAndAlwaysAudited) {
  ASSERT_EQ(RecordEvent({{"event", "duo_kennisgeving"}, {"date", "2025-02-01"}}).status, 201U);
  HttpResult first = Get(Base(tenant_a_) + "/worklist");
  HttpResult second = Get(Base(tenant_a_) + "/worklist");
  ASSERT_EQ(first.status, 200U);
  EXPECT_EQ(first.body, second.body);
  EXPECT_TRUE(Contains(WorklistIds(), "wi2021.pip"));

  const std::string assignments = Base(tenant_a_) + "/households/" +
                                  std::to_string(household_["id"].get<int64_t>()) + "/assignments";
  As("begeleider");
  EXPECT_FALSE(Contains(WorklistIds(), "wi2021.pip"));
  As("regisseur");
  ASSERT_EQ(
      Put(assignments, {{"begeleiders", {UserId("begeleider")}}, {"vrijwilligers", json::array()}})
          .status,
      200U);
  As("begeleider");
  EXPECT_TRUE(Contains(WorklistIds(), "wi2021.pip"));
  As("regisseur");
  ASSERT_EQ(
      Put(assignments, {{"begeleiders", json::array()}, {"vrijwilligers", json::array()}}).status,
      200U);
  As("begeleider");
  EXPECT_FALSE(Contains(WorklistIds(), "wi2021.pip"));

  // Three reads by the regisseur above (two of them answered from the cache).
  As("auditor");
  const std::string url = Base(tenant_a_) + "/audit?user_id=" + std::to_string(UserId("regisseur"));
  ASSERT_EQ(Get(url).status, 200U);  // lets queued records settle
  int regisseur_reads = 0;
  HttpResult log = Get(url);
  const json items = log.json()["items"];
  for (const json& r : items)
    if (r["resource_type"] == "worklist") ++regisseur_reads;
  EXPECT_EQ(regisseur_reads, 3) << log.body.substr(0, 1500);
}

TEST_P(PolicyApiTest, ImpossibleEventsAreRefusedAndUnknownOnesKept) {
  auto field_of = [](const HttpResult& r) {
    return r.json()["errors"][0]["field"].get<std::string>() + ":" +
           r.json()["errors"][0]["code"].get<std::string>();
  };
  HttpResult future = RecordEvent({{"event", "pvt_afgerond"}, {"date", "2026-11-24"}});
  EXPECT_EQ(future.status, 422U) << future.body;
  EXPECT_EQ(field_of(future), "date:event_in_future");
  HttpResult before_birth = RecordEvent({{"event", "pvt_afgerond"}, {"date", "1980-01-01"}});
  EXPECT_EQ(before_birth.status, 422U);
  EXPECT_EQ(field_of(before_birth), "date:event_before_birth");
  HttpResult person_field = RecordEvent({{"event", "huisvesting"}, {"date", "2025-04-01"}});
  EXPECT_EQ(person_field.status, 422U);
  EXPECT_EQ(field_of(person_field), "event:event_not_recordable");
  HttpResult bad_code =
      RecordEvent({{"event", "leerroute_vastgesteld"}, {"date", "2025-05-01"}, {"code", "x"}});
  EXPECT_EQ(bad_code.status, 422U);
  EXPECT_EQ(field_of(bad_code), "code:unknown_code");
  HttpResult no_reason = RecordEvent({{"event", "pip_termijn_verlengd"}, {"date", "2025-03-01"}});
  EXPECT_EQ(no_reason.status, 422U);
  EXPECT_EQ(field_of(no_reason), "reason:required");
  HttpResult extra = RecordEvent({{"event", "pvt_afgerond"}, {"date", "2025-05-01"}, {"x", 1}});
  EXPECT_EQ(extra.status, 422U);
  EXPECT_EQ(field_of(extra), "x:unknown_field");
  ASSERT_EQ(Get(PersonUrl() + "/events").json()["items"].size(), 0U);  // nothing was stored

  HttpResult unknown = RecordEvent({{"event", "buurtfeest_bezocht"}, {"date", "2025-06-01"}});
  ASSERT_EQ(unknown.status, 201U) << unknown.body;
  EXPECT_EQ(unknown.json()["known"], false);
  EXPECT_TRUE(unknown.json()["label"].is_null());
  HttpResult timeline = Get(PersonUrl() + "/milestones");
  EXPECT_EQ(timeline.json()["unknown_events"], json::array({"buurtfeest_bezocht"}));
}

TEST_P(PolicyApiTest, AVoidedEventNoLongerCountsAndCannotBeVoidedTwice) {
  ASSERT_EQ(RecordEvent({{"event", "duo_kennisgeving"}, {"date", "2025-02-01"}}).status, 201U);
  HttpResult pip = RecordEvent({{"event", "pip_vastgesteld"}, {"date", "2025-03-01"}});
  ASSERT_EQ(pip.status, 201U);
  EXPECT_EQ(Milestone("wi2021.pip")["status"], "op_tijd");
  const std::string void_url =
      PersonUrl() + "/events/" + std::to_string(pip.json()["id"].get<int64_t>()) + "/void";
  EXPECT_EQ(Post(void_url, {{"reason", "x"}}).status, 422U);  // too short
  HttpResult voided = Post(void_url, {{"reason", "Verkeerde persoon ingevoerd"}});
  ASSERT_EQ(voided.status, 200U) << voided.body;
  EXPECT_EQ(voided.json()["voided"], true);
  EXPECT_EQ(voided.json()["void_reason"], "Verkeerde persoon ingevoerd");
  EXPECT_EQ(Milestone("wi2021.pip")["status"], "verlopen");
  EXPECT_EQ(Post(void_url, {{"reason", "Nogmaals ongeldig"}}).status, 409U);
  // Voided events stay in the list, marked.
  HttpResult list = Get(PersonUrl() + "/events");
  ASSERT_EQ(list.json()["items"].size(), 2U);
  EXPECT_EQ(list.json()["items"][1]["voided"], true);
}

TEST_P(PolicyApiTest, OnlyThoseWhoSeeInburgeringDataSeeEventsAndEveryReadIsAudited) {
  ASSERT_EQ(RecordEvent({{"event", "duo_kennisgeving"}, {"date", "2025-02-01"}}).status, 201U);
  As("begeleider");  // not assigned yet: no relationship
  EXPECT_EQ(Get(PersonUrl() + "/milestones").status, 403U);
  for (const char* user : {"vrijwilliger", "beleid", "beheer", "auditor", "partner"}) {
    As(user);
    EXPECT_EQ(Get(PersonUrl() + "/events").status, 403U) << user;
    EXPECT_EQ(Get(PersonUrl() + "/milestones").status, 403U) << user;
  }
  As("partner");  // involved organisation, but nothing shared: no event may be recorded
  EXPECT_EQ(RecordEvent({{"event", "pvt_afgerond"}, {"date", "2025-05-01"}}).status, 403U);
  As("regisseur_b");  // another municipality
  EXPECT_EQ(Get(PersonUrl() + "/events").status, 404U);
  EXPECT_EQ(Get(Base(tenant_a_) + "/worklist").status, 404U);
  As("beleid");
  EXPECT_EQ(Get(Base(tenant_a_) + "/worklist").status, 403U);

  As("regisseur");
  ASSERT_EQ(Get(PersonUrl() + "/milestones").status, 200U);
  As("auditor");
  HttpResult audit =
      Get(Base(tenant_a_) + "/audit?person_id=" + std::to_string(person_) + "&limit=500");
  ASSERT_EQ(audit.status, 200U) << audit.body;
  int reads = 0, created = 0, denied = 0;
  const json records = audit.json();
  for (const json& r : records["items"]) {
    const std::string type = r["resource_type"];
    if (type == "milestones" && r["outcome"] == "allowed") ++reads;
    if (type == "person_event" && r["action"] == "create") ++created;
    if (r["outcome"] == "denied") ++denied;  // refusals name the household or the events
  }
  EXPECT_EQ(reads, 1);
  EXPECT_EQ(created, 1);
  EXPECT_GE(denied, 3);
}

TEST_P(PolicyApiTest, OnlyBeheerChangesActivationsAndBadSetsChangeNothing) {
  const std::string url = Base(tenant_a_) + "/policy/activations";
  EXPECT_EQ(Put(url, {{"activations", json::array()}}).status, 403U);  // as regisseur

  As("beheer");
  auto first_error = [](const HttpResult& r) {
    return r.json()["errors"][0]["field"].get<std::string>() + ":" +
           r.json()["errors"][0]["code"].get<std::string>();
  };
  HttpResult other_town =
      Put(url, {{"activations", {{{"pack_id", "dalfsen-2017"}, {"from", "2017-01-01"}}}}});
  EXPECT_EQ(other_town.status, 422U);
  EXPECT_EQ(first_error(other_town), "activations/0/pack_id:pack_not_for_tenant");
  HttpResult unknown =
      Put(url, {{"activations", {{{"pack_id", "bestaat-niet"}, {"from", "2017-01-01"}}}}});
  EXPECT_EQ(first_error(unknown), "activations/0/pack_id:unknown_pack");
  HttpResult backwards = Put(url, {{"activations",
                                    {{{"pack_id", "hardinxveld-giessendam-2016"},
                                      {"from", "2018-01-01"},
                                      {"to", "2017-01-01"}}}}});
  EXPECT_EQ(first_error(backwards), "activations/0/to:before_from");
  HttpResult overlap =
      Put(url, {{"activations",
                 {{{"pack_id", "hardinxveld-giessendam-2016"}, {"from", "2016-01-01"}},
                  {{"pack_id", "hardinxveld-giessendam-2016"}, {"from", "2018-01-01"}}}}});
  EXPECT_EQ(first_error(overlap), "activations/1/from:overlapping_activation");

  // Unchanged: still the two activations of SetUp.
  HttpResult packs = Get(Base(tenant_a_) + "/policy/packs");
  ASSERT_EQ(packs.status, 200U) << packs.body;
  int active = 0;
  bool dalfsen_applicable = true;
  const json pack_list = packs.json();
  for (const json& p : pack_list["items"]) {
    active += static_cast<int>(p["activations"].size());
    if (p["id"] == "dalfsen-2017") dalfsen_applicable = p["applicable"];
    if (p["id"] == "hardinxveld-giessendam-2016") {
      EXPECT_EQ(p["activations"][0]["recorded_by"]["id"], UserId("beheer"));
    }
  }
  EXPECT_EQ(active, 2);
  EXPECT_FALSE(dalfsen_applicable);

  HttpResult detail = Get(Base(tenant_a_) + "/policy/packs/hardinxveld-giessendam-2016");
  ASSERT_EQ(detail.status, 200U) << detail.body;
  const json version = detail.json()["versions"][0];
  ASSERT_FALSE(version["milestones"].empty());
  for (const json& m : version["milestones"])
    EXPECT_FALSE(m["source"]["section"].get<std::string>().empty()) << m["id"];
  EXPECT_EQ(Get(Base(tenant_a_) + "/policy/packs/bestaat-niet").status, 404U);
}

INSTANTIATE_TEST_SUITE_P(Backends, PolicyApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
