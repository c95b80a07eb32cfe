#include "core/policy/person.h"

namespace regie::core::policy {

const std::string* PersonFacts::Field(std::string_view name) const {
  for (const CustomField& f : fields)
    if (f.name == name) return &f.value;
  return nullptr;
}

PersonFacts FactsFromPerson(const PersonData& person) {
  PersonFacts facts;
  facts.birth_date = person.birth_date;
  facts.role = person.role;
  facts.inburgeringsplicht = person.inburgeringsplicht;
  facts.exemption_reason = person.exemption_reason;
  facts.literacy = person.literacy;
  facts.family_reunification = person.family_reunification;
  facts.permit_date = person.permit_date;
  facts.koppeling_date = person.koppeling_date;
  facts.housing_date = person.housing_date;
  return facts;
}

}  // namespace regie::core::policy
