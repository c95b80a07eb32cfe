#pragma once

#include <cstdint>
#include <vector>

#include "core/date.h"
#include "core/status.h"

// Repository contract of the end of the retention period (docs/operations.md,
// `regie erase`). Archiving keeps a household's data for the municipality's
// retention period; after it, the data is erased for good, append-only
// records included. Tenant-scoped like every repository.
namespace regie::ports {

// An archived household whose retention period may have ended. Ids and the
// archive date only: choosing what to erase never needs a name.
struct ErasableHousehold {
  int64_t id = 0;
  core::Timestamp archived_at;
  int64_t persons = 0;
};

// An incoming handover package that was never accepted (rejected, or left
// pending): it holds a household's personal data that the municipality
// never took on. `at`: when it was rejected, or received if still pending.
struct ErasablePackage {
  int64_t id = 0;
  core::Timestamp at;
};

// What erasing a household removed (for the operator's report and the
// audit record).
struct ErasureCounts {
  int64_t persons = 0;
  int64_t rows = 0;  // every row removed, the household and persons included
};

// Contract: every erase is part of the caller's write transaction, so it
// happens whole or not at all, together with its audit record. The audit log
// itself is never erased: it holds ids, actions and purposes (which can
// include text staff typed, such as a search or a reason) and has a
// retention of its own.
class RetentionRepository {
 public:
  virtual ~RetentionRepository() = default;

  // Archived households of the tenant archived before `cutoff`, oldest
  // first, at most `limit`. InvalidArgument "invalid_limit" when limit < 1.
  virtual StatusOr<std::vector<ErasableHousehold>> ArchivedBefore(int64_t tenant_id,
                                                                  core::Timestamp cutoff,
                                                                  int limit) = 0;

  // Erases household `id` and everything recorded about it and its persons:
  // events, contacts, assessments, signals, plans and agreements, intakes,
  // referrals, handover packages, assignments, sharing bases and break-glass
  // records. Checked again here, in the erasing transaction, so a household
  // reopened since it was listed is left alone:
  // NotFound "household_not_found" when it is not in the tenant,
  // FailedPrecondition "not_erasable" when it is not archived before `cutoff`.
  virtual StatusOr<ErasureCounts> EraseHousehold(int64_t tenant_id, int64_t id,
                                                 core::Timestamp cutoff) = 0;

  // Incoming handover packages of the tenant rejected before `cutoff`, or
  // still pending and received before it, oldest first, at most `limit`.
  virtual StatusOr<std::vector<ErasablePackage>> UnacceptedPackagesBefore(int64_t tenant_id,
                                                                          core::Timestamp cutoff,
                                                                          int limit) = 0;

  // Erases one of those. NotFound "package_not_found" when it is not in the
  // tenant; FailedPrecondition "not_erasable" when it is not (or no longer)
  // one of them.
  virtual Status ErasePackage(int64_t tenant_id, int64_t id, core::Timestamp cutoff) = 0;
};

}  // namespace regie::ports
