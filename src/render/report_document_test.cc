// The council's progress report as a document: contents with page numbers,
// the narrative sections in seed order, charts, the stamp, and suppression
// applied to whatever figures are passed in; rendered as PDF (read back
// with poppler) and as self-contained HTML.
#include "render/report_document.h"

#include <gtest/gtest.h>

#include "render/html_writer.h"
#include "render/pdf_renderer.h"
#include "render/pdf_test_util.h"

namespace regie::render {
namespace {

namespace ind = core::indicators;
using testing::Count;
using testing::PdfPages;

core::Timestamp Fixed() { return *core::Timestamp::Parse("2018-01-15T10:00:00.000000Z"); }

ind::Cell Total(int64_t satisfied, int64_t not_satisfied, int64_t within) {
  ind::Cell c;
  c.satisfied = satisfied;
  c.not_satisfied = not_satisfied;
  c.within_window = within;
  c.wilson = core::stats::Wilson(satisfied, satisfied + not_satisfied);
  c.target = core::stats::TargetStatusOf(satisfied, satisfied + not_satisfied, 90.0);
  return c;
}

ind::IndicatorFigures Indicator(std::string id, std::string label, std::string theme,
                                ind::Cell total, std::vector<ind::Cell> cohorts) {
  ind::IndicatorFigures f;
  f.id = std::move(id);
  f.label_nl = label;
  f.label_en = label + " (en)";
  f.theme = std::move(theme);
  f.deadline = true;
  f.target_percent = 90.0;
  f.total_judgement =
      core::stats::JudgeTarget(total.satisfied, total.denominator(), f.target_percent);
  f.breakdowns.push_back({.breakdown = {}, .cells = {total}});
  f.breakdowns.push_back(
      {.breakdown = {.first = ind::Dimension::kCohort}, .cells = std::move(cohorts)});
  return f;
}

ind::Report Figures() {
  ind::Report r;
  r.stamp = {.reference_date = *core::Date::Parse("2017-12-31"),
             .packs = {{"hardinxveld-giessendam-2016", 1}},
             .snapshot = "tenant_changes:77"};
  r.labels[static_cast<size_t>(ind::Dimension::kCohort)] = {"2016H2", "2017H1"};
  r.persons = 83;
  ind::Cell c0 = Total(20, 6, 0), c1 = Total(17, 7, 6);
  c1.first = 1;
  r.indicators.push_back(Indicator("pvt", "Participatieverklaring binnen 6 maanden",
                                   "Normen en waarden", Total(37, 13, 6), {c0, c1}));
  // Exact 3 of 44 and 2 still within the term: both must print as "<5".
  ind::Cell d0 = Total(3, 20, 0), d1 = Total(0, 21, 2);
  d1.first = 1;
  r.indicators.push_back(Indicator("werk", "Betaald werk binnen 18 maanden", "Werk en inkomen",
                                   Total(3, 41, 2), {d0, d1}));
  // A Kaplan-Meier curve of 40 persons.
  std::vector<core::stats::Observation> obs;
  for (int i = 0; i < 40; ++i) obs.push_back({.time = 20 + 7 * i, .event = i % 3 != 0});
  ind::SurvivalFigures s{.measure = ind::TimeToEvent::kParticipatieverklaring,
                         .available = true,
                         .missing_events = {},
                         .total = core::stats::KaplanMeier(obs),
                         .by_cohort = {}};
  r.survival.push_back(std::move(s));
  r.ladder.available = true;
  for (int q = 0; q < 3; ++q) {
    ind::LadderQuarter lq{.label = "2017K" + std::to_string(q + 2),
                          .end = *core::Date::Parse("2017-12-31")};
    lq.distribution = {10, 12, 9, 7, 3, 0, 6};
    r.ladder.quarters.push_back(lq);
  }
  return r;
}

ReportInput Input(const ind::Report& figures) {
  ReportInput in;
  in.municipality = "Hardinxveld-Giessendam";
  in.period = *core::ReportPeriod::Parse("2017H2");
  in.report = {.tenant_id = 1, .period = "2017H2"};
  in.figures = &figures;
  in.generated_at = Fixed();
  in.organisation_names = {{7, "Vluchtelingenwerk Hardinxveld"}, {8, "GGD Zuid-Holland Zuid"}};
  auto text = [](core::ReportSection s, int64_t org, std::string t) {
    return core::ReportNarrative{.tenant_id = 1,
                                 .period = "2017H2",
                                 .section = s,
                                 .organisation_id = org,
                                 .version = 1,
                                 .text = std::move(t)};
  };
  in.narratives = {
      text(core::ReportSection::kWatGaatGoed, 0, "De taalcafés lopen goed.\n\nVeel vrijwilligers."),
      text(core::ReportSection::kNetwerkpartners, 8, "GGD: de gezondheidsintake loopt op tijd."),
      text(core::ReportSection::kNetwerkpartners, 7, "VWN: meer maatjes gevonden."),
      text(core::ReportSection::kFinancieel, 0, "Begroting MB: EUR 2.370 per inburgeraar.")};
  return in;
}

TEST(ReportDocumentTest, PdfHasContentsWithPagesSectionsChartsAndColophon) {
  const ind::Report figures = Figures();
  const Document doc = ReportDocument(Input(figures), Language::kNl);
  StatusOr<RenderedPdf> pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  EXPECT_GE(pdf->pages, 5);
  EXPECT_EQ(testing::RasterisedPages(pdf->bytes), pdf->pages);
  const std::vector<std::string> pages = PdfPages(pdf->bytes);
  ASSERT_EQ(static_cast<int>(pages.size()), pdf->pages);
  EXPECT_NE(pages[0].find("Voortgangsrapportage integratie statushouders"), std::string::npos);
  EXPECT_NE(pages[0].find("tweede halfjaar 2017"), std::string::npos);
  EXPECT_NE(pages[0].find("Concept"), std::string::npos);
  EXPECT_NE(pages[0].find("31-12-2017"), std::string::npos);
  // The contents on page 2 list every section with the page it starts on.
  const std::string& toc = pages[1];
  for (const char* section :
       {"Voortgang op de resultaatafspraken", "Wat gaat goed", "Ervaringen van netwerkpartners",
        "Nieuwe initiatieven", "Overzicht van activiteiten", "Ontwikkelingen en trends",
        "Financiële verantwoording", "Verantwoording"}) {
    const size_t at = toc.find(std::string(section) + " ");
    ASSERT_NE(at, std::string::npos) << section << " in " << toc;
    const std::string rest = toc.substr(at + std::string(section).size() + 1);
    const int page = std::atoi(rest.c_str());
    ASSERT_GE(page, 2) << section;
    ASSERT_LE(page, pdf->pages) << section;
    // The heading really starts on that page.
    EXPECT_NE(pages[static_cast<size_t>(page - 1)].find(section), std::string::npos)
        << section << " on page " << page;
  }
  std::string all;
  for (const std::string& p : pages) all += p + "\n";
  // Sections in the order of seed 000 §5.3, partners under their names.
  EXPECT_LT(all.find("De taalcafés lopen goed."), all.find("GGD: de gezondheidsintake"));
  EXPECT_NE(all.find("GGD Zuid-Holland Zuid"), std::string::npos);
  EXPECT_NE(all.find("EUR 2.370"), std::string::npos);
  EXPECT_NE(all.find("Voor dit onderdeel is (nog) geen tekst geschreven."), std::string::npos);
  // The stamp and the suppression rule in the colophon.
  EXPECT_NE(all.find("tenant_changes:77"), std::string::npos);
  EXPECT_NE(all.find("hardinxveld-giessendam-2016 (versie 1)"), std::string::npos);
  EXPECT_NE(all.find("1 tot en met 4"), std::string::npos);
  // Charts are vectors: the PDF holds no image.
  EXPECT_EQ(Count(pdf->bytes, "/Subtype /Image"), 0u);
  EXPECT_NE(all.find("Participatieladder per kwartaal"), std::string::npos);
  EXPECT_NE(all.find("Participatieverklaring ondertekend"), std::string::npos);
}

TEST(ReportDocumentTest, SmallCountsNeverPrint) {
  const ind::Report figures = Figures();
  StatusOr<RenderedPdf> pdf = RenderPdf(ReportDocument(Input(figures), Language::kNl));
  ASSERT_TRUE(pdf.ok());
  std::string all;
  for (const std::string& p : PdfPages(pdf->bytes)) all += p + "\n";
  // The row of the indicator with 3 of 44 and 2 within the term.
  const size_t row = all.find("Betaald werk binnen 18 maanden niet getoond (<5)");
  ASSERT_NE(row, std::string::npos) << all;
  const std::string line = all.substr(row, 120);
  EXPECT_EQ(line.find(" 3 "), std::string::npos) << line;
  EXPECT_EQ(line.find("/ 44"), std::string::npos) << line;
  EXPECT_EQ(line.find("7%"), std::string::npos) << line;  // 3/44 = 6.8%
  EXPECT_NE(line.find("niet getoond"), std::string::npos) << line;
  // The ladder's 3 persons on rung 4 print as "<5" in every quarter.
  const size_t ladder = all.find("Beweging 2017K2 12 9 7 ");
  ASSERT_NE(ladder, std::string::npos) << all;
  const std::string quarter = all.substr(ladder, all.find("omhoog", ladder) - ladder);
  EXPECT_NE(quarter.find("<5"), std::string::npos) << quarter;
  EXPECT_EQ(quarter.find(" 3 "), std::string::npos) << quarter;
  // The shown indicator prints its share and interval.
  EXPECT_NE(all.find("Participatieverklaring binnen 6 maanden 74% (37 / 50)"), std::string::npos)
      << all;
}

TEST(ReportDocumentTest, EnglishAndFinal) {
  const ind::Report figures = Figures();
  ReportInput in = Input(figures);
  in.report.status = core::ReportStatus::kDefinitief;
  in.report.finalised_at = Fixed();
  in.finalised_by = "Fatima de Vries";
  in.report.stamp = figures.stamp;
  StatusOr<RenderedPdf> pdf = RenderPdf(ReportDocument(in, Language::kEn));
  ASSERT_TRUE(pdf.ok());
  const std::vector<std::string> pages = PdfPages(pdf->bytes);
  EXPECT_NE(pages[0].find("second half of 2017"), std::string::npos);
  EXPECT_NE(pages[0].find("Final (finalised on 15-01-2018 by Fatima de Vries)"), std::string::npos);
  EXPECT_NE(pages[1].find("Contents"), std::string::npos);
  EXPECT_NE(pages[1].find("Experiences of network partners"), std::string::npos);
  std::string all;
  for (const std::string& p : pages) all += p + "\n";
  EXPECT_EQ(all.find("the data changed"), std::string::npos);
  // Data that moved on after finalising is named, with both snapshots.
  in.report.stamp->snapshot = "tenant_changes:12";
  pdf = RenderPdf(ReportDocument(in, Language::kEn));
  ASSERT_TRUE(pdf.ok());
  all.clear();
  for (const std::string& p : PdfPages(pdf->bytes)) all += p + "\n";
  // A line may break inside "tenant_changes:12": compare without spaces.
  std::string packed;
  for (char c : all)
    if (c != ' ' && c != '\n') packed += c;
  EXPECT_NE(packed.find("thedatachangedafterthereportwasfinalised(snapshottenant_changes:12)"),
            std::string::npos);
  EXPECT_NE(all.find("from snapshot tenant_changes:77"), std::string::npos);
}

TEST(ReportDocumentTest, FirstHalfYearHasNoFinancialSection) {
  const ind::Report figures = Figures();
  ReportInput in = Input(figures);
  in.period = *core::ReportPeriod::Parse("2018H1");
  StatusOr<RenderedPdf> pdf = RenderPdf(ReportDocument(in, Language::kNl));
  ASSERT_TRUE(pdf.ok());
  std::string all;
  for (const std::string& p : PdfPages(pdf->bytes)) all += p;
  EXPECT_EQ(all.find("Financiële verantwoording"), std::string::npos);
}

TEST(ReportDocumentTest, HtmlIsSelfContainedWithSvgChartsAndEscapedText) {
  const ind::Report figures = Figures();
  ReportInput in = Input(figures);
  in.narratives.push_back({.tenant_id = 1,
                           .period = "2017H2",
                           .section = core::ReportSection::kTrends,
                           .organisation_id = 0,
                           .version = 1,
                           .text = "<script>alert(1)</script> & meer"});
  const std::string html = RenderHtml(ReportDocument(in, Language::kNl), "nl");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
  EXPECT_GE(Count(html, "<svg "), 3u);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#s"), std::string::npos);
  EXPECT_NE(html.find("Ervaringen van netwerkpartners"), std::string::npos);
  EXPECT_NE(html.find("tenant_changes:77"), std::string::npos);
  EXPECT_NE(html.find("Betaald werk binnen 18 maanden</td><td>niet getoond (&lt;5)"),
            std::string::npos);
}

}  // namespace
}  // namespace regie::render
