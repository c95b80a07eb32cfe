// Throughput of the synthetic population generator behind `regie demo`,
// without a database: how fast households and persons are produced, and so
// how much of a demo load is generation rather than storage.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <optional>

#include "core/demo_generator.h"

namespace regie::core {
namespace {

void GenerateDemoPopulation(benchmark::State& state) {
  DemoOptions options;
  options.seed = 7;
  options.households = state.range(0);
  options.tenants = static_cast<int>(state.range(1));
  options.today = *Date::Parse("2026-11-22");
  int64_t households = 0;
  int64_t persons = 0;
  for ([[maybe_unused]] auto iteration : state) {
    DemoGenerator generator(options);
    while (std::optional<DemoHousehold> household = generator.Next()) {
      benchmark::DoNotOptimize(household->persons.data());
      persons += static_cast<int64_t>(household->persons.size());
      ++households;
    }
  }
  state.counters["households/s"] =
      benchmark::Counter(static_cast<double>(households), benchmark::Counter::kIsRate);
  state.counters["persons/s"] =
      benchmark::Counter(static_cast<double>(persons), benchmark::Counter::kIsRate);
  state.counters["persons/run"] =
      benchmark::Counter(static_cast<double>(persons) / static_cast<double>(state.iterations()));
}

// The size `bench/http_bench.sh` loads, and the national scale: 200,000
// households (about 500,000 persons) over 342 municipalities.
BENCHMARK(GenerateDemoPopulation)
    ->Args({10'000, 1})
    ->Args({200'000, 342})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace regie::core

BENCHMARK_MAIN();
