// The document as a workbook: text in reading order on the first sheet,
// each table and each chart on a sheet of its own, whole numbers as
// numbers and everything printed otherwise ("<5") as text.
#include "render/xlsx_document.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace regie::render {
namespace {

Document Sample() {
  Document doc;
  doc.metadata.title = "Voortgangsrapportage";
  doc.header = "Voortgangsrapportage – Gemeente Test – 2026H1";
  doc.title_page = TitlePage{.title = "Voortgangsrapportage", .subtitle = "2026H1"};
  doc.blocks.push_back(TableOfContents{.title = "Inhoud"});
  doc.blocks.push_back(Heading{.level = 1, .text = "Resultaatafspraken"});
  doc.blocks.push_back(Heading{.level = 2, .text = "Inburgering"});
  doc.blocks.push_back(Paragraph{.text = "Het gaat goed."});
  doc.blocks.push_back(Table{.header = {"Indicator", "Aantal", "Percentage"},
                             .rows = {{"PIP op tijd", "12", "42,0%"}, {"Examen", "<5", ""}}});
  doc.blocks.push_back(BulletList{.items = {"Meer maatjes"}});
  Chart chart{.kind = ChartKind::kStackedBars,
              .title = "Participatieladder",
              .x_label = "Kwartaal",
              .categories = {"2026K1", "2026K2"}};
  chart.series = {{.label = "Trede 1", .y = {5, 7}}, {.label = "Trede 2", .y = {9, 11}}};
  doc.blocks.push_back(chart);
  return doc;
}

TEST(XlsxDocumentTest, TextTablesAndChartsEachOnTheirSheet) {
  const XlsxWorkbook book = DocumentWorkbook(Sample(), Language::kNl);
  ASSERT_EQ(book.sheets.size(), 3u);
  const XlsxSheet& text = book.sheets[0];
  EXPECT_EQ(text.name, "Rapport");
  EXPECT_EQ(text.header, (std::vector<std::string>{"Onderdeel", "Tekst"}));
  std::vector<std::string> lines;
  for (const auto& row : text.rows) lines.push_back(row[0].text() + " | " + row[1].text());
  EXPECT_EQ(lines[0], "Voortgangsrapportage | 2026H1");
  EXPECT_NE(
      std::find(lines.begin(), lines.end(), "Resultaatafspraken – Inburgering | Het gaat goed."),
      lines.end());
  EXPECT_NE(
      std::find(lines.begin(), lines.end(), "Resultaatafspraken – Inburgering | • Meer maatjes"),
      lines.end());

  const XlsxSheet& table = book.sheets[1];
  EXPECT_EQ(table.name, "Inburgering");
  EXPECT_EQ(table.title, "Resultaatafspraken – Inburgering");
  EXPECT_EQ(table.source, "Voortgangsrapportage – Gemeente Test – 2026H1");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_TRUE(table.rows[0][1].is_number());
  EXPECT_EQ(table.rows[0][1].number(), 12);
  EXPECT_TRUE(table.rows[0][2].is_text());  // "42,0%" as printed
  EXPECT_TRUE(table.rows[1][1].is_text());
  EXPECT_EQ(table.rows[1][1].text(), "<5");  // never a number, never a formula

  const XlsxSheet& bars = book.sheets[2];
  EXPECT_EQ(bars.name, "Participatieladder");
  EXPECT_EQ(bars.header, (std::vector<std::string>{"Kwartaal", "Trede 1", "Trede 2"}));
  ASSERT_EQ(bars.rows.size(), 2u);
  EXPECT_EQ(bars.rows[1][0].text(), "2026K2");
  EXPECT_EQ(bars.rows[1][2].number(), 11);
}

TEST(XlsxDocumentTest, WritesAWorkbookInEnglish) {
  const XlsxWorkbook book = DocumentWorkbook(Sample(), Language::kEn);
  EXPECT_EQ(book.sheets[0].name, "Report");
  StatusOr<std::string> bytes = WriteXlsx(book);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  EXPECT_EQ(bytes->substr(0, 2), "PK");
}

}  // namespace
}  // namespace regie::render
