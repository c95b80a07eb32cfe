#pragma once

#include <array>
#include <span>
#include <string_view>

// Tables behind the synthetic demo population (DemoGenerator). Every name
// here is a common given name, family name or Dutch street/place element;
// people and places are made by combining them at random, so no record
// describes a real person. Shares are rough figures for permit holders in
// the Netherlands in recent years, good enough to make lists, filters and
// indicators look like a real caseload.
namespace regie::core::demo {

// How a family name passes on. Eritrean, Ethiopian, Somali and Sudanese
// names are patronymic: a person's "family name" on Dutch documents is the
// father's given name, so parents and children differ.
enum class Naming { kFamilyName, kPatronymic };

struct LanguageShare {
  std::string_view code;  // accepted by IsLanguageCode
  int weight;             // among first languages: relative; as extra: per mille
};

struct Origin {
  std::string_view nationality;  // ISO 3166-1 alpha-2, "XX" stateless
  int weight;                    // per mille of permit holders
  int single_per_mille;          // households that are a single adult
  Naming naming;
  bool wife_takes_family_name;
  std::span<const std::string_view> male_names;
  std::span<const std::string_view> female_names;
  std::span<const std::string_view> family_names;  // unused for kPatronymic
  std::span<const LanguageShare> first_languages;
  std::span<const LanguageShare> extra_languages;  // each added independently
  // Adults' highest completed education, in core::Education order
  // (geen, basis, vo, mbo, hbo, wo, onbekend), relative weights.
  std::array<int, 7> education;
  // Adults' literacy in any script (ja, beperkt, nee), relative weights.
  std::array<int, 3> literacy;
};

std::span<const Origin> Origins();

// Age on arrival of the head of household, by household shape.
struct AgeBand {
  int lo;
  int hi;
  int weight;  // relative
};
std::span<const AgeBand> SingleAdultAges();
std::span<const AgeBand> CoupleAges();
std::span<const AgeBand> ParentAges();
std::span<const AgeBand> SingleParentAges();
// Relative weights of 1, 2, 3, 4 and 5 children in a family with children.
std::span<const int> ChildCountWeights();

// Dutch street names common enough to exist in many municipalities.
std::span<const std::string_view> StreetNames();
// Neighbourhood names for a kern with several wijken.
std::span<const std::string_view> WijkNames();
// Pieces of synthetic Dutch place names: prefix + stem + suffix.
std::span<const std::string_view> PlacePrefixes();
std::span<const std::string_view> PlaceStems();
std::span<const std::string_view> PlaceSuffixes();
// School names (without "Basisschool"/"OBS" etc.).
std::span<const std::string_view> SchoolNames();
// Reasons for an exemption from the inburgeringsplicht.
std::span<const std::string_view> MedicalExemptionReasons();

}  // namespace regie::core::demo
