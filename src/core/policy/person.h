#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/enums.h"
#include "core/model.h"

namespace regie::core::policy {

// A custom fact a rule can test (`fields = [{ field = "trede", in = ["5"] }]`).
struct CustomField {
  std::string name;
  std::string value;
};

// What the engine knows about a person besides recorded events. Filled from
// core::PersonData (FactsFromPerson) plus whatever the caller derives (the
// learning route from the PIP, custom fields from the plan). Leerplicht is
// not a fact: the engine derives it from the age on the anchor date.
struct PersonFacts {
  Date birth_date;
  HouseholdRole role = HouseholdRole::kHead;
  InburgeringPlicht inburgeringsplicht = InburgeringPlicht::kYes;
  std::string exemption_reason;  // why vrijgesteld, when it is
  Literacy literacy = Literacy::kYes;
  bool family_reunification = false;
  std::string learning_route;  // code of the pack's "leerroute" list; empty = not yet known
  std::vector<CustomField> fields;
  // Dates of the person record that packs map to events (person_field).
  std::optional<Date> permit_date;
  std::optional<Date> koppeling_date;
  std::optional<Date> housing_date;

  const std::string* Field(std::string_view name) const;
};

PersonFacts FactsFromPerson(const PersonData& person);

// A dated event as recorded for a person (storage, the API, `policy eval`).
// `value` for integer events (ladder rung, hours per week), `code` for code
// events (learning route, Ferm Werk outcome), `reason` for exemptions and
// extensions. Events no active pack declares are kept and reported, never
// dropped: a later pack may know them.
struct PersonEvent {
  std::string event;
  Date date;
  std::optional<int32_t> value;
  std::string code;
  std::string reason;
};

}  // namespace regie::core::policy
