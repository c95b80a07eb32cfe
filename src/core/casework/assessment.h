#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/access_model.h"
#include "core/date.h"
#include "core/enums.h"
#include "core/policy/person.h"
#include "core/status.h"

// Assessments of a person over time (issue 4): the zelfredzaamheidsmatrix
// (ZRM, score 1-5 per life domain), the participatieladder (rung 1-6, plus
// the rungs whose activities are present, since the ladder is used in
// parallel) and the Ferm Werk outcome category A-D (seed 003 §3). They are
// dated observations: append-only, corrected by voiding with a reason.
namespace regie::core {

enum class AssessmentKind { kZrm, kParticipatieladder, kFermWerk };
template <>
struct EnumTraits<AssessmentKind> {
  static constexpr std::array<std::pair<AssessmentKind, std::string_view>, 3> kEntries{{
      {AssessmentKind::kZrm, "zrm"},
      {AssessmentKind::kParticipatieladder, "participatieladder"},
      {AssessmentKind::kFermWerk, "ferm_werk"},
  }};
};

inline constexpr int kZrmMin = 1;     // 1 acute problematiek
inline constexpr int kZrmMax = 5;     // 5 volledig zelfredzaam
inline constexpr int kLadderMin = 1;  // 1 geïsoleerd
inline constexpr int kLadderMax = 6;  // 6 betaald werk
inline constexpr std::string_view kFermWerkOutcomes = "ABCD";
inline constexpr size_t kMaxAssessor = 200;
inline constexpr int kOldestAssessmentYear = 2000;

// A ZRM life domain. The code is stable (data, translations); the data
// category decides who may see the score: the health domains are
// `gezondheid` (AVG art. 9), justice is `justitie`.
struct ZrmDomain {
  std::string_view code;
  DataCategory category;
};

// The domains of the ZRM 2017 (13 domains), in the instrument's order.
std::span<const ZrmDomain> ZrmDomains();
const ZrmDomain* FindZrmDomain(std::string_view code);

struct ZrmScore {
  std::string domain;  // a ZrmDomain code
  int score = 0;       // kZrmMin..kZrmMax

  friend bool operator==(const ZrmScore&, const ZrmScore&) = default;
};

// What the caller states about one assessment. Only the part of `kind` is
// filled: zrm scores, or the ladder rung (+ rungs present), or the Ferm
// Werk outcome.
struct AssessmentData {
  int64_t person_id = 0;
  AssessmentKind kind = AssessmentKind::kZrm;
  Date date;
  std::string assessor;  // who assessed (name, organisation); empty = the recording user
  std::vector<ZrmScore> zrm;
  int rung = 0;
  std::vector<int> rungs_present;
  std::string outcome;  // one of kFermWerkOutcomes
};

struct Assessment {
  int64_t id = 0;
  int64_t tenant_id = 0;
  AssessmentData data;
  int64_t recorded_by = 0;
  Timestamp recorded_at;
  std::optional<Timestamp> voided_at;
  int64_t voided_by = 0;
  std::string void_reason;
};

// Storage keeps every kind as (item, value) rows: ZRM (domain, score),
// ladder ("trede", rung) and ("aanwezig", rung) per rung present, Ferm Werk
// ("uitkomst", 1..4 for A..D). ToItems/FromItems convert losslessly for
// valid data; FromItems ignores items it does not know.
struct AssessmentItem {
  std::string item;
  int value = 0;

  friend bool operator==(const AssessmentItem&, const AssessmentItem&) = default;
};
std::vector<AssessmentItem> ToItems(const AssessmentData& data);
void FromItems(const std::vector<AssessmentItem>& items, AssessmentData& data);

// Trims the assessor, sorts ZRM scores into instrument order and the rungs
// present ascending (call before validating).
void NormaliseAssessment(AssessmentData& data);

// Checks an assessment: date in [2000-01-01, today], assessor one line of
// at most kMaxAssessor bytes, and for the kind: ZRM at least one score,
// known domains without duplicates, scores 1-5; ladder rung 1-6 and
// distinct rungs present 1-6; Ferm Werk outcome A-D; no part of another
// kind. Whether the person exists is the repository's check.
std::vector<FieldError> ValidateAssessment(const AssessmentData& data, Date today);

// The data categories an assessment touches: per ZRM domain its category;
// the ladder and Ferm Werk use `participation` (configurable record type
// "assessments", default werk_inkomen).
CategorySet AssessmentCategories(const AssessmentData& data, DataCategory participation);

// The policy event an assessment also records when the tenant's packs
// declare it: the ladder rung as `participatieladder_trede` (value), the
// Ferm Werk outcome as `ferm_werk_uitkomst` (code). ZRM has none.
std::optional<policy::PersonEvent> AssessmentEvent(const AssessmentData& data);

}  // namespace regie::core
