#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/benchmark/g40_reference.h"
#include "core/benchmark/region.h"
#include "core/date.h"
#include "core/indicators/suppress.h"

// JSON of the regional benchmark (docs/api-contract.md, "Regional
// benchmark"). Only suppressed views are written: a count is
// {"value", "text", "state"} with value null unless the state is "shown".
namespace regie::http::benchmark_json {

nlohmann::json RegionJson(const core::Region& region);
nlohmann::json CountJson(const core::indicators::ShownCount& count);
nlohmann::json CellJson(const core::indicators::ShownCell& cell);

// `views[i]` is the suppressed, narrowed view of `members[i]`; `total` the
// suppressed sum; all suppressed together (ind::SuppressBenchmark). Their
// indicators are in the same (common) order.
nlohmann::json BenchmarkJson(const core::Region& region, core::Date on,
                             const std::vector<core::RegionMember>& members,
                             const std::vector<core::indicators::View>& views,
                             const core::indicators::View& total);

// The G40 reference table with its source line.
nlohmann::json G40Json(const core::G40Reference& reference);

}  // namespace regie::http::benchmark_json
