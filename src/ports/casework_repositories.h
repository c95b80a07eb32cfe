#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/casework/assessment.h"
#include "core/casework/contact.h"
#include "core/casework/intake.h"
#include "core/casework/plan.h"
#include "core/casework/referral.h"
#include "core/casework/signal.h"
#include "core/status.h"

// Repository contract of the casework issue (contacts and cadence). Same
// conventions as ports/repositories.h: tenant-scoped, NotFound
// "<type>_not_found", no domain validation (core::ValidateContact does that
// before anything is written).
namespace regie::ports {

class ContactRepository {
 public:
  virtual ~ContactRepository() = default;

  // Stores `contact` (id assigned) with its participants and persons and
  // returns it as stored. NotFound "household_not_found" when the household
  // is not in contact.tenant_id; InvalidArgument "validation_failed" with
  // field "person_ids/<i>" ("invalid_reference") for a person that is not
  // of the household, or "recorded_by" for an unknown user; nothing is
  // written then. Contacts are append-only: there is no update or delete.
  virtual StatusOr<core::Contact> Create(const core::Contact& contact) = 0;
  // Every contact of the household, newest first (date, then id, both
  // descending); person ids ascending. A household has few contacts, so
  // no paging. NotFound "household_not_found" when not in the tenant.
  virtual StatusOr<std::vector<core::Contact>> ListByHousehold(int64_t tenant_id,
                                                               int64_t household_id) = 0;
};

// Assessments of a person (ZRM, participatieladder, Ferm Werk). Append-only
// except voiding, which is one-way (storage refuses any other change).
class AssessmentRepository {
 public:
  virtual ~AssessmentRepository() = default;

  // Stores `assessment` (id assigned) with its items (core::ToItems) and
  // `event_id`, the policy event recorded with it (0 = none). NotFound
  // "person_not_found" when the person is not in the tenant;
  // InvalidArgument "validation_failed" field "recorded_by" for an unknown
  // user. Returns it as stored.
  virtual StatusOr<core::Assessment> Create(const core::Assessment& assessment,
                                            int64_t event_id) = 0;
  // Every assessment of the person, voided ones included, oldest first
  // (date, then id). NotFound "person_not_found" when not in the tenant.
  virtual StatusOr<std::vector<core::Assessment>> ListByPerson(int64_t tenant_id,
                                                               int64_t person_id) = 0;
  // Marks the assessment voided and returns it with the id of its policy
  // event (0 = none), so the caller can void that too. NotFound
  // "assessment_not_found"; FailedPrecondition "already_voided".
  struct Voided {
    core::Assessment assessment;
    int64_t event_id = 0;
  };
  virtual StatusOr<Voided> Void(int64_t tenant_id, int64_t assessment_id, int64_t by_user,
                                const std::string& reason, core::Timestamp at) = 0;
};

// Signals (vroegsignalering). The row holds the current state; every
// transition is appended to the signal's history, which is never changed.
class SignalRepository {
 public:
  virtual ~SignalRepository() = default;

  // Stores a new signal (id assigned, version 1) with its persons and the
  // "file" history entry. NotFound "household_not_found" when the household
  // is not in signal.tenant_id; InvalidArgument "validation_failed" with
  // field "person_ids/<i>" for a person not of the household,
  // "organisation_id" for a routed organisation that does not serve the
  // tenant, "reporter" for an unknown user ("invalid_reference"); nothing
  // is written then.
  virtual StatusOr<core::Signal> Create(const core::Signal& signal) = 0;
  // NotFound "signal_not_found" unless the signal is in the tenant.
  virtual StatusOr<core::Signal> Get(int64_t tenant_id, int64_t signal_id) = 0;
  // Writes the transition's result over the stored signal and appends its
  // history entry. Conflict "version_conflict" when the stored version is
  // not `next.version - 1` (a concurrent transition won); InvalidArgument
  // "validation_failed" / "organisation_id" for a routed organisation that
  // does not serve the tenant.
  virtual Status Apply(const core::Signal& next, const core::SignalEvent& event) = 0;
  // Every signal of the household, newest first (filed_at, then id,
  // descending). NotFound "household_not_found" when not in the tenant.
  virtual StatusOr<std::vector<core::Signal>> ListByHousehold(int64_t tenant_id,
                                                              int64_t household_id) = 0;
  // The signals of the tenant routed to `organisation_id` or filed by
  // `reporter_user_id`, newest first; only open ones (ingediend,
  // in_behandeling) when `open_only`. Indexed by organisation and by
  // reporter, so a partner with thousands of households reads only its own.
  virtual StatusOr<std::vector<core::Signal>> ListForCaller(int64_t tenant_id,
                                                            int64_t organisation_id,
                                                            int64_t reporter_user_id,
                                                            bool open_only) = 0;
  // The open signals of the households `regisseur_user_id` directs, newest
  // first (for the regisseur's escalations on the worklist).
  virtual StatusOr<std::vector<core::Signal>> ListOpenOfRegisseur(int64_t tenant_id,
                                                                  int64_t regisseur_user_id) = 0;
  // The history of one signal, oldest first.
  virtual StatusOr<std::vector<core::SignalEvent>> History(int64_t tenant_id,
                                                           int64_t signal_id) = 0;
};

// Referrals (verwijzingen). The row holds the current state; every
// transition is appended to the referral's history, which is never changed.
class ReferralRepository {
 public:
  virtual ~ReferralRepository() = default;

  // Stores a new referral (id assigned, version 1) with its persons and the
  // "propose" history entry. NotFound "household_not_found" when the
  // household is not in referral.tenant_id; InvalidArgument
  // "validation_failed" with field "person_ids/<i>" for a person not of the
  // household, "to_organisation_id" for an organisation that does not serve
  // the tenant, "created_by" for an unknown user ("invalid_reference");
  // nothing is written then.
  virtual StatusOr<core::Referral> Create(const core::Referral& referral) = 0;
  // NotFound "referral_not_found" unless the referral is in the tenant.
  virtual StatusOr<core::Referral> Get(int64_t tenant_id, int64_t referral_id) = 0;
  // Writes the transition's result over the stored referral and appends its
  // history entry. Conflict "version_conflict" when the stored version is
  // not `next.version - 1` (a concurrent transition won).
  virtual Status Apply(const core::Referral& next, const core::ReferralEvent& event) = 0;
  // Every referral of the household, newest first (created_at, then id,
  // descending). NotFound "household_not_found" when not in the tenant.
  virtual StatusOr<std::vector<core::Referral>> ListByHousehold(int64_t tenant_id,
                                                                int64_t household_id) = 0;
  // The referrals of the tenant to (`incoming`) or from `organisation_id`,
  // newest first; only voorgesteld and geaccepteerd ones when `open_only`.
  // Indexed by receiving and by sending organisation.
  virtual StatusOr<std::vector<core::Referral>> ListForOrganisation(int64_t tenant_id,
                                                                    int64_t organisation_id,
                                                                    bool incoming,
                                                                    bool open_only) = 0;
  // The history of one referral, oldest first. NotFound "referral_not_found".
  virtual StatusOr<std::vector<core::ReferralEvent>> History(int64_t tenant_id,
                                                             int64_t referral_id) = 0;
};

// An open or running action of a household's current plan that is due, for
// the worklist, with the context its item shows.
struct DueAction {
  int64_t tenant_id = 0;
  int64_t household_id = 0;
  std::string household_name;
  int64_t plan_version = 0;
  int64_t goal_key = 0;
  int64_t person_id = 0;
  std::string domain;
  core::PlanAction action;
};

// Whose due actions: the households a user directs or guides, or the
// actions an organisation or a user answers for.
enum class DueActionScope { kRegisseur, kBegeleider, kOrganisation, kUser };

// The versioned plans of households and the client's agreements. Versions
// are immutable once stored; a save is a new full version.
class PlanRepository {
 public:
  virtual ~PlanRepository() = default;

  // The household's current plan version (0: no plan yet), for a write
  // transaction only: the plan stays locked against other saves until the
  // transaction ends, so a check of the client's base version against it
  // holds until Save. NotFound "household_not_found".
  virtual StatusOr<int64_t> LockCurrentVersion(int64_t tenant_id, int64_t household_id) = 0;
  // One version, goals and actions in their stored order; version 0 means
  // the current one (an empty plan of version 0 when there is none).
  // NotFound "household_not_found" or "plan_version_not_found".
  virtual StatusOr<core::Plan> Get(int64_t tenant_id, int64_t household_id, int64_t version) = 0;
  // Every version, newest first.
  virtual StatusOr<std::vector<core::PlanVersionInfo>> ListVersions(int64_t tenant_id,
                                                                    int64_t household_id) = 0;
  // Stores `plan` as a new version; plan.version must be the current
  // version + 1, else Conflict "plan_version_conflict" and nothing is
  // written (also when a concurrent save won). References (persons,
  // organisations, users) are the caller's check.
  virtual StatusOr<core::Plan> Save(const core::Plan& plan) = 0;
  // Appends an agreement (id assigned). NotFound "plan_version_not_found"
  // when its version does not exist.
  virtual StatusOr<core::PlanAgreement> AddAgreement(const core::PlanAgreement& agreement) = 0;
  // Every agreement of the household, newest first (id descending).
  virtual StatusOr<std::vector<core::PlanAgreement>> ListAgreements(int64_t tenant_id,
                                                                    int64_t household_id) = 0;
  // Open or running actions of current plans in the tenant due on or
  // before `due_by`, for `scope`/`id` (a user id, or an organisation id
  // for kOrganisation), by due date, then household and key; at most
  // `limit`. Served by indexes on the responsible organisation and user.
  virtual StatusOr<std::vector<DueAction>> DueActions(int64_t tenant_id, DueActionScope scope,
                                                      int64_t id, core::Date due_by, int limit) = 0;
};

// The versioned broad intakes of persons (one per adult). Versions are
// immutable once stored; a save, finalising and reopening are each a new
// full version.
class IntakeRepository {
 public:
  virtual ~IntakeRepository() = default;

  // The person's current intake version (0: none yet), for a write
  // transaction only: the intake stays locked against other saves until
  // the transaction ends, so a check of the client's base version holds
  // until Save. NotFound "person_not_found".
  virtual StatusOr<int64_t> LockCurrentVersion(int64_t tenant_id, int64_t person_id) = 0;
  // One version; version 0 means the current one (an empty concept of
  // version 0 when there is none). NotFound "person_not_found" or
  // "intake_version_not_found".
  virtual StatusOr<core::Intake> Get(int64_t tenant_id, int64_t person_id, int64_t version) = 0;
  // Every version, newest first. NotFound "person_not_found".
  virtual StatusOr<std::vector<core::IntakeVersionInfo>> ListVersions(int64_t tenant_id,
                                                                      int64_t person_id) = 0;
  // Stores `intake` as a new version; intake.version must be the current
  // version + 1, else Conflict "intake_version_conflict" and nothing is
  // written (also when a concurrent save won). NotFound
  // "person_not_found". References (users, participants) are the
  // caller's check; the schema refuses unknown users.
  virtual StatusOr<core::Intake> Save(const core::Intake& intake) = 0;
};

}  // namespace regie::ports
