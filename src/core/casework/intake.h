#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/access_model.h"
#include "core/casework/plan_domains.h"
#include "core/date.h"
#include "core/enums.h"
#include "core/status.h"

// The broad intake (brede intake) of one adult: per life domain the
// situation, wishes, obstacles and strengths, plus the structured parts a
// municipality needs for the plan and the route (education, work history,
// language levels, learnability, interests, availability, health screening
// and the NOA assessment components). The life domains are the plan's
// (PlanDomains), so intake and plan speak of the same domains.
//
// Every part belongs to a data category (IntakePartCategory) so that a
// caller sees, and writes, only the parts their access gives them; medical
// detail and the PTSS / emotional stability components are `gezondheid`,
// whether the health screening took place is not.
//
// An intake is versioned like the plan: every save is a full new version.
// States: concept -> afgerond (finalised). A finalised intake is read-only;
// a correction is made by the regisseur reopening it, which stores a new
// concept version (the finalised version stays readable in the history).
namespace regie::core {

enum class IntakeStatus { kConcept, kAfgerond };
template <>
struct EnumTraits<IntakeStatus> {
  static constexpr std::array<std::pair<IntakeStatus, std::string_view>, 2> kEntries{{
      {IntakeStatus::kConcept, "concept"},
      {IntakeStatus::kAfgerond, "afgerond"},
  }};
};

// Highest completed education, a coarse scale that maps onto the Dutch
// system for the diploma valuation (IDW/Nuffic).
enum class EducationLevel { kGeen, kBasis, kVoortgezet, kBeroeps, kHogerBeroeps, kUniversitair };
template <>
struct EnumTraits<EducationLevel> {
  static constexpr std::array<std::pair<EducationLevel, std::string_view>, 6> kEntries{{
      {EducationLevel::kGeen, "geen"},
      {EducationLevel::kBasis, "basis"},
      {EducationLevel::kVoortgezet, "voortgezet"},
      {EducationLevel::kBeroeps, "beroeps"},
      {EducationLevel::kHogerBeroeps, "hoger_beroeps"},
      {EducationLevel::kUniversitair, "universitair"},
  }};
};

enum class LanguageSkill { kLuisteren, kLezen, kSpreken, kSchrijven };
template <>
struct EnumTraits<LanguageSkill> {
  static constexpr std::array<std::pair<LanguageSkill, std::string_view>, 4> kEntries{{
      {LanguageSkill::kLuisteren, "luisteren"},
      {LanguageSkill::kLezen, "lezen"},
      {LanguageSkill::kSpreken, "spreken"},
      {LanguageSkill::kSchrijven, "schrijven"},
  }};
};

// CEFR levels; A0 is "no command yet", used by the Dutch language route.
enum class CefrLevel { kA0, kA1, kA2, kB1, kB2, kC1, kC2 };
template <>
struct EnumTraits<CefrLevel> {
  static constexpr std::array<std::pair<CefrLevel, std::string_view>, 7> kEntries{{
      {CefrLevel::kA0, "A0"},
      {CefrLevel::kA1, "A1"},
      {CefrLevel::kA2, "A2"},
      {CefrLevel::kB1, "B1"},
      {CefrLevel::kB2, "B2"},
      {CefrLevel::kC1, "C1"},
      {CefrLevel::kC2, "C2"},
  }};
};

// Where a learnability outcome comes from: the DUO leerbaarheidstoets or
// the learnability component of the NOA assessment.
enum class LearnabilityInstrument { kLeerbaarheidstoets, kNoa };
template <>
struct EnumTraits<LearnabilityInstrument> {
  static constexpr std::array<std::pair<LearnabilityInstrument, std::string_view>, 2> kEntries{{
      {LearnabilityInstrument::kLeerbaarheidstoets, "leerbaarheidstoets"},
      {LearnabilityInstrument::kNoa, "noa"},
  }};
};

// The components of the NOA assessment (Nederlands Objectief Assessment)
// as the municipality records them.
enum class NoaComponent {
  kZelfredzaamheid,
  kPtss,
  kEmotioneleStabiliteit,
  kNederlandsToets,
  kEngelsToets,
  kLeerbaarheid,
  kWerkmotivatie,
  kCompetenties,
};
template <>
struct EnumTraits<NoaComponent> {
  static constexpr std::array<std::pair<NoaComponent, std::string_view>, 8> kEntries{{
      {NoaComponent::kZelfredzaamheid, "zelfredzaamheid"},
      {NoaComponent::kPtss, "ptss"},
      {NoaComponent::kEmotioneleStabiliteit, "emotionele_stabiliteit"},
      {NoaComponent::kNederlandsToets, "nederlands_toets"},
      {NoaComponent::kEngelsToets, "engels_toets"},
      {NoaComponent::kLeerbaarheid, "leerbaarheid"},
      {NoaComponent::kWerkmotivatie, "werkmotivatie"},
      {NoaComponent::kCompetenties, "competenties"},
  }};
};

// The parts of an intake, each with its own data category. Domains and NOA
// components have a category per entry (IntakeDomainCategory,
// NoaCategory); the others one each (IntakePartCategory).
enum class IntakePart {
  kGeneral,          // date, participants, interpreter: basis
  kDomains,          // per domain: the domain's category
  kEducation,        // inburgering
  kWork,             // werk_inkomen (arbeidsprofiel)
  kLanguages,        // inburgering
  kLearnability,     // inburgering
  kInterests,        // werk_inkomen
  kAvailability,     // werk_inkomen
  kHealthScreening,  // basis: only whether and when
  kHealthNotes,      // gezondheid
  kNoa,              // per component
};
template <>
struct EnumTraits<IntakePart> {
  static constexpr std::array<std::pair<IntakePart, std::string_view>, 11> kEntries{{
      {IntakePart::kGeneral, "general"},
      {IntakePart::kDomains, "domains"},
      {IntakePart::kEducation, "education"},
      {IntakePart::kWork, "work"},
      {IntakePart::kLanguages, "languages"},
      {IntakePart::kLearnability, "learnability"},
      {IntakePart::kInterests, "interests"},
      {IntakePart::kAvailability, "availability"},
      {IntakePart::kHealthScreening, "health_screening"},
      {IntakePart::kHealthNotes, "health_notes"},
      {IntakePart::kNoa, "noa"},
  }};
};

inline constexpr size_t kMaxIntakeText = 2000;   // a domain's texts, notes
inline constexpr size_t kMaxIntakeLine = 200;    // one-line fields
inline constexpr size_t kMaxIntakeEntries = 30;  // per list part
inline constexpr size_t kMaxIntakeParticipants = 10;
inline constexpr int kMaxWorkYears = 60;
inline constexpr int kMaxDagdelen = 10;  // a working week of mornings and afternoons
inline constexpr int kAdultAge = 18;
inline constexpr int kOldestIntakeYear = 2000;

struct IntakeDomainEntry {
  std::string domain;  // a PlanDomains code
  std::string situation, wishes, obstacles, strengths;
  friend bool operator==(const IntakeDomainEntry&, const IntakeDomainEntry&) = default;
};

struct EducationEntry {
  std::string country;  // ISO 3166-1 alpha-2
  EducationLevel level = EducationLevel::kGeen;
  std::string description;  // school, field of study
  bool diploma = false;
  bool valuation_requested = false;  // diplomawaardering (IDW) requested
  friend bool operator==(const EducationEntry&, const EducationEntry&) = default;
};

struct WorkExperience {
  std::string occupation;
  std::string country;  // ISO 3166-1 alpha-2, may be empty
  int years = 0;
  std::string skills;
  friend bool operator==(const WorkExperience&, const WorkExperience&) = default;
};

struct LanguageLevel {
  std::string language = "nl";  // ISO 639-1
  LanguageSkill skill = LanguageSkill::kLuisteren;
  CefrLevel level = CefrLevel::kA0;
  std::optional<Date> test_date;
  std::string source;  // the test or who judged it ("NOA", "taalschool", ...)
  friend bool operator==(const LanguageLevel&, const LanguageLevel&) = default;
};

struct Learnability {
  LearnabilityInstrument instrument = LearnabilityInstrument::kLeerbaarheidstoets;
  std::string outcome;
  std::optional<Date> date;
  friend bool operator==(const Learnability&, const Learnability&) = default;
};

struct HealthScreening {
  std::optional<bool> done;  // unknown until asked
  std::optional<Date> date;
  friend bool operator==(const HealthScreening&, const HealthScreening&) = default;
};

struct NoaResult {
  NoaComponent component = NoaComponent::kZelfredzaamheid;
  std::string outcome;  // score, level or advice as reported
  std::optional<Date> date;
  std::string remark;
  friend bool operator==(const NoaResult&, const NoaResult&) = default;
};

// A user who took part in the (joint) intake, for their organisation.
struct IntakeParticipant {
  int64_t user_id = 0;
  int64_t organisation_id = 0;
  friend bool operator==(const IntakeParticipant&, const IntakeParticipant&) = default;
};

// What the intake says; every part may be empty in a concept.
struct IntakeContent {
  Date intake_date;
  std::vector<IntakeParticipant> participants;
  bool interpreter = false;
  std::optional<std::string> interpreter_language;  // ISO 639, with an interpreter
  std::vector<IntakeDomainEntry> domains;
  std::vector<EducationEntry> education;
  std::vector<WorkExperience> work;
  std::vector<LanguageLevel> languages;
  std::optional<Learnability> learnability;
  std::string interests;
  std::optional<int> availability_dagdelen;
  HealthScreening health_screening;
  std::string health_notes;
  std::vector<NoaResult> noa;
  friend bool operator==(const IntakeContent&, const IntakeContent&) = default;
};

// One stored version of a person's intake. Version 0 is "no intake yet".
struct Intake {
  int64_t tenant_id = 0;
  int64_t person_id = 0;
  int64_t version = 0;
  IntakeStatus status = IntakeStatus::kConcept;
  IntakeContent content;
  int64_t recorded_by = 0;  // who started the intake (first version)
  int64_t saved_by = 0;
  Timestamp saved_at;
  std::optional<Timestamp> finalised_at;  // of the afgerond version
  int64_t finalised_by = 0;
};

struct IntakeVersionInfo {
  int64_t version = 0;
  IntakeStatus status = IntakeStatus::kConcept;
  int64_t saved_by = 0;
  Timestamp saved_at;
};

// Categories of the parts and entries. Unknown domains are health-like
// (PlanDomains::CategoryOf).
DataCategory IntakePartCategory(IntakePart part);
DataCategory NoaCategory(NoaComponent component);

// The categories `content` touches (only parts that hold something).
CategorySet IntakeCategories(const IntakeContent& content, const PlanDomains& domains);

// Trims texts (call before validating, so "  " counts as empty).
void NormaliseIntake(IntakeContent& content);
// Drops domain entries with nothing in them (call after validating, so
// field paths keep the request's indices).
void CompactIntake(IntakeContent& content);

struct IntakeContext {
  const PlanDomains* domains = nullptr;
  Date today;
  Date birth_date;  // of the person: the intake is for adults only
};

// Domain rules, as field errors with paths of the request body
// ("languages/2/level"): intake date in [2000-01-01, today] and the person
// 18 or older on it ("intake_minor"); at most kMaxIntakeParticipants participants with
// positive ids and no user twice; an interpreter's language ISO 639 and no
// language without an interpreter ("only_with_interpreter"); known domains, each once; clean texts
// within kMaxIntakeLine / kMaxIntakeText; countries ISO 3166; a valuation
// only requested for a diploma ("needs_diploma"); work years 0..kMaxWorkYears and an
// occupation; one level per language and skill; dates not in the future;
// dagdelen 0..kMaxDagdelen; a screening date only when done
// ("only_with_screening"); each NOA
// component once with an outcome; at most kMaxIntakeEntries per list.
std::vector<FieldError> ValidateIntake(const IntakeContent& content, const IntakeContext& context);

// What finalising needs on top of ValidateIntake: at least one participant
// and an answer on the health screening.
std::vector<FieldError> ValidateIntakeComplete(const IntakeContent& content);

// The content a caller stores when they may write only `writable`
// categories and `general` (date, participants, interpreter): `submitted`
// for those, `current` for everything else, unchanged, so a partial view
// never loses what it did not show. Field errors ("not_allowed") for a
// submitted part or entry outside what the caller may write that differs
// from `current`.
StatusOr<IntakeContent> MergeIntake(const IntakeContent& current, IntakeContent submitted,
                                    const CategorySet& writable, bool general,
                                    const PlanDomains& domains);

// The content as a caller with `visible` categories may see it, and what
// was left out.
struct IntakeView {
  IntakeContent content;
  std::vector<IntakePart> hidden_parts;  // whole parts left out
  size_t hidden_domains = 0;
  size_t hidden_noa = 0;
};
IntakeView FilterIntake(const IntakeContent& content, const CategorySet& visible,
                        const PlanDomains& domains);

// Storage keeps the parts as (part, position, field, value) text rows so
// that a new field needs no migration. ToIntakeItems/FromIntakeItems
// convert losslessly for valid content; FromIntakeItems ignores what it
// does not know. The general part lives in columns, not items.
struct IntakeItem {
  std::string part;
  int position = 0;
  std::string field;
  std::string value;
  friend bool operator==(const IntakeItem&, const IntakeItem&) = default;
};
std::vector<IntakeItem> ToIntakeItems(const IntakeContent& content);
void FromIntakeItems(const std::vector<IntakeItem>& items, IntakeContent& content);

}  // namespace regie::core
