#include "http/guard.h"

#include <algorithm>

#include "http/audit_writer.h"

namespace regie::http {
namespace {

// Queued, not awaited: a refusal is often decided inside the request's write
// transaction, and on SQLite the writer thread could not commit the record
// before that transaction ends (see AuditWriter::Enqueue).
void LogDenial(const ApiContext& ctx, const Caller& caller, std::optional<int64_t> tenant_id,
               std::string action, std::string resource_type, std::string resource_id,
               std::optional<int64_t> household_id, std::string reason) {
  core::AuditRecord r = AuditOf(caller, ctx.clock, std::move(action), std::move(resource_type),
                                std::move(resource_id));
  r.tenant_id = tenant_id;
  r.household_id = household_id;
  r.outcome = "denied";
  r.purpose = std::move(reason);
  ctx.audit.Enqueue(std::move(r));
}

}  // namespace

Status RequireTenant(const Caller& caller, int64_t tenant_id) {
  if (!caller.principal.Serves(tenant_id))
    return NotFound("tenant_not_found", "tenant not served by the caller's organisation");
  return Status::Ok();
}

Status RequireTenant(const ApiContext& ctx, const Caller& caller, int64_t tenant_id) {
  Status served = RequireTenant(caller, tenant_id);
  // Filed under the tenant asked for, so its auditor sees who probed it.
  if (!served.ok())
    LogDenial(ctx, caller, tenant_id, "access", "tenant", std::to_string(tenant_id), std::nullopt,
              "other_tenant");
  return served;
}

StatusOr<HouseholdAccess> CheckHousehold(const ApiContext& ctx, ports::Transaction& tx,
                                         const Caller& caller, int64_t tenant_id,
                                         int64_t household_id, core::Action action,
                                         std::string_view audited_as) {
  const std::string audited(audited_as.empty() ? core::ToCode(action) : audited_as);
  REGIE_RETURN_IF_ERROR(RequireTenant(ctx, caller, tenant_id));
  HouseholdAccess access;
  StatusOr<core::HouseholdFacts> facts =
      tx.Access().Facts(tenant_id, household_id, caller.principal.user_id);
  if (!facts.ok()) {
    // Unknown here (or another tenant's): a probe leaves a trace too.
    if (facts.status().code() == StatusCode::kNotFound)
      LogDenial(ctx, caller, tenant_id, audited, "household", std::to_string(household_id),
                std::nullopt, "not_found");
    return facts.status();
  }
  access.facts = std::move(facts).value();
  access.decision = core::DecideHousehold(caller.principal, action, access.facts, ctx.clock.Now());
  if (access.decision.allowed) return access;
  const std::string& reason = access.decision.reason;
  LogDenial(ctx, caller, tenant_id, audited, "household", std::to_string(household_id),
            household_id, reason);
  if (reason == "other_tenant")
    return NotFound("household_not_found", "household of another tenant");
  if (reason == "no_relationship") return Forbidden("no_relationship");
  return Forbidden("forbidden");
}

Status RequireRole(const ApiContext& ctx, const Caller& caller, core::Role role, int64_t tenant_id,
                   const std::string& action, const std::string& resource_type) {
  REGIE_RETURN_IF_ERROR(RequireTenant(ctx, caller, tenant_id));
  // HasIn, although Authenticate narrowed the principal to the path's
  // tenant already: a check about another tenant must not count a
  // municipal role outside the home municipality either.
  if (caller.principal.HasIn(role, tenant_id)) return Status::Ok();
  // The auditor of the tenant sees that a regional account tried to use a
  // municipal role there, apart from an ordinary missing role.
  const bool held_elsewhere =
      caller.account_roles.Has(role) && tenant_id != caller.principal.home_tenant_id;
  LogDenial(ctx, caller, tenant_id, action, resource_type, "", std::nullopt,
            held_elsewhere ? "role_outside_home_tenant" : "role_not_allowed");
  return Forbidden("forbidden");
}

Status RefuseHousehold(const ApiContext& ctx, const Caller& caller, const HouseholdAccess& access,
                       core::Action action, std::string resource_type, std::string resource_id,
                       std::optional<int64_t> person_id, std::string reason) {
  core::AuditRecord r = AuditOf(caller, ctx.clock, std::string(core::ToCode(action)),
                                std::move(resource_type), std::move(resource_id));
  r.tenant_id = access.facts.tenant_id;
  r.household_id = access.facts.household_id;
  r.person_id = person_id;
  r.outcome = "denied";
  r.purpose = std::move(reason);
  ctx.audit.Enqueue(std::move(r));
  return Forbidden("forbidden");
}

Status RequireActiveHousehold(const HouseholdAccess& access) {
  if (!access.facts.archived) return Status::Ok();
  return FailedPrecondition("household_archived", "household is archived");
}

core::AuditRecord HouseholdAudit(const ApiContext& ctx, const Caller& caller,
                                 const HouseholdAccess& access, core::Action action,
                                 std::string resource_type, std::string resource_id) {
  core::AuditRecord r = AuditOf(caller, ctx.clock, std::string(core::ToCode(action)),
                                std::move(resource_type), std::move(resource_id));
  r.tenant_id = access.facts.tenant_id;
  r.household_id = access.facts.household_id;
  r.categories = access.decision.categories;
  r.purpose = access.decision.reason;
  if (access.decision.break_glass) {
    r.break_glass = true;
    // The reason the user typed when opening, so auditors see it per access.
    const core::Timestamp now = ctx.clock.Now();
    for (const core::BreakGlassGrant& g : access.facts.break_glass)
      if (g.user_id == caller.principal.user_id && g.opened_at <= now && now < g.expires_at)
        r.purpose = "break_glass: " + g.reason;
  }
  return r;
}

}  // namespace regie::http
