#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/policy/model.h"
#include "core/policy/person.h"
#include "core/status.h"

namespace regie::core::policy {

// A tenant switches a pack (all its versions) on for persons whose version
// anchor date lies in [from, to] (to inclusive, open-ended when absent).
struct Activation {
  std::string pack_id;
  Date from;
  std::optional<Date> to;
};

// A recorded event in the engine's compact form (see CompiledPolicy::Intern).
// `value` is the integer for integer events and the code's position in its
// code list for code events; 0 otherwise.
struct EventRecord {
  uint32_t event = 0;
  Date date;
  int32_t value = 0;
};

namespace internal {

inline constexpr int32_t kNoDate = std::numeric_limits<int32_t>::min();
inline constexpr int32_t kOpenEnd = std::numeric_limits<int32_t>::max();
inline constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

// Index ranges into the shared pools of Tables.
struct Range {
  uint32_t begin = 0;
  uint32_t count = 0;
};

struct CEvent {
  EventKind kind = EventKind::kRecorded;
  PersonDateField field = PersonDateField::kHousingDate;
  EventValueKind value_kind = EventValueKind::kNone;
  uint32_t code_list = kNone;  // index into Tables::code_lists
  bool requires_reason = false;
  DerivedPick pick = DerivedPick::kEarliest;
  Duration offset;
  Range from;  // into Tables::event_refs
};

struct CMatch {
  uint32_t event = 0;
  bool has_min = false;
  int32_t min_value = 0;
};

struct CField {
  std::string name;
  std::vector<std::string> values;
};

struct CApplies {
  bool any = true;  // nothing to check: the common case stays one branch
  int32_t min_age = -1;
  int32_t max_age = -1;
  uint32_t role_mask = 0;      // bit per HouseholdRole; 0 = any
  uint32_t literacy_mask = 0;  // bit per Literacy; 0 = any
  Requirement inburgering = Requirement::kAny;
  Requirement leerplicht = Requirement::kAny;
  Requirement family = Requirement::kAny;
  Range routes;  // into Tables::strings
  Range fields;  // into Tables::fields
};

struct CExtension {
  uint32_t event = 0;
  Duration by;
  int32_t max_times = 1;
};

struct CMilestone {
  uint32_t anchor = 0;
  bool fixed = false;
  int32_t fixed_day = 0;
  Duration after;
  CApplies applies;
  Range matches;        // into Tables::matches
  Range extensions;     // into Tables::extensions
  Range exemptions;     // into Tables::event_refs
  uint32_t pack = 0;    // index into CompiledPolicy::packs()
  uint32_t source = 0;  // index into that pack's milestones
};

struct CCadence {
  uint32_t start = 0;
  Range stops;  // into Tables::event_refs
  Duration every;
  Range matches;
  CApplies applies;
  uint32_t pack = 0;
  uint32_t source = 0;
};

struct CCondition {
  StateTest test = StateTest::kHas;
  uint32_t event = 0;
  uint32_t until = kNone;
  bool has_min = false;
  int32_t min_value = 0;
  Range codes;  // into Tables::ints
};

struct CIndicator {
  uint32_t cohort_event = 0;
  int32_t cohort_from = kNoDate;
  int32_t cohort_to = kOpenEnd;
  int32_t min_age = -1;
  int32_t max_age = -1;
  uint32_t residence_event = kNone;
  bool has_min_residence = false;
  bool has_max_residence = false;
  Duration min_residence;
  Duration max_residence;
  uint32_t milestone_applies = kNone;  // global milestone index
  MeasureKind measure = MeasureKind::kState;
  uint32_t milestone = kNone;
  Range any, all, none;  // into Tables::conditions
  uint32_t pack = 0;
  uint32_t source = 0;
};

// One version of a pack, with its rules' index ranges.
struct CVersion {
  uint32_t pack = 0;
  int32_t valid_from = 0;
  int32_t valid_to = kOpenEnd;
  Range milestones;
  Range cadences;
  Range indicators;
};

// All versions of one pack id, sorted by validity, and the tenant's windows.
struct CGroup {
  std::string pack_id;
  uint32_t anchor = 0;  // event whose date selects the version
  std::vector<CVersion> versions;
  std::vector<std::pair<int32_t, int32_t>> activations;
};

struct Tables {
  std::vector<CEvent> events;
  std::vector<uint32_t> derived_order;  // derived events, sources first
  std::vector<uint32_t> event_refs;
  std::vector<CMatch> matches;
  std::vector<CExtension> extensions;
  std::vector<CField> fields;
  std::vector<std::string> strings;
  std::vector<int32_t> ints;
  std::vector<CMilestone> milestones;
  std::vector<CCadence> cadences;
  std::vector<CCondition> conditions;
  std::vector<CIndicator> indicators;
  std::vector<CGroup> groups;
  std::vector<const CodeList*> code_lists;  // point into CompiledPolicy::packs_
};

}  // namespace internal

// The packs a tenant has activated, validated and compiled into flat tables
// the Evaluator walks without allocating. Immutable once built; copying is
// not allowed because the tables point into the owned packs.
//
// Contract: Compile refuses (InvalidArgument "policy_pack_invalid", one
// field error per problem with file:line:column) a library whose activated
// packs fail ValidatePackSet, an activation of an unknown pack id, an
// activation window that ends before it starts, overlapping activations of
// one pack, and a municipal pack outside the tenant's scope. Rules are numbered in pack order, then
// file order; those numbers index results and stay stable for one CompiledPolicy.
class CompiledPolicy {
 public:
  // `tenant_code` (CBS code) refuses municipal packs of other municipalities;
  // empty skips that check (policy officers testing a pack).
  static StatusOr<std::unique_ptr<CompiledPolicy>> Compile(
      const std::vector<Pack>& library, const std::vector<Activation>& activations,
      std::string_view tenant_code = {});

  CompiledPolicy(const CompiledPolicy&) = delete;
  CompiledPolicy& operator=(const CompiledPolicy&) = delete;

  const std::vector<Pack>& packs() const { return packs_; }
  size_t event_count() const { return event_ids_.size(); }
  const std::string& event_id(uint32_t event) const { return event_ids_[event]; }
  const EventDecl& event_decl(uint32_t event) const { return *event_decls_[event]; }
  // Index of a declared event, or nullopt when no active pack declares it.
  std::optional<uint32_t> FindEvent(std::string_view id) const;

  size_t milestone_count() const { return tables_.milestones.size(); }
  const Milestone& milestone(uint32_t i) const;
  const Pack& milestone_pack(uint32_t i) const { return packs_[tables_.milestones[i].pack]; }
  size_t cadence_count() const { return tables_.cadences.size(); }
  const Cadence& cadence(uint32_t i) const;
  const Pack& cadence_pack(uint32_t i) const { return packs_[tables_.cadences[i].pack]; }
  size_t indicator_count() const { return tables_.indicators.size(); }
  const Indicator& indicator(uint32_t i) const;
  const Pack& indicator_pack(uint32_t i) const { return packs_[tables_.indicators[i].pack]; }

  // Converts a recorded event into the compact form. Returns
  // NotFound "unknown_event" for an event no active pack declares (the caller
  // stores and reports it), InvalidArgument for a code that is not in the
  // event's code list.
  StatusOr<EventRecord> Intern(const PersonEvent& event) const;

  const internal::Tables& tables() const { return tables_; }

 private:
  CompiledPolicy() = default;
  Status Build(const std::vector<Activation>& activations);

  std::vector<Pack> packs_;
  std::vector<std::string> event_ids_;
  std::vector<const EventDecl*> event_decls_;
  std::unordered_map<std::string, uint32_t> event_index_;
  internal::Tables tables_;
};

}  // namespace regie::core::policy
