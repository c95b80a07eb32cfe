#include "core/casework/intake.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace regie::core {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

bool Has(const std::vector<FieldError>& errors, const std::string& field, const std::string& code) {
  return std::find(errors.begin(), errors.end(), FieldError{field, code}) != errors.end();
}

class IntakeTest : public ::testing::Test {
 protected:
  IntakeContext Context() const {
    return {.domains = &domains_, .today = D("2026-11-24"), .birth_date = D("1990-05-01")};
  }

  static IntakeContent Full() {
    IntakeContent c;
    c.intake_date = D("2026-11-20");
    c.participants = {{.user_id = 1, .organisation_id = 10}, {.user_id = 2, .organisation_id = 20}};
    c.interpreter = true;
    c.interpreter_language = "ar";
    // In the configured domain order, as MergeIntake stores them.
    c.domains = {{"zorg_gezondheid", "Rugklachten", "", "", ""},
                 {"werk_inkomen", "Geen werk", "Werken als lasser", "Taal", "Vakmanschap"}};
    c.education = {{"SY", EducationLevel::kBeroeps, "Technische school Aleppo", true, true}};
    c.work = {{"Lasser", "SY", 8, "MIG/MAG lassen"}};
    c.languages = {{"nl", LanguageSkill::kLezen, CefrLevel::kA1, D("2026-10-01"), "NOA"},
                   {"nl", LanguageSkill::kSpreken, CefrLevel::kA0, std::nullopt, "intake"}};
    c.learnability = Learnability{LearnabilityInstrument::kNoa, "gemiddeld", D("2026-10-01")};
    c.interests = "Voetbal, koken";
    c.availability_dagdelen = 8;
    c.health_screening = {true, D("2026-09-15")};
    c.health_notes = "Chronische rugpijn";
    c.noa = {{NoaComponent::kPtss, "verhoogd", D("2026-10-01"), ""},
             {NoaComponent::kNederlandsToets, "A1", D("2026-10-01"), ""},
             {NoaComponent::kWerkmotivatie, "hoog", std::nullopt, ""}};
    return c;
  }

  PlanDomains domains_ = PlanDomains::Defaults();
};

TEST_F(IntakeTest, FullIntakeIsValid) {
  EXPECT_EQ(ValidateIntake(Full(), Context()), std::vector<FieldError>{});
  EXPECT_EQ(ValidateIntakeComplete(Full()), std::vector<FieldError>{});
}

TEST_F(IntakeTest, OnlyForAdultsOnTheIntakeDate) {
  IntakeContext ctx = Context();
  ctx.birth_date = D("2008-11-21");  // 18 on 2026-11-21, not on the 20th
  EXPECT_TRUE(Has(ValidateIntake(Full(), ctx), "intake_date", "intake_minor"));
  ctx.birth_date = D("2008-11-20");
  EXPECT_FALSE(Has(ValidateIntake(Full(), ctx), "intake_date", "intake_minor"));
}

TEST_F(IntakeTest, RefusesBadParts) {
  IntakeContent c = Full();
  c.intake_date = D("2026-11-25");
  c.participants.push_back({.user_id = 1, .organisation_id = 10});
  c.interpreter_language = "xx";
  c.domains.push_back({"wonen", "a", "", "", ""});
  c.domains.push_back({"wonen", "b", "", "", ""});
  c.domains.push_back({"mars", "c", "", "", ""});
  c.education[0].diploma = false;
  c.education[0].country = "Syria";
  c.work[0].years = 61;
  c.work[0].occupation = "";
  c.languages[1].skill = LanguageSkill::kLezen;
  c.languages[0].test_date = D("2027-01-01");
  c.learnability->outcome = "";
  c.availability_dagdelen = 11;
  c.health_screening.done = false;
  c.noa.push_back({NoaComponent::kPtss, "", std::nullopt, ""});
  const std::vector<FieldError> e = ValidateIntake(c, Context());
  EXPECT_TRUE(Has(e, "intake_date", "date_in_future"));
  EXPECT_TRUE(Has(e, "participants/2/user_id", "duplicate"));
  EXPECT_TRUE(Has(e, "interpreter_language", "unknown_code"));
  EXPECT_TRUE(Has(e, "domains/3/domain", "duplicate"));
  EXPECT_TRUE(Has(e, "domains/4/domain", "unknown_code"));
  EXPECT_TRUE(Has(e, "education/0/valuation_requested", "needs_diploma"));
  EXPECT_TRUE(Has(e, "education/0/country", "unknown_code"));
  EXPECT_TRUE(Has(e, "work/0/years", "out_of_range"));
  EXPECT_TRUE(Has(e, "work/0/occupation", "required"));
  EXPECT_TRUE(Has(e, "languages/1/skill", "duplicate"));
  EXPECT_TRUE(Has(e, "languages/0/test_date", "date_in_future"));
  EXPECT_TRUE(Has(e, "learnability/outcome", "required"));
  EXPECT_TRUE(Has(e, "availability_dagdelen", "out_of_range"));
  EXPECT_TRUE(Has(e, "health_screening/date", "only_with_screening"));
  EXPECT_TRUE(Has(e, "noa/3/component", "duplicate"));
  EXPECT_TRUE(Has(e, "noa/3/outcome", "required"));
}

TEST_F(IntakeTest, InterpreterNeedsALanguageAndViceVersa) {
  IntakeContent c = Full();
  c.interpreter_language.reset();
  EXPECT_TRUE(Has(ValidateIntake(c, Context()), "interpreter_language", "required"));
  c.interpreter = false;
  c.interpreter_language = "ar";
  EXPECT_TRUE(Has(ValidateIntake(c, Context()), "interpreter_language", "only_with_interpreter"));
}

TEST_F(IntakeTest, FinalisingNeedsParticipantsAndTheScreeningAnswer) {
  IntakeContent c = Full();
  c.participants.clear();
  c.health_screening = {};
  const std::vector<FieldError> e = ValidateIntakeComplete(c);
  EXPECT_TRUE(Has(e, "participants", "required"));
  EXPECT_TRUE(Has(e, "health_screening/done", "required"));
}

TEST_F(IntakeTest, NormaliseTrimsCompactDropsEmptyDomains) {
  IntakeContent c = Full();
  c.domains.push_back({"wonen", "  ", " ", "", ""});
  c.interests = "  voetbal ";
  NormaliseIntake(c);
  EXPECT_EQ(c.domains.size(), 3u);  // request indices stay valid for validation
  EXPECT_EQ(ValidateIntake(c, Context()), std::vector<FieldError>{});
  CompactIntake(c);
  EXPECT_EQ(c.domains.size(), 2u);
  EXPECT_EQ(c.interests, "voetbal");
}

TEST_F(IntakeTest, HealthPartsAreGezondheidTheScreeningIsNot) {
  EXPECT_EQ(NoaCategory(NoaComponent::kPtss), DataCategory::kGezondheid);
  EXPECT_EQ(NoaCategory(NoaComponent::kEmotioneleStabiliteit), DataCategory::kGezondheid);
  EXPECT_EQ(NoaCategory(NoaComponent::kNederlandsToets), DataCategory::kInburgering);
  EXPECT_EQ(IntakePartCategory(IntakePart::kHealthNotes), DataCategory::kGezondheid);
  EXPECT_EQ(IntakePartCategory(IntakePart::kHealthScreening), DataCategory::kBasis);
  EXPECT_EQ(IntakePartCategory(IntakePart::kLanguages), DataCategory::kInburgering);
  EXPECT_EQ(IntakePartCategory(IntakePart::kWork), DataCategory::kWerkInkomen);
  const CategorySet all = IntakeCategories(Full(), domains_);
  EXPECT_TRUE(all.Has(DataCategory::kGezondheid));
  EXPECT_TRUE(all.Has(DataCategory::kInburgering));
}

TEST_F(IntakeTest, FilterLeavesOutWhatIsNotVisibleAndSaysSo) {
  const CategorySet visible{DataCategory::kBasis, DataCategory::kInburgering};
  const IntakeView v = FilterIntake(Full(), visible, domains_);
  EXPECT_TRUE(v.content.health_notes.empty());
  EXPECT_TRUE(v.content.work.empty());
  EXPECT_TRUE(v.content.domains.empty());  // werk_inkomen and zorg_gezondheid
  EXPECT_EQ(v.hidden_domains, 2u);
  ASSERT_EQ(v.content.noa.size(), 1u);
  EXPECT_EQ(v.content.noa[0].component, NoaComponent::kNederlandsToets);
  EXPECT_EQ(v.hidden_noa, 2u);
  EXPECT_EQ(v.content.languages.size(), 2u);
  EXPECT_EQ(v.content.health_screening.done, std::optional<bool>(true));
  const auto hidden = [&](IntakePart p) {
    return std::find(v.hidden_parts.begin(), v.hidden_parts.end(), p) != v.hidden_parts.end();
  };
  EXPECT_TRUE(hidden(IntakePart::kHealthNotes));
  EXPECT_TRUE(hidden(IntakePart::kWork));
  EXPECT_FALSE(hidden(IntakePart::kLanguages));
  EXPECT_EQ(FilterIntake(Full(), CategorySet::All(), domains_).content, Full());
}

TEST_F(IntakeTest, MergeKeepsWhatTheCallerCannotWrite) {
  const CategorySet writable{DataCategory::kBasis, DataCategory::kInburgering};
  // The partner's view, edited: a language level changed, a NOA Dutch test.
  IntakeContent submitted = FilterIntake(Full(), writable, domains_).content;
  submitted.languages[1].level = CefrLevel::kA1;
  submitted.noa[0].outcome = "A2";
  StatusOr<IntakeContent> merged = MergeIntake(Full(), submitted, writable, false, domains_);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(merged->languages[1].level, CefrLevel::kA1);
  EXPECT_EQ(merged->health_notes, "Chronische rugpijn");
  EXPECT_EQ(merged->work, Full().work);
  EXPECT_EQ(merged->domains, Full().domains);
  ASSERT_EQ(merged->noa.size(), 3u);
  EXPECT_EQ(merged->noa[0].component, NoaComponent::kPtss);
  EXPECT_EQ(merged->noa[1].outcome, "A2");
}

TEST_F(IntakeTest, MergeRefusesChangesOutsideTheWritableParts) {
  const CategorySet writable{DataCategory::kBasis, DataCategory::kInburgering};
  IntakeContent submitted = FilterIntake(Full(), writable, domains_).content;
  submitted.health_notes = "iets anders";
  submitted.noa.push_back({NoaComponent::kEmotioneleStabiliteit, "laag", std::nullopt, ""});
  submitted.participants.pop_back();
  StatusOr<IntakeContent> merged = MergeIntake(Full(), submitted, writable, false, domains_);
  ASSERT_FALSE(merged.ok());
  const std::vector<FieldError>& e = merged.status().field_errors();
  EXPECT_TRUE(Has(e, "health_notes", "not_allowed"));
  EXPECT_TRUE(Has(e, "noa/1/component", "not_allowed"));
  EXPECT_TRUE(Has(e, "participants", "not_allowed"));
}

TEST_F(IntakeTest, ItemsRoundTrip) {
  IntakeContent c = Full();
  IntakeContent back;
  back.intake_date = c.intake_date;
  back.interpreter = c.interpreter;
  back.interpreter_language = c.interpreter_language;
  FromIntakeItems(ToIntakeItems(c), back);
  EXPECT_EQ(back, c);
  IntakeContent empty, back_empty;
  FromIntakeItems(ToIntakeItems(empty), back_empty);
  EXPECT_EQ(back_empty, empty);
}

}  // namespace
}  // namespace regie::core
