#include "storage/sqlite/sqlite_database.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "storage/sqlite/migrations.h"
#include "storage/sqlite/sqlite_access_repositories.h"
#include "storage/sqlite/sqlite_assessment_repository.h"
#include "storage/sqlite/sqlite_contact_repository.h"
#include "storage/sqlite/sqlite_handle.h"
#include "storage/sqlite/sqlite_handover_repository.h"
#include "storage/sqlite/sqlite_intake_repository.h"
#include "storage/sqlite/sqlite_plan_repository.h"
#include "storage/sqlite/sqlite_policy_repository.h"
#include "storage/sqlite/sqlite_referral_repository.h"
#include "storage/sqlite/sqlite_region_repository.h"
#include "storage/sqlite/sqlite_report_repository.h"
#include "storage/sqlite/sqlite_repositories.h"
#include "storage/sqlite/sqlite_retention_repository.h"
#include "storage/sqlite/sqlite_signal_repository.h"

namespace regie::storage::sqlite {
namespace {

// Hands out connections, opening them lazily up to `size`. Waiters block on
// a condition variable for at most the busy timeout (then Unavailable);
// SQLite's busy timeout handles the writer lock.
class Pool {
 public:
  Pool(std::string path, int size, int busy_timeout_ms)
      : path_(std::move(path)), size_(size), busy_timeout_ms_(busy_timeout_ms) {}

  StatusOr<std::unique_ptr<Connection>> Acquire() {
    std::unique_lock lock(mu_);
    if (!cv_.wait_for(lock, std::chrono::milliseconds(busy_timeout_ms_),
                      [&] { return !idle_.empty() || open_ < size_; }))
      return Unavailable("no SQLite connection became free in time");
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return conn;
    }
    ++open_;
    lock.unlock();
    auto conn = Connection::Open(path_, busy_timeout_ms_);
    if (!conn.ok()) {
      std::lock_guard relock(mu_);
      --open_;
      cv_.notify_one();
    }
    return conn;
  }

  void Release(std::unique_ptr<Connection> conn) {
    std::lock_guard lock(mu_);
    idle_.push_back(std::move(conn));
    cv_.notify_one();
  }

 private:
  std::string path_;
  int size_;
  int busy_timeout_ms_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;
};

class SqliteTransaction final : public ports::Transaction {
 public:
  SqliteTransaction(Pool& pool, std::unique_ptr<Connection> conn)
      : pool_(pool),
        conn_(std::move(conn)),
        tenants_(*conn_),
        organisations_(*conn_),
        households_(*conn_),
        persons_(*conn_),
        users_(*conn_),
        sessions_(*conn_),
        throttles_(*conn_),
        access_(*conn_),
        audit_(*conn_),
        policy_(*conn_),
        contacts_(*conn_),
        assessments_(*conn_),
        signals_(*conn_),
        plans_(*conn_),
        handovers_(*conn_),
        intakes_(*conn_),
        referrals_(*conn_),
        reports_(*conn_),
        regions_(*conn_),
        retention_(*conn_) {}

  ~SqliteTransaction() override {
    if (!finished_) (void)conn_->Run("ROLLBACK");
    pool_.Release(std::move(conn_));
  }

  ports::TenantRepository& Tenants() override { return tenants_; }
  ports::OrganisationRepository& Organisations() override { return organisations_; }
  ports::HouseholdRepository& Households() override { return households_; }
  ports::PersonRepository& Persons() override { return persons_; }
  ports::UserRepository& Users() override { return users_; }
  ports::SessionRepository& Sessions() override { return sessions_; }
  ports::ThrottleRepository& Throttles() override { return throttles_; }
  ports::AccessRepository& Access() override { return access_; }
  ports::AuditRepository& Audit() override { return audit_; }
  ports::PolicyRepository& Policy() override { return policy_; }
  ports::ContactRepository& Contacts() override { return contacts_; }
  ports::AssessmentRepository& Assessments() override { return assessments_; }
  ports::SignalRepository& Signals() override { return signals_; }
  ports::PlanRepository& Plans() override { return plans_; }
  ports::HandoverRepository& Handovers() override { return handovers_; }
  ports::IntakeRepository& Intakes() override { return intakes_; }
  ports::ReferralRepository& Referrals() override { return referrals_; }
  ports::ReportRepository& Reports() override { return reports_; }
  ports::RegionRepository& Regions() override { return regions_; }
  ports::RetentionRepository& Retention() override { return retention_; }

  Status Commit() override {
    finished_ = true;
    if (retention_.grant_held()) {  // an erase failed half-way: never commit its grant
      (void)conn_->Run("ROLLBACK");
      return Internal("an erasure failed in this transaction; it was rolled back");
    }
    Status s = conn_->Run("COMMIT");
    if (!s.ok()) (void)conn_->Run("ROLLBACK");
    return s;
  }

 private:
  Pool& pool_;
  std::unique_ptr<Connection> conn_;
  SqliteTenants tenants_;
  SqliteOrganisations organisations_;
  SqliteHouseholds households_;
  SqlitePersons persons_;
  SqliteUsers users_;
  SqliteSessions sessions_;
  SqliteThrottles throttles_;
  SqliteAccess access_;
  SqliteAudit audit_;
  SqlitePolicy policy_;
  SqliteContacts contacts_;
  SqliteAssessments assessments_;
  SqliteSignals signals_;
  SqlitePlans plans_;
  SqliteHandovers handovers_;
  SqliteIntakes intakes_;
  SqliteReferrals referrals_;
  SqliteReports reports_;
  SqliteRegions regions_;
  SqliteRetention retention_;
  bool finished_ = false;
};

class SqliteDatabase final : public ports::Database {
 public:
  explicit SqliteDatabase(const Options& options)
      : pool_(options.path, options.pool_size, static_cast<int>(options.busy_timeout.count())) {}

  StatusOr<std::unique_ptr<ports::Transaction>> Begin(ports::TxMode mode) override {
    REGIE_ASSIGN_OR_RETURN(auto conn, pool_.Acquire());
    // IMMEDIATE takes the write lock up front, so a writer never fails
    // half-way on a lock upgrade; readers see a WAL snapshot.
    Status s = conn->Run(mode == ports::TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
    if (!s.ok()) {
      pool_.Release(std::move(conn));
      return s;
    }
    return std::unique_ptr<ports::Transaction>(
        std::make_unique<SqliteTransaction>(pool_, std::move(conn)));
  }

  Status Migrate() override { return MigrateTo(Migrations().back().version); }

  Status MigrateTo(int version) {
    REGIE_ASSIGN_OR_RETURN(auto conn, pool_.Acquire());
    Status s = MigrateOn(*conn, version);
    pool_.Release(std::move(conn));
    return s;
  }

  StatusOr<int> SchemaVersion() override {
    REGIE_ASSIGN_OR_RETURN(auto conn, pool_.Acquire());
    StatusOr<int> v = VersionOn(*conn);
    pool_.Release(std::move(conn));
    return v;
  }

  std::string_view Backend() const override { return "sqlite"; }

 private:
  static StatusOr<int> VersionOn(Connection& conn) {
    REGIE_ASSIGN_OR_RETURN(Stmt exists,
                           conn.Prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                        "AND name = 'schema_migrations'"));
    if (!exists.Step()) return exists.status().ok() ? Internal("no row") : exists.status();
    if (exists.Int(0) == 0) return 0;
    REGIE_ASSIGN_OR_RETURN(Stmt max,
                           conn.Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations"));
    if (!max.Step()) return max.status();
    return static_cast<int>(max.Int(0));
  }

  static Status MigrateOn(Connection& conn, int target) {
    REGIE_RETURN_IF_ERROR(conn.Exec("BEGIN IMMEDIATE"));
    Status s = conn.Exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
    if (s.ok()) s = conn.Exec("COMMIT");
    if (!s.ok()) {
      (void)conn.Exec("ROLLBACK");
      return s;
    }
    for (const Migration& m : Migrations()) {
      if (m.version > target) break;
      // Each step re-reads the version inside its own write transaction, so
      // two processes migrating at once apply every step exactly once.
      REGIE_RETURN_IF_ERROR(conn.Exec("BEGIN IMMEDIATE"));
      StatusOr<int> current = VersionOn(conn);
      Status step = current.status();
      if (step.ok() && *current < m.version) {
        step = conn.Exec(std::string(m.sql).c_str());
        if (step.ok()) {
          auto ins = conn.Prepare(
              "INSERT INTO schema_migrations (version, name, applied_at) "
              "VALUES (?1, ?2, CAST((julianday('now') - 2440587.5) * 86400000000.0 AS INTEGER))");
          step = ins.status();
          if (step.ok()) step = ins->Bind(1, int64_t{m.version}).Bind(2, m.name).Exec();
        }
      }
      if (step.ok()) step = conn.Exec("COMMIT");
      if (!step.ok()) {
        (void)conn.Exec("ROLLBACK");
        return step;
      }
    }
    return Status::Ok();
  }

  Pool pool_;
};

}  // namespace

Status MigrateTo(ports::Database& db, int version) {
  auto* sqlite = dynamic_cast<SqliteDatabase*>(&db);
  if (sqlite == nullptr) return InvalidArgument("wrong_backend", "not a SQLite database");
  return sqlite->MigrateTo(version);
}

StatusOr<std::unique_ptr<ports::Database>> Open(const Options& options) {
  if (options.path.empty() || options.path == ":memory:")
    return InvalidArgument("bad_database_path", "a SQLite database needs a file path");
  if (options.pool_size < 1) return InvalidArgument("bad_pool_size", "pool size must be >= 1");
  auto db = std::make_unique<SqliteDatabase>(options);
  // Open one connection now so a bad path fails at start-up, not on the
  // first request.
  REGIE_RETURN_IF_ERROR(db->SchemaVersion().status());
  return std::unique_ptr<ports::Database>(std::move(db));
}

}  // namespace regie::storage::sqlite
