#include "core/casework/referral.h"

#include <algorithm>
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

constexpr size_t kMaxChecklistItems = 30;
constexpr size_t kMaxChecklistItem = 300;

}  // namespace

std::vector<FieldError> ValidateReferral(const ReferralData& d, Date today) {
  std::vector<FieldError> errors;
  auto add = [&errors](std::string field, std::string code) {
    errors.push_back({std::move(field), std::move(code)});
  };
  if (d.household_id <= 0) add("household_id", "invalid_reference");
  if (d.person_ids.empty()) add("person_ids", "required");
  if (d.person_ids.size() > kMaxReferralPersons) add("person_ids", "too_many");
  std::set<int64_t> seen;
  for (size_t i = 0; i < d.person_ids.size() && i < kMaxReferralPersons; ++i) {
    std::string field = "person_ids/" + std::to_string(i);
    if (d.person_ids[i] <= 0)
      add(field, "invalid_reference");
    else if (!seen.insert(d.person_ids[i]).second)
      add(field, "duplicate");
  }
  if (d.to_organisation_id <= 0) add("to_organisation_id", "required");
  if (!IsCleanText(d.reason, /*multiline=*/true))
    add("reason", "invalid_text");
  else if (d.reason.empty())
    add("reason", "required");
  else if (d.reason.size() > kMaxReferralReason)
    add("reason", "too_long");
  if (d.package.Empty()) add("package", "required");
  if (d.checklist.size() > kMaxChecklistItems) add("checklist", "too_many");
  for (size_t i = 0; i < d.checklist.size() && i < kMaxChecklistItems; ++i) {
    const std::string field = "checklist/" + std::to_string(i);
    if (!IsCleanText(d.checklist[i], /*multiline=*/false))
      add(field, "invalid_text");
    else if (d.checklist[i].empty())
      add(field, "required");
    else if (d.checklist[i].size() > kMaxChecklistItem)
      add(field, "too_long");
  }
  if (d.template_code.size() > 100 || !IsCleanText(d.template_code, /*multiline=*/false))
    add("template", "invalid_text");
  if (d.respond_by && *d.respond_by < today) add("respond_by", "date_in_past");
  if (d.respond_by && *d.respond_by > today.AddDays(kMaxResponseDays))
    add("respond_by", "date_too_late");
  if (d.retention_days < 0 || d.retention_days > kMaxReferralRetentionDays)
    add("retention_days", "out_of_range");
  return errors;
}

void NormaliseReferral(ReferralData& d) {
  d.reason = Trim(d.reason);
  for (std::string& item : d.checklist) item = Trim(item);
}

std::vector<UncoveredItem> UncoveredPackage(const ReferralData& data,
                                            const std::vector<SharingBasis>& bases, Timestamp now) {
  std::vector<UncoveredItem> out;
  for (int64_t person_id : data.person_ids) {
    CategorySet covered;
    for (const SharingBasis& b : bases)
      if (b.person_id == person_id && b.organisation_id == data.to_organisation_id &&
          b.ActiveAt(now))
        covered = covered.Union(b.categories);
    for (DataCategory c : data.package.Values())
      if (!covered.Has(c)) out.push_back({person_id, c});
  }
  return out;
}

Referral NewReferral(int64_t tenant_id, ReferralData data, int64_t from_organisation_id,
                     int64_t created_by, Timestamp at) {
  Referral r;
  r.tenant_id = tenant_id;
  r.respond_by = data.respond_by.value_or(at.ToDate().AddDays(kDefaultResponseDays));
  r.data = std::move(data);
  r.data.respond_by = r.respond_by;
  r.from_organisation_id = from_organisation_id;
  r.created_by = created_by;
  r.created_at = at;
  r.state = ReferralState::kVoorgesteld;
  r.updated_at = at;
  return r;
}

bool ReferralTransitionAllowed(ReferralState state, ReferralAction action) {
  switch (action) {
    case ReferralAction::kPropose:
      return false;  // only NewReferral creates the first state
    case ReferralAction::kAccept:
    case ReferralAction::kReject:
    case ReferralAction::kWithdraw:
      return state == ReferralState::kVoorgesteld;
    case ReferralAction::kComplete:
      return state == ReferralState::kGeaccepteerd;
  }
  return false;
}

StatusOr<AppliedReferralTransition> ApplyReferralTransition(const Referral& referral,
                                                            const ReferralTransition& t) {
  if (!ReferralTransitionAllowed(referral.state, t.action))
    return FailedPrecondition("referral_transition_refused",
                              std::string(ToCode(t.action)) + " is not allowed from " +
                                  std::string(ToCode(referral.state)));
  const std::string note = Trim(t.note);
  if (!IsCleanText(note, /*multiline=*/true)) return Invalid("note", "invalid_text");
  if (note.size() > kMaxReferralNote) return Invalid("note", "too_long");

  AppliedReferralTransition out{.referral = referral, .event = {}};
  Referral& r = out.referral;
  switch (t.action) {
    case ReferralAction::kAccept:
      r.state = ReferralState::kGeaccepteerd;
      r.decided_at = t.at;
      r.decided_by = t.by_user;
      r.decision_note = note;
      break;
    case ReferralAction::kReject:
      // The sender must learn why, to refer elsewhere or adjust the package.
      if (note.size() < kMinRejectReason)
        return Invalid("note", note.empty() ? "required" : "too_short");
      r.state = ReferralState::kAfgewezen;
      r.decided_at = t.at;
      r.decided_by = t.by_user;
      r.decision_note = note;
      break;
    case ReferralAction::kWithdraw:
      r.state = ReferralState::kIngetrokken;
      r.decided_at = t.at;
      r.decided_by = t.by_user;
      r.decision_note = note;
      break;
    case ReferralAction::kComplete:
      r.state = ReferralState::kAfgerond;
      r.completed_at = t.at;
      r.completed_by = t.by_user;
      r.completion_note = note;
      break;
    case ReferralAction::kPropose:
      break;  // refused by ReferralTransitionAllowed
  }
  r.updated_at = t.at;
  r.version = referral.version + 1;
  out.event = ReferralEvent{.referral_id = referral.id,
                            .action = t.action,
                            .from_state = referral.state,
                            .to_state = r.state,
                            .note = note,
                            .by_user = t.by_user,
                            .at = t.at};
  return out;
}

std::optional<Date> ReferralDueDate(const Referral& r) {
  if (r.state == ReferralState::kVoorgesteld) return r.respond_by;
  return std::nullopt;
}

bool IsReferralOpen(ReferralState state) {
  return state == ReferralState::kVoorgesteld || state == ReferralState::kGeaccepteerd;
}

std::vector<ReferralAction> AllowedReferralActions(const ReferralDecision& decision,
                                                   ReferralState state) {
  std::vector<ReferralAction> out;
  if (!decision.allowed) return out;
  const std::pair<ReferralAction, bool> candidates[] = {
      {ReferralAction::kAccept, decision.may_accept},
      {ReferralAction::kReject, decision.may_reject},
      {ReferralAction::kWithdraw, decision.may_withdraw},
      {ReferralAction::kComplete, decision.may_complete},
  };
  out.reserve(std::size(candidates));
  for (const auto& [action, may] : candidates)
    if (may && ReferralTransitionAllowed(state, action)) out.push_back(action);
  return out;
}

ReferralFacts FactsOfReferral(const Referral& r) {
  return ReferralFacts{.created_by = r.created_by,
                       .from_organisation_id = r.from_organisation_id,
                       .to_organisation_id = r.data.to_organisation_id};
}

std::optional<ReferralGrant> GrantOfReferral(const Referral& r) {
  if (r.state != ReferralState::kGeaccepteerd && r.state != ReferralState::kAfgerond)
    return std::nullopt;
  return ReferralGrant{.referral_id = r.id,
                       .organisation_id = r.data.to_organisation_id,
                       .person_ids = r.data.person_ids,
                       .package = r.data.package,
                       .completed_at = r.completed_at,
                       .retention_days = r.data.retention_days};
}

}  // namespace regie::core
