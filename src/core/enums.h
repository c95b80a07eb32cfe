#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace regie::core {

// Every domain enum has one table of (value, code). The code is the stable
// string used in JSON, in the database and as translation key suffix; it is
// never shown to users as-is.
template <typename E>
struct EnumTraits;  // specialised below: static constexpr std::array kEntries

template <typename E>
constexpr std::string_view ToCode(E value) {
  for (const auto& [v, code] : EnumTraits<E>::kEntries)
    if (v == value) return code;
  return {};
}

template <typename E>
constexpr std::optional<E> ParseEnum(std::string_view code) {
  for (const auto& [v, c] : EnumTraits<E>::kEntries)
    if (c == code) return v;
  return std::nullopt;
}

#define REGIE_ENUM_TRAITS(Type, N, ...)                                                        \
  template <>                                                                                  \
  struct EnumTraits<Type> {                                                                    \
    static constexpr std::array<std::pair<Type, std::string_view>, N> kEntries{{__VA_ARGS__}}; \
  }

enum class Sex { kMale, kFemale, kOther, kUnknown };
REGIE_ENUM_TRAITS(Sex, 4, {Sex::kMale, "man"}, {Sex::kFemale, "vrouw"}, {Sex::kOther, "x"},
                  {Sex::kUnknown, "onbekend"});

enum class Literacy { kYes, kLimited, kNo };
REGIE_ENUM_TRAITS(Literacy, 3, {Literacy::kYes, "ja"}, {Literacy::kLimited, "beperkt"},
                  {Literacy::kNo, "nee"});

// Highest completed education, in the broad Dutch levels the seeds use.
enum class Education {
  kNone,
  kPrimary,
  kSecondary,
  kVocational,
  kHigherProfessional,
  kUniversity,
  kUnknown
};
REGIE_ENUM_TRAITS(Education, 7, {Education::kNone, "geen"}, {Education::kPrimary, "basisonderwijs"},
                  {Education::kSecondary, "voortgezet_onderwijs"}, {Education::kVocational, "mbo"},
                  {Education::kHigherProfessional, "hbo"}, {Education::kUniversity, "wo"},
                  {Education::kUnknown, "onbekend"});

enum class HouseholdRole { kHead, kPartner, kChild, kLateArrival, kOther };
REGIE_ENUM_TRAITS(HouseholdRole, 5, {HouseholdRole::kHead, "hoofdpersoon"},
                  {HouseholdRole::kPartner, "partner"}, {HouseholdRole::kChild, "kind"},
                  {HouseholdRole::kLateArrival, "nareiziger"}, {HouseholdRole::kOther, "overig"});

// Civic integration obligation; "vrijgesteld" requires a reason.
enum class InburgeringPlicht { kYes, kNo, kExempt };
REGIE_ENUM_TRAITS(InburgeringPlicht, 3, {InburgeringPlicht::kYes, "ja"},
                  {InburgeringPlicht::kNo, "nee"}, {InburgeringPlicht::kExempt, "vrijgesteld"});

enum class OrganisationKind {
  kGemeente,
  kVluchtelingenwerk,
  kSocialeDienst,
  kGgdJgz,
  kSchool,
  kTaalaanbieder,
  kWelzijn,
  kVrijwilligersorganisatie,
  kCoa,
  kOther
};
REGIE_ENUM_TRAITS(OrganisationKind, 10, {OrganisationKind::kGemeente, "gemeente"},
                  {OrganisationKind::kVluchtelingenwerk, "vluchtelingenwerk"},
                  {OrganisationKind::kSocialeDienst, "sociale_dienst"},
                  {OrganisationKind::kGgdJgz, "ggd_jgz"}, {OrganisationKind::kSchool, "school"},
                  {OrganisationKind::kTaalaanbieder, "taalaanbieder"},
                  {OrganisationKind::kWelzijn, "welzijn"},
                  {OrganisationKind::kVrijwilligersorganisatie, "vrijwilligersorganisatie"},
                  {OrganisationKind::kCoa, "coa"}, {OrganisationKind::kOther, "other"});

#undef REGIE_ENUM_TRAITS

}  // namespace regie::core
