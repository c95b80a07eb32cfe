#pragma once

#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/model.h"
#include "core/status.h"

namespace regie::core {

// True when `bsn` is 9 digits that pass the 11-proef (weights 9..2 and -1),
// and is not all zeros.
bool IsValidBsn(std::string_view bsn);

// Dutch postal code "1234 AB" (space optional on input; stored with space).
bool IsValidPostalCode(std::string_view postal_code);

// Checks a person against the domain rules. `today` comes from the injected
// clock; `prefix` is prepended to field names (e.g. "persons/0/").
// Returns the list of failing fields; empty means valid.
std::vector<FieldError> ValidatePerson(const PersonData& person, Date today,
                                       std::string_view prefix = "");

std::vector<FieldError> ValidateHousehold(const HouseholdData& household,
                                          std::string_view prefix = "");

// Normalises a valid person in place: trims names, upper-cases the postal
// code with one space, sorts and de-duplicates languages.
void NormalisePerson(PersonData& person);
void NormaliseHousehold(HouseholdData& household);

// Convenience: an InvalidArgument status with reason "validation_failed".
Status ValidationFailed(std::vector<FieldError> errors);

}  // namespace regie::core
