#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/access/policy.h"
#include "core/audit/audit_record.h"
#include "http/caller.h"
#include "http/context.h"

// Authorisation of household-scoped resources: every handler that touches a
// household, its persons or their sharing bases goes through CheckHousehold,
// so the one policy (core::DecideHousehold) decides every access.
namespace regie::http {

struct HouseholdAccess {
  core::HouseholdFacts facts;
  core::AccessDecision decision;
};

// NotFound "tenant_not_found" unless the caller's organisation serves the
// tenant: another municipality's data is never revealed, not even by a 403.
Status RequireTenant(const Caller& caller, int64_t tenant_id);
// The same, and a refusal is audited as denied (action "access" on
// resource "tenant", purpose "other_tenant") under the tenant asked for:
// probing another municipality leaves a trace in its audit log.
Status RequireTenant(const ApiContext& ctx, const Caller& caller, int64_t tenant_id);

// Loads the household's facts in `tx` and decides `action` for the caller.
// A refusal is logged (outcome "denied", queued on the audit writer so it
// stays even though the request's transaction rolls back) and returned as
//   404 household_not_found  (other tenant, or no such household)
//   403 no_relationship       (the UI may offer break-the-glass)
//   403 forbidden             (role or action not allowed)
// A refusal is audited under `audited_as` when given (a route that the
// policy decides as another action, e.g. reopen as archive), else `action`.
StatusOr<HouseholdAccess> CheckHousehold(const ApiContext& ctx, ports::Transaction& tx,
                                         const Caller& caller, int64_t tenant_id,
                                         int64_t household_id, core::Action action,
                                         std::string_view audited_as = {});

// Refuses a request on a role alone (e.g. user administration); logged like
// CheckHousehold's refusals. A municipal role (core::MunicipalRoles) counts
// only in the home tenant of the caller's organisation; elsewhere the
// refusal is audited with purpose "role_outside_home_tenant".
Status RequireRole(const ApiContext& ctx, const Caller& caller, core::Role role, int64_t tenant_id,
                   const std::string& action, const std::string& resource_type);

// Refuses what the policy allowed on the household but the route narrows
// further (e.g. only its regisseur manages consent; nothing of this person
// is shared): logged like CheckHousehold's refusals, 403 forbidden.
Status RefuseHousehold(const ApiContext& ctx, const Caller& caller, const HouseholdAccess& access,
                       core::Action action, std::string resource_type, std::string resource_id,
                       std::optional<int64_t> person_id, std::string reason);

// New casework (contacts, plan versions, intakes, assessments, events,
// signals, referrals) on an archived household is refused with 409
// "household_archived": it stays readable for its retention period, and
// what was open can still be closed or withdrawn.
Status RequireActiveHousehold(const HouseholdAccess& access);

// An audit record for an allowed household-scoped access, with the
// decision's break-the-glass flag and reason.
core::AuditRecord HouseholdAudit(const ApiContext& ctx, const Caller& caller,
                                 const HouseholdAccess& access, core::Action action,
                                 std::string resource_type, std::string resource_id);

}  // namespace regie::http
