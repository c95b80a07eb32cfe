#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access/policy.h"
#include "core/model.h"
#include "core/status.h"

namespace regie::ports {

// Repository contracts. Every method is scoped to a tenant: a row of another
// tenant is reported as NotFound, never revealed. Implementations do not
// validate domain rules (core does that) but do enforce referential integrity
// and optimistic concurrency, returning:
//   NotFound   reason "<type>_not_found"
//   Conflict   reason "version_conflict" when expected_version is stale,
//              "duplicate" for a unique-key clash (e.g. BSN within a tenant)
//   InvalidArgument reason "validation_failed" with field errors for a
//              reference that does not exist in the tenant (an organisation
//              not serving it: "involved_organisations/<i>"; a regisseur
//              whose organisation does not serve it: "regisseur_user_id").

class TenantRepository {
 public:
  virtual ~TenantRepository() = default;
  virtual StatusOr<core::Tenant> Create(const core::TenantData& data) = 0;
  virtual StatusOr<core::Tenant> Get(int64_t id) = 0;
  virtual StatusOr<core::Tenant> GetByCode(const std::string& code) = 0;
  virtual StatusOr<std::vector<core::Tenant>> List() = 0;
  // A counter the storage raises (by trigger) with every committed write
  // that can change the tenant's case data or who may see it: households,
  // persons, involved organisations, assignments, sharing bases,
  // break-the-glass, events, activations and casework records. Caches of
  // computed answers compare it; its value means nothing else. 0 for an
  // unknown tenant.
  virtual StatusOr<int64_t> ChangeCount(int64_t tenant_id) = 0;
};

// An organisation belongs to its home tenant and may serve further tenants
// (a regional partner). "Of the tenant" below means: serving it.
class OrganisationRepository {
 public:
  virtual ~OrganisationRepository() = default;
  virtual StatusOr<core::Organisation> Create(int64_t tenant_id,
                                              const core::OrganisationData& data) = 0;
  // NotFound "organisation_not_found" unless it serves `tenant_id`.
  virtual StatusOr<core::Organisation> Get(int64_t tenant_id, int64_t id) = 0;
  // By id alone, for the organisation of a logged-in user.
  virtual StatusOr<core::Organisation> GetById(int64_t id) = 0;
  // Every organisation serving the tenant (its own and regional ones), by name.
  virtual StatusOr<std::vector<core::Organisation>> List(int64_t tenant_id) = 0;
  // Lets a regional organisation serve one more tenant (idempotent).
  virtual Status AddServedTenant(int64_t organisation_id, int64_t tenant_id) = 0;
  // The home tenant first, then the other served tenants by id.
  virtual StatusOr<std::vector<int64_t>> ServedTenants(int64_t organisation_id) = 0;
};

// Filters of the household list. Text matches the search key (core::SearchKey)
// of the household name or any member's names as a substring. Wijk, kern and
// the housing-date range match when any member matches.
// Restricts a list to the households a user has a relationship with
// (core::DecideHousehold's relationships), for the roles the user holds.
struct ListVisibility {
  int64_t user_id = 0;
  int64_t organisation_id = 0;
  bool as_regisseur = false;     // households they direct
  bool as_begeleider = false;    // assigned as begeleider
  bool as_vrijwilliger = false;  // assigned as vrijwilliger
  bool as_partner = false;       // their organisation is involved
  bool break_glass = false;      // their active break-the-glass openings (at `now`)
  core::Timestamp now;
};

struct HouseholdQuery {
  int64_t tenant_id = 0;
  // Absent: every household of the tenant (the caller has decided that is
  // allowed, e.g. the demo loader or a break-the-glass search).
  std::optional<ListVisibility> visible_to;
  std::optional<std::string> text;
  std::optional<std::string> wijk;
  std::optional<std::string> kern;
  std::optional<core::Date> housed_from;  // inclusive
  std::optional<core::Date> housed_to;    // inclusive
  bool include_archived = false;
  int limit = 25;  // 1..200
  // Opaque keyset cursor from a previous page; the order is (name key, id),
  // so pages are stable while rows are added.
  std::optional<std::string> after;
};

struct HouseholdListItem {
  core::HouseholdSummary summary;
  // The strongest relationship of ListVisibility's user (kNone without one).
  core::Relationship relationship = core::Relationship::kNone;
};

struct HouseholdPage {
  std::vector<HouseholdListItem> items;
  std::optional<std::string> next;  // cursor for the next page, if any
  // With ListVisibility.break_glass: the first moment after `now` at which
  // one of the user's break-the-glass openings starts or ends, so the same
  // query can answer differently without any write (none: no such moment).
  std::optional<core::Timestamp> visibility_changes_at;
};

class HouseholdRepository {
 public:
  virtual ~HouseholdRepository() = default;
  virtual StatusOr<core::Household> Create(int64_t tenant_id, const core::HouseholdData& data,
                                           core::Timestamp now) = 0;
  virtual StatusOr<core::Household> Get(int64_t tenant_id, int64_t id) = 0;
  virtual StatusOr<core::Household> Update(int64_t tenant_id, int64_t id, int64_t expected_version,
                                           const core::HouseholdData& data,
                                           core::Timestamp now) = 0;
  // Archiving is a soft delete: the household leaves default lists but its
  // data stays for the retention period. FailedPrecondition
  // "already_archived" when archived before.
  virtual StatusOr<core::Household> Archive(int64_t tenant_id, int64_t id, int64_t expected_version,
                                            const std::string& reason, core::Timestamp now) = 0;
  // Undoes an archive (a mistaken one, or a handover the receiver
  // rejected): the household is active again and its archive date and
  // reason are cleared. FailedPrecondition "not_archived" when it is not
  // archived; Conflict "version_conflict" on a stale version.
  virtual StatusOr<core::Household> Reopen(int64_t tenant_id, int64_t id, int64_t expected_version,
                                           core::Timestamp now) = 0;
  // InvalidArgument "invalid_cursor" (field "after") for a cursor it did not issue.
  virtual StatusOr<HouseholdPage> List(const HouseholdQuery& query) = 0;
};

class PersonRepository {
 public:
  virtual ~PersonRepository() = default;
  // NotFound "household_not_found" when the household is not in the tenant;
  // FailedPrecondition "household_archived" when it is archived.
  virtual StatusOr<core::Person> Create(int64_t tenant_id, int64_t household_id,
                                        const core::PersonData& data, core::Timestamp now) = 0;
  virtual StatusOr<core::Person> Get(int64_t tenant_id, int64_t id) = 0;
  virtual StatusOr<core::Person> Update(int64_t tenant_id, int64_t id, int64_t expected_version,
                                        const core::PersonData& data, core::Timestamp now) = 0;
  // Members in a stable order: role, birth date, id.
  virtual StatusOr<std::vector<core::Person>> ListByHousehold(int64_t tenant_id,
                                                              int64_t household_id) = 0;
  // Keyset page over the persons of the tenant's non-archived households,
  // ordered by id, starting after `after_person_id` (0 = start), at most
  // `limit` persons; a page shorter than `limit` is the last. For bulk
  // aggregation (indicators); never for a response that names persons.
  // InvalidArgument "invalid_limit" when limit < 1.
  virtual StatusOr<std::vector<core::Person>> ListOfTenant(int64_t tenant_id,
                                                           int64_t after_person_id, int limit) = 0;
};

}  // namespace regie::ports
