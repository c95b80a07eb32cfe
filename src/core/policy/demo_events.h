#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/policy/compiled.h"
#include "core/policy/model.h"
#include "core/policy/person.h"

// Synthetic policy events for demo data: what a caseworker would have
// recorded for a person, so that the milestones of the active packs come
// out met, late, open and overdue in realistic proportions. Demo only.
namespace regie::core::policy {

// The activations of a demo tenant: every national pack and every local pack
// whose scope includes `tenant_code`, each open-ended from 1900-01-01 (the
// pack's own validity then decides which version judges a person).
std::vector<Activation> DemoActivations(const std::vector<Pack>& library,
                                        std::string_view tenant_code);

// Shares of the applicable milestones whose satisfying event is recorded
// within the deadline, after it, or not at all (open or overdue, depending
// on the date). The rest of the proportions follow from the dates.
struct DemoEventMix {
  double on_time = 0.72;
  double late = 0.13;
  double extension_when_late = 0.35;  // a documented extension instead of lateness
};

// Events for one person up to `today`, deterministic in `seed`. Anchor
// events that no milestone produces (DUO's notice, start of bijstand, ...)
// happen some weeks after housing; each applicable milestone is then met on
// time, late or not at all; cadences get contacts at irregular intervals;
// a stated learning route accompanies the PIP. Evaluates repeatedly, so
// milestones anchored on generated events (exam after PIP) follow.
std::vector<PersonEvent> DemoEvents(const CompiledPolicy& policy, const PersonFacts& facts,
                                    Date today, uint64_t seed, const DemoEventMix& mix = {});

}  // namespace regie::core::policy
