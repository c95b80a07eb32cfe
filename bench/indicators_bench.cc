// Throughput of the indicator engine (Monitoring issue): every indicator of
// the active packs for every tenant, broken down by cohort, wijk, kern,
// sex, age band, nationality group and cohort x wijk, plus the Kaplan-Meier
// curves and the participatieladder, from the in-memory tenant populations.
//
//   IndicatorsOneTenant  the largest tenant of the national demo
//   IndicatorsNational   all 342 tenants, about 500,000 persons (one core)
//   IndicatorsNational/0 the same without curves and ladder (counts only)
//   IndicatorsNational/2 only what bench/indicators.sh's SQL computes:
//                        Dalfsen's 3 indicators by cohort x wijk
//
// Target (issue): the full national recompute in <= 100 ms on one core.
// Each recompute re-evaluates every person with the policy Evaluator on the
// reference date, from events the population keeps sorted; see
// bench/README.md for what that costs and why.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>

#include "core/indicators/cohort_engine.h"
#include "indicator_data.h"

namespace regie::bench {
namespace {

const BenchData& Data() {
  static const std::unique_ptr<BenchData> data = MakeBenchData(200'000, 342, false);
  return *data;
}

// Engines are built once per tenant, as a server keeps one per compiled policy.
std::vector<std::unique_ptr<core::indicators::CohortEngine>>& Engines() {
  static std::vector<std::unique_ptr<core::indicators::CohortEngine>> engines = [] {
    std::vector<std::unique_ptr<core::indicators::CohortEngine>> out;
    for (const BenchTenant& t : Data().tenants)
      out.push_back(std::make_unique<core::indicators::CohortEngine>(*t.policy));
    return out;
  }();
  return engines;
}

void Report(benchmark::State& state, int64_t persons, int64_t cells) {
  state.counters["persons/s"] =
      benchmark::Counter(static_cast<double>(persons), benchmark::Counter::kIsRate);
  state.counters["persons"] =
      benchmark::Counter(static_cast<double>(persons) / static_cast<double>(state.iterations()));
  state.counters["cells"] =
      benchmark::Counter(static_cast<double>(cells) / static_cast<double>(state.iterations()));
  state.counters["events"] = static_cast<double>(Data().events);
}

int64_t Cells(const core::indicators::Report& r) {
  int64_t n = 0;
  for (const auto& f : r.indicators)
    for (const auto& b : f.breakdowns) n += static_cast<int64_t>(b.cells.size());
  return n;
}

// 1: everything; 0: counts only; 2: the SQL comparison's set.
core::indicators::EngineOptions Options(int64_t kind) {
  core::indicators::EngineOptions o;
  o.survival = kind == 1;
  o.ladder_quarters = kind == 1 ? 8 : 0;
  if (kind == 2) {
    o.indicators = {"dalfsen.ind_plan", "dalfsen.ind_vereniging_volwassene", "dalfsen.ind_buren"};
    o.breakdowns = {{core::indicators::Dimension::kCohort, core::indicators::Dimension::kWijk}};
  }
  return o;
}

void IndicatorsOneTenant(benchmark::State& state) {
  const BenchData& data = Data();
  size_t largest = 0;
  for (size_t i = 0; i < data.tenants.size(); ++i)
    if (data.tenants[i].population.persons().size() >
        data.tenants[largest].population.persons().size())
      largest = i;
  const core::indicators::EngineOptions options = Options(state.range(0));
  int64_t persons = 0, cells = 0;
  for ([[maybe_unused]] auto iteration : state) {
    core::indicators::Report r =
        Engines()[largest]->Compute(data.tenants[largest].population, data.on, "bench", options);
    persons += r.persons;
    cells += Cells(r);
    benchmark::DoNotOptimize(r.indicators.data());
  }
  Report(state, persons, cells);
}

void IndicatorsNational(benchmark::State& state) {
  const BenchData& data = Data();
  const core::indicators::EngineOptions options = Options(state.range(0));
  int64_t persons = 0, cells = 0;
  for ([[maybe_unused]] auto iteration : state) {
    for (size_t i = 0; i < data.tenants.size(); ++i) {
      core::indicators::Report r =
          Engines()[i]->Compute(data.tenants[i].population, data.on, "bench", options);
      persons += r.persons;
      cells += Cells(r);
      benchmark::DoNotOptimize(r.indicators.data());
    }
  }
  Report(state, persons, cells);
}

// Arg 1: everything (counts, curves, ladder); 0: counts only; 2: the SQL's set.
BENCHMARK(IndicatorsOneTenant)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);
BENCHMARK(IndicatorsNational)->Arg(1)->Arg(0)->Arg(2)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace regie::bench

BENCHMARK_MAIN();
