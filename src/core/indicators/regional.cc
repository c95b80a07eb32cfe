#include "core/indicators/regional.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/stats/proportion.h"

namespace regie::core::indicators {
namespace {

const IndicatorFigures* Find(const Report& r, const CommonIndicator& c) {
  for (const IndicatorFigures& f : r.indicators)
    if (f.id == c.id && f.pack.id == c.pack_id) return &f;
  return nullptr;
}

const BreakdownFigures* FindBreakdown(const IndicatorFigures& f, Dimension d) {
  for (const BreakdownFigures& b : f.breakdowns)
    if (b.breakdown.first == d && b.breakdown.second == Dimension::kTotal) return &b;
  return nullptr;
}

void Add(Cell& into, const Cell& c) {
  into.satisfied += c.satisfied;
  into.not_satisfied += c.not_satisfied;
  into.within_window += c.within_window;
  into.anchor_missing += c.anchor_missing;
}

void Judge(Cell& c, const std::optional<double>& target) {
  c.wilson = stats::Wilson(c.satisfied, c.denominator());
  c.target = stats::TargetStatusOf(c.satisfied, c.denominator(), target);
}

// An indicator's figures keyed by cohort label, summed over `reports`.
IndicatorFigures Sum(const std::vector<const Report*>& reports, const CommonIndicator& common,
                     const std::vector<std::string>& cohort_labels) {
  IndicatorFigures out;
  std::map<std::string, Cell> by_cohort;
  Cell total;
  bool first = true;
  for (const Report* r : reports) {
    const IndicatorFigures* f = Find(*r, common);
    if (f == nullptr) continue;
    if (first) {
      out.indicator = f->indicator;
      out.id = f->id;
      out.label_nl = f->label_nl;
      out.label_en = f->label_en;
      out.domain = f->domain;
      out.theme = f->theme;
      out.pack = f->pack;
      out.deadline = f->deadline;
      out.target_percent = f->target_percent;
      first = false;
    }
    if (const BreakdownFigures* b = FindBreakdown(*f, Dimension::kTotal))
      for (const Cell& c : b->cells) Add(total, c);
    if (const BreakdownFigures* b = FindBreakdown(*f, Dimension::kCohort)) {
      const auto& labels = r->Labels(Dimension::kCohort);
      for (const Cell& c : b->cells)
        if (c.first < labels.size()) Add(by_cohort[labels[c.first]], c);
    }
  }
  BreakdownFigures t{{Dimension::kTotal, Dimension::kTotal}, {}};
  if (total.satisfied + total.not_satisfied + total.within_window + total.anchor_missing > 0) {
    Judge(total, out.target_percent);
    t.cells.push_back(total);
  }
  out.total_judgement =
      stats::JudgeTarget(total.satisfied, total.denominator(), out.target_percent);
  BreakdownFigures cohorts{{Dimension::kCohort, Dimension::kTotal}, {}};
  for (auto& [label, cell] : by_cohort) {
    auto at = std::lower_bound(cohort_labels.begin(), cohort_labels.end(), label);
    cell.first = static_cast<uint32_t>(at - cohort_labels.begin());
    Judge(cell, out.target_percent);
    cohorts.cells.push_back(cell);
  }
  out.breakdowns.push_back(std::move(t));
  out.breakdowns.push_back(std::move(cohorts));
  return out;
}

}  // namespace

std::vector<CommonIndicator> CommonIndicators(const std::vector<const Report*>& members) {
  std::vector<CommonIndicator> out;
  if (members.empty()) return out;
  for (const IndicatorFigures& f : members.front()->indicators) {
    CommonIndicator c{f.id, f.pack.id};
    bool everywhere = true;
    for (const Report* r : members) everywhere = everywhere && Find(*r, c) != nullptr;
    if (everywhere) out.push_back(std::move(c));
  }
  return out;
}

Report SumReports(const std::vector<const Report*>& members, Date on, std::string snapshot) {
  Report out;
  out.stamp.reference_date = on;
  out.stamp.snapshot = std::move(snapshot);
  std::vector<std::string> cohorts;
  for (const Report* r : members) {
    out.persons += r->persons;
    for (const PackVersion& v : r->stamp.packs) {
      bool seen = false;
      for (const PackVersion& w : out.stamp.packs)
        seen = seen || (w.id == v.id && w.version == v.version);
      if (!seen) out.stamp.packs.push_back(v);
    }
    for (const std::string& l : r->Labels(Dimension::kCohort)) cohorts.push_back(l);
  }
  std::sort(cohorts.begin(), cohorts.end());
  cohorts.erase(std::unique(cohorts.begin(), cohorts.end()), cohorts.end());
  out.labels[static_cast<size_t>(Dimension::kTotal)] = {"totaal"};
  for (const CommonIndicator& c : CommonIndicators(members))
    out.indicators.push_back(Sum(members, c, cohorts));
  out.labels[static_cast<size_t>(Dimension::kCohort)] = std::move(cohorts);
  return out;
}

Report Narrow(const Report& report, const std::vector<CommonIndicator>& common) {
  // Through the same summing as the regional total, so a member's figures
  // and the total are built (and later suppressed) the same way.
  Report r = SumReports({&report}, report.stamp.reference_date, report.stamp.snapshot);
  std::vector<IndicatorFigures> kept;
  for (const CommonIndicator& c : common)
    for (IndicatorFigures& f : r.indicators)
      if (f.id == c.id && f.pack.id == c.pack_id) kept.push_back(std::move(f));
  r.indicators = std::move(kept);
  r.stamp = report.stamp;
  return r;
}

}  // namespace regie::core::indicators
