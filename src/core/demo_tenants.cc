#include "core/demo_tenants.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "core/demo_data.h"
#include "core/demo_random.h"

namespace regie::core::demo {
namespace {

struct KernSpec {
  std::string name;
  int weight = 1;
  int postal_area = 1000;
  int postal_span = 1;
  std::vector<std::string> wijken;  // empty: `wijk_count` drawn from the pool
  int wijk_count = 1;
  int street_count = 12;
};

struct TenantSpec {
  std::string code;
  std::string name;
  int64_t inhabitants = 0;
  std::string vluchtelingenwerk;
  std::string sociale_dienst;
  std::string ggd;
  std::vector<std::string> taalaanbieders;
  std::string welzijn;
  std::string vrijwilligers;
  std::string coa;
  std::vector<KernSpec> kernen;
};

// The seed municipalities with their CBS codes, approximate sizes and the
// villages and chain partners their policy documents name (Drechtsteden
// social service, Ferm Werk, Welzijn Woerden, Omnivera, Landstede, Enoch).
// The wijken of Hardinxveld-Giessendam are the ones in its 2016 note.
std::vector<TenantSpec> SeedSpecs() {
  std::vector<TenantSpec> specs;
  specs.push_back({"GM0523",
                   "Hardinxveld-Giessendam",
                   18'700,
                   "VluchtelingenWerk Zuidwest Nederland",
                   "Sociale Dienst Drechtsteden",
                   "Dienst Gezondheid & Jeugd Zuid-Holland Zuid",
                   {"Taalcentrum Drechtsteden"},
                   "Stichting Omnivera",
                   "Taalmaatjes Hardinxveld-Giessendam",
                   "COA azc Dordrecht",
                   {{"Hardinxveld", 53, 3371, 1, {"Boven-Hardinxveld", "De Peulen"}, 2, 20},
                    {"Neder-Hardinxveld", 23, 3372, 1, {"Wielwijk"}, 1, 14},
                    {"Giessendam", 24, 3373, 1, {"Giessendam-West", "Giessendam-Oost"}, 2, 16}}});
  specs.push_back({"GM0148",
                   "Dalfsen",
                   29'000,
                   "VluchtelingenWerk Oost Nederland",
                   "Werkplein Dalfsen",
                   "GGD IJsselland",
                   {"Landstede", "Enoch"},
                   "Welzijn Dalfsen",
                   "Maatjesproject Dalfsen",
                   "COA azc Zwolle",
                   {{"Dalfsen", 45, 7721, 1, {}, 3, 22},
                    {"Nieuwleusen", 30, 7711, 1, {}, 2, 18},
                    {"Lemelerveld", 15, 8152, 1, {"Lemelerveld"}, 1, 12},
                    {"Hoonhorst", 5, 7722, 1, {"Hoonhorst"}, 1, 6},
                    {"Oudleusen", 5, 7723, 1, {"Oudleusen"}, 1, 6}}});
  specs.push_back({"GM0632",
                   "Woerden",
                   53'000,
                   "VluchtelingenWerk Midden Nederland",
                   "Ferm Werk",
                   "GGD regio Utrecht",
                   {"Taalhuis Woerden", "NT2 Taalinstituut Utrecht-West"},
                   "Welzijn Woerden",
                   "Vrijwilligerscentrale Woerden",
                   "COA azc Utrecht",
                   {{"Woerden", 75, 3441, 6, {}, 7, 40},
                    {"Harmelen", 12, 3481, 1, {}, 2, 14},
                    {"Kamerik", 7, 3471, 1, {"Kamerik"}, 1, 8},
                    {"Zegveld", 6, 3474, 1, {"Zegveld"}, 1, 8}}});
  specs.push_back({"GM0610",
                   "Sliedrecht",
                   25'500,
                   "VluchtelingenWerk Zuidwest Nederland",
                   "Sociale Dienst Drechtsteden",
                   "Dienst Gezondheid & Jeugd Zuid-Holland Zuid",
                   {"Taalcentrum Drechtsteden"},
                   "Welzijn Sliedrecht",
                   "Taalmaatjes Sliedrecht",
                   "COA azc Dordrecht",
                   {{"Sliedrecht", 100, 3361, 4, {}, 6, 36}}});
  return specs;
}

constexpr std::array<std::string_view, 6> kVwnRegions = {
    "Noord Nederland",     "Oost Nederland",     "Midden Nederland",
    "Noordwest Nederland", "Zuidwest Nederland", "Zuid Nederland"};

std::string Capitalised(std::string s) {
  if (s.size() >= 2 && s[0] == 'i' && s[1] == 'j') {
    s[0] = 'I';
    s[1] = 'J';  // Dutch: IJssel, not Ijssel
  } else if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') {
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
  }
  return s;
}

// A Dutch-sounding made-up place name: stem + suffix ("Lindebroek"),
// sometimes with a prefix ("Nieuw-Markdam", "Ter Veenhorst").
std::string PlaceName(DemoRandom& rng) {
  std::string_view stem = rng.Pick(PlaceStems());
  std::string_view suffix = rng.Pick(PlaceSuffixes());
  while (suffix.substr(0, std::min(suffix.size(), stem.size())) == stem)
    suffix = rng.Pick(PlaceSuffixes());
  std::string name = Capitalised(std::string(stem) + std::string(suffix));
  std::string_view prefix = rng.Pick(PlacePrefixes());
  if (prefix.empty()) return name;
  return std::string(prefix) + (prefix == "Ter" ? " " : "-") + name;
}

// Sizes are drawn from buckets (integer arithmetic only, for determinism)
// shaped like the Dutch municipalities: most 10,000-80,000, a few cities.
int64_t Inhabitants(DemoRandom& rng) {
  constexpr std::array<int, 7> kWeights = {25, 80, 120, 70, 30, 12, 5};
  constexpr std::array<std::pair<int, int>, 7> kBounds = {{{3'000, 10'000},
                                                           {10'000, 20'000},
                                                           {20'000, 40'000},
                                                           {40'000, 80'000},
                                                           {80'000, 160'000},
                                                           {160'000, 400'000},
                                                           {400'000, 900'000}}};
  const auto [lo, hi] = kBounds[rng.Weighted(kWeights)];
  return rng.Between(lo, hi);
}

TenantSpec SyntheticSpec(int index, DemoRandom& rng, std::set<std::string>& used_names) {
  TenantSpec spec;
  spec.code = "GM" + std::to_string(9000 + index - 3);  // index 4 -> GM9001
  std::string main = PlaceName(rng);
  while (used_names.count(main) != 0) main = PlaceName(rng);
  spec.inhabitants = Inhabitants(rng);

  // Postal areas: ten consecutive ones per tenant, the main kern first.
  const int area = 1000 + (index * 97 % 880) * 10;
  const int main_span = static_cast<int>(std::clamp<int64_t>(spec.inhabitants / 30'000 + 1, 1, 5));
  const int main_wijken =
      static_cast<int>(std::clamp<int64_t>(spec.inhabitants / 12'000 + 2, 2, 10));
  const int main_streets = static_cast<int>(std::clamp<int64_t>(spec.inhabitants / 2'000, 14, 45));
  spec.kernen.push_back({main, 60, area, main_span, {}, main_wijken, main_streets});

  // Smaller municipalities are often mergers of villages; some carry two
  // names, as Hardinxveld-Giessendam does.
  const int villages = spec.inhabitants > 120'000 ? rng.Between(0, 1) : rng.Between(0, 4);
  std::set<std::string> kern_names = {main};
  for (int v = 0; v < villages; ++v) {
    std::string village = PlaceName(rng);
    if (!kern_names.insert(village).second) continue;
    const int weight = rng.Between(4, 25);
    const bool bigger = weight >= 18;
    spec.kernen.push_back({village, weight, area + main_span + v, 1,
                           bigger ? std::vector<std::string>{} : std::vector<std::string>{village},
                           bigger ? 2 : 1, rng.Between(6, 16)});
  }
  spec.name = main;
  if (spec.kernen.size() >= 2 && rng.Chance(150)) spec.name = main + "-" + spec.kernen[1].name;
  // append(), not "-" + ...: GCC 12 -O3 warns falsely (-Wrestrict) on that.
  while (used_names.count(spec.name) != 0) spec.name.append("-").append(PlaceName(rng));
  used_names.insert(spec.name);

  const std::string region(rng.Pick(kVwnRegions));
  spec.vluchtelingenwerk = "VluchtelingenWerk " + region;
  constexpr std::array<std::string_view, 3> kSocial = {"Sociale Dienst ", "Werkplein ",
                                                       "Team Werk en Inkomen "};
  spec.sociale_dienst = std::string(rng.Pick(kSocial)) + spec.name;
  spec.ggd = "GGD regio " + PlaceName(rng);
  spec.taalaanbieders = {"Taalcentrum " + main};
  if (spec.inhabitants > 60'000) spec.taalaanbieders.push_back("NT2 Taalschool " + PlaceName(rng));
  spec.welzijn = (rng.Chance(500) ? "Welzijn " : "Stichting Welzijn ") + spec.name;
  spec.vrijwilligers = (rng.Chance(500) ? "Taalmaatjes " : "Vrijwilligerspunt ") + spec.name;
  spec.coa = "COA azc " + PlaceName(rng);
  return spec;
}

template <typename T>
void Shuffle(std::vector<T>& v, DemoRandom& rng) {
  for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.Below(i)]);
}

DemoTenant MakeTenant(TenantSpec spec, DemoRandom& rng) {
  DemoTenant t;
  t.data = {spec.code, spec.name};
  t.inhabitants = spec.inhabitants;
  auto add = [&t](std::string name, OrganisationKind kind) {
    t.organisations.push_back({std::move(name), kind});
  };
  add("Gemeente " + spec.name, OrganisationKind::kGemeente);
  add(spec.vluchtelingenwerk, OrganisationKind::kVluchtelingenwerk);
  add(spec.sociale_dienst, OrganisationKind::kSocialeDienst);
  add(spec.ggd, OrganisationKind::kGgdJgz);
  for (std::string& name : spec.taalaanbieders) add(name, OrganisationKind::kTaalaanbieder);
  add(spec.welzijn, OrganisationKind::kWelzijn);
  add(spec.vrijwilligers, OrganisationKind::kVrijwilligersorganisatie);
  add(spec.coa, OrganisationKind::kCoa);
  const int primary_schools =
      static_cast<int>(std::clamp<int64_t>(spec.inhabitants / 15'000 + 1, 1, 4));
  std::vector<std::string_view> schools(SchoolNames().begin(), SchoolNames().end());
  Shuffle(schools, rng);
  constexpr std::array<std::string_view, 3> kSchoolKinds = {"Basisschool ", "OBS ", "CBS "};
  for (int s = 0; s < primary_schools; ++s)
    add(std::string(rng.Pick(kSchoolKinds)) + std::string(schools[static_cast<size_t>(s)]),
        OrganisationKind::kSchool);
  add("ISK " + spec.name, OrganisationKind::kSchool);  // last school: see DemoTenant

  // Wijk names are unique within the municipality, so a filter on a wijk
  // never mixes two villages: the main kern takes distinct names from the
  // pool, a larger village is split by compass direction ("Nieuwleusen-Zuid").
  std::vector<std::string_view> wijk_pool(WijkNames().begin(), WijkNames().end());
  Shuffle(wijk_pool, rng);
  constexpr std::array<std::string_view, 5> kDirections = {"-Noord", "-Zuid", "-Oost", "-West",
                                                           "-Centrum"};
  for (KernSpec& k : spec.kernen) {
    const bool main_kern = &k == &spec.kernen.front();
    DemoKern kern{k.name, std::move(k.wijken), {}, k.postal_area, k.postal_span, k.weight};
    for (auto w = kern.wijken.size(); w < static_cast<size_t>(k.wijk_count); ++w) {
      kern.wijken.push_back(main_kern ? std::string(wijk_pool[w % wijk_pool.size()])
                                      : k.name + std::string(kDirections[w % kDirections.size()]));
    }
    std::vector<std::string_view> streets(StreetNames().begin(), StreetNames().end());
    Shuffle(streets, rng);
    streets.resize(std::min(streets.size(), static_cast<size_t>(k.street_count)));
    for (std::string_view s : streets) kern.streets.emplace_back(s);
    t.kernen.push_back(std::move(kern));
  }
  return t;
}

}  // namespace

std::vector<DemoTenant> BuildTenants(uint64_t seed, int count) {
  count = std::clamp(count, 1, DemoGenerator::kMaxTenants);
  // Stream 0 of the seed: the households use streams 1, 2, ...
  DemoRandom rng(seed, 0);
  std::vector<TenantSpec> specs = SeedSpecs();
  specs.resize(std::min(specs.size(), static_cast<size_t>(count)));
  std::set<std::string> used_names;
  for (const TenantSpec& s : specs) used_names.insert(s.name);
  for (int i = static_cast<int>(specs.size()); i < count; ++i)
    specs.push_back(SyntheticSpec(i, rng, used_names));

  std::vector<DemoTenant> tenants;
  tenants.reserve(specs.size());
  for (TenantSpec& s : specs) tenants.push_back(MakeTenant(std::move(s), rng));
  return tenants;
}

void SpreadHouseholds(std::vector<DemoTenant>& tenants, int64_t households) {
  int64_t total = 0;
  for (const DemoTenant& t : tenants) total += t.inhabitants;
  if (tenants.empty() || total <= 0) return;
  // Largest remainder: floor shares first, then one more to the largest
  // fractional parts. households * inhabitants stays far below 2^63 for any
  // run that fits in a database (1e9 * 9e5).
  std::vector<std::pair<int64_t, size_t>> remainders;
  int64_t assigned = 0;
  for (size_t i = 0; i < tenants.size(); ++i) {
    const int64_t scaled = households * tenants[i].inhabitants;
    tenants[i].households = scaled / total;
    assigned += tenants[i].households;
    remainders.emplace_back(scaled % total, i);
  }
  std::sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (size_t r = 0; assigned < households; ++r, ++assigned)
    ++tenants[remainders[r % remainders.size()].second].households;
}

namespace {

constexpr std::array<std::string_view, 24> kStaffGiven = {
    "Anouk", "Bram",   "Chantal", "Daan",  "Eline", "Fatima", "Gert",   "Hanneke",
    "Ilse",  "Jeroen", "Karim",   "Linda", "Mark",  "Nadia",  "Olaf",   "Petra",
    "Ruud",  "Saskia", "Tom",     "Uma",   "Vera",  "Wouter", "Yasmin", "Zeynep"};
constexpr std::array<std::string_view, 20> kStaffFamily = {
    "de Vries",    "Jansen", "van Dijk", "Bakker", "Visser",   "Smit",   "Meijer",
    "de Boer",     "Mulder", "de Groot", "Bos",    "Vos",      "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer",  "de Wit", "Dijkstra", "Kaya"};

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The first organisation of `kind`, or the gemeente (index 0).
int FirstOf(const DemoTenant& t, OrganisationKind kind) {
  for (size_t i = 0; i < t.organisations.size(); ++i)
    if (t.organisations[i].kind == kind) return static_cast<int>(i);
  return 0;
}

}  // namespace

void AddUsers(DemoTenant& t) {
  const std::string code = Lower(t.data.code);
  // A stable per-tenant offset, so neighbouring tenants do not repeat names.
  size_t offset = 0;
  for (char c : code) offset = offset * 31 + static_cast<unsigned char>(c);
  size_t n = 0;
  auto add = [&](std::string_view role_code, int number, int org, RoleSet roles) {
    const size_t k = offset + n++;
    std::string name =
        std::string(kStaffGiven[k % kStaffGiven.size()]) + " " +
        std::string(kStaffFamily[(k / kStaffGiven.size() + k) % kStaffFamily.size()]);
    t.users.push_back({std::string(role_code) + std::to_string(number) + "@" + code,
                       std::move(name), org, roles});
  };
  for (int i = 1; i <= t.regisseurs; ++i) add("regisseur", i, 0, {Role::kRegisseur});
  const int begeleiders = static_cast<int>(std::clamp<int64_t>(t.households / 60 + 1, 1, 40));
  const int vwn = FirstOf(t, OrganisationKind::kVluchtelingenwerk);
  for (int i = 1; i <= begeleiders; ++i) add("begeleider", i, vwn, {Role::kBegeleider});
  int partner = 0;
  for (OrganisationKind kind : {OrganisationKind::kGgdJgz, OrganisationKind::kTaalaanbieder,
                                OrganisationKind::kSocialeDienst})
    add("partner", ++partner, FirstOf(t, kind), {Role::kPartner});
  // The ISK (the last school) follows its pupils too.
  for (size_t i = t.organisations.size(); i-- > 0;) {
    if (t.organisations[i].kind == OrganisationKind::kSchool) {
      add("partner", ++partner, static_cast<int>(i), {Role::kPartner});
      break;
    }
  }
  const int vrijwilligers = static_cast<int>(std::clamp<int64_t>(t.households / 50 + 1, 1, 40));
  const int volunteers_org = FirstOf(t, OrganisationKind::kVrijwilligersorganisatie);
  for (int i = 1; i <= vrijwilligers; ++i)
    add("vrijwilliger", i, volunteers_org, {Role::kVrijwilliger});
  add("beleid", 1, 0, {Role::kBeleid});
  add("beheer", 1, 0, {Role::kBeheer});
  add("auditor", 1, 0, {Role::kAuditor});
}

DemoRegionPlan PlanDemoRegion(size_t tenants) {
  DemoRegionPlan plan;
  plan.region = {"DEMO", "Regio Demo (fictief)", RegionKind::kRegio};
  plan.members = std::min(tenants, kDemoRegionMembers);
  // All but the last member share; a region of one shares with itself.
  plan.sharing = plan.members > 1 ? plan.members - 1 : plan.members;
  return plan;
}

}  // namespace regie::core::demo
