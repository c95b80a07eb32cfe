// `regie handover ...`: the instance's signing key, trusted sender keys, and
// export and import of handover packages from the command line
// (docs/handover.md). The same steps as the HTTP routes
// (http/handover_service.h), each in one transaction with its audit record.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include "app/app_support.h"
#include "app/commands.h"
#include "app/system_clock.h"
#include "http/handover_service.h"
#include "http/policy_registry.h"

namespace regie::app {
namespace {

int Fail(const Status& s) {
  spdlog::error("event=failed error=\"{}\"", s.ToString());
  return 1;
}

// An audit record of the command line (no user unless one is named).
Status Audit(ports::Transaction& tx, ports::Crypto& crypto, const ports::Clock& clock,
             core::AuditRecord r) {
  r.at = clock.Now();
  r.outcome = "allowed";
  auto digest = [&crypto](std::string_view d) { return crypto.Digest(d); };
  return tx.Audit().Append(r, digest).status();
}

}  // namespace

int RunHandoverKey(const HandoverOptions& options) {
  std::unique_ptr<ports::Database> db = OpenMigrated(options.db_url, 1);
  if (!db) return 1;
  std::unique_ptr<ports::Crypto> crypto = OpenCrypto(options.key_file);
  if (!crypto) return 1;
  SystemClock clock;
  auto tx = db->Begin(ports::TxMode::kWrite);
  if (!tx.ok()) return Fail(tx.status());
  StatusOr<http::handover::SignerKey> key = http::handover::InstanceKey(**tx, *crypto, clock.Now());
  if (!key.ok()) return Fail(key.status());
  Status committed = (*tx)->Commit();
  if (!committed.ok()) return Fail(committed);
  std::printf("key_id %s\npublic_key %s\n", key->key_id.c_str(), key->public_key.c_str());
  return 0;
}

int RunHandoverTrust(const HandoverOptions& options) {
  std::unique_ptr<ports::Database> db = OpenMigrated(options.db_url, 1);
  if (!db) return 1;
  std::unique_ptr<ports::Crypto> crypto = OpenCrypto(options.key_file);
  if (!crypto) return 1;
  std::optional<std::vector<uint8_t>> raw = crypto->FromBase64(options.key);
  if (!raw || raw->size() != 32) {
    spdlog::error("event=refused reason=\"--key must be a base64 Ed25519 public key (32 bytes)\"");
    return 2;
  }
  if (options.name.empty()) {
    spdlog::error("event=refused reason=\"--name is required\"");
    return 2;
  }
  SystemClock clock;
  auto tx = db->Begin(ports::TxMode::kWrite);
  if (!tx.ok()) return Fail(tx.status());
  StatusOr<core::Tenant> tenant = (*tx)->Tenants().GetByCode(options.tenant);
  if (!tenant.ok()) return Fail(tenant.status());
  ports::TrustedKey key{.tenant_id = tenant->id,
                        .key_id = http::handover::KeyId(*crypto, *raw),
                        .name = options.name,
                        .public_key = options.key,
                        .added_at = clock.Now()};
  StatusOr<ports::TrustedKey> added = (*tx)->Handovers().AddTrustedKey(key);
  if (!added.ok()) return Fail(added.status());
  core::AuditRecord r;
  r.tenant_id = tenant->id;
  r.action = "create";
  r.resource_type = "handover_trusted_key";
  r.resource_id = added->key_id;
  r.purpose = "regie handover trust (command line): " + options.name;
  if (Status s = Audit(**tx, *crypto, clock, r); !s.ok()) return Fail(s);
  if (Status s = (*tx)->Commit(); !s.ok()) return Fail(s);
  std::printf("Vertrouwd / trusted: %s (%s) voor %s\n", added->name.c_str(), added->key_id.c_str(),
              tenant->data.code.c_str());
  return 0;
}

int RunHandoverExport(const HandoverOptions& options) {
  std::unique_ptr<ports::Database> db = OpenMigrated(options.db_url, 1);
  if (!db) return 1;
  std::unique_ptr<ports::Crypto> crypto = OpenCrypto(options.key_file);
  if (!crypto) return 1;
  SystemClock clock;
  auto tx = db->Begin(ports::TxMode::kWrite);
  if (!tx.ok()) return Fail(tx.status());
  StatusOr<core::Tenant> tenant = (*tx)->Tenants().GetByCode(options.tenant);
  if (!tenant.ok()) return Fail(tenant.status());
  StatusOr<core::Household> household = (*tx)->Households().Get(tenant->id, options.household_id);
  if (!household.ok()) return Fail(household.status());
  // Only the household's regisseur hands it over, here as in the API.
  StatusOr<ports::User> user = (*tx)->Users().GetByUsername(options.as_user);
  if (!user.ok()) return Fail(user.status());
  if (user->id != household->data.regisseur_user_id) {
    spdlog::error("event=refused reason=\"only the household's regisseur exports it\"");
    return 1;
  }
  StatusOr<http::handover::Exported> exported =
      http::handover::Export(**tx, *crypto, tenant->id, household->id, user->id, clock.Now());
  if (!exported.ok()) return Fail(exported.status());
  core::AuditRecord r;
  r.tenant_id = tenant->id;
  r.user_id = user->id;
  r.organisation_id = user->data.organisation_id;
  r.household_id = household->id;
  r.categories = core::CategorySet::All();
  r.action = "export";
  r.resource_type = "handover_package";
  r.resource_id = exported->record.package_id;
  r.purpose =
      "verhuizing: overdracht aan nieuwe woongemeente (Wet inburgering 2021), "
      "regie handover export (command line)";
  if (Status s = Audit(**tx, *crypto, clock, r); !s.ok()) return Fail(s);
  // The package is in place only once the archive and its audit record
  // are committed: a failed commit leaves no package to send, and a package
  // that cannot be written leaves the household as it was.
  if (Status s =
          WriteThenCommit(options.file, exported->document, [&tx] { return (*tx)->Commit(); });
      !s.ok())
    return Fail(s);
  std::printf("Overdracht %s geschreven naar %s; huishouden %lld gearchiveerd\n",
              exported->record.package_id.c_str(), options.file.c_str(),
              static_cast<long long>(household->id));
  return 0;
}

int RunHandoverImport(const HandoverOptions& options) {
  // The package's events are checked against the tenant's active packs,
  // as `serve` loads them.
  std::optional<std::vector<core::policy::Pack>> packs = LoadPacksOrLog(options.policies_dir);
  if (!packs) return 2;
  http::PolicyRegistry policies(std::move(*packs));
  std::unique_ptr<ports::Database> db = OpenMigrated(options.db_url, 1);
  if (!db) return 1;
  std::unique_ptr<ports::Crypto> crypto = OpenCrypto(options.key_file);
  if (!crypto) return 1;
  std::ifstream in(options.file, std::ios::binary);
  if (!in) {
    spdlog::error("event=failed error=\"cannot read {}\"", options.file);
    return 1;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  SystemClock clock;
  auto tx = db->Begin(ports::TxMode::kWrite);
  if (!tx.ok()) return Fail(tx.status());
  StatusOr<core::Tenant> tenant = (*tx)->Tenants().GetByCode(options.tenant);
  if (!tenant.ok()) return Fail(tenant.status());
  auto compiled = policies.ForTenant(**tx, tenant->id);
  if (!compiled.ok()) return Fail(compiled.status());
  StatusOr<http::handover::Imported> imported = http::handover::Import(
      **tx, *crypto, **compiled, tenant->id, buffer.str(), options.allow_untrusted, 0, clock.Now());
  if (!imported.ok()) return Fail(imported.status());
  if (imported->created) {
    core::AuditRecord r;
    r.tenant_id = tenant->id;
    r.action = "create";
    r.resource_type = "handover";
    r.resource_id = std::to_string(imported->record.id);
    r.purpose = "regie handover import (command line) van " + imported->record.sender_code;
    if (Status s = Audit(**tx, *crypto, clock, r); !s.ok()) return Fail(s);
    if (Status s = (*tx)->Commit(); !s.ok()) return Fail(s);
  }
  std::printf("%s %s: %s (%lld personen) van %s, wacht op acceptatie door een regisseur\n",
              imported->created ? "Ingelezen" : "Al eerder ingelezen",
              imported->record.package_id.c_str(), imported->record.household_name.c_str(),
              static_cast<long long>(imported->record.person_count),
              imported->record.sender_name.c_str());
  return 0;
}

}  // namespace regie::app
