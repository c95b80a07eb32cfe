// Versioned broad intakes of persons.
#include <utility>

#include "storage/sqlite/sqlite_intake_repository.h"

namespace regie::storage::sqlite {

Status SqliteIntakes::RequirePerson(int64_t tenant_id, int64_t person_id) {
  REGIE_ASSIGN_OR_RETURN(Stmt s,
                         conn_.Prepare("SELECT 1 FROM persons WHERE id = ?1 AND tenant_id = ?2"));
  s.Bind(1, person_id).Bind(2, tenant_id);
  if (s.Step()) return Status();
  REGIE_RETURN_IF_ERROR(s.status());
  return NotFound("person_not_found", "no such person in this tenant");
}

StatusOr<int64_t> SqliteIntakes::CurrentVersion(int64_t person_id) {
  REGIE_ASSIGN_OR_RETURN(Stmt s,
                         conn_.Prepare("SELECT current_version FROM intakes WHERE person_id = ?1"));
  s.Bind(1, person_id);
  if (s.Step()) return s.Int(0);
  REGIE_RETURN_IF_ERROR(s.status());
  return int64_t{0};
}

StatusOr<int64_t> SqliteIntakes::LockCurrentVersion(int64_t tenant_id, int64_t person_id) {
  REGIE_RETURN_IF_ERROR(RequirePerson(tenant_id, person_id));
  return CurrentVersion(person_id);
}

StatusOr<core::Intake> SqliteIntakes::Get(int64_t tenant_id, int64_t person_id, int64_t version) {
  REGIE_RETURN_IF_ERROR(RequirePerson(tenant_id, person_id));
  core::Intake intake{.tenant_id = tenant_id, .person_id = person_id};
  if (version == 0) {
    REGIE_ASSIGN_OR_RETURN(version, CurrentVersion(person_id));
    if (version == 0) return intake;
  }
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt s, conn_.Prepare("SELECT status, intake_date, interpreter, interpreter_language, "
                              "recorded_by, saved_by, saved_at, finalised_by, finalised_at "
                              "FROM intake_versions WHERE person_id = ?1 AND version = ?2"));
    s.Bind(1, person_id).Bind(2, version);
    if (!s.Step()) {
      REGIE_RETURN_IF_ERROR(s.status());
      return NotFound("intake_version_not_found", "no such intake version");
    }
    intake.version = version;
    intake.status =
        core::ParseEnum<core::IntakeStatus>(s.Text(0)).value_or(core::IntakeStatus::kConcept);
    intake.content.intake_date = core::Date::Parse(s.Text(1)).value_or(core::Date());
    intake.content.interpreter = s.Int(2) != 0;
    intake.content.interpreter_language = s.OptText(3);
    intake.recorded_by = s.Int(4);
    intake.saved_by = s.Int(5);
    intake.saved_at = core::Timestamp{s.Int(6)};
    intake.finalised_by = s.IsNull(7) ? 0 : s.Int(7);
    if (!s.IsNull(8)) intake.finalised_at = core::Timestamp{s.Int(8)};
  }
  REGIE_ASSIGN_OR_RETURN(Stmt s,
                         conn_.Prepare("SELECT part, position, field, value FROM intake_items "
                                       "WHERE person_id = ?1 AND version = ?2"));
  s.Bind(1, person_id).Bind(2, version);
  std::vector<core::IntakeItem> items;
  while (s.Step()) items.push_back({s.Text(0), static_cast<int>(s.Int(1)), s.Text(2), s.Text(3)});
  REGIE_RETURN_IF_ERROR(s.status());
  core::FromIntakeItems(items, intake.content);
  return intake;
}

StatusOr<std::vector<core::IntakeVersionInfo>> SqliteIntakes::ListVersions(int64_t tenant_id,
                                                                           int64_t person_id) {
  REGIE_RETURN_IF_ERROR(RequirePerson(tenant_id, person_id));
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT version, status, saved_by, saved_at FROM intake_versions "
                            "WHERE person_id = ?1 ORDER BY version DESC"));
  s.Bind(1, person_id);
  std::vector<core::IntakeVersionInfo> out;
  while (s.Step())
    out.push_back({.version = s.Int(0),
                   .status = core::ParseEnum<core::IntakeStatus>(s.Text(1)).value_or(
                       core::IntakeStatus::kConcept),
                   .saved_by = s.Int(2),
                   .saved_at = core::Timestamp{s.Int(3)}});
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<core::Intake> SqliteIntakes::Save(const core::Intake& intake) {
  REGIE_RETURN_IF_ERROR(RequirePerson(intake.tenant_id, intake.person_id));
  REGIE_ASSIGN_OR_RETURN(int64_t current, CurrentVersion(intake.person_id));
  if (intake.version != current + 1)
    return Conflict("intake_version_conflict", "the intake was saved by someone else");
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt s,
        conn_.Prepare(current == 0 ? "INSERT INTO intakes (person_id, tenant_id, current_version) "
                                     "VALUES (?1, ?2, ?3)"
                                   : "UPDATE intakes SET current_version = ?3 WHERE person_id = ?1 "
                                     "AND tenant_id = ?2 AND current_version = ?3 - 1"));
    s.Bind(1, intake.person_id).Bind(2, intake.tenant_id).Bind(3, intake.version);
    REGIE_RETURN_IF_ERROR(s.Exec());
    if (sqlite3_changes(conn_.db()) != 1)
      return Conflict("intake_version_conflict", "the intake was saved by someone else");
  }
  {
    const core::IntakeContent& c = intake.content;
    REGIE_ASSIGN_OR_RETURN(
        Stmt s, conn_.Prepare("INSERT INTO intake_versions (person_id, version, tenant_id, "
                              "status, intake_date, interpreter, interpreter_language, "
                              "recorded_by, saved_by, saved_at, finalised_by, finalised_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
    s.Bind(1, intake.person_id)
        .Bind(2, intake.version)
        .Bind(3, intake.tenant_id)
        .Bind(4, core::ToCode(intake.status))
        .Bind(5, c.intake_date.ToString())
        .Bind(6, int64_t{c.interpreter ? 1 : 0})
        .Bind(7, c.interpreter_language)
        .Bind(8, intake.recorded_by)
        .Bind(9, intake.saved_by)
        .Bind(10, intake.saved_at.micros);
    if (intake.finalised_at) {
      s.Bind(11, intake.finalised_by).Bind(12, intake.finalised_at->micros);
    } else {
      s.BindNull(11).BindNull(12);
    }
    Status st = s.Exec();
    if (st.code() == StatusCode::kConflict)
      return Conflict("intake_version_conflict", "the intake was saved by someone else");
    REGIE_RETURN_IF_ERROR(st);
  }
  for (const core::IntakeItem& item : core::ToIntakeItems(intake.content)) {
    REGIE_ASSIGN_OR_RETURN(
        Stmt s, conn_.Prepare("INSERT INTO intake_items (person_id, version, part, position, "
                              "field, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    s.Bind(1, intake.person_id)
        .Bind(2, intake.version)
        .Bind(3, item.part)
        .Bind(4, int64_t{item.position})
        .Bind(5, item.field)
        .Bind(6, item.value);
    REGIE_RETURN_IF_ERROR(s.Exec());
  }
  return Get(intake.tenant_id, intake.person_id, intake.version);
}

}  // namespace regie::storage::sqlite
