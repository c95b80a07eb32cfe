#include "render/pdf_renderer.h"

#include <gtest/gtest.h>

#include "render/pdf_test_util.h"

namespace regie::render {
namespace {

using testing::Collapse;
using testing::Count;
using testing::PdfInfo;
using testing::PdfPages;

core::Timestamp Fixed() { return *core::Timestamp::Parse("2026-11-24T09:30:15.000000Z"); }

Document Base() {
  Document doc;
  doc.metadata = {.title = "Proefdocument",
                  .author = "Gemeente Proefdorp",
                  .subject = "Test",
                  .creator = "Regie",
                  .created = Fixed()};
  doc.header = "Kopregel van het proefdocument";
  doc.footer = "Voetregel";
  doc.page_label = "Pagina {page} van {pages}";
  return doc;
}

// A table of `rows` rows; every tenth row has a long cell that wraps.
Table LongTable(int rows) {
  Table t{.header = {"Kolom wat", "Kolom wie", "Kolom wanneer"}, .widths = {3, 2, 1}, .rows = {}};
  for (int i = 0; i < rows; ++i) {
    const std::string n = std::to_string(1000 + i);
    std::string what = "Actie" + n + " afspreken";
    if (i % 10 == 0)
      for (int w = 0; w < 30; ++w) what += " lang" + n + "w" + std::to_string(w);
    t.rows.push_back({what, "Organisatie" + n, "01-02-2027"});
  }
  return t;
}

StatusOr<RenderedPdf> RenderTable(int rows) {
  Document doc = Base();
  doc.blocks.emplace_back(Heading{.level = 1, .text = "Een lange tabel"});
  doc.blocks.emplace_back(LongTable(rows));
  return RenderPdf(doc);
}

TEST(PdfRendererTest, WritesAPdfWithMetadataFromTheDocument) {
  Document doc = Base();
  doc.blocks.emplace_back(Paragraph{.text = "Hallo"});
  StatusOr<RenderedPdf> pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  EXPECT_EQ(pdf->bytes.rfind("%PDF-", 0), 0U);
  EXPECT_EQ(pdf->pages, 1);
  auto info = PdfInfo(pdf->bytes);
  EXPECT_EQ(info["Pages"], "1");
  EXPECT_EQ(info["Title"], "Proefdocument");
  EXPECT_EQ(info["Author"], "Gemeente Proefdorp");
  EXPECT_EQ(info["Creator"], "Regie");
  // The injected time, not the system's.
  EXPECT_EQ(info["CreationDate"].substr(0, 19), "2026-11-24T09:30:15");
  EXPECT_EQ(info["Page size"].substr(0, 14), "595.276 x 841.");
}

TEST(PdfRendererTest, LongTableRepeatsItsHeaderAndLosesNoText) {
  StatusOr<RenderedPdf> pdf = RenderTable(150);
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  ASSERT_GT(pdf->pages, 3);
  EXPECT_EQ(PdfInfo(pdf->bytes)["Pages"], std::to_string(pdf->pages));
  const std::vector<std::string> pages = PdfPages(pdf->bytes);
  ASSERT_EQ(pages.size(), static_cast<size_t>(pdf->pages));
  std::string all;
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string label =
        "Pagina " + std::to_string(i + 1) + " van " + std::to_string(pages.size());
    EXPECT_EQ(Count(pages[i], label), 1U) << pages[i];
    EXPECT_EQ(Count(pages[i], "Kopregel van het proefdocument"), 1U);
    // The header row on every page the table continues on.
    EXPECT_EQ(Count(pages[i], "Kolom wat Kolom wie Kolom wanneer"), 1U) << "page " << i + 1;
    all += pages[i] + " ";
  }
  const Table t = LongTable(150);
  for (const auto& row : t.rows) {
    // Each row once, whole: a row that does not fit moves to the next page.
    EXPECT_EQ(Count(all, Collapse(row[0]) + " " + row[1] + " "), 1U) << row[0];
  }
}

TEST(PdfRendererTest, PageCountGrowsWithTheContent) {
  StatusOr<RenderedPdf> short_table = RenderTable(10);
  StatusOr<RenderedPdf> long_table = RenderTable(200);
  ASSERT_TRUE(short_table.ok() && long_table.ok());
  EXPECT_EQ(short_table->pages, 1);
  EXPECT_GT(long_table->pages, RenderTable(100)->pages);
}

TEST(PdfRendererTest, RowTallerThanAPageIsSplitWithoutLosingWords) {
  Document doc = Base();
  std::string text;
  for (int w = 0; w < 900; ++w) text += "woord" + std::to_string(w) + " ";
  doc.blocks.emplace_back(Table{
      .header = {"Kop A", "Kop B"}, .widths = {}, .rows = {{text, "kort"}, {"na", "daarna"}}});
  StatusOr<RenderedPdf> pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok());
  ASSERT_GE(pdf->pages, 2);
  const std::vector<std::string> pages = PdfPages(pdf->bytes);
  std::string all;
  for (const std::string& page : pages) {
    EXPECT_EQ(Count(page, "Kop A Kop B"), 1U);
    all += page + " ";
  }
  for (int w = 0; w < 900; ++w) EXPECT_EQ(Count(all, " woord" + std::to_string(w) + " "), 1U) << w;
  EXPECT_EQ(Count(all, "na daarna"), 1U);
}

TEST(PdfRendererTest, LongParagraphsListsAndTitlePageFlowOverPages) {
  Document doc = Base();
  doc.title_page = TitlePage{.title = "Titel van het stuk",
                             .subtitle = "Ondertitel",
                             .facts = {.items = {{"Versie", "3"}}},
                             .note = "Een toelichting."};
  for (int i = 0; i < 60; ++i) {
    doc.blocks.emplace_back(Heading{.level = 2, .text = "Kop" + std::to_string(i)});
    doc.blocks.emplace_back(Paragraph{.text = "Alinea" + std::to_string(i) +
                                              " met genoeg tekst om over meer dan een regel "
                                              "te lopen, zodat de afbreking ook meetelt."});
    doc.blocks.emplace_back(BulletList{.items = {"Punt" + std::to_string(i)}});
  }
  doc.blocks.emplace_back(Signatures{.intro = "Tekent u hier?", .captions = {"Handtekening Amal"}});
  StatusOr<RenderedPdf> pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok());
  const std::vector<std::string> pages = PdfPages(pdf->bytes);
  ASSERT_GE(pages.size(), 3U);
  // The title page has the footer but not the running header.
  EXPECT_EQ(Count(pages[0], "Titel van het stuk"), 1U);
  EXPECT_EQ(Count(pages[0], "Versie 3"), 1U);
  EXPECT_EQ(Count(pages[0], "Kopregel"), 0U);
  EXPECT_EQ(Count(pages[0], "Kop0"), 0U);  // content starts on page 2
  EXPECT_EQ(Count(pages[1], "Kopregel"), 1U);
  std::string all;
  for (const std::string& page : pages) all += page + " ";
  for (int i = 0; i < 60; ++i) {
    const std::string n = std::to_string(i);
    EXPECT_EQ(Count(all, "Kop" + n + " Alinea" + n + " "), 1U) << n;
    EXPECT_EQ(Count(all, "Punt" + n + " "), 1U) << n;
  }
  EXPECT_EQ(Count(all, "Handtekening Amal"), 1U);
}

TEST(PdfRendererTest, TextIsPrintedAsTypedNeverAsMarkup) {
  Document doc = Base();
  doc.blocks.emplace_back(Paragraph{.text = "<b>vet</b> & <span>co</span> é ü"});
  doc.blocks.emplace_back(Paragraph{.text = std::string("kapot \xff\xfe utf8")});
  StatusOr<RenderedPdf> pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok());
  const std::vector<std::string> pages = PdfPages(pdf->bytes);
  ASSERT_EQ(pages.size(), 1U);
  EXPECT_EQ(Count(pages[0], "<b>vet</b> & <span>co</span> é ü"), 1U) << pages[0];
  EXPECT_EQ(Count(pages[0], "kapot"), 1U);
}

TEST(PdfRendererTest, EmptyDocumentIsOnePage) {
  StatusOr<RenderedPdf> pdf = RenderPdf(Base());
  ASSERT_TRUE(pdf.ok());
  EXPECT_EQ(pdf->pages, 1);
  EXPECT_EQ(Count(PdfPages(pdf->bytes).at(0), "Pagina 1 van 1"), 1U);
}

}  // namespace
}  // namespace regie::render
