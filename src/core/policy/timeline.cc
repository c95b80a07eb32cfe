#include "core/policy/timeline.h"

#include <algorithm>

namespace regie::core::policy {

std::string_view ToCode(TimelineBand band) {
  switch (band) {
    case TimelineBand::kMonths0To3:
      return "0-3";
    case TimelineBand::kMonths3To6:
      return "3-6";
    case TimelineBand::kMonths6To15:
      return "6-15";
    case TimelineBand::kAfter15Months:
      return "15+";
  }
  return "15+";
}

std::optional<TimelineBand> BandOf(std::optional<Date> housing, std::optional<Date> due) {
  if (!housing || !due) return std::nullopt;
  if (*due <= housing->AddMonths(3)) return TimelineBand::kMonths0To3;
  if (*due <= housing->AddMonths(6)) return TimelineBand::kMonths3To6;
  if (*due <= housing->AddMonths(15)) return TimelineBand::kMonths6To15;
  return TimelineBand::kAfter15Months;
}

void ApplyRecordedFacts(std::span<const PersonEvent> events, Date on, PersonFacts& facts) {
  const PersonEvent* latest = nullptr;
  for (const PersonEvent& e : events) {
    if (e.event != "leerroute_vastgesteld" || e.date > on) continue;
    if (latest == nullptr || e.date >= latest->date) latest = &e;
  }
  if (latest != nullptr) facts.learning_route = latest->code;
}

void EvaluateStored(Evaluator& evaluator, const CompiledPolicy& policy, PersonFacts facts,
                    std::span<const PersonEvent> events, Date on, Evaluation& out,
                    std::vector<std::string>& unknown) {
  unknown.clear();
  ApplyRecordedFacts(events, on, facts);
  std::vector<EventRecord> records;
  records.reserve(events.size());
  for (const PersonEvent& e : events) {
    StatusOr<EventRecord> r = policy.Intern(e);
    if (r.ok()) {
      records.push_back(*r);
    } else if (std::find(unknown.begin(), unknown.end(), e.event) == unknown.end()) {
      unknown.push_back(e.event);
    }
  }
  evaluator.Evaluate(facts, records, on, out);
}

}  // namespace regie::core::policy
