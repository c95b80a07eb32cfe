// A package's events against the receiving tenant's policy packs
// (handover_policy_check.h), with the events API's field errors.
#include "http/handover_policy_check.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/policy/engine.h"
#include "core/validation.h"
#include "http/policy_support.h"

namespace regie::http::handover {

Status CheckEventsAgainstPolicy(const Package& package, const core::policy::CompiledPolicy& policy,
                                core::Date today) {
  std::vector<FieldError> errors;
  // Parse refused a package with an event or person it could not read, so
  // the indices are the package's: event i is "package/events/i", its
  // person one of `persons`.
  std::vector<core::policy::PersonFacts> facts;
  facts.reserve(package.persons.size());
  for (const core::PersonData& person : package.persons)
    facts.push_back(core::policy::FactsFromPerson(person));
  for (size_t i = 0; i < package.events.size(); ++i) {
    const PackageEvent& e = package.events[i];
    if (e.voided_at) continue;
    Status checked = core::policy::CheckEvent(policy, facts.at(e.person), e.event, today).status();
    if (checked.ok()) continue;
    std::optional<FieldError> error =
        EventFieldError(checked, "package/events/" + std::to_string(i) + "/");
    if (!error) return checked;
    errors.push_back(std::move(*error));
  }
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return Status::Ok();
}

}  // namespace regie::http::handover
