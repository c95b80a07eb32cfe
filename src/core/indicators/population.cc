#include "core/indicators/population.h"

#include <algorithm>
#include <limits>

#include "core/policy/engine.h"

namespace regie::core::indicators {

std::string_view ToCode(Dimension d) {
  switch (d) {
    case Dimension::kTotal:
      return "totaal";
    case Dimension::kCohort:
      return "cohort";
    case Dimension::kWijk:
      return "wijk";
    case Dimension::kKern:
      return "kern";
    case Dimension::kSex:
      return "geslacht";
    case Dimension::kAgeBand:
      return "leeftijd";
    case Dimension::kNationality:
      return "nationaliteit";
  }
  return "totaal";
}

std::string AgeBandLabel(size_t band) {
  if (band + 1 >= kAgeBandFloors.size()) return std::to_string(kAgeBandFloors.back()) + "+";
  return std::to_string(kAgeBandFloors[band]) + "-" + std::to_string(kAgeBandFloors[band + 1] - 1);
}

uint8_t AgeBand(int age) {
  uint8_t band = 0;
  for (size_t i = 1; i < kAgeBandFloors.size(); ++i)
    if (age >= kAgeBandFloors[i]) band = static_cast<uint8_t>(i);
  return band;
}

uint8_t NationalityGroup(std::string_view iso_code) {
  if (iso_code.empty() || iso_code == "XX") return kNationalityGroups.size() - 1;
  for (size_t i = 0; i + 2 < kNationalityGroups.size(); ++i)
    if (kNationalityGroups[i] == iso_code) return static_cast<uint8_t>(i);
  return kNationalityGroups.size() - 2;
}

int32_t CohortCode(Date housing) { return housing.year() * 2 + (housing.month() > 6 ? 1 : 0); }

std::string CohortLabel(int32_t code) {
  return std::to_string(code / 2) + (code % 2 == 0 ? "H1" : "H2");
}

uint16_t TenantPopulation::Intern(std::string_view name, std::vector<std::string>& names,
                                  std::unordered_map<std::string, uint16_t>& index) {
  if (name.empty()) return 0;
  auto it = index.find(std::string(name));
  if (it != index.end()) return it->second;
  // More than 65,535 neighbourhoods in one municipality does not happen;
  // should it, the rest is reported as "onbekend" rather than wrapping.
  if (names.size() >= std::numeric_limits<uint16_t>::max()) return 0;
  const auto id = static_cast<uint16_t>(names.size());
  names.emplace_back(name);
  index.emplace(std::string(name), id);
  return id;
}

void TenantPopulation::Add(const PersonData& person, policy::PersonFacts facts,
                           std::span<const policy::EventRecord> events) {
  PersonRow& row = persons_.emplace_back();
  row.events_begin = static_cast<uint32_t>(events_.size());
  row.events_count = static_cast<uint32_t>(events.size());
  events_.insert(events_.end(), events.begin(), events.end());
  // Sorted once here, per data snapshot, like an index: a recompute then
  // finds each event's occurrences as one run in date order and sorts nothing.
  std::sort(events_.begin() + row.events_begin, events_.end(), policy::EventsBefore);
  row.runs_begin = static_cast<uint32_t>(runs_.size());
  policy::AppendEventRuns(EventsOf(row), runs_);
  row.runs_count = static_cast<uint32_t>(runs_.size()) - row.runs_begin;
  row.wijk = Intern(person.address.wijk, wijken_, wijk_index_);
  row.kern = Intern(person.address.kern, kernen_, kern_index_);
  row.sex = static_cast<uint8_t>(person.sex);
  row.nationality = NationalityGroup(person.nationality);
  row.birth = policy::civil::FromDays(facts.birth_date.days());
  if (facts.housing_date) {
    const int32_t code = CohortCode(*facts.housing_date);
    row.cohort = code;
    first_cohort_ = has_cohort_ ? std::min(first_cohort_, code) : code;
    has_cohort_ = true;
  }
  row.facts = std::move(facts);
}

}  // namespace regie::core::indicators
