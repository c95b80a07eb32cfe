#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/indicators/report.h"
#include "core/reporting/progress_report.h"
#include "core/status.h"
#include "http/policy_registry.h"
#include "ports/database.h"
#include "render/report_document.h"
#include "render/texts.h"

// The half-year progress report as a file, shared by the download routes
// and `regie report`: collects what the document needs in one read
// transaction (the report, its narratives, names and the figures from the
// indicator loader) and typesets it. The document builder suppresses the
// figures (Audience::kExport); access and the audit record are the
// caller's.
namespace regie::http {

enum class ReportFormat { kPdf, kHtml, kXlsx };

// "pdf", "html", "xlsx"; nullopt for anything else.
std::optional<ReportFormat> ParseReportFormat(std::string_view code);
// The audit log's resource type of a download ("progress_report_pdf", ...).
std::string ExportResourceType(ReportFormat format);

struct ReportMaterial {
  std::string tenant_code;
  core::indicators::Report figures;  // exact; the document suppresses them
  render::ReportInput input;         // input.figures points at `figures` once placed
};

// Reads everything for `period` of `tenant_id`. The figures are computed on
// the period's last day, or for a final report on the reference date of its
// stamp. Every narrative: only a caller the policy gives the whole report
// (ReportDecision::all_sections) may export it.
StatusOr<ReportMaterial> CollectReport(ports::Transaction& tx, PolicyRegistry& policies,
                                       int64_t tenant_id, const core::ReportPeriod& period,
                                       core::Timestamp now);

struct ReportFile {
  std::string bytes;
  std::string_view content_type;  // a literal: outlives the response
  std::string file_name;          // "voortgangsrapportage-GM0523-2017H2.pdf"
  int pages = 0;                  // PDF only
};

// Typesets the material (call after the transaction is released).
StatusOr<ReportFile> RenderReport(ReportMaterial& material, ReportFormat format,
                                  render::Language language);

}  // namespace regie::http
