// Persons over real HTTP: create in a household, read, update, and the
// domain rules the issue names for bad input.
#include "api_fixture.h"

namespace regie::testing {
namespace {

using nlohmann::json;

class PersonsApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    household_ = CreateHousehold("Haddad");
    persons_url_ = Base(tenant_a_) + "/households/" +
                   std::to_string(household_["id"].get<int64_t>()) + "/persons";
  }
  // POSTs a person and returns the problem's field errors as "field:code".
  std::vector<std::string> Refused(const json& body, unsigned expected_status = 422) {
    HttpResult r = Post(persons_url_, body);
    EXPECT_EQ(r.status, expected_status) << r.body;
    std::vector<std::string> out;
    const json problem = r.json();
    for (const json& e : problem["errors"])
      out.push_back(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
    return out;
  }
  json household_;
  std::string persons_url_;
};

TEST_P(PersonsApiTest, CreateReadUpdate) {
  HttpResult created = Post(persons_url_, PersonBody("Amal", "Haddad", "111222333"));
  ASSERT_EQ(created.status, 201U) << created.body;
  json p = created.json();
  const std::string url = Base(tenant_a_) + "/persons/" + std::to_string(p["id"].get<int64_t>());
  EXPECT_EQ(created.header("location"), url);
  EXPECT_EQ(Get(url).json(), p);

  json update = PersonBody("Amal", "Haddad", "111222333");
  update["version"] = 1;
  update["inburgeringsplicht"] = "vrijgesteld";
  update["exemption_reason"] = "Medische ontheffing";
  HttpResult updated = Put(url, update);
  ASSERT_EQ(updated.status, 200U) << updated.body;
  EXPECT_EQ(updated.json()["version"], 2);
  EXPECT_EQ(updated.json()["inburgeringsplicht"], "vrijgesteld");
  HttpResult stale = Put(url, update);
  EXPECT_EQ(stale.status, 409U);
  json h = Get(Base(tenant_a_) + "/households/" + std::to_string(household_["id"].get<int64_t>()))
               .json();
  EXPECT_EQ(h["persons"].size(), 1U);
}

TEST_P(PersonsApiTest, BadInputIsRefusedPerField) {
  json future = PersonBody("A", "B");
  future["birth_date"] = "2027-01-01";
  EXPECT_EQ(Refused(future), std::vector<std::string>{"birth_date:date_in_future"});

  json early = PersonBody("A", "B");
  early["housing_date"] = "2024-01-01";
  EXPECT_EQ(Refused(early), std::vector<std::string>{"housing_date:housing_before_permit"});

  json enums = PersonBody("A", "B");
  enums["role"] = "grootouder";
  enums["literacy"] = true;
  EXPECT_EQ(Refused(enums), (std::vector<std::string>{"literacy:wrong_type", "role:invalid_enum"}));

  json exempt = PersonBody("A", "B");
  exempt["inburgeringsplicht"] = "vrijgesteld";
  EXPECT_EQ(Refused(exempt), std::vector<std::string>{"exemption_reason:required_when_exempt"});

  json country = PersonBody("A", "B");
  country["nationality"] = "QQ";
  country["languages"] = {"xx-nope"};
  EXPECT_EQ(Refused(country), (std::vector<std::string>{"nationality:unknown_country",
                                                        "languages/0:unknown_language"}));
  EXPECT_EQ(Get(Base(tenant_a_) + "/households/" + std::to_string(household_["id"].get<int64_t>()))
                .json()["persons"]
                .size(),
            0U);
}

TEST_P(PersonsApiTest, DuplicateBsnInTenantIsAConflictOnTheField) {
  ASSERT_EQ(Post(persons_url_, PersonBody("Amal", "Haddad", "111222333")).status, 201U);
  HttpResult r = Post(persons_url_, PersonBody("Sara", "Haddad", "111222333"));
  ASSERT_EQ(r.status, 409U);
  EXPECT_EQ(r.json()["code"], "duplicate");
}

TEST_P(PersonsApiTest, UnknownHouseholdOrPersonIs404) {
  EXPECT_EQ(Post(Base(tenant_a_) + "/households/99999/persons", PersonBody("A", "B")).status, 404U);
  EXPECT_EQ(Get(Base(tenant_a_) + "/persons/99999").status, 404U);
  EXPECT_EQ(Get(Base(tenant_a_) + "/persons/abc").status, 404U);
  HttpResult other = Post(Base(tenant_b_) + "/households/" +
                              std::to_string(household_["id"].get<int64_t>()) + "/persons",
                          PersonBody("A", "B"));
  EXPECT_EQ(other.status, 404U);
}

INSTANTIATE_TEST_SUITE_P(Backends, PersonsApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
