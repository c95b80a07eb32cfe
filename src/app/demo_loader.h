#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/demo_generator.h"
#include "core/policy/model.h"
#include "core/status.h"
#include "ports/clock.h"
#include "ports/crypto.h"
#include "ports/database.h"

namespace regie::app {

// The published password of every demo user (README). Demo data only.
inline constexpr std::string_view kDemoPassword = "Regie-demo-2026!";

// The TOTP seed of a demo user: SHA-1("regie-demo-totp:" + username), 20
// bytes. Published, so anyone can log in to a demo; `regie user totp-code`
// prints the current code for demo users only.
std::array<uint8_t, 20> DemoTotpSeed(std::string_view username);

struct DemoLoadStats {
  int tenants = 0;
  int64_t organisations = 0;
  int64_t users = 0;
  int64_t households = 0;
  int64_t persons = 0;
  int64_t sharing_bases = 0;
  int64_t events = 0;  // recorded policy events
  int64_t assessments = 0;
  int64_t signals = 0;
  int64_t referrals = 0;
  int64_t plans = 0;         // personal plans (version 1)
  int64_t handovers = 0;     // pending incoming handover packages (4+ tenants)
  int64_t report_texts = 0;  // narrative drafts of the first tenant's progress report
};

// Writes a synthetic population (core::DemoGenerator) into an empty, migrated
// database: tenants, organisations, staff of every role (enrolled with the
// demo password and seed), households with their persons, assignments and
// sharing bases. Households go in batches of `batch_size`, one write
// transaction each, so memory stays bounded at any scale and a failure loses
// at most the batch in flight (which rolls back). FailedPrecondition
// "database_not_empty" when the database already has tenants: demo data
// never mixes with real data. `progress` (optional) is called after every
// committed batch.
//
// With `packs` (the loaded policy library), every tenant activates the
// national packs plus its own local pack (core::policy::DemoActivations)
// and every person gets the events a caseworker would have recorded up to
// `options.today` (core::policy::DemoEvents), so milestones are met, late,
// open and overdue in realistic proportions.
StatusOr<DemoLoadStats> LoadDemo(ports::Database& db, ports::Crypto& crypto,
                                 const core::DemoOptions& options, const ports::Clock& clock,
                                 const std::vector<core::policy::Pack>& packs, int batch_size = 500,
                                 const std::function<void(const DemoLoadStats&)>& progress = {});

}  // namespace regie::app
