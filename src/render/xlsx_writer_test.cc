#include "render/xlsx_writer.h"

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

namespace regie::render {
namespace {

namespace fs = std::filesystem;

// Output of a command (unzip reads the file the way any zip reader would).
std::string RunCommand(const std::string& command) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return out;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe.get())) > 0) out.append(buf.data(), n);
  return out;
}

class XlsxWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ =
        fs::temp_directory_path() /
        ("regie-xlsx-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(root_ / "tmp");
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string Save(const std::string& bytes) {
    const fs::path file = root_ / "out.xlsx";
    std::ofstream(file, std::ios::binary) << bytes;
    return file.string();
  }

  fs::path root_;
};

XlsxWorkbook Sample() {
  XlsxWorkbook book;
  book.title = "Indicatoren";
  book.author = "Gemeente Proefdorp";
  XlsxSheet s;
  s.name = "Plan binnen 10 weken";
  s.title = "Plan van aanpak binnen 10 weken";
  s.source = "Peildatum 2026-11-23; snapshot tenant_changes:12";
  s.header = {"Cohort", "Voldaan", "Percentage"};
  s.rows.push_back({XlsxCell::Text("2025H1"), XlsxCell::Number(12), XlsxCell::Number(66.7)});
  s.rows.push_back({XlsxCell::Text("2025H2"), XlsxCell::Text("<5"), XlsxCell::Empty()});
  s.rows.push_back({XlsxCell::Text("=1+1"), XlsxCell::Number(0), XlsxCell::Number(0)});
  s.number_formats = {"", "0", "0.0"};
  book.sheets.push_back(std::move(s));
  XlsxSheet bron;
  bron.name = "Bron";
  bron.header = {"Gegeven", "Waarde"};
  bron.rows.push_back({XlsxCell::Text("Peildatum"), XlsxCell::Text("2026-11-23")});
  book.sheets.push_back(std::move(bron));
  return book;
}

TEST_F(XlsxWriterTest, WritesAZipWithTheSheetsAndCellsAndLeavesNoFilesBehind) {
  StatusOr<std::string> bytes = WriteXlsx(Sample(), root_ / "tmp");
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  ASSERT_GT(bytes->size(), 4U);
  EXPECT_EQ(bytes->substr(0, 2), "PK");
  const std::string file = Save(*bytes);

  const std::string listing = RunCommand("unzip -l '" + file + "'");
  EXPECT_NE(listing.find("xl/worksheets/sheet1.xml"), std::string::npos) << listing;
  EXPECT_NE(listing.find("xl/worksheets/sheet2.xml"), std::string::npos) << listing;

  const std::string workbook = RunCommand("unzip -p '" + file + "' xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Plan binnen 10 weken\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"Bron\""), std::string::npos) << workbook;

  // Text cells are shared strings, never formulas; "<5" is escaped text.
  const std::string strings = RunCommand("unzip -p '" + file + "' xl/sharedStrings.xml");
  EXPECT_NE(strings.find("&lt;5"), std::string::npos) << strings;
  EXPECT_NE(strings.find("=1+1"), std::string::npos) << strings;
  EXPECT_NE(strings.find("Peildatum 2026-11-23"), std::string::npos) << strings;
  const std::string sheet = RunCommand("unzip -p '" + file + "' xl/worksheets/sheet1.xml");
  EXPECT_EQ(sheet.find("<f>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>66.7</v>"), std::string::npos) << sheet;

  const std::string props = RunCommand("unzip -p '" + file + "' docProps/core.xml");
  EXPECT_NE(props.find("Gemeente Proefdorp"), std::string::npos) << props;

  // The private directory is gone.
  EXPECT_TRUE(fs::is_empty(root_ / "tmp"));
}

// A final report's spreadsheet must come out byte for byte the same at
// every download: with `created` set, the time of writing leaves no trace
// (zip entry times have a 2-second grain, hence the wait).
TEST_F(XlsxWriterTest, TheSameWorkbookGivesTheSameBytesLater) {
  XlsxWorkbook book = Sample();
  book.created = core::Timestamp{1'795'000'000LL * 1'000'000};
  StatusOr<std::string> first = WriteXlsx(book, root_ / "tmp");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  StatusOr<std::string> second = WriteXlsx(book, root_ / "tmp");
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(*first, *second);
}

TEST_F(XlsxWriterTest, SheetNamesAreMadeValidAndUnique) {
  EXPECT_EQ(XlsxSheetName("a/b:c?", {}), "a_b_c_");
  EXPECT_EQ(XlsxSheetName("", {}), "Blad");
  EXPECT_EQ(XlsxSheetName("'Bron'", {}), "Bron");
  EXPECT_EQ(XlsxSheetName("Bron", {"bron"}), "Bron (2)");
  EXPECT_EQ(XlsxSheetName("Bron", {"Bron", "Bron (2)"}), "Bron (3)");
  const std::string long_name = "Participatieverklaring ondertekend binnen termijn";
  const std::string a = XlsxSheetName(long_name, {});
  EXPECT_EQ(a.size(), 31U);
  const std::string b = XlsxSheetName(long_name, {a});
  EXPECT_EQ(b.size(), 31U);
  EXPECT_NE(a, b);
  // Never cuts a character in two: 31 characters of "é" are 62 bytes.
  std::string accented;
  for (int i = 0; i < 40; ++i) accented += "\xC3\xA9";
  const std::string accents = XlsxSheetName(accented, {});
  EXPECT_EQ(accents.size(), 62U);

  // Names that would clash after truncation still make a valid workbook.
  XlsxWorkbook book;
  for (int i = 0; i < 3; ++i) {
    XlsxSheet s;
    s.name = long_name;
    s.header = {"x"};
    book.sheets.push_back(s);
  }
  StatusOr<std::string> bytes = WriteXlsx(book, root_ / "tmp");
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
}

TEST_F(XlsxWriterTest, RefusesAnEmptyWorkbookAndReportsAnUnwritableDirectory) {
  StatusOr<std::string> empty = WriteXlsx(XlsxWorkbook{}, root_ / "tmp");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().reason(), "xlsx_empty");
  StatusOr<std::string> nowhere = WriteXlsx(Sample(), root_ / "does-not-exist");
  ASSERT_FALSE(nowhere.ok());
  EXPECT_EQ(nowhere.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace regie::render
