#include "core/reporting/progress_report.h"

#include <charconv>

#include "core/text.h"

namespace regie::core {
namespace {

constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;

size_t CodePoints(std::string_view utf8) {
  size_t n = 0;
  for (char c : utf8)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

std::optional<ReportPeriod> ReportPeriod::Parse(std::string_view text) {
  if (text.size() != 6 || text[4] != 'H' || (text[5] != '1' && text[5] != '2')) return std::nullopt;
  int year = 0;
  const char* end = text.data() + 4;
  auto [ptr, ec] = std::from_chars(text.data(), end, year);
  if (ec != std::errc() || ptr != end || year < kFirstYear || year > kLastYear) return std::nullopt;
  return ReportPeriod{.year = year, .half = text[5] - '0'};
}

std::string ReportPeriod::ToString() const {
  return std::to_string(year) + "H" + std::to_string(half);
}

Date ReportPeriod::First() const { return *Date::FromYmd(year, half == 1 ? 1 : 7, 1); }

Date ReportPeriod::Last() const {
  return half == 1 ? *Date::FromYmd(year, 6, 30) : *Date::FromYmd(year, 12, 31);
}

std::vector<ReportSection> SectionsOf(const ReportPeriod& period) {
  std::vector<ReportSection> out;
  for (const auto& [section, code] : EnumTraits<ReportSection>::kEntries)
    if (section != ReportSection::kFinancieel || period.Yearly()) out.push_back(section);
  return out;
}

std::vector<FieldError> ValidateNarrative(const ReportPeriod& period, ReportSection section,
                                          int64_t organisation_id, std::string_view text) {
  std::vector<FieldError> errors;
  if (section == ReportSection::kFinancieel && !period.Yearly())
    errors.push_back({"section", "not_in_period"});
  if (organisation_id != 0 && section != ReportSection::kNetwerkpartners)
    errors.push_back({"organisation_id", "only_for_network_partners"});
  if (organisation_id < 0) errors.push_back({"organisation_id", "invalid_reference"});
  if (!IsCleanText(text, /*multiline=*/true))
    errors.push_back({"text", "invalid_text"});
  else if (CodePoints(text) > kMaxNarrativeLength)
    errors.push_back({"text", "too_long"});
  return errors;
}

std::string PacksToString(const std::vector<indicators::PackVersion>& packs) {
  std::string out;
  for (const indicators::PackVersion& p : packs)
    out += (out.empty() ? "" : ";") + p.id + "@" + std::to_string(p.version);
  return out;
}

std::vector<indicators::PackVersion> PacksFromString(std::string_view text) {
  std::vector<indicators::PackVersion> out;
  while (!text.empty()) {
    const size_t semi = text.find(';');
    const std::string_view item = text.substr(0, semi);
    const size_t at = item.rfind('@');
    if (at != std::string_view::npos) {
      indicators::PackVersion p{.id = std::string(item.substr(0, at)), .version = 0};
      std::from_chars(item.data() + at + 1, item.data() + item.size(), p.version);
      out.push_back(std::move(p));
    }
    text = semi == std::string_view::npos ? std::string_view() : text.substr(semi + 1);
  }
  return out;
}

}  // namespace regie::core
