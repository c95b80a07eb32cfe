#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/reporting/progress_report.h"

// Narrative drafts of a half-year progress report for the demo, as a
// regievoerder and a partner would write them (seed 000 §5.3): plain
// Dutch, no personal data. Demo data only.
namespace regie::core {

// The last half-year that ended before `today` (the report now due).
ReportPeriod LastCompletedPeriod(Date today);

// Draft texts (version 1) of `period` for a municipality: every section
// but the financial account (left for the regievoerder to write), and the
// contribution of `partner_organisation_id` (0: none) to the network
// partners' section. saved_by/saved_at are the caller's.
std::vector<ReportNarrative> DemoReportNarratives(const std::string& municipality,
                                                  const ReportPeriod& period,
                                                  int64_t partner_organisation_id,
                                                  const std::string& partner_name);

}  // namespace regie::core
