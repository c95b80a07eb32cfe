#pragma once

#include <cstdint>

#include "core/date.h"
#include "core/indicators/cohort_engine.h"
#include "core/indicators/population.h"
#include "core/indicators/report.h"
#include "core/status.h"
#include "http/policy_registry.h"
#include "ports/database.h"

// Where the dashboard, the half-year report and the regional benchmark get
// their figures: one tenant's population read from storage and run through
// the in-memory cohort engine (src/core/indicators).
namespace regie::http {

// Loads the persons of the tenant's non-archived households, with their
// non-voided policy events (facts from the person record plus the facts
// recorded as events, core::policy::ApplyRecordedFacts), and computes every
// indicator of the tenant's active packs (PolicyRegistry::ForTenant) on `on`.
// The stamp carries the reference date, the pack versions and the snapshot
// "tenant_changes:<n>" read in the same transaction as the data, so a
// figure can be traced to the state it came from.
//
// Counts are exact: apply core::indicators::Suppress(report, audience)
// before anything leaves the case team. Events the packs do not declare
// cannot change an indicator and are skipped. Reads only; the caller
// decides access and writes the audit record.
StatusOr<core::indicators::Report> ComputeTenantIndicators(
    ports::Transaction& tx, PolicyRegistry& policies, int64_t tenant_id, core::Date on,
    const core::indicators::EngineOptions& options = {});

// The population alone, read in keyset pages of `persons_per_page` persons
// (and their events): persons of the tenant's non-archived households,
// their non-voided events interned against `policy` (events it does not
// declare are skipped), facts as above on `on`.
StatusOr<core::indicators::TenantPopulation> LoadTenantPopulation(
    ports::Transaction& tx, const core::policy::CompiledPolicy& policy, int64_t tenant_id,
    core::Date on, int persons_per_page = 2000);

}  // namespace regie::http
