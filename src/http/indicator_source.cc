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

// Walks EventsOfTenant page by page alongside the ascending person ids.
// Events of persons not asked for (archived households) are skipped.
class EventCursor {
 public:
  EventCursor(ports::PolicyRepository& repo, int64_t tenant_id, int per_page)
      : repo_(repo), tenant_(tenant_id), per_page_(per_page) {}

  // Appends the events of `person_id` to `out`. Ids must be asked in
  // ascending order.
  Status EventsOf(int64_t person_id, std::vector<policy::PersonEvent>& out) {
    while (true) {
      while (next_ < page_.size() && page_[next_].person_id < person_id) ++next_;
      while (next_ < page_.size() && page_[next_].person_id == person_id)
        out.push_back(std::move(page_[next_++].event));
      // Either the next event belongs to a later person, or nothing is left.
      if (next_ < page_.size() || last_page_) return Status::Ok();
      REGIE_RETURN_IF_ERROR(Fetch());
    }
  }

 private:
  // A person's events are never split across pages, so a fetch after the
  // last person of the previous page loses nothing.
  Status Fetch() {
    REGIE_ASSIGN_OR_RETURN(page_, repo_.EventsOfTenant(tenant_, last_person_, per_page_));
    next_ = 0;
    int64_t persons = 0;
    for (size_t i = 0; i < page_.size(); ++i)
      if (i == 0 || page_[i].person_id != page_[i - 1].person_id) ++persons;
    last_page_ = persons < per_page_;
    if (!page_.empty()) last_person_ = page_.back().person_id;
    return Status::Ok();
  }

  ports::PolicyRepository& repo_;
  const int64_t tenant_;
  const int per_page_;
  std::vector<ports::StoredEvent> page_;
  size_t next_ = 0;
  int64_t last_person_ = 0;
  bool last_page_ = false;
};

}  // namespace

StatusOr<core::indicators::TenantPopulation> LoadTenantPopulation(
    ports::Transaction& tx, const policy::CompiledPolicy& policy, int64_t tenant_id, core::Date on,
    int persons_per_page) {
  core::indicators::TenantPopulation population;
  EventCursor cursor(tx.Policy(), tenant_id, persons_per_page);
  std::vector<policy::PersonEvent> events;
  std::vector<policy::EventRecord> records;
  int64_t after = 0;
  while (true) {
    REGIE_ASSIGN_OR_RETURN(std::vector<core::Person> persons,
                           tx.Persons().ListOfTenant(tenant_id, after, persons_per_page));
    for (const core::Person& person : persons) {
      events.clear();
      records.clear();
      REGIE_RETURN_IF_ERROR(cursor.EventsOf(person.id, events));
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
