// Administration from the command line: the first users of a new
// installation, demo TOTP codes, the audit chain check and backups.
#include <spdlog/spdlog.h>

#include <cstdio>

#include "app/app_support.h"
#include "app/commands.h"
#include "app/demo_loader.h"
#include "app/system_clock.h"
#include "core/auth/totp.h"
#include "crypto/sodium_crypto.h"
#include "http/users_support.h"
#include "storage/sqlite/backup.h"

namespace regie::app {
namespace {

// The organisation named by id or exact name among those serving the tenant.
StatusOr<core::Organisation> FindOrganisation(ports::Transaction& tx, int64_t tenant_id,
                                              const std::string& name_or_id) {
  REGIE_ASSIGN_OR_RETURN(std::vector<core::Organisation> orgs, tx.Organisations().List(tenant_id));
  for (const core::Organisation& o : orgs)
    if (o.data.name == name_or_id || std::to_string(o.id) == name_or_id) return o;
  return NotFound("organisation_not_found",
                  "no organisation '" + name_or_id + "' serves the tenant");
}

int Fail(const Status& s) {
  spdlog::error("event=failed error=\"{}\"", s.ToString());
  return 1;
}

}  // namespace

int RunUserAdd(const UserAddOptions& options) {
  std::unique_ptr<ports::Database> db = OpenMigrated(options.db_url, 1);
  if (!db) return 1;
  std::unique_ptr<ports::Crypto> crypto = OpenCrypto(options.key_file);
  if (!crypto) return 1;
  SystemClock clock;
  auto tx = db->Begin(ports::TxMode::kWrite);
  if (!tx.ok()) return Fail(tx.status());
  StatusOr<core::Tenant> tenant = (*tx)->Tenants().GetByCode(options.tenant);
  if (!tenant.ok()) return Fail(tenant.status());
  StatusOr<core::Organisation> org = FindOrganisation(**tx, tenant->id, options.organisation);
  if (!org.ok()) return Fail(org.status());
  nlohmann::json body = {{"username", options.username},
                         {"display_name", options.display_name},
                         {"email", options.email},
                         {"organisation_id", org->id},
                         {"roles", nlohmann::json::array()}};
  std::string_view roles = options.roles;
  while (!roles.empty()) {
    const size_t comma = roles.find(',');
    body["roles"].push_back(std::string(roles.substr(0, comma)));
    roles = comma == std::string_view::npos ? std::string_view() : roles.substr(comma + 1);
  }
  StatusOr<http::UserInput> input = http::ParseUserInput(body, /*update=*/false);
  if (!input.ok()) return Fail(input.status());
  // As the API: a regional organisation's users get no municipal role.
  if (Status s = http::CheckRolesOfOrganisation(*org, input->data.roles); !s.ok()) return Fail(s);
  StatusOr<ports::User> user = (*tx)->Users().Create(input->data, clock.Now());
  if (!user.ok()) return Fail(user.status());
  StatusOr<http::Enrolment> enrolment = http::NewEnrolment(*crypto, clock, {}, **tx, user->id);
  if (!enrolment.ok()) return Fail(enrolment.status());
  core::AuditRecord r;
  r.at = clock.Now();
  r.tenant_id = tenant->id;
  r.action = "create";
  r.resource_type = "user";
  r.resource_id = std::to_string(user->id);
  r.outcome = "allowed";
  r.purpose = "regie user add (command line)";
  auto digest = [&crypto](std::string_view d) { return crypto->Digest(d); };
  Status audited = (*tx)->Audit().Append(r, digest).status();
  if (!audited.ok()) return Fail(audited);
  Status committed = (*tx)->Commit();
  if (!committed.ok()) return Fail(committed);
  std::printf("Inschrijflink voor %s (geldig tot %s, één keer te gebruiken):\n%s%s\n",
              user->data.username.c_str(), enrolment->expires_at.ToString().c_str(),
              options.base_url.c_str(), enrolment->path.c_str());
  return 0;
}

int RunDemoTotpCode(const std::string& db_url, const std::string& username) {
  std::unique_ptr<ports::Database> db = OpenMigrated(db_url, 1);
  if (!db) return 1;
  auto tx = db->Begin(ports::TxMode::kRead);
  if (!tx.ok()) return Fail(tx.status());
  StatusOr<ports::User> user = (*tx)->Users().GetByUsername(username);
  if (!user.ok()) return Fail(user.status());
  if (!user->data.demo) {
    spdlog::error("event=refused reason=\"only demo users have a published TOTP seed\"");
    return 1;
  }
  SystemClock clock;
  std::printf(
      "%s\n",
      core::Totp(DemoTotpSeed(user->data.username), clock.Now().micros / 1'000'000).c_str());
  return 0;
}

int RunBackup(const std::string& db_url, const std::string& out_path) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (!db_url.starts_with(kSqlite)) {
    std::fprintf(stderr,
                 "Maak een back-up van PostgreSQL met pg_dump / back up PostgreSQL with pg_dump:\n"
                 "  pg_dump --format=custom --file=FILE '%s'\n",
                 db_url.c_str());
    return 2;
  }
  StatusOr<storage::sqlite::BackupInfo> info =
      storage::sqlite::BackupTo(db_url.substr(kSqlite.size()), out_path);
  if (!info.ok()) return Fail(info.status());
  std::printf("Back-up geschreven / backup written: %s (%lld bytes, schema %lld)\n",
              out_path.c_str(), static_cast<long long>(info->bytes),
              static_cast<long long>(info->schema_version));
  return 0;
}

int RunAuditVerify(const std::string& db_url) {
  std::unique_ptr<ports::Database> db = OpenMigrated(db_url, 1);
  if (!db) return 1;
  // Only the digest is needed; no server key.
  auto crypto = crypto::SodiumCrypto::Create({});
  if (!crypto.ok()) return Fail(crypto.status());
  core::AuditChainVerifier verifier([&crypto](std::string_view d) { return (*crypto)->Digest(d); });
  auto tx = db->Begin(ports::TxMode::kRead);
  if (!tx.ok()) return Fail(tx.status());
  int64_t after = 0;
  bool intact = true;
  while (intact) {
    StatusOr<std::vector<core::AuditRecord>> page = (*tx)->Audit().Scan(after, 5000);
    if (!page.ok()) return Fail(page.status());
    if (page->empty()) break;
    for (const core::AuditRecord& r : *page)
      if (!(intact = verifier.Add(r))) break;
    after = page->back().seq;
  }
  StatusOr<ports::AuditHead> head = (*tx)->Audit().Head();
  if (!head.ok()) return Fail(head.status());
  if (intact) intact = verifier.Finish(head->seq, head->hash);
  if (!intact) {
    std::printf("Auditlog NIET intact / audit log NOT intact: %s (first bad record: %lld)\n",
                verifier.problem().c_str(), static_cast<long long>(verifier.broken_seq()));
    return 1;
  }
  std::printf("Auditlog intact / audit log intact: %lld records checked\n",
              static_cast<long long>(verifier.checked()));
  return 0;
}

}  // namespace regie::app
