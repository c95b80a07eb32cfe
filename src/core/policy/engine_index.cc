#include "core/policy/engine.h"

// The evaluator's index of one person's events: per event its occurrences
// on or before the reference date and its earliest date (engine.h).
namespace regie::core::policy {
namespace {

using internal::kNoDate;

int32_t PersonDate(const PersonFacts& facts, PersonDateField field) {
  const std::optional<Date>* d = nullptr;
  switch (field) {
    case PersonDateField::kBirthDate:
      return facts.birth_date.days();
    case PersonDateField::kPermitDate:
      d = &facts.permit_date;
      break;
    case PersonDateField::kKoppelingDate:
      d = &facts.koppeling_date;
      break;
    case PersonDateField::kHousingDate:
      d = &facts.housing_date;
      break;
  }
  return d && d->has_value() ? (*d)->days() : kNoDate;
}

}  // namespace

void AppendEventRuns(std::span<const EventRecord> sorted, std::vector<EventRun>& out) {
  const auto size = static_cast<uint32_t>(sorted.size());
  for (uint32_t i = 0; i < size; ++i)
    if (i + 1 == size || sorted[i + 1].event != sorted[i].event)
      out.push_back({sorted[i].event, i + 1});
}

void Evaluator::IndexEvents(const PersonFacts& facts, std::span<const EventRecord> sorted,
                            std::span<const EventRun> runs) {
  // Undo the previous person's buckets: every other recorded event is
  // already empty with no date.
  for (uint32_t e : touched_) {
    begin_[e] = end_[e] = 0;
    first_[e] = kNoDate;
  }
  touched_.clear();
  base_ = sorted.data();
  const auto n = static_cast<uint32_t>(t_.events.size());
  // In canonical order each event is one run sorted by date, so its bucket
  // (the occurrences on or before the reference date) is a prefix of the
  // run: all of it when its last date has passed, as it mostly has.
  uint32_t start = 0;  // of the run
  for (const EventRun& run : runs) {
    const uint32_t e = run.event;
    if (e < n && recorded_[e] != 0 && sorted[start].date.days() <= on_) {
      uint32_t k = run.end;
      if (sorted[k - 1].date.days() > on_) {
        k = start + 1;
        while (sorted[k].date.days() <= on_) ++k;
      }
      begin_[e] = start;
      end_[e] = k;
      first_[e] = sorted[start].date.days();
      touched_.push_back(e);
    }
    start = run.end;
  }
  for (uint32_t i : field_events_) {
    const int32_t d = PersonDate(facts, t_.events[i].field);
    first_[i] = d != kNoDate && d <= on_ ? d : kNoDate;
  }
  for (uint32_t i : t_.derived_order) {
    const internal::CEvent& ev = t_.events[i];
    int32_t pick = kNoDate;
    bool all = true;
    for (uint32_t k = 0; k < ev.from.count; ++k) {
      int32_t d = first_[t_.event_refs[ev.from.begin + k]];
      if (d == kNoDate) {
        all = false;
        continue;
      }
      if (pick == kNoDate || (ev.pick == DerivedPick::kEarliest ? d < pick : d > pick)) pick = d;
    }
    // "latest" waits until every source happened; "earliest" takes the first.
    if (ev.pick == DerivedPick::kLatest && !all) pick = kNoDate;
    if (pick != kNoDate && ev.offset.amount != 0) pick = civil::Add(pick, ev.offset);
    first_[i] = pick != kNoDate && pick <= on_ ? pick : kNoDate;
  }
}

}  // namespace regie::core::policy
