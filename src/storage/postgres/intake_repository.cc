// Versioned broad intakes of persons.
#include <utility>

#include "storage/postgres/postgres_intake_repository.h"

namespace regie::storage::postgres {
namespace {

Status IntakeConflict() {
  return Conflict("intake_version_conflict", "the intake was saved by someone else");
}

}  // namespace

Status PgIntakes::RequirePerson(int64_t tenant_id, int64_t person_id) {
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec("SELECT 1 FROM persons WHERE id = $1 AND tenant_id = $2",
                                    Params().Add(person_id).Add(tenant_id)));
  if (r.rows() == 0) return NotFound("person_not_found", "no such person in this tenant");
  return Status();
}

StatusOr<int64_t> PgIntakes::CurrentVersion(int64_t person_id) {
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec("SELECT current_version FROM intakes WHERE person_id = $1",
                                    Params().Add(person_id)));
  return r.rows() == 0 ? int64_t{0} : r.Int(0, 0);
}

StatusOr<int64_t> PgIntakes::LockCurrentVersion(int64_t tenant_id, int64_t person_id) {
  REGIE_RETURN_IF_ERROR(RequirePerson(tenant_id, person_id));
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("SELECT current_version FROM intakes WHERE person_id = $1 FOR UPDATE",
                           Params().Add(person_id)));
  return r.rows() == 0 ? int64_t{0} : r.Int(0, 0);
}

StatusOr<core::Intake> PgIntakes::Get(int64_t tenant_id, int64_t person_id, int64_t version) {
  REGIE_RETURN_IF_ERROR(RequirePerson(tenant_id, person_id));
  core::Intake intake{.tenant_id = tenant_id, .person_id = person_id};
  if (version == 0) {
    REGIE_ASSIGN_OR_RETURN(version, CurrentVersion(person_id));
    if (version == 0) return intake;
  }
  REGIE_ASSIGN_OR_RETURN(
      Result v, conn_.Exec("SELECT status, intake_date::text, interpreter, interpreter_language, "
                           "recorded_by, saved_by, saved_at, finalised_by, finalised_at "
                           "FROM intake_versions WHERE person_id = $1 AND version = $2",
                           Params().Add(person_id).Add(version)));
  if (v.rows() == 0) return NotFound("intake_version_not_found", "no such intake version");
  intake.version = version;
  intake.status =
      core::ParseEnum<core::IntakeStatus>(v.Text(0, 0)).value_or(core::IntakeStatus::kConcept);
  intake.content.intake_date = core::Date::Parse(v.Text(0, 1)).value_or(core::Date());
  intake.content.interpreter = v.Bool(0, 2);
  intake.content.interpreter_language = v.OptText(0, 3);
  intake.recorded_by = v.Int(0, 4);
  intake.saved_by = v.Int(0, 5);
  intake.saved_at = core::Timestamp{v.Int(0, 6)};
  intake.finalised_by = v.IsNull(0, 7) ? 0 : v.Int(0, 7);
  if (!v.IsNull(0, 8)) intake.finalised_at = core::Timestamp{v.Int(0, 8)};
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec("SELECT part, position, field, value FROM intake_items "
                                    "WHERE person_id = $1 AND version = $2",
                                    Params().Add(person_id).Add(version)));
  std::vector<core::IntakeItem> items;
  items.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i)
    items.push_back({r.Text(i, 0), static_cast<int>(r.Int(i, 1)), r.Text(i, 2), r.Text(i, 3)});
  core::FromIntakeItems(items, intake.content);
  return intake;
}

StatusOr<std::vector<core::IntakeVersionInfo>> PgIntakes::ListVersions(int64_t tenant_id,
                                                                       int64_t person_id) {
  REGIE_RETURN_IF_ERROR(RequirePerson(tenant_id, person_id));
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT version, status, saved_by, saved_at "
                                              "FROM intake_versions WHERE person_id = $1 "
                                              "ORDER BY version DESC",
                                              Params().Add(person_id)));
  std::vector<core::IntakeVersionInfo> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({.version = r.Int(i, 0),
                   .status = core::ParseEnum<core::IntakeStatus>(r.Text(i, 1))
                                 .value_or(core::IntakeStatus::kConcept),
                   .saved_by = r.Int(i, 2),
                   .saved_at = core::Timestamp{r.Int(i, 3)}});
  return out;
}

StatusOr<core::Intake> PgIntakes::Save(const core::Intake& intake) {
  REGIE_RETURN_IF_ERROR(RequirePerson(intake.tenant_id, intake.person_id));
  // Both statements change a row only from the expected version; a
  // concurrent first save's row makes the INSERT do nothing (it waits for
  // that transaction), a concurrent later save's the UPDATE.
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec(intake.version == 1
                     ? "INSERT INTO intakes (person_id, tenant_id, current_version) "
                       "VALUES ($1, $2, $3) ON CONFLICT (person_id) DO NOTHING"
                     : "UPDATE intakes SET current_version = $3 WHERE person_id = $1 AND "
                       "tenant_id = $2 AND current_version = $3 - 1",
                 Params().Add(intake.person_id).Add(intake.tenant_id).Add(intake.version)));
  if (r.affected() != 1) return IntakeConflict();
  const core::IntakeContent& c = intake.content;
  Params p;
  p.Add(intake.person_id)
      .Add(intake.version)
      .Add(intake.tenant_id)
      .Add(core::ToCode(intake.status))
      .Add(c.intake_date.ToString())
      .AddBool(c.interpreter)
      .Add(c.interpreter_language)
      .Add(intake.recorded_by)
      .Add(intake.saved_by)
      .Add(intake.saved_at.micros);
  if (intake.finalised_at)
    p.Add(intake.finalised_by).Add(intake.finalised_at->micros);
  else
    p.AddNull().AddNull();
  REGIE_RETURN_IF_ERROR(
      conn_
          .Exec("INSERT INTO intake_versions (person_id, version, tenant_id, status, "
                "intake_date, interpreter, interpreter_language, recorded_by, saved_by, "
                "saved_at, finalised_by, finalised_at) "
                "VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10, $11, $12)",
                p)
          .status());
  for (const core::IntakeItem& item : core::ToIntakeItems(c))
    REGIE_RETURN_IF_ERROR(conn_
                              .Exec("INSERT INTO intake_items (person_id, version, part, "
                                    "position, field, value) VALUES ($1, $2, $3, $4, $5, $6)",
                                    Params()
                                        .Add(intake.person_id)
                                        .Add(intake.version)
                                        .Add(item.part)
                                        .Add(int64_t{item.position})
                                        .Add(item.field)
                                        .Add(item.value))
                              .status());
  return Get(intake.tenant_id, intake.person_id, intake.version);
}

}  // namespace regie::storage::postgres
