#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ports/report_repositories.h"
#include "storage/postgres/pg_handle.h"

namespace regie::storage::postgres {

// Progress reports over one connection inside an open transaction. Lock
// takes the period's row FOR UPDATE, so a version check and a finalise
// hold until commit; Save still bumps the current version only from the
// expected one.
class PgReports final : public ports::ReportRepository {
 public:
  explicit PgReports(Connection& conn) : conn_(conn) {}
  StatusOr<core::ProgressReport> Get(int64_t tenant_id, const std::string& period) override;
  StatusOr<core::ProgressReport> Lock(int64_t tenant_id, const std::string& period) override;
  StatusOr<std::vector<core::ReportNarrative>> Narratives(int64_t tenant_id,
                                                          const std::string& period) override;
  StatusOr<core::ReportNarrative> Narrative(int64_t tenant_id, const std::string& period,
                                            core::ReportSection section,
                                            int64_t organisation_id) override;
  StatusOr<std::vector<core::ReportNarrative>> History(int64_t tenant_id, const std::string& period,
                                                       core::ReportSection section,
                                                       int64_t organisation_id) override;
  StatusOr<core::ReportNarrative> Save(const core::ReportNarrative& narrative) override;
  StatusOr<core::ProgressReport> Finalise(int64_t tenant_id, const std::string& period, int64_t by,
                                          core::Timestamp at, const core::indicators::Stamp& stamp,
                                          const std::string& figures) override;
  StatusOr<std::optional<std::string>> Figures(int64_t tenant_id,
                                               const std::string& period) override;
  StatusOr<std::vector<core::ProgressReport>> List(int64_t tenant_id) override;

 private:
  Connection& conn_;
};

}  // namespace regie::storage::postgres
