#include "storage/postgres/postgres_database.h"

#include <condition_variable>
#include <mutex>
#include <vector>

#include "storage/postgres/migrations.h"
#include "storage/postgres/pg_handle.h"
#include "storage/postgres/postgres_access_repositories.h"
#include "storage/postgres/postgres_assessment_repository.h"
#include "storage/postgres/postgres_contact_repository.h"
#include "storage/postgres/postgres_handover_repository.h"
#include "storage/postgres/postgres_intake_repository.h"
#include "storage/postgres/postgres_plan_repository.h"
#include "storage/postgres/postgres_policy_repository.h"
#include "storage/postgres/postgres_referral_repository.h"
#include "storage/postgres/postgres_region_repository.h"
#include "storage/postgres/postgres_report_repository.h"
#include "storage/postgres/postgres_repositories.h"
#include "storage/postgres/postgres_retention_repository.h"
#include "storage/postgres/postgres_signal_repository.h"

namespace regie::storage::postgres {
namespace {

// First key of the advisory lock that serialises migrations; the second is
// a hash of the schema, so tests migrating separate schemas do not queue.
constexpr int kMigrationLockClass = 0x52454749;  // "REGI"

// Hands out connections, opening them lazily up to `size`. Waiters block for
// at most the acquire timeout (then Unavailable). A connection comes back
// only when it is healthy and outside any transaction; otherwise it is
// closed and its slot freed for a fresh one.
class Pool {
 public:
  explicit Pool(const Options& options)
      : conninfo_(options.conninfo),
        schema_(options.schema),
        size_(options.pool_size),
        timeout_(options.acquire_timeout) {}

  int size() const { return size_; }

  StatusOr<std::unique_ptr<Connection>> Acquire() {
    std::unique_lock lock(mu_);
    if (!cv_.wait_for(lock, timeout_, [&] { return !idle_.empty() || open_ < size_; }))
      return Unavailable("no PostgreSQL connection became free in time");
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return conn;
    }
    ++open_;
    lock.unlock();
    // Connecting may take a while; other threads keep using the pool.
    auto conn = Connection::Open(conninfo_, schema_, timeout_.count());
    if (!conn.ok()) Forget();
    return conn;
  }

  void Release(std::unique_ptr<Connection> conn) {
    if (!conn->healthy() || !conn->idle()) {
      conn.reset();  // closes the session outside the lock
      Forget();
      return;
    }
    std::lock_guard lock(mu_);
    idle_.push_back(std::move(conn));
    cv_.notify_one();
  }

 private:
  void Forget() {
    std::lock_guard lock(mu_);
    --open_;
    cv_.notify_one();
  }

  std::string conninfo_;
  std::string schema_;
  int size_;
  std::chrono::milliseconds timeout_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;
};

class PgTransaction final : public ports::Transaction {
 public:
  PgTransaction(Pool& pool, std::unique_ptr<Connection> conn)
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

  PgTransaction(const PgTransaction&) = delete;
  PgTransaction& operator=(const PgTransaction&) = delete;

  ~PgTransaction() override {
    if (!finished_) (void)conn_->ExecScript("ROLLBACK");
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
    StatusOr<Result> r = conn_->ExecScript("COMMIT");
    if (!r.ok()) {
      (void)conn_->ExecScript("ROLLBACK");
      return r.status();
    }
    // After an error PostgreSQL keeps the transaction only to roll it back,
    // and COMMIT answers ROLLBACK: report that nothing was written.
    if (r->command() == "ROLLBACK")
      return Internal("transaction failed earlier and was rolled back; nothing was written");
    return Status::Ok();
  }

 private:
  Pool& pool_;
  std::unique_ptr<Connection> conn_;
  PgTenants tenants_;
  PgOrganisations organisations_;
  PgHouseholds households_;
  PgPersons persons_;
  PgUsers users_;
  PgSessions sessions_;
  PgThrottles throttles_;
  PgAccess access_;
  PgAudit audit_;
  PgPolicy policy_;
  PgContacts contacts_;
  PgAssessments assessments_;
  PgSignals signals_;
  PgPlans plans_;
  PgHandovers handovers_;
  PgIntakes intakes_;
  PgReferrals referrals_;
  PgReports reports_;
  PgRegions regions_;
  PgRetention retention_;
  bool finished_ = false;
};

class PgDatabase final : public ports::Database {
 public:
  explicit PgDatabase(const Options& options) : pool_(options), schema_(options.schema) {}

  // Opens the first connection (so a bad URL or a down server fails at
  // start-up) and creates the schema, if one is set.
  Status Start() {
    REGIE_ASSIGN_OR_RETURN(auto conn, pool_.Acquire());
    Status s = Status::Ok();
    if (!schema_.empty()) {
      StatusOr<std::string> quoted = conn->QuoteIdentifier(schema_);
      s = quoted.status();
      if (s.ok()) s = conn->ExecScript("CREATE SCHEMA IF NOT EXISTS " + *quoted).status();
      // Another process creating it at the same moment is not a failure.
      if (s.code() == StatusCode::kConflict) s = Status::Ok();
    }
    pool_.Release(std::move(conn));
    return s;
  }

  StatusOr<std::unique_ptr<ports::Transaction>> Begin(ports::TxMode mode) override {
    // READ COMMITTED writers with row and advisory locks (see
    // postgres_repositories.h): a statement after a lock wait sees what the
    // holder committed. Named, not left to the server's
    // default_transaction_isolation, which a DBA may have raised.
    // Readers get one snapshot for the whole transaction, as on SQLite.
    const std::string begin = mode == ports::TxMode::kWrite
                                  ? "BEGIN ISOLATION LEVEL READ COMMITTED"
                                  : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
    for (int attempt = 0;; ++attempt) {
      REGIE_ASSIGN_OR_RETURN(auto conn, pool_.Acquire());
      StatusOr<Result> r = conn->ExecScript(begin);
      if (r.ok())
        return std::unique_ptr<ports::Transaction>(
            std::make_unique<PgTransaction>(pool_, std::move(conn)));
      const bool broken = !conn->healthy();
      pool_.Release(std::move(conn));
      // A pooled session the server ended (restart, idle timeout) fails on
      // its first statement. Nothing has happened yet, so another one may
      // try; at most every pooled connection plus one fresh one.
      if (!broken || attempt >= pool_.size()) return r.status();
    }
  }

  Status Migrate() override { return MigrateTo(Migrations().back().version); }

  Status MigrateTo(int version) {
    REGIE_ASSIGN_OR_RETURN(auto conn, pool_.Acquire());
    Status s = Status::Ok();
    for (const Migration& m : Migrations()) {
      if (m.version > version) break;
      s = MigrateStep(*conn, m);
      if (!s.ok()) {
        (void)conn->ExecScript("ROLLBACK");
        break;
      }
    }
    pool_.Release(std::move(conn));
    return s;
  }

  StatusOr<int> SchemaVersion() override {
    REGIE_ASSIGN_OR_RETURN(auto conn, pool_.Acquire());
    StatusOr<int> v = VersionOn(*conn);
    pool_.Release(std::move(conn));
    return v;
  }

  std::string_view Backend() const override { return "postgresql"; }

 private:
  static StatusOr<int> VersionOn(Connection& conn) {
    REGIE_ASSIGN_OR_RETURN(Result exists,
                           conn.Exec("SELECT to_regclass('schema_migrations') IS NOT NULL"));
    if (!exists.Bool(0, 0)) return 0;
    REGIE_ASSIGN_OR_RETURN(Result max,
                           conn.Exec("SELECT coalesce(max(version), 0) FROM schema_migrations"));
    return static_cast<int>(max.Int(0, 0));
  }

  // One migration in its own transaction. The advisory lock (held to
  // commit) lets two processes migrate at once: the second waits, re-reads
  // the version and skips what the first applied.
  static Status MigrateStep(Connection& conn, const Migration& m) {
    REGIE_RETURN_IF_ERROR(conn.ExecScript("BEGIN").status());
    // A long migration elsewhere is worth waiting for, unlike a row lock.
    REGIE_RETURN_IF_ERROR(conn.ExecScript("SET LOCAL lock_timeout = 0").status());
    REGIE_RETURN_IF_ERROR(conn.Exec("SELECT pg_advisory_xact_lock($1::integer, "
                                    "hashtext(coalesce(current_schema(), '')))",
                                    Params().Add(int64_t{kMigrationLockClass}))
                              .status());
    REGIE_RETURN_IF_ERROR(conn.ExecScript("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                          "version integer PRIMARY KEY, name text NOT NULL, "
                                          "applied_at bigint NOT NULL)")
                              .status());
    REGIE_ASSIGN_OR_RETURN(int current, VersionOn(conn));
    if (current < m.version) {
      REGIE_RETURN_IF_ERROR(conn.ExecScript(std::string(m.sql)).status());
      REGIE_RETURN_IF_ERROR(
          conn.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES "
                    "($1, $2, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)",
                    Params().Add(int64_t{m.version}).Add(m.name))
              .status());
    }
    StatusOr<Result> commit = conn.ExecScript("COMMIT");
    REGIE_RETURN_IF_ERROR(commit.status());
    if (commit->command() == "ROLLBACK") return Internal("migration was rolled back");
    return Status::Ok();
  }

  Pool pool_;
  std::string schema_;
};

}  // namespace

Status MigrateTo(ports::Database& db, int version) {
  auto* pg = dynamic_cast<PgDatabase*>(&db);
  if (pg == nullptr) return InvalidArgument("wrong_backend", "not a PostgreSQL database");
  return pg->MigrateTo(version);
}

StatusOr<std::unique_ptr<ports::Database>> Open(const Options& options) {
  if (options.pool_size < 1) return InvalidArgument("bad_pool_size", "pool size must be >= 1");
  char* error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(options.conninfo.c_str(), &error);
  if (parsed == nullptr) {
    std::string why = error != nullptr ? error : "cannot parse it";
    PQfreemem(error);
    while (!why.empty() && why.back() == '\n') why.pop_back();
    return InvalidArgument("bad_database_url", "invalid PostgreSQL connection string: " + why);
  }
  PQconninfoFree(parsed);
  auto db = std::make_unique<PgDatabase>(options);
  REGIE_RETURN_IF_ERROR(db->Start());
  return std::unique_ptr<ports::Database>(std::move(db));
}

}  // namespace regie::storage::postgres
