#include "core/indicators/suppress.h"

namespace regie::core::indicators {
namespace {

using stats::CellState;
using stats::CountTable;

ShownCount Shown(const CountTable& t, int r, int c, bool suppress) {
  if (!suppress) return {t.At(r, c), CellState::kShown};
  if (!t.Suppressed(r, c)) return {t.At(r, c), CellState::kShown};
  return {0, t.State(r, c)};
}

// A single number outside any table (persons in a report, n of a curve).
ShownCount Single(int64_t value, bool suppress) {
  if (suppress && value > 0 && value < stats::kMinCell) return {0, CellState::kBelowThreshold};
  return {value, CellState::kShown};
}

constexpr int kColumns = 4;  // satisfied, not satisfied, within window, anchor missing

// `pin`: the states of the total breakdown's one row (its four slots and
// its total), which are this table's column totals; empty for the total
// breakdown itself.
ShownBreakdown ShowBreakdown(const BreakdownFigures& b, const std::optional<double>& target,
                             bool suppress, const std::vector<CellState>& pin,
                             std::vector<CellState>* row_states = nullptr) {
  CountTable table(static_cast<int>(b.cells.size()), kColumns);
  for (size_t i = 0; i < b.cells.size(); ++i) {
    const Cell& c = b.cells[i];
    const auto r = static_cast<int>(i);
    table.Set(r, 0, c.satisfied);
    table.Set(r, 1, c.not_satisfied);
    table.Set(r, 2, c.within_window);
    table.Set(r, 3, c.anchor_missing);
  }
  if (suppress && !pin.empty() && !b.cells.empty()) table.PinTotalsRow(pin);
  if (suppress) table.Suppress();
  if (row_states && b.cells.size() == 1)
    for (int k = 0; k <= kColumns; ++k) row_states->push_back(table.State(0, k));
  ShownBreakdown out;
  out.breakdown = b.breakdown;
  for (size_t i = 0; i < b.cells.size(); ++i) {
    const Cell& c = b.cells[i];
    const auto r = static_cast<int>(i);
    ShownCell& s = out.cells.emplace_back();
    s.first = c.first;
    s.second = c.second;
    s.satisfied = Shown(table, r, 0, suppress);
    s.not_satisfied = Shown(table, r, 1, suppress);
    s.within_window = Shown(table, r, 2, suppress);
    s.anchor_missing = Shown(table, r, 3, suppress);
    s.total = Shown(table, r, kColumns, suppress);
    if (s.satisfied.shown() && s.not_satisfied.shown()) {
      s.percent = c.percent();
      s.wilson = c.wilson;
      if (target) s.target = c.target;
    }
  }
  return out;
}

ShownCurve ShowCurve(const stats::KmCurve& curve, bool suppress) {
  ShownCurve out;
  out.n = Single(curve.n, suppress);
  if (!out.n.shown()) return out;
  int32_t last_time = 0;
  bool truncated = false;
  for (const stats::KmStep& s : curve.steps) {
    if (suppress && s.at_risk < stats::kMinCell) {
      truncated = true;
      break;
    }
    out.points.push_back({s.time, s.survival, s.lower, s.upper});
    last_time = s.time;
  }
  out.median = curve.median;
  if (truncated) {
    auto cut = [&](std::optional<int32_t>& t) {
      if (t && *t > last_time) t.reset();
    };
    cut(out.median.median);
    cut(out.median.lower);
    cut(out.median.upper);
  }
  return out;
}

}  // namespace

View Suppress(const Report& report, Audience audience) {
  const bool suppress = audience != Audience::kCaseTeam;
  View v;
  v.audience = audience;
  v.suppressed = suppress;
  v.stamp = report.stamp;
  v.labels = report.labels;
  v.persons = Single(report.persons, suppress);
  for (const IndicatorFigures& f : report.indicators) {
    ShownIndicator& s = v.indicators.emplace_back();
    s.id = f.id;
    s.label_nl = f.label_nl;
    s.label_en = f.label_en;
    s.domain = f.domain;
    s.theme = f.theme;
    s.pack = f.pack;
    s.deadline = f.deadline;
    s.target_percent = f.target_percent;
    // The total breakdown first: its suppressed row is every other
    // breakdown's totals row.
    std::vector<CellState> pin;
    for (const BreakdownFigures& b : f.breakdowns)
      if (b.breakdown == Breakdown{}) ShowBreakdown(b, f.target_percent, suppress, {}, &pin);
    for (const BreakdownFigures& b : f.breakdowns)
      s.breakdowns.push_back(
          ShowBreakdown(b, f.target_percent, suppress,
                        b.breakdown == Breakdown{} ? std::vector<CellState>{} : pin));
    // The total judgement quotes the interval: shown with the total's percentage.
    bool total_shown = !suppress;
    if (suppress && !s.breakdowns.empty()) {
      // Any breakdown's grand total row is the same numbers; the total
      // breakdown (one cell) says whether its percentage survived.
      for (const ShownBreakdown& b : s.breakdowns)
        if (b.breakdown == Breakdown{}) total_shown = b.cells.empty() || b.cells[0].percent;
    }
    if (total_shown) s.total_judgement = f.total_judgement;
  }
  for (const SurvivalFigures& f : report.survival) {
    ShownSurvival& s = v.survival.emplace_back();
    s.measure = f.measure;
    s.available = f.available;
    s.missing_events = f.missing_events;
    if (!f.available) continue;
    s.total = ShowCurve(f.total, suppress);
    for (const auto& [cohort, curve] : f.by_cohort)
      s.by_cohort.emplace_back(cohort, ShowCurve(curve, suppress));
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
    auto summary = [&](int64_t value, bool hide) {
      if (suppress && hide) return ShownCount{0, CellState::kComplementary};
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
