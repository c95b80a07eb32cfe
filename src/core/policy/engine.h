#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/enums.h"
#include "core/policy/civil.h"
#include "core/policy/compiled.h"
#include "core/policy/person.h"
#include "core/status.h"

namespace regie::core::policy {

// The status of a milestone (and of a cadence's current item) on the
// reference date R, with due date D and satisfaction date S:
//   op_tijd              S exists and S <= D
//   te_laat              S exists and S > D
//   open                 no S and R <= D (or the anchor has not happened yet)
//   verlopen             no S and R > D (overdue: the worklist shows it)
//   niet_van_toepassing  the rule does not apply to this person
//   vrijgesteld          exempt: an exemption event before S, or the person
//                        is exempt from inburgering for an inburgering rule
enum class MilestoneStatus : uint8_t {
  kOpTijd,
  kTeLaat,
  kOpen,
  kVerlopen,
  kNietVanToepassing,
  kVrijgesteld,
};

// Why a status was decided; a stable code for the UI and the audit of a
// decision ("vrijgesteld because ...").
enum class Reason : uint8_t {
  kNone,
  kPackNotInForce,       // no version of the pack is valid on the version anchor date
  kPackNotActivated,     // the tenant has not activated the pack on that date
  kAge,                  // age on the anchor date outside the rule's range
  kRole,                 // household role not listed
  kInburgeringsplicht,   // rule is for inburgeringsplichtigen (or the opposite)
  kLeerplicht,           // rule is for leerplichtigen (or the opposite)
  kLiteracy,             // literacy not listed
  kFamilyReunification,  // rule is for nareizigers (or the opposite)
  kLearningRoute,        // learning route unknown or not listed
  kField,                // a custom field condition failed
  kExemptFromInburgering,
  kExemptionEvent,
  kAnchorMissing,  // the anchor event has not happened (by R)
  kExtended,       // due date moved by an extension
  kStopped,        // cadence ended by its stop event
};

std::string_view ToCode(MilestoneStatus status);
std::string_view ToCode(Reason reason);

// One milestone for one person. Dates are absent when they do not apply.
struct MilestoneResult {
  uint32_t milestone = 0;  // CompiledPolicy::milestone(i): rule id, pack id, version
  MilestoneStatus status = MilestoneStatus::kNietVanToepassing;
  Reason reason = Reason::kNone;
  uint8_t extensions = 0;  // extensions applied to the due date
  std::optional<Date> anchor;
  std::optional<Date> due;
  std::optional<Date> satisfied;
};

// The current item of a cadence: the next due date and how the past went.
// Status: open / verlopen for the running item, op_tijd / te_laat once
// stopped (te_laat when any interval was exceeded), and
// niet_van_toepassing / vrijgesteld as for milestones.
struct CadenceResult {
  uint32_t cadence = 0;
  MilestoneStatus status = MilestoneStatus::kNietVanToepassing;
  Reason reason = Reason::kNone;
  uint16_t met = 0;   // satisfying events counted since the start
  uint16_t late = 0;  // intervals that ran past their due date
  std::optional<Date> start;
  std::optional<Date> last;  // last satisfying event
  std::optional<Date> next_due;
  std::optional<Date> stopped;
};

// Why a person who belongs to an indicator's population is not (yet) in
// its denominator on the reference date (right-censoring: the outcome is
// not known yet, so counting him either way would bias the share).
enum class Waiting : uint8_t {
  kNo,
  kWithinWindow,   // deadline or minimum residence not passed ("nog binnen termijn")
  kAnchorMissing,  // the milestone's anchor event has not happened yet
};

// Whether a person counts for an indicator on the reference date, and if so
// whether the measure holds. `waiting` is set only when the person is not in
// the population because his outcome cannot be known yet.
struct IndicatorResult {
  uint32_t indicator = 0;
  bool in_population = false;
  bool satisfied = false;
  Waiting waiting = Waiting::kNo;
};

// Counts persons over a population for one indicator.
struct IndicatorTally {
  int64_t population = 0;
  int64_t satisfied = 0;

  void Add(const IndicatorResult& r) {
    population += r.in_population ? 1 : 0;
    satisfied += r.in_population && r.satisfied ? 1 : 0;
  }
  // Share satisfied in percent; 0 for an empty population.
  double Percent() const {
    return population == 0
               ? 0.0
               : 100.0 * static_cast<double>(satisfied) / static_cast<double>(population);
  }
  // An empty population meets no target: there is nothing to show.
  bool TargetMet(double target_percent) const {
    return population > 0 && Percent() >= target_percent;
  }
};

struct Evaluation {
  std::vector<MilestoneResult> milestones;
  std::vector<CadenceResult> cadences;
};

// A run of one event in a person's events in canonical order (EventsBefore):
// the records from the previous run's `end` (0 for the first) up to `end`
// are all of `event`. A population computes its runs once at load, so a
// recompute indexes a person run by run rather than record by record.
struct EventRun {
  uint32_t event = 0;
  uint32_t end = 0;
};

// Appends the runs of `sorted` (canonical order) to `out`.
void AppendEventRuns(std::span<const EventRecord> sorted, std::vector<EventRun>& out);

// Evaluates every milestone and cadence of the active packs for one person
// on a reference date (from the injected clock, never the system clock).
// Pure: the result depends only on the facts, the events and the date, not
// on the order in which events were recorded; events and person dates after
// the reference date are ignored (they have not happened yet on that date).
// A person is judged per pack by the version valid on his version-anchor
// date (or, while that event has not happened, on the reference date).
//
// Not thread-safe: one Evaluator per thread. It keeps scratch buffers, so
// after the first few persons Evaluate allocates nothing.
class Evaluator {
 public:
  // kIndicatorsOnly evaluates just the milestones indicators read (their
  // measure or population) and no cadences: what EvaluateIndicators needs,
  // for the cohort engine's pass over every person.
  enum class Scope : uint8_t { kEverything, kIndicatorsOnly };

  explicit Evaluator(const CompiledPolicy& policy);

  void Evaluate(const PersonFacts& facts, std::span<const EventRecord> events, Date on,
                Evaluation& out, Scope scope = Scope::kEverything);

  // The same for events already in canonical order (EventsBefore: by event,
  // then date, then value), as TenantPopulation keeps them: skips the
  // per-person copy and sort, which dominates a recompute over a whole
  // population. The results are those of Evaluate on the same events in any
  // order. `sorted` must outlive the EvaluateIndicators call that follows
  // (the buckets point into it).
  void EvaluateSorted(const PersonFacts& facts, std::span<const EventRecord> sorted, Date on,
                      Evaluation& out, Scope scope = Scope::kEverything);

  // Limits kIndicatorsOnly and EvaluateIndicators to the indicators whose
  // mask entry is non-zero (indexed like CompiledPolicy::indicator); an
  // empty mask selects every indicator, as after construction. For a caller
  // that wants only some figures, so the others cost nothing.
  void SelectIndicators(const std::vector<uint8_t>& mask);

  // For the person of the last Evaluate, on its reference date: the
  // earliest date of an event (internal::kNoDate if it has not happened),
  // and a recorded event's occurrences by date then value (empty for any
  // other kind). For callers that read the same events next to the rules.
  int32_t FirstDate(uint32_t event) const { return first_[event]; }
  std::span<const EventRecord> Occurrences(uint32_t event) const { return Bucket(event); }
  // His civil age on that reference date.
  int32_t ReferenceAge() const { return age_on_; }

  // Indicator membership for the person of the last Evaluate (same date).
  void EvaluateIndicators(const PersonFacts& facts, const Evaluation& evaluation,
                          std::vector<IndicatorResult>& out) const;

  // EvaluateSorted with kIndicatorsOnly, then EvaluateIndicators, in one
  // step for a recompute over a population: a milestone is evaluated only
  // when an indicator whose other population checks (cohort, age,
  // residence) the person passes reads it, so a person outside an
  // indicator's population costs no milestone for it. Same results.
  // FirstDate and Occurrences answer for this person afterwards.
  // `runs` are the runs of `sorted` (AppendEventRuns).
  void IndicatorsOfSorted(const PersonFacts& facts, std::span<const EventRecord> sorted,
                          std::span<const EventRun> runs, Date on,
                          std::vector<IndicatorResult>& out);

 private:
  struct Selected {
    uint32_t version = internal::kNone;  // index into the group's versions
    Reason reason = Reason::kNone;
  };

  void Run(const PersonFacts& facts, std::span<const EventRecord> sorted, Evaluation& out,
           Scope scope);
  // Per person: the reference-date caches, his age and his event index.
  void Prepare(const PersonFacts& facts, std::span<const EventRecord> sorted,
               std::span<const EventRun> runs);
  // Chooses group g's version for the person (selected_[g]).
  const Selected& SelectVersion(size_t g);
  // EvaluateIndicators over milestone results that find(milestone) gives
  // (nullptr: not evaluated for this person).
  template <typename Find>
  void IndicatorsWith(Find&& find, std::vector<IndicatorResult>& out) const;
  void IndexEvents(const PersonFacts& facts, std::span<const EventRecord> sorted,
                   std::span<const EventRun> runs);
  int32_t First(uint32_t event) const { return first_[event]; }
  std::span<const EventRecord> Bucket(uint32_t event) const {
    return {base_ + begin_[event], end_[event] - begin_[event]};
  }
  int32_t FirstMatch(internal::Range matches) const;
  Reason CheckApplies(const internal::CApplies& a, const PersonFacts& facts, int32_t on_day);
  void EvaluateMilestone(uint32_t index, const PersonFacts& facts, MilestoneResult& r);
  void EvaluateCadence(uint32_t index, const PersonFacts& facts, CadenceResult& r);
  bool ConditionHolds(const internal::CCondition& c) const;
  int32_t AgeOn(int32_t day);

  const internal::Tables& t_;
  int32_t on_ = 0;
  civil::Ymd birth_{};
  int32_t on_ymd_day_ = internal::kNoDate;  // on_ymd_ is the calendar date of this day
  civil::Ymd on_ymd_{};
  int32_t age_on_ = 0;  // civil age on the reference date
  // Per indicator, for the reference date on_ymd_day_: the last start day
  // whose minimum / maximum residence has ended by then. civil::Add is
  // monotone in its start, so "Add(since, span) <= on" is "since <= last",
  // one comparison instead of a calendar computation per person.
  std::vector<int32_t> min_residence_last_;
  std::vector<int32_t> max_residence_last_;
  std::vector<EventRecord> sorted_;  // Evaluate's copy: recorded events <= on, canonical order
  std::vector<EventRun> runs_;       // Run's runs of the events it was given
  // Bucket of recorded event e (its occurrences <= on, by date then value):
  // base_[begin_[e] .. end_[e]). Only the events in touched_ are non-empty;
  // they are reset before the next person, so a person costs his own events,
  // not the policy's event count.
  const EventRecord* base_ = nullptr;
  std::vector<uint32_t> begin_;
  std::vector<uint32_t> end_;
  std::vector<uint32_t> touched_;
  std::vector<uint32_t> field_events_;  // person-field events, re-read for every person
  std::vector<uint8_t> recorded_;       // per event: EventKind::kRecorded (dense, for the scan)
  std::vector<int32_t> first_;          // earliest date of every event, kNoDate if none
  std::vector<Selected> selected_;      // per pack group
  std::vector<uint32_t> position_;      // per milestone: its index in Run's out.milestones
  // IndicatorsOfSorted's results per milestone, current when the stamp is.
  std::vector<uint32_t> milestone_group_;
  std::vector<uint32_t> milestone_version_;
  std::vector<MilestoneResult> lazy_;
  std::vector<uint32_t> lazy_stamp_;
  uint32_t stamp_ = 0;
  std::vector<int32_t> scratch_dates_;
  std::vector<uint8_t> for_indicators_;  // per milestone: read by a selected indicator
  std::vector<uint8_t> indicator_mask_;  // per indicator: selected (SelectIndicators)
  // Per pack group: a version has a selected indicator, so kIndicatorsOnly
  // must select its version; a group without one contributes nothing then.
  std::vector<uint8_t> group_for_indicators_;
  int32_t age_cache_day_ = internal::kNoDate;
  int32_t age_cache_ = 0;
};

// The canonical order of a person's events: by event, then date, then
// value. Records equal under it are identical, so any sort gives the same
// sequence.
inline bool EventsBefore(const EventRecord& a, const EventRecord& b) {
  if (a.event != b.event) return a.event < b.event;
  if (a.date != b.date) return a.date < b.date;
  return a.value < b.value;
}

// Checks an event before it is recorded: not before the person's birth, not
// after `today`, a declared event must be recordable (not a person field or
// derived), carry the value its declaration asks for and a reason when
// required. Returns true when an active pack declares the event, false for
// an unknown event, which is still valid: it is stored and reported.
StatusOr<bool> CheckEvent(const CompiledPolicy& policy, const PersonFacts& facts,
                          const PersonEvent& event, Date today);

}  // namespace regie::core::policy
