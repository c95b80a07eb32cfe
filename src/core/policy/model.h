#pragma once

// The policy pack model: a municipality's (or the national law's) deadlines,
// cadences, indicators and code lists as data. Packs are parsed by an adapter
// (src/packs, TOML) into these types; core validates, activates, compiles and
// evaluates them without any I/O. See docs/policy-packs.md.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace regie::core::policy {

// Where a rule was written, so every error names file, line and column.
// Line and column are 1-based; 0 means unknown (e.g. a pack built in code).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  std::string ToString() const;  // "file:line:column" (parts that are known)
};

// One problem in a pack or pack set. `code` is a stable machine code
// (e.g. "unknown_event"); `message` is an English explanation.
struct PolicyError {
  SourceLocation where;
  std::string code;
  std::string message;

  std::string ToString() const;  // "file:line:column: code: message"
};

enum class DurationUnit { kDays, kWeeks, kMonths, kYears };

// A span after an anchor date. Months and years are calendar months
// (Date::AddMonths: the day is clamped to the target month's length), so
// "6 months" after 31 August is 28/29 February.
struct Duration {
  int32_t amount = 0;
  DurationUnit unit = DurationUnit::kDays;

  Date AddTo(Date from) const;
  std::string ToString() const;  // "10 weeks"
  friend bool operator==(const Duration&, const Duration&) = default;
};

// Parses "<n> <unit>" with unit day(s), week(s), month(s) or year(s), e.g.
// "10 weeks", "1 year", "-2 weeks". Malformed text gives nullopt; zero and
// negative spans are accepted here so that validation can say precisely
// where they are impossible.
std::optional<Duration> ParseDuration(std::string_view text);

struct LocalizedText {
  std::string nl;
  std::string en;
};

// The document and section a rule comes from: a seed document section or a
// law article. Every rule must carry one.
struct SourceRef {
  std::string document;
  std::string section;
};

// Where the engine finds the date of an event.
enum class EventKind {
  kRecorded,     // dated events recorded for the person (storage)
  kPersonField,  // a date field of the person record (PersonFacts)
  kDerived,      // computed from other events
};

enum class PersonDateField { kBirthDate, kPermitDate, kKoppelingDate, kHousingDate };

// What a recorded event carries besides its date.
enum class EventValueKind { kNone, kInteger, kCode };

// How a derived event picks its date from its sources.
enum class DerivedPick { kEarliest, kLatest };

// A fact the engine can see. Recorded events may be declared by any pack
// without code changes; the same id declared in several packs must agree on
// kind, person field, value kind and derivation.
struct EventDecl {
  std::string id;
  LocalizedText label;
  EventKind kind = EventKind::kRecorded;
  PersonDateField person_field = PersonDateField::kHousingDate;  // kPersonField only
  EventValueKind value_kind = EventValueKind::kNone;
  std::string code_list;         // kCode: the code list the value comes from
  std::string unit;              // kInteger: what the number means, e.g. "uren_per_week"
  bool requires_reason = false;  // exemptions and extensions must say why
  // kDerived: the date of `from` (earliest or latest of those that happened)
  // plus `offset`.
  std::vector<std::string> derived_from;
  DerivedPick pick = DerivedPick::kEarliest;
  Duration offset;
  SourceLocation where;
};

// Person field conditions for rules that look at custom facts, e.g.
// { field = "trede", in = ["5"] }.
struct FieldCondition {
  std::string field;
  std::vector<std::string> values;  // the field's value must be one of these
  SourceLocation where;
};

// Three-valued requirement: unset means "either".
enum class Requirement { kAny, kYes, kNo };

// Who a rule applies to. Age is the civil age on the anchor date, both bounds
// inclusive. Codes are the enum codes of core/enums.h (roles "hoofdpersoon",
// literacy "nee", ...) and the pack's learning-route codes.
struct Applicability {
  std::optional<int> min_age;
  std::optional<int> max_age;
  std::vector<std::string> roles;
  Requirement inburgeringsplichtig = Requirement::kAny;
  Requirement leerplichtig = Requirement::kAny;  // derived: age 5 up to 16 on the anchor date
  Requirement family_reunification = Requirement::kAny;
  std::vector<std::string> literacy;
  std::vector<std::string> learning_routes;
  std::vector<FieldCondition> fields;
  SourceLocation where;
};

// An event that satisfies a milestone; `min_value` for integer events such
// as a ladder rung ("rung >= 4").
struct EventMatch {
  std::string event;
  std::optional<int32_t> min_value;
  SourceLocation where;
};

// A documented extension of a deadline: each `event` recorded on or before
// the (already extended) due date moves it by `by`, at most `max_times`.
struct ExtensionRule {
  std::string event;
  Duration by;
  int max_times = 1;
  SourceLocation where;
};

// A deadline: a span after the anchor, or a fixed calendar date.
struct Deadline {
  std::optional<Duration> after;
  std::optional<Date> on;
  SourceLocation where;
};

struct Milestone {
  std::string id;
  LocalizedText label;
  std::string domain;
  std::string anchor;  // event id
  Deadline deadline;
  Applicability applies;
  std::vector<EventMatch> satisfied_by;  // any of these
  std::vector<ExtensionRule> extensions;
  std::vector<std::string> exemptions;  // events that exempt (vrijgesteld)
  SourceRef source;
  std::string note;
  SourceLocation where;
};

// A recurring obligation: from the `start` event, a satisfying event is due
// every `every`; it stops at the first `stop` event.
struct Cadence {
  std::string id;
  LocalizedText label;
  std::string domain;
  std::string start;
  std::vector<std::string> stop;
  Duration every;
  std::vector<EventMatch> satisfied_by;
  Applicability applies;
  SourceRef source;
  std::string note;
  SourceLocation where;
};

// A state condition on a person's events at the reference date.
enum class StateTest {
  kHas,     // the event happened (on or before the reference date)
  kActive,  // the latest `event` has no later `until` event
  kLatest,  // the latest `event`'s value is at least min_value
};

struct StateCondition {
  StateTest test = StateTest::kHas;
  std::string event;
  std::string until;  // kActive
  std::optional<int32_t> min_value;
  std::vector<std::string> codes;  // for code events: latest code is one of these
  SourceLocation where;
};

enum class MeasureKind {
  kMilestoneOnTime,  // the milestone is op_tijd (met within its deadline)
  kMilestoneMet,     // the milestone is op_tijd or te_laat
  kState,            // any/all/none of the state conditions hold
};

struct Measure {
  MeasureKind kind = MeasureKind::kState;
  std::string milestone;
  std::vector<StateCondition> any;
  std::vector<StateCondition> all;
  std::vector<StateCondition> none;
  SourceLocation where;
};

// Who counts for an indicator at the reference date.
struct Population {
  std::string cohort_event;  // whose date places the person in the cohort
  std::optional<Date> cohort_from;
  std::optional<Date> cohort_to;
  std::optional<int> min_age;  // on the reference date
  std::optional<int> max_age;
  std::optional<Duration> min_residence;  // since residence_event
  std::optional<Duration> max_residence;
  std::string residence_event;
  std::string milestone_applies;  // only persons to whom this milestone applies
  SourceLocation where;
};

struct Indicator {
  std::string id;
  LocalizedText label;
  std::string domain;
  std::string theme;
  Population population;
  Measure measure;
  std::optional<double> target_percent;  // the share that must satisfy it; none: monitor only
  Date period_from;
  Date period_to;  // the reference date of the report
  SourceRef source;
  std::string note;
  SourceLocation where;
};

struct Code {
  std::string code;
  LocalizedText label;
  std::string follow_up;  // outcome categories: what happens next
};

// A warm-handover template (warme overdracht, `[warm_handovers.<id>]`): a
// referral from an organisation of one of `from_kinds` to one of `to_kinds`
// (core::OrganisationKind codes), with the data categories that usually go
// along (core::DataCategory codes; the sender still needs a sharing basis
// for each) and the checklist of what the handover involves.
struct WarmHandoverTemplate {
  std::string id;
  LocalizedText label;
  std::vector<std::string> from_kinds;
  std::vector<std::string> to_kinds;
  std::vector<std::string> package;
  std::vector<LocalizedText> checklist;
  int response_days = 10;   // for the receiver to accept or reject
  int retention_days = 30;  // the receiver keeps reading after completion
  SourceRef source;
  SourceLocation where;
};

// A code list; `outcome` marks outcome categories such as Ferm Werk A-D.
struct CodeList {
  std::string id;
  LocalizedText label;
  bool outcome = false;
  std::vector<Code> codes;
  SourceRef source;
  SourceLocation where;
};

// Tenant scope of a pack: national, or the municipalities (CBS codes such
// as "GM0632") that may activate it; a regional pack lists several.
struct Scope {
  bool national = true;
  std::vector<std::string> municipalities;

  // Whether a tenant with this CBS code may activate the pack.
  bool Includes(std::string_view tenant_code) const {
    if (national) return true;
    for (const std::string& m : municipalities)
      if (m == tenant_code) return true;
    return false;
  }
};

// One version of a pack. Versions of the same id must not overlap in
// validity; a person is judged by the version valid on his date of
// `version_anchor` (e.g. the housing date).
struct Pack {
  std::string id;
  int version = 1;
  LocalizedText title;
  Scope scope;
  Date valid_from;
  std::optional<Date> valid_to;  // inclusive; open-ended when absent
  std::string version_anchor;    // event id
  SourceRef source;
  std::vector<EventDecl> events;
  std::vector<Milestone> milestones;
  std::vector<Cadence> cadences;
  std::vector<Indicator> indicators;
  std::vector<CodeList> code_lists;
  std::vector<WarmHandoverTemplate> warm_handovers;
  SourceLocation where;

  bool ValidOn(Date d) const { return d >= valid_from && (!valid_to || d <= *valid_to); }
  const EventDecl* FindEvent(std::string_view event_id) const;
};

}  // namespace regie::core::policy
