#include "core/casework/assessment.h"

#include <gtest/gtest.h>

namespace regie::core {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
const Date kToday = D("2026-11-22");

AssessmentData Zrm() {
  AssessmentData a;
  a.person_id = 3;
  a.kind = AssessmentKind::kZrm;
  a.date = D("2026-11-01");
  a.assessor = "  Ferm Werk, consulent ";
  a.zrm = {{"justitie", 5}, {"financien", 2}, {"geestelijke_gezondheid", 3}};
  return a;
}

AssessmentData Ladder() {
  AssessmentData a;
  a.person_id = 3;
  a.kind = AssessmentKind::kParticipatieladder;
  a.date = D("2026-10-01");
  a.rung = 3;
  a.rungs_present = {4, 2, 3};
  return a;
}

std::vector<std::string> Codes(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.code);
  return out;
}

TEST(AssessmentTest, KindCodesRoundTrip) {
  EXPECT_EQ(ToCode(AssessmentKind::kFermWerk), "ferm_werk");
  EXPECT_EQ(ParseEnum<AssessmentKind>("participatieladder"), AssessmentKind::kParticipatieladder);
  EXPECT_FALSE(ParseEnum<AssessmentKind>("noa").has_value());
}

TEST(AssessmentTest, ZrmHasThirteenDomainsWithHealthAsSpecialCategory) {
  EXPECT_EQ(ZrmDomains().size(), 13u);
  EXPECT_EQ(FindZrmDomain("lichamelijke_gezondheid")->category, DataCategory::kGezondheid);
  EXPECT_EQ(FindZrmDomain("justitie")->category, DataCategory::kJustitie);
  EXPECT_EQ(FindZrmDomain("instrumentele_adl")->category, DataCategory::kBasis);
  EXPECT_EQ(FindZrmDomain("wonen"), nullptr);
}

TEST(AssessmentTest, NormaliseSortsIntoInstrumentOrderAndTrims) {
  AssessmentData a = Zrm();
  NormaliseAssessment(a);
  EXPECT_EQ(a.assessor, "Ferm Werk, consulent");
  ASSERT_EQ(a.zrm.size(), 3u);
  EXPECT_EQ(a.zrm[0].domain, "financien");
  EXPECT_EQ(a.zrm[1].domain, "geestelijke_gezondheid");
  EXPECT_EQ(a.zrm[2].domain, "justitie");
  AssessmentData l = Ladder();
  NormaliseAssessment(l);
  EXPECT_EQ(l.rungs_present, (std::vector<int>{2, 3, 4}));
}

TEST(AssessmentTest, ValidAssessmentsPass) {
  AssessmentData z = Zrm();
  NormaliseAssessment(z);
  EXPECT_TRUE(ValidateAssessment(z, kToday).empty());
  EXPECT_TRUE(ValidateAssessment(Ladder(), kToday).empty());
  AssessmentData f;
  f.person_id = 1;
  f.kind = AssessmentKind::kFermWerk;
  f.date = kToday;
  f.outcome = "C";
  EXPECT_TRUE(ValidateAssessment(f, kToday).empty());
}

TEST(AssessmentTest, ZrmRefusesUnknownDuplicateAndOutOfRange) {
  AssessmentData a = Zrm();
  a.zrm = {{"financien", 0}, {"financien", 6}, {"wonen", 3}};
  EXPECT_EQ(Codes(ValidateAssessment(a, kToday)),
            (std::vector<std::string>{"zrm/0/score:out_of_range", "zrm/1/domain:duplicate",
                                      "zrm/1/score:out_of_range", "zrm/2/domain:unknown_code"}));
  a.zrm.clear();
  EXPECT_EQ(Codes(ValidateAssessment(a, kToday)), (std::vector<std::string>{"zrm:required"}));
}

TEST(AssessmentTest, LadderBoundsAndDuplicates) {
  AssessmentData a = Ladder();
  a.rung = 7;
  a.rungs_present = {1, 1, 0};
  EXPECT_EQ(Codes(ValidateAssessment(a, kToday)),
            (std::vector<std::string>{"rung:out_of_range", "rungs_present/1:duplicate",
                                      "rungs_present/2:out_of_range"}));
  a = Ladder();
  a.rung = 0;
  EXPECT_EQ(Codes(ValidateAssessment(a, kToday)), (std::vector<std::string>{"rung:required"}));
  a.rung = 6;
  a.rungs_present = {};
  EXPECT_TRUE(ValidateAssessment(a, kToday).empty());
}

TEST(AssessmentTest, FermWerkOutcomeIsOneOfAtoD) {
  AssessmentData a;
  a.person_id = 1;
  a.kind = AssessmentKind::kFermWerk;
  a.date = kToday;
  EXPECT_EQ(Codes(ValidateAssessment(a, kToday)), (std::vector<std::string>{"outcome:required"}));
  for (const char* bad : {"E", "AB", "a"}) {
    a.outcome = bad;
    EXPECT_EQ(Codes(ValidateAssessment(a, kToday)),
              (std::vector<std::string>{"outcome:unknown_code"}))
        << bad;
  }
}

TEST(AssessmentTest, PartsOfAnotherKindAreRefused) {
  AssessmentData a = Ladder();
  a.zrm = {{"financien", 3}};
  a.outcome = "A";
  EXPECT_EQ(Codes(ValidateAssessment(a, kToday)),
            (std::vector<std::string>{"zrm:not_for_kind", "outcome:not_for_kind"}));
}

TEST(AssessmentTest, DateAssessorAndPerson) {
  AssessmentData a = Ladder();
  a.person_id = 0;
  a.date = D("2026-11-23");
  a.assessor = "twee\nregels";
  EXPECT_EQ(Codes(ValidateAssessment(a, kToday)),
            (std::vector<std::string>{"person_id:invalid_reference", "date:date_in_future",
                                      "assessor:invalid_text"}));
  a = Ladder();
  a.date = D("1999-12-31");
  a.assessor = std::string(kMaxAssessor + 1, 'x');
  EXPECT_EQ(Codes(ValidateAssessment(a, kToday)),
            (std::vector<std::string>{"date:date_too_early", "assessor:too_long"}));
}

TEST(AssessmentTest, ItemsRoundTripEveryKind) {
  AssessmentData z = Zrm();
  NormaliseAssessment(z);
  AssessmentData l = Ladder();
  NormaliseAssessment(l);
  AssessmentData f;
  f.kind = AssessmentKind::kFermWerk;
  f.outcome = "D";
  for (const AssessmentData& a : {z, l, f}) {
    AssessmentData back;
    back.kind = a.kind;
    FromItems(ToItems(a), back);
    EXPECT_EQ(back.zrm, a.zrm);
    EXPECT_EQ(back.rung, a.rung);
    EXPECT_EQ(back.rungs_present, a.rungs_present);
    EXPECT_EQ(back.outcome, a.outcome);
  }
  EXPECT_EQ(ToItems(f), (std::vector<AssessmentItem>{{"uitkomst", 4}}));
}

TEST(AssessmentTest, CategoriesFollowDomainsAndTheParticipationRecordType) {
  CategorySet zrm = AssessmentCategories(Zrm(), DataCategory::kWerkInkomen);
  EXPECT_TRUE(zrm.Has(DataCategory::kFinancien));
  EXPECT_TRUE(zrm.Has(DataCategory::kGezondheid));
  EXPECT_TRUE(zrm.Has(DataCategory::kJustitie));
  EXPECT_FALSE(zrm.Has(DataCategory::kWerkInkomen));
  CategorySet ladder = AssessmentCategories(Ladder(), DataCategory::kWerkInkomen);
  EXPECT_EQ(ladder.Values(), (std::vector<DataCategory>{DataCategory::kWerkInkomen}));
}

TEST(AssessmentTest, LadderAndFermWerkFeedThePolicyEvents) {
  EXPECT_FALSE(AssessmentEvent(Zrm()).has_value());
  std::optional<policy::PersonEvent> e = AssessmentEvent(Ladder());
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->event, "participatieladder_trede");
  EXPECT_EQ(e->value, 3);
  EXPECT_EQ(e->date, D("2026-10-01"));
  AssessmentData f;
  f.kind = AssessmentKind::kFermWerk;
  f.outcome = "B";
  e = AssessmentEvent(f);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->event, "ferm_werk_uitkomst");
  EXPECT_EQ(e->code, "B");
}

}  // namespace
}  // namespace regie::core
