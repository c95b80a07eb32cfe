// Versioned plans of households and the client's agreements.
#include <algorithm>
#include <map>
#include <utility>

#include "storage/postgres/postgres_plan_repository.h"

namespace regie::storage::postgres {
namespace {

constexpr std::string_view kGoals =
    "SELECT goal_key, person_id, domain, text, target_date, status FROM plan_goals "
    "WHERE household_id = $1 AND version = $2 ORDER BY position";
constexpr std::string_view kActions =
    "SELECT goal_key, action_key, text, organisation_id, user_id, due_date, status, result "
    "FROM plan_actions WHERE household_id = $1 AND version = $2 ORDER BY position";

std::string DueQuery(ports::DueActionScope scope) {
  std::string where;
  switch (scope) {
    case ports::DueActionScope::kOrganisation:
      where = "o.organisation_id = $2";
      break;
    case ports::DueActionScope::kUser:
      where = "o.user_id = $2";
      break;
    case ports::DueActionScope::kRegisseur:
      where =
          "o.household_id IN (SELECT id FROM households WHERE tenant_id = $1 AND "
          "regisseur_user_id = $2)";
      break;
    case ports::DueActionScope::kBegeleider:
      where =
          "o.household_id IN (SELECT household_id FROM household_assignments WHERE "
          "user_id = $2 AND kind = 'begeleider')";
      break;
  }
  return "SELECT o.household_id, h.name, p.current_version, a.goal_key, g.person_id, g.domain, "
         "a.action_key, a.text, a.organisation_id, a.user_id, a.due_date, a.status, a.result "
         "FROM plan_open_actions o JOIN plans p ON p.household_id = o.household_id "
         "JOIN households h ON h.id = o.household_id "
         "JOIN plan_actions a ON a.household_id = o.household_id AND a.version = "
         "p.current_version AND a.action_key = o.action_key "
         "JOIN plan_goals g ON g.household_id = a.household_id AND g.version = a.version AND "
         "g.goal_key = a.goal_key "
         "WHERE o.tenant_id = $1 AND " +
         where +
         " AND o.due_date <= $3::date AND NOT h.archived "
         "ORDER BY o.due_date, o.household_id, o.action_key LIMIT $4";
}

bool IsOpen(core::ActionStatus s) {
  return s == core::ActionStatus::kOpen || s == core::ActionStatus::kLoopt;
}

Params& AddOptId(Params& p, const std::optional<int64_t>& id) {
  return id ? p.Add(*id) : p.AddNull();
}

Status PlanConflict() {
  return Conflict("plan_version_conflict", "the plan was saved by someone else");
}

}  // namespace

Status PgPlans::RequireHousehold(int64_t tenant_id, int64_t household_id) {
  REGIE_ASSIGN_OR_RETURN(Result h,
                         conn_.Exec("SELECT 1 FROM households WHERE id = $1 AND tenant_id = $2",
                                    Params().Add(household_id).Add(tenant_id)));
  if (h.rows() == 0) return NotFound("household_not_found", "no such household in this tenant");
  return Status();
}

StatusOr<int64_t> PgPlans::CurrentVersion(int64_t household_id) {
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec("SELECT current_version FROM plans WHERE household_id = $1",
                                    Params().Add(household_id)));
  return r.rows() == 0 ? int64_t{0} : r.Int(0, 0);
}

StatusOr<int64_t> PgPlans::LockCurrentVersion(int64_t tenant_id, int64_t household_id) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(tenant_id, household_id));
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("SELECT current_version FROM plans WHERE household_id = $1 FOR UPDATE",
                           Params().Add(household_id)));
  return r.rows() == 0 ? int64_t{0} : r.Int(0, 0);
}

StatusOr<core::Plan> PgPlans::Get(int64_t tenant_id, int64_t household_id, int64_t version) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(tenant_id, household_id));
  core::Plan plan{.tenant_id = tenant_id, .household_id = household_id};
  if (version == 0) {
    REGIE_ASSIGN_OR_RETURN(version, CurrentVersion(household_id));
    if (version == 0) return plan;
  }
  REGIE_ASSIGN_OR_RETURN(Result v, conn_.Exec("SELECT saved_by, saved_at, next_key FROM "
                                              "plan_versions WHERE household_id = $1 AND "
                                              "version = $2",
                                              Params().Add(household_id).Add(version)));
  if (v.rows() == 0) return NotFound("plan_version_not_found", "no such plan version");
  plan.version = version;
  plan.saved_by = v.Int(0, 0);
  plan.saved_at = core::Timestamp{v.Int(0, 1)};
  plan.next_key = v.Int(0, 2);
  REGIE_ASSIGN_OR_RETURN(Result g, conn_.Exec(kGoals, Params().Add(household_id).Add(version)));
  std::map<int64_t, size_t> index;
  plan.goals.reserve(static_cast<size_t>(g.rows()));
  for (int i = 0; i < g.rows(); ++i) {
    index[g.Int(i, 0)] = plan.goals.size();
    plan.goals.push_back(
        {.key = g.Int(i, 0),
         .person_id = g.Int(i, 1),
         .domain = g.Text(i, 2),
         .text = g.Text(i, 3),
         .target_date = core::Date::Parse(g.Text(i, 4)).value_or(core::Date()),
         .status =
             core::ParseEnum<core::GoalStatus>(g.Text(i, 5)).value_or(core::GoalStatus::kOpen)});
  }
  REGIE_ASSIGN_OR_RETURN(Result a, conn_.Exec(kActions, Params().Add(household_id).Add(version)));
  for (int i = 0; i < a.rows(); ++i) {
    auto it = index.find(a.Int(i, 0));
    if (it == index.end()) continue;
    core::PlanAction action{
        .key = a.Int(i, 1),
        .text = a.Text(i, 2),
        .organisation_id = a.Int(i, 3),
        .due_date = core::Date::Parse(a.Text(i, 5)).value_or(core::Date()),
        .status =
            core::ParseEnum<core::ActionStatus>(a.Text(i, 6)).value_or(core::ActionStatus::kOpen),
        .result = a.Text(i, 7)};
    if (!a.IsNull(i, 4)) action.user_id = a.Int(i, 4);
    plan.goals[it->second].actions.push_back(std::move(action));
  }
  return plan;
}

StatusOr<std::vector<core::PlanVersionInfo>> PgPlans::ListVersions(int64_t tenant_id,
                                                                   int64_t household_id) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(tenant_id, household_id));
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT version, saved_at, saved_by, goal_count "
                                              "FROM plan_versions WHERE household_id = $1 "
                                              "ORDER BY version DESC",
                                              Params().Add(household_id)));
  std::vector<core::PlanVersionInfo> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({.version = r.Int(i, 0),
                   .saved_at = core::Timestamp{r.Int(i, 1)},
                   .saved_by = r.Int(i, 2),
                   .goal_count = r.Int(i, 3)});
  return out;
}

StatusOr<core::Plan> PgPlans::Save(const core::Plan& plan) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(plan.tenant_id, plan.household_id));
  // Both statements change a row only from the expected version; a
  // concurrent first save's row makes the INSERT do nothing (it waits for
  // that transaction), a concurrent later save's the UPDATE.
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec(plan.version == 1
                     ? "INSERT INTO plans (household_id, tenant_id, current_version) "
                       "VALUES ($1, $2, $3) ON CONFLICT (household_id) DO NOTHING"
                     : "UPDATE plans SET current_version = $3 WHERE household_id = $1 AND "
                       "tenant_id = $2 AND current_version = $3 - 1",
                 Params().Add(plan.household_id).Add(plan.tenant_id).Add(plan.version)));
  if (r.affected() != 1) return PlanConflict();
  REGIE_RETURN_IF_ERROR(conn_
                            .Exec("INSERT INTO plan_versions (household_id, version, tenant_id, "
                                  "saved_by, saved_at, next_key, goal_count) "
                                  "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                                  Params()
                                      .Add(plan.household_id)
                                      .Add(plan.version)
                                      .Add(plan.tenant_id)
                                      .Add(plan.saved_by)
                                      .Add(plan.saved_at.micros)
                                      .Add(plan.next_key)
                                      .Add(static_cast<int64_t>(plan.goals.size())))
                            .status());
  REGIE_RETURN_IF_ERROR(conn_
                            .Exec("DELETE FROM plan_open_actions WHERE household_id = $1",
                                  Params().Add(plan.household_id))
                            .status());
  int64_t goal_position = 0;
  for (const core::PlanGoal& g : plan.goals) {
    REGIE_RETURN_IF_ERROR(conn_
                              .Exec("INSERT INTO plan_goals (household_id, version, goal_key, "
                                    "position, person_id, domain, text, target_date, status) "
                                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9)",
                                    Params()
                                        .Add(plan.household_id)
                                        .Add(plan.version)
                                        .Add(g.key)
                                        .Add(goal_position++)
                                        .Add(g.person_id)
                                        .Add(g.domain)
                                        .Add(g.text)
                                        .Add(g.target_date.ToString())
                                        .Add(core::ToCode(g.status)))
                              .status());
    int64_t action_position = 0;
    for (const core::PlanAction& a : g.actions) {
      Params p;
      p.Add(plan.household_id)
          .Add(plan.version)
          .Add(a.key)
          .Add(g.key)
          .Add(action_position++)
          .Add(a.text)
          .Add(a.organisation_id);
      AddOptId(p, a.user_id).Add(a.due_date.ToString()).Add(core::ToCode(a.status)).Add(a.result);
      REGIE_RETURN_IF_ERROR(
          conn_
              .Exec("INSERT INTO plan_actions (household_id, version, action_key, goal_key, "
                    "position, text, organisation_id, user_id, due_date, status, result) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::date, $10, $11)",
                    p)
              .status());
      if (!IsOpen(a.status)) continue;
      Params o;
      o.Add(plan.household_id).Add(a.key).Add(plan.tenant_id).Add(a.organisation_id);
      AddOptId(o, a.user_id).Add(a.due_date.ToString());
      REGIE_RETURN_IF_ERROR(conn_
                                .Exec("INSERT INTO plan_open_actions (household_id, action_key, "
                                      "tenant_id, organisation_id, user_id, due_date) "
                                      "VALUES ($1, $2, $3, $4, $5, $6::date)",
                                      o)
                                .status());
    }
  }
  return plan;
}

StatusOr<core::PlanAgreement> PgPlans::AddAgreement(const core::PlanAgreement& agreement) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(agreement.tenant_id, agreement.household_id));
  REGIE_ASSIGN_OR_RETURN(
      Result v, conn_.Exec("SELECT 1 FROM plan_versions WHERE household_id = $1 AND version = $2",
                           Params().Add(agreement.household_id).Add(agreement.plan_version)));
  if (v.rows() == 0) return NotFound("plan_version_not_found", "no such plan version");
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("INSERT INTO plan_agreements (tenant_id, household_id, plan_version, "
                           "date, interpreter, language, recorded_by, recorded_at) "
                           "VALUES ($1, $2, $3, $4::date, $5::boolean, $6, $7, $8) RETURNING id",
                           Params()
                               .Add(agreement.tenant_id)
                               .Add(agreement.household_id)
                               .Add(agreement.plan_version)
                               .Add(agreement.date.ToString())
                               .AddBool(agreement.interpreter)
                               .Add(agreement.language)
                               .Add(agreement.recorded_by)
                               .Add(agreement.recorded_at.micros)));
  core::PlanAgreement out = agreement;
  out.id = r.Int(0, 0);
  std::sort(out.signed_by.begin(), out.signed_by.end());
  if (!out.signed_by.empty())
    REGIE_RETURN_IF_ERROR(conn_
                              .Exec("INSERT INTO plan_agreement_signers (agreement_id, person_id) "
                                    "SELECT $1, unnest($2::bigint[])",
                                    Params().Add(out.id).AddIdArray(out.signed_by))
                              .status());
  return out;
}

StatusOr<std::vector<core::PlanAgreement>> PgPlans::ListAgreements(int64_t tenant_id,
                                                                   int64_t household_id) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(tenant_id, household_id));
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("SELECT a.id, a.plan_version, a.date, a.interpreter, a.language, "
                           "a.recorded_by, a.recorded_at, array(SELECT s.person_id FROM "
                           "plan_agreement_signers s WHERE s.agreement_id = a.id ORDER BY "
                           "s.person_id)::bigint[] FROM plan_agreements a "
                           "WHERE a.household_id = $1 AND a.tenant_id = $2 ORDER BY a.id DESC",
                           Params().Add(household_id).Add(tenant_id)));
  std::vector<core::PlanAgreement> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({.id = r.Int(i, 0),
                   .tenant_id = tenant_id,
                   .household_id = household_id,
                   .plan_version = r.Int(i, 1),
                   .date = core::Date::Parse(r.Text(i, 2)).value_or(core::Date()),
                   .interpreter = r.Bool(i, 3),
                   .language = r.OptText(i, 4),
                   .signed_by = r.IdArray(i, 7),
                   .recorded_by = r.Int(i, 5),
                   .recorded_at = core::Timestamp{r.Int(i, 6)}});
  return out;
}

StatusOr<std::vector<ports::DueAction>> PgPlans::DueActions(int64_t tenant_id,
                                                            ports::DueActionScope scope, int64_t id,
                                                            core::Date due_by, int limit) {
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec(DueQuery(scope),
                 Params().Add(tenant_id).Add(id).Add(due_by.ToString()).Add(int64_t{limit})));
  std::vector<ports::DueAction> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) {
    ports::DueAction d{.tenant_id = tenant_id,
                       .household_id = r.Int(i, 0),
                       .household_name = r.Text(i, 1),
                       .plan_version = r.Int(i, 2),
                       .goal_key = r.Int(i, 3),
                       .person_id = r.Int(i, 4),
                       .domain = r.Text(i, 5)};
    d.action = {
        .key = r.Int(i, 6),
        .text = r.Text(i, 7),
        .organisation_id = r.Int(i, 8),
        .due_date = core::Date::Parse(r.Text(i, 10)).value_or(core::Date()),
        .status =
            core::ParseEnum<core::ActionStatus>(r.Text(i, 11)).value_or(core::ActionStatus::kOpen),
        .result = r.Text(i, 12)};
    if (!r.IsNull(i, 9)) d.action.user_id = r.Int(i, 9);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace regie::storage::postgres
