// Half-year progress reports and their narrative versions.
#include <algorithm>
#include <utility>

#include "storage/postgres/postgres_report_repository.h"

namespace regie::storage::postgres {
namespace {

constexpr std::string_view kReportColumns =
    "SELECT tenant_id, period, status, finalised_by, finalised_at, reference_date::text, packs, "
    "snapshot FROM progress_reports ";

core::ProgressReport ReportOf(const Result& r, int row) {
  core::ProgressReport p{.tenant_id = r.Int(row, 0), .period = r.Text(row, 1)};
  p.status =
      core::ParseEnum<core::ReportStatus>(r.Text(row, 2)).value_or(core::ReportStatus::kConcept);
  p.finalised_by = r.IsNull(row, 3) ? 0 : r.Int(row, 3);
  if (!r.IsNull(row, 4)) p.finalised_at = core::Timestamp{r.Int(row, 4)};
  if (!r.IsNull(row, 5)) {
    core::indicators::Stamp stamp;
    stamp.reference_date = core::Date::Parse(r.Text(row, 5)).value_or(core::Date());
    stamp.packs = core::PacksFromString(r.Text(row, 6));
    stamp.snapshot = r.Text(row, 7);
    p.stamp = std::move(stamp);
  }
  return p;
}

constexpr std::string_view kNarrativeColumns =
    "SELECT v.tenant_id, v.period, v.section, v.organisation_id, v.version, v.text, v.saved_by, "
    "v.saved_at FROM report_narrative_versions v ";

core::ReportNarrative NarrativeOf(const Result& r, int row) {
  return core::ReportNarrative{.tenant_id = r.Int(row, 0),
                               .period = r.Text(row, 1),
                               .section = core::ParseEnum<core::ReportSection>(r.Text(row, 2))
                                              .value_or(core::ReportSection::kResultaatafspraken),
                               .organisation_id = r.Int(row, 3),
                               .version = r.Int(row, 4),
                               .text = r.Text(row, 5),
                               .saved_by = r.Int(row, 6),
                               .saved_at = core::Timestamp{r.Int(row, 7)}};
}

Status VersionConflict() {
  return Conflict("report_version_conflict", "the text was saved by someone else");
}

}  // namespace

StatusOr<core::ProgressReport> PgReports::Get(int64_t tenant_id, const std::string& period) {
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec(std::string(kReportColumns) + "WHERE tenant_id = $1 AND period = $2",
                           Params().Add(tenant_id).Add(period)));
  if (r.rows() > 0) return ReportOf(r, 0);
  return core::ProgressReport{.tenant_id = tenant_id, .period = period};
}

StatusOr<core::ProgressReport> PgReports::Lock(int64_t tenant_id, const std::string& period) {
  REGIE_RETURN_IF_ERROR(conn_
                            .Exec("INSERT INTO progress_reports (tenant_id, period, status) "
                                  "VALUES ($1, $2, 'concept') ON CONFLICT DO NOTHING",
                                  Params().Add(tenant_id).Add(period))
                            .status());
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(std::string(kReportColumns) +
                                                  "WHERE tenant_id = $1 AND period = $2 FOR UPDATE",
                                              Params().Add(tenant_id).Add(period)));
  if (r.rows() == 0) return Internal("progress report row missing after insert");
  return ReportOf(r, 0);
}

StatusOr<std::vector<core::ReportNarrative>> PgReports::Narratives(int64_t tenant_id,
                                                                   const std::string& period) {
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec(std::string(kNarrativeColumns) +
                               "JOIN report_narratives n ON n.tenant_id = v.tenant_id AND "
                               "n.period = v.period AND n.section = v.section AND "
                               "n.organisation_id = v.organisation_id AND n.current_version = "
                               "v.version WHERE v.tenant_id = $1 AND v.period = $2",
                           Params().Add(tenant_id).Add(period)));
  std::vector<core::ReportNarrative> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(NarrativeOf(r, i));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::pair(a.section, a.organisation_id) < std::pair(b.section, b.organisation_id);
  });
  return out;
}

StatusOr<core::ReportNarrative> PgReports::Narrative(int64_t tenant_id, const std::string& period,
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

StatusOr<std::vector<core::ReportNarrative>> PgReports::History(int64_t tenant_id,
                                                                const std::string& period,
                                                                core::ReportSection section,
                                                                int64_t organisation_id) {
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec(
          std::string(kNarrativeColumns) +
              "WHERE v.tenant_id = $1 AND v.period = $2 AND v.section = $3 AND "
              "v.organisation_id = $4 ORDER BY v.version DESC",
          Params().Add(tenant_id).Add(period).Add(core::ToCode(section)).Add(organisation_id)));
  std::vector<core::ReportNarrative> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(NarrativeOf(r, i));
  return out;
}

StatusOr<core::ReportNarrative> PgReports::Save(const core::ReportNarrative& n) {
  REGIE_ASSIGN_OR_RETURN(core::ProgressReport report, Lock(n.tenant_id, n.period));
  if (report.status == core::ReportStatus::kDefinitief)
    return Conflict("report_finalised", "the report is final");
  if (n.version < 1) return VersionConflict();
  const std::string_view section = core::ToCode(n.section);
  // The period row is locked: no concurrent save of this report gets here.
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec(n.version == 1
                     ? "INSERT INTO report_narratives (tenant_id, period, section, "
                       "organisation_id, current_version) VALUES ($1, $2, $3, $4, $5) "
                       "ON CONFLICT DO NOTHING"
                     : "UPDATE report_narratives SET current_version = $5 WHERE tenant_id = $1 "
                       "AND period = $2 AND section = $3 AND organisation_id = $4 AND "
                       "current_version = $5 - 1",
                 Params()
                     .Add(n.tenant_id)
                     .Add(n.period)
                     .Add(section)
                     .Add(n.organisation_id)
                     .Add(n.version)));
  if (r.affected() != 1) return VersionConflict();
  REGIE_RETURN_IF_ERROR(conn_
                            .Exec("INSERT INTO report_narrative_versions (tenant_id, period, "
                                  "section, organisation_id, version, text, saved_by, saved_at) "
                                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                                  Params()
                                      .Add(n.tenant_id)
                                      .Add(n.period)
                                      .Add(section)
                                      .Add(n.organisation_id)
                                      .Add(n.version)
                                      .Add(n.text)
                                      .Add(n.saved_by)
                                      .Add(n.saved_at.micros))
                            .status());
  return n;
}

StatusOr<core::ProgressReport> PgReports::Finalise(int64_t tenant_id, const std::string& period,
                                                   int64_t by, core::Timestamp at,
                                                   const core::indicators::Stamp& stamp,
                                                   const std::string& figures) {
  REGIE_ASSIGN_OR_RETURN(core::ProgressReport report, Lock(tenant_id, period));
  if (report.status == core::ReportStatus::kDefinitief)
    return Conflict("report_finalised", "the report is final");
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("UPDATE progress_reports SET status = 'definitief', finalised_by = $3, "
                           "finalised_at = $4, reference_date = $5::date, packs = $6, "
                           "snapshot = $7 WHERE tenant_id = $1 AND period = $2 AND "
                           "status = 'concept'",
                           Params()
                               .Add(tenant_id)
                               .Add(period)
                               .Add(by)
                               .Add(at.micros)
                               .Add(stamp.reference_date.ToString())
                               .Add(core::PacksToString(stamp.packs))
                               .Add(stamp.snapshot)));
  if (r.affected() != 1) return Conflict("report_finalised", "the report is final");
  REGIE_RETURN_IF_ERROR(conn_
                            .Exec("INSERT INTO progress_report_figures (tenant_id, period, "
                                  "figures) VALUES ($1, $2, $3)",
                                  Params().Add(tenant_id).Add(period).Add(figures))
                            .status());
  return Get(tenant_id, period);
}

StatusOr<std::optional<std::string>> PgReports::Figures(int64_t tenant_id,
                                                        const std::string& period) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT figures FROM progress_report_figures "
                                              "WHERE tenant_id = $1 AND period = $2",
                                              Params().Add(tenant_id).Add(period)));
  std::optional<std::string> out;
  if (r.rows() > 0) out = r.Text(0, 0);
  return out;
}

StatusOr<std::vector<core::ProgressReport>> PgReports::List(int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(std::string(kReportColumns) +
                                                  "WHERE tenant_id = $1 ORDER BY period DESC",
                                              Params().Add(tenant_id)));
  std::vector<core::ProgressReport> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReportOf(r, i));
  return out;
}

}  // namespace regie::storage::postgres
