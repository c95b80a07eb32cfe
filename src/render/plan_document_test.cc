#include "render/plan_document.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "render/pdf_renderer.h"
#include "render/pdf_test_util.h"

namespace regie::render {
namespace {

using testing::Count;
using testing::PdfPages;

core::Date D(const char* iso) { return *core::Date::Parse(iso); }

// Amal's health goal (restricted for this reader: only the GGD action
// shows), her work goal in full, and Sami's language goal.
PlanPrintout Printout() {
  PlanPrintout p;
  p.municipality = "Proefdorp";
  p.household_name = "Haddad";
  p.printed_at = *core::Timestamp::Parse("2026-11-24T10:00:00.000000Z");
  p.printed_by = "Rita Regisseur";
  core::Plan& plan = p.view.plan;
  plan.version = 3;
  plan.saved_at = *core::Timestamp::Parse("2026-11-20T14:00:00.000000Z");
  plan.goals = {
      {.key = 1,
       .person_id = 11,
       .domain = "zorg_gezondheid",
       .text = "",
       .target_date = {},
       .status = core::GoalStatus::kOpen,
       .actions = {{.key = 2,
                    .text = "Intake bij de GGD",
                    .organisation_id = 5,
                    .user_id = 50,
                    .due_date = D("2026-12-01"),
                    .status = core::ActionStatus::kGereed,
                    .result = "Intake gedaan op het spreekuur"}}},
      {.key = 3,
       .person_id = 11,
       .domain = "werk_inkomen",
       .text = "Vrijwilligerswerk gevonden",
       .target_date = D("2027-06-01"),
       .status = core::GoalStatus::kLoopt,
       .actions = {{.key = 4,
                    .text = "Gesprek bij het werkplein",
                    .organisation_id = 6,
                    .user_id = std::nullopt,
                    .due_date = D("2026-12-15"),
                    .status = core::ActionStatus::kOpen,
                    .result = ""}}},
      {.key = 7,
       .person_id = 12,
       .domain = "onderwijs_taal",
       .text = "Taalniveau A2 gehaald",
       .target_date = D("2027-09-01"),
       .status = core::GoalStatus::kBehaald,
       .actions = {}},
  };
  p.view.restricted = {1};
  p.view.hidden = 2;
  p.saved_by = "Rita Regisseur";
  p.person_names = {{11, "Amal Haddad"}, {12, "Sami Haddad"}};
  p.organisation_names = {{5, "GGD Proefdorp"}, {6, "Werkplein Proefdorp"}};
  p.user_names = {{50, "Piet Partner"}};
  p.signers = {11};
  return p;
}

std::string Text(const PlanPrintout& p, Language language) {
  StatusOr<RenderedPdf> pdf = RenderPdf(PlanDocument(p, language));
  EXPECT_TRUE(pdf.ok()) << pdf.status().message();
  if (!pdf.ok()) return {};
  std::string all;
  for (const std::string& page : PdfPages(pdf->bytes)) all += page + " ";
  return all;
}

TEST(PlanDocumentTest, DutchPlainLanguageWithEveryVisibleGoalAndAction) {
  const std::string text = Text(Printout(), Language::kNl);
  for (const char* expected : {"Dit is uw plan",
                               "Plan van aanpak van huishouden Haddad",
                               "Wat wilt u bereiken?",
                               "Wie doet wat?",
                               "Wanneer?",
                               "Amal Haddad",
                               "Sami Haddad",
                               "Vrijwilligerswerk gevonden",
                               "Taalniveau A2 gehaald",
                               "Intake bij de GGD",
                               "Resultaat: Intake gedaan op het spreekuur",
                               "Gesprek bij het werkplein",
                               "GGD Proefdorp Piet Partner",
                               "Werkplein Proefdorp",
                               "01-06-2027",
                               "15-12-2026",
                               "01-12-2026",
                               "01-09-2027",
                               "Gelukt",
                               "Bezig",
                               "Klaar",
                               "Werk en inkomen",
                               "(Dit doel is niet met u gedeeld.)",
                               "2 doel(en) staan er niet in",
                               "Gemaakt op 20-11-2026",
                               "Afgedrukt op 24-11-2026",
                               "U heeft dit plan nog niet ondertekend.",
                               "Handtekening Amal Haddad",
                               "Handtekening regisseur",
                               "Pagina 1 van ",
                               "Gemeente Proefdorp – vertrouwelijk"})
    EXPECT_GE(Count(text, expected), 1U) << expected << "\n" << text;
  // No text key leaks through as a fallback.
  for (const char* key : {"col_", "goal_status_", "action_status_", "_heading", "fact_"})
    EXPECT_EQ(Count(text, key), 0U) << key;
}

TEST(PlanDocumentTest, AgreedPlanShowsTheAgreementAndNoSignatureLines) {
  PlanPrintout p = Printout();
  p.agreements = {{.id = 1,
                   .tenant_id = 1,
                   .household_id = 1,
                   .plan_version = 3,
                   .date = D("2026-11-21"),
                   .interpreter = true,
                   .language = "ar",
                   .signed_by = {11},
                   .recorded_by = 50,
                   .recorded_at = {}}};
  const std::string text = Text(p, Language::kNl);
  for (const char* expected :
       {"Afspraak over dit plan", "Datum 21-11-2026", "Tolk Ja, in het Arabisch",
        "Ondertekend door Amal Haddad", "U heeft dit plan afgesproken op 21-11-2026."})
    EXPECT_EQ(Count(text, expected), 1U) << expected << "\n" << text;
  EXPECT_EQ(Count(text, "Handtekening"), 0U);
}

TEST(PlanDocumentTest, EnglishFromTheTranslationFiles) {
  const std::string text = Text(Printout(), Language::kEn);
  for (const char* expected :
       {"This is your plan", "What do you want to achieve?", "Who does what?", "When?", "Achieved",
        "Work and income", "Page 1 of "})
    EXPECT_GE(Count(text, expected), 1U) << expected << "\n" << text;
  EXPECT_EQ(Count(text, "Wat wilt u bereiken?"), 0U);
}

TEST(PlanDocumentTest, NamesTheCallerMayNotSeeStayOut) {
  PlanPrintout p = Printout();
  p.person_names.erase(12);
  p.signers.clear();
  const std::string text = Text(p, Language::kNl);
  EXPECT_EQ(Count(text, "Sami"), 0U);
  EXPECT_GE(Count(text, "Iemand uit het huishouden"), 1U);
  EXPECT_EQ(Count(text, "Handtekening Amal"), 0U);
}

TEST(PlanDocumentTest, NoPlanYet) {
  PlanPrintout p;
  p.household_name = "Haddad";
  p.municipality = "Proefdorp";
  const std::string text = Text(p, Language::kNl);
  EXPECT_EQ(Count(text, "Er is nog geen plan."), 1U) << text;
}

TEST(PlanDocumentTest, DatesAsTheUiShowsThem) {
  EXPECT_EQ(FormatDate(D("2027-01-05")), "05-01-2027");
}

TEST(PlanDocumentTest, DutchAndEnglishTextsHaveTheSameKeys) {
  for (const char* section : {"plan", "language"}) {
    auto nl = TextKeys(Language::kNl, section), en = TextKeys(Language::kEn, section);
    std::sort(nl.begin(), nl.end());
    std::sort(en.begin(), en.end());
    EXPECT_FALSE(nl.empty()) << section;
    EXPECT_EQ(nl, en) << section;
  }
}

}  // namespace
}  // namespace regie::render
