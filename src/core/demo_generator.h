#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access/access_model.h"
#include "core/date.h"
#include "core/model.h"

namespace regie::core {

struct DemoOptions {
  uint64_t seed = 1;
  int64_t households = 100;  // in total, spread over the tenants; negative counts as 0
  int tenants = 1;           // clamped to [1, DemoGenerator::kMaxTenants]
  Date today;                // reference date: no generated date lies after it
};

// A village core (kern) of a demo municipality with its neighbourhoods and
// streets. Addresses of the kern's households draw from these lists.
struct DemoKern {
  std::string name;
  std::vector<std::string> wijken;
  std::vector<std::string> streets;
  int postal_area = 1000;  // first 4-digit postal area; the kern uses postal_span of them
  int postal_span = 1;
  int weight = 1;  // relative share of the municipality's homes
};

// A synthetic municipality: its organisations and its neighbourhoods. The
// first four are the seed municipalities (Hardinxveld-Giessendam, Dalfsen,
// Woerden, Sliedrecht) with their real CBS codes and villages; the others
// have made-up Dutch-sounding names and codes GM9001 upwards, which no real
// municipality uses.
// A demo staff member. Usernames are "<role><n>@<tenant code>" in lower
// case (e.g. "regisseur1@gm0523"); they all get the published demo password
// and a TOTP seed derived from the username (see regie demo).
struct DemoUser {
  std::string username;
  std::string display_name;
  int organisation_index = 0;  // into DemoTenant::organisations
  RoleSet roles;
};

struct DemoTenant {
  TenantData data;
  // The first is always the gemeente. Schools: the last school is the
  // internationale schakelklas (ISK, ages 12-18), the others primary schools.
  std::vector<OrganisationData> organisations;
  std::vector<DemoKern> kernen;
  int64_t inhabitants = 0;  // synthetic size; households are spread in proportion
  int64_t households = 0;   // households of this run in this tenant
  int regisseurs = 1;       // the first `regisseurs` users are the case directors
  // Staff of every role: regisseurs (gemeente), begeleiders (Vluchtelingenwerk),
  // partners (GGD, language provider, sociale dienst, ISK), vrijwilligers,
  // and one beleid, one beheer and one auditor (gemeente).
  std::vector<DemoUser> users;
};

// A sharing basis the demo records for a person of the household.
struct DemoBasis {
  int person_index = 0;        // into DemoHousehold::persons
  int organisation_index = 0;  // receiving organisation, into DemoTenant::organisations
  CategorySet categories;
  LegalBasis legal_basis = LegalBasis::kToestemming;
  std::string purpose;
  Date given;
};

struct DemoHousehold {
  int tenant_index = 0;
  HouseholdData data;  // regisseur_user_id and involved_organisations left 0/empty; see below
  std::vector<int> involved_organisation_indices;  // into DemoTenant::organisations, sorted
  int regisseur_user_index = 0;                    // into DemoTenant::users
  std::vector<int> begeleider_user_indices;        // into DemoTenant::users
  std::vector<int> vrijwilliger_user_indices;
  std::vector<PersonData> persons;  // the head first
  std::vector<DemoBasis> bases;
};

// Generates a plausible, entirely synthetic population of permit holders:
// nationality mix, families and singles, late family reunification, children
// of school and pre-school age, wijken and kernen named like the seeds'
// villages. Streams households one at a time (all of tenant 0 first, then
// tenant 1, ...) so that 500,000 persons need bounded memory.
//
// Contract: deterministic for (seed, households, tenants, today) on every
// platform (no standard-library distributions); exactly `households`
// households; every person passes ValidatePerson for `today` and is
// normalised (NormalisePerson); BSNs are valid and unique within a run of
// up to kMaxUniqueBsns persons; tenant codes are unique.
class DemoGenerator {
 public:
  static constexpr int kMaxTenants = 1000;
  static constexpr int64_t kMaxUniqueBsns = 9'000'000;

  explicit DemoGenerator(const DemoOptions& options);

  const std::vector<DemoTenant>& tenants() const { return tenants_; }
  // Next household, or nullopt when `households` have been produced.
  std::optional<DemoHousehold> Next();

 private:
  DemoOptions options_;
  std::vector<DemoTenant> tenants_;
  int64_t produced_ = 0;            // households so far, over all tenants
  size_t tenant_cursor_ = 0;        // tenant of the next household
  int64_t produced_in_tenant_ = 0;  // households so far in tenants_[tenant_cursor_]
  int64_t persons_ = 0;             // persons so far; numbers the BSNs and V-nummers
};

}  // namespace regie::core
