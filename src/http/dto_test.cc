#include "http/dto.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace regie::http::dto {
namespace {

using nlohmann::json;

const core::Date kToday = *core::Date::Parse("2026-11-23");

json ValidPerson() {
  return {{"given_names", "  Amal "},
          {"family_name", "Haddad"},
          {"birth_date", "1990-05-01"},
          {"sex", "vrouw"},
          {"nationality", "SY"},
          {"languages", {"en", "ar", "ar"}},
          {"bsn", "111222333"},
          {"permit_date", "2025-01-10"},
          {"housing_date", "2025-03-01"},
          {"address", {{"postal_code", "3371ab"}, {"wijk", "Centrum"}, {"kern", "Giessendam"}}},
          {"role", "hoofdpersoon"}};
}

bool HasError(const Status& s, const std::string& field, const std::string& code) {
  const auto& e = s.field_errors();
  return std::find(e.begin(), e.end(), FieldError{field, code}) != e.end();
}

TEST(DtoTest, ParsesAndNormalisesAValidPerson) {
  StatusOr<core::PersonData> p = ParseNewPerson(ValidPerson(), kToday);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->given_names, "Amal");
  EXPECT_EQ(p->languages, (std::vector<std::string>{"ar", "en"}));
  EXPECT_EQ(p->address.postal_code, "3371 AB");
  EXPECT_EQ(p->sex, core::Sex::kFemale);
  EXPECT_EQ(p->bsn, "111222333");
  EXPECT_FALSE(p->koppeling_date.has_value());
}

TEST(DtoTest, CollectsEveryFieldErrorAtOnce) {
  json j = ValidPerson();
  j["bsn"] = "123456789";
  j["sex"] = "unknown-code";
  j["birth_date"] = "2030-01-01";
  j["address"]["postal_code"] = "12";
  j["extra"] = 1;
  j.erase("family_name");
  StatusOr<core::PersonData> p = ParseNewPerson(j, kToday);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().reason(), "validation_failed");
  EXPECT_TRUE(HasError(p.status(), "bsn", "bsn_invalid"));
  EXPECT_TRUE(HasError(p.status(), "sex", "invalid_enum"));
  EXPECT_TRUE(HasError(p.status(), "birth_date", "date_in_future"));
  EXPECT_TRUE(HasError(p.status(), "address/postal_code", "postal_code_invalid"));
  EXPECT_TRUE(HasError(p.status(), "extra", "unknown_field"));
  EXPECT_TRUE(HasError(p.status(), "family_name", "required"));
}

TEST(DtoTest, OneMessagePerField) {
  json j = ValidPerson();
  j["birth_date"] = "not a date";
  StatusOr<core::PersonData> p = ParseNewPerson(j, kToday);
  ASSERT_FALSE(p.ok());
  int count = 0;
  for (const FieldError& e : p.status().field_errors()) count += e.field == "birth_date";
  EXPECT_EQ(count, 1);
  EXPECT_TRUE(HasError(p.status(), "birth_date", "invalid_date"));
}

TEST(DtoTest, WrongTypesAreReported) {
  json j = ValidPerson();
  j["given_names"] = 5;
  j["languages"] = {"ar", 3};
  j["family_reunification"] = "yes";
  j["address"] = "Dorpsstraat 1";
  StatusOr<core::PersonData> p = ParseNewPerson(j, kToday);
  ASSERT_FALSE(p.ok());
  EXPECT_TRUE(HasError(p.status(), "given_names", "wrong_type"));
  EXPECT_TRUE(HasError(p.status(), "languages/1", "wrong_type"));
  EXPECT_TRUE(HasError(p.status(), "family_reunification", "wrong_type"));
  EXPECT_TRUE(HasError(p.status(), "address", "wrong_type"));
}

TEST(DtoTest, HousingBeforePermitIsRefused) {
  json j = ValidPerson();
  j["housing_date"] = "2024-12-31";
  StatusOr<core::PersonData> p = ParseNewPerson(j, kToday);
  ASSERT_FALSE(p.ok());
  EXPECT_TRUE(HasError(p.status(), "housing_date", "housing_before_permit"));
}

TEST(DtoTest, NewHouseholdPrefixesPersonErrors) {
  json person = ValidPerson();
  person["bsn"] = "123";
  json body = {{"name", "Haddad"},
               {"regisseur_user_id", 7},
               {"involved_organisations", {2, 1}},
               {"persons", {ValidPerson(), person}}};
  StatusOr<NewHousehold> h = ParseNewHousehold(body, kToday);
  ASSERT_FALSE(h.ok());
  EXPECT_TRUE(HasError(h.status(), "persons/1/bsn", "bsn_invalid"));
  EXPECT_EQ(h.status().field_errors().size(), 1U);
}

TEST(DtoTest, NewHouseholdSortsOrganisations) {
  json body = {{"name", "Haddad"}, {"regisseur_user_id", 7}, {"involved_organisations", {3, 1, 3}}};
  StatusOr<NewHousehold> h = ParseNewHousehold(body, kToday);
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->household.involved_organisations, (std::vector<int64_t>{1, 3}));
  EXPECT_TRUE(h->persons.empty());
  EXPECT_EQ(h->household.regisseur_user_id, 7);
  body.erase("regisseur_user_id");  // the creating regisseur directs it
  EXPECT_TRUE(ParseNewHousehold(body, kToday).ok());
  body["regisseur_user_id"] = "r.jansen";
  EXPECT_TRUE(
      HasError(ParseNewHousehold(body, kToday).status(), "regisseur_user_id", "wrong_type"));
}

TEST(DtoTest, FilterShowsOnlyVisibleCategoriesAndNamesForVolunteers) {
  core::FieldCategories fields = core::FieldCategories::Defaults();
  StatusOr<core::PersonData> p = ParseNewPerson(ValidPerson(), kToday);
  ASSERT_TRUE(p.ok());
  core::Person person{.id = 7, .tenant_id = 1, .household_id = 3, .version = 1, .data = *p};
  FieldFilter ggd{.categories = {core::DataCategory::kContact}, .fields = &fields};
  json j = ToJson(person, ggd);
  EXPECT_TRUE(j.contains("address"));
  EXPECT_FALSE(j.contains("bsn"));
  EXPECT_FALSE(j.contains("given_names"));
  EXPECT_EQ(j["id"], 7);
  EXPECT_EQ(j["visible_categories"], json::array({"contact"}));
  FieldFilter volunteer{.categories = {core::DataCategory::kBasis, core::DataCategory::kContact},
                        .names_only = true,
                        .fields = &fields};
  json v = ToJson(person, volunteer);
  EXPECT_TRUE(v.contains("given_names"));
  EXPECT_TRUE(v.contains("address"));
  EXPECT_FALSE(v.contains("bsn"));
  EXPECT_FALSE(v.contains("birth_date"));
}

TEST(DtoTest, OverlayKeepsHiddenFieldsAndRefusesWritingThem) {
  core::FieldCategories fields = core::FieldCategories::Defaults();
  json stored = ValidPerson();
  stored["version"] = 3;
  FieldFilter mb{.categories = {core::DataCategory::kBasis}, .fields = &fields};
  std::vector<FieldError> errors;
  json merged = OverlayVisible(stored, {{"given_names", "Amira"}, {"version", 3}}, mb, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(merged["given_names"], "Amira");
  EXPECT_EQ(merged["address"], stored["address"]);
  OverlayVisible(stored, {{"address", json::object()}}, mb, errors);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0], (FieldError{"address", "not_allowed"}));
}

TEST(DtoTest, UpdatesRequireAPositiveVersion) {
  json body = {
      {"name", "Haddad"}, {"regisseur_user_id", 7}, {"involved_organisations", json::array()}};
  EXPECT_TRUE(HasError(ParseHouseholdUpdate(body).status(), "version", "required"));
  body["version"] = 0;
  EXPECT_TRUE(HasError(ParseHouseholdUpdate(body).status(), "version", "out_of_range"));
  body["version"] = "3";
  EXPECT_TRUE(HasError(ParseHouseholdUpdate(body).status(), "version", "wrong_type"));
  body["version"] = 3;
  StatusOr<HouseholdUpdate> u = ParseHouseholdUpdate(body);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->version, 3);
}

TEST(DtoTest, ArchiveNeedsAReason) {
  EXPECT_TRUE(
      HasError(ParseArchive({{"version", 1}, {"reason", "   "}}).status(), "reason", "required"));
  StatusOr<ArchiveRequest> a = ParseArchive({{"version", 2}, {"reason", " verhuisd "}});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->reason, "verhuisd");
}

TEST(DtoTest, ParseObjectRefusesNonObjects) {
  for (const char* bad : {"", "[]", "{", "null", "\"x\"", "{\"a\":1} x"})
    EXPECT_EQ(ParseObject(bad).status().reason(), "invalid_json") << bad;
  EXPECT_TRUE(ParseObject("{\"a\":1}").ok());
}

TEST(DtoTest, PersonRoundTripsThroughJson) {
  StatusOr<core::PersonData> p = ParseNewPerson(ValidPerson(), kToday);
  ASSERT_TRUE(p.ok());
  core::Person person{.id = 7, .tenant_id = 1, .household_id = 3, .version = 2, .data = *p};
  json out = ToJson(person);
  EXPECT_EQ(out["bsn"], "111222333");
  EXPECT_EQ(out["koppeling_date"], nullptr);
  EXPECT_EQ(out["address"]["postal_code"], "3371 AB");
  // What the server sends can be sent back as an update.
  for (const char* k : {"id", "tenant_id", "household_id", "created_at", "updated_at"})
    out.erase(k);
  StatusOr<PersonUpdate> back = ParsePersonUpdate(out, kToday);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->version, 2);
  EXPECT_EQ(back->person.given_names, p->given_names);
  EXPECT_EQ(back->person.housing_date, p->housing_date);
}

TEST(DtoTest, DumpReplacesInvalidUtf8) {
  std::string s = Dump(json{{"name", std::string("a\xff")}});
  EXPECT_EQ(s.find('\xff'), std::string::npos);
}

}  // namespace
}  // namespace regie::http::dto
