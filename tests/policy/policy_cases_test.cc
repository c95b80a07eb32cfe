// Runs every text fixture in tests/cases/policy/*.case against the shipped
// packs in policies/. The format (see docs/policy-packs.md, "Test cases"):
//
//   # title
//   packs: nl-wet-inburgering-2021, dalfsen-2017
//   on: 2023-01-15
//   today: 2023-02-01          (optional: events may be recorded up to today)
//   facts:
//     birth_date: 1990-04-02
//     housing_date: 2022-05-10
//     field trede: 5
//   events:
//     2022-05-20 duo_kennisgeving
//     2022-07-25 pip_termijn_verlengd reason="tolk niet beschikbaar"
//     2022-06-01 vrijwilligerswerk_gestart value=8
//   expect:
//     wi2021.pip: op_tijd due=2022-08-12 satisfied=2022-08-10 extensions=1 reason=extended
//     cadence dalfsen.driegesprek: verlopen next_due=2022-12-10
//     indicator dalfsen.ind_plan: in_population satisfied
//     indicator dalfsen.ind_plan: not_in_population waiting=within_window
//     unknown: iets_onbekends
//     refused: event_before_birth
//
// Only the rules named under expect: are compared; naming a rule that the
// packs do not evaluate fails the case, so a typo cannot pass silently.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/policy/compiled.h"
#include "core/policy/engine.h"
#include "packs/pack_loader.h"

namespace regie {
namespace {

namespace fs = std::filesystem;
using core::Date;
using namespace core::policy;  // NOLINT(google-build-using-namespace): test brevity

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(s);
  while (std::getline(in, item, sep))
    if (!Trim(item).empty()) out.push_back(Trim(item));
  return out;
}

// Splits `a b="c d" e=f` into words, keeping quoted values whole.
std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (char c : s) {
    if (c == '"') {
      quoted = !quoted;
      continue;
    }
    if (c == ' ' && !quoted) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

struct Expectation {
  enum class Kind { kMilestone, kCadence, kIndicator } kind = Kind::kMilestone;
  std::string rule;
  std::vector<std::string> words;  // status and key=value checks
  int line = 0;
};

struct Case {
  std::string title;
  std::vector<std::string> packs;
  Date on;
  std::optional<Date> today;  // recording date limit; defaults to `on`
  PersonFacts facts;
  std::vector<PersonEvent> events;
  std::vector<Expectation> expect;
  std::vector<std::string> unknown;
  std::string refused;  // expected CheckEvent reason
};

std::optional<Date> ParseDate(const std::string& s) { return Date::Parse(Trim(s)); }

// Parses a case file; failures are reported with file:line.
Case ParseCase(const fs::path& path) {
  Case c;
  std::ifstream in(path);
  std::string line, section;
  int n = 0;
  auto fail = [&](const std::string& what) {
    ADD_FAILURE() << path.string() << ":" << n << ": " << what << " in '" << line << "'";
  };
  while (std::getline(in, line)) {
    ++n;
    std::string t = Trim(line);
    if (t.empty()) continue;
    if (t[0] == '#') {
      if (c.title.empty()) c.title = Trim(t.substr(1));
      continue;
    }
    const bool indented = line[0] == ' ' || line[0] == '\t';
    if (!indented) {
      size_t colon = t.find(':');
      if (colon == std::string::npos) {
        fail("expected 'key: value'");
        continue;
      }
      std::string key = t.substr(0, colon), value = Trim(t.substr(colon + 1));
      section = key;
      if (key == "packs") {
        c.packs = Split(value, ',');
      } else if (key == "on") {
        if (auto d = ParseDate(value))
          c.on = *d;
        else
          fail("bad date");
      } else if (key == "today") {
        c.today = ParseDate(value);
        if (!c.today) fail("bad date");
      } else if (key != "facts" && key != "events" && key != "expect") {
        fail("unknown section '" + key + "'");
      }
      continue;
    }
    if (section == "facts") {
      size_t colon = t.find(':');
      if (colon == std::string::npos) {
        fail("expected 'fact: value'");
        continue;
      }
      std::string key = Trim(t.substr(0, colon)), value = Trim(t.substr(colon + 1));
      PersonFacts& f = c.facts;
      bool ok = true;
      if (key == "birth_date")
        ok = (ParseDate(value) ? (f.birth_date = *ParseDate(value), true) : false);
      else if (key == "permit_date")
        f.permit_date = ParseDate(value), ok = f.permit_date.has_value();
      else if (key == "koppeling_date")
        f.koppeling_date = ParseDate(value), ok = f.koppeling_date.has_value();
      else if (key == "housing_date")
        f.housing_date = ParseDate(value), ok = f.housing_date.has_value();
      else if (key == "role")
        ok = (core::ParseEnum<core::HouseholdRole>(value)
                  ? (f.role = *core::ParseEnum<core::HouseholdRole>(value), true)
                  : false);
      else if (key == "literacy")
        ok = (core::ParseEnum<core::Literacy>(value)
                  ? (f.literacy = *core::ParseEnum<core::Literacy>(value), true)
                  : false);
      else if (key == "inburgeringsplicht")
        ok = (core::ParseEnum<core::InburgeringPlicht>(value)
                  ? (f.inburgeringsplicht = *core::ParseEnum<core::InburgeringPlicht>(value), true)
                  : false);
      else if (key == "family_reunification")
        f.family_reunification = value == "true", ok = value == "true" || value == "false";
      else if (key == "learning_route")
        f.learning_route = value;
      else if (key == "exemption_reason")
        f.exemption_reason = value;
      else if (key.rfind("field ", 0) == 0)
        f.fields.push_back({Trim(key.substr(6)), value});
      else
        ok = false;
      if (!ok) fail("bad fact");
    } else if (section == "events") {
      std::vector<std::string> w = Words(t);
      if (w.size() < 2 || !ParseDate(w[0])) {
        fail("expected 'YYYY-MM-DD event [value=n] [code=c] [reason=\"...\"]'");
        continue;
      }
      PersonEvent e;
      e.date = *ParseDate(w[0]);
      e.event = w[1];
      for (size_t i = 2; i < w.size(); ++i) {
        if (w[i].rfind("value=", 0) == 0)
          e.value = std::stoi(w[i].substr(6));
        else if (w[i].rfind("code=", 0) == 0)
          e.code = w[i].substr(5);
        else if (w[i].rfind("reason=", 0) == 0)
          e.reason = w[i].substr(7);
        else
          fail("unknown event attribute '" + w[i] + "'");
      }
      c.events.push_back(std::move(e));
    } else if (section == "expect") {
      size_t colon = t.find(':');
      if (colon == std::string::npos) {
        fail("expected 'rule: status ...'");
        continue;
      }
      std::string head = Trim(t.substr(0, colon));
      std::vector<std::string> words = Words(Trim(t.substr(colon + 1)));
      if (head == "unknown") {
        c.unknown.insert(c.unknown.end(), words.begin(), words.end());
        continue;
      }
      if (head == "refused") {
        c.refused = words.empty() ? "" : words[0];
        continue;
      }
      Expectation x;
      x.line = n;
      x.words = std::move(words);
      if (head.rfind("cadence ", 0) == 0) {
        x.kind = Expectation::Kind::kCadence;
        x.rule = Trim(head.substr(8));
      } else if (head.rfind("indicator ", 0) == 0) {
        x.kind = Expectation::Kind::kIndicator;
        x.rule = Trim(head.substr(10));
      } else {
        x.rule = head;
      }
      c.expect.push_back(std::move(x));
    } else {
      fail("indented line outside facts/events/expect");
    }
  }
  return c;
}

std::string Opt(const std::optional<Date>& d) { return d ? d->ToString() : "none"; }

// Compares "status key=value ..." words against actual values by key.
void Compare(const fs::path& file, const Expectation& x,
             const std::map<std::string, std::string>& actual) {
  for (const std::string& w : x.words) {
    size_t eq = w.find('=');
    std::string key = eq == std::string::npos ? "status" : w.substr(0, eq);
    std::string want = eq == std::string::npos ? w : w.substr(eq + 1);
    if (key == "status" && (want == "in_population" || want == "satisfied" ||
                            want == "not_in_population" || want == "not_satisfied")) {
      bool negated = want.rfind("not_", 0) == 0;
      key = negated ? want.substr(4) : want;
      want = negated ? "false" : "true";
    }
    auto it = actual.find(key);
    if (it == actual.end()) {
      ADD_FAILURE() << file.string() << ":" << x.line << ": unknown check '" << key << "'";
      continue;
    }
    EXPECT_EQ(it->second, want) << file.string() << ":" << x.line << ": " << x.rule << " " << key;
  }
}

const packs::PackLibrary& Library() {
  static const packs::PackLibrary library = packs::LoadPackDirectory(REGIE_POLICIES_DIR);
  return library;
}

std::vector<std::string> CaseFiles() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(REGIE_POLICY_CASES_DIR))
    if (entry.path().extension() == ".case") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

class PolicyCase : public testing::TestWithParam<std::string> {};

TEST_P(PolicyCase, MatchesExpectedStatuses) {
  const fs::path file = GetParam();
  ASSERT_TRUE(Library().ok()) << Library().errors.front().ToString();
  Case c = ParseCase(file);
  ASSERT_FALSE(c.packs.empty()) << file << ": packs: missing";
  ASSERT_TRUE(!c.expect.empty() || !c.refused.empty() || !c.unknown.empty())
      << file << ": a case must expect something";
  std::vector<Activation> activations;
  for (const std::string& id : c.packs) activations.push_back({id, Date::FromDays(-1'000'000), {}});
  auto policy = CompiledPolicy::Compile(Library().packs, activations);
  ASSERT_TRUE(policy.ok()) << policy.status().message();

  std::vector<EventRecord> records;
  std::vector<std::string> unknown;
  std::string refused;
  for (const PersonEvent& e : c.events) {
    // Events are recorded up to "today" (by default the reference date).
    StatusOr<bool> known = CheckEvent(**policy, c.facts, e, c.today.value_or(c.on));
    if (!known.ok()) {
      refused = known.status().reason();
      break;
    }
    if (!*known) {
      unknown.push_back(e.event);
      continue;
    }
    StatusOr<EventRecord> r = (*policy)->Intern(e);
    ASSERT_TRUE(r.ok()) << file << ": " << r.status().message();
    records.push_back(*r);
  }
  EXPECT_EQ(refused, c.refused) << file << ": refused event";
  if (!refused.empty()) return;
  EXPECT_EQ(unknown, c.unknown) << file << ": unknown events";

  Evaluator evaluator(**policy);
  Evaluation eval;
  evaluator.Evaluate(c.facts, records, c.on, eval);
  std::vector<IndicatorResult> indicators;
  evaluator.EvaluateIndicators(c.facts, eval, indicators);

  for (const Expectation& x : c.expect) {
    std::map<std::string, std::string> actual;
    bool found = false;
    if (x.kind == Expectation::Kind::kMilestone) {
      for (const MilestoneResult& r : eval.milestones) {
        if ((*policy)->milestone(r.milestone).id != x.rule) continue;
        found = true;
        const Pack& p = (*policy)->milestone_pack(r.milestone);
        actual = {{"status", std::string(ToCode(r.status))},
                  {"reason", r.reason == Reason::kNone ? "none" : std::string(ToCode(r.reason))},
                  {"due", Opt(r.due)},
                  {"anchor", Opt(r.anchor)},
                  {"satisfied", Opt(r.satisfied)},
                  {"extensions", std::to_string(r.extensions)},
                  {"version", std::to_string(p.version)}};
      }
    } else if (x.kind == Expectation::Kind::kCadence) {
      for (const CadenceResult& r : eval.cadences) {
        if ((*policy)->cadence(r.cadence).id != x.rule) continue;
        found = true;
        actual = {{"status", std::string(ToCode(r.status))},
                  {"reason", r.reason == Reason::kNone ? "none" : std::string(ToCode(r.reason))},
                  {"next_due", Opt(r.next_due)},
                  {"last", Opt(r.last)},
                  {"start", Opt(r.start)},
                  {"stopped", Opt(r.stopped)},
                  {"met", std::to_string(r.met)},
                  {"late", std::to_string(r.late)}};
      }
    } else {
      for (const IndicatorResult& r : indicators) {
        if ((*policy)->indicator(r.indicator).id != x.rule) continue;
        found = true;
        const char* waiting = r.waiting == Waiting::kWithinWindow    ? "within_window"
                              : r.waiting == Waiting::kAnchorMissing ? "anchor_missing"
                                                                     : "no";
        actual = {{"in_population", r.in_population ? "true" : "false"},
                  {"satisfied", r.satisfied ? "true" : "false"},
                  {"waiting", waiting}};
      }
    }
    if (!found) {
      ADD_FAILURE() << file.string() << ":" << x.line << ": rule '" << x.rule
                    << "' was not evaluated for these packs";
      continue;
    }
    Compare(file, x, actual);
  }
}

std::string CaseName(const testing::TestParamInfo<std::string>& info) {
  std::string name = fs::path(info.param).stem().string();
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, PolicyCase, testing::ValuesIn(CaseFiles()), CaseName);

// Every shipped pack id is exercised by at least one case.
TEST(PolicyCases, CoverEveryShippedPack) {
  ASSERT_TRUE(Library().ok());
  std::set<std::string> covered;
  for (const std::string& f : CaseFiles())
    for (const std::string& p : ParseCase(f).packs) covered.insert(p);
  for (const Pack& p : Library().packs)
    EXPECT_TRUE(covered.count(p.id)) << "no case in tests/cases/policy uses pack " << p.id;
}

}  // namespace
}  // namespace regie
