#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/indicators/regional.h"
#include "core/indicators/report.h"
#include "core/indicators/suppress.h"

// Suppression of the regional benchmark as one publication. It shows each
// sharing member's figures beside the regional total, which is their exact
// sum: for every indicator, breakdown cell (the total, each cohort) and
// slot, the members' counts add up to the region's. That is a line too,
// across the tables (the "member axis"): suppressing each table on its own
// lets a member's "<5" be derived (region 14 shown, two members 10 between
// them shown: the third's "<5" is 4). So every member table, the region
// table and the member-axis lines go into one stats::LineSuppressor and
// are suppressed together, to a fixed point: a cell hidden for one line is
// re-checked in all its others (a region cell hidden for the member axis
// may need a partner in the region's own row, and so on). The persons
// counts are linked the same way.
//
// The benchmark is what crosses municipalities, so it may hide more than a
// member's own dashboard (ind::Suppress of its full report), which is a
// different publication with its own suppression.
namespace regie::core::indicators {

struct BenchmarkViews {
  std::vector<CommonIndicator> common;
  // members[i]: Narrow(*members[i], common), suppressed; indicators in
  // `common` order.
  std::vector<View> members;
  // SumReports(members, ...), suppressed; indicators in the same order.
  View region;
};

// `members`: the exact reports of the members that share (only they are
// in the regional total), with the total and cohort breakdowns. The views
// are for Audience::kBeleid.
BenchmarkViews SuppressBenchmark(const std::vector<const Report*>& members, Date on,
                                 std::string snapshot);

}  // namespace regie::core::indicators
