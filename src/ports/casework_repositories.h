#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/casework/contact.h"
#include "core/casework/plan.h"
#include "core/status.h"

// Repository contract of the casework issue (contacts and cadence). Same
// conventions as ports/repositories.h: tenant-scoped, NotFound
// "<type>_not_found", no domain validation (core::ValidateContact does that
// before anything is written).
namespace regie::ports {

class ContactRepository {
 public:
  virtual ~ContactRepository() = default;

  // Stores `contact` (id assigned) with its participants and persons and
  // returns it as stored. NotFound "household_not_found" when the household
  // is not in contact.tenant_id; InvalidArgument "validation_failed" with
  // field "person_ids/<i>" ("invalid_reference") for a person that is not
  // of the household, or "recorded_by" for an unknown user; nothing is
  // written then. Contacts are append-only: there is no update or delete.
  virtual StatusOr<core::Contact> Create(const core::Contact& contact) = 0;
  // Every contact of the household, newest first (date, then id, both
  // descending); person ids ascending. A household has few contacts, so
  // no paging. NotFound "household_not_found" when not in the tenant.
  virtual StatusOr<std::vector<core::Contact>> ListByHousehold(int64_t tenant_id,
                                                               int64_t household_id) = 0;
};

// An open or running action of a household's current plan that is due, for
// the worklist, with the context its item shows.
struct DueAction {
  int64_t tenant_id = 0;
  int64_t household_id = 0;
  std::string household_name;
  int64_t plan_version = 0;
  int64_t goal_key = 0;
  int64_t person_id = 0;
  std::string domain;
  core::PlanAction action;
};

// Whose due actions: the households a user directs or guides, or the
// actions an organisation or a user answers for.
enum class DueActionScope { kRegisseur, kBegeleider, kOrganisation, kUser };

// The versioned plans of households and the client's agreements. Versions
// are immutable once stored; a save is a new full version.
class PlanRepository {
 public:
  virtual ~PlanRepository() = default;

  // The household's current plan version (0: no plan yet), for a write
  // transaction only: the plan stays locked against other saves until the
  // transaction ends, so a check of the client's base version against it
  // holds until Save. NotFound "household_not_found".
  virtual StatusOr<int64_t> LockCurrentVersion(int64_t tenant_id, int64_t household_id) = 0;
  // One version, goals and actions in their stored order; version 0 means
  // the current one (an empty plan of version 0 when there is none).
  // NotFound "household_not_found" or "plan_version_not_found".
  virtual StatusOr<core::Plan> Get(int64_t tenant_id, int64_t household_id, int64_t version) = 0;
  // Every version, newest first.
  virtual StatusOr<std::vector<core::PlanVersionInfo>> ListVersions(int64_t tenant_id,
                                                                    int64_t household_id) = 0;
  // Stores `plan` as a new version; plan.version must be the current
  // version + 1, else Conflict "plan_version_conflict" and nothing is
  // written (also when a concurrent save won). References (persons,
  // organisations, users) are the caller's check.
  virtual StatusOr<core::Plan> Save(const core::Plan& plan) = 0;
  // Appends an agreement (id assigned). NotFound "plan_version_not_found"
  // when its version does not exist.
  virtual StatusOr<core::PlanAgreement> AddAgreement(const core::PlanAgreement& agreement) = 0;
  // Every agreement of the household, newest first (id descending).
  virtual StatusOr<std::vector<core::PlanAgreement>> ListAgreements(int64_t tenant_id,
                                                                    int64_t household_id) = 0;
  // Open or running actions of current plans in the tenant due on or
  // before `due_by`, for `scope`/`id` (a user id, or an organisation id
  // for kOrganisation), by due date, then household and key; at most
  // `limit`. Served by indexes on the responsible organisation and user.
  virtual StatusOr<std::vector<DueAction>> DueActions(int64_t tenant_id, DueActionScope scope,
                                                      int64_t id, core::Date due_by, int limit) = 0;
};

}  // namespace regie::ports
