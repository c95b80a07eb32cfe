#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/casework/signal.h"
#include "core/date.h"

// Demo signals: a handful per demo tenant in every state, some overdue, so
// the UI has something to show. Deterministic: a pure function of the
// household's position within its tenant.
namespace regie::core {

struct DemoSignal {
  SignalCategory category = SignalCategory::kOverig;
  SignalUrgency urgency = SignalUrgency::kNormaal;
  std::string description;
  // Index into the household's persons, or -1 for the whole household.
  int person_index = -1;
  int filed_days_ago = 0;
  // The state to bring it into, and when (days ago) each step happened.
  SignalState state = SignalState::kIngediend;
  int acknowledged_days_ago = 0;  // for in_behandeling and afgehandeld
  int closed_days_ago = 0;        // for afgehandeld and ingetrokken
  std::string result;             // afgehandeld: result; ingetrokken: reason
};

// At most kDemoSignalsPerTenant signals per tenant: the `ordinal`-th
// household of its tenant (0-based) gets one when ordinal is a multiple of
// kDemoSignalEvery, cycling through the demo cases. Empty otherwise.
inline constexpr int kDemoSignalEvery = 3;
inline constexpr int kDemoSignalsPerTenant = 8;
std::vector<DemoSignal> DemoSignalsFor(int ordinal, size_t person_count);

// The moment `days_ago` days before `today`, at 10:00 UTC (demo data is
// filed during office hours).
Timestamp DemoMoment(Date today, int days_ago);

}  // namespace regie::core
