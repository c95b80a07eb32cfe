#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/reporting/progress_report.h"
#include "core/status.h"

namespace regie::ports {

// The half-year progress reports of a tenant: per period a status (concept
// until finalised, then frozen with its stamp) and the narrative texts,
// each with immutable versions. No case data: the change counter is not
// raised.
class ReportRepository {
 public:
  virtual ~ReportRepository() = default;

  // The report of `period` (a concept without a stamp when nothing was
  // stored yet). For a write transaction use Lock instead.
  virtual StatusOr<core::ProgressReport> Get(int64_t tenant_id, const std::string& period) = 0;
  // As Get, and locks the period against other writers until the
  // transaction ends (a save's version check and a finalise then hold
  // until commit). Creates the concept row when there is none.
  virtual StatusOr<core::ProgressReport> Lock(int64_t tenant_id, const std::string& period) = 0;
  // The current version of every text of the period, sections in enum
  // order, then organisation id (0 first).
  virtual StatusOr<std::vector<core::ReportNarrative>> Narratives(int64_t tenant_id,
                                                                  const std::string& period) = 0;
  // The current version of one text (version 0 and empty text when none).
  virtual StatusOr<core::ReportNarrative> Narrative(int64_t tenant_id, const std::string& period,
                                                    core::ReportSection section,
                                                    int64_t organisation_id) = 0;
  // Every version of one text, newest first.
  virtual StatusOr<std::vector<core::ReportNarrative>> History(int64_t tenant_id,
                                                               const std::string& period,
                                                               core::ReportSection section,
                                                               int64_t organisation_id) = 0;
  // Stores `narrative` as a new version; its version must be the current
  // version + 1, else Conflict "report_version_conflict" and nothing is
  // written. Conflict "report_finalised" when the report is final. The
  // caller holds Lock.
  virtual StatusOr<core::ReportNarrative> Save(const core::ReportNarrative& narrative) = 0;
  // Marks the report final with its stamp and stores the figures it was
  // finalised with (opaque to storage; written once, never changed);
  // Conflict "report_finalised" when it already is. The caller holds Lock.
  virtual StatusOr<core::ProgressReport> Finalise(int64_t tenant_id, const std::string& period,
                                                  int64_t by, core::Timestamp at,
                                                  const core::indicators::Stamp& stamp,
                                                  const std::string& figures) = 0;
  // The figures stored by Finalise; nullopt for a concept, or for a report
  // finalised before figures were kept.
  virtual StatusOr<std::optional<std::string>> Figures(int64_t tenant_id,
                                                       const std::string& period) = 0;
  // The periods of the tenant with anything stored, newest first.
  virtual StatusOr<std::vector<core::ProgressReport>> List(int64_t tenant_id) = 0;
};

}  // namespace regie::ports
