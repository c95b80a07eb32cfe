#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/policy/compiled.h"
#include "core/policy/engine.h"
#include "core/policy/model.h"

// JSON views of policy packs and evaluation results (docs/api-contract.md,
// "Policy"). Pure rendering: no storage, no access decisions.
namespace regie::http::policy_json {

nlohmann::json Label(const core::policy::LocalizedText& text);
nlohmann::json OptDate(const std::optional<core::Date>& date);
nlohmann::json Source(const core::policy::SourceRef& source);

// {"id","version","title"} of a pack version.
nlohmann::json PackRef(const core::policy::Pack& pack);

// One MilestoneItem / CadenceItem of a person's timeline; `housing` places
// the milestone in its band.
nlohmann::json MilestoneItem(const core::policy::CompiledPolicy& policy,
                             const core::policy::MilestoneResult& result,
                             std::optional<core::Date> housing);
nlohmann::json CadenceItem(const core::policy::CompiledPolicy& policy,
                           const core::policy::CadenceResult& result);

// Who a rule applies to, in words ("age 18-67; inburgeringsplichtig; ...");
// "iedereen / everyone" when nothing is restricted.
std::string ApplicabilityText(const core::policy::Applicability& applies);

// A PackSummary without activations: `versions` are all versions of one id
// in validity order; `detail` adds the rules of each version.
nlohmann::json PackJson(const std::vector<const core::policy::Pack*>& versions,
                        const std::string& tenant_code, bool detail);

}  // namespace regie::http::policy_json
