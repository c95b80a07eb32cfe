// Property tests of the recompute's fast path on generated demo populations
// (Dalfsen and Hardinxveld-Giessendam, several reference dates):
//  - Evaluator::EvaluateSorted on the population's pre-sorted events gives
//    exactly what Evaluator::Evaluate gives on the same events shuffled,
//    for every milestone, cadence and indicator of every person, and
//    Evaluator::IndicatorsOfSorted (milestones on demand) the same
//    indicator results;
//  - every cell of every breakdown of the engine's report equals a plain
//    per-person tally with Evaluate, so the sorted events, the cached
//    residence thresholds and the counters cannot drift from the rules;
//  - restricting the engine to some indicators changes none of their cells.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "core/casework/assessment.h"
#include "core/casework/demo_assessments.h"
#include "core/demo_generator.h"
#include "core/indicators/cohort_engine.h"
#include "core/policy/demo_events.h"
#include "core/policy/timeline.h"
#include "core/stats/kaplan_meier.h"
#include "packs/pack_loader.h"

namespace regie {
namespace {

using core::Date;
using core::indicators::Breakdown;
using core::indicators::Dimension;
using core::policy::EventRecord;

struct Person {
  core::PersonData data;
  core::policy::PersonFacts facts;
  std::vector<EventRecord> shuffled;  // as recorded, then shuffled
};

// (indicator id, breakdown index, first, second) -> the four slots.
using Key = std::tuple<std::string, size_t, uint32_t, uint32_t>;
using CellSlots = std::array<int64_t, 4>;

class FastPath : public testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    library_ = packs::LoadPackDirectory(REGIE_POLICIES_DIR);
    ASSERT_TRUE(library_.ok());
    const std::string tenant = GetParam();
    auto compiled = core::policy::CompiledPolicy::Compile(
        library_.packs, core::policy::DemoActivations(library_.packs, tenant), tenant);
    ASSERT_TRUE(compiled.ok()) << compiled.status().message();
    policy_ = std::move(*compiled);
    core::DemoOptions options;
    options.seed = 23;
    options.households = 300;
    options.tenants = 1;
    options.today = today_;
    core::DemoGenerator generator(options);
    std::mt19937 shuffle(5);
    uint64_t serial = 0;
    while (std::optional<core::DemoHousehold> h = generator.Next()) {
      for (const core::PersonData& data : h->persons) {
        Person& p = persons_.emplace_back();
        p.data = data;
        p.facts = core::policy::FactsFromPerson(data);
        std::vector<core::policy::PersonEvent> events =
            core::policy::DemoEvents(*policy_, p.facts, today_, ++serial);
        for (const core::AssessmentData& a : core::DemoAssessments(data, today_, serial))
          if (auto e = core::AssessmentEvent(a)) events.push_back(*e);
        core::policy::ApplyRecordedFacts(events, today_, p.facts);
        for (const core::policy::PersonEvent& e : events)
          if (auto r = policy_->Intern(e); r.ok()) p.shuffled.push_back(*r);
        std::shuffle(p.shuffled.begin(), p.shuffled.end(), shuffle);
        population_.Add(data, p.facts, p.shuffled);
      }
    }
  }

  // Reference dates from before most housing to today, including a month
  // end (residence spans in months clamp there) and a leap day.
  std::vector<Date> Dates() const {
    return {*Date::Parse("2016-02-29"), *Date::Parse("2018-08-31"), *Date::Parse("2021-03-31"),
            *Date::Parse("2024-06-15"), today_};
  }

  // The plain tally: every person evaluated on his shuffled events, counted
  // into the cell his attributes name, by label lookup in the report.
  std::map<Key, CellSlots> Tally(const core::indicators::Report& report, Date on) const {
    std::map<Key, CellSlots> out;
    const std::vector<Breakdown> breakdowns = core::indicators::DefaultBreakdowns();
    auto index_of = [&](Dimension d, const std::string& label) {
      const auto& labels = report.Labels(d);
      const auto it = std::find(labels.begin(), labels.end(), label);
      return static_cast<uint32_t>(it == labels.end() ? 0 : it - labels.begin());
    };
    core::policy::Evaluator evaluator(*policy_);
    core::policy::Evaluation evaluation;
    std::vector<core::policy::IndicatorResult> results;
    for (const Person& p : persons_) {
      evaluator.Evaluate(p.facts, p.shuffled, on, evaluation);
      evaluator.EvaluateIndicators(p.facts, evaluation, results);
      std::array<uint32_t, core::indicators::kDimensionCount> value{};
      std::string cohort = "onbekend";
      if (p.facts.housing_date &&
          core::indicators::CohortCode(*p.facts.housing_date) <= core::indicators::CohortCode(on))
        cohort = core::indicators::CohortLabel(core::indicators::CohortCode(*p.facts.housing_date));
      value[static_cast<size_t>(Dimension::kCohort)] = index_of(Dimension::kCohort, cohort);
      value[static_cast<size_t>(Dimension::kWijk)] =
          p.data.address.wijk.empty() ? 0 : index_of(Dimension::kWijk, p.data.address.wijk);
      value[static_cast<size_t>(Dimension::kKern)] =
          p.data.address.kern.empty() ? 0 : index_of(Dimension::kKern, p.data.address.kern);
      value[static_cast<size_t>(Dimension::kSex)] = static_cast<uint32_t>(p.data.sex);
      value[static_cast<size_t>(Dimension::kAgeBand)] =
          core::indicators::AgeBand(core::AgeOn(p.facts.birth_date, on));
      value[static_cast<size_t>(Dimension::kNationality)] =
          core::indicators::NationalityGroup(p.data.nationality);
      for (const core::policy::IndicatorResult& r : results) {
        size_t slot = 4;
        if (r.in_population)
          slot = r.satisfied ? 0 : 1;
        else if (r.waiting == core::policy::Waiting::kWithinWindow)
          slot = 2;
        else if (r.waiting == core::policy::Waiting::kAnchorMissing)
          slot = 3;
        if (slot == 4) continue;
        const std::string& id = policy_->indicator(r.indicator).id;
        for (size_t b = 0; b < breakdowns.size(); ++b) {
          const Key key{id, b, value[static_cast<size_t>(breakdowns[b].first)],
                        value[static_cast<size_t>(breakdowns[b].second)]};
          ++out[key][slot];
        }
      }
    }
    return out;
  }

  static std::map<Key, CellSlots> Cells(const core::indicators::Report& report) {
    std::map<Key, CellSlots> out;
    for (const core::indicators::IndicatorFigures& f : report.indicators)
      for (size_t b = 0; b < f.breakdowns.size(); ++b)
        for (const core::indicators::Cell& c : f.breakdowns[b].cells)
          out[{f.id, b, c.first, c.second}] = {c.satisfied, c.not_satisfied, c.within_window,
                                               c.anchor_missing};
    return out;
  }

  const Date today_ = *Date::Parse("2026-11-22");
  packs::PackLibrary library_;
  std::unique_ptr<core::policy::CompiledPolicy> policy_;
  std::vector<Person> persons_;
  core::indicators::TenantPopulation population_;
};

TEST_P(FastPath, PopulationKeepsEventsInCanonicalOrder) {
  ASSERT_EQ(population_.persons().size(), persons_.size());
  for (const core::indicators::PersonRow& row : population_.persons()) {
    const auto events = population_.EventsOf(row);
    EXPECT_TRUE(std::is_sorted(events.begin(), events.end(), core::policy::EventsBefore));
  }
}

TEST_P(FastPath, EvaluateSortedEqualsEvaluateOnShuffledEvents) {
  core::policy::Evaluator plain(*policy_);
  core::policy::Evaluator fast(*policy_);
  core::policy::Evaluator lazy(*policy_);
  core::policy::Evaluation want, got;
  std::vector<core::policy::IndicatorResult> want_ind, got_ind, lazy_ind;
  int64_t compared = 0, in_population = 0;
  for (const Date on : Dates()) {
    for (const auto scope : {core::policy::Evaluator::Scope::kEverything,
                             core::policy::Evaluator::Scope::kIndicatorsOnly}) {
      for (size_t i = 0; i < persons_.size(); ++i) {
        const Person& p = persons_[i];
        const core::indicators::PersonRow& row = population_.persons()[i];
        plain.Evaluate(p.facts, p.shuffled, on, want, scope);
        plain.EvaluateIndicators(p.facts, want, want_ind);
        fast.EvaluateSorted(row.facts, population_.EventsOf(row), on, got, scope);
        fast.EvaluateIndicators(row.facts, got, got_ind);
        lazy.IndicatorsOfSorted(row.facts, population_.EventsOf(row), population_.RunsOf(row), on,
                                lazy_ind);
        ASSERT_EQ(want.milestones.size(), got.milestones.size());
        for (size_t m = 0; m < want.milestones.size(); ++m) {
          const auto& a = want.milestones[m];
          const auto& b = got.milestones[m];
          EXPECT_EQ(a.milestone, b.milestone);
          EXPECT_EQ(a.status, b.status) << on.ToString() << " person " << i;
          EXPECT_EQ(a.reason, b.reason);
          EXPECT_EQ(a.extensions, b.extensions);
          EXPECT_EQ(a.anchor, b.anchor);
          EXPECT_EQ(a.due, b.due);
          EXPECT_EQ(a.satisfied, b.satisfied);
        }
        ASSERT_EQ(want.cadences.size(), got.cadences.size());
        for (size_t c = 0; c < want.cadences.size(); ++c) {
          const auto& a = want.cadences[c];
          const auto& b = got.cadences[c];
          EXPECT_EQ(a.status, b.status);
          EXPECT_EQ(a.reason, b.reason);
          EXPECT_EQ(a.met, b.met);
          EXPECT_EQ(a.late, b.late);
          EXPECT_EQ(a.last, b.last);
          EXPECT_EQ(a.next_due, b.next_due);
          EXPECT_EQ(a.stopped, b.stopped);
        }
        // Both fast paths: indicators over EvaluateSorted, and the one step
        // with milestones evaluated on demand.
        for (const auto* have : {&got_ind, &lazy_ind}) {
          ASSERT_EQ(want_ind.size(), have->size());
          for (size_t k = 0; k < want_ind.size(); ++k) {
            const core::policy::IndicatorResult& a = want_ind[k];
            const core::policy::IndicatorResult& b = (*have)[k];
            EXPECT_EQ(a.indicator, b.indicator);
            EXPECT_EQ(a.in_population, b.in_population)
                << on.ToString() << " person " << i << " indicator " << a.indicator;
            EXPECT_EQ(a.satisfied, b.satisfied);
            EXPECT_EQ(a.waiting, b.waiting);
          }
        }
        for (size_t k = 0; k < want_ind.size(); ++k) {
          in_population += want_ind[k].in_population ? 1 : 0;
        }
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 5000);
  EXPECT_GT(in_population, 1000);  // the dates must exercise the indicators
}

TEST_P(FastPath, EveryCellEqualsAPlainTallyOnEveryDate) {
  core::indicators::CohortEngine engine(*policy_);
  int64_t judged = 0, waiting = 0;
  for (const Date on : Dates()) {
    const core::indicators::Report report = engine.Compute(population_, on, "test");
    const std::map<Key, CellSlots> want = Tally(report, on);
    const std::map<Key, CellSlots> got = Cells(report);
    EXPECT_EQ(want.size(), got.size()) << on.ToString();
    for (const auto& [key, slots] : want) {
      const auto it = got.find(key);
      ASSERT_NE(it, got.end()) << on.ToString() << " " << std::get<0>(key) << " breakdown "
                               << std::get<1>(key);
      EXPECT_EQ(it->second, slots)
          << on.ToString() << " " << std::get<0>(key) << " breakdown " << std::get<1>(key)
          << " cell " << std::get<2>(key) << "," << std::get<3>(key);
      if (std::get<1>(key) == 0) {
        judged += slots[0] + slots[1];
        waiting += slots[2];
      }
    }
  }
  EXPECT_GT(judged, 100);
  EXPECT_GT(waiting, 10);
}

TEST_P(FastPath, SelectedIndicatorsKeepTheirCells) {
  core::indicators::CohortEngine engine(*policy_);
  ASSERT_GE(policy_->indicator_count(), 2U);
  core::indicators::EngineOptions some;
  some.indicators = {policy_->indicator(0).id, policy_->indicator(1).id};
  some.survival = false;
  some.ladder_quarters = 0;
  for (const Date on : Dates()) {
    const std::map<Key, CellSlots> all = Cells(engine.Compute(population_, on, "test"));
    const core::indicators::Report part = engine.Compute(population_, on, "test", some);
    ASSERT_EQ(part.indicators.size(), 2U);
    EXPECT_TRUE(part.survival.empty());
    for (const auto& [key, slots] : Cells(part)) {
      const auto it = all.find(key);
      ASSERT_NE(it, all.end());
      EXPECT_EQ(it->second, slots);
    }
    // And back: the full set again, unaffected by the selection before it.
    EXPECT_EQ(Cells(engine.Compute(population_, on, "test")), all);
  }
}

// A breakdown whose dimensions another one has is summed from that one's
// counters, not counted per person; asked for alone, it is counted. Both
// must give the same cells, whatever the set and its order (here with
// duplicates, a dimension twice and sums of sums).
TEST_P(FastPath, SummedBreakdownsEqualCountedOnes) {
  using D = Dimension;
  core::indicators::CohortEngine engine(*policy_);
  core::indicators::EngineOptions options;
  options.survival = false;
  options.ladder_quarters = 0;
  options.breakdowns = {{D::kTotal, D::kTotal}, {D::kWijk, D::kCohort},   {D::kCohort, D::kTotal},
                        {D::kSex, D::kAgeBand}, {D::kAgeBand, D::kTotal}, {D::kSex, D::kSex},
                        {D::kWijk, D::kTotal},  {D::kCohort, D::kWijk},   {D::kSex, D::kTotal},
                        {D::kTotal, D::kTotal}, {D::kKern, D::kTotal}};
  int64_t judged = 0, waiting = 0;
  for (const Date on : Dates()) {
    const core::indicators::Report all = engine.Compute(population_, on, "test", options);
    for (size_t b = 0; b < options.breakdowns.size(); ++b) {
      core::indicators::EngineOptions alone = options;
      alone.breakdowns = {options.breakdowns[b]};
      const core::indicators::Report one = engine.Compute(population_, on, "test", alone);
      ASSERT_EQ(one.indicators.size(), all.indicators.size());
      for (size_t i = 0; i < all.indicators.size(); ++i) {
        const auto& want = one.indicators[i].breakdowns[0].cells;
        const auto& got = all.indicators[i].breakdowns[b].cells;
        ASSERT_EQ(got.size(), want.size()) << on.ToString() << " breakdown " << b;
        for (size_t c = 0; c < want.size(); ++c) {
          EXPECT_EQ(std::tie(got[c].first, got[c].second, got[c].satisfied, got[c].not_satisfied,
                             got[c].within_window, got[c].anchor_missing),
                    std::tie(want[c].first, want[c].second, want[c].satisfied,
                             want[c].not_satisfied, want[c].within_window, want[c].anchor_missing))
              << on.ToString() << " " << all.indicators[i].id << " breakdown " << b << " cell "
              << c;
          judged += want[c].denominator();
          waiting += want[c].within_window;
        }
      }
    }
  }
  EXPECT_GT(judged, 100);
  EXPECT_GT(waiting, 10);
}

// Survival curves and the ladder read the evaluator's index of the person
// (first dates, the rung run); a plain scan of the shuffled events, as the
// definitions in docs/indicators.md say, must give the same curves and
// flows, step for step.
TEST_P(FastPath, CurvesAndLadderEqualAPlainScan) {
  core::indicators::CohortEngine engine(*policy_);
  const std::optional<uint32_t> bijstand = policy_->FindEvent("bijstand_gestart");
  const std::optional<uint32_t> rung_event = policy_->FindEvent("participatieladder_trede");
  int64_t steps = 0, placed = 0;
  for (const Date on : Dates()) {
    const core::indicators::Report report = engine.Compute(population_, on, "test");
    const auto& cohort_labels = report.Labels(Dimension::kCohort);
    ASSERT_EQ(report.survival.size(), core::indicators::kTimeToEventCount);
    for (size_t m = 0; m < core::indicators::kTimeToEventCount; ++m) {
      const auto measure = static_cast<core::indicators::TimeToEvent>(m);
      const core::indicators::SurvivalFigures& got = report.survival[m];
      if (!got.available) continue;
      std::vector<uint32_t> events;
      for (std::string_view id : core::indicators::EventsOf(measure))
        if (auto e = policy_->FindEvent(id)) events.push_back(*e);
      std::vector<core::stats::Observation> all;
      std::map<uint32_t, std::vector<core::stats::Observation>> per_cohort;
      for (const Person& p : persons_) {
        if (!p.facts.housing_date || *p.facts.housing_date > on) continue;
        if (core::AgeOn(p.facts.birth_date, *p.facts.housing_date) < 18) continue;
        std::optional<Date> first;
        bool on_bijstand = false;
        for (const EventRecord& e : p.shuffled) {
          if (e.date > on) continue;
          if (bijstand && e.event == *bijstand) on_bijstand = true;
          if (std::find(events.begin(), events.end(), e.event) != events.end() &&
              (!first || e.date < *first))
            first = e.date;
        }
        if (measure == core::indicators::TimeToEvent::kOffBijstand && !on_bijstand) continue;
        if (measure == core::indicators::TimeToEvent::kExamPassed &&
            p.facts.inburgeringsplicht != core::InburgeringPlicht::kYes)
          continue;
        const int32_t origin = p.facts.housing_date->days();
        const core::stats::Observation o{
            first ? std::max(0, first->days() - origin) : on.days() - origin, first.has_value()};
        all.push_back(o);
        const std::string label =
            core::indicators::CohortLabel(core::indicators::CohortCode(*p.facts.housing_date));
        const auto it = std::find(cohort_labels.begin(), cohort_labels.end(), label);
        ASSERT_NE(it, cohort_labels.end()) << label;
        per_cohort[static_cast<uint32_t>(it - cohort_labels.begin())].push_back(o);
      }
      auto same = [&](const core::stats::KmCurve& want, const core::stats::KmCurve& have) {
        ASSERT_EQ(want.n, have.n) << on.ToString() << " measure " << m;
        ASSERT_EQ(want.steps.size(), have.steps.size()) << on.ToString() << " measure " << m;
        for (size_t k = 0; k < want.steps.size(); ++k) {
          const core::stats::KmStep& a = want.steps[k];
          const core::stats::KmStep& b = have.steps[k];
          ASSERT_EQ(a.time, b.time);
          ASSERT_EQ(a.at_risk, b.at_risk);
          ASSERT_EQ(a.events, b.events);
          ASSERT_EQ(a.censored, b.censored);
          ASSERT_EQ(a.survival, b.survival);
          ASSERT_EQ(a.lower, b.lower);
          ASSERT_EQ(a.upper, b.upper);
        }
        EXPECT_EQ(want.median.median, have.median.median);
        steps += static_cast<int64_t>(want.steps.size());
      };
      same(core::stats::KaplanMeier(all), got.total);
      ASSERT_EQ(per_cohort.size(), got.by_cohort.size());
      for (const auto& [cohort, curve] : got.by_cohort) {
        ASSERT_TRUE(per_cohort.count(cohort));
        same(core::stats::KaplanMeier(per_cohort[cohort]), curve);
      }
    }
    // The ladder: the rung at each quarter's end is the last one recorded by
    // then (0 before any), for adults housed by then.
    const std::vector<core::indicators::LadderQuarter>& quarters = report.ladder.quarters;
    ASSERT_EQ(quarters.empty(), !rung_event.has_value());
    std::vector<core::indicators::LadderQuarter> want(quarters.size());
    for (const Person& p : persons_) {
      if (!p.facts.housing_date || *p.facts.housing_date > on) continue;
      int32_t previous = -1;
      for (size_t q = 0; q < quarters.size(); ++q) {
        const Date end = quarters[q].end;
        if (*p.facts.housing_date > end || core::AgeOn(p.facts.birth_date, end) < 18) {
          previous = -1;
          continue;
        }
        std::optional<EventRecord> last;
        for (const EventRecord& e : p.shuffled)
          if (rung_event && e.event == *rung_event && e.date <= end &&
              (!last || std::tie(e.date, e.value) > std::tie(last->date, last->value)))
            last = e;
        const int32_t rung = last ? std::clamp(last->value, 0, 6) : 0;
        ++want[q].distribution[static_cast<size_t>(rung)];
        ++placed;
        if (previous >= 0) {
          ++want[q].transitions[static_cast<size_t>(previous)][static_cast<size_t>(rung)];
          if (previous == 0 && rung > 0)
            ++want[q].first_rung;
          else if (rung > previous)
            ++want[q].up;
          else if (rung < previous)
            ++want[q].down;
          else
            ++want[q].same;
        }
        previous = rung;
      }
    }
    for (size_t q = 0; q < quarters.size(); ++q) {
      EXPECT_EQ(want[q].distribution, quarters[q].distribution) << on.ToString() << " q" << q;
      EXPECT_EQ(want[q].transitions, quarters[q].transitions) << on.ToString() << " q" << q;
      EXPECT_EQ(want[q].up, quarters[q].up);
      EXPECT_EQ(want[q].down, quarters[q].down);
      EXPECT_EQ(want[q].same, quarters[q].same);
      EXPECT_EQ(want[q].first_rung, quarters[q].first_rung);
    }
  }
  EXPECT_GT(steps, 500);  // the dates must exercise the curves
  if (rung_event) {
    EXPECT_GT(placed, 500);
  }
}

INSTANTIATE_TEST_SUITE_P(Tenants, FastPath, testing::Values("GM0148", "GM0523"));

}  // namespace
}  // namespace regie
