#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "core/date.h"
#include "http/caller.h"
#include "http/context.h"

namespace regie::http {

// The worklist's signal items (kind "signal") of the caller: the open
// signals routed to their organisation, and the escalated open signals of
// the households they direct, each with its current due date. Read through
// the indexes on routed organisation and regisseur, never by walking
// households; every item is allowed by core::DecideSignal. Adds the content
// categories shown to `categories` for the worklist's audit record.
StatusOr<std::vector<std::pair<core::Date, nlohmann::json>>> SignalWorkItems(
    const ApiContext& ctx, ports::Transaction& tx, const Caller& caller, int64_t tenant_id,
    core::CategorySet& categories);

}  // namespace regie::http
