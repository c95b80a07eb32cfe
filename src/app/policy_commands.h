#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/policy/compiled.h"
#include "core/policy/engine.h"
#include "core/policy/person.h"
#include "core/status.h"

namespace regie::app {

// `regie policy check FILE...`: validates the files as one set and prints
// every problem as "file:line:column: code: message" on stderr. Exit code
// 0 when all are valid, 1 otherwise.
int RunPolicyCheck(const std::vector<std::string>& files);

struct PolicyEvalOptions {
  std::vector<std::string> packs;  // pack ids to activate
  std::string person_file;         // JSON, see docs/policy-packs.md
  std::string on;                  // reference date YYYY-MM-DD
  std::string policies_dir = "policies";
};

// `regie policy eval`: evaluates one person against the given packs (all
// versions from `policies_dir`) on a date and prints the result as JSON on
// stdout. Exit code 0, 1 on invalid packs or person, 2 on a bad date.
int RunPolicyEval(const PolicyEvalOptions& options);

// The person file of `policy eval`: facts plus dated events.
struct PolicyPersonInput {
  core::policy::PersonFacts facts;
  std::vector<core::policy::PersonEvent> events;
};

// Strict: unknown keys, wrong types and malformed dates are refused with a
// field error naming the JSON path (e.g. "events/2/date").
StatusOr<PolicyPersonInput> ParsePolicyPerson(std::string_view json_text);

// Evaluates and renders the JSON output of `policy eval`. Events are checked
// first (CheckEvent with `today`): one before the birth date or after today
// refuses the whole input; unknown events are listed under
// "unknown_events" and otherwise ignored.
StatusOr<std::string> EvaluatePolicyPersonJson(const core::policy::CompiledPolicy& policy,
                                               const PolicyPersonInput& person, core::Date on,
                                               core::Date today);

}  // namespace regie::app
