#include "http/indicators_json.h"

#include <gtest/gtest.h>

#include "http/indicators_export.h"

namespace regie::http {
namespace {

namespace ind = core::indicators;
using nlohmann::json;

ind::Cell MakeCell(uint32_t first, int64_t sat, int64_t not_sat, int64_t within) {
  ind::Cell c;
  c.first = first;
  c.satisfied = sat;
  c.not_satisfied = not_sat;
  c.within_window = within;
  c.wilson = core::stats::Wilson(sat, sat + not_sat);
  c.target = core::stats::TargetStatusOf(sat, sat + not_sat, 80.0);
  return c;
}

// 40 persons: 30 of 38 on time overall; in wijk Noord 2 of 5 (small).
ind::Report Sample() {
  ind::Report r;
  r.stamp = {.reference_date = *core::Date::Parse("2026-11-23"),
             .packs = {{"dalfsen-2017", 1}},
             .snapshot = "tenant_changes:3"};
  r.labels[static_cast<size_t>(ind::Dimension::kTotal)] = {"totaal"};
  r.labels[static_cast<size_t>(ind::Dimension::kWijk)] = {"onbekend", "Centrum", "Noord"};
  r.persons = 40;
  ind::IndicatorFigures& f = r.indicators.emplace_back();
  f.id = "plan_binnen_10_weken";
  f.label_nl = "Plan binnen 10 weken";
  f.label_en = "Plan within 10 weeks";
  f.domain = "werk_inkomen";
  f.theme = "Ontvangst";
  f.pack = {"dalfsen-2017", 1};
  f.deadline = true;
  f.target_percent = 80;
  f.total_judgement = core::stats::JudgeTarget(30, 38, 80.0);
  f.breakdowns.push_back({.breakdown = {}, .cells = {MakeCell(0, 30, 8, 2)}});
  f.breakdowns.push_back({.breakdown = {ind::Dimension::kWijk, ind::Dimension::kTotal},
                          .cells = {MakeCell(1, 28, 5, 2), MakeCell(2, 2, 3, 0)}});
  return r;
}

// Every count object of the body ({"value": n}) is 0 or at least 5.
void ExpectNoSmallCount(const json& j, int& counts) {
  if (j.is_object()) {
    if (j.contains("value") && j["value"].is_number_integer()) {
      ++counts;
      const int64_t v = j["value"].get<int64_t>();
      EXPECT_TRUE(v == 0 || v >= 5) << j.dump();
    }
    for (const auto& item : j.items()) ExpectNoSmallCount(item.value(), counts);
  } else if (j.is_array()) {
    for (const json& item : j) ExpectNoSmallCount(item, counts);
  }
}

TEST(IndicatorsJsonTest, CaseTeamSeesExactCountsWithIntervals) {
  const json j = ViewJson(ind::Suppress(Sample(), ind::Audience::kCaseTeam));
  EXPECT_EQ(j["audience"], "case_team");
  EXPECT_FALSE(j["suppressed"].get<bool>());
  EXPECT_EQ(j["stamp"]["reference_date"], "2026-11-23");
  EXPECT_EQ(j["stamp"]["snapshot"], "tenant_changes:3");
  EXPECT_EQ(j["stamp"]["packs"][0]["id"], "dalfsen-2017");
  EXPECT_EQ(j["labels"]["wijk"][2], "Noord");
  EXPECT_EQ(j["persons"]["value"], 40);
  const json& i = j["indicators"][0];
  EXPECT_EQ(i["label"]["en"], "Plan within 10 weeks");
  EXPECT_EQ(i["judgement"]["status"], "risico");
  EXPECT_NE(i["judgement"]["rule"]["nl"].get<std::string>().find("80%"), std::string::npos);
  const json& noord = i["breakdowns"][1]["cells"][1];
  EXPECT_EQ(i["breakdowns"][1]["breakdown"], "wijk");
  EXPECT_EQ(noord["values"], json::array({"Noord"}));
  EXPECT_EQ(noord["satisfied"]["value"], 2);
  EXPECT_DOUBLE_EQ(noord["percent"].get<double>(), 40.0);
  // Wilson 2 of 5: [11.8%, 76.9%].
  EXPECT_DOUBLE_EQ(noord["interval"]["lower"].get<double>(), 11.8);
  EXPECT_DOUBLE_EQ(noord["interval"]["upper"].get<double>(), 76.9);
  EXPECT_EQ(noord["target_status"], "uit_koers");
}

TEST(IndicatorsJsonTest, BeleidViewHasNoSmallCountAndWithholdsDerivedFigures) {
  const json j = ViewJson(ind::Suppress(Sample(), ind::Audience::kBeleid));
  EXPECT_EQ(j["audience"], "beleid");
  EXPECT_TRUE(j["suppressed"].get<bool>());
  int counts = 0;
  ExpectNoSmallCount(j, counts);
  EXPECT_GT(counts, 5);
  const json& noord = j["indicators"][0]["breakdowns"][1]["cells"][1];
  EXPECT_EQ(noord["satisfied"], (json{{"text", "<5"}, {"state", "below_threshold"}}));
  EXPECT_TRUE(noord["percent"].is_null());
  EXPECT_TRUE(noord["interval"].is_null());
  EXPECT_TRUE(noord["target_status"].is_null());
  // The total stays visible.
  EXPECT_EQ(j["indicators"][0]["breakdowns"][0]["cells"][0]["satisfied"]["value"], 30);
}

TEST(IndicatorsJsonTest, BreakdownCodes) {
  EXPECT_EQ(ParseBreakdown("totaal"), (ind::Breakdown{}));
  EXPECT_EQ(ParseBreakdown("wijk"),
            (ind::Breakdown{ind::Dimension::kWijk, ind::Dimension::kTotal}));
  EXPECT_EQ(ParseBreakdown("cohort,wijk"),
            (ind::Breakdown{ind::Dimension::kCohort, ind::Dimension::kWijk}));
  EXPECT_FALSE(ParseBreakdown("postcode"));
  EXPECT_FALSE(ParseBreakdown("cohort,"));
  EXPECT_FALSE(ParseBreakdown("totaal,wijk"));
  EXPECT_EQ(BreakdownCode({ind::Dimension::kCohort, ind::Dimension::kWijk}), "cohort,wijk");
}

TEST(IndicatorsJsonTest, CsvIsDutchExcelFriendlyAndSuppressed) {
  const ind::View view = ind::Suppress(Sample(), ind::Audience::kExport);
  StatusOr<std::vector<ExportTable>> tables =
      ExportTables(view, "", {{ind::Dimension::kWijk, ind::Dimension::kTotal}});
  ASSERT_TRUE(tables.ok());
  ASSERT_EQ(tables->size(), 1U);
  EXPECT_EQ((*tables)[0].rows.size(), 2U);  // only the wijk breakdown
  const std::string csv = IndicatorsCsv(view.stamp, *tables);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("indicator;naam;thema;uitsplitsing;waarde 1"), std::string::npos);
  EXPECT_NE(csv.find(";Noord;;<5;<5;"), std::string::npos) << csv;
  EXPECT_NE(csv.find("2026-11-23;dalfsen-2017 v1;tenant_changes:3\r\n"), std::string::npos);
  // One header and one line per cell.
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3);

  StatusOr<std::vector<ExportTable>> all = ExportTables(view, "plan_binnen_10_weken", {});
  ASSERT_TRUE(all.ok());
  const std::string full = IndicatorsCsv(view.stamp, *all);
  // Not satisfied by wijk (5, 3 | 8): with the total's 8 shown, Noord's
  // "<5" would be at most 3 (x >= 5), so the 8 is hidden, and with it the
  // total's percentage.
  EXPECT_NE(full.find(";totaal;totaal;;30;x;<5;0;x;;;;80,0;;"), std::string::npos) << full;
  // Without the wijk breakdown the total's percentage stays: 30 of 38 =
  // 78,9% with a decimal comma, interval 63,7-88,9.
  ind::Report total_only = Sample();
  total_only.indicators[0].breakdowns.pop_back();
  const ind::View total_view = ind::Suppress(total_only, ind::Audience::kExport);
  StatusOr<std::vector<ExportTable>> total = ExportTables(total_view, "plan_binnen_10_weken", {});
  ASSERT_TRUE(total.ok());
  const std::string total_csv = IndicatorsCsv(total_view.stamp, *total);
  EXPECT_NE(total_csv.find(";78,9;63,7;88,9;80,0;risico;"), std::string::npos) << total_csv;

  StatusOr<std::vector<ExportTable>> unknown = ExportTables(view, "bestaat_niet", {});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().reason(), "indicator_not_found");
}

}  // namespace
}  // namespace regie::http
