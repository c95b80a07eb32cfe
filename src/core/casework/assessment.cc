#include "core/casework/assessment.h"

#include <algorithm>
#include <array>
#include <set>

#include "core/text.h"
#include "core/validation.h"

namespace regie::core {
namespace {

using enum DataCategory;

// ZRM 2017 (GGD Amsterdam and partners): 13 domains. Physical and mental
// health, addiction and basic ADL are health data; household ADL
// (instrumentele ADL) is not.
constexpr std::array<ZrmDomain, 13> kZrmDomains{{
    {"financien", kFinancien},
    {"werk_opleiding", kWerkInkomen},
    {"tijdsbesteding", kBasis},
    {"huisvesting", kBasis},
    {"huiselijke_relaties", kBasis},
    {"geestelijke_gezondheid", kGezondheid},
    {"lichamelijke_gezondheid", kGezondheid},
    {"middelengebruik", kGezondheid},
    {"basale_adl", kGezondheid},
    {"instrumentele_adl", kBasis},
    {"sociaal_netwerk", kBasis},
    {"maatschappelijke_participatie", kBasis},
    {"justitie", kJustitie},
}};

constexpr std::string_view kRungItem = "trede";
constexpr std::string_view kPresentItem = "aanwezig";
constexpr std::string_view kOutcomeItem = "uitkomst";

size_t DomainIndex(std::string_view code) {
  for (size_t i = 0; i < kZrmDomains.size(); ++i)
    if (kZrmDomains[i].code == code) return i;
  return kZrmDomains.size();
}

void ValidateZrm(const AssessmentData& a, std::vector<FieldError>& errors) {
  if (a.zrm.empty()) errors.push_back({"zrm", "required"});
  std::set<std::string_view> seen;
  for (size_t i = 0; i < a.zrm.size(); ++i) {
    const std::string prefix = "zrm/" + std::to_string(i);
    const ZrmScore& s = a.zrm[i];
    if (!FindZrmDomain(s.domain))
      errors.push_back({prefix + "/domain", "unknown_code"});
    else if (!seen.insert(s.domain).second)
      errors.push_back({prefix + "/domain", "duplicate"});
    if (s.score < kZrmMin || s.score > kZrmMax)
      errors.push_back({prefix + "/score", "out_of_range"});
  }
}

void ValidateLadder(const AssessmentData& a, std::vector<FieldError>& errors) {
  if (a.rung == 0)
    errors.push_back({"rung", "required"});
  else if (a.rung < kLadderMin || a.rung > kLadderMax)
    errors.push_back({"rung", "out_of_range"});
  std::set<int> seen;
  for (size_t i = 0; i < a.rungs_present.size(); ++i) {
    const std::string field = "rungs_present/" + std::to_string(i);
    const int r = a.rungs_present[i];
    if (r < kLadderMin || r > kLadderMax)
      errors.push_back({field, "out_of_range"});
    else if (!seen.insert(r).second)
      errors.push_back({field, "duplicate"});
  }
}

}  // namespace

std::span<const ZrmDomain> ZrmDomains() { return kZrmDomains; }

const ZrmDomain* FindZrmDomain(std::string_view code) {
  size_t i = DomainIndex(code);
  return i < kZrmDomains.size() ? &kZrmDomains[i] : nullptr;
}

std::vector<AssessmentItem> ToItems(const AssessmentData& a) {
  std::vector<AssessmentItem> items;
  switch (a.kind) {
    case AssessmentKind::kZrm:
      items.reserve(a.zrm.size());
      for (const ZrmScore& s : a.zrm) items.push_back({s.domain, s.score});
      break;
    case AssessmentKind::kParticipatieladder:
      items.reserve(a.rungs_present.size() + 1);
      items.push_back({std::string(kRungItem), a.rung});
      for (int r : a.rungs_present) items.push_back({std::string(kPresentItem), r});
      break;
    case AssessmentKind::kFermWerk: {
      size_t pos = a.outcome.size() == 1 ? kFermWerkOutcomes.find(a.outcome[0]) : std::string::npos;
      if (pos != std::string::npos)
        items.push_back({std::string(kOutcomeItem), static_cast<int>(pos) + 1});
      break;
    }
  }
  return items;
}

void FromItems(const std::vector<AssessmentItem>& items, AssessmentData& a) {
  for (const AssessmentItem& it : items) {
    switch (a.kind) {
      case AssessmentKind::kZrm:
        if (FindZrmDomain(it.item)) a.zrm.push_back({it.item, it.value});
        break;
      case AssessmentKind::kParticipatieladder:
        if (it.item == kRungItem) a.rung = it.value;
        if (it.item == kPresentItem) a.rungs_present.push_back(it.value);
        break;
      case AssessmentKind::kFermWerk:
        if (it.item == kOutcomeItem && it.value >= 1 &&
            it.value <= static_cast<int>(kFermWerkOutcomes.size()))
          a.outcome = std::string(1, kFermWerkOutcomes[static_cast<size_t>(it.value - 1)]);
        break;
    }
  }
  NormaliseAssessment(a);
}

void NormaliseAssessment(AssessmentData& a) {
  a.assessor = Trim(a.assessor);
  a.outcome = Trim(a.outcome);
  std::stable_sort(a.zrm.begin(), a.zrm.end(), [](const ZrmScore& x, const ZrmScore& y) {
    return DomainIndex(x.domain) < DomainIndex(y.domain);
  });
  std::sort(a.rungs_present.begin(), a.rungs_present.end());
}

std::vector<FieldError> ValidateAssessment(const AssessmentData& a, Date today) {
  std::vector<FieldError> errors;
  if (a.person_id <= 0) errors.push_back({"person_id", "invalid_reference"});
  if (a.date > today)
    errors.push_back({"date", "date_in_future"});
  else if (a.date.year() < kOldestAssessmentYear)
    errors.push_back({"date", "date_too_early"});
  if (!IsCleanText(a.assessor))
    errors.push_back({"assessor", "invalid_text"});
  else if (a.assessor.size() > kMaxAssessor)
    errors.push_back({"assessor", "too_long"});

  const bool zrm = a.kind == AssessmentKind::kZrm;
  const bool ladder = a.kind == AssessmentKind::kParticipatieladder;
  const bool ferm = a.kind == AssessmentKind::kFermWerk;
  if (zrm) ValidateZrm(a, errors);
  if (ladder) ValidateLadder(a, errors);
  if (ferm) {
    if (a.outcome.empty())
      errors.push_back({"outcome", "required"});
    else if (a.outcome.size() != 1 || kFermWerkOutcomes.find(a.outcome[0]) == std::string::npos)
      errors.push_back({"outcome", "unknown_code"});
  }
  // A part of another kind is a mistake of the caller, not something to drop.
  if (!zrm && !a.zrm.empty()) errors.push_back({"zrm", "not_for_kind"});
  if (!ladder && a.rung != 0) errors.push_back({"rung", "not_for_kind"});
  if (!ladder && !a.rungs_present.empty()) errors.push_back({"rungs_present", "not_for_kind"});
  if (!ferm && !a.outcome.empty()) errors.push_back({"outcome", "not_for_kind"});
  return errors;
}

CategorySet AssessmentCategories(const AssessmentData& a, DataCategory participation) {
  CategorySet out;
  if (a.kind != AssessmentKind::kZrm) {
    out.Add(participation);
    return out;
  }
  for (const ZrmScore& s : a.zrm)
    if (const ZrmDomain* d = FindZrmDomain(s.domain)) out.Add(d->category);
  return out;
}

std::optional<policy::PersonEvent> AssessmentEvent(const AssessmentData& a) {
  if (a.kind == AssessmentKind::kParticipatieladder)
    return policy::PersonEvent{
        .event = "participatieladder_trede", .date = a.date, .value = a.rung};
  if (a.kind == AssessmentKind::kFermWerk)
    return policy::PersonEvent{.event = "ferm_werk_uitkomst", .date = a.date, .code = a.outcome};
  return std::nullopt;
}

}  // namespace regie::core
