#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/policy/compiled.h"
#include "core/policy/engine.h"
#include "core/policy/person.h"

namespace regie::core::policy {

// The periods after housing in which seed 000 §5.3 groups the milestones of
// the first years: 0-3, 3-6, 6-15 and more than 15 months.
enum class TimelineBand { kMonths0To3, kMonths3To6, kMonths6To15, kAfter15Months };

std::string_view ToCode(TimelineBand band);  // "0-3", "3-6", "6-15", "15+"

// The band of a due date: its distance from the housing date in calendar
// months, each band's end inclusive (due exactly 3 months after housing is
// still "0-3"). A due date before housing (e.g. a deadline from the permit)
// counts as 0-3. Nullopt without a housing date or a due date.
std::optional<TimelineBand> BandOf(std::optional<Date> housing, std::optional<Date> due);

// Fills the facts that come from recorded events rather than the person
// record: the learning route is the code of the latest
// `leerroute_vastgesteld` event (the route stated in the PIP) on or before
// `on`. Events are in any order.
void ApplyRecordedFacts(std::span<const PersonEvent> events, Date on, PersonFacts& facts);

// Evaluates a person from events as stored (PersonEvent): applies the
// recorded facts, interns the events the policy declares and lists the ids
// of those it does not in `unknown` (each once, in first-seen order), so
// they are reported rather than dropped. An event whose code no longer fits
// its list is skipped and reported too.
void EvaluateStored(Evaluator& evaluator, const CompiledPolicy& policy, PersonFacts facts,
                    std::span<const PersonEvent> events, Date on, Evaluation& out,
                    std::vector<std::string>& unknown);

}  // namespace regie::core::policy
