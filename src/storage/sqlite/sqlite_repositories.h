#pragma once

#include "ports/access_repositories.h"
#include "ports/repositories.h"
#include "storage/common/list_filters.h"
#include "storage/sqlite/sqlite_handle.h"

namespace regie::storage::sqlite {

// Repository implementations over one connection inside an open
// transaction. They never begin or end transactions themselves.

class SqliteTenants final : public ports::TenantRepository {
 public:
  explicit SqliteTenants(Connection& conn) : conn_(conn) {}
  StatusOr<core::Tenant> Create(const core::TenantData& data) override;
  StatusOr<core::Tenant> Get(int64_t id) override;
  StatusOr<core::Tenant> GetByCode(const std::string& code) override;
  StatusOr<std::vector<core::Tenant>> List() override;
  StatusOr<int64_t> ChangeCount(int64_t tenant_id) override;

 private:
  Connection& conn_;
};

class SqliteOrganisations final : public ports::OrganisationRepository {
 public:
  explicit SqliteOrganisations(Connection& conn) : conn_(conn) {}
  StatusOr<core::Organisation> Create(int64_t tenant_id,
                                      const core::OrganisationData& data) override;
  StatusOr<core::Organisation> Get(int64_t tenant_id, int64_t id) override;
  StatusOr<core::Organisation> GetById(int64_t id) override;
  StatusOr<std::vector<core::Organisation>> List(int64_t tenant_id) override;
  Status AddServedTenant(int64_t organisation_id, int64_t tenant_id) override;
  StatusOr<std::vector<int64_t>> ServedTenants(int64_t organisation_id) override;

 private:
  Connection& conn_;
};

class SqliteHouseholds final : public ports::HouseholdRepository {
 public:
  explicit SqliteHouseholds(Connection& conn) : conn_(conn) {}
  StatusOr<core::Household> Create(int64_t tenant_id, const core::HouseholdData& data,
                                   core::Timestamp now) override;
  StatusOr<core::Household> Get(int64_t tenant_id, int64_t id) override;
  StatusOr<core::Household> Update(int64_t tenant_id, int64_t id, int64_t expected_version,
                                   const core::HouseholdData& data, core::Timestamp now) override;
  StatusOr<core::Household> Archive(int64_t tenant_id, int64_t id, int64_t expected_version,
                                    const std::string& reason, core::Timestamp now) override;
  StatusOr<core::Household> Reopen(int64_t tenant_id, int64_t id, int64_t expected_version,
                                   core::Timestamp now) override;
  StatusOr<ports::HouseholdPage> List(const ports::HouseholdQuery& query) override;

 private:
  // Whether household `id` is one of the list rows of query.visible_to's
  // user through the relationships flagged (in household_list.cc's rank
  // order), whatever the query's filters.
  StatusOr<bool> Visible(const ports::HouseholdQuery& query, const RankFlags& relationships,
                         int64_t id);
  // InvalidArgument "validation_failed" with one invalid_reference field
  // error for a regisseur who is not a user serving the tenant and one per
  // involved organisation that does not serve it.
  Status CheckReferences(int64_t tenant_id, const core::HouseholdData& data);
  // Rewrites the household's organisation links with its tenant and
  // current name key (the partner list walks them in that order).
  Status WriteOrganisations(int64_t tenant_id, int64_t household_id, const std::string& name_key,
                            const std::vector<int64_t>& organisation_ids);
  // Loads the row for a versioned change: NotFound, household_archived or
  // version_conflict as the contract says.
  Status CheckWritable(int64_t tenant_id, int64_t id, int64_t expected_version);
  Connection& conn_;
};

class SqlitePersons final : public ports::PersonRepository {
 public:
  explicit SqlitePersons(Connection& conn) : conn_(conn) {}
  StatusOr<core::Person> Create(int64_t tenant_id, int64_t household_id,
                                const core::PersonData& data, core::Timestamp now) override;
  StatusOr<core::Person> Get(int64_t tenant_id, int64_t id) override;
  StatusOr<core::Person> Update(int64_t tenant_id, int64_t id, int64_t expected_version,
                                const core::PersonData& data, core::Timestamp now) override;
  StatusOr<std::vector<core::Person>> ListByHousehold(int64_t tenant_id,
                                                      int64_t household_id) override;
  StatusOr<std::vector<core::Person>> ListOfTenant(int64_t tenant_id, int64_t after_person_id,
                                                   int limit) override;

 private:
  // Recomputes the household's list summary (member count, the head's wijk
  // and kern, the earliest housing date) from its members, in the same
  // transaction as the member write.
  Status RefreshSummary(int64_t household_id);
  Connection& conn_;
};

}  // namespace regie::storage::sqlite
