// Throughput of the milestone engine (issue 5): every milestone and cadence
// of the active packs (both versions of the 2013 law, the 2021 law and
// Dalfsen's local pack) for the national-scale demo population of about
// 500,000 persons over 342 municipalities, on one core.
//
//   PolicyEvaluateCold      a fresh Evaluator (cold scratch buffers) walks
//                           every person once
//   PolicyEvaluateAfterEvent one more event recorded for every person, each
//                           person re-evaluated (what recording an event costs)
//   PolicyCompile           loading is separate: compiling the packs once per
//                           tenant
//
// Events are synthetic and deterministic (fixed seeds) so that milestones are
// met, late, open and overdue in realistic shares; the counters print those
// shares next to persons/s. Target: >= 1,000,000 person-evaluations/s/core.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <random>
#include <vector>

#include "core/demo_generator.h"
#include "core/policy/compiled.h"
#include "core/policy/engine.h"
#include "packs/pack_loader.h"

namespace regie::core::policy {
namespace {

const Date kToday = *Date::Parse("2026-11-22");
const std::vector<Activation> kActivations = {
    {"nl-wet-inburgering-2013", Date::FromDays(-1'000'000), {}},
    {"nl-wet-inburgering-2021", Date::FromDays(-1'000'000), {}},
    {"dalfsen-2017", Date::FromDays(-1'000'000), {}},
};

struct Person {
  PersonFacts facts;
  std::vector<EventRecord> events;
};

struct Population {
  std::vector<Pack> packs;
  std::unique_ptr<CompiledPolicy> policy;
  std::vector<Person> persons;
  std::vector<EventRecord> extra;  // the one event per person of the second run
};

std::vector<Pack> LoadPacks() {
  packs::PackLibrary library = packs::LoadPackDirectory(REGIE_POLICIES_DIR);
  if (!library.ok()) {
    std::fprintf(stderr, "%s\n", library.errors.front().ToString().c_str());
    std::abort();
  }
  return library.packs;
}

// Synthetic, deterministic event history for one person of the demo.
class History {
 public:
  History(const CompiledPolicy& policy, uint64_t seed, std::vector<EventRecord>& out)
      : policy_(policy), rng_(seed), out_(out) {}

  int Between(int lo, int hi) {
    return lo + static_cast<int>(rng_() % static_cast<uint64_t>(hi - lo + 1));
  }
  bool Chance(int percent) { return static_cast<int>(rng_() % 100) < percent; }

  // Records `event` at `date` if it has happened by today.
  std::optional<Date> At(const char* event, Date date, int32_t value = 0) {
    if (date > kToday) return std::nullopt;
    out_.push_back({*policy_.FindEvent(event), date, value});
    return date;
  }

 private:
  const CompiledPolicy& policy_;
  std::mt19937_64 rng_;
  std::vector<EventRecord>& out_;
};

void Synthesize(const CompiledPolicy& policy, uint64_t index, Person& p) {
  History h(policy, 0x9E3779B97F4A7C15ULL ^ index, p.events);
  if (!p.facts.housing_date) return;
  const Date housed = *p.facts.housing_date;
  const int age = AgeOn(p.facts.birth_date, housed);
  static constexpr const char* kRoutes[] = {"b1", "b1", "b1",        "b1", "b1",
                                            "b1", "b1", "onderwijs", "z",  "z"};
  p.facts.learning_route = kRoutes[h.Between(0, 9)];
  if (age < 18) {
    if (age >= 6 && h.Chance(85)) h.At("lid_vereniging", housed.AddDays(h.Between(20, 260)));
    return;
  }
  if (auto duo = h.At("duo_kennisgeving", housed.AddDays(h.Between(0, 30)))) {
    if (h.Chance(8)) h.At("pip_termijn_verlengd", duo->AddDays(h.Between(55, 75)));
    if (h.Chance(92)) {
      if (auto pip = h.At("pip_vastgesteld", duo->AddDays(h.Between(35, 95)))) {
        if (h.Chance(70)) h.At("pvt_afgerond", pip->AddDays(h.Between(60, 900)));
        if (h.Chance(60)) h.At("map_afgerond", pip->AddDays(h.Between(120, 1100)));
        if (h.Chance(45)) h.At("knm_behaald", pip->AddDays(h.Between(200, 1000)));
        if (h.Chance(40)) h.At("inburgeringsexamen_behaald", pip->AddDays(h.Between(300, 1300)));
      }
    }
  }
  if (h.Chance(95)) h.At("gezamenlijke_intake", housed.AddDays(h.Between(5, 40)));
  if (h.Chance(94)) {
    if (auto plan = h.At("plan_van_aanpak_vastgesteld", housed.AddDays(h.Between(15, 60)))) {
      Date next = *plan;
      for (int i = 0; i < 12; ++i) {
        next = next.AddDays(h.Between(55, 110));
        if (!h.At(i % 2 ? "driegesprek" : "voortgangscontact", next)) break;
      }
      if (h.Chance(40)) h.At("mb_beeindigd", plan->AddDays(h.Between(400, 560)));
    }
  }
  if (h.Chance(75)) h.At("participatieverklaring_ondertekend", housed.AddDays(h.Between(60, 420)));
  if (h.Chance(85)) {
    if (auto bijstand = h.At("bijstand_gestart", housed.AddDays(h.Between(0, 10)))) {
      h.At("ontzorgen_afgerond", bijstand->AddDays(h.Between(170, 200)));
      if (h.Chance(35)) h.At("bijstand_beeindigd", bijstand->AddDays(h.Between(200, 1400)));
    }
  }
  if (h.Chance(45))
    h.At("vrijwilligerswerk_gestart", housed.AddDays(h.Between(90, 600)), h.Between(4, 16));
  if (h.Chance(60)) h.At("lid_vereniging", housed.AddDays(h.Between(20, 300)));
  if (h.Chance(50)) h.At("buren_kennismaking", housed.AddDays(h.Between(3, 120)));
}

const Population& Data() {
  static const Population* data = [] {
    auto* pop = new Population();  // NOLINT(cppcoreguidelines-owning-memory): lives for the run
    pop->packs = LoadPacks();
    pop->policy = CompiledPolicy::Compile(pop->packs, kActivations).value();
    DemoOptions options;
    options.seed = 7;
    options.households = 200'000;
    options.tenants = 342;
    options.today = kToday;
    DemoGenerator generator(options);
    uint64_t index = 0;
    while (std::optional<DemoHousehold> household = generator.Next()) {
      for (const PersonData& person : household->persons) {
        Person& p = pop->persons.emplace_back();
        p.facts = FactsFromPerson(person);
        Synthesize(*pop->policy, index++, p);
      }
    }
    const uint32_t contact = *pop->policy->FindEvent("voortgangscontact");
    for (size_t i = 0; i < pop->persons.size(); ++i)
      pop->extra.push_back({contact, kToday.AddDays(-static_cast<int32_t>(i % 30)), 0});
    return pop;
  }();
  return *data;
}

void Count(const Evaluation& e, std::array<int64_t, 6>& statuses) {
  for (const MilestoneResult& r : e.milestones) ++statuses[static_cast<size_t>(r.status)];
}

void Report(benchmark::State& state, int64_t persons, int64_t rules,
            const std::array<int64_t, 6>& statuses) {
  state.counters["persons/s"] =
      benchmark::Counter(static_cast<double>(persons), benchmark::Counter::kIsRate);
  state.counters["persons"] = static_cast<double>(Data().persons.size());
  state.counters["rules/person"] = static_cast<double>(rules) / static_cast<double>(persons);
  int64_t decided = 0;
  for (int64_t s : statuses) decided += s;
  static constexpr const char* kNames[] = {"op_tijd%",  "te_laat%", "open%",
                                           "verlopen%", "nvt%",     "vrijgesteld%"};
  for (size_t i = 0; i < statuses.size(); ++i)
    state.counters[kNames[i]] =
        100.0 * static_cast<double>(statuses[i]) / static_cast<double>(decided);
}

void PolicyEvaluateCold(benchmark::State& state) {
  const Population& pop = Data();
  int64_t persons = 0, rules = 0;
  std::array<int64_t, 6> statuses{};
  for ([[maybe_unused]] auto iteration : state) {
    Evaluator evaluator(*pop.policy);  // cold: scratch buffers start empty
    Evaluation evaluation;
    for (const Person& p : pop.persons) {
      evaluator.Evaluate(p.facts, p.events, kToday, evaluation);
      benchmark::DoNotOptimize(evaluation.milestones.data());
      rules += static_cast<int64_t>(evaluation.milestones.size() + evaluation.cadences.size());
      if (persons < static_cast<int64_t>(pop.persons.size())) Count(evaluation, statuses);
      ++persons;
    }
  }
  Report(state, persons, rules, statuses);
}

void PolicyEvaluateAfterEvent(benchmark::State& state) {
  const Population& pop = Data();
  std::vector<EventRecord> events;
  Evaluator evaluator(*pop.policy);
  Evaluation evaluation;
  int64_t persons = 0, rules = 0;
  std::array<int64_t, 6> statuses{};
  for ([[maybe_unused]] auto iteration : state) {
    for (size_t i = 0; i < pop.persons.size(); ++i) {
      const Person& p = pop.persons[i];
      // The person's stored events plus the one just recorded.
      events.assign(p.events.begin(), p.events.end());
      events.push_back(pop.extra[i]);
      evaluator.Evaluate(p.facts, events, kToday, evaluation);
      benchmark::DoNotOptimize(evaluation.milestones.data());
      rules += static_cast<int64_t>(evaluation.milestones.size() + evaluation.cadences.size());
      if (persons < static_cast<int64_t>(pop.persons.size())) Count(evaluation, statuses);
      ++persons;
    }
  }
  Report(state, persons, rules, statuses);
}

void PolicyCompile(benchmark::State& state) {
  const Population& pop = Data();
  for ([[maybe_unused]] auto iteration : state) {
    auto compiled = CompiledPolicy::Compile(pop.packs, kActivations);
    benchmark::DoNotOptimize(compiled.ok());
  }
}

BENCHMARK(PolicyEvaluateCold)->Unit(benchmark::kMillisecond)->MinTime(3.0);
BENCHMARK(PolicyEvaluateAfterEvent)->Unit(benchmark::kMillisecond)->MinTime(3.0);
BENCHMARK(PolicyCompile)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace regie::core::policy

BENCHMARK_MAIN();
