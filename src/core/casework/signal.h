#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/policy.h"
#include "core/date.h"
#include "core/enums.h"
#include "core/status.h"

// Signals (vroegsignalering): anyone involved with a household reports a
// worry; the signal is routed to an organisation, which must acknowledge it
// and follow it up by a due date. The state machine is a pure function
// (ApplySignalTransition) so the server checks and the "allowed actions" it
// reports to the UI come from the same rules.
namespace regie::core {

enum class SignalCategory {
  kGezondheid,
  kPsychisch,
  kFinancien,
  kOpvoeding,
  kHuiselijkGeweld,
  kSchoolverzuim,
  kAfwezigheidInburgering,
  kHuisvesting,
  kOverig,
};
template <>
struct EnumTraits<SignalCategory> {
  static constexpr std::array<std::pair<SignalCategory, std::string_view>, 9> kEntries{{
      {SignalCategory::kGezondheid, "gezondheid"},
      {SignalCategory::kPsychisch, "psychisch"},
      {SignalCategory::kFinancien, "financien"},
      {SignalCategory::kOpvoeding, "opvoeding"},
      {SignalCategory::kHuiselijkGeweld, "huiselijk_geweld"},
      {SignalCategory::kSchoolverzuim, "schoolverzuim"},
      {SignalCategory::kAfwezigheidInburgering, "afwezigheid_inburgering"},
      {SignalCategory::kHuisvesting, "huisvesting"},
      {SignalCategory::kOverig, "overig"},
  }};
};

enum class SignalUrgency { kLaag, kNormaal, kHoog, kAcuut };
template <>
struct EnumTraits<SignalUrgency> {
  static constexpr std::array<std::pair<SignalUrgency, std::string_view>, 4> kEntries{{
      {SignalUrgency::kLaag, "laag"},
      {SignalUrgency::kNormaal, "normaal"},
      {SignalUrgency::kHoog, "hoog"},
      {SignalUrgency::kAcuut, "acuut"},
  }};
};

// ingediend -> in_behandeling -> afgehandeld; ingediend -> ingetrokken.
// Re-routing is a transition, not a state: it hands the signal to another
// organisation and puts it back to `ingediend` (the history keeps the
// earlier routing).
enum class SignalState { kIngediend, kInBehandeling, kAfgehandeld, kIngetrokken };
template <>
struct EnumTraits<SignalState> {
  static constexpr std::array<std::pair<SignalState, std::string_view>, 4> kEntries{{
      {SignalState::kIngediend, "ingediend"},
      {SignalState::kInBehandeling, "in_behandeling"},
      {SignalState::kAfgehandeld, "afgehandeld"},
      {SignalState::kIngetrokken, "ingetrokken"},
  }};
};

enum class SignalAction { kFile, kAcknowledge, kReroute, kClose, kWithdraw };
template <>
struct EnumTraits<SignalAction> {
  static constexpr std::array<std::pair<SignalAction, std::string_view>, 5> kEntries{{
      {SignalAction::kFile, "file"},
      {SignalAction::kAcknowledge, "acknowledge"},
      {SignalAction::kReroute, "reroute"},
      {SignalAction::kClose, "close"},
      {SignalAction::kWithdraw, "withdraw"},
  }};
};

inline constexpr size_t kMaxSignalDescription = 4000;
inline constexpr size_t kMaxSignalNote = 4000;
inline constexpr size_t kMinSignalReason = 5;
// How far ahead an explicit follow-up due date may lie.
inline constexpr int kMaxFollowUpDays = 365;

// What the reporter states.
struct SignalData {
  int64_t household_id = 0;
  std::vector<int64_t> person_ids;  // empty: the whole household
  SignalCategory category = SignalCategory::kOverig;
  SignalUrgency urgency = SignalUrgency::kNormaal;
  std::string description;
};

// A signal as stored: the row holds the current state; every transition is
// also kept in the append-only history (SignalEvent).
struct Signal {
  int64_t id = 0;
  int64_t tenant_id = 0;
  SignalData data;
  int64_t reporter_user_id = 0;
  int64_t reporter_organisation_id = 0;
  int64_t routed_organisation_id = 0;
  SignalState state = SignalState::kIngediend;
  Timestamp filed_at;
  Date acknowledge_due;
  std::optional<Date> follow_up_due;  // set on acknowledge
  std::optional<Timestamp> acknowledged_at;
  std::optional<int64_t> acknowledged_by;
  std::optional<Timestamp> closed_at;  // afgehandeld or ingetrokken
  std::optional<int64_t> closed_by;
  std::string result;           // the follow-up result (close)
  std::string withdraw_reason;  // the reporter's reason (withdraw)
  Timestamp updated_at;
  int64_t version = 1;
};

// One transition of a signal's history.
struct SignalEvent {
  int64_t id = 0;
  int64_t signal_id = 0;
  SignalAction action = SignalAction::kFile;
  std::optional<SignalState> from_state;  // none for kFile
  SignalState to_state = SignalState::kIngediend;
  int64_t organisation_id = 0;  // routed-to organisation after the transition
  std::string note;             // reroute reason, acknowledge note, result, withdraw reason
  int64_t by_user = 0;
  Timestamp at;
};

// A requested transition. `organisation_id` is required for kReroute;
// `follow_up_due` is optional for kAcknowledge (default: by urgency);
// `note` is the result for kClose (required) and the reason for kReroute
// (required) and kWithdraw (optional).
struct SignalTransition {
  SignalAction action = SignalAction::kAcknowledge;
  int64_t by_user = 0;
  Timestamp at;
  std::optional<int64_t> organisation_id;
  std::optional<Date> follow_up_due;
  std::string note;
};

// Calendar days (weekends and holidays count: a signal does not wait for
// Monday) from filing to the acknowledge deadline: acuut 0 (same day),
// hoog 1, normaal 3, laag 5.
int AcknowledgeDays(SignalUrgency urgency);
// Calendar days from acknowledging to the follow-up deadline: acuut 2,
// hoog 5, normaal 10, laag 20.
int FollowUpDays(SignalUrgency urgency);

// Checks what the reporter states: at most kMaxSignalDescription bytes of
// clean, non-empty multi-line description; no duplicate or non-positive
// person ids. Whether the persons belong to the household is the
// repository's check. Empty means valid.
std::vector<FieldError> ValidateSignal(const SignalData& data);
void NormaliseSignal(SignalData& data);

// A new signal filed at `at` (state ingediend, acknowledge due by urgency).
Signal NewSignal(int64_t tenant_id, SignalData data, int64_t reporter_user_id,
                 int64_t reporter_organisation_id, int64_t routed_organisation_id, Timestamp at);

// Whether the state machine allows `action` from `state`, regardless of who
// asks: acknowledge from ingediend; reroute from ingediend or
// in_behandeling; close from in_behandeling; withdraw from ingediend.
bool TransitionAllowed(SignalState state, SignalAction action);

// Applies `t` to `signal`: the new current state and the history entry.
// FailedPrecondition "signal_transition_refused" when the state machine
// does not allow it; InvalidArgument "validation_failed" for a missing or
// bad note, organisation (rerouting to the same one) or follow-up date
// (before today or more than kMaxFollowUpDays ahead). Who may ask is the
// access policy's question (DecideSignal), not this function's.
struct AppliedTransition {
  Signal signal;
  SignalEvent event;
};
StatusOr<AppliedTransition> ApplySignalTransition(const Signal& signal, const SignalTransition& t);

// The date the signal is currently waiting for: acknowledge_due while
// ingediend, follow_up_due while in_behandeling, none once closed.
std::optional<Date> SignalDueDate(const Signal& signal);
// Escalated: `today` is past the current due date (not on it). Escalated
// signals go to the household's regisseur.
bool IsEscalated(const Signal& signal, Date today);
bool IsOpen(SignalState state);

// The transitions `decision` (core::DecideSignal) lets its user make that
// the state machine also allows from `state`, in SignalAction order: what
// the API reports per signal and what the UI offers.
std::vector<SignalAction> AllowedSignalActions(const SignalDecision& decision, SignalState state);

// The facts the access policy needs about `signal`, with its content
// category `category` (FieldCategories::Of(SignalRecordType(...))).
SignalFacts FactsOfSignal(const Signal& signal, DataCategory category);

// The record type of a signal's content for FieldCategories ("signal_" +
// category code): a municipality may move each category's content.
std::string SignalRecordType(SignalCategory category);

}  // namespace regie::core
