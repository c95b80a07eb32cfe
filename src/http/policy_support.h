#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/access_model.h"
#include "core/audit/audit_record.h"
#include "core/policy/compiled.h"
#include "core/policy/person.h"
#include "http/caller.h"
#include "http/context.h"
#include "http/guard.h"
#include "ports/policy_repositories.h"

// What the event, timeline and worklist handlers share: the access check
// for a person's policy data (record type "events", category `inburgering`
// by default) and small conversions. The handover package's events are
// checked with the same field errors (handover_policy_check.h).
namespace regie::http {

class PolicyRegistry;

struct PersonPolicyAccess {
  HouseholdAccess access;
  int64_t person_id = 0;
  core::DataCategory category = core::DataCategory::kInburgering;
};

// The policy registry of the server; every ApiContext that serves policy
// routes has one (a missing one is a wiring error).
PolicyRegistry& Registry(const ApiContext& ctx);

// The household decision for `action` on the person's household, then the
// person's categories must include the events category; refusals are
// logged like CheckHousehold's (403 forbidden "category_not_shared").
StatusOr<PersonPolicyAccess> CheckPersonEvents(const ApiContext& ctx, ports::Transaction& tx,
                                               const Caller& caller, int64_t tenant_id,
                                               int64_t person_id, core::Action action,
                                               const std::string& resource_type);

core::AuditRecord PersonEventsAudit(const ApiContext& ctx, const Caller& caller,
                                    const PersonPolicyAccess& access, core::Action action,
                                    std::string resource_type, std::string resource_id);

// The reference date of a timeline or worklist: query `on` (YYYY-MM-DD),
// default `today`; any other parameter is refused (422).
StatusOr<core::Date> ParseOnQuery(std::string_view query, core::Date today);

// The events the engine sees: not voided.
std::vector<core::policy::PersonEvent> ActiveEvents(const std::vector<ports::StoredEvent>& events);

// core::policy::CheckEvent's refusal as the field error of the event's
// field it concerns, behind `prefix`: "" for the events API's body
// ("date"), "package/events/3/" for a handover package's event. The date
// rules are `date` with the reason as code; a derived or person-field
// event `event` event_not_recordable; a missing reason or number
// `reason`/`value` required; a code outside its list `code` unknown_code.
// nullopt for any other status (ok, or a failure that is not the event's).
std::optional<FieldError> EventFieldError(const Status& status, std::string_view prefix);

// The code of a code event in its list, or nullptr.
const core::policy::Code* FindCode(const core::policy::CompiledPolicy& policy,
                                   const core::policy::EventDecl& decl, const std::string& code);

}  // namespace regie::http
