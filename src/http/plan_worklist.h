#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/date.h"
#include "http/caller.h"
#include "http/context.h"

// The plan's contribution to the worklist: open and running actions due
// on or before `on` that the caller works on. Kept apart from the
// worklist handler, which merges them with its milestones and cadences.
namespace regie::http {

struct PlanWorkItem {
  core::Date due;
  nlohmann::json body;  // a worklist item of kind "action"
};

// Actions of the households the caller directs (regisseur) or guides
// (begeleider), actions their organisation answers for (partner), and
// actions naming them as responsible user; each household through
// core::DecideHousehold and each action through the plan's visibility
// (the goal's category, or answering for the action). Storage finds them
// by index (responsible organisation / user / household), never by
// walking a partner's households.
StatusOr<std::vector<PlanWorkItem>> DuePlanActions(const ApiContext& ctx, ports::Transaction& tx,
                                                   const Caller& caller, int64_t tenant_id,
                                                   core::Date on);

}  // namespace regie::http
