#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/indicators/report.h"

// The regional total of the benchmark: the exact reports of the members
// that share, summed into one report before any suppression. Summing
// suppressed figures would be wrong twice: "<5" has no value to add, and
// a total of shown parts can reveal a hidden one. So the exact counts are
// summed here, and the sum and the members' narrowed reports are then
// suppressed together (SuppressBenchmark, regional_suppress.h): the
// members' counts add up to the total's, which suppressing each on its own
// would give away.
namespace regie::core::indicators {

// Indicators the members have in common: the same indicator id from the
// same pack id (versions may differ between members; each keeps its own
// in its stamp). Ids in the order of the first report.
struct CommonIndicator {
  std::string id;
  std::string pack_id;
};
std::vector<CommonIndicator> CommonIndicators(const std::vector<const Report*>& members);

// The sum of the members' exact figures for the common indicators, in the
// breakdowns kTotal and kCohort (cohorts matched by label, e.g. "2017H2",
// sorted by label), with Wilson intervals and target statuses recomputed
// from the summed counts against the first member's target. Persons are
// summed; survival and ladder are left out (not part of the benchmark).
// The stamp has `on`, the union of pack versions and `snapshot`.
Report SumReports(const std::vector<const Report*>& members, Date on, std::string snapshot);

// One member's report narrowed to the common indicators and the total and
// cohort breakdowns (the same shape as the sum), still exact.
Report Narrow(const Report& report, const std::vector<CommonIndicator>& common);

}  // namespace regie::core::indicators
