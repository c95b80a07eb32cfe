// Assessments of a person (append-only, voiding once).
#include <string>
#include <utility>

#include "storage/postgres/postgres_assessment_repository.h"

namespace regie::storage::postgres {
namespace {

std::vector<core::AssessmentItem> ParseItems(std::string_view joined) {
  std::vector<core::AssessmentItem> items;
  while (!joined.empty()) {
    size_t comma = joined.find(',');
    std::string_view one = joined.substr(0, comma);
    joined = comma == std::string_view::npos ? std::string_view() : joined.substr(comma + 1);
    size_t eq = one.find('=');
    if (eq == std::string_view::npos) continue;
    int value = 0;
    for (char c : one.substr(eq + 1))
      if (c >= '0' && c <= '9') value = value * 10 + (c - '0');
    items.push_back({std::string(one.substr(0, eq)), value});
  }
  return items;
}

}  // namespace

Status PgAssessments::RequirePerson(int64_t tenant_id, int64_t person_id) {
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec("SELECT 1 FROM persons WHERE id = $1 AND tenant_id = $2",
                                    Params().Add(person_id).Add(tenant_id)));
  if (r.rows() == 0) return NotFound("person_not_found", "no such person in this tenant");
  return Status();
}

StatusOr<std::vector<ports::AssessmentRepository::Voided>> PgAssessments::Select(
    std::string_view where, int64_t tenant_id, int64_t id, bool lock) {
  // Items come along as one "item=value" text (item codes have no '=' or
  // ','), in one round trip.
  const std::string sql =
      "SELECT a.id, a.tenant_id, a.person_id, a.kind, a.date, a.assessor, "
      "coalesce(a.event_id, 0), a.recorded_by, a.recorded_at, a.voided_at, "
      "coalesce(a.voided_by, 0), a.void_reason, "
      "coalesce((SELECT string_agg(i.item || '=' || i.value, ',' ORDER BY i.item, i.value) "
      "FROM assessment_items i WHERE i.assessment_id = a.id), '') "
      "FROM assessments a WHERE " +
      std::string(where) + " ORDER BY a.date, a.id" + (lock ? " FOR UPDATE" : "");
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(sql, Params().Add(tenant_id).Add(id)));
  std::vector<Voided> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int row = 0; row < r.rows(); ++row) {
    Voided v;
    core::Assessment& a = v.assessment;
    a.id = r.Int(row, 0);
    a.tenant_id = r.Int(row, 1);
    a.data.person_id = r.Int(row, 2);
    a.data.kind =
        core::ParseEnum<core::AssessmentKind>(r.Text(row, 3)).value_or(core::AssessmentKind::kZrm);
    a.data.date = core::Date::Parse(r.Text(row, 4)).value_or(core::Date());
    a.data.assessor = r.Text(row, 5);
    v.event_id = r.Int(row, 6);
    a.recorded_by = r.Int(row, 7);
    a.recorded_at = core::Timestamp{r.Int(row, 8)};
    if (!r.IsNull(row, 9)) a.voided_at = core::Timestamp{r.Int(row, 9)};
    a.voided_by = r.Int(row, 10);
    a.void_reason = r.Text(row, 11);
    core::FromItems(ParseItems(r.Text(row, 12)), a.data);
    out.push_back(std::move(v));
  }
  return out;
}

StatusOr<core::Assessment> PgAssessments::Create(const core::Assessment& assessment,
                                                 int64_t event_id) {
  const core::AssessmentData& d = assessment.data;
  REGIE_RETURN_IF_ERROR(RequirePerson(assessment.tenant_id, d.person_id));
  REGIE_ASSIGN_OR_RETURN(Result u, conn_.Exec("SELECT 1 FROM users WHERE id = $1",
                                              Params().Add(assessment.recorded_by)));
  if (u.rows() == 0)
    return InvalidArgument("validation_failed", "invalid reference",
                           {{"recorded_by", "invalid_reference"}});
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("INSERT INTO assessments (tenant_id, person_id, kind, date, assessor, "
                           "event_id, recorded_by, recorded_at) VALUES ($1, $2, $3, $4::date, "
                           "$5, NULLIF($6::bigint, 0), $7, $8) RETURNING id",
                           Params()
                               .Add(assessment.tenant_id)
                               .Add(d.person_id)
                               .Add(core::ToCode(d.kind))
                               .Add(d.date.ToString())
                               .Add(d.assessor)
                               .Add(event_id)
                               .Add(assessment.recorded_by)
                               .Add(assessment.recorded_at.micros)));
  const int64_t id = r.Int(0, 0);
  for (const core::AssessmentItem& item : core::ToItems(d))
    REGIE_RETURN_IF_ERROR(
        conn_
            .Exec("INSERT INTO assessment_items (assessment_id, item, value) VALUES ($1, $2, $3)",
                  Params().Add(id).Add(item.item).Add(int64_t{item.value}))
            .status());
  REGIE_ASSIGN_OR_RETURN(std::vector<Voided> stored,
                         Select("a.tenant_id = $1 AND a.id = $2", assessment.tenant_id, id));
  return std::move(stored.at(0).assessment);
}

StatusOr<std::vector<core::Assessment>> PgAssessments::ListByPerson(int64_t tenant_id,
                                                                    int64_t person_id) {
  REGIE_RETURN_IF_ERROR(RequirePerson(tenant_id, person_id));
  REGIE_ASSIGN_OR_RETURN(std::vector<Voided> rows,
                         Select("a.tenant_id = $1 AND a.person_id = $2", tenant_id, person_id));
  std::vector<core::Assessment> out;
  out.reserve(rows.size());
  for (Voided& v : rows) out.push_back(std::move(v.assessment));
  return out;
}

StatusOr<ports::AssessmentRepository::Voided> PgAssessments::Void(int64_t tenant_id,
                                                                  int64_t assessment_id,
                                                                  int64_t by_user,
                                                                  const std::string& reason,
                                                                  core::Timestamp at) {
  REGIE_ASSIGN_OR_RETURN(std::vector<Voided> rows, Select("a.tenant_id = $1 AND a.id = $2",
                                                          tenant_id, assessment_id, /*lock=*/true));
  if (rows.empty()) return NotFound("assessment_not_found", "no such assessment in this tenant");
  if (rows[0].assessment.voided_at)
    return FailedPrecondition("already_voided", "assessment was voided before");
  REGIE_ASSIGN_OR_RETURN(Result u,
                         conn_.Exec("SELECT 1 FROM users WHERE id = $1", Params().Add(by_user)));
  if (u.rows() == 0)
    return InvalidArgument("validation_failed", "invalid reference",
                           {{"voided_by", "invalid_reference"}});
  REGIE_RETURN_IF_ERROR(
      conn_
          .Exec("UPDATE assessments SET voided_at = $3, voided_by = $4, "
                "void_reason = $5 WHERE id = $1 AND tenant_id = $2",
                Params().Add(assessment_id).Add(tenant_id).Add(at.micros).Add(by_user).Add(reason))
          .status());
  REGIE_ASSIGN_OR_RETURN(rows, Select("a.tenant_id = $1 AND a.id = $2", tenant_id, assessment_id));
  return std::move(rows.at(0));
}

}  // namespace regie::storage::postgres
