#include "http/indicator_source.h"

#include <string>
#include <utility>
#include <vector>

#include "core/indicators/population.h"
#include "core/policy/person.h"
#include "core/policy/timeline.h"
#include "ports/policy_repositories.h"

namespace regie::http {
namespace {

namespace policy = core::policy;

}  // namespace

StatusOr<core::indicators::TenantPopulation> LoadTenantPopulation(
    ports::Transaction& tx, const policy::CompiledPolicy& policy, int64_t tenant_id, core::Date on,
    int persons_per_page) {
  core::indicators::TenantPopulation population;
  std::vector<policy::PersonEvent> events;
  std::vector<policy::EventRecord> records;
  int64_t after = 0;
  while (true) {
    REGIE_ASSIGN_OR_RETURN(std::vector<core::Person> persons,
                           tx.Persons().ListOfTenant(tenant_id, after, persons_per_page));
    if (persons.empty()) break;
    // The page's events as one index range: (after, last person]. Persons
    // of archived households in that range are skipped below.
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::StoredEvent> page,
                           tx.Policy().EventsOfPersons(tenant_id, after, persons.back().id));
    size_t next = 0;
    for (const core::Person& person : persons) {
      events.clear();
      records.clear();
      while (next < page.size() && page[next].person_id < person.id) ++next;
      while (next < page.size() && page[next].person_id == person.id)
        events.push_back(std::move(page[next++].event));
      policy::PersonFacts facts = policy::FactsFromPerson(person.data);
      policy::ApplyRecordedFacts(events, on, facts);
      for (const policy::PersonEvent& e : events)
        if (StatusOr<policy::EventRecord> r = policy.Intern(e); r.ok()) records.push_back(*r);
      population.Add(person.data, facts, records);
    }
    if (persons.size() < static_cast<size_t>(persons_per_page)) break;
    after = persons.back().id;
  }
  return population;
}

StatusOr<core::indicators::Report> ComputeTenantIndicators(
    ports::Transaction& tx, PolicyRegistry& policies, int64_t tenant_id, core::Date on,
    const core::indicators::EngineOptions& options) {
  REGIE_ASSIGN_OR_RETURN(std::shared_ptr<const policy::CompiledPolicy> compiled,
                         policies.ForTenant(tx, tenant_id));
  REGIE_ASSIGN_OR_RETURN(int64_t changes, tx.Tenants().ChangeCount(tenant_id));
  REGIE_ASSIGN_OR_RETURN(core::indicators::TenantPopulation population,
                         LoadTenantPopulation(tx, *compiled, tenant_id, on));
  core::indicators::CohortEngine engine(*compiled);
  return engine.Compute(population, on, "tenant_changes:" + std::to_string(changes), options);
}

}  // namespace regie::http
