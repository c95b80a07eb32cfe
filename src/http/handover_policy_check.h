#pragma once

#include "core/date.h"
#include "core/policy/compiled.h"
#include "core/status.h"
#include "http/handover_package.h"

namespace regie::http::handover {

// Checks the events of a parsed package against the receiving tenant's
// compiled policy, as the events API checks an event before it records it
// (core::policy::CheckEvent with the person's facts and `today`): an event
// the active packs declare must be recordable (not a person field or
// derived) and carry the reason, number or listed code its declaration
// asks for. An event no active pack declares is valid, as there. A voided
// event is not checked: it counts for nothing and stays as it was known,
// as a voided record of the events API is not checked again. Refuses with
// "validation_failed" and every refusal's path ("package/events/3/event"
// event_not_recordable, ".../reason" required, ".../value" required,
// ".../code" unknown_code, ".../date" for the date rules).
Status CheckEventsAgainstPolicy(const Package& package, const core::policy::CompiledPolicy& policy,
                                core::Date today);

}  // namespace regie::http::handover
