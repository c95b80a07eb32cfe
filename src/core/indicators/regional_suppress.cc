#include "core/indicators/regional_suppress.h"

#include <optional>
#include <utility>

#include "core/stats/line_suppression.h"

namespace regie::core::indicators {
namespace {

using CellId = stats::LineSuppressor::CellId;

std::optional<size_t> FindIndicator(const Report& r, const IndicatorFigures& f) {
  for (size_t i = 0; i < r.indicators.size(); ++i)
    if (r.indicators[i].id == f.id && r.indicators[i].pack.id == f.pack.id) return i;
  return std::nullopt;
}

std::optional<size_t> FindBreakdown(const IndicatorFigures& f, Dimension d) {
  for (size_t b = 0; b < f.breakdowns.size(); ++b)
    if (f.breakdowns[b].breakdown == Breakdown{d, Dimension::kTotal}) return b;
  return std::nullopt;
}

// The cell of `f`'s cohort breakdown labelled `label`, if any.
std::optional<size_t> FindCohort(const Report& r, const IndicatorFigures& f, size_t breakdown,
                                 const std::string& label) {
  const std::vector<std::string>& labels = r.Labels(Dimension::kCohort);
  const std::vector<Cell>& cells = f.breakdowns[breakdown].cells;
  for (size_t c = 0; c < cells.size(); ++c)
    if (cells[c].first < labels.size() && labels[cells[c].first] == label) return c;
  return std::nullopt;
}

}  // namespace

BenchmarkViews SuppressBenchmark(const std::vector<const Report*>& members, Date on,
                                 std::string snapshot) {
  BenchmarkViews out;
  out.common = CommonIndicators(members);
  std::vector<Report> narrowed;
  narrowed.reserve(members.size());
  for (const Report* m : members) narrowed.push_back(Narrow(*m, out.common));
  const Report region = SumReports(members, on, std::move(snapshot));

  stats::LineSuppressor engine;
  std::vector<ReportCells> cells;
  cells.reserve(narrowed.size());
  for (const Report& r : narrowed) cells.emplace_back(r, engine);
  const ReportCells region_cells(region, engine);

  // The member axis: the members' cells add up to the region's.
  std::vector<CellId> persons;
  persons.reserve(cells.size());
  for (const ReportCells& c : cells) persons.push_back(c.persons());
  engine.AddLine(std::move(persons), region_cells.persons());
  for (size_t i = 0; i < region.indicators.size(); ++i) {
    const IndicatorFigures& total = region.indicators[i];
    std::vector<std::optional<size_t>> at(narrowed.size());  // the indicator in each member
    for (size_t m = 0; m < narrowed.size(); ++m) at[m] = FindIndicator(narrowed[m], total);
    for (int k = 0; k < kSlots; ++k) {
      std::vector<CellId> line;
      for (size_t m = 0; m < narrowed.size(); ++m)
        if (at[m]) line.push_back(cells[m].Total(*at[m], k));
      engine.AddLine(std::move(line), region_cells.Total(i, k));
    }
    const std::optional<size_t> region_cohorts = FindBreakdown(total, Dimension::kCohort);
    if (!region_cohorts) continue;
    const std::vector<Cell>& region_rows = total.breakdowns[*region_cohorts].cells;
    for (size_t r = 0; r < region_rows.size(); ++r) {
      const std::string& label = region.Labels(Dimension::kCohort)[region_rows[r].first];
      // (member, cell) of each member that has the cohort; the others
      // have nobody in it, a known 0.
      std::vector<std::pair<size_t, std::pair<size_t, size_t>>> parts;
      for (size_t m = 0; m < narrowed.size(); ++m) {
        if (!at[m]) continue;
        const IndicatorFigures& f = narrowed[m].indicators[*at[m]];
        const std::optional<size_t> b = FindBreakdown(f, Dimension::kCohort);
        if (!b) continue;
        if (const std::optional<size_t> c = FindCohort(narrowed[m], f, *b, label))
          parts.push_back({m, {*b, *c}});
      }
      for (int k = 0; k < kSlots; ++k) {
        std::vector<CellId> line;
        line.reserve(parts.size());
        for (const auto& [m, bc] : parts)
          line.push_back(cells[m].At(*at[m], bc.first, bc.second, k));
        engine.AddLine(std::move(line), region_cells.At(i, *region_cohorts, r, k));
      }
    }
  }

  engine.Suppress();
  for (size_t m = 0; m < narrowed.size(); ++m)
    out.members.push_back(ShowView(narrowed[m], Audience::kBeleid, cells[m], engine));
  out.region = ShowView(region, Audience::kBeleid, region_cells, engine);
  return out;
}

}  // namespace regie::core::indicators
