#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/access/plan_access.h"
#include "core/casework/plan.h"
#include "core/casework/plan_diff.h"
#include "ports/database.h"

// The JSON shapes of the plan routes (docs/api-contract.md, "Plan"): strict
// parsing of request bodies into core types, collecting every field error
// with the path of the body, and the responses.
namespace regie::http::plan_json {

// PUT .../plan: the version the client edited and the goals it sends.
// `errors`: fields that did not parse (a goal is still there, with defaults
// for them), so the handler can report them together with the rule checks
// of the rest in one answer instead of one round per kind of error.
struct PlanEdit {
  int64_t version = 0;
  std::vector<core::PlanGoal> goals;
  std::vector<FieldError> errors;
};
// Fails only when there is no plan to check at all (no goals array).
StatusOr<PlanEdit> ParsePlanEdit(const nlohmann::json& body);

// POST .../plan/actions/{key}/progress.
struct ActionProgress {
  int64_t version = 0;
  core::ActionStatus status = core::ActionStatus::kOpen;
  std::string result;
};
StatusOr<ActionProgress> ParseActionProgress(const nlohmann::json& body);

// POST .../plan/agreements (ids and author are the handler's).
StatusOr<core::PlanAgreement> ParseAgreement(const nlohmann::json& body);

// Whether the caller may update the progress of an action of a goal.
using MayUpdate = std::function<bool(const core::PlanGoal&, const core::PlanAction&)>;

// A (filtered) plan version; restricted goals carry "restricted": true and
// only key, person and domain besides the caller's actions.
nlohmann::json PlanJson(ports::Transaction& tx, const core::PlanView& view,
                        const MayUpdate& may_update);
nlohmann::json AgreementJson(ports::Transaction& tx, const core::PlanAgreement& agreement);
nlohmann::json ChangeJson(const core::PlanChange& change);
nlohmann::json DomainsJson(const core::PlanDomains& domains);

}  // namespace regie::http::plan_json
