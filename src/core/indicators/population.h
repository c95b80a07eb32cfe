#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/model.h"
#include "core/policy/civil.h"
#include "core/policy/compiled.h"
#include "core/policy/engine.h"
#include "core/policy/person.h"

// The persons of one tenant as the indicator engine reads them: facts,
// interned events and the breakdown attributes, in flat arrays built once per
// data snapshot, so a recompute walks memory in order and allocates nothing
// per person.
namespace regie::core::indicators {

// What a figure can be broken down by. kTotal is the one-cell "everyone".
enum class Dimension : uint8_t {
  kTotal,
  kCohort,       // housing half-year, e.g. "2017H2"; "onbekend" without a housing date
  kWijk,         // neighbourhood of the address
  kKern,         // village core of the address
  kSex,          // core::Sex codes
  kAgeBand,      // civil age on the reference date
  kNationality,  // nationality group (the largest origin countries, then "overig")
};
inline constexpr size_t kDimensionCount = 7;

std::string_view ToCode(Dimension d);  // "totaal", "cohort", "wijk", ...

// Age bands on the reference date: 0-3 (voorschool), 4-11, 12-17 (ISK age),
// 18-26, 27-49, 50-64, 65+.
inline constexpr std::array<int, 7> kAgeBandFloors = {0, 4, 12, 18, 27, 50, 65};
std::string AgeBandLabel(size_t band);
uint8_t AgeBand(int age);

// Nationality groups: the origins the seed documents name most, each its
// own group; every other known nationality is "overig", stateless or
// unknown ("XX" or empty) is "onbekend".
inline constexpr std::array<std::string_view, 10> kNationalityGroups = {
    "SY", "ER", "AF", "TR", "IQ", "IR", "YE", "SO", "overig", "onbekend"};
uint8_t NationalityGroup(std::string_view iso_code);

// Cohort code of a housing date: year * 2 + (0 for January-June, 1 after).
int32_t CohortCode(Date housing);
std::string CohortLabel(int32_t code);  // "2017H2"

// No housing date, so no cohort (PersonRow::cohort).
inline constexpr int32_t kNoCohort = -1;

struct PersonRow {
  policy::PersonFacts facts;
  // Derived from the facts at load, so a recompute does no calendar
  // conversion for them: the birth date as a calendar date and the housing
  // cohort code (CohortCode, or kNoCohort).
  policy::civil::Ymd birth{};
  int32_t cohort = kNoCohort;
  uint32_t events_begin = 0;  // into TenantPopulation::events()
  uint32_t events_count = 0;
  uint32_t runs_begin = 0;  // the events' runs (policy::EventRun), computed at load
  uint32_t runs_count = 0;
  uint16_t wijk = 0;  // into wijken(); 0 is "onbekend"
  uint16_t kern = 0;  // into kernen(); 0 is "onbekend"
  uint8_t sex = 0;
  uint8_t nationality = 0;
};

// Contract: events are interned against the tenant's CompiledPolicy (the
// caller skips unknown events, which no indicator can read); Add keeps a
// person's events in canonical order (policy::EventsBefore: by event, then
// date, then value), whatever order they were given in, so the engine can
// hand them to Evaluator::EvaluateSorted and find an event's occurrences as
// one date-ordered run.
class TenantPopulation {
 public:
  void Add(const PersonData& person, policy::PersonFacts facts,
           std::span<const policy::EventRecord> events);

  const std::vector<PersonRow>& persons() const { return persons_; }
  std::span<const policy::EventRecord> EventsOf(const PersonRow& p) const {
    return {events_.data() + p.events_begin, p.events_count};
  }
  std::span<const policy::EventRun> RunsOf(const PersonRow& p) const {
    return {runs_.data() + p.runs_begin, p.runs_count};
  }
  size_t event_count() const { return events_.size(); }
  const std::vector<std::string>& wijken() const { return wijken_; }
  const std::vector<std::string>& kernen() const { return kernen_; }
  // Earliest housing cohort code, or 0 when nobody has a housing date.
  int32_t first_cohort() const { return first_cohort_; }
  bool has_cohort() const { return has_cohort_; }

 private:
  static uint16_t Intern(std::string_view name, std::vector<std::string>& names,
                         std::unordered_map<std::string, uint16_t>& index);

  std::vector<PersonRow> persons_;
  std::vector<policy::EventRecord> events_;
  std::vector<policy::EventRun> runs_;
  std::vector<std::string> wijken_{"onbekend"};
  std::vector<std::string> kernen_{"onbekend"};
  std::unordered_map<std::string, uint16_t> wijk_index_;
  std::unordered_map<std::string, uint16_t> kern_index_;
  int32_t first_cohort_ = 0;
  bool has_cohort_ = false;
};

}  // namespace regie::core::indicators
