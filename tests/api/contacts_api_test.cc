// Contact moments over real HTTP: recorded and listed, the note hidden from
// whoever may not see `notities`, bad input refused whole, and the policy
// events a contact implies recorded with it where the tenant's packs
// declare them (Dalfsen's contact cadences).
#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

class ContactsApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    household_ = CreateHousehold("Tesfay", {PersonBody("Senait", "Tesfay", "111222333"),
                                            PersonBody("Yonas", "Tesfay", TestBsn(1))});
    url_ = Base(tenant_a_) + "/households/" + std::to_string(household_["id"].get<int64_t>()) +
           "/contacts";
  }

  static json Body(const json& overrides = json::object()) {
    json b = {{"date", "2026-11-20"},
              {"type", "huisbezoek"},
              {"participants", {"Senait Tesfay", "regisseur"}},
              {"interpreter", true},
              {"interpreter_language", "ti"},
              {"person_ids", json::array()},
              {"note", "Besproken: taalcursus.\nVolgende keer: werk."}};
    for (const auto& [k, v] : overrides.items()) b[k] = v;
    return b;
  }

  json Items(const std::string& url) {
    HttpResult r = Get(url);
    EXPECT_EQ(r.status, 200U) << r.body;
    return r.json()["items"];
  }

  // "field:code" of every field error of a problem response.
  static std::vector<std::string> Errors(const HttpResult& r) {
    std::vector<std::string> out;
    const json body = r.json();
    for (const json& e : body.value("errors", json::array()))
      out.push_back(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
    return out;
  }

  json household_;
  std::string url_;
};

TEST_P(ContactsApiTest, CreateAndListRoundTrip) {
  const int64_t senait = household_["persons"][0]["id"];
  HttpResult created = Post(url_, Body({{"person_ids", {senait}}}));
  ASSERT_EQ(created.status, 201U) << created.body;
  const json c = created.json();
  EXPECT_EQ(c["household_id"], household_["id"]);
  EXPECT_EQ(c["date"], "2026-11-20");
  EXPECT_EQ(c["type"], "huisbezoek");
  EXPECT_EQ(c["participants"], json({"Senait Tesfay", "regisseur"}));
  EXPECT_EQ(c["interpreter"], true);
  EXPECT_EQ(c["interpreter_language"], "ti");
  EXPECT_EQ(c["person_ids"], json({senait}));
  EXPECT_EQ(c["note"], "Besproken: taalcursus.\nVolgende keer: werk.");
  EXPECT_EQ(c["recorded_by"]["id"], UserId("regisseur"));
  EXPECT_EQ(c["events_recorded"], 0);  // tenant A has no pack declaring these events

  ASSERT_EQ(Post(url_, Body({{"date", "2026-11-22"},
                             {"type", "telefoon"},
                             {"interpreter", false},
                             {"interpreter_language", nullptr}}))
                .status,
            201U);
  json items = Items(url_);
  ASSERT_EQ(items.size(), 2U);
  EXPECT_EQ(items[0]["type"], "telefoon");  // newest first
  EXPECT_EQ(items[0]["interpreter_language"], nullptr);
  EXPECT_EQ(items[1]["id"], c["id"]);
  EXPECT_EQ(items[1]["participants"], c["participants"]);
  EXPECT_EQ(items[1]["note"], c["note"]);
}

TEST_P(ContactsApiTest, NoteIsHiddenFromAPartner) {
  ASSERT_EQ(Post(url_, Body()).status, 201U);
  As("partner");  // GGD, involved in the household, no sharing basis
  json items = Items(url_);
  ASSERT_EQ(items.size(), 1U);
  EXPECT_FALSE(items[0].contains("note")) << items[0];
  EXPECT_EQ(items[0]["type"], "huisbezoek");
  EXPECT_EQ(Post(url_, Body()).status, 403U);
  As("regisseur");
  EXPECT_TRUE(Items(url_)[0].contains("note"));
}

TEST_P(ContactsApiTest, BadInputIsRefusedAndNothingStored) {
  HttpResult future = Post(url_, Body({{"date", "2026-11-24"}}));
  EXPECT_EQ(future.status, 422U) << future.body;
  EXPECT_EQ(Errors(future), std::vector<std::string>{"date:date_in_future"});
  HttpResult type = Post(url_, Body({{"type", "email"}, {"colour", "red"}}));
  EXPECT_EQ(type.status, 422U);
  EXPECT_EQ(Errors(type),
            (std::vector<std::string>{"type:unknown_contact_type", "colour:unknown_field"}));
  // A person of another household of the same tenant.
  json other = CreateHousehold("Haddad", {PersonBody("Amina", "Haddad", TestBsn(2))});
  HttpResult person = Post(url_, Body({{"person_ids", {other["persons"][0]["id"]}}}));
  EXPECT_EQ(person.status, 422U) << person.body;
  EXPECT_EQ(Errors(person), std::vector<std::string>{"person_ids/0:invalid_reference"});
  HttpResult language = Post(url_, Body({{"interpreter_language", "xx"}}));
  EXPECT_EQ(Errors(language), std::vector<std::string>{"interpreter_language:unknown_language"});
  EXPECT_TRUE(Items(url_).empty());
}

TEST_P(ContactsApiTest, OtherTenantSeesNothing) {
  ASSERT_EQ(Post(url_, Body()).status, 201U);
  As("regisseur_b");
  EXPECT_EQ(Get(url_).status, 404U);
  EXPECT_EQ(Post(url_, Body()).status, 404U);
}

TEST_P(ContactsApiTest, DalfsenContactsRecordCadenceEvents) {
  // The fixture has no functional admin in tenant B (Dalfsen), so its pack
  // is activated directly in the store; the registry reads the stored set
  // on every request.
  {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    ports::StoredActivation a{
        {"dalfsen-2017", *core::Date::Parse("2017-01-01"), std::nullopt}, 0, core::Timestamp{0}};
    ASSERT_TRUE(tx->Policy().ReplaceActivations(tenant_b_, {a}).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  As("regisseur_b");
  HttpResult h =
      Post(Base(tenant_b_) + "/households",
           {{"name", "Bosch"},
            {"involved_organisations", json::array()},
            {"persons",
             {PersonBody("Kees", "Bosch", TestBsn(3)), PersonBody("Anna", "Bosch", TestBsn(4))}}});
  ASSERT_EQ(h.status, 201U) << h.body;
  const json household = h.json();
  const std::string url = Base(tenant_b_) + "/households/" +
                          std::to_string(household["id"].get<int64_t>()) + "/contacts";
  const int64_t kees = household["persons"][0]["id"];
  const int64_t anna = household["persons"][1]["id"];

  // No persons named: the whole household, one event each.
  HttpResult talk = Post(url, Body({{"type", "gesprek"}, {"date", "2026-10-01"}}));
  ASSERT_EQ(talk.status, 201U) << talk.body;
  EXPECT_EQ(talk.json()["events_recorded"], 2);
  // A three-party talk for Kees: voortgangscontact and driegesprek.
  HttpResult three =
      Post(url, Body({{"type", "driegesprek"}, {"date", "2026-11-02"}, {"person_ids", {kees}}}));
  ASSERT_EQ(three.status, 201U) << three.body;
  EXPECT_EQ(three.json()["events_recorded"], 2);

  auto events_of = [&](int64_t person) {
    std::vector<std::string> out;
    for (const json& e : Items(Base(tenant_b_) + "/persons/" + std::to_string(person) + "/events"))
      out.push_back(e["event"].get<std::string>() + "@" + e["date"].get<std::string>());
    return out;
  };
  EXPECT_EQ(events_of(kees),
            (std::vector<std::string>{"voortgangscontact@2026-10-01",
                                      "voortgangscontact@2026-11-02", "driegesprek@2026-11-02"}));
  EXPECT_EQ(events_of(anna), std::vector<std::string>{"voortgangscontact@2026-10-01"});
}

INSTANTIATE_TEST_SUITE_P(Backends, ContactsApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
