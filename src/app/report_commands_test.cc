// The progress report of a demo tenant, generated and rendered in the test
// run: the PDF rasterises (pdftoppm) with the page count the renderer
// reported, its contents page lists every section with its page, the demo
// narratives are in it, and no count the suppressed view withholds leaks
// (compared against the exact figures of the same data). Then `regie
// report` from the command line, on a database file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/app_support.h"
#include "app/commands.h"
#include "app/demo_loader.h"
#include "app/test_crypto.h"
#include "backends.h"
#include "core/indicators/suppress.h"
#include "core/reporting/demo_reports.h"
#include "crypto/sodium_crypto.h"
#include "http/figures_json.h"
#include "http/policy_registry.h"
#include "http/report_service.h"
#include "packs/pack_loader.h"
#include "render/pdf_test_util.h"

namespace regie::app {
namespace {

namespace ind = core::indicators;

const core::Date kToday = *core::Date::Parse("2026-11-23");

core::DemoOptions Options() { return {.seed = 7, .households = 90, .tenants = 2, .today = kToday}; }

// Words of `text`, split at spaces, parentheses, slashes and commas.
std::vector<std::string> Tokens(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '(' || c == ')' || c == '/' || c == ',') {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

class DemoReportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip, error;
    test_db_ = testing::MakeTestDatabase(GetParam(), skip, error);
    if (!error.empty()) FAIL() << error;
    if (!skip.empty()) GTEST_SKIP() << skip;
  }
  std::unique_ptr<testing::TestDatabase> test_db_;
  ports::FixedClock clock_{core::Timestamp{1'795'000'000'000'000}};
};

TEST_P(DemoReportTest, RendersWithContentsAndLeaksNoSuppressedCount) {
  packs::PackLibrary library = packs::LoadPackDirectory(REGIE_POLICIES_DIR);
  ASSERT_TRUE(library.ok());
  auto crypto = FastTestCrypto();
  StatusOr<DemoLoadStats> stats =
      LoadDemo(test_db_->db(), *crypto, Options(), clock_, library.packs, 100);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_GE(stats->report_texts, 7);
  http::PolicyRegistry policies(library.packs);
  const core::ReportPeriod period = core::LastCompletedPeriod(kToday);
  ASSERT_EQ(period.ToString(), "2026H1");

  auto tx = std::move(test_db_->db().Begin(ports::TxMode::kRead)).value();
  auto tenants = tx->Tenants().List();
  ASSERT_TRUE(tenants.ok());
  const core::Tenant& tenant = tenants->front();
  StatusOr<http::ReportMaterial> material =
      http::CollectReport(*tx, policies, tenant.id, period, clock_.Now());
  ASSERT_TRUE(material.ok()) << material.status().ToString();
  tx.reset();
  const ind::Report exact = material->figures;
  ASSERT_FALSE(exact.indicators.empty());
  StatusOr<http::ReportFile> file =
      http::RenderReport(*material, http::ReportFormat::kPdf, render::Language::kNl);
  ASSERT_TRUE(file.ok()) << file.status().ToString();

  // Page count: what the renderer laid out, what pdftoppm rasterises.
  EXPECT_GE(file->pages, 6);
  EXPECT_EQ(render::testing::RasterisedPages(file->bytes), file->pages);
  const std::vector<std::string> pages = render::testing::PdfPages(file->bytes);
  ASSERT_EQ(static_cast<int>(pages.size()), file->pages);

  // The contents list every section with the page it starts on.
  const std::string& toc = pages[1];
  for (const char* section :
       {"Over deze rapportage", "Voortgang op de resultaatafspraken", "Wat gaat goed",
        "Wat gaat nog niet goed en wat verbeteren we", "Ervaringen van netwerkpartners",
        "Nieuwe initiatieven", "Overzicht van activiteiten", "Ontwikkelingen en trends",
        "Verantwoording"}) {
    const size_t at = toc.find(std::string(section) + " ");
    ASSERT_NE(at, std::string::npos) << section << " not in " << toc;
    const int page = std::atoi(toc.c_str() + at + std::string(section).size() + 1);
    ASSERT_TRUE(page >= 2 && page <= file->pages) << section;
    EXPECT_NE(pages[static_cast<size_t>(page - 1)].find(section), std::string::npos) << section;
  }
  EXPECT_EQ(toc.find("Financiële verantwoording"), std::string::npos);  // H1: no yearly account
  std::string all;
  for (const std::string& p : pages) all += p + "\n";
  EXPECT_NE(all.find("De taalcafés in de bibliotheek"), std::string::npos);
  EXPECT_NE(all.find("de gezondheidsintakes zijn bijna allemaal"), std::string::npos);
  EXPECT_NE(all.find(exact.stamp.snapshot), std::string::npos);

  // No leak. The exact figures have small counts (else this proves nothing);
  // in the printed row of every indicator no bare number 1..4 appears: what
  // the suppressed view withholds prints as "<5" or "x", never as itself.
  const ind::View view = ind::Suppress(exact, ind::Audience::kExport);
  int small = 0, withheld = 0;
  for (size_t i = 0; i < exact.indicators.size(); ++i) {
    const ind::IndicatorFigures& f = exact.indicators[i];
    if (f.breakdowns.empty() || f.breakdowns[0].cells.empty()) continue;
    const ind::Cell& c = f.breakdowns[0].cells[0];
    for (int64_t n : {c.satisfied, c.not_satisfied, c.within_window})
      if (n >= 1 && n <= 4) ++small;
    const ind::ShownCell& shown = view.indicators[i].breakdowns[0].cells[0];
    if (!shown.satisfied.shown() || !shown.within_window.shown()) ++withheld;
    const size_t at = all.find(f.label_nl + " ");
    ASSERT_NE(at, std::string::npos) << f.label_nl;
    std::string row = all.substr(at + f.label_nl.size(), 160);
    // The row ends where the next row, table or list starts.
    for (const ind::IndicatorFigures& other : exact.indicators)
      if (size_t next = row.find(other.label_nl); next != std::string::npos) row.resize(next);
    for (const char* end : {"Zo is de status", "Indicator Waarde", "Hoe snel"})
      if (size_t next = row.find(end); next != std::string::npos) row.resize(next);
    for (const std::string& token : Tokens(row))
      EXPECT_FALSE(token == "1" || token == "2" || token == "3" || token == "4")
          << f.label_nl << ": " << row;
  }
  EXPECT_GT(small, 0) << "the demo tenant should have small counts";
  EXPECT_GT(withheld, 0);
  // The ladder rows: quarter label, six rungs, movement.
  for (const ind::ShownLadderQuarter& q : view.ladder) {
    const size_t at = all.find(q.label + " ", all.find("Trede 1"));
    if (at == std::string::npos) continue;
    const std::string row = all.substr(at + q.label.size(), all.find("gelijk", at) - at);
    for (const std::string& token : Tokens(row))
      EXPECT_FALSE(token == "1" || token == "2" || token == "3" || token == "4") << row;
  }
}

// What a final report keeps (progress_report_figures) reads back as the
// same figures: the demo tenant's report, curves and ladder included,
// serialises to the same text again and renders to the same document.
TEST_P(DemoReportTest, StoredFiguresReadBackAsTheSameReport) {
  packs::PackLibrary library = packs::LoadPackDirectory(REGIE_POLICIES_DIR);
  ASSERT_TRUE(library.ok());
  auto crypto = FastTestCrypto();
  ASSERT_TRUE(LoadDemo(test_db_->db(), *crypto, Options(), clock_, library.packs, 100).ok());
  http::PolicyRegistry policies(library.packs);
  auto tx = std::move(test_db_->db().Begin(ports::TxMode::kRead)).value();
  const int64_t tenant = tx->Tenants().List()->front().id;
  StatusOr<http::ReportMaterial> material =
      http::CollectReport(*tx, policies, tenant, core::LastCompletedPeriod(kToday), clock_.Now());
  ASSERT_TRUE(material.ok()) << material.status().ToString();
  tx.reset();
  const ind::Report& exact = material->figures;
  ASSERT_FALSE(exact.survival.empty());
  ASSERT_FALSE(exact.ladder.quarters.empty());

  const std::string stored = http::FiguresToJson(exact);
  StatusOr<ind::Report> read = http::FiguresFromJson(stored);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(http::FiguresToJson(*read), stored);
  http::ReportMaterial again = *material;
  again.figures = *read;
  for (auto format : {http::ReportFormat::kHtml, http::ReportFormat::kXlsx}) {
    StatusOr<http::ReportFile> a = http::RenderReport(*material, format, render::Language::kEn);
    StatusOr<http::ReportFile> b = http::RenderReport(again, format, render::Language::kEn);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->bytes, b->bytes);
  }

  EXPECT_FALSE(http::FiguresFromJson("not json").ok());
  EXPECT_FALSE(http::FiguresFromJson(R"({"format": 99})").ok());
  std::string foreign = stored;
  foreign.replace(foreign.find("\"measure\":\"") + 11, 1, "?");  // an unknown measure code
  EXPECT_FALSE(http::FiguresFromJson(foreign).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoReportTest, ::testing::ValuesIn(testing::TestBackends()),
                         [](const auto& backend) { return backend.param; });

TEST(ReportCommandTest, WritesPdfAndHtmlFromADatabaseFile) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("regie-report-cli-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string db_url = "sqlite:" + (dir / "regie.db").string();
  const std::string key_file = (dir / "regie.key").string();
  {
    std::unique_ptr<ports::Database> db = OpenMigrated(db_url, 1);
    ASSERT_NE(db, nullptr);
    packs::PackLibrary library = packs::LoadPackDirectory(REGIE_POLICIES_DIR);
    ports::FixedClock clock{core::Timestamp{1'795'000'000'000'000}};
    core::DemoOptions options = Options();
    options.households = 30;
    auto crypto = FastTestCrypto();
    ASSERT_TRUE(LoadDemo(*db, *crypto, options, clock, library.packs, 100).ok());
  }
  ReportOptions o{.db_url = db_url,
                  .key_file = key_file,
                  .policies_dir = REGIE_POLICIES_DIR,
                  .tenant = "",
                  .period = "2026H1",
                  .format = "pdf",
                  .lang = "nl",
                  .out = (dir / "rapport.pdf").string()};
  {
    std::unique_ptr<ports::Database> db = OpenMigrated(db_url, 1);
    auto tx = std::move(db->Begin(ports::TxMode::kRead)).value();
    o.tenant = tx->Tenants().List()->front().data.code;
  }
  ASSERT_EQ(RunReport(o), 0);
  std::stringstream pdf;
  pdf << std::ifstream(o.out, std::ios::binary).rdbuf();
  EXPECT_EQ(pdf.str().rfind("%PDF-", 0), 0u);
  EXPECT_GE(render::testing::RasterisedPages(pdf.str()), 6);

  o.format = "html";
  o.lang = "en";
  o.out = (dir / "report.html").string();
  ASSERT_EQ(RunReport(o), 0);
  std::stringstream html;
  html << std::ifstream(o.out).rdbuf();
  EXPECT_EQ(html.str().rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.str().find("Progress report"), std::string::npos);
  EXPECT_EQ(html.str().find("<script"), std::string::npos);

  o.format = "xlsx";
  o.out = (dir / "report.xlsx").string();
  ASSERT_EQ(RunReport(o), 0);
  std::stringstream xlsx;
  xlsx << std::ifstream(o.out, std::ios::binary).rdbuf();
  EXPECT_EQ(xlsx.str().rfind("PK", 0), 0u);  // a zip: the workbook

  // All three exports are in the audit log.
  {
    std::unique_ptr<ports::Database> db = OpenMigrated(db_url, 1);
    auto tx = std::move(db->Begin(ports::TxMode::kRead)).value();
    auto records = tx->Audit().Scan(0, 100000);
    ASSERT_TRUE(records.ok());
    int exports = 0;
    for (const core::AuditRecord& r : *records)
      if (r.resource_type.starts_with("progress_report_") && r.action == "export") ++exports;
    EXPECT_EQ(exports, 3);
  }

  // Bad input: exit code 2, nothing written.
  o.period = "2026H3";
  o.out = (dir / "niet.pdf").string();
  EXPECT_EQ(RunReport(o), 2);
  EXPECT_FALSE(std::filesystem::exists(o.out));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace regie::app
