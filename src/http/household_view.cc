#include "http/household_view.h"

#include "http/dto.h"
#include "http/handover_service.h"

namespace regie::http {

using nlohmann::json;

json UserRef(ports::Transaction& tx, int64_t user_id) {
  StatusOr<ports::User> u = tx.Users().Get(user_id);
  return {{"id", user_id}, {"display_name", u.ok() ? json(u->data.display_name) : json(nullptr)}};
}

dto::FieldFilter PersonFilter(const ApiContext& ctx, const Caller& caller,
                              const HouseholdAccess& access, int64_t person_id) {
  dto::FieldFilter f;
  f.fields = &ctx.fields;
  f.names_only = access.decision.names_only;
  f.categories = core::PersonCategories(caller.principal, access.decision, access.facts, person_id,
                                        ctx.clock.Now());
  return f;
}

StatusOr<json> HouseholdView(const ApiContext& ctx, ports::Transaction& tx, const Caller& caller,
                             const HouseholdAccess& access, const core::Household& household) {
  REGIE_ASSIGN_OR_RETURN(std::vector<core::Person> persons,
                         tx.Persons().ListByHousehold(household.tenant_id, household.id));
  json members = json::array();
  core::CategorySet seen;
  for (const core::Person& p : persons) {
    dto::FieldFilter filter = PersonFilter(ctx, caller, access, p.id);
    if (filter.categories.Empty()) continue;  // nothing of this person is shared
    seen = seen.Union(filter.categories);
    members.push_back(dto::ToJson(p, filter));
  }
  std::vector<core::Organisation> orgs;
  for (int64_t org_id : household.data.involved_organisations) {
    REGIE_ASSIGN_OR_RETURN(core::Organisation org,
                           tx.Organisations().Get(household.tenant_id, org_id));
    orgs.push_back(std::move(org));
  }
  json out = dto::ToJson(household, orgs, std::move(members));
  out["regisseur"] = UserRef(tx, household.data.regisseur_user_id);
  json begeleiders = json::array(), vrijwilligers = json::array();
  for (int64_t id : access.facts.begeleider_ids) begeleiders.push_back(UserRef(tx, id));
  for (int64_t id : access.facts.vrijwilliger_ids) vrijwilligers.push_back(UserRef(tx, id));
  out["begeleiders"] = std::move(begeleiders);
  out["vrijwilligers"] = std::move(vrijwilligers);
  // Reopening a household archived by its handover needs the caller's word
  // that the receiver rejected it (households_handler.cc, Reopen).
  REGIE_ASSIGN_OR_RETURN(const bool handed_over, handover::ArchivedByHandover(tx, household));
  out["handed_over"] = handed_over;
  const core::AccessDecision& d = access.decision;
  const bool regisseur = d.relationship == core::Relationship::kRegisseur;
  const bool edits_persons =
      !household.archived && (regisseur || d.relationship == core::Relationship::kBegeleider);
  out["access"] = {{"relationship", core::ToCode(d.relationship)},
                   {"categories", seen.Codes()},
                   {"break_glass", d.break_glass},
                   {"break_glass_expires_at", nullptr},
                   {"can_edit", regisseur && !household.archived},
                   {"can_add_person", edits_persons},
                   {"can_edit_persons", edits_persons},
                   {"can_manage_sharing", regisseur}};
  if (d.break_glass) {
    const core::Timestamp now = ctx.clock.Now();
    for (const core::BreakGlassGrant& g : access.facts.break_glass)
      if (g.user_id == caller.principal.user_id && g.opened_at <= now && now < g.expires_at)
        out["access"]["break_glass_expires_at"] = g.expires_at.ToString();
  }
  return out;
}

}  // namespace regie::http
