#include "app/policy_commands.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "packs/pack_loader.h"

namespace regie::app {
namespace {

using core::Date;
using ::testing::HasSubstr;

const char* const kPerson = R"({
  "facts": {"birth_date": "1990-04-02", "role": "hoofdpersoon", "inburgeringsplicht": "ja",
            "learning_route": "b1", "permit_date": "2022-02-01", "housing_date": "2022-05-10",
            "fields": {"trede": "5"}},
  "events": [
    {"event": "duo_kennisgeving", "date": "2022-05-20"},
    {"event": "pip_termijn_verlengd", "date": "2022-07-25", "reason": "tolk"},
    {"event": "pip_vastgesteld", "date": "2022-08-10"},
    {"event": "buurtbarbecue", "date": "2022-08-11"}
  ]
})";

std::unique_ptr<core::policy::CompiledPolicy> Policy() {
  packs::PackLibrary library = packs::LoadPackDirectory(REGIE_POLICIES_DIR);
  EXPECT_TRUE(library.ok());
  return core::policy::CompiledPolicy::Compile(
             library.packs, {{"nl-wet-inburgering-2021", Date::FromDays(-1'000'000), {}}})
      .value();
}

TEST(PolicyEval, PrintsStatusesRuleAndPackVersion) {
  StatusOr<PolicyPersonInput> person = ParsePolicyPerson(kPerson);
  ASSERT_TRUE(person.ok()) << person.status().message();
  EXPECT_EQ(person->facts.fields[0].value, "5");
  auto policy = Policy();
  StatusOr<std::string> out = EvaluatePolicyPersonJson(*policy, *person, *Date::Parse("2023-01-15"),
                                                       *Date::Parse("2023-01-15"));
  ASSERT_TRUE(out.ok()) << out.status().message();
  nlohmann::json j = nlohmann::json::parse(*out);
  EXPECT_EQ(j["on"], "2023-01-15");
  const nlohmann::json& pip = j["milestones"][0];
  EXPECT_EQ(pip["id"], "wi2021.pip");
  EXPECT_EQ(pip["pack"], "nl-wet-inburgering-2021");
  EXPECT_EQ(pip["pack_version"], 1);
  EXPECT_EQ(pip["status"], "op_tijd");
  EXPECT_EQ(pip["due"], "2022-08-12");
  EXPECT_EQ(pip["extensions"], 1);
  EXPECT_EQ(j["unknown_events"][0]["event"], "buurtbarbecue");
}

TEST(PolicyEval, RefusesFutureEventsAndBadInput) {
  StatusOr<PolicyPersonInput> person = ParsePolicyPerson(kPerson);
  ASSERT_TRUE(person.ok());
  auto policy = Policy();
  StatusOr<std::string> out = EvaluatePolicyPersonJson(*policy, *person, *Date::Parse("2022-06-01"),
                                                       *Date::Parse("2022-06-01"));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().reason(), "event_in_future");
  EXPECT_EQ(out.status().field_errors()[0].field, "events/1/date");

  StatusOr<PolicyPersonInput> bad = ParsePolicyPerson(
      R"({"facts": {"birth_date": "1990-13-01", "rol": "x"}, "events": [{"date": "2022-01-01"}]})");
  ASSERT_FALSE(bad.ok());
  std::vector<std::string> fields;
  for (const FieldError& f : bad.status().field_errors()) fields.push_back(f.field + ":" + f.code);
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre("facts/rol:unknown_key",
                                                      "facts/birth_date:invalid_date",
                                                      "events/0/event:required"));
  EXPECT_EQ(ParsePolicyPerson("{not json").status().reason(), "invalid_json");
}

TEST(PolicyCheck, ExitCodes) {
  EXPECT_EQ(RunPolicyCheck({std::string(REGIE_POLICIES_DIR) + "/dalfsen-2017.toml"}), 0);
  EXPECT_EQ(RunPolicyCheck({std::string(REGIE_POLICIES_DIR) + "/missing.toml"}), 1);
}

}  // namespace
}  // namespace regie::app
