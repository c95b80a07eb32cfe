// The indicator loader on both backends: the population read from storage
// in keyset pages (persons and their events merged by person id) gives the
// same figures as the same persons and events handed to the engine
// directly, whatever the page size; archived households, voided events and
// other tenants stay out.
#include <string>
#include <tuple>
#include <vector>

#include "contract_fixture.h"
#include "core/indicators/cohort_engine.h"
#include "core/policy/demo_events.h"
#include "core/policy/person.h"
#include "core/policy/timeline.h"
#include "http/indicator_source.h"
#include "packs/pack_loader.h"

namespace regie::testing {
namespace {

namespace policy = core::policy;
using core::indicators::Report;
using core::indicators::TenantPopulation;

// Every count of every cell, in report order: equal digests, equal figures.
using CellDigest =
    std::tuple<std::string, int, int, uint32_t, uint32_t, int64_t, int64_t, int64_t, int64_t>;
std::vector<CellDigest> Digest(const Report& report) {
  std::vector<CellDigest> out;
  for (const auto& indicator : report.indicators)
    for (const auto& b : indicator.breakdowns)
      for (const auto& c : b.cells)
        out.emplace_back(indicator.id, static_cast<int>(b.breakdown.first),
                         static_cast<int>(b.breakdown.second), c.first, c.second, c.satisfied,
                         c.not_satisfied, c.within_window, c.anchor_missing);
  return out;
}

class IndicatorSourceContract : public ContractTest {};

TEST_P(IndicatorSourceContract, PagedLoadGivesTheFiguresOfTheRecordsThemselves) {
  packs::PackLibrary library = packs::LoadPackDirectory(REGIE_POLICIES_DIR);
  ASSERT_TRUE(library.ok());
  auto compiled = policy::CompiledPolicy::Compile(
      library.packs, policy::DemoActivations(library.packs, "GM0523"), "GM0523");
  ASSERT_TRUE(compiled.ok()) << compiled.status().message();
  const core::Date on = D("2026-11-01");

  TenantPopulation expected;
  auto tx = Write();
  std::vector<core::Household> households;
  for (const char* name : {"Haddad", "Tesfay", "Rahimi"})
    households.push_back(*tx->Households().Create(tenant_a_, Household(name), T(1)));
  auto other = *tx->Households().Create(tenant_b_, Household("Bosch", {}, regisseur_b_), T(1));
  for (int i = 0; i < 11; ++i) {
    core::PersonData data = Person("P" + std::to_string(i), "Fam");
    data.housing_date = D("2023-01-15").AddDays(45 * i);
    data.permit_date = data.housing_date->AddDays(-90);
    data.birth_date = D("1970-06-01").AddDays(900 * i);
    data.sex = i % 2 == 0 ? core::Sex::kFemale : core::Sex::kMale;
    data.address.wijk = i % 3 == 0 ? "Boven-Hardinxveld" : "Centrum";
    const core::Household& h = households[static_cast<size_t>(i % 3)];
    auto person = tx->Persons().Create(tenant_a_, h.id, data, T(2));
    ASSERT_TRUE(person.ok()) << person.status().ToString();
    std::vector<policy::PersonEvent> events = policy::DemoEvents(
        **compiled, policy::FactsFromPerson(data), on, static_cast<uint64_t>(100 + i));
    for (const policy::PersonEvent& e : events) {
      ports::StoredEvent stored;
      stored.tenant_id = tenant_a_;
      stored.person_id = person->id;
      stored.event = e;
      stored.recorded_by = regisseur_a_;
      stored.recorded_at = T(3);
      ASSERT_TRUE(tx->Policy().RecordEvent(stored).ok());
    }
    if (!events.empty() && i == 4) {
      // A voided event counts for nothing.
      ports::StoredEvent wrong;
      wrong.tenant_id = tenant_a_;
      wrong.person_id = person->id;
      wrong.event = events.front();
      wrong.event.date = on.AddDays(-1);
      wrong.recorded_by = regisseur_a_;
      wrong.recorded_at = T(3);
      auto recorded = tx->Policy().RecordEvent(wrong);
      ASSERT_TRUE(recorded.ok());
      ASSERT_TRUE(tx->Policy().VoidEvent(tenant_a_, recorded->id, regisseur_a_, "fout", T(4)).ok());
    }
    if (i % 3 == 2) continue;  // household Rahimi is archived below
    policy::PersonFacts facts = policy::FactsFromPerson(data);
    policy::ApplyRecordedFacts(events, on, facts);
    std::vector<policy::EventRecord> records;
    for (const policy::PersonEvent& e : events)
      if (auto r = (*compiled)->Intern(e); r.ok()) records.push_back(*r);
    expected.Add(data, facts, records);
  }
  ASSERT_TRUE(tx->Persons().Create(tenant_b_, other.id, Person("Kees", "Bosch"), T(2)).ok());
  const core::Household& rahimi = households[2];
  ASSERT_TRUE(
      tx->Households().Archive(tenant_a_, rahimi.id, rahimi.version, "verhuisd", T(5)).ok());
  ASSERT_TRUE(tx->Commit().ok());

  core::indicators::CohortEngine engine(**compiled);
  const std::vector<CellDigest> want = Digest(engine.Compute(expected, on, "x"));
  ASSERT_FALSE(want.empty());
  for (int page : {1, 2, 3, 2000}) {
    auto r = Read();
    auto loaded = http::LoadTenantPopulation(*r, **compiled, tenant_a_, on, page);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    EXPECT_EQ(loaded->persons().size(), expected.persons().size()) << "page " << page;
    EXPECT_EQ(loaded->event_count(), expected.event_count()) << "page " << page;
    EXPECT_EQ(Digest(engine.Compute(*loaded, on, "x")), want) << "page " << page;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorSourceContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
