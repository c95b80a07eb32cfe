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

// Referrals (verwijzingen) and warm handovers: one organisation refers
// persons of a household to another with a reason and a dossier package,
// the data categories that go along. The state machine is a pure function
// (ApplyReferralTransition), so the server's checks and the actions the API
// offers per referral come from the same rules; who may ask is the access
// policy's question (DecideReferral).
namespace regie::core {

// voorgesteld -> geaccepteerd | afgewezen | ingetrokken;
// geaccepteerd -> afgerond.
enum class ReferralState { kVoorgesteld, kGeaccepteerd, kAfgewezen, kIngetrokken, kAfgerond };
template <>
struct EnumTraits<ReferralState> {
  static constexpr std::array<std::pair<ReferralState, std::string_view>, 5> kEntries{{
      {ReferralState::kVoorgesteld, "voorgesteld"},
      {ReferralState::kGeaccepteerd, "geaccepteerd"},
      {ReferralState::kAfgewezen, "afgewezen"},
      {ReferralState::kIngetrokken, "ingetrokken"},
      {ReferralState::kAfgerond, "afgerond"},
  }};
};

enum class ReferralAction { kPropose, kAccept, kReject, kWithdraw, kComplete };
template <>
struct EnumTraits<ReferralAction> {
  static constexpr std::array<std::pair<ReferralAction, std::string_view>, 5> kEntries{{
      {ReferralAction::kPropose, "propose"},
      {ReferralAction::kAccept, "accept"},
      {ReferralAction::kReject, "reject"},
      {ReferralAction::kWithdraw, "withdraw"},
      {ReferralAction::kComplete, "complete"},
  }};
};

inline constexpr size_t kMaxReferralReason = 4000;
inline constexpr size_t kMaxReferralNote = 4000;
inline constexpr size_t kMinRejectReason = 5;
inline constexpr size_t kMaxReferralPersons = 30;
// Calendar days the receiver has to answer when the sender names no date
// (a template may set its own).
inline constexpr int kDefaultResponseDays = 10;
inline constexpr int kMaxResponseDays = 90;
// Days the receiver keeps reading the package after completion (for its
// closing report), unless a template says otherwise.
inline constexpr int kDefaultReferralRetentionDays = 30;
inline constexpr int kMaxReferralRetentionDays = 365;

// What the sender states.
struct ReferralData {
  int64_t household_id = 0;
  std::vector<int64_t> person_ids;  // at least one
  int64_t to_organisation_id = 0;
  std::string reason;
  CategorySet package;                 // at least one category
  std::string template_code;           // the warm-handover template used, "" for a free referral
  std::vector<std::string> checklist;  // the template's checklist items, as proposed
  std::optional<Date> respond_by;      // default: today + the template's or kDefaultResponseDays
  int retention_days = kDefaultReferralRetentionDays;
};

// A referral as stored: the row holds the current state; every transition
// is also kept in the append-only history (ReferralEvent).
struct Referral {
  int64_t id = 0;
  int64_t tenant_id = 0;
  ReferralData data;
  int64_t from_organisation_id = 0;
  int64_t created_by = 0;
  Timestamp created_at;
  ReferralState state = ReferralState::kVoorgesteld;
  Date respond_by;
  std::optional<Timestamp> decided_at;  // accepted, rejected or withdrawn
  std::optional<int64_t> decided_by;
  std::string decision_note;  // reject reason (required) or withdraw reason
  std::optional<Timestamp> completed_at;
  std::optional<int64_t> completed_by;
  std::string completion_note;
  Timestamp updated_at;
  int64_t version = 1;
};

// One transition of a referral's history.
struct ReferralEvent {
  int64_t id = 0;
  int64_t referral_id = 0;
  ReferralAction action = ReferralAction::kPropose;
  std::optional<ReferralState> from_state;  // none for kPropose
  ReferralState to_state = ReferralState::kVoorgesteld;
  std::string note;
  int64_t by_user = 0;
  Timestamp at;
};

struct ReferralTransition {
  ReferralAction action = ReferralAction::kAccept;
  int64_t by_user = 0;
  Timestamp at;
  std::string note;  // the reason for kReject (required) and kWithdraw, a note for the others
};

// Checks what the sender states: persons (1..kMaxReferralPersons, positive,
// no duplicates), a receiving organisation, a clean non-empty reason of at
// most kMaxReferralReason bytes, a non-empty package, a response date from
// `today` up to kMaxResponseDays ahead, a retention of 0..365 days. Whether
// the persons belong to the household and the organisation serves the
// tenant is the repository's check; whether the package is covered is
// UncoveredPackage's. Empty means valid.
std::vector<FieldError> ValidateReferral(const ReferralData& data, Date today);
void NormaliseReferral(ReferralData& data);

// One category of the package that no active sharing basis gives the
// receiving organisation for one named person.
struct UncoveredItem {
  int64_t person_id = 0;
  DataCategory category = DataCategory::kBasis;
};
// Every (person, category) of the package not covered at `now` by an active
// basis of that person for `to_organisation_id` among `bases`. A referral
// may only be made when this is empty.
std::vector<UncoveredItem> UncoveredPackage(const ReferralData& data,
                                            const std::vector<SharingBasis>& bases, Timestamp now);

// A new referral proposed at `at` by `created_by` of `from_organisation_id`.
Referral NewReferral(int64_t tenant_id, ReferralData data, int64_t from_organisation_id,
                     int64_t created_by, Timestamp at);

// The state machine alone: accept, reject and withdraw from voorgesteld;
// complete from geaccepteerd.
bool ReferralTransitionAllowed(ReferralState state, ReferralAction action);

// Applies `t`: the new current state and the history entry.
// FailedPrecondition "referral_transition_refused" when the state machine
// does not allow it; InvalidArgument "validation_failed" for a missing
// (reject) or bad note.
struct AppliedReferralTransition {
  Referral referral;
  ReferralEvent event;
};
StatusOr<AppliedReferralTransition> ApplyReferralTransition(const Referral& referral,
                                                            const ReferralTransition& t);

// The date the referral waits for the receiver's answer (voorgesteld only).
std::optional<Date> ReferralDueDate(const Referral& referral);
bool IsReferralOpen(ReferralState state);

// The transitions `decision` lets its user make that the state machine also
// allows from `state`, in ReferralAction order.
std::vector<ReferralAction> AllowedReferralActions(const ReferralDecision& decision,
                                                   ReferralState state);

ReferralFacts FactsOfReferral(const Referral& referral);

// What a referral gives the receiving organisation once accepted, for
// HouseholdFacts (only geaccepteerd and afgerond referrals give access).
std::optional<ReferralGrant> GrantOfReferral(const Referral& referral);

}  // namespace regie::core
