#include "app/demo_loader.h"

#include <algorithm>
#include <vector>

namespace regie::app {
namespace {

// Database ids of the demo tenants and of their organisations, in
// DemoTenant order.
struct TenantIds {
  std::vector<int64_t> tenants;
  std::vector<std::vector<int64_t>> organisations;
};

// Tenants and their organisations, in one transaction.
StatusOr<TenantIds> CreateTenants(ports::Database& db, const std::vector<core::DemoTenant>& tenants,
                                  DemoLoadStats& stats) {
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
  REGIE_ASSIGN_OR_RETURN(std::vector<core::Tenant> existing, tx->Tenants().List());
  if (!existing.empty())
    return FailedPrecondition("database_not_empty",
                              "the database already has tenants; demo data goes into an empty one");
  TenantIds ids_out;
  for (const core::DemoTenant& t : tenants) {
    REGIE_ASSIGN_OR_RETURN(core::Tenant tenant, tx->Tenants().Create(t.data));
    ids_out.tenants.push_back(tenant.id);
    std::vector<int64_t>& ids = ids_out.organisations.emplace_back();
    for (const core::OrganisationData& o : t.organisations) {
      REGIE_ASSIGN_OR_RETURN(core::Organisation org, tx->Organisations().Create(tenant.id, o));
      ids.push_back(org.id);
    }
    stats.organisations += static_cast<int64_t>(ids.size());
  }
  REGIE_RETURN_IF_ERROR(tx->Commit());
  stats.tenants = static_cast<int>(tenants.size());
  return ids_out;
}

}  // namespace

StatusOr<DemoLoadStats> LoadDemo(ports::Database& db, const core::DemoOptions& options,
                                 const ports::Clock& clock, int batch_size,
                                 const std::function<void(const DemoLoadStats&)>& progress) {
  batch_size = std::max(1, batch_size);
  core::DemoGenerator generator(options);
  DemoLoadStats stats;
  REGIE_ASSIGN_OR_RETURN(TenantIds ids, CreateTenants(db, generator.tenants(), stats));

  bool done = false;
  while (!done) {
    REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
    const core::Timestamp now = clock.Now();
    int64_t households = 0, persons = 0;
    for (int i = 0; i < batch_size; ++i) {
      std::optional<core::DemoHousehold> next = generator.Next();
      if (!next) {
        done = true;
        break;
      }
      const auto tenant = static_cast<size_t>(next->tenant_index);
      core::HouseholdData data = next->data;
      data.involved_organisations.clear();
      for (int org_index : next->involved_organisation_indices)
        data.involved_organisations.push_back(
            ids.organisations[tenant][static_cast<size_t>(org_index)]);
      std::sort(data.involved_organisations.begin(), data.involved_organisations.end());
      data.involved_organisations.erase(
          std::unique(data.involved_organisations.begin(), data.involved_organisations.end()),
          data.involved_organisations.end());
      REGIE_ASSIGN_OR_RETURN(core::Household household,
                             tx->Households().Create(ids.tenants[tenant], data, now));
      for (const core::PersonData& p : next->persons) {
        REGIE_RETURN_IF_ERROR(
            tx->Persons().Create(ids.tenants[tenant], household.id, p, now).status());
        ++persons;
      }
      ++households;
    }
    REGIE_RETURN_IF_ERROR(tx->Commit());
    stats.households += households;
    stats.persons += persons;
    if (progress) progress(stats);
  }
  return stats;
}

}  // namespace regie::app
