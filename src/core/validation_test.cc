#include "core/validation.h"

#include <gtest/gtest.h>

namespace regie::core {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

PersonData ValidPerson() {
  PersonData p;
  p.given_names = "Amina";
  p.family_name = "Haddad";
  p.birth_date = D("1990-04-12");
  p.sex = Sex::kFemale;
  p.nationality = "SY";
  p.languages = {"ar", "en"};
  p.bsn = "111222333";
  p.permit_date = D("2026-01-10");
  p.koppeling_date = D("2026-02-01");
  p.housing_date = D("2026-05-01");
  p.address.postal_code = "3371 ab";
  return p;
}

std::vector<std::string> Codes(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.code);
  return out;
}

const Date kToday = D("2026-11-22");

TEST(BsnTest, ElevenTest) {
  EXPECT_TRUE(IsValidBsn("111222333"));
  EXPECT_TRUE(IsValidBsn("123456782"));
  EXPECT_FALSE(IsValidBsn("123456789"));
  EXPECT_FALSE(IsValidBsn("12345678"));
  EXPECT_FALSE(IsValidBsn("12345678a"));
  EXPECT_FALSE(IsValidBsn("000000000"));
}

TEST(PostalCodeTest, DutchFormat) {
  EXPECT_TRUE(IsValidPostalCode("3371 AB"));
  EXPECT_TRUE(IsValidPostalCode("3371ab"));
  EXPECT_FALSE(IsValidPostalCode("0371 AB"));
  EXPECT_FALSE(IsValidPostalCode("337 ABC"));
}

TEST(ValidatePersonTest, ValidPersonPasses) {
  EXPECT_TRUE(ValidatePerson(ValidPerson(), kToday).empty());
}

TEST(ValidatePersonTest, ReportsEachFailingFieldWithPrefix) {
  PersonData p = ValidPerson();
  p.given_names = "  ";
  p.bsn = "123456789";
  p.nationality = "ZZ";
  p.languages = {"ar", "xx"};
  p.birth_date = D("2027-01-01");
  auto errors = ValidatePerson(p, kToday, "persons/0/");
  EXPECT_EQ(Codes(errors), (std::vector<std::string>{
                               "persons/0/given_names:required",
                               "persons/0/birth_date:date_in_future",
                               "persons/0/nationality:unknown_country",
                               "persons/0/languages/1:unknown_language",
                               "persons/0/bsn:bsn_invalid",
                           }));
}

TEST(ValidatePersonTest, RouteDatesMustBeOrdered) {
  PersonData p = ValidPerson();
  p.housing_date = D("2025-12-31");  // before the permit
  p.koppeling_date = D("2026-01-09");
  EXPECT_EQ(Codes(ValidatePerson(p, kToday)),
            (std::vector<std::string>{"koppeling_date:koppeling_before_permit",
                                      "housing_date:housing_before_permit"}));
  p = ValidPerson();
  p.housing_date = D("2026-11-23");
  EXPECT_EQ(Codes(ValidatePerson(p, kToday)),
            (std::vector<std::string>{"housing_date:date_in_future"}));
}

TEST(ValidatePersonTest, ExemptionNeedsReason) {
  PersonData p = ValidPerson();
  p.inburgeringsplicht = InburgeringPlicht::kExempt;
  EXPECT_EQ(Codes(ValidatePerson(p, kToday)),
            (std::vector<std::string>{"exemption_reason:required_when_exempt"}));
  p.exemption_reason = "medisch";
  EXPECT_TRUE(ValidatePerson(p, kToday).empty());
  p.inburgeringsplicht = InburgeringPlicht::kYes;
  EXPECT_EQ(Codes(ValidatePerson(p, kToday)),
            (std::vector<std::string>{"exemption_reason:only_when_exempt"}));
}

TEST(ValidatePersonTest, NormaliseTidiesInput) {
  PersonData p = ValidPerson();
  p.given_names = " Amina ";
  p.languages = {"en", "ar", "en"};
  NormalisePerson(p);
  EXPECT_EQ(p.given_names, "Amina");
  EXPECT_EQ(p.languages, (std::vector<std::string>{"ar", "en"}));
  EXPECT_EQ(p.address.postal_code, "3371 AB");
}

TEST(ValidateHouseholdTest, NeedsNameAndRegisseur) {
  HouseholdData h;
  h.involved_organisations = {3, 0};
  EXPECT_EQ(Codes(ValidateHousehold(h)),
            (std::vector<std::string>{"name:required", "regisseur_user_id:required",
                                      "involved_organisations/1:invalid_reference"}));
}

}  // namespace
}  // namespace regie::core

namespace regie::core {
namespace {

TEST(ValidatePersonTest, RefusesControlCharactersAndMalformedText) {
  PersonData p = ValidPerson();
  p.given_names = std::string("Am\0na", 5);
  p.address.street = "Dorps\xffstraat";
  p.exemption_reason = "";
  EXPECT_EQ(Codes(ValidatePerson(p, kToday)),
            (std::vector<std::string>{"given_names:invalid_text", "address/street:invalid_text"}));
}

TEST(ValidateHouseholdTest, RefusesControlCharacters) {
  HouseholdData h{"Haddad\n", 4, {}};
  EXPECT_EQ(Codes(ValidateHousehold(h)), std::vector<std::string>{"name:invalid_text"});
}

}  // namespace
}  // namespace regie::core
