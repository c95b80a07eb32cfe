#include "core/demo_generator.h"

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/demo_data.h"
#include "core/demo_random.h"
#include "core/demo_tenants.h"
#include "core/validation.h"

namespace regie::core {
namespace {

using demo::AgeBand;
using demo::Origin;

// Keeps households * inhabitants (tenant spreading) far from overflow.
constexpr int64_t kMaxHouseholds = 1'000'000'000;
// Housing dates (sleuteluitgifte) spread over the last four years.
constexpr int kHousingWindowDays = 4 * 365;

// Identifiers come from the person counter through DemoRandom::Scatter, so
// they look scattered yet never repeat within a run.
std::string Digits(uint64_t value, int width) {
  std::string out(static_cast<size_t>(width), '0');
  for (auto i = out.size(); i > 0 && value > 0; --i, value /= 10)
    out[i - 1] = static_cast<char>('0' + value % 10);
  return out;
}

std::string Bsn(int64_t person, uint64_t seed) {
  // The first seven digits run over [1'000'000, 10'000'000), so BSNs are
  // unique for kMaxUniqueBsns persons.
  constexpr auto kRange = static_cast<uint64_t>(DemoGenerator::kMaxUniqueBsns);
  const uint64_t block = 1'000'000 + DemoRandom::Scatter(static_cast<uint64_t>(person), kRange, 24,
                                                         DemoRandom::Mix(seed));
  std::string bsn = Digits(block, 7) + "00";
  int sum = 0;
  for (size_t i = 0; i < 7; ++i) sum += (9 - static_cast<int>(i)) * (bsn[i] - '0');
  // 11-proef: sum of weights 9..2 minus the last digit is a multiple of 11.
  // A remainder of 10 has no check digit; the eighth digit 1 (weight 2)
  // turns it into 1. The check digit then depends on the block only.
  if (sum % 11 == 10) {
    bsn[7] = '1';
    sum += 2;
  }
  bsn[8] = static_cast<char>('0' + sum % 11);
  return bsn;
}

std::string VNumber(int64_t person, uint64_t seed) {
  constexpr uint64_t kRange = 10'000'000'000ULL;
  return Digits(
      DemoRandom::Scatter(static_cast<uint64_t>(person), kRange, 34, DemoRandom::Mix(seed + 1)),
      10);
}

enum class Shape { kSingle, kCouple, kCoupleWithChildren, kSingleParent };

// The route dates of those who arrive together.
struct Arrival {
  Date permit;
  std::optional<Date> koppeling;
  Date housing;
};

// A birth date that makes the person exactly `age` on `on`.
Date BornAged(Date on, int age, DemoRandom& rng) {
  return on.AddMonths(-12 * age).AddDays(-rng.Between(0, 364));
}

// Builds one household from its own random stream (seed, household index),
// so its draws depend only on the seed and its position in the run; its BSNs
// and V-nummers continue the run's person counter. Used once.
class HouseholdMaker {
 public:
  HouseholdMaker(const DemoOptions& options, const DemoTenant& tenant, int tenant_index,
                 int64_t household, int64_t& persons)
      : options_(options),
        tenant_(tenant),
        tenant_index_(tenant_index),
        rng_(options.seed, static_cast<uint64_t>(household) + 1),
        persons_(persons),
        origin_(demo::Origins()[rng_.WeightedBy(demo::Origins(),
                                                [](const Origin& o) { return o.weight; })]) {}

  DemoHousehold Make();

 private:
  Date Today() const { return options_.today; }
  int Age(std::span<const AgeBand> bands) {
    const AgeBand& b = bands[rng_.WeightedBy(bands, [](const AgeBand& a) { return a.weight; })];
    return rng_.Between(b.lo, b.hi);
  }
  std::string GivenName(Sex sex) {
    const auto& names = sex == Sex::kMale ? origin_.male_names : origin_.female_names;
    std::string given(rng_.Pick(names));
    // Double given names ("Mohammed Ali") are common where family names are.
    if (origin_.naming == demo::Naming::kFamilyName && rng_.Chance(100)) {
      std::string_view second = rng_.Pick(names);
      // append(), not " " + ...: GCC 12 -O3 warns falsely (-Wrestrict) on that.
      if (given != second) given.append(" ").append(second);
    }
    return given;
  }
  // A family name as a newcomer's own father passes it on.
  std::string FathersName() {
    return std::string(origin_.naming == demo::Naming::kPatronymic
                           ? rng_.Pick(origin_.male_names)
                           : rng_.Pick(origin_.family_names));
  }
  // The family name a father gives his children.
  std::string NameFromFather(const PersonData& father) const {
    if (origin_.naming == demo::Naming::kFamilyName) return father.family_name;
    return father.given_names.substr(0, father.given_names.find(' '));
  }

  Arrival FirstArrival(Date housing);
  Arrival LateArrival(Date housing, Date sponsor_permit);
  Address MakeAddress();
  void Add(HouseholdRole role, Sex sex, Date birth, std::string given, std::string family,
           const std::optional<Arrival>& arrival, bool reunification);
  void FillProfile(PersonData& p, bool born_here);
  std::vector<int> Organisations(const std::vector<PersonData>& persons, Date housing);
  // Begeleider and vrijwilliger assignments and the partners' sharing bases.
  void AssignStaff(DemoHousehold& h, Date housing);

  const DemoOptions& options_;
  const DemoTenant& tenant_;
  int tenant_index_;
  DemoRandom rng_;
  int64_t& persons_;
  const Origin& origin_;
  std::string home_language_;
  Address address_;
  std::vector<PersonData> persons_out_;
};

Arrival HouseholdMaker::FirstArrival(Date housing) {
  // Permit, then COA links the person to the municipality within weeks, then
  // the key handover once a home is found (together 3 weeks to 7 months).
  const int gap = rng_.Between(20, 200);
  Arrival a{housing.AddDays(-gap), std::nullopt, housing};
  if (rng_.Chance(970)) a.koppeling = a.permit.AddDays(rng_.Between(0, std::min(gap, 42)));
  return a;
}

Arrival HouseholdMaker::LateArrival(Date housing, Date sponsor_permit) {
  // Nareizigers get their permit after the sponsor's and move straight into
  // the family home, usually without a COA koppeling.
  Date permit = std::max(housing.AddDays(-rng_.Between(10, 120)), sponsor_permit.AddDays(30));
  permit = std::min(permit, housing);
  Arrival a{permit, std::nullopt, housing};
  if (rng_.Chance(250))
    a.koppeling = permit.AddDays(rng_.Between(0, housing.days() - permit.days()));
  return a;
}

Address HouseholdMaker::MakeAddress() {
  const DemoKern& kern =
      tenant_.kernen[rng_.WeightedBy(tenant_.kernen, [](const DemoKern& k) { return k.weight; })];
  const auto street = static_cast<size_t>(rng_.Below(kern.streets.size()));
  const int number = rng_.Between(1, 160);
  Address a;
  a.street = kern.streets[street];
  a.house_number = std::to_string(number);
  if (rng_.Chance(120)) {
    constexpr std::array<std::string_view, 5> kAdditions = {"A", "B", "-1", "-2", "-3"};
    a.house_number += rng_.Pick(kAdditions);
  }
  // The postal code is a function of the street and a block of numbers, so
  // neighbours share it as they do in reality.
  const int area = kern.postal_area + static_cast<int>((street + static_cast<size_t>(number / 50)) %
                                                       static_cast<size_t>(kern.postal_span));
  const uint64_t h = DemoRandom::Mix(options_.seed ^ (static_cast<uint64_t>(tenant_index_) << 40) ^
                                     (static_cast<uint64_t>(area) << 20) ^ (street << 8) ^
                                     static_cast<uint64_t>(number / 16));
  constexpr std::string_view kLetters = "ABCDEGHJKLMNPRSTVWXZ";
  char first = kLetters[h % kLetters.size()];
  char second = kLetters[(h >> 16) % kLetters.size()];
  if (first == 'S' && (second == 'A' || second == 'D' || second == 'S'))
    second = 'T';  // not issued
  a.postal_code = std::to_string(area) + " " + first + second;
  a.city = tenant_.data.name;
  a.kern = kern.name;
  a.wijk = rng_.Pick(kern.wijken);
  return a;
}

void HouseholdMaker::Add(HouseholdRole role, Sex sex, Date birth, std::string given,
                         std::string family, const std::optional<Arrival>& arrival,
                         bool reunification) {
  PersonData& p = persons_out_.emplace_back();
  const int64_t number = persons_++;
  p.given_names = std::move(given);
  p.family_name = std::move(family);
  p.birth_date = birth;
  p.sex = sex;
  p.nationality = std::string(origin_.nationality);
  p.role = role;
  p.family_reunification = reunification;
  p.address = address_;
  const bool born_here = !arrival;
  if (arrival) {
    // A baby born in the AZC after the permit: no route date before birth.
    p.permit_date = std::max(arrival->permit, birth);
    if (arrival->koppeling) p.koppeling_date = std::max(*arrival->koppeling, *p.permit_date);
    p.housing_date = arrival->housing;
  } else if (birth.AddDays(20) <= Today()) {
    p.permit_date = std::min(birth.AddDays(rng_.Between(20, 150)), Today());
  }
  // Registration in the BRP can lag a recent arrival by a few weeks.
  const bool recent = p.housing_date && p.housing_date->AddDays(30) > Today();
  if (born_here || rng_.Chance(recent ? 500 : 960)) p.bsn = Bsn(number, options_.seed);
  if (rng_.Chance(born_here ? 700 : 950)) p.v_number = VNumber(number, options_.seed);
  FillProfile(p, born_here);
  NormalisePerson(p);
}

void HouseholdMaker::FillProfile(PersonData& p, bool born_here) {
  const int age = AgeOn(p.birth_date, Today());
  const Date here_since = p.housing_date.value_or(p.birth_date);
  const int years_here = AgeOn(here_since, Today());

  // Languages: the home language (a partner sometimes has another), extra
  // languages for adults, Dutch for children after a year at school here.
  std::string first = home_language_;
  if (p.role == HouseholdRole::kPartner || p.role == HouseholdRole::kLateArrival)
    if (rng_.Chance(120))
      first =
          origin_
              .first_languages[rng_.WeightedBy(
                  origin_.first_languages, [](const demo::LanguageShare& l) { return l.weight; })]
              .code;
  p.languages = {first};
  if (age >= 16)
    for (const demo::LanguageShare& extra : origin_.extra_languages)
      if (extra.code != first && rng_.Chance(extra.weight)) p.languages.emplace_back(extra.code);
  if ((age >= 4 && age < 18 && (years_here >= 1 || born_here)) ||
      (age >= 18 && years_here >= 2 && rng_.Chance(350)))
    p.languages.emplace_back("nl");

  // Literacy and highest completed education.
  if (age < 4) {
    p.literacy = Literacy::kNo;
    p.highest_education = Education::kNone;
  } else if (age < 12) {
    constexpr std::array<int, 3> kYoung = {10, 30, 60}, kSchool = {75, 20, 5};
    p.literacy = static_cast<Literacy>(rng_.Weighted(age < 6 ? kYoung : kSchool));
    p.highest_education = Education::kNone;
  } else if (age < 18) {
    constexpr std::array<int, 3> kTeen = {85, 12, 3};
    p.literacy = static_cast<Literacy>(rng_.Weighted(kTeen));
    constexpr std::array<int, 7> kTeenEducation = {20, 60, 10, 0, 0, 0, 10};
    p.highest_education = static_cast<Education>(rng_.Weighted(kTeenEducation));
  } else {
    p.highest_education = static_cast<Education>(rng_.Weighted(origin_.education));
    constexpr std::array<int, 3> kUnschooled = {20, 30, 50}, kSchooled = {96, 4, 0};
    const bool low =
        p.highest_education == Education::kPrimary || p.highest_education == Education::kUnknown;
    p.literacy = static_cast<Literacy>(rng_.Weighted(p.highest_education == Education::kNone
                                                         ? std::span<const int>(kUnschooled)
                                                     : low ? std::span<const int>(origin_.literacy)
                                                           : std::span<const int>(kSchooled)));
  }

  // Inburgeringsplicht from the age on arrival (Wet inburgering: 18 up to
  // the AOW age of 67); a few exemptions, which always carry a reason.
  const int age_on_arrival = AgeOn(p.birth_date, p.housing_date.value_or(Today()));
  if (age_on_arrival < 18 || age_on_arrival >= 67) {
    p.inburgeringsplicht = InburgeringPlicht::kNo;
  } else if (age_on_arrival >= 64 && rng_.Chance(500)) {
    p.inburgeringsplicht = InburgeringPlicht::kExempt;
    p.exemption_reason = "Ontheffing: bereikt de AOW-leeftijd binnen de inburgeringstermijn";
  } else if (rng_.Chance(30)) {
    p.inburgeringsplicht = InburgeringPlicht::kExempt;
    p.exemption_reason = std::string(rng_.Pick(demo::MedicalExemptionReasons()));
  } else {
    p.inburgeringsplicht = InburgeringPlicht::kYes;
  }
}

std::vector<int> HouseholdMaker::Organisations(const std::vector<PersonData>& persons,
                                               Date housing) {
  bool preschool = false, primary = false, secondary = false, minors = false, plicht = false;
  for (const PersonData& p : persons) {
    const int age = AgeOn(p.birth_date, Today());
    preschool |= age >= 2 && age <= 3;
    primary |= age >= 4 && age <= 11;
    secondary |= age >= 12 && age <= 17;
    minors |= age < 18;
    plicht |= p.inburgeringsplicht == InburgeringPlicht::kYes;
  }
  std::vector<int> all_of_kind[10];
  for (size_t i = 0; i < tenant_.organisations.size(); ++i)
    all_of_kind[static_cast<size_t>(tenant_.organisations[i].kind)].push_back(static_cast<int>(i));
  const auto& schools = all_of_kind[static_cast<size_t>(OrganisationKind::kSchool)];
  std::vector<int> out;
  auto involve = [&](OrganisationKind kind, int per_mille) {
    const auto& of_kind = all_of_kind[static_cast<size_t>(kind)];
    if (!of_kind.empty() && rng_.Chance(per_mille)) out.push_back(rng_.Pick(of_kind));
  };
  const int months_here = (Today().days() - housing.days()) / 30;
  involve(OrganisationKind::kGemeente, 1000);
  // Maatschappelijke begeleiding runs 6 to 24 months, then hands over.
  involve(OrganisationKind::kVluchtelingenwerk, months_here <= 24 ? 950 : 350);
  involve(OrganisationKind::kSocialeDienst, 700);
  involve(OrganisationKind::kGgdJgz, minors ? (preschool ? 850 : 600) : 80);
  if (plicht) involve(OrganisationKind::kTaalaanbieder, 850);
  involve(OrganisationKind::kWelzijn, 200);
  involve(OrganisationKind::kVrijwilligersorganisatie, 300);
  if (months_here <= 3) involve(OrganisationKind::kCoa, 600);
  if (primary && schools.size() > 1 && rng_.Chance(950))
    out.push_back(schools[rng_.Below(schools.size() - 1)]);
  if (secondary && !schools.empty() && rng_.Chance(800)) out.push_back(schools.back());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

DemoHousehold HouseholdMaker::Make() {
  home_language_ =
      origin_
          .first_languages[rng_.WeightedBy(origin_.first_languages,
                                           [](const demo::LanguageShare& l) { return l.weight; })]
          .code;
  Shape shape = Shape::kSingle;
  if (!rng_.Chance(origin_.single_per_mille)) {
    constexpr std::array<int, 3> kFamilyShapes = {15, 62, 23};
    constexpr std::array<Shape, 3> kShapes = {Shape::kCouple, Shape::kCoupleWithChildren,
                                              Shape::kSingleParent};
    shape = kShapes[rng_.Weighted(kFamilyShapes)];
  }
  const bool couple = shape == Shape::kCouple || shape == Shape::kCoupleWithChildren;
  const bool with_children = shape == Shape::kCoupleWithChildren || shape == Shape::kSingleParent;

  // Gezinshereniging: the head comes first, partner and children follow
  // two to eighteen months later as nareizigers.
  const int reunion_per_mille = couple ? (with_children ? 400 : 450) : (with_children ? 150 : 0);
  const bool reunification = rng_.Chance(reunion_per_mille);
  const int delay = reunification ? rng_.Between(60, 540) : 0;
  const Date housing = Today().AddDays(-rng_.Between(delay, kHousingWindowDays));
  const Arrival first = FirstArrival(housing);
  std::optional<Arrival> late;
  if (reunification) late = LateArrival(housing.AddDays(delay), first.permit);
  address_ = MakeAddress();
  persons_out_.reserve(8);  // head, partner, five children, one other

  const bool patronymic = origin_.naming == demo::Naming::kPatronymic;
  int head_age = 0;
  Sex head_sex = Sex::kMale;
  switch (shape) {
    case Shape::kSingle:
      head_sex = rng_.Chance(patronymic ? 650 : 780) ? Sex::kMale : Sex::kFemale;
      head_age = Age(demo::SingleAdultAges());
      break;
    case Shape::kCouple:
      head_sex = rng_.Chance(880) ? Sex::kMale : Sex::kFemale;
      head_age = Age(demo::CoupleAges());
      break;
    case Shape::kCoupleWithChildren:
      head_sex = rng_.Chance(880) ? Sex::kMale : Sex::kFemale;
      head_age = Age(demo::ParentAges());
      break;
    case Shape::kSingleParent:
      head_sex = rng_.Chance(250) ? Sex::kMale : Sex::kFemale;
      head_age = Age(demo::SingleParentAges());
      break;
  }
  // One draw per statement: the order in which function arguments are
  // evaluated differs between compilers, and so would the population.
  const std::string head_family = FathersName();
  const Date head_birth = BornAged(housing, head_age, rng_);
  Add(HouseholdRole::kHead, head_sex, head_birth, GivenName(head_sex), head_family, first, false);

  if (couple) {
    const Sex sex = head_sex == Sex::kMale ? Sex::kFemale : Sex::kMale;
    const int age =
        std::max(19, head_age + (sex == Sex::kFemale ? -rng_.Between(0, 8) : rng_.Between(0, 6)));
    const bool takes_name = origin_.naming == demo::Naming::kFamilyName &&
                            origin_.wife_takes_family_name && sex == Sex::kFemale;
    const HouseholdRole role =
        late && rng_.Chance(500) ? HouseholdRole::kLateArrival : HouseholdRole::kPartner;
    const Date birth = BornAged(housing, age, rng_);
    const std::string family = takes_name ? head_family : FathersName();
    Add(role, sex, birth, GivenName(sex), family, late ? late : first, late.has_value());
  }

  if (with_children) {
    const PersonData& head = persons_out_.front();
    const PersonData* partner = couple ? &persons_out_[1] : nullptr;
    const PersonData* father = head.sex == Sex::kMale                             ? &head
                               : partner != nullptr && partner->sex == Sex::kMale ? partner
                                                                                  : nullptr;
    std::string family = father != nullptr                 ? NameFromFather(*father)
                         : !patronymic && rng_.Chance(300) ? head.family_name
                                                           : FathersName();
    // Every child is at least 18 years younger than the younger parent.
    const Date younger =
        partner != nullptr ? std::max(head.birth_date, partner->birth_date) : head.birth_date;
    const int younger_age = AgeOn(younger, housing);
    const Arrival& group = late ? *late : first;
    Date birth = younger.AddMonths(12 * rng_.Between(18, std::clamp(younger_age, 18, 30)))
                     .AddDays(rng_.Between(0, 300));
    const int count = 1 + static_cast<int>(rng_.Weighted(demo::ChildCountWeights()));
    int added = 0;
    for (int c = 0; c < count && birth <= Today(); ++c) {
      if (AgeOn(birth, housing) <= 21) {  // older children have left home
        const Sex sex = rng_.Chance(510) ? Sex::kMale : Sex::kFemale;
        const bool born_here = birth > group.housing;
        Add(HouseholdRole::kChild, sex, birth, GivenName(sex), family,
            born_here ? std::nullopt : std::optional<Arrival>(group), late && !born_here);
        ++added;
      }
      birth = birth.AddMonths(rng_.Between(15, 48)).AddDays(rng_.Between(0, 27));
    }
    if (added == 0) {
      const Date earliest = younger.AddMonths(12 * 18);
      const Date born = earliest.AddDays(rng_.Between(0, housing.days() - earliest.days()));
      const Sex sex = rng_.Chance(510) ? Sex::kMale : Sex::kFemale;
      Add(HouseholdRole::kChild, sex, born, GivenName(sex), family, group, late.has_value());
    }
  }

  // Now and then a parent or a brother or sister of the head lives along.
  if (shape != Shape::kSingle && rng_.Chance(40)) {
    if (head_age >= 35 && rng_.Chance(600)) {
      const Sex sex = rng_.Chance(650) ? Sex::kFemale : Sex::kMale;
      const int age = std::min(88, head_age + rng_.Between(20, 32));
      // The head's father passes on the head's family name (or, with
      // patronymic names, is the name).
      std::string given = GivenName(sex), family = FathersName();
      if (sex == Sex::kMale) {
        if (patronymic)
          given = head_family;
        else
          family = head_family;
      }
      const Date birth = BornAged(housing, age, rng_);
      Add(HouseholdRole::kOther, sex, birth, given, family, first, false);
    } else {
      const Sex sex = rng_.Chance(500) ? Sex::kFemale : Sex::kMale;
      const int age = std::clamp(head_age + rng_.Between(-6, 6), 18, 80);
      const Date birth = BornAged(housing, age, rng_);
      Add(HouseholdRole::kOther, sex, birth, GivenName(sex), head_family, first, false);
    }
  }

  DemoHousehold h;
  h.tenant_index = tenant_index_;
  h.data.name = persons_out_.front().family_name;
  h.regisseur_user_index = rng_.Between(1, tenant_.regisseurs) - 1;
  h.involved_organisation_indices = Organisations(persons_out_, housing);
  h.persons = std::move(persons_out_);
  AssignStaff(h, housing);
  return h;
}

void HouseholdMaker::AssignStaff(DemoHousehold& h, Date housing) {
  std::vector<int> of_role[kRoleCount];
  for (size_t i = 0; i < tenant_.users.size(); ++i)
    for (Role r : tenant_.users[i].roles.Values())
      of_role[static_cast<size_t>(r)].push_back(static_cast<int>(i));
  const auto& begeleiders = of_role[static_cast<size_t>(Role::kBegeleider)];
  const auto& vrijwilligers = of_role[static_cast<size_t>(Role::kVrijwilliger)];
  // Most households get maatschappelijke begeleiding in their first years;
  // about a third a volunteer buddy (taalmaatje).
  if (!begeleiders.empty() && rng_.Chance(850))
    h.begeleider_user_indices.push_back(rng_.Pick(begeleiders));
  if (!vrijwilligers.empty() && rng_.Chance(330))
    h.vrijwilliger_user_indices.push_back(rng_.Pick(vrijwilligers));

  // Partners see what a basis gives them: the GGD health data of the family
  // with consent, the language provider the inburgering data of those
  // obliged under its legal task.
  for (int org : h.involved_organisation_indices) {
    const OrganisationKind kind = tenant_.organisations[static_cast<size_t>(org)].kind;
    for (size_t i = 0; i < h.persons.size(); ++i) {
      const PersonData& p = h.persons[i];
      const Date from =
          std::min(Today(), p.housing_date.value_or(housing).AddDays(rng_.Between(3, 60)));
      if (kind == OrganisationKind::kGgdJgz && rng_.Chance(700)) {
        CategorySet c{DataCategory::kBasis, DataCategory::kGezondheid};
        if (AgeOn(p.birth_date, Today()) < 18) c.Add(DataCategory::kJeugd);
        h.bases.push_back({static_cast<int>(i), org, c, LegalBasis::kToestemming,
                           "Gezondheidszorg en jeugdgezondheidszorg", from});
      } else if (kind == OrganisationKind::kTaalaanbieder &&
                 p.inburgeringsplicht == InburgeringPlicht::kYes) {
        h.bases.push_back(
            {static_cast<int>(i),
             org,
             {DataCategory::kBasis, DataCategory::kContact, DataCategory::kInburgering},
             LegalBasis::kWettelijkeTaak,
             "Uitvoering inburgering (Wi2021)",
             from});
      }
    }
  }
}

}  // namespace

DemoGenerator::DemoGenerator(const DemoOptions& options) : options_(options) {
  options_.households = std::clamp<int64_t>(options_.households, 0, kMaxHouseholds);
  options_.tenants = std::clamp(options_.tenants, 1, kMaxTenants);
  tenants_ = demo::BuildTenants(options_.seed, options_.tenants);
  demo::SpreadHouseholds(tenants_, options_.households);
  // About one case director per 40 households, as the seeds' caseloads go.
  for (DemoTenant& t : tenants_) {
    t.regisseurs = static_cast<int>(std::clamp<int64_t>(t.households / 40 + 1, 1, 60));
    demo::AddUsers(t);
  }
}

std::optional<DemoHousehold> DemoGenerator::Next() {
  if (produced_ >= options_.households) return std::nullopt;
  // The tenants' shares sum to `households`, so this stays in range.
  while (produced_in_tenant_ >= tenants_[tenant_cursor_].households) {
    ++tenant_cursor_;
    produced_in_tenant_ = 0;
  }
  HouseholdMaker maker(options_, tenants_[tenant_cursor_], static_cast<int>(tenant_cursor_),
                       produced_, persons_);
  ++produced_;
  ++produced_in_tenant_;
  return maker.Make();
}

}  // namespace regie::core
