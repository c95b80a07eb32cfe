#pragma once

#include <cstdint>
#include <vector>

#include "core/casework/contact.h"
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

}  // namespace regie::ports
