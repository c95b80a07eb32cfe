// Assessments of a person (append-only, voiding once).
#include <map>
#include <string>
#include <utility>

#include "storage/sqlite/sqlite_assessment_repository.h"

namespace regie::storage::sqlite {

Status SqliteAssessments::RequirePerson(int64_t tenant_id, int64_t person_id) {
  REGIE_ASSIGN_OR_RETURN(Stmt s,
                         conn_.Prepare("SELECT 1 FROM persons WHERE id = ?1 AND tenant_id = ?2"));
  s.Bind(1, person_id).Bind(2, tenant_id);
  if (s.Step()) return Status();
  REGIE_RETURN_IF_ERROR(s.status());
  return NotFound("person_not_found", "no such person in this tenant");
}

StatusOr<std::vector<ports::AssessmentRepository::Voided>> SqliteAssessments::Select(
    std::string_view where, int64_t tenant_id, int64_t id) {
  const std::string columns =
      "SELECT a.id, a.tenant_id, a.person_id, a.kind, a.date, a.assessor, "
      "coalesce(a.event_id, 0), a.recorded_by, a.recorded_at, a.voided_at, "
      "coalesce(a.voided_by, 0), a.void_reason FROM assessments a WHERE ";
  std::vector<Voided> out;
  std::map<int64_t, size_t> index;
  {
    REGIE_ASSIGN_OR_RETURN(Stmt s,
                           conn_.Prepare(columns + std::string(where) + " ORDER BY a.date, a.id"));
    s.Bind(1, tenant_id).Bind(2, id);
    while (s.Step()) {
      Voided v;
      core::Assessment& a = v.assessment;
      a.id = s.Int(0);
      a.tenant_id = s.Int(1);
      a.data.person_id = s.Int(2);
      a.data.kind =
          core::ParseEnum<core::AssessmentKind>(s.Text(3)).value_or(core::AssessmentKind::kZrm);
      a.data.date = core::Date::Parse(s.Text(4)).value_or(core::Date());
      a.data.assessor = s.Text(5);
      v.event_id = s.Int(6);
      a.recorded_by = s.Int(7);
      a.recorded_at = core::Timestamp{s.Int(8)};
      if (!s.IsNull(9)) a.voided_at = core::Timestamp{s.Int(9)};
      a.voided_by = s.Int(10);
      a.void_reason = s.Text(11);
      index[a.id] = out.size();
      out.push_back(std::move(v));
    }
    REGIE_RETURN_IF_ERROR(s.status());
  }
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT i.assessment_id, i.item, i.value FROM assessment_items i "
                            "JOIN assessments a ON a.id = i.assessment_id WHERE " +
                            std::string(where)));
  s.Bind(1, tenant_id).Bind(2, id);
  std::map<int64_t, std::vector<core::AssessmentItem>> items;
  while (s.Step()) items[s.Int(0)].push_back({s.Text(1), static_cast<int>(s.Int(2))});
  REGIE_RETURN_IF_ERROR(s.status());
  for (auto& [assessment_id, list] : items)
    if (auto it = index.find(assessment_id); it != index.end())
      core::FromItems(list, out[it->second].assessment.data);
  return out;
}

StatusOr<core::Assessment> SqliteAssessments::Create(const core::Assessment& assessment,
                                                     int64_t event_id) {
  const core::AssessmentData& d = assessment.data;
  REGIE_RETURN_IF_ERROR(RequirePerson(assessment.tenant_id, d.person_id));
  {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT 1 FROM users WHERE id = ?1"));
    s.Bind(1, assessment.recorded_by);
    if (!s.Step()) {
      REGIE_RETURN_IF_ERROR(s.status());
      return InvalidArgument("validation_failed", "invalid reference",
                             {{"recorded_by", "invalid_reference"}});
    }
  }
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT INTO assessments (tenant_id, person_id, kind, date, assessor, "
                            "event_id, recorded_by, recorded_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, NULLIF(?6, 0), ?7, ?8)"));
  s.Bind(1, assessment.tenant_id)
      .Bind(2, d.person_id)
      .Bind(3, core::ToCode(d.kind))
      .Bind(4, d.date.ToString())
      .Bind(5, d.assessor)
      .Bind(6, event_id)
      .Bind(7, assessment.recorded_by)
      .Bind(8, assessment.recorded_at.micros);
  REGIE_RETURN_IF_ERROR(s.Exec());
  const int64_t id = sqlite3_last_insert_rowid(conn_.db());
  for (const core::AssessmentItem& item : core::ToItems(d)) {
    REGIE_ASSIGN_OR_RETURN(Stmt i, conn_.Prepare("INSERT INTO assessment_items (assessment_id, "
                                                 "item, value) VALUES (?1, ?2, ?3)"));
    i.Bind(1, id).Bind(2, item.item).Bind(3, int64_t{item.value});
    REGIE_RETURN_IF_ERROR(i.Exec());
  }
  REGIE_ASSIGN_OR_RETURN(std::vector<Voided> stored,
                         Select("a.tenant_id = ?1 AND a.id = ?2", assessment.tenant_id, id));
  return std::move(stored.at(0).assessment);
}

StatusOr<std::vector<core::Assessment>> SqliteAssessments::ListByPerson(int64_t tenant_id,
                                                                        int64_t person_id) {
  REGIE_RETURN_IF_ERROR(RequirePerson(tenant_id, person_id));
  REGIE_ASSIGN_OR_RETURN(std::vector<Voided> rows,
                         Select("a.tenant_id = ?1 AND a.person_id = ?2", tenant_id, person_id));
  std::vector<core::Assessment> out;
  out.reserve(rows.size());
  for (Voided& v : rows) out.push_back(std::move(v.assessment));
  return out;
}

StatusOr<ports::AssessmentRepository::Voided> SqliteAssessments::Void(int64_t tenant_id,
                                                                      int64_t assessment_id,
                                                                      int64_t by_user,
                                                                      const std::string& reason,
                                                                      core::Timestamp at) {
  REGIE_ASSIGN_OR_RETURN(std::vector<Voided> rows,
                         Select("a.tenant_id = ?1 AND a.id = ?2", tenant_id, assessment_id));
  if (rows.empty()) return NotFound("assessment_not_found", "no such assessment in this tenant");
  if (rows[0].assessment.voided_at)
    return FailedPrecondition("already_voided", "assessment was voided before");
  {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT 1 FROM users WHERE id = ?1"));
    s.Bind(1, by_user);
    if (!s.Step()) {
      REGIE_RETURN_IF_ERROR(s.status());
      return InvalidArgument("validation_failed", "invalid reference",
                             {{"voided_by", "invalid_reference"}});
    }
  }
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("UPDATE assessments SET voided_at = ?3, "
                                               "voided_by = ?4, void_reason = ?5 "
                                               "WHERE id = ?1 AND tenant_id = ?2"));
  REGIE_RETURN_IF_ERROR(s.Bind(1, assessment_id)
                            .Bind(2, tenant_id)
                            .Bind(3, at.micros)
                            .Bind(4, by_user)
                            .Bind(5, reason)
                            .Exec());
  REGIE_ASSIGN_OR_RETURN(rows, Select("a.tenant_id = ?1 AND a.id = ?2", tenant_id, assessment_id));
  return std::move(rows.at(0));
}

}  // namespace regie::storage::sqlite
