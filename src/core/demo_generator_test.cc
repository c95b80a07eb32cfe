#include "core/demo_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/demo_random.h"
#include "core/validation.h"

namespace regie::core {
namespace {

constexpr Date kToday = Date::FromDays(20'779);  // 2026-11-22

DemoOptions Options(uint64_t seed, int64_t households, int tenants) {
  DemoOptions o;
  o.seed = seed;
  o.households = households;
  o.tenants = tenants;
  o.today = kToday;
  return o;
}

std::vector<DemoHousehold> All(DemoGenerator& g) {
  std::vector<DemoHousehold> out;
  while (std::optional<DemoHousehold> h = g.Next()) out.push_back(std::move(*h));
  return out;
}

// Every generated field, in order, hashed (FNV-1a): equal fingerprints mean
// equal output for all practical purposes.
class Fingerprint {
 public:
  void Add(std::string_view s) {
    for (char c : s) Byte(static_cast<unsigned char>(c));
    Byte(0);
  }
  void Add(const std::optional<Date>& d) { Add(d ? d->ToString() : "-"); }
  void Add(const DemoHousehold& h) {
    Add(std::to_string(h.tenant_index));
    Add(h.data.name);
    Add(std::to_string(h.regisseur_user_index));
    for (int i : h.begeleider_user_indices) Add("b" + std::to_string(i));
    for (int i : h.vrijwilliger_user_indices) Add("v" + std::to_string(i));
    for (const DemoBasis& b : h.bases)
      Add(std::to_string(b.person_index) + ":" + std::to_string(b.organisation_index) + ":" +
          b.categories.ToString() + ":" + b.given.ToString());
    for (int i : h.involved_organisation_indices) Add(std::to_string(i));
    for (const PersonData& p : h.persons) {
      for (std::string_view s :
           {std::string_view(p.given_names), std::string_view(p.family_name),
            std::string_view(p.nationality), ToCode(p.sex), ToCode(p.literacy),
            ToCode(p.highest_education), ToCode(p.role), ToCode(p.inburgeringsplicht),
            std::string_view(p.exemption_reason), std::string_view(p.address.street),
            std::string_view(p.address.house_number), std::string_view(p.address.postal_code),
            std::string_view(p.address.wijk), std::string_view(p.address.kern)})
        Add(s);
      for (const std::string& l : p.languages) Add(l);
      Add(p.birth_date);
      Add(p.permit_date);
      Add(p.koppeling_date);
      Add(p.housing_date);
      Add(p.bsn.value_or("-"));
      Add(p.v_number.value_or("-"));
      Add(p.family_reunification ? "nareis" : "");
    }
  }
  uint64_t value() const { return hash_; }

 private:
  void Byte(unsigned char b) {
    hash_ ^= b;
    hash_ *= 0x100000001b3ULL;
  }
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

uint64_t FingerprintOf(const DemoOptions& options) {
  DemoGenerator g(options);
  Fingerprint f;
  for (const DemoTenant& t : g.tenants()) {
    f.Add(t.data.code);
    f.Add(t.data.name);
    for (const OrganisationData& o : t.organisations) f.Add(o.name);
  }
  while (std::optional<DemoHousehold> h = g.Next()) f.Add(*h);
  return f.value();
}

TEST(DemoGeneratorTest, ReferenceDateIsTheOneIntended) {
  EXPECT_EQ(kToday.ToString(), "2026-11-22");
}

TEST(DemoRandomTest, IsSplitMix64) {
  // The first SplitMix64 output for seed 0 in the reference implementation.
  EXPECT_EQ(DemoRandom::Mix(0x9e3779b97f4a7c15ULL), 0xe220a8397b1dcdafULL);
}

TEST(DemoRandomTest, HelpersStayInRange) {
  DemoRandom rng(7);
  std::set<int> seen;
  for (int i = 0; i < 2000; ++i) {
    const int v = rng.Between(-2, 2);
    ASSERT_GE(v, -2);
    ASSERT_LE(v, 2);
    seen.insert(v);
  }
  EXPECT_EQ(seen.size(), 5u);  // both ends are reachable
  const std::vector<int> weights = {0, 3, 0, 1};
  for (int i = 0; i < 1000; ++i) {
    const size_t w = rng.Weighted(weights);
    ASSERT_TRUE(w == 1 || w == 3) << "zero weight chosen: " << w;
  }
}

TEST(DemoRandomTest, ScatterIsAPermutation) {
  for (uint64_t range : {1ULL, 7ULL, 1000ULL, 4096ULL}) {
    std::vector<bool> hit(range, false);
    for (uint64_t n = 0; n < range; ++n) {
      const uint64_t x = DemoRandom::Scatter(n, range, 12, 0x5eed);
      ASSERT_LT(x, range);
      EXPECT_FALSE(hit[x]) << "range " << range << ": " << n << " collides";
      hit[x] = true;
    }
  }
}

TEST(DemoGeneratorTest, SameSeedSameOutputOtherSeedOtherOutput) {
  EXPECT_EQ(FingerprintOf(Options(42, 2000, 5)), FingerprintOf(Options(42, 2000, 5)));
  EXPECT_NE(FingerprintOf(Options(42, 2000, 5)), FingerprintOf(Options(43, 2000, 5)));
}

TEST(DemoGeneratorTest, OutputIsPinned) {
  // The generator uses no standard-library distributions and never draws
  // twice within one expression (argument order differs between compilers),
  // so this value is the same with GCC and Clang, on every platform. Update
  // it only when the generator is changed on purpose.
  EXPECT_EQ(FingerprintOf(Options(7, 500, 3)), 799689960891681904ULL);
}

TEST(DemoGeneratorTest, ProducesExactlyTheRequestedNumberOfHouseholds) {
  DemoGenerator g(Options(3, 1234, 7));
  int64_t spread = 0;
  for (const DemoTenant& t : g.tenants()) spread += t.households;
  EXPECT_EQ(spread, 1234);
  EXPECT_EQ(All(g).size(), 1234u);
  EXPECT_FALSE(g.Next().has_value());

  DemoGenerator empty(Options(3, 0, 4));
  EXPECT_FALSE(empty.Next().has_value());
}

TEST(DemoGeneratorTest, TenantsStartWithTheSeedMunicipalitiesAndAreUnique) {
  DemoGenerator g(Options(1, 10, 342));
  const std::vector<DemoTenant>& tenants = g.tenants();
  ASSERT_EQ(tenants.size(), 342u);
  EXPECT_EQ(tenants[0].data.code, "GM0523");
  EXPECT_EQ(tenants[0].data.name, "Hardinxveld-Giessendam");
  EXPECT_EQ(tenants[1].data.name, "Dalfsen");
  EXPECT_EQ(tenants[2].data.name, "Woerden");
  EXPECT_EQ(tenants[3].data.name, "Sliedrecht");
  std::vector<std::string> dalfsen_kernen;
  for (const DemoKern& k : tenants[1].kernen) dalfsen_kernen.push_back(k.name);
  EXPECT_EQ(dalfsen_kernen, (std::vector<std::string>{"Dalfsen", "Nieuwleusen", "Lemelerveld",
                                                      "Hoonhorst", "Oudleusen"}));

  std::set<std::string> codes, names;
  for (const DemoTenant& t : tenants) {
    EXPECT_TRUE(codes.insert(t.data.code).second) << "duplicate code " << t.data.code;
    EXPECT_TRUE(names.insert(t.data.name).second) << "duplicate name " << t.data.name;
    ASSERT_EQ(t.data.code.size(), 6u);
    EXPECT_EQ(t.data.code.substr(0, 2), "GM");
    EXPECT_TRUE(std::all_of(t.data.code.begin() + 2, t.data.code.end(),
                            [](char c) { return c >= '0' && c <= '9'; }));
    ASSERT_FALSE(t.organisations.empty());
    EXPECT_EQ(t.organisations.front().kind, OrganisationKind::kGemeente);
    EXPECT_EQ(t.organisations.front().name, "Gemeente " + t.data.name);
    std::set<OrganisationKind> kinds;
    for (const OrganisationData& o : t.organisations) kinds.insert(o.kind);
    EXPECT_EQ(kinds.size(), 9u) << t.data.name << ": every kind but 'other'";
    ASSERT_FALSE(t.kernen.empty());
    std::set<std::string> wijken;
    for (const DemoKern& k : t.kernen) {
      EXPECT_FALSE(k.streets.empty());
      for (const std::string& w : k.wijken)
        EXPECT_TRUE(wijken.insert(w).second) << t.data.name << ": duplicate wijk " << w;
    }
  }
}

TEST(DemoGeneratorTest, HouseholdsFollowTenantSize) {
  DemoGenerator g(Options(5, 100'000, 342));
  const std::vector<DemoTenant>& t = g.tenants();
  for (size_t i = 0; i < t.size(); ++i)
    for (size_t j = 0; j < t.size(); ++j)
      if (t[i].inhabitants > t[j].inhabitants) {
        ASSERT_GE(t[i].households, t[j].households);
      }
}

// One pass over a large run (342 tenants as in the Netherlands), shared by
// the checks below.
class DemoPopulationTest : public ::testing::Test {
 protected:
  struct Run {
    std::vector<DemoTenant> tenants;
    std::vector<DemoHousehold> households;
  };
  static const Run& LargeRun() {
    static const Run kRun = [] {
      DemoGenerator g(Options(20'260'101, 20'000, 342));
      Run run{g.tenants(), All(g)};
      return run;
    }();
    return kRun;
  }
  static const std::vector<DemoHousehold>& households() { return LargeRun().households; }
  static const std::vector<DemoTenant>& tenants() { return LargeRun().tenants; }
};

TEST_F(DemoPopulationTest, EveryPersonAndHouseholdIsValid) {
  ASSERT_EQ(households().size(), 20'000u);
  for (const DemoHousehold& h : households()) {
    HouseholdData data = h.data;
    data.regisseur_user_id = 1;  // the loader fills in the created user's id
    EXPECT_TRUE(ValidateHousehold(data).empty()) << h.data.name;
    ASSERT_FALSE(h.persons.empty());
    for (const PersonData& p : h.persons) {
      PersonData normalised = p;
      NormalisePerson(normalised);
      EXPECT_EQ(normalised.languages, p.languages);
      EXPECT_EQ(normalised.address.postal_code, p.address.postal_code);
      const std::vector<FieldError> errors = ValidatePerson(p, kToday);
      EXPECT_TRUE(errors.empty()) << p.given_names << " " << p.family_name << ": "
                                  << errors.front().field << " " << errors.front().code;
      for (const std::optional<Date>& d : {p.permit_date, p.koppeling_date, p.housing_date})
        if (d) {
          EXPECT_LE(*d, kToday);
        }
      EXPECT_LE(p.birth_date, kToday);
      if (p.permit_date && p.koppeling_date) {
        EXPECT_LE(*p.permit_date, *p.koppeling_date);
      }
      if (p.koppeling_date && p.housing_date) {
        EXPECT_LE(*p.koppeling_date, *p.housing_date);
      }
    }
  }
}

TEST_F(DemoPopulationTest, BsnsAreValidAndUniqueAndMostPersonsHaveOne) {
  std::set<std::string> bsns;
  size_t persons = 0, v_numbers = 0;
  for (const DemoHousehold& h : households()) {
    for (const PersonData& p : h.persons) {
      ++persons;
      if (p.v_number) ++v_numbers;
      if (!p.bsn) continue;
      EXPECT_TRUE(IsValidBsn(*p.bsn)) << *p.bsn;
      EXPECT_TRUE(bsns.insert(*p.bsn).second) << "duplicate BSN " << *p.bsn;
    }
  }
  EXPECT_GT(bsns.size(), persons * 9 / 10);
  EXPECT_LT(bsns.size(), persons);  // a few are not registered yet
  EXPECT_GT(v_numbers, persons * 9 / 10);
}

TEST_F(DemoPopulationTest, HouseholdsAreWellFormed) {
  int last_tenant = 0;
  for (const DemoHousehold& h : households()) {
    ASSERT_GE(h.tenant_index, last_tenant) << "households come tenant by tenant";
    last_tenant = h.tenant_index;
    const DemoTenant& t = tenants()[static_cast<size_t>(h.tenant_index)];
    EXPECT_EQ(h.persons.front().role, HouseholdRole::kHead);
    EXPECT_EQ(std::count_if(h.persons.begin(), h.persons.end(),
                            [](const PersonData& p) { return p.role == HouseholdRole::kHead; }),
              1);
    EXPECT_EQ(h.data.name, h.persons.front().family_name);
    ASSERT_GE(h.regisseur_user_index, 0);
    ASSERT_LT(h.regisseur_user_index, static_cast<int>(t.users.size()));
    EXPECT_TRUE(t.users[static_cast<size_t>(h.regisseur_user_index)].roles.Has(Role::kRegisseur));
    for (int b : h.begeleider_user_indices)
      EXPECT_TRUE(t.users[static_cast<size_t>(b)].roles.Has(Role::kBegeleider));
    for (int v : h.vrijwilliger_user_indices)
      EXPECT_TRUE(t.users[static_cast<size_t>(v)].roles.Has(Role::kVrijwilliger));
    for (const DemoBasis& b : h.bases) {
      ASSERT_LT(static_cast<size_t>(b.person_index), h.persons.size());
      EXPECT_TRUE(std::binary_search(h.involved_organisation_indices.begin(),
                                     h.involved_organisation_indices.end(), b.organisation_index))
          << "bases go to involved organisations only";
      EXPECT_LE(b.given, Options(1, 1, 1).today);
    }
    EXPECT_TRUE(h.data.involved_organisations.empty());
    ASSERT_FALSE(h.involved_organisation_indices.empty());
    EXPECT_EQ(h.involved_organisation_indices.front(), 0) << "the gemeente is always involved";
    EXPECT_TRUE(std::is_sorted(h.involved_organisation_indices.begin(),
                               h.involved_organisation_indices.end()));
    for (int i : h.involved_organisation_indices) {
      EXPECT_GE(i, 0);
      EXPECT_LT(i, static_cast<int>(t.organisations.size()));
    }
    for (const PersonData& p : h.persons) {
      EXPECT_EQ(p.address.city, t.data.name);
      EXPECT_FALSE(p.address.postal_code.empty());
      const auto kern = std::find_if(t.kernen.begin(), t.kernen.end(),
                                     [&p](const DemoKern& k) { return k.name == p.address.kern; });
      ASSERT_NE(kern, t.kernen.end()) << p.address.kern;
      EXPECT_NE(std::find(kern->wijken.begin(), kern->wijken.end(), p.address.wijk),
                kern->wijken.end());
    }
  }
  EXPECT_EQ(households().back().tenant_index, 341);
}

TEST_F(DemoPopulationTest, ChildrenAreAtLeastEighteenYearsYoungerThanTheirParents) {
  for (const DemoHousehold& h : households()) {
    for (const PersonData& child : h.persons) {
      if (child.role != HouseholdRole::kChild) continue;
      for (const PersonData& parent : h.persons) {
        // A partner who came later is registered as nareiziger.
        const bool is_parent = parent.role == HouseholdRole::kHead ||
                               parent.role == HouseholdRole::kPartner ||
                               parent.role == HouseholdRole::kLateArrival;
        if (is_parent) {
          EXPECT_GE(AgeOn(parent.birth_date, child.birth_date), 18) << h.data.name;
        }
      }
    }
  }
}

TEST_F(DemoPopulationTest, LooksLikeAPermitHolderPopulation) {
  std::map<std::string, int> nationality;
  int persons = 0, singles = 0, preschool = 0, school_age = 0, adults_plicht = 0, adults = 0,
      minors_without_plicht = 0, minors = 0, exempt = 0, reunited = 0, later_housed = 0,
      born_here = 0;
  for (const DemoHousehold& h : households()) {
    if (h.persons.size() == 1) ++singles;
    const PersonData& head = h.persons.front();
    for (const PersonData& p : h.persons) {
      ++persons;
      ++nationality[p.nationality];
      const int age = AgeOn(p.birth_date, kToday);
      preschool += age >= 2 && age <= 4;
      school_age += age >= 5 && age <= 17;
      if (age < 18) {
        ++minors;
        minors_without_plicht += p.inburgeringsplicht == InburgeringPlicht::kNo;
      }
      if (age >= 21 && age <= 60) {  // 18-67 on arrival, whatever the arrival date
        ++adults;
        adults_plicht += p.inburgeringsplicht == InburgeringPlicht::kYes;
      }
      if (p.inburgeringsplicht == InburgeringPlicht::kExempt) {
        ++exempt;
        EXPECT_FALSE(p.exemption_reason.empty());
      }
      if (p.family_reunification) {
        ++reunited;
        ASSERT_TRUE(p.housing_date && head.housing_date);
        later_housed += *p.housing_date > *head.housing_date;
      }
      born_here += !p.housing_date;
    }
  }
  const auto largest =
      std::max_element(nationality.begin(), nationality.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
  EXPECT_EQ(largest->first, "SY");
  EXPECT_GT(nationality["ER"], nationality["IQ"]);
  EXPECT_GT(nationality["AF"], nationality["SO"]);

  const double per_household = static_cast<double>(persons) / 20'000.0;
  EXPECT_GT(per_household, 2.0);
  EXPECT_LT(per_household, 3.3);
  EXPECT_GT(singles, 20'000 * 35 / 100);
  EXPECT_LT(singles, 20'000 * 60 / 100);
  EXPECT_GT(preschool, persons / 50);
  EXPECT_GT(school_age, persons / 8);
  EXPECT_GT(adults_plicht, adults * 85 / 100);
  EXPECT_GT(minors_without_plicht, minors * 95 / 100);
  EXPECT_GT(exempt, 0);
  EXPECT_GT(reunited, persons / 20);
  EXPECT_EQ(later_housed, reunited) << "nareizigers are housed after the head";
  EXPECT_GT(born_here, 0);
}

}  // namespace
namespace {

TEST(DemoUsersTest, EveryTenantHasStaffOfEveryRoleWithUniqueNames) {
  DemoGenerator g(Options(3, 3000, 12));
  std::set<std::string> usernames;
  for (const DemoTenant& t : g.tenants()) {
    RoleSet seen;
    for (const DemoUser& u : t.users) {
      EXPECT_TRUE(usernames.insert(u.username).second) << u.username;
      EXPECT_FALSE(u.display_name.empty());
      ASSERT_LT(static_cast<size_t>(u.organisation_index), t.organisations.size());
      seen = seen.Union(u.roles);
    }
    EXPECT_EQ(seen, RoleSet::All()) << t.data.code;
    EXPECT_TRUE(t.users.front().roles.Has(Role::kRegisseur));
  }
  EXPECT_EQ(g.tenants().front().users.front().username, "regisseur1@gm0523");
}

}  // namespace
}  // namespace regie::core
