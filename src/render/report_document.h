#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/indicators/report.h"
#include "core/reporting/progress_report.h"
#include "render/document.h"
#include "render/texts.h"

// The half-year progress report (voortgangsrapportage, seed 000 §5.3) as a
// printable document for the council, in plain Dutch (B1) or English:
// title page, contents, progress on the result agreements (per theme the
// indicators against their targets, with interval, status and the rule
// written out, and "nog binnen termijn"), charts of time to event
// (Kaplan-Meier with band), the participatieladder per quarter and the
// trend over cohorts, the narrative sections, and a colophon with the stamp
// and the suppression rule.
//
// The figures are always published suppressed: the builder applies
// core::indicators::Suppress(figures, Audience::kExport) itself, so no
// count of 1 to 4 can reach the document whatever the caller passes. The
// same Document renders as PDF (pdf_renderer.h) and HTML (html_writer.h);
// the HTTP handler and the CLI both use it.
namespace regie::render {

struct ReportInput {
  std::string municipality;  // the tenant's name
  core::ReportPeriod period;
  core::ProgressReport report;                        // status and, when final, its stamp
  const core::indicators::Report* figures = nullptr;  // exact; suppressed here
  std::vector<core::ReportNarrative> narratives;      // current versions, any order
  std::map<int64_t, std::string> organisation_names;
  std::string finalised_by;      // display name, when final
  core::Timestamp generated_at;  // from the injected clock
};

Document ReportDocument(const ReportInput& input, Language language);

// The file name of a report download ("voortgangsrapportage-GM0523-2017H2").
std::string ReportFileStem(const std::string& tenant_code, const core::ReportPeriod& period);

}  // namespace regie::render
