#include "http/policy_support.h"

#include <cassert>
#include <utility>

#include "core/validation.h"
#include "http/handlers.h"
#include "http/household_view.h"

namespace regie::http {

PolicyRegistry& Registry(const ApiContext& ctx) {
  assert(ctx.policies != nullptr && "ApiContext without a PolicyRegistry");
  return *ctx.policies;
}

StatusOr<PersonPolicyAccess> CheckPersonEvents(const ApiContext& ctx, ports::Transaction& tx,
                                               const Caller& caller, int64_t tenant_id,
                                               int64_t person_id, core::Action action,
                                               const std::string& resource_type) {
  REGIE_RETURN_IF_ERROR(RequireTenant(ctx, caller, tenant_id));
  REGIE_ASSIGN_OR_RETURN(int64_t household_id, tx.Access().HouseholdOfPerson(tenant_id, person_id));
  PersonPolicyAccess a;
  a.person_id = person_id;
  a.category = ctx.fields.Of("events");
  REGIE_ASSIGN_OR_RETURN(a.access,
                         CheckHousehold(ctx, tx, caller, tenant_id, household_id, action));
  const core::CategorySet visible = PersonFilter(ctx, caller, a.access, person_id).categories;
  if (!visible.Has(a.category))
    return RefuseHousehold(ctx, caller, a.access, action, resource_type, std::to_string(person_id),
                           person_id, "category_not_shared");
  return a;
}

core::AuditRecord PersonEventsAudit(const ApiContext& ctx, const Caller& caller,
                                    const PersonPolicyAccess& a, core::Action action,
                                    std::string resource_type, std::string resource_id) {
  core::AuditRecord r = HouseholdAudit(ctx, caller, a.access, action, std::move(resource_type),
                                       std::move(resource_id));
  r.person_id = a.person_id;
  r.categories = {a.category};
  return r;
}

StatusOr<core::Date> ParseOnQuery(std::string_view query, core::Date today) {
  REGIE_ASSIGN_OR_RETURN(auto params, ParseQuery(query));
  core::Date on = today;
  for (const auto& [name, value] : params) {
    if (name != "on") return core::ValidationFailed({{name, "unknown_field"}});
    std::optional<core::Date> d = core::Date::Parse(value);
    if (!d) return core::ValidationFailed({{"on", "invalid_date"}});
    on = *d;
  }
  return on;
}

std::vector<core::policy::PersonEvent> ActiveEvents(const std::vector<ports::StoredEvent>& events) {
  std::vector<core::policy::PersonEvent> out;
  out.reserve(events.size());
  for (const ports::StoredEvent& e : events)
    if (!e.voided_at) out.push_back(e.event);
  return out;
}

std::optional<FieldError> EventFieldError(const Status& status, std::string_view prefix) {
  if (status.code() != StatusCode::kInvalidArgument) return std::nullopt;
  const std::string& reason = status.reason();
  auto at = [prefix](std::string_view field, std::string code) {
    return FieldError{std::string(prefix) + std::string(field), std::move(code)};
  };
  if (reason == "event_before_birth" || reason == "event_in_future") return at("date", reason);
  if (reason == "event_not_recordable") return at("event", reason);
  if (reason == "event_reason_required") return at("reason", "required");
  if (reason == "event_value_required") return at("value", "required");
  if (reason == "event_code_invalid") return at("code", "unknown_code");
  return std::nullopt;
}

const core::policy::Code* FindCode(const core::policy::CompiledPolicy& policy,
                                   const core::policy::EventDecl& decl, const std::string& code) {
  if (decl.code_list.empty() || code.empty()) return nullptr;
  for (const core::policy::Pack& pack : policy.packs())
    for (const core::policy::CodeList& list : pack.code_lists)
      if (list.id == decl.code_list)
        for (const core::policy::Code& c : list.codes)
          if (c.code == code) return &c;
  return nullptr;
}

}  // namespace regie::http
