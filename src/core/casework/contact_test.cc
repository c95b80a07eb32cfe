#include "core/casework/contact.h"

#include <gtest/gtest.h>

namespace regie::core {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
const Date kToday = D("2026-11-22");

ContactData Valid() {
  ContactData c;
  c.household_id = 7;
  c.date = D("2026-11-20");
  c.type = ContactType::kHuisbezoek;
  c.participants = {"Amina Haddad", "regisseur"};
  c.interpreter = true;
  c.interpreter_language = "ar";
  c.person_ids = {3, 4};
  c.note = "Besproken: taalcursus.\nVolgende keer: werk.";
  return c;
}

std::vector<std::string> Codes(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.code);
  return out;
}

TEST(ContactTest, TypeCodesRoundTrip) {
  EXPECT_EQ(ToCode(ContactType::kGroepsbijeenkomst), "groepsbijeenkomst");
  EXPECT_EQ(ParseEnum<ContactType>("driegesprek"), ContactType::kDriegesprek);
  EXPECT_FALSE(ParseEnum<ContactType>("email").has_value());
}

TEST(ContactTest, ValidContactPasses) { EXPECT_TRUE(ValidateContact(Valid(), kToday).empty()); }

TEST(ContactTest, TodayAndYear2000AreTheBounds) {
  ContactData c = Valid();
  c.date = kToday;
  EXPECT_TRUE(ValidateContact(c, kToday).empty());
  c.date = D("2000-01-01");
  EXPECT_TRUE(ValidateContact(c, kToday).empty());
  c.date = D("1999-12-31");
  EXPECT_EQ(Codes(ValidateContact(c, kToday)), std::vector<std::string>{"date:date_too_early"});
  c.date = D("2026-11-23");
  EXPECT_EQ(Codes(ValidateContact(c, kToday)), std::vector<std::string>{"date:date_in_future"});
}

TEST(ContactTest, ParticipantsAreBounded) {
  ContactData c = Valid();
  c.participants = {"", std::string(201, 'a'), "two\nlines"};
  EXPECT_EQ(Codes(ValidateContact(c, kToday)),
            (std::vector<std::string>{"participants/0:required", "participants/1:too_long",
                                      "participants/2:invalid_text"}));
  c.participants.assign(11, "x");
  EXPECT_EQ(Codes(ValidateContact(c, kToday)), std::vector<std::string>{"participants:too_many"});
  c.participants.assign(10, std::string(200, 'a'));
  EXPECT_TRUE(ValidateContact(c, kToday).empty());
}

TEST(ContactTest, InterpreterLanguageNeedsInterpreterAndKnownCode) {
  ContactData c = Valid();
  c.interpreter_language = "zz";
  EXPECT_EQ(Codes(ValidateContact(c, kToday)),
            std::vector<std::string>{"interpreter_language:unknown_language"});
  c.interpreter = false;
  c.interpreter_language = "ar";
  EXPECT_EQ(Codes(ValidateContact(c, kToday)),
            std::vector<std::string>{"interpreter_language:only_with_interpreter"});
  c.interpreter_language.reset();
  EXPECT_TRUE(ValidateContact(c, kToday).empty());
}

TEST(ContactTest, PersonIdsAndNote) {
  ContactData c = Valid();
  c.person_ids = {3, 3, 0};
  c.note = std::string(4001, 'a');
  EXPECT_EQ(Codes(ValidateContact(c, kToday)),
            (std::vector<std::string>{"person_ids/1:duplicate", "person_ids/2:invalid_reference",
                                      "note:too_long"}));
}

TEST(ContactTest, NormaliseTrimsAndDropsEmptyLanguage) {
  ContactData c = Valid();
  c.participants = {"  Amina "};
  c.interpreter_language = " ";
  c.note = "  note \n";
  NormaliseContact(c);
  EXPECT_EQ(c.participants, std::vector<std::string>{"Amina"});
  EXPECT_FALSE(c.interpreter_language.has_value());
  EXPECT_EQ(c.note, "note");
}

TEST(ContactTest, ParticipantsJoinAndSplit) {
  for (const std::vector<std::string>& list :
       {std::vector<std::string>{}, std::vector<std::string>{"a"},
        std::vector<std::string>{"a b", "c", "tolk"}})
    EXPECT_EQ(SplitParticipants(JoinParticipants(list)), list);
  EXPECT_EQ(JoinParticipants({"a", "b"}), "a\nb");
}

TEST(ContactTest, EventsPerType) {
  EXPECT_EQ(ContactEvents(ContactType::kTelefoon),
            std::vector<std::string_view>{"voortgangscontact"});
  EXPECT_EQ(ContactEvents(ContactType::kDriegesprek),
            (std::vector<std::string_view>{"voortgangscontact", "driegesprek"}));
}

}  // namespace
}  // namespace regie::core
