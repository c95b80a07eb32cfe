#pragma once

#include <cstdint>
#include <string>
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
// by default) and small conversions.
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

// The code of a code event in its list, or nullptr.
const core::policy::Code* FindCode(const core::policy::CompiledPolicy& policy,
                                   const core::policy::EventDecl& decl, const std::string& code);

}  // namespace regie::http
