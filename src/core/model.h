#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/enums.h"

namespace regie::core {

// A municipality. Every household, person and local organisation belongs to
// exactly one tenant; no query crosses tenants.
struct TenantData {
  std::string code;  // CBS municipality code, e.g. "GM0505"
  std::string name;
};
struct Tenant {
  int64_t id = 0;
  TenantData data;
};

struct OrganisationData {
  std::string name;
  OrganisationKind kind = OrganisationKind::kOther;
};
struct Organisation {
  int64_t id = 0;
  int64_t tenant_id = 0;  // home municipality
  OrganisationData data;
  // True when it also serves other tenants (a regional Vluchtelingenwerk,
  // GGD or language provider); see OrganisationRepository::AddServedTenant.
  bool regional = false;
};

struct Address {
  std::string street;
  std::string house_number;
  std::string postal_code;  // Dutch "1234 AB"
  std::string city;         // woonplaats
  std::string wijk;         // neighbourhood
  std::string kern;         // village core, as the seed municipalities use
};

// The editable part of a person. Optional fields are absent when unknown.
struct PersonData {
  std::string given_names;
  std::string family_name;
  Date birth_date;
  Sex sex = Sex::kUnknown;
  std::string nationality;             // ISO 3166-1 alpha-2, "XX" for stateless/unknown
  std::vector<std::string> languages;  // ISO 639-1, or ISO 639-3 where no 639-1 code exists
  Literacy literacy = Literacy::kYes;
  Education highest_education = Education::kUnknown;
  std::optional<std::string> bsn;       // 9 digits, passes the 11-proef
  std::optional<std::string> v_number;  // COA V-nummer, 10 digits
  std::optional<Date> permit_date;      // verblijfsvergunning
  std::optional<Date> koppeling_date;   // COA links the person to this municipality
  std::optional<Date> housing_date;     // sleuteluitgifte: day 0 in the municipality
  Address address;
  HouseholdRole role = HouseholdRole::kHead;
  bool family_reunification = false;  // arrived through gezinshereniging
  InburgeringPlicht inburgeringsplicht = InburgeringPlicht::kYes;
  std::string exemption_reason;  // required when vrijgesteld, empty otherwise
};

struct Person {
  int64_t id = 0;
  int64_t tenant_id = 0;
  int64_t household_id = 0;
  int64_t version = 1;  // optimistic concurrency: bumps on every change
  PersonData data;
  Timestamp created_at;
  Timestamp updated_at;
};

// The editable part of a household: "one household, one plan, one director".
struct HouseholdData {
  std::string name;                             // how staff refer to it, usually the family name
  int64_t regisseur_user_id = 0;                // the one case director (a user)
  std::vector<int64_t> involved_organisations;  // sorted, unique
};

struct Household {
  int64_t id = 0;
  int64_t tenant_id = 0;
  int64_t version = 1;
  HouseholdData data;
  bool archived = false;
  std::optional<Timestamp> archived_at;
  std::string archive_reason;
  Timestamp created_at;
  Timestamp updated_at;
};

// One row of the household list: enough to recognise and open it.
struct HouseholdSummary {
  int64_t id = 0;
  int64_t version = 1;
  std::string name;
  int64_t regisseur_user_id = 0;
  std::string regisseur_name;  // the regisseur's display name
  int member_count = 0;
  std::string wijk;  // of the head of household (or first member)
  std::string kern;
  std::optional<Date> housing_date;  // earliest housing date of its members
  bool archived = false;
};

}  // namespace regie::core
