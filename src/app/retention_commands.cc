// `regie erase`: erasure of archived households at the end of their
// retention period, one audited write transaction per household.
#include "app/retention_commands.h"

#include <spdlog/spdlog.h>

#include <cstdio>

#include "app/app_support.h"
#include "app/system_clock.h"
#include "core/audit/audit_record.h"

namespace regie::app {
namespace {

constexpr int kBatch = 200;
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
  return tx->Retention().RejectedPackagesBefore(tenant_id, cutoff, limit);
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
  const std::string purpose = "retention: archived before " + archived_before.ToString();
  ErasureReport report;
  // A dry run counts everything at once; a real run takes batches until
  // none is left (what it could not erase is no longer archived, so it is
  // not listed again).
  const int limit = apply ? kBatch : 1'000'000;
  for (;;) {
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::ErasableHousehold> batch,
                           ListHouseholds(db, tenant_id, cutoff, limit));
    if (!apply) {
      report.households = static_cast<int64_t>(batch.size());
      for (const ports::ErasableHousehold& h : batch) report.persons += h.persons;
      break;
    }
    int64_t erased = 0;
    for (const ports::ErasableHousehold& h : batch) {
      REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
      StatusOr<ports::ErasureCounts> counts =
          tx->Retention().EraseHousehold(tenant_id, h.id, cutoff);
      if (!counts.ok() && (counts.status().reason() == "not_erasable" ||
                           counts.status().reason() == "household_not_found")) {
        ++report.skipped;
        continue;
      }
      REGIE_RETURN_IF_ERROR(counts.status());
      REGIE_RETURN_IF_ERROR(Audit(*tx, crypto, clock, tenant_id, "household", h.id, h.id,
                                  purpose + "; " + std::to_string(counts->persons) + " persons, " +
                                      std::to_string(counts->rows) +
                                      " records (regie erase, command line)"));
      REGIE_RETURN_IF_ERROR(tx->Commit());
      ++erased;
      report.persons += counts->persons;
      report.rows += counts->rows;
    }
    report.households += erased;
    if (batch.size() < static_cast<size_t>(limit) || erased == 0) break;
  }
  for (;;) {
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::ErasablePackage> packages,
                           ListPackages(db, tenant_id, cutoff, limit));
    if (!apply) {
      report.packages = static_cast<int64_t>(packages.size());
      break;
    }
    int64_t erased = 0;
    for (const ports::ErasablePackage& p : packages) {
      REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
      Status s = tx->Retention().ErasePackage(tenant_id, p.id, cutoff);
      if (s.reason() == "not_erasable" || s.reason() == "package_not_found") {
        ++report.skipped;
        continue;
      }
      REGIE_RETURN_IF_ERROR(s);
      REGIE_RETURN_IF_ERROR(Audit(*tx, crypto, clock, tenant_id, "handover_package", p.id,
                                  std::nullopt,
                                  "retention: rejected before " + archived_before.ToString() +
                                      " (regie erase, command line)"));
      REGIE_RETURN_IF_ERROR(tx->Commit());
      ++erased;
    }
    report.packages += erased;
    if (packages.size() < static_cast<size_t>(limit) || erased == 0) break;
  }
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
  if (options.apply) {
    std::printf(
        "Gewist / erased: %lld huishoudens / households (%lld personen / persons, %lld "
        "records), %lld afgewezen overdrachtspakketten / rejected handover packages; "
        "overgeslagen / skipped: %lld\n",
        static_cast<long long>(report->households), static_cast<long long>(report->persons),
        static_cast<long long>(report->rows), static_cast<long long>(report->packages),
        static_cast<long long>(report->skipped));
  } else {
    std::printf(
        "Proefdraai / dry run: %lld huishoudens / households (%lld personen / persons) en %lld "
        "afgewezen overdrachtspakketten / rejected handover packages zouden worden gewist / "
        "would be erased. Voeg --apply toe om te wissen / add --apply to erase.\n",
        static_cast<long long>(report->households), static_cast<long long>(report->persons),
        static_cast<long long>(report->packages));
  }
  return 0;
}

}  // namespace regie::app
