#include "core/casework/signal.h"

#include <iterator>
#include <set>
#include <utility>

#include "core/text.h"

namespace regie::core {
namespace {

Status Invalid(std::string field, std::string code) {
  std::vector<FieldError> errors;
  errors.push_back({std::move(field), std::move(code)});
  return InvalidArgument("validation_failed", "invalid transition input", std::move(errors));
}

}  // namespace

int AcknowledgeDays(SignalUrgency urgency) {
  switch (urgency) {
    case SignalUrgency::kAcuut:
      return 0;
    case SignalUrgency::kHoog:
      return 1;
    case SignalUrgency::kNormaal:
      return 3;
    case SignalUrgency::kLaag:
      return 5;
  }
  return 3;
}

int FollowUpDays(SignalUrgency urgency) {
  switch (urgency) {
    case SignalUrgency::kAcuut:
      return 2;
    case SignalUrgency::kHoog:
      return 5;
    case SignalUrgency::kNormaal:
      return 10;
    case SignalUrgency::kLaag:
      return 20;
  }
  return 10;
}

std::vector<FieldError> ValidateSignal(const SignalData& d) {
  std::vector<FieldError> errors;
  auto add = [&errors](std::string field, std::string code) {
    errors.push_back({std::move(field), std::move(code)});
  };
  if (d.household_id <= 0) add("household_id", "invalid_reference");
  std::set<int64_t> seen;
  for (size_t i = 0; i < d.person_ids.size(); ++i) {
    std::string field = "person_ids/" + std::to_string(i);
    if (d.person_ids[i] <= 0)
      add(field, "invalid_reference");
    else if (!seen.insert(d.person_ids[i]).second)
      add(field, "duplicate");
  }
  if (!IsCleanText(d.description, /*multiline=*/true))
    add("description", "invalid_text");
  else if (d.description.empty())
    add("description", "required");
  else if (d.description.size() > kMaxSignalDescription)
    add("description", "too_long");
  return errors;
}

void NormaliseSignal(SignalData& d) { d.description = Trim(d.description); }

Signal NewSignal(int64_t tenant_id, SignalData data, int64_t reporter_user_id,
                 int64_t reporter_organisation_id, int64_t routed_organisation_id, Timestamp at) {
  Signal s;
  s.tenant_id = tenant_id;
  s.acknowledge_due = at.ToDate().AddDays(AcknowledgeDays(data.urgency));
  s.data = std::move(data);
  s.reporter_user_id = reporter_user_id;
  s.reporter_organisation_id = reporter_organisation_id;
  s.routed_organisation_id = routed_organisation_id;
  s.state = SignalState::kIngediend;
  s.filed_at = at;
  s.updated_at = at;
  return s;
}

bool TransitionAllowed(SignalState state, SignalAction action) {
  switch (action) {
    case SignalAction::kFile:
      return false;  // only NewSignal creates the first state
    case SignalAction::kAcknowledge:
    case SignalAction::kWithdraw:
      return state == SignalState::kIngediend;
    case SignalAction::kReroute:
      return state == SignalState::kIngediend || state == SignalState::kInBehandeling;
    case SignalAction::kClose:
      return state == SignalState::kInBehandeling;
  }
  return false;
}

StatusOr<AppliedTransition> ApplySignalTransition(const Signal& signal, const SignalTransition& t) {
  if (!TransitionAllowed(signal.state, t.action))
    return FailedPrecondition("signal_transition_refused", std::string(ToCode(t.action)) +
                                                               " is not allowed from " +
                                                               std::string(ToCode(signal.state)));
  const Date today = t.at.ToDate();
  const std::string note = Trim(t.note);
  if (!IsCleanText(note, /*multiline=*/true)) return Invalid("note", "invalid_text");
  if (note.size() > kMaxSignalNote) return Invalid("note", "too_long");

  AppliedTransition out{.signal = signal, .event = {}};
  Signal& s = out.signal;
  switch (t.action) {
    case SignalAction::kAcknowledge:
      if (t.follow_up_due && *t.follow_up_due < today)
        return Invalid("follow_up_due", "date_in_past");
      if (t.follow_up_due && *t.follow_up_due > today.AddDays(kMaxFollowUpDays))
        return Invalid("follow_up_due", "date_too_late");
      s.state = SignalState::kInBehandeling;
      s.follow_up_due = t.follow_up_due.value_or(today.AddDays(FollowUpDays(s.data.urgency)));
      s.acknowledged_at = t.at;
      s.acknowledged_by = t.by_user;
      break;
    case SignalAction::kReroute:
      if (!t.organisation_id || *t.organisation_id <= 0)
        return Invalid("organisation_id", "required");
      if (*t.organisation_id == signal.routed_organisation_id)
        return Invalid("organisation_id", "same_organisation");
      if (note.size() < kMinSignalReason)
        return Invalid("note", note.empty() ? "required" : "too_short");
      // The new organisation starts afresh: it must acknowledge in time.
      s.state = SignalState::kIngediend;
      s.routed_organisation_id = *t.organisation_id;
      s.acknowledge_due = today.AddDays(AcknowledgeDays(s.data.urgency));
      s.follow_up_due.reset();
      s.acknowledged_at.reset();
      s.acknowledged_by.reset();
      break;
    case SignalAction::kClose:
      if (note.empty()) return Invalid("note", "required");
      s.state = SignalState::kAfgehandeld;
      s.result = note;
      s.closed_at = t.at;
      s.closed_by = t.by_user;
      break;
    case SignalAction::kWithdraw:
      s.state = SignalState::kIngetrokken;
      s.withdraw_reason = note;
      s.closed_at = t.at;
      s.closed_by = t.by_user;
      break;
    case SignalAction::kFile:
      break;  // refused by TransitionAllowed
  }
  s.updated_at = t.at;
  s.version = signal.version + 1;
  out.event = SignalEvent{.signal_id = signal.id,
                          .action = t.action,
                          .from_state = signal.state,
                          .to_state = s.state,
                          .organisation_id = s.routed_organisation_id,
                          .note = note,
                          .by_user = t.by_user,
                          .at = t.at};
  return out;
}

std::optional<Date> SignalDueDate(const Signal& s) {
  if (s.state == SignalState::kIngediend) return s.acknowledge_due;
  if (s.state == SignalState::kInBehandeling) return s.follow_up_due;
  return std::nullopt;
}

bool IsEscalated(const Signal& s, Date today) {
  std::optional<Date> due = SignalDueDate(s);
  return due && today > *due;
}

bool IsOpen(SignalState state) {
  return state == SignalState::kIngediend || state == SignalState::kInBehandeling;
}

std::vector<SignalAction> AllowedSignalActions(const SignalDecision& decision, SignalState state) {
  std::vector<SignalAction> out;
  if (!decision.allowed) return out;
  const std::pair<SignalAction, bool> candidates[] = {
      {SignalAction::kAcknowledge, decision.may_acknowledge},
      {SignalAction::kReroute, decision.may_reroute},
      {SignalAction::kClose, decision.may_close},
      {SignalAction::kWithdraw, decision.may_withdraw},
  };
  out.reserve(std::size(candidates));
  for (const auto& [action, may] : candidates)
    if (may && TransitionAllowed(state, action)) out.push_back(action);
  return out;
}

SignalFacts FactsOfSignal(const Signal& signal, DataCategory category) {
  return SignalFacts{.reporter_user_id = signal.reporter_user_id,
                     .routed_organisation_id = signal.routed_organisation_id,
                     .category = category,
                     .person_ids = signal.data.person_ids};
}

std::string SignalRecordType(SignalCategory category) {
  return "signal_" + std::string(ToCode(category));
}

}  // namespace regie::core
