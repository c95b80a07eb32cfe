#include "core/indicators/suppress.h"

#include <array>
#include <optional>
#include <utility>
#include <vector>

#include "core/indicators/curve_publish.h"

namespace regie::core::indicators {
namespace {

using stats::CellState;
using stats::CountTable;
using stats::LineSuppressor;
using CellId = LineSuppressor::CellId;

ShownCount Shown(const CountTable& t, int r, int c, bool suppress) {
  if (!suppress) return {t.At(r, c), CellState::kShown};
  if (!t.Suppressed(r, c)) return {t.At(r, c), CellState::kShown};
  return {0, t.State(r, c)};
}

ShownCount Shown(const LineSuppressor& e, CellId id, bool suppress) {
  if (!suppress || !e.Suppressed(id)) return {e.Count(id), CellState::kShown};
  return {0, e.State(id)};
}

// A single number outside any table (n of a curve).
ShownCount Single(int64_t value, bool suppress) {
  if (suppress && value > 0 && value < stats::kMinCell) return {0, CellState::kBelowThreshold};
  return {value, CellState::kShown};
}

using Slots = std::array<int64_t, kSlots>;

Slots SlotsOf(const Cell& c) {
  return {c.satisfied, c.not_satisfied, c.within_window, c.anchor_missing,
          c.satisfied + c.not_satisfied + c.within_window + c.anchor_missing};
}

bool IsTotal(const BreakdownFigures& b) {
  return b.breakdown == Breakdown{} && b.cells.size() <= 1;
}

ShownBreakdown ShowBreakdown(const BreakdownFigures& b, const std::optional<double>& target,
                             bool suppress, const LineSuppressor& engine, const ReportCells& cells,
                             size_t indicator, size_t breakdown) {
  ShownBreakdown out;
  out.breakdown = b.breakdown;
  for (size_t i = 0; i < b.cells.size(); ++i) {
    const Cell& c = b.cells[i];
    auto shown = [&](int slot) {
      return Shown(engine, cells.At(indicator, breakdown, i, slot), suppress);
    };
    ShownCell& s = out.cells.emplace_back();
    s.first = c.first;
    s.second = c.second;
    s.satisfied = shown(0);
    s.not_satisfied = shown(1);
    s.within_window = shown(2);
    s.anchor_missing = shown(3);
    s.total = shown(4);
    if (s.satisfied.shown() && s.not_satisfied.shown()) {
      s.percent = c.percent();
      s.wilson = c.wilson;
      if (target) s.target = c.target;
    }
  }
  return out;
}

}  // namespace

ReportCells::ReportCells(const Report& report, LineSuppressor& engine) {
  persons_ = engine.AddCell(report.persons);
  // Satisfied and not satisfied make the percentage, the figure the
  // tables are for: complements elsewhere in a line where one suffices.
  auto add_row = [&](const Slots& counts) {
    Row row{};
    for (size_t k = 0; k < row.size(); ++k) row[k] = engine.AddCell(counts[k], k < 2);
    engine.AddLine({row[0], row[1], row[2], row[3]}, row[4]);
    return row;
  };
  for (const IndicatorFigures& f : report.indicators) {
    Tables& t = indicators_.emplace_back();
    // The totals: the total breakdown's row, else the first breakdown's
    // column sums (unpublished), else nobody.
    std::optional<Slots> totals;
    std::vector<Slots> sums;  // column sums of each breakdown
    for (const BreakdownFigures& b : f.breakdowns) {
      Slots sum{};
      for (const Cell& c : b.cells) {
        const Slots slots = SlotsOf(c);
        for (size_t k = 0; k < sum.size(); ++k) sum[k] += slots[k];
      }
      sums.push_back(sum);
      if (IsTotal(b)) totals = sum;
    }
    if (!totals) totals = sums.empty() ? Slots{} : sums.front();
    t.total = add_row(*totals);
    for (size_t i = 0; i < f.breakdowns.size(); ++i) {
      const BreakdownFigures& b = f.breakdowns[i];
      std::vector<Row>& rows = t.breakdowns.emplace_back();
      if (IsTotal(b)) {
        if (!b.cells.empty()) rows.push_back(t.total);
        continue;
      }
      for (const Cell& c : b.cells) rows.push_back(add_row(SlotsOf(c)));
      const Row column_totals = sums[i] == *totals ? t.total : add_row(sums[i]);
      for (size_t k = 0; k < kSlots; ++k) {
        std::vector<CellId> column;
        column.reserve(rows.size());
        for (const Row& r : rows) column.push_back(r[k]);
        engine.AddLine(std::move(column), column_totals[k]);
      }
    }
  }
}

ReportCells::CellId ReportCells::Total(size_t indicator, int slot) const {
  return indicators_[indicator].total[static_cast<size_t>(slot)];
}

ReportCells::CellId ReportCells::At(size_t indicator, size_t breakdown, size_t cell,
                                    int slot) const {
  return indicators_[indicator].breakdowns[breakdown][cell][static_cast<size_t>(slot)];
}

View Suppress(const Report& report, Audience audience) {
  LineSuppressor engine;
  const ReportCells cells(report, engine);
  if (audience != Audience::kCaseTeam) engine.Suppress();
  return ShowView(report, audience, cells, engine);
}

View ShowView(const Report& report, Audience audience, const ReportCells& cells,
              const LineSuppressor& engine) {
  const bool suppress = audience != Audience::kCaseTeam;
  View v;
  v.audience = audience;
  v.suppressed = suppress;
  v.stamp = report.stamp;
  v.labels = report.labels;
  v.persons = Shown(engine, cells.persons(), suppress);
  for (size_t i = 0; i < report.indicators.size(); ++i) {
    const IndicatorFigures& f = report.indicators[i];
    ShownIndicator& s = v.indicators.emplace_back();
    s.id = f.id;
    s.label_nl = f.label_nl;
    s.label_en = f.label_en;
    s.domain = f.domain;
    s.theme = f.theme;
    s.pack = f.pack;
    s.deadline = f.deadline;
    s.target_percent = f.target_percent;
    for (size_t b = 0; b < f.breakdowns.size(); ++b)
      s.breakdowns.push_back(
          ShowBreakdown(f.breakdowns[b], f.target_percent, suppress, engine, cells, i, b));
    // The total judgement quotes the total's numbers and interval: shown
    // with the total's percentage.
    if (!suppress ||
        (!engine.Suppressed(cells.Total(i, 0)) && !engine.Suppressed(cells.Total(i, 1))))
      s.total_judgement = f.total_judgement;
  }
  for (const SurvivalFigures& f : report.survival) {
    ShownSurvival& s = v.survival.emplace_back();
    s.measure = f.measure;
    s.available = f.available;
    s.missing_events = f.missing_events;
    if (!f.available) continue;
    s.total = PublishCurve(f.total, suppress);
    for (const auto& [cohort, curve] : f.by_cohort)
      s.by_cohort.emplace_back(cohort, PublishCurve(curve, suppress));
  }
  v.ladder_available = report.ladder.available;
  // Distribution: quarters x rungs, one table.
  CountTable dist(static_cast<int>(report.ladder.quarters.size()), static_cast<int>(kRungs));
  for (size_t q = 0; q < report.ladder.quarters.size(); ++q)
    for (size_t r = 0; r < kRungs; ++r)
      dist.Set(static_cast<int>(q), static_cast<int>(r), report.ladder.quarters[q].distribution[r]);
  if (suppress) dist.Suppress();
  for (size_t q = 0; q < report.ladder.quarters.size(); ++q) {
    const LadderQuarter& lq = report.ladder.quarters[q];
    ShownLadderQuarter& s = v.ladder.emplace_back();
    s.label = lq.label;
    s.end = lq.end;
    for (size_t r = 0; r < kRungs; ++r)
      s.distribution[r] = Shown(dist, static_cast<int>(q), static_cast<int>(r), suppress);
    CountTable flow(static_cast<int>(kRungs), static_cast<int>(kRungs));
    for (size_t a = 0; a < kRungs; ++a)
      for (size_t b = 0; b < kRungs; ++b)
        flow.Set(static_cast<int>(a), static_cast<int>(b), lq.transitions[a][b]);
    if (suppress) flow.Suppress();
    // The summaries are sums of transition cells; one that includes a
    // suppressed cell could give it away, so it is withheld as well.
    std::array<bool, 4> hides{};  // up, down, same, first
    for (size_t a = 0; a < kRungs; ++a) {
      for (size_t b = 0; b < kRungs; ++b) {
        s.transitions[a][b] = Shown(flow, static_cast<int>(a), static_cast<int>(b), suppress);
        if (s.transitions[a][b].shown()) continue;
        const size_t kind = a == 0 && b > 0 ? 3 : b > a ? 0 : b < a ? 1 : 2;
        hides[kind] = true;
      }
    }
    // A hidden cell is never 0, so such a sum is at least 1: "<5" when it
    // is below 5, so that "x" keeps meaning a count of 5 or more.
    auto summary = [&](int64_t value, bool hide) {
      if (suppress && hide && value >= stats::kMinCell)
        return ShownCount{0, CellState::kComplementary};
      if (suppress && hide) return ShownCount{0, CellState::kBelowThreshold};
      return Single(value, suppress);
    };
    s.up = summary(lq.up, hides[0]);
    s.down = summary(lq.down, hides[1]);
    s.same = summary(lq.same, hides[2]);
    s.first_rung = summary(lq.first_rung, hides[3]);
  }
  return v;
}

}  // namespace regie::core::indicators
