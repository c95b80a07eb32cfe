#include "http/report_service.h"

#include <set>
#include <utility>

#include "http/figures_json.h"
#include "http/indicator_source.h"
#include "render/html_writer.h"
#include "render/pdf_renderer.h"
#include "render/xlsx_document.h"
#include "render/xlsx_writer.h"

namespace regie::http {

StatusOr<ReportMaterial> CollectReport(ports::Transaction& tx, PolicyRegistry& policies,
                                       int64_t tenant_id, const core::ReportPeriod& period,
                                       core::Timestamp now) {
  ReportMaterial m;
  REGIE_ASSIGN_OR_RETURN(core::Tenant tenant, tx.Tenants().Get(tenant_id));
  m.tenant_code = tenant.data.code;
  render::ReportInput& in = m.input;
  in.municipality = tenant.data.name;
  in.period = period;
  in.generated_at = now;
  REGIE_ASSIGN_OR_RETURN(in.report, tx.Reports().Get(tenant_id, period.ToString()));
  REGIE_ASSIGN_OR_RETURN(in.narratives, tx.Reports().Narratives(tenant_id, period.ToString()));
  std::set<int64_t> organisations;
  for (const core::ReportNarrative& n : in.narratives)
    if (n.organisation_id != 0) organisations.insert(n.organisation_id);
  for (int64_t id : organisations) {
    StatusOr<core::Organisation> org = tx.Organisations().GetById(id);
    if (org.ok())
      in.organisation_names[id] = org->data.name;
    else if (org.status().code() != StatusCode::kNotFound)
      return org.status();
  }
  if (in.report.finalised_by != 0) {
    StatusOr<ports::User> user = tx.Users().Get(in.report.finalised_by);
    if (user.ok()) in.finalised_by = user->data.display_name;
  }
  // A final report shows the figures it was finalised with. One finalised
  // before they were kept is computed again on its reference date (the
  // document then says the data changed since, when it did).
  REGIE_ASSIGN_OR_RETURN(std::optional<std::string> stored,
                         tx.Reports().Figures(tenant_id, period.ToString()));
  if (stored) {
    REGIE_ASSIGN_OR_RETURN(m.figures, FiguresFromJson(*stored));
    return m;
  }
  const core::Date on = in.report.stamp ? in.report.stamp->reference_date : period.Last();
  REGIE_ASSIGN_OR_RETURN(m.figures, ComputeTenantIndicators(tx, policies, tenant_id, on));
  return m;
}

std::optional<ReportFormat> ParseReportFormat(std::string_view code) {
  if (code == "pdf") return ReportFormat::kPdf;
  if (code == "html") return ReportFormat::kHtml;
  if (code == "xlsx") return ReportFormat::kXlsx;
  return std::nullopt;
}

std::string ExportResourceType(ReportFormat format) {
  switch (format) {
    case ReportFormat::kPdf:
      return "progress_report_pdf";
    case ReportFormat::kHtml:
      return "progress_report_html";
    case ReportFormat::kXlsx:
      return "progress_report_xlsx";
  }
  return "progress_report";
}

StatusOr<ReportFile> RenderReport(ReportMaterial& material, ReportFormat format,
                                  render::Language language) {
  material.input.figures = &material.figures;
  const render::Document doc = render::ReportDocument(material.input, language);
  ReportFile file;
  const std::string stem = render::ReportFileStem(material.tenant_code, material.input.period);
  if (format == ReportFormat::kPdf) {
    REGIE_ASSIGN_OR_RETURN(render::RenderedPdf pdf, render::RenderPdf(doc));
    file.bytes = std::move(pdf.bytes);
    file.pages = pdf.pages;
    file.content_type = "application/pdf";
    file.file_name = stem + ".pdf";
  } else if (format == ReportFormat::kXlsx) {
    REGIE_ASSIGN_OR_RETURN(file.bytes, render::WriteXlsx(render::DocumentWorkbook(doc, language)));
    file.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    file.file_name = stem + ".xlsx";
  } else {
    file.bytes = render::RenderHtml(doc, language == render::Language::kEn ? "en" : "nl");
    file.content_type = "text/html; charset=utf-8";
    file.file_name = stem + ".html";
  }
  return file;
}

}  // namespace regie::http
