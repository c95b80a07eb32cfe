// Half-year progress reports and their narrative versions.
#include <algorithm>
#include <utility>

#include "storage/sqlite/sqlite_report_repository.h"

namespace regie::storage::sqlite {
namespace {

constexpr std::string_view kReportColumns =
    "SELECT tenant_id, period, status, finalised_by, finalised_at, reference_date, packs, "
    "snapshot FROM progress_reports ";

core::ProgressReport ReportOf(const Stmt& s) {
  core::ProgressReport r{.tenant_id = s.Int(0), .period = s.Text(1)};
  r.status = core::ParseEnum<core::ReportStatus>(s.Text(2)).value_or(core::ReportStatus::kConcept);
  r.finalised_by = s.IsNull(3) ? 0 : s.Int(3);
  if (!s.IsNull(4)) r.finalised_at = core::Timestamp{s.Int(4)};
  if (!s.IsNull(5)) {
    core::indicators::Stamp stamp;
    stamp.reference_date = core::Date::Parse(s.Text(5)).value_or(core::Date());
    stamp.packs = core::PacksFromString(s.Text(6));
    stamp.snapshot = s.Text(7);
    r.stamp = std::move(stamp);
  }
  return r;
}

core::ReportNarrative NarrativeOf(const Stmt& s) {
  return core::ReportNarrative{.tenant_id = s.Int(0),
                               .period = s.Text(1),
                               .section = core::ParseEnum<core::ReportSection>(s.Text(2)).value_or(
                                   core::ReportSection::kResultaatafspraken),
                               .organisation_id = s.Int(3),
                               .version = s.Int(4),
                               .text = s.Text(5),
                               .saved_by = s.Int(6),
                               .saved_at = core::Timestamp{s.Int(7)}};
}

constexpr std::string_view kNarrativeColumns =
    "SELECT v.tenant_id, v.period, v.section, v.organisation_id, v.version, v.text, v.saved_by, "
    "v.saved_at FROM report_narrative_versions v ";

}  // namespace

StatusOr<core::ProgressReport> SqliteReports::Get(int64_t tenant_id, const std::string& period) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare(std::string(kReportColumns) + "WHERE tenant_id = ?1 AND period = ?2"));
  s.Bind(1, tenant_id).Bind(2, period);
  if (s.Step()) return ReportOf(s);
  REGIE_RETURN_IF_ERROR(s.status());
  return core::ProgressReport{.tenant_id = tenant_id, .period = period};
}

StatusOr<core::ProgressReport> SqliteReports::Lock(int64_t tenant_id, const std::string& period) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT OR IGNORE INTO progress_reports (tenant_id, period, status) "
                            "VALUES (?1, ?2, 'concept')"));
  s.Bind(1, tenant_id).Bind(2, period);
  REGIE_RETURN_IF_ERROR(s.Exec());
  return Get(tenant_id, period);
}

StatusOr<std::vector<core::ReportNarrative>> SqliteReports::Narratives(int64_t tenant_id,
                                                                       const std::string& period) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare(std::string(kNarrativeColumns) +
                            "JOIN report_narratives n ON n.tenant_id = v.tenant_id AND "
                            "n.period = v.period AND n.section = v.section AND "
                            "n.organisation_id = v.organisation_id AND n.current_version = "
                            "v.version WHERE v.tenant_id = ?1 AND v.period = ?2"));
  s.Bind(1, tenant_id).Bind(2, period);
  std::vector<core::ReportNarrative> out;
  while (s.Step()) out.push_back(NarrativeOf(s));
  REGIE_RETURN_IF_ERROR(s.status());
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::pair(a.section, a.organisation_id) < std::pair(b.section, b.organisation_id);
  });
  return out;
}

StatusOr<core::ReportNarrative> SqliteReports::Narrative(int64_t tenant_id,
                                                         const std::string& period,
                                                         core::ReportSection section,
                                                         int64_t organisation_id) {
  REGIE_ASSIGN_OR_RETURN(std::vector<core::ReportNarrative> history,
                         History(tenant_id, period, section, organisation_id));
  if (!history.empty()) return std::move(history.front());
  return core::ReportNarrative{.tenant_id = tenant_id,
                               .period = period,
                               .section = section,
                               .organisation_id = organisation_id};
}

StatusOr<std::vector<core::ReportNarrative>> SqliteReports::History(int64_t tenant_id,
                                                                    const std::string& period,
                                                                    core::ReportSection section,
                                                                    int64_t organisation_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare(std::string(kNarrativeColumns) +
                            "WHERE v.tenant_id = ?1 AND v.period = ?2 AND v.section = ?3 AND "
                            "v.organisation_id = ?4 ORDER BY v.version DESC"));
  s.Bind(1, tenant_id).Bind(2, period).Bind(3, core::ToCode(section)).Bind(4, organisation_id);
  std::vector<core::ReportNarrative> out;
  while (s.Step()) out.push_back(NarrativeOf(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<core::ReportNarrative> SqliteReports::Save(const core::ReportNarrative& n) {
  REGIE_ASSIGN_OR_RETURN(core::ProgressReport report, Lock(n.tenant_id, n.period));
  if (report.status == core::ReportStatus::kDefinitief)
    return Conflict("report_finalised", "the report is final");
  const std::string_view section = core::ToCode(n.section);
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt s,
        conn_.Prepare(n.version == 1
                          ? "INSERT OR IGNORE INTO report_narratives (tenant_id, period, section, "
                            "organisation_id, current_version) VALUES (?1, ?2, ?3, ?4, ?5)"
                          : "UPDATE report_narratives SET current_version = ?5 WHERE tenant_id = "
                            "?1 AND period = ?2 AND section = ?3 AND organisation_id = ?4 AND "
                            "current_version = ?5 - 1"));
    s.Bind(1, n.tenant_id).Bind(2, n.period).Bind(3, section).Bind(4, n.organisation_id);
    s.Bind(5, n.version);
    REGIE_RETURN_IF_ERROR(s.Exec());
    if (n.version < 1 || sqlite3_changes(conn_.db()) != 1)
      return Conflict("report_version_conflict", "the text was saved by someone else");
  }
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT INTO report_narrative_versions (tenant_id, period, section, "
                            "organisation_id, version, text, saved_by, saved_at) VALUES "
                            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  s.Bind(1, n.tenant_id).Bind(2, n.period).Bind(3, section).Bind(4, n.organisation_id);
  s.Bind(5, n.version).Bind(6, n.text).Bind(7, n.saved_by).Bind(8, n.saved_at.micros);
  Status st = s.Exec();
  if (st.code() == StatusCode::kConflict)
    return Conflict("report_version_conflict", "the text was saved by someone else");
  REGIE_RETURN_IF_ERROR(st);
  return n;
}

StatusOr<core::ProgressReport> SqliteReports::Finalise(int64_t tenant_id, const std::string& period,
                                                       int64_t by, core::Timestamp at,
                                                       const core::indicators::Stamp& stamp,
                                                       const std::string& figures) {
  REGIE_ASSIGN_OR_RETURN(core::ProgressReport report, Lock(tenant_id, period));
  if (report.status == core::ReportStatus::kDefinitief)
    return Conflict("report_finalised", "the report is final");
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("UPDATE progress_reports SET status = 'definitief', finalised_by = "
                            "?3, finalised_at = ?4, reference_date = ?5, packs = ?6, snapshot = "
                            "?7 WHERE tenant_id = ?1 AND period = ?2 AND status = 'concept'"));
  s.Bind(1, tenant_id).Bind(2, period).Bind(3, by).Bind(4, at.micros);
  s.Bind(5, stamp.reference_date.ToString()).Bind(6, core::PacksToString(stamp.packs));
  s.Bind(7, stamp.snapshot);
  REGIE_RETURN_IF_ERROR(s.Exec());
  if (sqlite3_changes(conn_.db()) != 1) return Conflict("report_finalised", "the report is final");
  REGIE_ASSIGN_OR_RETURN(Stmt f, conn_.Prepare("INSERT INTO progress_report_figures (tenant_id, "
                                               "period, figures) VALUES (?1, ?2, ?3)"));
  f.Bind(1, tenant_id).Bind(2, period).Bind(3, figures);
  REGIE_RETURN_IF_ERROR(f.Exec());
  return Get(tenant_id, period);
}

StatusOr<std::optional<std::string>> SqliteReports::Figures(int64_t tenant_id,
                                                            const std::string& period) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT figures FROM progress_report_figures "
                                               "WHERE tenant_id = ?1 AND period = ?2"));
  s.Bind(1, tenant_id).Bind(2, period);
  std::optional<std::string> out;
  if (s.Step()) out = s.Text(0);
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<std::vector<core::ProgressReport>> SqliteReports::List(int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(std::string(kReportColumns) +
                                               "WHERE tenant_id = ?1 ORDER BY period DESC"));
  s.Bind(1, tenant_id);
  std::vector<core::ProgressReport> out;
  while (s.Step()) out.push_back(ReportOf(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

}  // namespace regie::storage::sqlite
