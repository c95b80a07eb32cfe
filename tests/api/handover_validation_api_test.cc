// A signed package is held at upload to the rules a record entered here by
// hand meets, field by field: its events to those of the events API (id,
// number, texts, date not in the future nor before the birth date), void
// reasons to those of a void request, empty codes, dates and times are
// missing rather than the first value or the epoch, integers are range
// checked before they are narrowed, and the sender's names have the API's
// limits and its municipality a CBS code. Its events meet the receiver's
// active policy packs as the events API's do, at upload and again at
// acceptance. Each refusal names the field, on both backends, and stores
// nothing; the package that keeps the rules goes in and is accepted with
// its texts trimmed.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "handover_api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

const json kAuthor = {{"name", "Regisseur"}, {"organisation", "Gemeente"}};

// A recorded event of p1 in the package format (the fixture's clock is at
// 2026-11-23; the persons are born on 1988-03-04).
json PackageEvent(const std::string& date = "2026-11-01") {
  return {{"person", "p1"},
          {"event", "buurtfeest_bezocht"},
          {"date", date},
          {"value", nullptr},
          {"code", ""},
          {"reason", ""},
          {"recorded_by", kAuthor},
          {"recorded_at", "2026-11-01T10:00:00.000000Z"},
          {"voided", nullptr}};
}

// PackageEvent() as `event`, with the members of `set` changed.
json EventOf(const std::string& event, const json& set = json::object()) {
  json e = PackageEvent();
  e["event"] = event;
  for (const auto& [key, value] : set.items()) e[key] = value;
  return e;
}

json Voided(const std::string& reason) {
  return {{"at", "2026-11-02T10:00:00.000000Z"}, {"by", kAuthor}, {"reason", reason}};
}

json PackageLadder(json rung = 4) {
  return {{"person", "p1"},          {"kind", "participatieladder"},
          {"date", "2026-10-01"},    {"assessor", ""},
          {"zrm", json::array()},    {"rung", std::move(rung)},
          {"rungs_present", {4, 2}}, {"outcome", ""},
          {"recorded_by", kAuthor},  {"recorded_at", "2026-10-01T10:00:00.000000Z"},
          {"voided", nullptr}};
}

json PackagePlan(json next_key = 2) {
  return {{"version", 1},
          {"saved_at", "2026-11-20T10:00:00.000000Z"},
          {"saved_by", kAuthor},
          {"next_key", std::move(next_key)},
          {"goals", {PackageGoal(1, "Werk vinden")}}};
}

class HandoverValidationApiTest : public HandoversApiTest {
 protected:
  struct Case {
    std::function<void(json&)> change;
    std::string field;
    std::string code;
  };

  // Each case, applied to the exported package and signed again, is
  // refused at upload by tenant B with its field; nothing is stored. Each
  // has a package id of its own, so a case let in does not turn the next
  // ones into conflicts.
  void ExpectRefused(const json& document, const std::vector<Case>& cases) {
    As("regisseur_b");
    const std::string incoming = Base(tenant_b_) + "/handovers";
    for (size_t i = 0; i < cases.size(); ++i) {
      const Case& c = cases[i];
      auto change = [&](json& p) {
        std::string id = p["package_id"].get<std::string>();
        const std::string n = std::to_string(1000 + i);
        p["package_id"] = id.replace(id.size() - n.size(), n.size(), n);
        c.change(p);
      };
      HttpResult refused = Post(incoming, Resigned(document, change));
      EXPECT_EQ(refused.status, 422U) << c.field << " " << c.code << ": " << refused.body;
      EXPECT_EQ(refused.json()["code"], "validation_failed") << c.field;
      EXPECT_TRUE(HasError(refused.json(), c.field, c.code))
          << c.field << " " << c.code << ": " << refused.body;
    }
    EXPECT_EQ(*test_db_->RunSql("SELECT count(*) FROM handover_packages WHERE direction = "
                                "'incoming'"),
              std::vector<std::string>{"0"});
  }

  // Tenant B uploads and accepts `document`; the events of the new
  // household's first person as the events API lists them (null on
  // failure, with the failure reported).
  json AcceptedEvents(const json& document) {
    As("regisseur_b");
    HttpResult imported = Post(Base(tenant_b_) + "/handovers", document);
    EXPECT_EQ(imported.status, 201U) << imported.body;
    if (imported.status != 201U) return nullptr;
    const std::string decide =
        Base(tenant_b_) + "/handovers/" + std::to_string(imported.json()["id"].get<int64_t>());
    HttpResult accepted = Post(decide + "/accept", json::object());
    EXPECT_EQ(accepted.status, 200U) << accepted.body;
    if (accepted.status != 200U) return nullptr;
    const json household = Get(Base(tenant_b_) + "/households/" +
                               std::to_string(accepted.json()["household_id"].get<int64_t>()))
                               .json();
    const int64_t person = household["persons"][0]["id"].get<int64_t>();
    HttpResult listed = Get(Base(tenant_b_) + "/persons/" + std::to_string(person) + "/events");
    EXPECT_EQ(listed.status, 200U) << listed.body;
    return listed.status == 200U ? listed.json()["items"] : json(nullptr);
  }

  json Exported() {
    As("regisseur");
    const json document = Post(PackageUrl(), json::object()).json();
    EXPECT_EQ(document.value("format", ""), "regie.handover/v1");
    TrustInstanceKeyIn(tenant_b_);
    return document;
  }
};

// An event that the events API would refuse is refused in a package too:
// a milestone event dated next month could otherwise mark it met.
TEST_P(HandoverValidationApiTest, PackageEventsMeetTheRulesOfARecordedEvent) {
  const json document = Exported();
  auto with_event = [](json event) { return [event](json& p) { p["events"] = {event}; }; };
  auto changed = [](const char* key, json value) {
    json e = PackageEvent();
    e[key] = std::move(value);
    return e;
  };
  const std::string too_long(2001, 'x');
  ExpectRefused(
      document,
      {
          {with_event(PackageEvent("2026-12-23")), "package/events/0/date", "event_in_future"},
          {with_event(PackageEvent("1988-03-03")), "package/events/0/date", "event_before_birth"},
          {with_event(changed("event", "Buurtfeest bezocht")), "package/events/0/event",
           "invalid_event_id"},
          {with_event(changed("event", std::string(101, 'a'))), "package/events/0/event",
           "invalid_event_id"},
          {with_event(changed("event", "")), "package/events/0/event", "required"},
          {with_event(changed("value", -1)), "package/events/0/value", "invalid_number"},
          {with_event(changed("value", 1'000'001)), "package/events/0/value", "invalid_number"},
          // 2^32 + 3 would be narrowed to 3.
          {with_event(changed("value", (int64_t{1} << 32) + 3)), "package/events/0/value",
           "invalid_number"},
          {with_event(changed("code", too_long)), "package/events/0/code", "too_long"},
          {with_event(changed("reason", too_long)), "package/events/0/reason", "too_long"},
          {with_event(changed("reason", "Gemeld\x07")), "package/events/0/reason", "invalid_text"},
          {with_event(changed("voided", Voided("Fout"))), "package/events/0/voided/reason",
           "too_short"},
          {with_event(changed("voided", Voided("  "))), "package/events/0/voided/reason",
           "required"},
          {with_event(changed("voided", Voided(std::string(2020, 'x')))),
           "package/events/0/voided/reason", "too_long"},
          {with_event(changed("voided", Voided(std::string("Verkeerd\0", 9)))),
           "package/events/0/voided/reason", "invalid_text"},
          {[](json& p) {
             json a = PackageLadder();
             a["voided"] = Voided(std::string(2001, 'x'));
             p["assessments"] = {a};
           },
           "package/assessments/0/voided/reason", "too_long"},
      });
}

// An event the receiver's active packs refuse through the events API is
// refused in a package too, with that API's field errors: the housing date
// is the person's (a person-field event, not recorded), an extension needs
// its reason, volunteer work its hours, a learning route a code of its
// list. Every refusal is named at once, at the event's index.
TEST_P(HandoverValidationApiTest, PackageEventsMeetTheReceiversPacksAtUpload) {
  ActivatePacksInB();
  const json document = Exported();
  auto with_event = [](json event) { return [event](json& p) { p["events"] = {event}; }; };
  const json housing = EventOf("huisvesting");
  const json extended = EventOf("pip_termijn_verlengd");
  const json volunteering = EventOf("vrijwilligerswerk_gestart");
  const json route = EventOf("leerroute_vastgesteld", {{"code", "a2"}});
  ExpectRefused(document,
                {
                    {with_event(housing), "package/events/0/event", "event_not_recordable"},
                    {with_event(extended), "package/events/0/reason", "required"},
                    {with_event(volunteering), "package/events/0/value", "required"},
                    {with_event(route), "package/events/0/code", "unknown_code"},
                });
  HttpResult refused =
      Post(Base(tenant_b_) + "/handovers", Resigned(document, [&](json& p) {
             p["events"] = {EventOf("buurtfeest_bezocht"), housing, extended, volunteering, route};
           }));
  ASSERT_EQ(refused.status, 422U) << refused.body;
  const json problem = refused.json();
  EXPECT_EQ(problem["code"], "validation_failed");
  EXPECT_TRUE(HasError(problem, "package/events/1/event", "event_not_recordable")) << refused.body;
  EXPECT_TRUE(HasError(problem, "package/events/2/reason", "required")) << refused.body;
  EXPECT_TRUE(HasError(problem, "package/events/3/value", "required")) << refused.body;
  EXPECT_TRUE(HasError(problem, "package/events/4/code", "unknown_code")) << refused.body;
  EXPECT_EQ(problem["errors"].size(), 4U) << refused.body;
  const json incoming = Get(Base(tenant_b_) + "/handovers").json();
  EXPECT_TRUE(incoming["items"].empty()) << incoming.dump();
}

// What the receiver's packs do not declare comes along, as through the
// events API (stored, shown as not known); a declared event with what its
// declaration asks for goes in, and a voided one is not checked: it counts
// for nothing and stays as it was known.
TEST_P(HandoverValidationApiTest, UndeclaredAndVoidedEventsComeAlongUnderTheReceiversPacks) {
  ActivatePacksInB();
  const json document = Exported();
  json voided = EventOf("huisvesting");
  voided["voided"] = Voided("Hoort bij de persoonsgegevens");
  const json good = Resigned(document, [&](json& p) {
    p["events"] = {EventOf("buurtfeest_bezocht"),
                   EventOf("pip_termijn_verlengd", {{"reason", "Ziekte"}}),
                   EventOf("vrijwilligerswerk_gestart", {{"value", 8}}),
                   EventOf("leerroute_vastgesteld", {{"code", "b1"}}), voided};
  });
  const json events = AcceptedEvents(good);
  ASSERT_TRUE(events.is_array());
  ASSERT_EQ(events.size(), 5U) << events.dump();
  for (const json& e : events) {
    EXPECT_EQ(e["known"].get<bool>(), e["event"] != "buurtfeest_bezocht") << e.dump();
    EXPECT_EQ(e["voided"].get<bool>(), e["event"] == "huisvesting") << e.dump();
  }
}

// Acceptance checks against the packs active then: a package uploaded while
// the receiver had none (its person-field event undeclared, so valid) is
// refused once packs that declare the event are active. Nothing is created;
// the package stays pending.
TEST_P(HandoverValidationApiTest, AcceptChecksTheEventsAgainstThePacksActiveThen) {
  const json document = Exported();
  const json package = Resigned(document, [](json& p) {
    p["events"] = {EventOf("buurtfeest_bezocht"), EventOf("huisvesting"),
                   EventOf("pip_termijn_verlengd")};
  });
  As("regisseur_b");
  HttpResult imported = Post(Base(tenant_b_) + "/handovers", package);
  ASSERT_EQ(imported.status, 201U) << imported.body;
  ActivatePacksInB();
  const size_t households = HouseholdCount(tenant_b_);
  const std::string decide =
      Base(tenant_b_) + "/handovers/" + std::to_string(imported.json()["id"].get<int64_t>());
  HttpResult refused = Post(decide + "/accept", json::object());
  ASSERT_EQ(refused.status, 422U) << refused.body;
  const json problem = refused.json();
  EXPECT_EQ(problem["code"], "validation_failed");
  EXPECT_TRUE(HasError(problem, "package/events/1/event", "event_not_recordable")) << refused.body;
  EXPECT_TRUE(HasError(problem, "package/events/2/reason", "required")) << refused.body;
  EXPECT_EQ(problem["errors"].size(), 2U) << refused.body;
  EXPECT_EQ(HouseholdCount(tenant_b_), households);
  const json incoming = Get(Base(tenant_b_) + "/handovers").json();
  ASSERT_EQ(incoming["items"].size(), 1U) << incoming.dump();
  EXPECT_EQ(incoming["items"][0]["status"], "pending");
  EXPECT_TRUE(incoming["items"][0]["household_id"].is_null());
}

// "" is no contact type, date or time: not the first type (huisbezoek) nor
// the epoch.
TEST_P(HandoverValidationApiTest, EmptyCodesDatesAndTimesAreMissing) {
  const json document = Exported();
  ExpectRefused(
      document,
      {
          {[](json& p) { p["contacts"][0]["type"] = ""; }, "package/contacts/0/type", "required"},
          {[](json& p) { p["contacts"][0]["date"] = ""; }, "package/contacts/0/date", "required"},
          {[](json& p) { p["contacts"][0]["recorded_at"] = ""; }, "package/contacts/0/recorded_at",
           "required"},
          {[](json& p) { p["created_at"] = ""; }, "package/created_at", "required"},
          {[](json& p) {
             p["plan"] = PackagePlan();
             p["plan"]["goals"][0]["status"] = "";
           },
           "package/plan/goals/0/status", "required"},
      });
}

// An integer is checked before it is narrowed: 2^32 + 3 is no score 3, and
// an unsigned one above INT64_MAX does not wrap.
TEST_P(HandoverValidationApiTest, IntegersAreRangeCheckedBeforeNarrowing) {
  const json document = Exported();
  const int64_t wraps_to_4 = (int64_t{1} << 32) + 4;
  const uint64_t huge = std::numeric_limits<uint64_t>::max();
  ExpectRefused(document,
                {
                    {[&](json& p) { p["assessments"] = {PackageLadder(wraps_to_4)}; },
                     "package/assessments/0/rung", "out_of_range"},
                    {[&](json& p) {
                       json a = PackageLadder();
                       a["rungs_present"] = {wraps_to_4, 2};
                       p["assessments"] = {a};
                     },
                     "package/assessments/0/rungs_present/0", "out_of_range"},
                    {[&](json& p) {
                       json a = PackageLadder();
                       a["kind"] = "zrm";
                       a["rung"] = 0;
                       a["rungs_present"] = json::array();
                       a["zrm"] = {{{"domain", "justitie"}, {"score", (int64_t{1} << 32) + 3}}};
                       p["assessments"] = {a};
                     },
                     "package/assessments/0/zrm/0/score", "out_of_range"},
                    {[&](json& p) { p["plan"] = PackagePlan(huge); }, "package/plan/next_key",
                     "out_of_range"},
                    {[&](json& p) {
                       p["plan"] = PackagePlan();
                       p["plan"]["goals"][0]["key"] = huge;
                     },
                     "package/plan/goals/0/key", "out_of_range"},
                });
}

// The sender's names are names (the API's 200 bytes), its municipality a
// CBS code, as every tenant's.
TEST_P(HandoverValidationApiTest, SenderAndAuthorNamesHaveTheApisLimits) {
  const json document = Exported();
  const std::string long_name(201, 'a');
  ExpectRefused(document,
                {
                    {[](json& p) { p["sender"]["tenant_code"] = "gm0523"; },
                     "package/sender/tenant_code", "cbs_code_invalid"},
                    {[](json& p) { p["sender"]["tenant_code"] = "GM05230"; },
                     "package/sender/tenant_code", "cbs_code_invalid"},
                    {[](json& p) { p["sender"]["tenant_code"] = "GM05a3"; },
                     "package/sender/tenant_code", "cbs_code_invalid"},
                    {[&](json& p) { p["sender"]["tenant_name"] = long_name; },
                     "package/sender/tenant_name", "too_long"},
                    {[&](json& p) { p["sender"]["regisseur"]["organisation"] = long_name; },
                     "package/sender/regisseur/organisation", "too_long"},
                    {[&](json& p) { p["contacts"][0]["recorded_by"]["name"] = long_name; },
                     "package/contacts/0/recorded_by/name", "too_long"},
                });
}

// What keeps the rules goes in: today's event, one whose reason and code
// come trimmed, a voided one before the birth date (voided events count for
// nothing; a birth date corrected later must not keep a household from
// moving) with the longest reason the server stores, names of 200 bytes.
TEST_P(HandoverValidationApiTest, APackageKeepingTheRulesIsAcceptedWithItsTextsTrimmed) {
  const json document = Exported();
  json good = Resigned(document, [](json& p) {
    json today = PackageEvent("2026-11-23");
    today["value"] = 1'000'000;
    today["reason"] = "  Gemeld door de school.\n";
    json voided = PackageEvent("1988-03-01");
    voided["voided"] = Voided("assessment voided: " + std::string(2000, 'x'));
    p["events"] = {today, voided};
    p["assessments"] = {PackageLadder()};
    p["sender"]["tenant_name"] = std::string(200, 'a');
  });
  const json events = AcceptedEvents(good);
  ASSERT_TRUE(events.is_array());
  ASSERT_EQ(events.size(), 2U) << events.dump();
  int active = 0;
  for (const json& e : events) {
    if (e["voided"].get<bool>()) continue;
    ++active;
    EXPECT_EQ(e["reason"], "Gemeld door de school.");
    EXPECT_EQ(e["value"], 1'000'000);
    EXPECT_EQ(e["date"], "2026-11-23");
  }
  EXPECT_EQ(active, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, HandoverValidationApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
