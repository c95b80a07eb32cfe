#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/policy/compiled.h"
#include "core/policy/person.h"
#include "core/status.h"

// Repository contract of the policy issue: the dated events recorded for a
// person and the policy packs a tenant has activated. Same conventions as
// ports/repositories.h: tenant-scoped, NotFound "<type>_not_found", no
// domain validation (core::policy::CheckEvent and CompiledPolicy::Compile
// do that before anything is written).
namespace regie::ports {

// One recorded event. Events are never deleted: a wrong entry is voided
// (with who, when and why) and from then on ignored by the engine, so the
// history of what was known stays reconstructible.
struct StoredEvent {
  int64_t id = 0;
  int64_t tenant_id = 0;
  int64_t person_id = 0;
  core::policy::PersonEvent event;  // event id, date, value, code, reason
  int64_t recorded_by = 0;          // user id
  core::Timestamp recorded_at;
  std::optional<core::Timestamp> voided_at;
  int64_t voided_by = 0;  // 0 while not voided
  std::string void_reason;
};

// A tenant's activation of one pack (all its versions) for persons whose
// version anchor lies in [from, to].
struct StoredActivation {
  core::policy::Activation activation;
  int64_t recorded_by = 0;
  core::Timestamp recorded_at;
};

class PolicyRepository {
 public:
  virtual ~PolicyRepository() = default;

  // Stores `event` (id assigned, voided fields ignored and left empty) and
  // returns it as stored. NotFound "person_not_found" when the person is not
  // in the tenant; InvalidArgument "validation_failed" (field "recorded_by",
  // "invalid_reference") when recorded_by is no user.
  virtual StatusOr<StoredEvent> RecordEvent(const StoredEvent& event) = 0;
  // Every event of one person, voided ones included, ordered by date, then id.
  // NotFound "person_not_found" when the person is not in the tenant.
  virtual StatusOr<std::vector<StoredEvent>> EventsOfPerson(int64_t tenant_id,
                                                            int64_t person_id) = 0;
  // The non-voided events of every person of a household, ordered by
  // person id, date, id (one query for a household's timeline or worklist).
  // NotFound "household_not_found" when the household is not in the tenant.
  virtual StatusOr<std::vector<StoredEvent>> EventsOfHousehold(int64_t tenant_id,
                                                               int64_t household_id) = 0;
  // The tenant's non-voided events of the persons with
  // after_person_id < id <= last_person_id, ordered by person id, then date,
  // then id: the events of one keyset page of persons, read as one index
  // range. InvalidArgument "invalid_range" when last_person_id <
  // after_person_id. For bulk evaluation (indicators, demo checks).
  virtual StatusOr<std::vector<StoredEvent>> EventsOfPersons(int64_t tenant_id,
                                                             int64_t after_person_id,
                                                             int64_t last_person_id) = 0;
  // Marks an event voided by `by_user` at `now` for `reason` and returns it.
  // NotFound "event_not_found" (also for another tenant's event);
  // FailedPrecondition "already_voided"; InvalidArgument "validation_failed"
  // (field "voided_by", "invalid_reference") when by_user is no user.
  virtual StatusOr<StoredEvent> VoidEvent(int64_t tenant_id, int64_t event_id, int64_t by_user,
                                          const std::string& reason, core::Timestamp now) = 0;

  // The tenant's activations ordered by pack id, then from (empty for an
  // unknown tenant).
  virtual StatusOr<std::vector<StoredActivation>> Activations(int64_t tenant_id) = 0;
  // Replaces all activations of the tenant in one go (the caller compiled
  // the new set first, so it is valid). recorded_by 0 means no user (the
  // demo loader, the CLI). NotFound "tenant_not_found"; InvalidArgument
  // "validation_failed" with field errors "activations/<i>/recorded_by"
  // ("invalid_reference") for an unknown user and "activations/<i>"
  // ("duplicate") for a second activation of the same pack and from date;
  // nothing is written then.
  virtual Status ReplaceActivations(int64_t tenant_id,
                                    const std::vector<StoredActivation>& activations) = 0;
};

}  // namespace regie::ports
