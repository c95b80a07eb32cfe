// Typesetting the plan as PDF (GET .../plan.pdf runs this on an I/O
// thread): a typical plan and large ones, so the cost per page is known.
#include <benchmark/benchmark.h>

#include <string>

#include "render/pdf_renderer.h"
#include "render/plan_document.h"

namespace regie::render {
namespace {

// `goals` goals over four persons with `actions` actions each, texts of
// about `words` words.
PlanPrintout MakePrintout(int goals, int actions, int words) {
  PlanPrintout p;
  p.municipality = "Proefdorp";
  p.household_name = "Haddad";
  p.printed_at = *core::Timestamp::Parse("2026-11-24T10:00:00.000000Z");
  p.view.plan.version = 3;
  std::string text = "Een doel";
  for (int w = 0; w < words; ++w) text += " woord";
  for (int g = 0; g < goals; ++g) {
    core::PlanGoal goal{.key = g + 1,
                        .person_id = g % 4,
                        .domain = "werk_inkomen",
                        .text = text,
                        .target_date = *core::Date::Parse("2027-06-01"),
                        .status = core::GoalStatus::kLoopt,
                        .actions = {}};
    for (int a = 0; a < actions; ++a)
      goal.actions.push_back({.key = 1000 * (g + 1) + a,
                              .text = text,
                              .organisation_id = 1,
                              .user_id = std::nullopt,
                              .due_date = *core::Date::Parse("2026-12-15"),
                              .status = core::ActionStatus::kOpen,
                              .result = ""});
    p.view.plan.goals.push_back(std::move(goal));
  }
  for (int id = 0; id < 4; ++id) p.person_names[id] = "Persoon " + std::to_string(id);
  p.organisation_names[1] = "Werkplein Proefdorp";
  return p;
}

void PlanPdf(benchmark::State& state) {
  const PlanPrintout printout =
      MakePrintout(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), 12);
  int64_t pages = 0;
  for ([[maybe_unused]] auto iteration : state) {
    StatusOr<RenderedPdf> pdf = RenderPdf(PlanDocument(printout, Language::kNl));
    if (!pdf.ok()) state.SkipWithError(pdf.status().message().c_str());
    pages += pdf.ok() ? pdf->pages : 0;
    benchmark::DoNotOptimize(pdf);
  }
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(pages), benchmark::Counter::kIsRate);
  state.counters["pages"] =
      benchmark::Counter(static_cast<double>(pages) / static_cast<double>(state.iterations()));
}

// The demo's plans (2-3 goals with one action each), a full plan, and the
// largest plan validation allows texts for in practice.
BENCHMARK(PlanPdf)->Args({3, 1})->Args({12, 3})->Args({40, 6})->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace regie::render

BENCHMARK_MAIN();
