// `regie erase`: erasure of archived households at the end of their
// retention period, one audited write transaction per household.
#include "app/retention_commands.h"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <set>

#include "app/app_support.h"
#include "app/system_clock.h"
#include "core/audit/audit_record.h"
#include "storage/sqlite/backup.h"

namespace regie::app {
namespace {

constexpr int kBatch = 200;
constexpr int kDryRunLimit = 1'000'000;
constexpr int64_t kMicrosPerDay = 86'400'000'000;

core::Timestamp StartOf(core::Date day) { return {int64_t{day.days()} * kMicrosPerDay}; }

// Appends the audit record of one erasure to the transaction that erases.
Status Audit(ports::Transaction& tx, ports::Crypto& crypto, const ports::Clock& clock,
             int64_t tenant_id, std::string resource_type, int64_t id,
             std::optional<int64_t> household_id, std::string purpose) {
  core::AuditRecord r;
  r.at = clock.Now();
  r.tenant_id = tenant_id;
  r.action = "erase";
  r.resource_type = std::move(resource_type);
  r.resource_id = std::to_string(id);
  r.household_id = household_id;
  r.outcome = "allowed";
  r.purpose = std::move(purpose);
  auto digest = [&crypto](std::string_view d) { return crypto.Digest(d); };
  return tx.Audit().Append(r, digest).status();
}

// Listing runs in a read transaction of its own, so it never holds the
// write lock that the erasures take one at a time.
StatusOr<std::vector<ports::ErasableHousehold>> ListHouseholds(ports::Database& db,
                                                               int64_t tenant_id,
                                                               core::Timestamp cutoff, int limit) {
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kRead));
  return tx->Retention().ArchivedBefore(tenant_id, cutoff, limit);
}

StatusOr<std::vector<ports::ErasablePackage>> ListPackages(ports::Database& db, int64_t tenant_id,
                                                           core::Timestamp cutoff, int limit) {
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kRead));
  return tx->Retention().UnacceptedPackagesBefore(tenant_id, cutoff, limit);
}

// No longer erasable since it was listed: reopened, or gone already.
bool Skippable(const Status& s) {
  return s.reason() == "not_erasable" || s.reason() == "household_not_found" ||
         s.reason() == "package_not_found";
}

// Erases what `list` gives, batch after batch, each item in a write
// transaction of its own with its audit record (`erase`), then `erased`.
// What is no longer erasable (reopened, or erased by a concurrent run) is
// skipped; what fails is rolled back, logged, counted and not tried again
// in this run, so one bad item never holds up the others. Skipped items
// are not listed again; failed ones are, so a batch holding only those
// ends it. Only listing can fail the whole run.
template <typename Item, typename List, typename Erase, typename Erased>
Status EraseEach(List&& list, Erase&& erase, Erased&& erased, ports::Database& db, const char* what,
                 ErasureReport& report) {
  std::set<int64_t> failed;
  for (;;) {
    REGIE_ASSIGN_OR_RETURN(std::vector<Item> batch, list());
    bool progressed = false;
    for (const Item& item : batch) {
      if (failed.contains(item.id)) continue;
      progressed = true;
      Status s = [&]() -> Status {
        REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
        REGIE_RETURN_IF_ERROR(erase(*tx, item));
        return tx->Commit();
      }();
      if (s.ok()) {
        erased();
      } else if (Skippable(s)) {
        ++report.skipped;
      } else {
        failed.insert(item.id);
        ++report.failed;
        spdlog::error("event=erase_failed {}={} error=\"{}\"", what, item.id, s.ToString());
      }
    }
    if (batch.size() < static_cast<size_t>(kBatch) || !progressed) return Status::Ok();
  }
}

}  // namespace

StatusOr<ErasureReport> EraseArchived(ports::Database& db, ports::Crypto& crypto,
                                      const ports::Clock& clock, const std::string& tenant_code,
                                      core::Date archived_before, bool apply) {
  if (archived_before > clock.Now().ToDate())
    return InvalidArgument("invalid_cutoff", "the date must not be after today");
  const core::Timestamp cutoff = StartOf(archived_before);
  int64_t tenant_id = 0;
  {
    REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(core::Tenant tenant, tx->Tenants().GetByCode(tenant_code));
    tenant_id = tenant.id;
  }
  const std::string date = archived_before.ToString();
  ErasureReport report;
  ports::ErasureCounts pending;  // the household being erased
  if (!apply) {
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::ErasableHousehold> all,
                           ListHouseholds(db, tenant_id, cutoff, kDryRunLimit));
    report.households = static_cast<int64_t>(all.size());
    for (const ports::ErasableHousehold& h : all) report.persons += h.persons;
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::ErasablePackage> packages,
                           ListPackages(db, tenant_id, cutoff, kDryRunLimit));
    report.packages = static_cast<int64_t>(packages.size());
    return report;
  }
  Status households = EraseEach<ports::ErasableHousehold>(
      [&] { return ListHouseholds(db, tenant_id, cutoff, kBatch); },
      [&](ports::Transaction& tx, const ports::ErasableHousehold& h) -> Status {
        REGIE_ASSIGN_OR_RETURN(ports::ErasureCounts c,
                               tx.Retention().EraseHousehold(tenant_id, h.id, cutoff));
        REGIE_RETURN_IF_ERROR(Audit(
            tx, crypto, clock, tenant_id, "household", h.id, h.id,
            "retention: archived before " + date + "; " + std::to_string(c.persons) + " persons, " +
                std::to_string(c.rows) + " records (regie erase, command line)"));
        // Counted only once committed: EraseEach rolls back on failure.
        pending = c;
        return Status::Ok();
      },
      [&] {
        ++report.households;
        report.persons += pending.persons;
        report.rows += pending.rows;
      },
      db, "household", report);
  REGIE_RETURN_IF_ERROR(households);
  Status packages = EraseEach<ports::ErasablePackage>(
      [&] { return ListPackages(db, tenant_id, cutoff, kBatch); },
      [&](ports::Transaction& tx, const ports::ErasablePackage& p) -> Status {
        REGIE_RETURN_IF_ERROR(tx.Retention().ErasePackage(tenant_id, p.id, cutoff));
        return Audit(tx, crypto, clock, tenant_id, "handover", p.id, std::nullopt,
                     "retention: incoming package not accepted, before " + date +
                         " (regie erase, command line)");
      },
      [&] { ++report.packages; }, db, "handover", report);
  REGIE_RETURN_IF_ERROR(packages);
  return report;
}

int RunErase(const EraseOptions& options) {
  std::optional<core::Date> before = core::Date::Parse(options.archived_before);
  if (!before) {
    spdlog::error("event=refused reason=\"--archived-before is not a date (YYYY-MM-DD)\"");
    return 2;
  }
  std::unique_ptr<ports::Database> db = OpenMigrated(options.db_url, 2);
  if (!db) return 1;
  std::unique_ptr<ports::Crypto> crypto = OpenCrypto(options.key_file);
  if (!crypto) return 1;
  SystemClock clock;
  StatusOr<ErasureReport> report =
      EraseArchived(*db, *crypto, clock, options.tenant, *before, options.apply);
  if (!report.ok()) {
    spdlog::error("event=failed error=\"{}\"", report.status().ToString());
    return report.status().reason() == "invalid_cutoff" ? 2 : 1;
  }
  if (!options.apply) {
    std::printf(
        "Proefdraai / dry run: %lld huishoudens / households (%lld personen / persons) en / and "
        "%lld niet geaccepteerde overdrachtspakketten / unaccepted handover packages zouden "
        "worden gewist / would be erased. Voeg --apply toe om te wissen / add --apply to "
        "erase.\n",
        static_cast<long long>(report->households), static_cast<long long>(report->persons),
        static_cast<long long>(report->packages));
    return 0;
  }
  std::printf(
      "Gewist / erased: %lld huishoudens / households (%lld personen / persons, %lld records), "
      "%lld niet geaccepteerde overdrachtspakketten / unaccepted handover packages; "
      "overgeslagen / skipped: %lld; mislukt / failed: %lld\n",
      static_cast<long long>(report->households), static_cast<long long>(report->persons),
      static_cast<long long>(report->rows), static_cast<long long>(report->packages),
      static_cast<long long>(report->skipped), static_cast<long long>(report->failed));
  // Deleted content is overwritten in the pages (PRAGMA secure_delete); the
  // write-ahead log still holds the pages as they were until it is emptied.
  constexpr std::string_view kSqlite = "sqlite:";
  if (report->households + report->packages > 0 && options.db_url.starts_with(kSqlite)) {
    db.reset();
    Status checkpoint = storage::sqlite::CheckpointTruncate(options.db_url.substr(kSqlite.size()));
    if (!checkpoint.ok())
      spdlog::warn(
          "event=checkpoint_incomplete error=\"{}\" note=\"the write-ahead log still holds "
          "erased pages until the next checkpoint\"",
          checkpoint.ToString());
  }
  if (report->failed > 0) return 1;
  return 0;
}

}  // namespace regie::app
