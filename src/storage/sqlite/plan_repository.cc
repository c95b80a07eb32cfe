// Versioned plans of households and the client's agreements.
#include <algorithm>
#include <map>
#include <utility>

#include "storage/sqlite/sqlite_plan_repository.h"

namespace regie::storage::sqlite {
namespace {

constexpr std::string_view kGoals =
    "SELECT goal_key, person_id, domain, text, target_date, status FROM plan_goals "
    "WHERE household_id = ?1 AND version = ?2 ORDER BY position";
constexpr std::string_view kActions =
    "SELECT goal_key, action_key, text, organisation_id, user_id, due_date, status, result "
    "FROM plan_actions WHERE household_id = ?1 AND version = ?2 ORDER BY position";

// The due-action query per scope; only the WHERE clause on
// plan_open_actions differs, so each uses its index.
std::string DueQuery(ports::DueActionScope scope) {
  std::string where;
  switch (scope) {
    case ports::DueActionScope::kOrganisation:
      where = "o.organisation_id = ?2";
      break;
    case ports::DueActionScope::kUser:
      where = "o.user_id = ?2";
      break;
    case ports::DueActionScope::kRegisseur:
      where =
          "o.household_id IN (SELECT id FROM households WHERE tenant_id = ?1 AND "
          "regisseur_user_id = ?2)";
      break;
    case ports::DueActionScope::kBegeleider:
      where =
          "o.household_id IN (SELECT household_id FROM household_assignments WHERE "
          "user_id = ?2 AND kind = 'begeleider')";
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
         "WHERE o.tenant_id = ?1 AND " +
         where +
         " AND o.due_date <= ?3 AND h.archived = 0 "
         "ORDER BY o.due_date, o.household_id, o.action_key LIMIT ?4";
}

bool IsOpen(core::ActionStatus s) {
  return s == core::ActionStatus::kOpen || s == core::ActionStatus::kLoopt;
}

}  // namespace

Status SqlitePlans::RequireHousehold(int64_t tenant_id, int64_t household_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT 1 FROM households WHERE id = ?1 AND tenant_id = ?2"));
  s.Bind(1, household_id).Bind(2, tenant_id);
  if (s.Step()) return Status();
  REGIE_RETURN_IF_ERROR(s.status());
  return NotFound("household_not_found", "no such household in this tenant");
}

StatusOr<int64_t> SqlitePlans::CurrentVersion(int64_t household_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT current_version FROM plans WHERE household_id = ?1"));
  s.Bind(1, household_id);
  if (s.Step()) return s.Int(0);
  REGIE_RETURN_IF_ERROR(s.status());
  return int64_t{0};
}

StatusOr<int64_t> SqlitePlans::LockCurrentVersion(int64_t tenant_id, int64_t household_id) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(tenant_id, household_id));
  return CurrentVersion(household_id);
}

StatusOr<core::Plan> SqlitePlans::Get(int64_t tenant_id, int64_t household_id, int64_t version) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(tenant_id, household_id));
  core::Plan plan{.tenant_id = tenant_id, .household_id = household_id};
  if (version == 0) {
    REGIE_ASSIGN_OR_RETURN(version, CurrentVersion(household_id));
    if (version == 0) return plan;
  }
  {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT saved_by, saved_at, next_key FROM "
                                                 "plan_versions WHERE household_id = ?1 AND "
                                                 "version = ?2"));
    s.Bind(1, household_id).Bind(2, version);
    if (!s.Step()) {
      REGIE_RETURN_IF_ERROR(s.status());
      return NotFound("plan_version_not_found", "no such plan version");
    }
    plan.version = version;
    plan.saved_by = s.Int(0);
    plan.saved_at = core::Timestamp{s.Int(1)};
    plan.next_key = s.Int(2);
  }
  std::map<int64_t, size_t> index;
  {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(kGoals));
    s.Bind(1, household_id).Bind(2, version);
    while (s.Step()) {
      core::PlanGoal g{
          .key = s.Int(0),
          .person_id = s.Int(1),
          .domain = s.Text(2),
          .text = s.Text(3),
          .target_date = core::Date::Parse(s.Text(4)).value_or(core::Date()),
          .status = core::ParseEnum<core::GoalStatus>(s.Text(5)).value_or(core::GoalStatus::kOpen)};
      index[g.key] = plan.goals.size();
      plan.goals.push_back(std::move(g));
    }
    REGIE_RETURN_IF_ERROR(s.status());
  }
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(kActions));
  s.Bind(1, household_id).Bind(2, version);
  while (s.Step()) {
    auto it = index.find(s.Int(0));
    if (it == index.end()) continue;
    core::PlanAction a{.key = s.Int(1),
                       .text = s.Text(2),
                       .organisation_id = s.Int(3),
                       .due_date = core::Date::Parse(s.Text(5)).value_or(core::Date()),
                       .status = core::ParseEnum<core::ActionStatus>(s.Text(6)).value_or(
                           core::ActionStatus::kOpen),
                       .result = s.Text(7)};
    if (!s.IsNull(4)) a.user_id = s.Int(4);
    plan.goals[it->second].actions.push_back(std::move(a));
  }
  REGIE_RETURN_IF_ERROR(s.status());
  return plan;
}

StatusOr<std::vector<core::PlanVersionInfo>> SqlitePlans::ListVersions(int64_t tenant_id,
                                                                       int64_t household_id) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(tenant_id, household_id));
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT version, saved_at, saved_by, goal_count "
                                               "FROM plan_versions WHERE household_id = ?1 "
                                               "ORDER BY version DESC"));
  s.Bind(1, household_id);
  std::vector<core::PlanVersionInfo> out;
  while (s.Step())
    out.push_back({.version = s.Int(0),
                   .saved_at = core::Timestamp{s.Int(1)},
                   .saved_by = s.Int(2),
                   .goal_count = s.Int(3)});
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<core::Plan> SqlitePlans::Save(const core::Plan& plan) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(plan.tenant_id, plan.household_id));
  REGIE_ASSIGN_OR_RETURN(int64_t current, CurrentVersion(plan.household_id));
  if (plan.version != current + 1)
    return Conflict("plan_version_conflict", "the plan was saved by someone else");
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt s,
        conn_.Prepare(current == 0 ? "INSERT INTO plans (household_id, tenant_id, current_version) "
                                     "VALUES (?1, ?2, ?3)"
                                   : "UPDATE plans SET current_version = ?3 WHERE household_id = "
                                     "?1 AND tenant_id = ?2 AND current_version = ?3 - 1"));
    s.Bind(1, plan.household_id).Bind(2, plan.tenant_id).Bind(3, plan.version);
    REGIE_RETURN_IF_ERROR(s.Exec());
    if (sqlite3_changes(conn_.db()) != 1)
      return Conflict("plan_version_conflict", "the plan was saved by someone else");
  }
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt s, conn_.Prepare("INSERT INTO plan_versions (household_id, version, tenant_id, "
                              "saved_by, saved_at, next_key, goal_count) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    s.Bind(1, plan.household_id)
        .Bind(2, plan.version)
        .Bind(3, plan.tenant_id)
        .Bind(4, plan.saved_by)
        .Bind(5, plan.saved_at.micros)
        .Bind(6, plan.next_key)
        .Bind(7, static_cast<int64_t>(plan.goals.size()));
    Status st = s.Exec();
    if (st.code() == StatusCode::kConflict)
      return Conflict("plan_version_conflict", "the plan was saved by someone else");
    REGIE_RETURN_IF_ERROR(st);
  }
  {
    REGIE_ASSIGN_OR_RETURN(Stmt s,
                           conn_.Prepare("DELETE FROM plan_open_actions WHERE household_id = ?1"));
    s.Bind(1, plan.household_id);
    REGIE_RETURN_IF_ERROR(s.Exec());
  }
  int64_t goal_position = 0;
  for (const core::PlanGoal& g : plan.goals) {
    {
      REGIE_ASSIGN_OR_RETURN(
          Stmt s, conn_.Prepare("INSERT INTO plan_goals (household_id, version, goal_key, "
                                "position, person_id, domain, text, target_date, status) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
      s.Bind(1, plan.household_id)
          .Bind(2, plan.version)
          .Bind(3, g.key)
          .Bind(4, goal_position++)
          .Bind(5, g.person_id)
          .Bind(6, g.domain)
          .Bind(7, g.text)
          .Bind(8, g.target_date.ToString())
          .Bind(9, core::ToCode(g.status));
      REGIE_RETURN_IF_ERROR(s.Exec());
    }
    int64_t action_position = 0;
    for (const core::PlanAction& a : g.actions) {
      {
        REGIE_ASSIGN_OR_RETURN(
            Stmt s, conn_.Prepare("INSERT INTO plan_actions (household_id, version, action_key, "
                                  "goal_key, position, text, organisation_id, user_id, due_date, "
                                  "status, result) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                  "?10, ?11)"));
        s.Bind(1, plan.household_id)
            .Bind(2, plan.version)
            .Bind(3, a.key)
            .Bind(4, g.key)
            .Bind(5, action_position++)
            .Bind(6, a.text)
            .Bind(7, a.organisation_id)
            .Bind(9, a.due_date.ToString())
            .Bind(10, core::ToCode(a.status))
            .Bind(11, a.result);
        if (a.user_id)
          s.Bind(8, *a.user_id);
        else
          s.BindNull(8);
        REGIE_RETURN_IF_ERROR(s.Exec());
      }
      if (!IsOpen(a.status)) continue;
      REGIE_ASSIGN_OR_RETURN(
          Stmt s, conn_.Prepare("INSERT INTO plan_open_actions (household_id, action_key, "
                                "tenant_id, organisation_id, user_id, due_date) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
      s.Bind(1, plan.household_id)
          .Bind(2, a.key)
          .Bind(3, plan.tenant_id)
          .Bind(4, a.organisation_id)
          .Bind(6, a.due_date.ToString());
      if (a.user_id)
        s.Bind(5, *a.user_id);
      else
        s.BindNull(5);
      REGIE_RETURN_IF_ERROR(s.Exec());
    }
  }
  return plan;
}

StatusOr<core::PlanAgreement> SqlitePlans::AddAgreement(const core::PlanAgreement& agreement) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(agreement.tenant_id, agreement.household_id));
  {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT 1 FROM plan_versions WHERE "
                                                 "household_id = ?1 AND version = ?2"));
    s.Bind(1, agreement.household_id).Bind(2, agreement.plan_version);
    if (!s.Step()) {
      REGIE_RETURN_IF_ERROR(s.status());
      return NotFound("plan_version_not_found", "no such plan version");
    }
  }
  core::PlanAgreement out = agreement;
  {
    REGIE_ASSIGN_OR_RETURN(Stmt s,
                           conn_.Prepare("INSERT INTO plan_agreements (tenant_id, household_id, "
                                         "plan_version, date, interpreter, language, recorded_by, "
                                         "recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    s.Bind(1, agreement.tenant_id)
        .Bind(2, agreement.household_id)
        .Bind(3, agreement.plan_version)
        .Bind(4, agreement.date.ToString())
        .Bind(5, int64_t{agreement.interpreter ? 1 : 0})
        .Bind(6, agreement.language)
        .Bind(7, agreement.recorded_by)
        .Bind(8, agreement.recorded_at.micros);
    REGIE_RETURN_IF_ERROR(s.Exec());
    out.id = sqlite3_last_insert_rowid(conn_.db());
  }
  std::sort(out.signed_by.begin(), out.signed_by.end());
  for (int64_t person : out.signed_by) {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("INSERT INTO plan_agreement_signers "
                                                 "(agreement_id, person_id) VALUES (?1, ?2)"));
    s.Bind(1, out.id).Bind(2, person);
    REGIE_RETURN_IF_ERROR(s.Exec());
  }
  return out;
}

StatusOr<std::vector<core::PlanAgreement>> SqlitePlans::ListAgreements(int64_t tenant_id,
                                                                       int64_t household_id) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(tenant_id, household_id));
  std::vector<core::PlanAgreement> out;
  std::map<int64_t, size_t> index;
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt s, conn_.Prepare("SELECT id, plan_version, date, interpreter, language, "
                              "recorded_by, recorded_at FROM plan_agreements "
                              "WHERE household_id = ?1 AND tenant_id = ?2 ORDER BY id DESC"));
    s.Bind(1, household_id).Bind(2, tenant_id);
    while (s.Step()) {
      out.push_back({.id = s.Int(0),
                     .tenant_id = tenant_id,
                     .household_id = household_id,
                     .plan_version = s.Int(1),
                     .date = core::Date::Parse(s.Text(2)).value_or(core::Date()),
                     .interpreter = s.Int(3) != 0,
                     .language = s.OptText(4),
                     .recorded_by = s.Int(5),
                     .recorded_at = core::Timestamp{s.Int(6)}});
      index[out.back().id] = out.size() - 1;
    }
    REGIE_RETURN_IF_ERROR(s.status());
  }
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT s.agreement_id, s.person_id FROM plan_agreement_signers s "
                            "JOIN plan_agreements a ON a.id = s.agreement_id "
                            "WHERE a.household_id = ?1 ORDER BY s.agreement_id, s.person_id"));
  s.Bind(1, household_id);
  while (s.Step())
    if (auto it = index.find(s.Int(0)); it != index.end())
      out[it->second].signed_by.push_back(s.Int(1));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<std::vector<ports::DueAction>> SqlitePlans::DueActions(int64_t tenant_id,
                                                                ports::DueActionScope scope,
                                                                int64_t id, core::Date due_by,
                                                                int limit) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(DueQuery(scope)));
  s.Bind(1, tenant_id).Bind(2, id).Bind(3, due_by.ToString()).Bind(4, int64_t{limit});
  std::vector<ports::DueAction> out;
  while (s.Step()) {
    ports::DueAction d{.tenant_id = tenant_id,
                       .household_id = s.Int(0),
                       .household_name = s.Text(1),
                       .plan_version = s.Int(2),
                       .goal_key = s.Int(3),
                       .person_id = s.Int(4),
                       .domain = s.Text(5)};
    d.action = {
        .key = s.Int(6),
        .text = s.Text(7),
        .organisation_id = s.Int(8),
        .due_date = core::Date::Parse(s.Text(10)).value_or(core::Date()),
        .status =
            core::ParseEnum<core::ActionStatus>(s.Text(11)).value_or(core::ActionStatus::kOpen),
        .result = s.Text(12)};
    if (!s.IsNull(9)) d.action.user_id = s.Int(9);
    out.push_back(std::move(d));
  }
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

}  // namespace regie::storage::sqlite
