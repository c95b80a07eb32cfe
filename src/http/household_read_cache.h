#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/access/policy.h"
#include "core/date.h"
#include "http/generation_cache.h"

namespace regie::http {

// Computed bodies of the household list and the household detail, the two
// reads the Foundation issue wants at tens of thousands per second. An
// entry is only a shortcut for the work between the authorisation and the
// audit record, never for either: every request still authenticates, is
// decided by the one policy (the detail entry keeps the facts it was
// computed from, which are the current facts while the counter stands) and
// is audited before its response leaves.
//
// An entry is served only while
//   - the tenant's change counter is the one it was computed at (storage
//     bumps it in the same transaction as every change of the household,
//     its persons, sharing bases, assignments, organisations, referrals,
//     break-the-glass openings, and of users' names, roles and activity);
//   - the clock is before `valid_until` (core::NextAccessChange: the next
//     moment access can change by time alone);
// and the key names everything else the answer depends on: tenant, the
// caller's user, organisation and roles, and the request (household id, or
// the list's query string). Sessions are checked per request before the
// cache is asked, so a logout or an expired session never reaches it.
// GenerationCache is thread-safe and a small LRU.
struct HouseholdRead {
  int64_t generation = 0;
  core::Timestamp valid_until;
  std::string body;
  core::CategorySet categories;  // what the body shows, for the audit record
  // Detail only: the facts the body was computed from and the decision
  // over them; a request whose own decision differs is not served.
  std::optional<core::HouseholdFacts> facts;
  core::AccessDecision decision;
};

using HouseholdReadCache = GenerationCache<HouseholdRead>;

// Key parts common to both reads: everything about the caller that the
// answer depends on besides the tenant's data.
std::string CallerCacheKey(const core::Principal& p, int64_t tenant_id);

}  // namespace regie::http
