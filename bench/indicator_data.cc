#include "indicator_data.h"

#include <cstdio>
#include <cstdlib>
#include <optional>

#include "core/casework/assessment.h"
#include "core/casework/demo_assessments.h"
#include "core/demo_generator.h"
#include "core/policy/demo_events.h"
#include "core/policy/timeline.h"
#include "packs/pack_loader.h"

namespace regie::bench {

const std::vector<std::string> kBenchPacks = {"nl-wet-inburgering-2013", "nl-wet-inburgering-2021",
                                              "dalfsen-2017", "hardinxveld-giessendam-2016"};

std::unique_ptr<BenchData> MakeBenchData(int64_t households, int tenants, bool keep_rows) {
  auto data = std::make_unique<BenchData>();
  data->on = *core::Date::Parse("2026-11-22");
  packs::PackLibrary library = packs::LoadPackDirectory(REGIE_POLICIES_DIR);
  if (!library.ok()) {
    std::fprintf(stderr, "%s\n", library.errors.front().ToString().c_str());
    std::abort();
  }
  data->packs = std::move(library.packs);
  std::vector<core::policy::Activation> activations;
  for (const std::string& id : kBenchPacks)
    activations.push_back({id, core::Date::FromDays(-1'000'000), std::nullopt});

  core::DemoOptions options;
  options.seed = 7;
  options.households = households;
  options.tenants = tenants;
  options.today = data->on;
  core::DemoGenerator generator(options);
  for (const core::DemoTenant& t : generator.tenants()) {
    BenchTenant& bt = data->tenants.emplace_back();
    bt.code = t.data.code;
    auto compiled = core::policy::CompiledPolicy::Compile(data->packs, activations);
    if (!compiled.ok()) {
      std::fprintf(stderr, "%s\n", compiled.status().message().c_str());
      std::abort();
    }
    bt.policy = std::move(*compiled);
  }
  std::vector<core::policy::EventRecord> records;
  uint64_t serial = 0;
  while (std::optional<core::DemoHousehold> household = generator.Next()) {
    BenchTenant& t = data->tenants[static_cast<size_t>(household->tenant_index)];
    for (const core::PersonData& person : household->persons) {
      core::policy::PersonFacts facts = core::policy::FactsFromPerson(person);
      const uint64_t seed = options.seed * 0x9E3779B97F4A7C15ULL + ++serial;
      std::vector<core::policy::PersonEvent> events =
          core::policy::DemoEvents(*t.policy, facts, data->on, seed);
      // Quarterly participatieladder assessments record their rung as a
      // policy event, as the demo loader does.
      for (const core::AssessmentData& a : core::DemoAssessments(person, data->on, seed))
        if (std::optional<core::policy::PersonEvent> e = core::AssessmentEvent(a))
          events.push_back(std::move(*e));
      core::policy::ApplyRecordedFacts(events, data->on, facts);
      records.clear();
      const auto index = static_cast<uint32_t>(t.population.persons().size());
      for (const core::policy::PersonEvent& e : events) {
        StatusOr<core::policy::EventRecord> r = t.policy->Intern(e);
        if (!r.ok()) continue;  // unknown to these packs: no indicator reads it
        records.push_back(*r);
        if (keep_rows) t.events.push_back({index, e.event, e.date, r->value});
      }
      data->events += static_cast<int64_t>(records.size());
      ++data->persons;
      t.population.Add(person, std::move(facts), records);
      if (keep_rows) t.people.push_back(person);
    }
  }
  return data;
}

}  // namespace regie::bench
