#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/enums.h"
#include "core/indicators/report.h"
#include "core/validation.h"

// The half-year progress report (voortgangsrapportage, seed 000 §5.3): the
// regievoerder reports to the municipality, and through it to the council,
// at least every half year. The figures come from the indicator engine;
// the narrative sections are written by people and stored per period.
namespace regie::core {

// A half-year: "2017H2" is 1 July to 31 December 2017. Its reference date
// (the date the figures are computed on) is its last day.
struct ReportPeriod {
  int year = 0;
  int half = 1;  // 1 or 2

  // Strict "YYYYH1" or "YYYYH2" with 2000 <= YYYY <= 2100; nullopt otherwise.
  static std::optional<ReportPeriod> Parse(std::string_view text);
  std::string ToString() const;
  Date First() const;
  Date Last() const;  // the reference date
  // The financial account is yearly: only in the second half-year.
  bool Yearly() const { return half == 2; }
  friend bool operator==(const ReportPeriod&, const ReportPeriod&) = default;
};

// The sections of seed 000 §5.3, in the order the report prints them.
enum class ReportSection : uint8_t {
  kResultaatafspraken,  // commentary next to the figures per theme
  kWatGaatGoed,
  kWatKanBeter,      // what does not go well yet, with improvement points
  kNetwerkpartners,  // experiences of network partners: one text per organisation
  kNieuweInitiatieven,
  kActiviteiten,  // activity summary
  kTrends,        // developments and trends
  kFinancieel,    // the yearly financial account (H2 only)
};
inline constexpr size_t kReportSectionCount = 8;

template <>
struct EnumTraits<ReportSection> {
  static constexpr std::array<std::pair<ReportSection, std::string_view>, kReportSectionCount>
      kEntries{{
          {ReportSection::kResultaatafspraken, "resultaatafspraken"},
          {ReportSection::kWatGaatGoed, "wat_gaat_goed"},
          {ReportSection::kWatKanBeter, "wat_kan_beter"},
          {ReportSection::kNetwerkpartners, "netwerkpartners"},
          {ReportSection::kNieuweInitiatieven, "nieuwe_initiatieven"},
          {ReportSection::kActiviteiten, "activiteiten"},
          {ReportSection::kTrends, "trends"},
          {ReportSection::kFinancieel, "financieel"},
      }};
};

// The sections a period's report has: every one, financieel only yearly.
std::vector<ReportSection> SectionsOf(const ReportPeriod& period);

enum class ReportStatus : uint8_t { kConcept, kDefinitief };
template <>
struct EnumTraits<ReportStatus> {
  static constexpr std::array<std::pair<ReportStatus, std::string_view>, 2> kEntries{{
      {ReportStatus::kConcept, "concept"},
      {ReportStatus::kDefinitief, "definitief"},
  }};
};

// One narrative text. `organisation_id` is 0 for the municipality's own text
// of a section; in kNetwerkpartners each partner organisation has its own
// text beside it. Versions are per text and immutable once stored: a save
// is a new version against the version the writer started from.
struct ReportNarrative {
  int64_t tenant_id = 0;
  std::string period;  // ReportPeriod::ToString()
  ReportSection section = ReportSection::kResultaatafspraken;
  int64_t organisation_id = 0;
  int64_t version = 0;  // 0: nothing written yet
  std::string text;
  int64_t saved_by = 0;
  Timestamp saved_at;
};

// The report of one period: concept until finalised, then frozen with the
// stamp of the figures it was finalised on (reference date, pack versions,
// data snapshot), so it can be traced and regenerated.
struct ProgressReport {
  int64_t tenant_id = 0;
  std::string period;
  ReportStatus status = ReportStatus::kConcept;
  int64_t finalised_by = 0;
  std::optional<Timestamp> finalised_at;
  std::optional<indicators::Stamp> stamp;  // set when definitief
};

inline constexpr size_t kMaxNarrativeLength = 20000;  // characters (UTF-8 code points)

// Field errors of a narrative save ("text": too_long / invalid_utf8;
// "organisation_id": only_for_network_partners; "section":
// not_in_period for financieel in a first half-year).
std::vector<FieldError> ValidateNarrative(const ReportPeriod& period, ReportSection section,
                                          int64_t organisation_id, std::string_view text);

// "id@version;id@version" and back (the stored form of a stamp's packs).
std::string PacksToString(const std::vector<indicators::PackVersion>& packs);
std::vector<indicators::PackVersion> PacksFromString(std::string_view text);

}  // namespace regie::core
