#include <algorithm>

#include "core/policy/engine.h"

// Indicator membership: which persons count for an indicator on the
// reference date, and whether its measure holds (engine.h).
namespace regie::core::policy {

using internal::kNoDate;
using internal::kNone;

bool Evaluator::ConditionHolds(const internal::CCondition& c) const {
  int32_t date = kNoDate;
  int32_t value = 0;
  if (t_.events[c.event].kind == EventKind::kRecorded) {
    std::span<const EventRecord> bucket = Bucket(c.event);
    if (!bucket.empty()) {
      date = bucket.back().date.days();
      value = bucket.back().value;
    }
  } else {
    date = first_[c.event];
  }
  if (date == kNoDate) return false;
  if (c.test == StateTest::kActive && c.until != kNone) {
    if (t_.events[c.until].kind == EventKind::kRecorded) {
      std::span<const EventRecord> ends = Bucket(c.until);
      if (!ends.empty() && ends.back().date.days() >= date) return false;
    } else if (first_[c.until] != kNoDate && first_[c.until] >= date) {
      return false;
    }
  }
  if (c.test != StateTest::kHas) {
    if (c.has_min && value < c.min_value) return false;
    if (c.codes.count) {
      bool found = false;
      for (uint32_t k = 0; k < c.codes.count && !found; ++k)
        found = t_.ints[c.codes.begin + k] == value;
      if (!found) return false;
    }
  }
  return true;
}

// The facts are those of the last Evaluate (the contract), whose age on the
// reference date Run already computed; the parameter stays for callers.
void Evaluator::EvaluateIndicators(const PersonFacts& /*facts*/, const Evaluation& evaluation,
                                   std::vector<IndicatorResult>& out) const {
  // Run noted where each milestone landed; an entry left from an earlier
  // person fails the identity check.
  IndicatorsWith(
      [&](uint32_t milestone) -> const MilestoneResult* {
        const uint32_t at = position_[milestone];
        if (at < evaluation.milestones.size() && evaluation.milestones[at].milestone == milestone)
          return &evaluation.milestones[at];
        for (const MilestoneResult& r : evaluation.milestones)  // not Run's Evaluation
          if (r.milestone == milestone) return &r;
        return nullptr;
      },
      out);
}

void Evaluator::IndicatorsOfSorted(const PersonFacts& facts, std::span<const EventRecord> sorted,
                                   std::span<const EventRun> runs, Date on,
                                   std::vector<IndicatorResult>& out) {
  on_ = on.days();
  Prepare(facts, sorted, runs);
  for (size_t g = 0; g < t_.groups.size(); ++g)
    if (group_for_indicators_[g] != 0) SelectVersion(g);
  if (++stamp_ == 0) {  // wrapped: no entry may look current
    std::fill(lazy_stamp_.begin(), lazy_stamp_.end(), 0);
    stamp_ = 1;
  }
  // What Run with kIndicatorsOnly would have put in the evaluation for
  // this milestone, computed on first use: nothing when its pack version
  // was not selected, the version's reason when the version does not apply.
  IndicatorsWith(
      [&](uint32_t milestone) -> const MilestoneResult* {
        const uint32_t g = milestone_group_[milestone];
        if (group_for_indicators_[g] == 0 || !for_indicators_[milestone] ||
            selected_[g].version != milestone_version_[milestone])
          return nullptr;
        MilestoneResult& r = lazy_[milestone];
        if (lazy_stamp_[milestone] != stamp_) {
          lazy_stamp_[milestone] = stamp_;
          r = MilestoneResult{};
          r.milestone = milestone;
          if (selected_[g].reason != Reason::kNone)
            r.reason = selected_[g].reason;
          else
            EvaluateMilestone(milestone, facts, r);
        }
        return &r;
      },
      out);
}

template <typename Find>
void Evaluator::IndicatorsWith(Find&& find, std::vector<IndicatorResult>& out) const {
  out.clear();
  auto holds_all = [&](internal::Range range, bool want) {
    for (uint32_t k = 0; k < range.count; ++k)
      if (ConditionHolds(t_.conditions[range.begin + k]) != want) return false;
    return true;
  };
  for (size_t g = 0; g < t_.groups.size(); ++g) {
    if (group_for_indicators_[g] == 0) continue;  // nothing selected; its version may be stale
    const internal::CVersion& v = t_.groups[g].versions[selected_[g].version];
    for (uint32_t i = v.indicators.begin; i < v.indicators.begin + v.indicators.count; ++i) {
      if (indicator_mask_[i] == 0) continue;
      IndicatorResult& r = out.emplace_back();
      r.indicator = i;
      if (selected_[g].reason != Reason::kNone) continue;
      const internal::CIndicator& c = t_.indicators[i];
      const int32_t cohort = first_[c.cohort_event];
      if (cohort == kNoDate || cohort < c.cohort_from || cohort > c.cohort_to) continue;
      if (c.min_age >= 0 || c.max_age >= 0) {
        const int32_t age = age_on_;  // the person of the last Evaluate, on on_
        if ((c.min_age >= 0 && age < c.min_age) || (c.max_age >= 0 && age > c.max_age)) continue;
      }
      // Too short a residence is censoring, not exclusion: the person will
      // count once the minimum residence has passed.
      bool too_soon = false;
      if (c.residence_event != kNone) {
        const int32_t since = first_[c.residence_event];
        if (since == kNoDate) continue;
        if (c.has_max_residence && since <= max_residence_last_[i]) continue;
        too_soon = c.has_min_residence && since > min_residence_last_[i];
      }
      if (c.milestone_applies != kNone) {
        const MilestoneResult* m = find(c.milestone_applies);
        if (!m || m->status == MilestoneStatus::kNietVanToepassing ||
            m->status == MilestoneStatus::kVrijgesteld)
          continue;
      }
      if (too_soon) {
        r.waiting = Waiting::kWithinWindow;
        continue;
      }
      if (c.measure == MeasureKind::kState) {
        r.in_population = true;
        bool any = c.any.count == 0;
        for (uint32_t k = 0; k < c.any.count && !any; ++k)
          any = ConditionHolds(t_.conditions[c.any.begin + k]);
        r.satisfied = any && holds_all(c.all, true) && holds_all(c.none, false);
        continue;
      }
      // Milestone measures count only decided cases: an open milestone is
      // neither a success nor a failure yet.
      // Only persons whose deadline has passed are in the denominator:
      // counting the early successes of a window that is still running,
      // but not its eventual failures, would bias the share upwards.
      const MilestoneResult* m = find(c.milestone);
      if (m && (m->status == MilestoneStatus::kOpen || m->status == MilestoneStatus::kOpTijd) &&
          m->due && m->due->days() >= on_) {
        r.waiting = Waiting::kWithinWindow;
        continue;
      }
      if (m && m->status == MilestoneStatus::kOpen) {
        r.waiting = Waiting::kAnchorMissing;
        continue;
      }
      if (!m || m->status == MilestoneStatus::kNietVanToepassing ||
          m->status == MilestoneStatus::kVrijgesteld)
        continue;
      r.in_population = true;
      r.satisfied =
          m->status == MilestoneStatus::kOpTijd ||
          (c.measure == MeasureKind::kMilestoneMet && m->status == MilestoneStatus::kTeLaat);
    }
  }
}

}  // namespace regie::core::policy
