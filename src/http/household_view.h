#pragma once

#include <nlohmann/json.hpp>

#include "core/model.h"
#include "http/dto.h"
#include "http/guard.h"

namespace regie::http {

// The household as `access` lets the caller see it: persons filtered per
// person and category, the regisseur's and assigned users' names, and an
// "access" member saying what the caller may do (docs/api-contract.md).
StatusOr<nlohmann::json> HouseholdView(const ApiContext& ctx, ports::Transaction& tx,
                                       const Caller& caller, const HouseholdAccess& access,
                                       const core::Household& household);

// The field filter for one person of the household.
dto::FieldFilter PersonFilter(const ApiContext& ctx, const Caller& caller,
                              const HouseholdAccess& access, int64_t person_id);

// {"id", "display_name"} of a user; a user that cannot be read shows its id only.
nlohmann::json UserRef(ports::Transaction& tx, int64_t user_id);

}  // namespace regie::http
