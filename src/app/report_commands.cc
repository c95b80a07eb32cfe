// `regie report`: the half-year progress report of a tenant as PDF or HTML,
// from the same builder as the download route (http/report_service.h), so
// the council gets the same document either way. Figures are suppressed by
// the document builder; the export is audited like the download.
#include <spdlog/spdlog.h>

#include <cstdio>

#include "app/app_support.h"
#include "app/commands.h"
#include "app/system_clock.h"
#include "http/policy_registry.h"
#include "http/report_service.h"

namespace regie::app {
namespace {

int Fail(const Status& s) {
  spdlog::error("event=failed error=\"{}\"", s.ToString());
  return 1;
}

}  // namespace

int RunReport(const ReportOptions& options) {
  const std::optional<core::ReportPeriod> period = core::ReportPeriod::Parse(options.period);
  if (!period) {
    spdlog::error("event=refused reason=\"--period must be a half-year such as 2017H2\"");
    return 2;
  }
  const std::optional<http::ReportFormat> format = http::ParseReportFormat(options.format);
  if (!format) {
    spdlog::error("event=refused reason=\"--format must be pdf, html or xlsx\"");
    return 2;
  }
  const std::optional<render::Language> language = render::ParseLanguage(options.lang);
  if (!language) {
    spdlog::error("event=refused reason=\"--lang must be nl or en\"");
    return 2;
  }
  std::optional<std::vector<core::policy::Pack>> packs = LoadPacksOrLog(options.policies_dir);
  if (!packs) return 2;
  http::PolicyRegistry policies(std::move(*packs));
  std::unique_ptr<ports::Database> db = OpenMigrated(options.db_url, 1);
  if (!db) return 1;
  std::unique_ptr<ports::Crypto> crypto = OpenCrypto(options.key_file);
  if (!crypto) return 1;
  SystemClock clock;
  auto tx = db->Begin(ports::TxMode::kWrite);
  if (!tx.ok()) return Fail(tx.status());
  StatusOr<core::Tenant> tenant = (*tx)->Tenants().GetByCode(options.tenant);
  if (!tenant.ok()) return Fail(tenant.status());
  StatusOr<http::ReportMaterial> material =
      http::CollectReport(**tx, policies, tenant->id, *period, clock.Now());
  if (!material.ok()) return Fail(material.status());
  StatusOr<http::ReportFile> file = http::RenderReport(*material, *format, *language);
  if (!file.ok()) return Fail(file.status());
  core::AuditRecord r;
  r.tenant_id = tenant->id;
  r.action = "export";
  r.resource_type = http::ExportResourceType(*format);
  r.resource_id = period->ToString();
  r.purpose = "regie report (command line) " + material->figures.stamp.snapshot;
  r.at = clock.Now();
  r.outcome = "allowed";
  auto digest = [&crypto](std::string_view d) { return crypto->Digest(d); };
  if (StatusOr<core::AuditRecord> a = (*tx)->Audit().Append(r, digest); !a.ok())
    return Fail(a.status());
  // An export that could not be saved is not logged as made, and one whose
  // audit record did not commit is not left behind.
  if (Status s = WriteThenCommit(options.out, file->bytes, [&tx] { return (*tx)->Commit(); });
      !s.ok())
    return Fail(s);
  const std::string pages =
      file->pages > 0 ? ", " + std::to_string(file->pages) + " pagina's" : std::string();
  std::printf("Voortgangsrapportage %s %s geschreven naar %s (%s%s)\n", tenant->data.code.c_str(),
              period->ToString().c_str(), options.out.c_str(), options.format.c_str(),
              pages.c_str());
  return 0;
}

}  // namespace regie::app
