#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "core/access/access_model.h"
#include "core/date.h"
#include "http/caller.h"
#include "http/context.h"

namespace regie::http {

// The worklist's referral items (kind "referral") of the caller: the
// referrals awaiting their organisation's answer (voorgesteld, due on the
// response date), and the overdue proposals the caller sent or whose
// household they direct (to chase the receiver). Read through the indexes on
// receiving and sending organisation, never by walking households; every
// item is allowed by core::DecideReferral. Adds the categories shown to
// `categories` for the worklist's audit record.
StatusOr<std::vector<std::pair<core::Date, nlohmann::json>>> ReferralWorkItems(
    const ApiContext& ctx, ports::Transaction& tx, const Caller& caller, int64_t tenant_id,
    core::Date on, core::CategorySet& categories);

}  // namespace regie::http
