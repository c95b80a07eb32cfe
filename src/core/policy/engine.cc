#include "core/policy/engine.h"

#include <algorithm>

namespace regie::core::policy {
namespace {

using internal::kNoDate;
using internal::kNone;

constexpr std::string_view kStatusCodes[] = {
    "op_tijd", "te_laat", "open", "verlopen", "niet_van_toepassing", "vrijgesteld"};
constexpr std::string_view kReasonCodes[] = {"",
                                             "pack_not_in_force",
                                             "pack_not_activated",
                                             "age",
                                             "role",
                                             "inburgeringsplicht",
                                             "leerplicht",
                                             "literacy",
                                             "family_reunification",
                                             "learning_route",
                                             "field",
                                             "exempt_from_inburgering",
                                             "exemption_event",
                                             "anchor_missing",
                                             "extended",
                                             "stopped"};

std::optional<Date> OptDate(int32_t day) {
  if (day == kNoDate) return std::nullopt;
  return Date::FromDays(day);
}

// Leerplicht runs from age 5 to 16 (seed 000, §4.5.1).
bool IsLeerplichtig(int32_t age) { return age >= 5 && age < 16; }

// The largest day s with civil::Add(s, span) <= on. Add is non-decreasing
// in s (a month end clamps, it never goes back), so a binary search finds
// it; the window covers any span a pack can write (4,000 years).
int32_t LastStartBy(const Duration& span, int32_t on) {
  constexpr int32_t kReach = 1'500'000;
  int32_t lo = on - kReach;  // Add(lo, span) <= on for every span within reach
  int32_t hi = on + kReach;  // Add(hi, span) > on
  while (hi - lo > 1) {
    const int32_t mid = lo + (hi - lo) / 2;
    if (civil::Add(mid, span) <= on)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

bool Meets(Requirement r, bool value) {
  return r == Requirement::kAny || (r == Requirement::kYes) == value;
}

}  // namespace

std::string_view ToCode(MilestoneStatus status) { return kStatusCodes[static_cast<int>(status)]; }
std::string_view ToCode(Reason reason) { return kReasonCodes[static_cast<int>(reason)]; }

Evaluator::Evaluator(const CompiledPolicy& policy) : t_(policy.tables()) {
  const size_t n = t_.events.size();
  begin_.assign(n, 0);
  end_.assign(n, 0);
  first_.assign(n, kNoDate);
  recorded_.assign(n, 0);
  for (uint32_t i = 0; i < n; ++i) {
    if (t_.events[i].kind == EventKind::kPersonField) field_events_.push_back(i);
    if (t_.events[i].kind == EventKind::kRecorded) recorded_[i] = 1;
  }
  selected_.assign(t_.groups.size(), {});
  position_.assign(t_.milestones.size(), 0);
  milestone_group_.assign(t_.milestones.size(), 0);
  milestone_version_.assign(t_.milestones.size(), kNone);
  for (uint32_t g = 0; g < t_.groups.size(); ++g) {
    const auto& versions = t_.groups[g].versions;
    for (uint32_t v = 0; v < versions.size(); ++v) {
      for (uint32_t i = versions[v].milestones.begin;
           i < versions[v].milestones.begin + versions[v].milestones.count; ++i) {
        milestone_group_[i] = g;
        milestone_version_[i] = v;
      }
    }
  }
  lazy_.assign(t_.milestones.size(), {});
  lazy_stamp_.assign(t_.milestones.size(), 0);
  SelectIndicators({});
}

void Evaluator::SelectIndicators(const std::vector<uint8_t>& mask) {
  indicator_mask_.assign(t_.indicators.size(), 1);
  if (!mask.empty())
    for (size_t i = 0; i < indicator_mask_.size(); ++i)
      indicator_mask_[i] = i < mask.size() && mask[i] != 0 ? 1 : 0;
  for_indicators_.assign(t_.milestones.size(), 0);
  for (size_t i = 0; i < t_.indicators.size(); ++i) {
    if (indicator_mask_[i] == 0) continue;
    const internal::CIndicator& c = t_.indicators[i];
    if (c.milestone != kNone) for_indicators_[c.milestone] = 1;
    if (c.milestone_applies != kNone) for_indicators_[c.milestone_applies] = 1;
  }
  group_for_indicators_.assign(t_.groups.size(), 0);
  for (size_t g = 0; g < t_.groups.size(); ++g)
    for (const internal::CVersion& v : t_.groups[g].versions)
      for (uint32_t i = v.indicators.begin; i < v.indicators.begin + v.indicators.count; ++i)
        if (indicator_mask_[i] != 0) group_for_indicators_[g] = 1;
}

int32_t Evaluator::AgeOn(int32_t day) {
  if (day != age_cache_day_) {
    age_cache_day_ = day;
    age_cache_ = civil::Age(birth_, day);
  }
  return age_cache_;
}

int32_t Evaluator::FirstMatch(internal::Range matches) const {
  int32_t best = kNoDate;
  for (uint32_t k = 0; k < matches.count; ++k) {
    const internal::CMatch& m = t_.matches[matches.begin + k];
    int32_t d = kNoDate;
    if (!m.has_min) {
      d = first_[m.event];
    } else {
      for (const EventRecord& e : Bucket(m.event)) {
        if (e.value >= m.min_value) {
          d = e.date.days();
          break;
        }
      }
    }
    if (d != kNoDate && (best == kNoDate || d < best)) best = d;
  }
  return best;
}

Reason Evaluator::CheckApplies(const internal::CApplies& a, const PersonFacts& facts,
                               int32_t on_day) {
  if (a.any) return Reason::kNone;
  if (a.min_age >= 0 || a.max_age >= 0 || a.leerplicht != Requirement::kAny) {
    const int32_t age = AgeOn(on_day);
    if ((a.min_age >= 0 && age < a.min_age) || (a.max_age >= 0 && age > a.max_age))
      return Reason::kAge;
    if (!Meets(a.leerplicht, IsLeerplichtig(age))) return Reason::kLeerplicht;
  }
  if (a.role_mask && !(a.role_mask & (1U << static_cast<unsigned>(facts.role))))
    return Reason::kRole;
  if (a.literacy_mask && !(a.literacy_mask & (1U << static_cast<unsigned>(facts.literacy))))
    return Reason::kLiteracy;
  if (!Meets(a.family, facts.family_reunification)) return Reason::kFamilyReunification;
  if (a.routes.count) {
    bool found = false;
    for (uint32_t k = 0; k < a.routes.count && !found; ++k)
      found = t_.strings[a.routes.begin + k] == facts.learning_route;
    if (!found) return Reason::kLearningRoute;
  }
  for (uint32_t k = 0; k < a.fields.count; ++k) {
    const internal::CField& f = t_.fields[a.fields.begin + k];
    const std::string* value = facts.Field(f.name);
    if (!value || std::find(f.values.begin(), f.values.end(), *value) == f.values.end())
      return Reason::kField;
  }
  // Last, so that a rule that does not apply for another reason says so.
  if (a.inburgering == Requirement::kYes) {
    if (facts.inburgeringsplicht == InburgeringPlicht::kExempt)
      return Reason::kExemptFromInburgering;
    if (facts.inburgeringsplicht != InburgeringPlicht::kYes) return Reason::kInburgeringsplicht;
  } else if (a.inburgering == Requirement::kNo &&
             facts.inburgeringsplicht == InburgeringPlicht::kYes) {
    return Reason::kInburgeringsplicht;
  }
  return Reason::kNone;
}

void Evaluator::EvaluateMilestone(uint32_t index, const PersonFacts& facts, MilestoneResult& r) {
  const internal::CMilestone& c = t_.milestones[index];
  const int32_t anchor = first_[c.anchor];
  r.anchor = OptDate(anchor);
  const Reason applies = CheckApplies(c.applies, facts, anchor != kNoDate ? anchor : on_);
  if (applies != Reason::kNone) {
    r.reason = applies;
    r.status = applies == Reason::kExemptFromInburgering ? MilestoneStatus::kVrijgesteld
                                                         : MilestoneStatus::kNietVanToepassing;
    return;
  }
  const int32_t satisfied = FirstMatch(c.matches);
  r.satisfied = OptDate(satisfied);
  int32_t exempt = kNoDate;
  for (uint32_t k = 0; k < c.exemptions.count; ++k) {
    int32_t d = first_[t_.event_refs[c.exemptions.begin + k]];
    if (d != kNoDate && (exempt == kNoDate || d < exempt)) exempt = d;
  }
  // An exemption does not undo a milestone that was already met.
  if (exempt != kNoDate && (satisfied == kNoDate || satisfied > exempt)) {
    r.status = MilestoneStatus::kVrijgesteld;
    r.reason = Reason::kExemptionEvent;
    r.satisfied.reset();
    return;
  }
  if (!c.fixed && anchor == kNoDate) {
    r.reason = Reason::kAnchorMissing;
    r.status = satisfied != kNoDate ? MilestoneStatus::kOpTijd : MilestoneStatus::kOpen;
    return;
  }
  int32_t due = c.fixed ? c.fixed_day : civil::Add(anchor, c.after);
  uint32_t applied = 0;
  for (uint32_t k = 0; k < c.extensions.count; ++k) {
    const internal::CExtension& x = t_.extensions[c.extensions.begin + k];
    int32_t times = 0;
    for (const EventRecord& e : Bucket(x.event)) {
      // Granted on or before the (extended) due date; a later one comes too late.
      if (times >= x.max_times || e.date.days() > due) break;
      due = civil::Add(due, x.by);
      ++times;
    }
    applied += static_cast<uint32_t>(times);
  }
  r.extensions = static_cast<uint8_t>(std::min<uint32_t>(applied, 255));
  if (applied) r.reason = Reason::kExtended;
  r.due = Date::FromDays(due);
  if (satisfied != kNoDate)
    r.status = satisfied <= due ? MilestoneStatus::kOpTijd : MilestoneStatus::kTeLaat;
  else
    r.status = on_ <= due ? MilestoneStatus::kOpen : MilestoneStatus::kVerlopen;
}

void Evaluator::EvaluateCadence(uint32_t index, const PersonFacts& facts, CadenceResult& r) {
  const internal::CCadence& c = t_.cadences[index];
  const int32_t start = first_[c.start];
  r.start = OptDate(start);
  const Reason applies = CheckApplies(c.applies, facts, start != kNoDate ? start : on_);
  if (applies != Reason::kNone) {
    r.reason = applies;
    r.status = applies == Reason::kExemptFromInburgering ? MilestoneStatus::kVrijgesteld
                                                         : MilestoneStatus::kNietVanToepassing;
    return;
  }
  if (start == kNoDate) {
    r.status = MilestoneStatus::kOpen;
    r.reason = Reason::kAnchorMissing;
    return;
  }
  int32_t stop = kNoDate;
  for (uint32_t k = 0; k < c.stops.count; ++k) {
    const uint32_t ev = t_.event_refs[c.stops.begin + k];
    int32_t d = kNoDate;
    if (t_.events[ev].kind == EventKind::kRecorded) {
      for (const EventRecord& e : Bucket(ev))
        if (e.date.days() >= start) {
          d = e.date.days();
          break;
        }
    } else if (first_[ev] >= start) {
      d = first_[ev];
    }
    if (d != kNoDate && (stop == kNoDate || d < stop)) stop = d;
  }
  const int32_t end = stop != kNoDate ? stop : on_;
  scratch_dates_.clear();
  for (uint32_t k = 0; k < c.matches.count; ++k) {
    const internal::CMatch& m = t_.matches[c.matches.begin + k];
    if (t_.events[m.event].kind == EventKind::kRecorded) {
      for (const EventRecord& e : Bucket(m.event))
        if (e.date.days() > start && e.date.days() <= end && (!m.has_min || e.value >= m.min_value))
          scratch_dates_.push_back(e.date.days());
    } else if (first_[m.event] > start && first_[m.event] <= end) {
      scratch_dates_.push_back(first_[m.event]);
    }
  }
  if (c.matches.count > 1) std::sort(scratch_dates_.begin(), scratch_dates_.end());
  int32_t prev = start;
  uint32_t met = 0, late = 0;
  for (int32_t d : scratch_dates_) {
    if (d <= prev) continue;  // two contacts on one day count once
    if (d > civil::Add(prev, c.every)) ++late;
    ++met;
    prev = d;
  }
  const int32_t next = civil::Add(prev, c.every);
  if (met) r.last = Date::FromDays(prev);
  if (stop != kNoDate) {
    if (stop > next) ++late;  // the obligation lapsed before the stop
    r.stopped = Date::FromDays(stop);
    r.reason = Reason::kStopped;
    r.status = late ? MilestoneStatus::kTeLaat : MilestoneStatus::kOpTijd;
  } else {
    r.next_due = Date::FromDays(next);
    r.status = on_ <= next ? MilestoneStatus::kOpen : MilestoneStatus::kVerlopen;
  }
  r.met = static_cast<uint16_t>(std::min<uint32_t>(met, 65535));
  r.late = static_cast<uint16_t>(std::min<uint32_t>(late, 65535));
}

void Evaluator::Evaluate(const PersonFacts& facts, std::span<const EventRecord> events, Date on,
                         Evaluation& out, Scope scope) {
  on_ = on.days();
  const auto n = static_cast<uint32_t>(t_.events.size());
  // Sorting makes the result independent of the order events were recorded in.
  sorted_.clear();
  for (const EventRecord& e : events)
    if (e.event < n && t_.events[e.event].kind == EventKind::kRecorded && e.date.days() <= on_)
      sorted_.push_back(e);
  std::sort(sorted_.begin(), sorted_.end(), EventsBefore);
  Run(facts, sorted_, out, scope);
}

void Evaluator::EvaluateSorted(const PersonFacts& facts, std::span<const EventRecord> sorted,
                               Date on, Evaluation& out, Scope scope) {
  on_ = on.days();
  Run(facts, sorted, out, scope);
}

void Evaluator::Prepare(const PersonFacts& facts, std::span<const EventRecord> sorted,
                        std::span<const EventRun> runs) {
  birth_ = civil::YmdOf(facts.birth_date.days());
  // A recompute asks for one reference date for a whole population.
  if (on_ymd_day_ != on_) {
    on_ymd_day_ = on_;
    on_ymd_ = civil::FromDays(on_);
    min_residence_last_.resize(t_.indicators.size());
    max_residence_last_.resize(t_.indicators.size());
    for (size_t i = 0; i < t_.indicators.size(); ++i) {
      const internal::CIndicator& c = t_.indicators[i];
      if (c.has_min_residence) min_residence_last_[i] = LastStartBy(c.min_residence, on_);
      if (c.has_max_residence) max_residence_last_[i] = LastStartBy(c.max_residence, on_);
    }
  }
  age_on_ = civil::Age(birth_, on_ymd_);
  age_cache_day_ = on_;
  age_cache_ = age_on_;
  IndexEvents(facts, sorted, runs);
}

const Evaluator::Selected& Evaluator::SelectVersion(size_t g) {
  const internal::CGroup& group = t_.groups[g];
  int32_t anchor = first_[group.anchor];
  if (anchor == kNoDate) anchor = on_;  // not yet anchored: today's rules
  // The version valid on the anchor date; when none is, the nearest one
  // still names the rules (all niet_van_toepassing).
  Selected s;
  uint32_t nearest = 0;
  for (uint32_t v = 0; v < group.versions.size(); ++v) {
    const internal::CVersion& version = group.versions[v];
    if (version.valid_from <= anchor) nearest = v;
    if (version.valid_from <= anchor && anchor <= version.valid_to) s.version = v;
  }
  if (s.version == kNone) {
    s.version = nearest;
    s.reason = Reason::kPackNotInForce;
  } else {
    bool active =
        std::any_of(group.activations.begin(), group.activations.end(),
                    [&](const auto& w) { return w.first <= anchor && anchor <= w.second; });
    if (!active) s.reason = Reason::kPackNotActivated;
  }
  selected_[g] = s;
  return selected_[g];
}

void Evaluator::Run(const PersonFacts& facts, std::span<const EventRecord> sorted, Evaluation& out,
                    Scope scope) {
  const bool all = scope == Scope::kEverything;
  runs_.clear();
  AppendEventRuns(sorted, runs_);
  Prepare(facts, sorted, runs_);
  out.milestones.clear();
  out.cadences.clear();
  for (size_t g = 0; g < t_.groups.size(); ++g) {
    // Indicators read only milestones of their own pack version (the
    // compiler resolves them there), so a group without a selected
    // indicator has nothing for kIndicatorsOnly to evaluate.
    if (!all && group_for_indicators_[g] == 0) continue;
    const Selected& s = SelectVersion(g);
    const internal::CVersion& v = t_.groups[g].versions[s.version];
    for (uint32_t i = v.milestones.begin; i < v.milestones.begin + v.milestones.count; ++i) {
      if (!all && !for_indicators_[i]) continue;
      position_[i] = static_cast<uint32_t>(out.milestones.size());
      MilestoneResult& r = out.milestones.emplace_back();
      r.milestone = i;
      if (s.reason != Reason::kNone)
        r.reason = s.reason;
      else
        EvaluateMilestone(i, facts, r);
    }
    for (uint32_t i = v.cadences.begin; i < v.cadences.begin + v.cadences.count && all; ++i) {
      CadenceResult& r = out.cadences.emplace_back();
      r.cadence = i;
      if (s.reason != Reason::kNone)
        r.reason = s.reason;
      else
        EvaluateCadence(i, facts, r);
    }
  }
}

StatusOr<bool> CheckEvent(const CompiledPolicy& policy, const PersonFacts& facts,
                          const PersonEvent& event, Date today) {
  if (event.date < facts.birth_date)
    return InvalidArgument("event_before_birth",
                           "event '" + event.event + "' on " + event.date.ToString() +
                               " lies before the birth date " + facts.birth_date.ToString(),
                           {{"date", "event_before_birth"}});
  if (event.date > today)
    return InvalidArgument("event_in_future",
                           "event '" + event.event + "' on " + event.date.ToString() +
                               " lies after today " + today.ToString(),
                           {{"date", "event_in_future"}});
  std::optional<uint32_t> index = policy.FindEvent(event.event);
  if (!index) return false;
  const EventDecl& decl = policy.event_decl(*index);
  if (decl.kind != EventKind::kRecorded)
    return InvalidArgument("event_not_recordable",
                           "event '" + event.event +
                               "' is not recorded: it comes from the person record or is derived",
                           {{"event", "event_not_recordable"}});
  if (decl.requires_reason && event.reason.empty())
    return InvalidArgument("event_reason_required", "event '" + event.event + "' needs a reason",
                           {{"reason", "required"}});
  if (decl.value_kind == EventValueKind::kInteger && !event.value)
    return InvalidArgument("event_value_required",
                           "event '" + event.event + "' needs a number (" + decl.unit + ")",
                           {{"value", "required"}});
  if (decl.value_kind == EventValueKind::kCode) {
    StatusOr<EventRecord> interned = policy.Intern(event);
    if (!interned.ok()) return interned.status();
  }
  return true;
}

}  // namespace regie::core::policy
