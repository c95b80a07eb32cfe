// Runs every text fixture in tests/cases/indicators/*.case. Numbers in the
// fixtures are worked out by hand (the working is in each file's comments).
// A file starts with "kind: <wilson|target|km|suppression|cohort>":
//
//   kind: wilson                      kind: target
//   expect:                           expect:
//     8/20: 0.218807 0.613419           18/20 target=90: risico
//     0/0: none                         5/10: geen_streefwaarde
//
//   kind: km                          kind: suppression
//   times: 3 5 5+ 8                   table:            (interior cells)
//   expect:                             3 10 12
//     n=4 events=3                    expect:           (with totals)
//     step time=5 at_risk=3 events=1 censored=1 survival=0.75 se=.. lower=.. upper=..
//     median=8 lower=3 upper=none       <5 x 12 25
//
//   kind: cohort
//   packs: dalfsen-2017
//   on: 2018-03-01
//   persons:
//     A birth=1985-05-01 housing=2017-11-01 sex=vrouw nationality=SY wijk=Centrum kern=Dalfsen
//       2017-11-20 plan_van_aanpak_vastgesteld
//       2017-11-10 participatieladder_trede value=2
//   expect:
//     indicator dalfsen.ind_plan totaal: satisfied=1 not_satisfied=2 within_window=2
//     indicator dalfsen.ind_plan cohort=2016H2: absent
//     beleid indicator dalfsen.ind_plan totaal: satisfied=<5 percent=none
//     survival plan_vastgesteld: n=6 events=3 median=60 at=19:0.625
//     survival betaald_werk: unavailable
//     ladder 2018K1: 0=1 1=1 3=1 4=1 up=1 down=0 same=1 first=1 2->3=1
//
// Only what is named is compared, but a name that matches nothing fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/indicators/cohort_engine.h"
#include "core/indicators/suppress.h"
#include "core/policy/compiled.h"
#include "core/stats/kaplan_meier.h"
#include "core/stats/proportion.h"
#include "core/stats/suppression.h"
#include "packs/pack_loader.h"

namespace regie {
namespace {

namespace fs = std::filesystem;
using core::Date;
using namespace core::indicators;  // NOLINT(google-build-using-namespace): test brevity

constexpr double kTolerance = 5e-6;  // fixtures give six decimals

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

// key=value words into a map; a word without '=' maps to "".
std::map<std::string, std::string> Pairs(const std::vector<std::string>& words, size_t from) {
  std::map<std::string, std::string> out;
  for (size_t i = from; i < words.size(); ++i) {
    size_t eq = words[i].find('=');
    if (eq == std::string::npos)
      out[words[i]] = "";
    else
      out[words[i].substr(0, eq)] = words[i].substr(eq + 1);
  }
  return out;
}

struct Line {
  int number = 0;
  std::string text;  // trimmed
  int indent = 0;
};

struct CaseFile {
  std::map<std::string, std::string> header;          // kind, packs, on, times
  std::map<std::string, std::vector<Line>> sections;  // table, persons, expect
};

CaseFile Parse(const fs::path& file) {
  CaseFile c;
  std::ifstream in(file);
  std::string raw, section;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    const std::string text = Trim(raw);
    if (text.empty() || text[0] == '#') continue;
    const int indent = static_cast<int>(raw.find_first_not_of(' '));
    if (indent == 0) {
      size_t colon = text.find(':');
      std::string key = text.substr(0, colon);
      std::string value = colon == std::string::npos ? "" : Trim(text.substr(colon + 1));
      if (value.empty()) {
        section = key;
        c.sections[section];
      } else {
        c.header[key] = value;
        section.clear();
      }
      continue;
    }
    c.sections[section].push_back({number, text, indent});
  }
  return c;
}

std::string Where(const fs::path& file, const Line& l) {
  return file.filename().string() + ":" + std::to_string(l.number);
}

void ExpectNear(const std::string& want, double actual, const std::string& where) {
  EXPECT_NEAR(std::stod(want), actual, kTolerance) << where;
}

std::string OptText(const std::optional<int32_t>& v) { return v ? std::to_string(*v) : "none"; }

// "x/n" -> (x, n).
std::pair<int64_t, int64_t> Fraction(const std::string& s) {
  size_t slash = s.find('/');
  return {std::stoll(s.substr(0, slash)), std::stoll(s.substr(slash + 1))};
}

void RunWilson(const fs::path& file, const CaseFile& c) {
  ASSERT_FALSE(c.sections.at("expect").empty()) << file;
  for (const Line& l : c.sections.at("expect")) {
    std::vector<std::string> w = Words(l.text);
    auto [x, n] = Fraction(w[0].substr(0, w[0].size() - 1));
    std::optional<core::stats::Interval> ci = core::stats::Wilson(x, n);
    if (w[1] == "none") {
      EXPECT_FALSE(ci) << Where(file, l);
      continue;
    }
    ASSERT_TRUE(ci) << Where(file, l);
    ExpectNear(w[1], ci->lower, Where(file, l));
    ExpectNear(w[2], ci->upper, Where(file, l));
  }
}

void RunTarget(const fs::path& file, const CaseFile& c) {
  for (const Line& l : c.sections.at("expect")) {
    size_t colon = l.text.rfind(':');
    std::vector<std::string> w = Words(l.text.substr(0, colon));
    const std::string want = Trim(l.text.substr(colon + 1));
    auto [x, n] = Fraction(w[0]);
    std::optional<double> target;
    if (w.size() > 1) target = std::stod(w[1].substr(w[1].find('=') + 1));
    core::stats::TargetJudgement j = core::stats::JudgeTarget(x, n, target);
    EXPECT_EQ(std::string(core::stats::ToCode(j.status)), want) << Where(file, l);
    EXPECT_FALSE(j.rule_nl.empty()) << Where(file, l);
    EXPECT_FALSE(j.rule_en.empty()) << Where(file, l);
  }
}

void CompareCurve(const fs::path& file, const Line& l, const core::stats::KmCurve& curve) {
  std::vector<std::string> w = Words(l.text);
  auto p = Pairs(w, 0);
  if (w[0] == "step") {
    const int32_t t = std::stoi(p.at("time"));
    auto it = std::find_if(curve.steps.begin(), curve.steps.end(),
                           [&](const core::stats::KmStep& s) { return s.time == t; });
    ASSERT_NE(it, curve.steps.end()) << Where(file, l) << ": no step at " << t;
    for (const auto& [key, value] : p) {
      if (key == "step" || key == "time") continue;
      if (key == "at_risk") {
        EXPECT_EQ(std::to_string(it->at_risk), value) << Where(file, l);
      } else if (key == "events") {
        EXPECT_EQ(std::to_string(it->events), value) << Where(file, l);
      } else if (key == "censored") {
        EXPECT_EQ(std::to_string(it->censored), value) << Where(file, l);
      } else if (key == "survival") {
        ExpectNear(value, it->survival, Where(file, l));
      } else if (key == "se") {
        ExpectNear(value, it->std_error, Where(file, l));
      } else if (key == "lower") {
        ExpectNear(value, it->lower, Where(file, l));
      } else if (key == "upper") {
        ExpectNear(value, it->upper, Where(file, l));
      } else {
        ADD_FAILURE() << Where(file, l) << ": unknown key " << key;
      }
    }
    return;
  }
  for (const auto& [key, value] : p) {
    if (key == "n") {
      EXPECT_EQ(std::to_string(curve.n), value) << Where(file, l);
    } else if (key == "events") {
      EXPECT_EQ(std::to_string(curve.events), value) << Where(file, l);
    } else if (key == "median") {
      EXPECT_EQ(OptText(curve.median.median), value) << Where(file, l);
    } else if (key == "lower") {
      EXPECT_EQ(OptText(curve.median.lower), value) << Where(file, l);
    } else if (key == "upper") {
      EXPECT_EQ(OptText(curve.median.upper), value) << Where(file, l);
    } else if (key == "steps") {
      EXPECT_EQ(std::to_string(curve.steps.size()), value) << Where(file, l);
    } else if (key == "at") {
      size_t colon = value.find(':');
      ExpectNear(value.substr(colon + 1), curve.SurvivalAt(std::stoi(value.substr(0, colon))),
                 Where(file, l));
    } else {
      ADD_FAILURE() << Where(file, l) << ": unknown key " << key;
    }
  }
}

void RunKm(const fs::path& file, const CaseFile& c) {
  std::vector<core::stats::Observation> obs;
  for (const std::string& t : Words(c.header.at("times"))) {
    const bool censored = t.back() == '+';
    obs.push_back({std::stoi(censored ? t.substr(0, t.size() - 1) : t), !censored});
  }
  // The order of the observations must not matter.
  std::reverse(obs.begin(), obs.end());
  core::stats::KmCurve curve = core::stats::KaplanMeier(obs);
  for (const Line& l : c.sections.at("expect")) CompareCurve(file, l, curve);
}

void RunSuppression(const fs::path& file, const CaseFile& c) {
  const std::vector<Line>& rows = c.sections.at("table");
  const std::vector<Line>& expect = c.sections.at("expect");
  const int cols = static_cast<int>(Words(rows.front().text).size());
  core::stats::CountTable table(static_cast<int>(rows.size()), cols);
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::string> w = Words(rows[r].text);
    ASSERT_EQ(static_cast<int>(w.size()), cols) << Where(file, rows[r]);
    for (int k = 0; k < cols; ++k)
      table.Set(static_cast<int>(r), k, std::stoll(w[static_cast<size_t>(k)]));
  }
  table.Suppress();
  ASSERT_EQ(expect.size(), rows.size() + 1) << file << ": expect the grid with its totals row";
  for (size_t r = 0; r < expect.size(); ++r) {
    std::vector<std::string> w = Words(expect[r].text);
    ASSERT_EQ(static_cast<int>(w.size()), cols + 1) << Where(file, expect[r]);
    for (int k = 0; k <= cols; ++k)
      EXPECT_EQ(core::stats::CellText(table.At(static_cast<int>(r), k),
                                      table.State(static_cast<int>(r), k)),
                w[static_cast<size_t>(k)])
          << Where(file, expect[r]) << " column " << k + 1;
  }
}

const packs::PackLibrary& Library() {
  static const packs::PackLibrary library = packs::LoadPackDirectory(REGIE_POLICIES_DIR);
  return library;
}

core::Sex SexOf(const std::string& code) {
  if (code == "man") return core::Sex::kMale;
  if (code == "vrouw") return core::Sex::kFemale;
  if (code == "x") return core::Sex::kOther;
  return core::Sex::kUnknown;
}

// Finds the value index of `label` in dimension `d`.
std::optional<uint32_t> ValueOf(const Report& r, Dimension d, const std::string& label) {
  const std::vector<std::string>& labels = r.Labels(d);
  auto it = std::find(labels.begin(), labels.end(), label);
  if (it == labels.end()) return std::nullopt;
  return static_cast<uint32_t>(it - labels.begin());
}

std::optional<Dimension> DimensionOf(const std::string& code) {
  for (size_t d = 0; d < kDimensionCount; ++d)
    if (ToCode(static_cast<Dimension>(d)) == code) return static_cast<Dimension>(d);
  return std::nullopt;
}

std::string Percent(const std::optional<double>& p) {
  if (!p) return "none";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", *p);
  return buf;
}

// "indicator <id> <dim>=<value>[,<dim>=<value>]: key=value ..." against the
// exact report (or the beleid view with the "beleid " prefix).
void CompareIndicator(const fs::path& file, const Line& l, const Report& report, const View& view,
                      bool beleid) {
  const std::string text = beleid ? l.text.substr(7) : l.text;
  size_t colon = text.find(':');
  std::vector<std::string> head = Words(text.substr(0, colon));
  std::vector<std::string> want = Words(text.substr(colon + 1));
  ASSERT_EQ(head.size(), 3U) << Where(file, l);
  const std::string& id = head[1];
  Breakdown b;
  uint32_t first = 0, second = 0;
  if (head[2] != "totaal") {
    std::vector<std::pair<Dimension, uint32_t>> parts;
    std::istringstream in(head[2]);
    std::string part;
    while (std::getline(in, part, ',')) {
      size_t eq = part.find('=');
      std::optional<Dimension> d = DimensionOf(part.substr(0, eq));
      ASSERT_TRUE(d) << Where(file, l) << ": unknown dimension " << part;
      std::optional<uint32_t> v = ValueOf(report, *d, part.substr(eq + 1));
      ASSERT_TRUE(v) << Where(file, l) << ": unknown value " << part;
      parts.emplace_back(*d, *v);
    }
    b.first = parts[0].first;
    first = parts[0].second;
    if (parts.size() > 1) {
      b.second = parts[1].first;
      second = parts[1].second;
    }
  }
  bool found = false;
  for (size_t i = 0; i < report.indicators.size(); ++i) {
    if (report.indicators[i].id != id) continue;
    for (size_t k = 0; k < report.indicators[i].breakdowns.size(); ++k) {
      if (!(report.indicators[i].breakdowns[k].breakdown == b)) continue;
      found = true;
      std::map<std::string, std::string> actual;
      if (beleid) {
        for (const ShownCell& cell : view.indicators[i].breakdowns[k].cells) {
          if (cell.first != first || cell.second != second) continue;
          actual = {
              {"satisfied", cell.satisfied.Text()},
              {"not_satisfied", cell.not_satisfied.Text()},
              {"within_window", cell.within_window.Text()},
              {"anchor_missing", cell.anchor_missing.Text()},
              {"total", cell.total.Text()},
              {"percent", Percent(cell.percent)},
              {"target", cell.target ? std::string(core::stats::ToCode(*cell.target)) : "none"}};
        }
      } else {
        for (const Cell& cell : report.indicators[i].breakdowns[k].cells) {
          if (cell.first != first || cell.second != second) continue;
          actual = {{"satisfied", std::to_string(cell.satisfied)},
                    {"not_satisfied", std::to_string(cell.not_satisfied)},
                    {"within_window", std::to_string(cell.within_window)},
                    {"anchor_missing", std::to_string(cell.anchor_missing)},
                    {"percent", Percent(cell.percent())},
                    {"target", std::string(core::stats::ToCode(cell.target))}};
          if (cell.wilson) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.6f-%.6f", cell.wilson->lower, cell.wilson->upper);
            actual["wilson"] = buf;
          }
        }
      }
      if (want.size() == 1 && want[0] == "absent") {
        EXPECT_TRUE(actual.empty()) << Where(file, l) << ": cell present";
        continue;
      }
      EXPECT_FALSE(actual.empty()) << Where(file, l) << ": no such cell";
      for (const auto& [key, value] : Pairs(want, 0)) {
        auto it = actual.find(key);
        if (it == actual.end()) {
          ADD_FAILURE() << Where(file, l) << ": no value for " << key;
          continue;
        }
        EXPECT_EQ(it->second, value) << Where(file, l) << " " << key;
      }
    }
  }
  EXPECT_TRUE(found) << Where(file, l) << ": no indicator/breakdown " << id << " " << head[2];
}

void CompareLadder(const fs::path& file, const Line& l, const Report& report) {
  size_t colon = l.text.find(':');
  std::vector<std::string> head = Words(l.text.substr(0, colon));
  std::vector<std::string> want = Words(l.text.substr(colon + 1));
  if (head.size() == 1) {
    EXPECT_EQ(report.ladder.available ? "available" : "unavailable", want.at(0)) << Where(file, l);
    return;
  }
  auto q = std::find_if(report.ladder.quarters.begin(), report.ladder.quarters.end(),
                        [&](const LadderQuarter& x) { return x.label == head[1]; });
  ASSERT_NE(q, report.ladder.quarters.end()) << Where(file, l) << ": no quarter " << head[1];
  std::map<std::string, std::string> wanted = Pairs(want, 0);
  // Every rung and every transition not named must be zero.
  for (size_t r = 0; r < kRungs; ++r) {
    auto it = wanted.find(std::to_string(r));
    EXPECT_EQ(std::to_string(q->distribution[r]), it == wanted.end() ? "0" : it->second)
        << Where(file, l) << " rung " << r;
    for (size_t s = 0; s < kRungs; ++s) {
      auto t = wanted.find(std::to_string(r) + "->" + std::to_string(s));
      EXPECT_EQ(std::to_string(q->transitions[r][s]), t == wanted.end() ? "0" : t->second)
          << Where(file, l) << " " << r << "->" << s;
    }
  }
  for (const auto& [key, value] : wanted) {
    if (key == "up") {
      EXPECT_EQ(std::to_string(q->up), value) << Where(file, l);
    }
    if (key == "down") {
      EXPECT_EQ(std::to_string(q->down), value) << Where(file, l);
    }
    if (key == "same") {
      EXPECT_EQ(std::to_string(q->same), value) << Where(file, l);
    }
    if (key == "first") {
      EXPECT_EQ(std::to_string(q->first_rung), value) << Where(file, l);
    }
  }
}

void RunCohort(const fs::path& file, const CaseFile& c) {
  ASSERT_TRUE(Library().ok()) << Library().errors.front().ToString();
  std::vector<core::policy::Activation> activations;
  std::istringstream packs(c.header.at("packs"));
  std::string id;
  while (std::getline(packs, id, ','))
    activations.push_back({Trim(id), Date::FromDays(-1'000'000), {}});
  auto policy = core::policy::CompiledPolicy::Compile(Library().packs, activations);
  ASSERT_TRUE(policy.ok()) << policy.status().message();
  const Date on = *Date::Parse(c.header.at("on"));

  TenantPopulation population;
  core::PersonData person;
  std::vector<core::policy::EventRecord> events;
  bool pending = false;
  auto flush = [&] {
    if (!pending) return;
    population.Add(person, core::policy::FactsFromPerson(person), events);
    events.clear();
    pending = false;
  };
  for (const Line& l : c.sections.at("persons")) {
    std::vector<std::string> w = Words(l.text);
    if (!std::isdigit(static_cast<unsigned char>(l.text[0]))) {
      flush();
      person = {};
      auto p = Pairs(w, 1);
      person.birth_date = *Date::Parse(p.at("birth"));
      if (p.count("housing")) person.housing_date = Date::Parse(p.at("housing"));
      person.sex = SexOf(p.count("sex") ? p.at("sex") : "onbekend");
      person.nationality = p.count("nationality") ? p.at("nationality") : "XX";
      person.address.wijk = p.count("wijk") ? p.at("wijk") : "";
      person.address.kern = p.count("kern") ? p.at("kern") : "";
      pending = true;
      continue;
    }
    core::policy::PersonEvent e{w[1], *Date::Parse(w[0]), std::nullopt, "", ""};
    auto p = Pairs(w, 2);
    if (p.count("value")) e.value = std::stoi(p.at("value"));
    if (p.count("reason")) e.reason = p.at("reason");
    auto r = (*policy)->Intern(e);
    ASSERT_TRUE(r.ok()) << Where(file, l) << ": " << r.status().message();
    events.push_back(*r);
  }
  flush();

  CohortEngine engine(**policy);
  Report report = engine.Compute(population, on, "fixture");
  EXPECT_EQ(report.stamp.reference_date, on);
  EXPECT_EQ(report.stamp.snapshot, "fixture");
  EXPECT_EQ(report.stamp.packs.size(), (*policy)->packs().size());
  View beleid = Suppress(report, Audience::kBeleid);

  for (const Line& l : c.sections.at("expect")) {
    if (l.text.rfind("indicator ", 0) == 0) {
      CompareIndicator(file, l, report, beleid, false);
    } else if (l.text.rfind("beleid indicator ", 0) == 0) {
      CompareIndicator(file, l, report, beleid, true);
    } else if (l.text.rfind("survival ", 0) == 0) {
      size_t colon = l.text.find(':');
      const std::string code = Trim(l.text.substr(9, colon - 9));
      const std::string rest = Trim(l.text.substr(colon + 1));
      auto s = std::find_if(report.survival.begin(), report.survival.end(),
                            [&](const SurvivalFigures& f) { return ToCode(f.measure) == code; });
      ASSERT_NE(s, report.survival.end()) << Where(file, l) << ": no measure " << code;
      if (rest == "unavailable") {
        EXPECT_FALSE(s->available) << Where(file, l);
        continue;
      }
      ASSERT_TRUE(s->available) << Where(file, l);
      CompareCurve(file, {l.number, rest, l.indent}, s->total);
    } else if (l.text.rfind("ladder", 0) == 0) {
      CompareLadder(file, l, report);
    } else {
      ADD_FAILURE() << Where(file, l) << ": unknown expectation";
    }
  }
}

std::vector<std::string> CaseFiles() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(REGIE_INDICATOR_CASES_DIR))
    if (entry.path().extension() == ".case") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

class IndicatorCase : public testing::TestWithParam<std::string> {};

TEST_P(IndicatorCase, MatchesHandComputedFigures) {
  const fs::path file = GetParam();
  CaseFile c = Parse(file);
  ASSERT_TRUE(c.header.count("kind")) << file << ": kind: missing";
  ASSERT_TRUE(c.sections.count("expect")) << file << ": expect: missing";
  ASSERT_FALSE(c.sections.at("expect").empty()) << file << ": a case must expect something";
  const std::string& kind = c.header.at("kind");
  if (kind == "wilson")
    RunWilson(file, c);
  else if (kind == "target")
    RunTarget(file, c);
  else if (kind == "km")
    RunKm(file, c);
  else if (kind == "suppression")
    RunSuppression(file, c);
  else if (kind == "cohort")
    RunCohort(file, c);
  else {
    ADD_FAILURE() << file << ": unknown kind " << kind;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, IndicatorCase, testing::ValuesIn(CaseFiles()),
                         [](const testing::TestParamInfo<std::string>& param) {
                           std::string name = fs::path(param.param).stem().string();
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace regie
