#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "ports/access_repositories.h"
#include "ports/casework_repositories.h"
#include "ports/handover_repositories.h"
#include "ports/policy_repositories.h"
#include "ports/region_repositories.h"
#include "ports/report_repositories.h"
#include "ports/repositories.h"
#include "ports/retention_repository.h"

namespace regie::ports {

enum class TxMode {
  kRead,   // consistent snapshot, no writes
  kWrite,  // serialised with other writers
};

// One unit of work. All repositories obtained from it act inside the same
// database transaction. Destroying a Transaction that was not committed rolls
// it back, so an early return on error changes nothing. Not thread-safe: one
// Transaction belongs to one request.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual TenantRepository& Tenants() = 0;
  virtual OrganisationRepository& Organisations() = 0;
  virtual HouseholdRepository& Households() = 0;
  virtual PersonRepository& Persons() = 0;
  virtual UserRepository& Users() = 0;
  virtual SessionRepository& Sessions() = 0;
  virtual ThrottleRepository& Throttles() = 0;
  virtual AccessRepository& Access() = 0;
  virtual AuditRepository& Audit() = 0;
  virtual PolicyRepository& Policy() = 0;
  virtual ContactRepository& Contacts() = 0;
  virtual AssessmentRepository& Assessments() = 0;
  virtual SignalRepository& Signals() = 0;
  virtual PlanRepository& Plans() = 0;
  virtual HandoverRepository& Handovers() = 0;
  virtual IntakeRepository& Intakes() = 0;
  virtual ReferralRepository& Referrals() = 0;
  virtual ReportRepository& Reports() = 0;
  virtual RegionRepository& Regions() = 0;
  virtual RetentionRepository& Retention() = 0;
  // After Commit (OK or not) the transaction is finished; further use is a
  // programmer error.
  virtual Status Commit() = 0;
};

// A storage backend. Thread-safe: Begin may be called from any thread; the
// implementation pools connections.
class Database {
 public:
  virtual ~Database() = default;
  // Unavailable when no connection frees up within the backend's wait limit.
  virtual StatusOr<std::unique_ptr<Transaction>> Begin(TxMode mode) = 0;
  // Applies pending forward-only migrations, each in its own transaction,
  // and records them in schema_migrations.
  virtual Status Migrate() = 0;
  // Highest applied migration version (0 for an empty database).
  virtual StatusOr<int> SchemaVersion() = 0;
  virtual std::string_view Backend() const = 0;  // "sqlite" or "postgresql"
};

}  // namespace regie::ports
