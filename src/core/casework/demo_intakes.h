#pragma once

#include <cstdint>
#include <optional>

#include "core/casework/intake.h"
#include "core/date.h"
#include "core/model.h"

// A synthetic broad intake for demo data: what a regisseur and the
// maatschappelijke begeleiding would have recorded for an adult in the
// first weeks after housing, so the person page shows a filled intake.
// Demo only.
namespace regie::core {

// For about two thirds of the adults (18 or older on the intake date)
// housed at least two weeks before `today`, deterministic in `seed`: an
// intake 10-40 days after housing with a few life domains, education,
// work history, Dutch language levels, availability, the health screening
// and, for some, NOA results. Participants are the loader's (it knows the
// users); the content is valid under ValidateIntake.
std::optional<IntakeContent> DemoIntake(const PersonData& person, Date today, uint64_t seed);

}  // namespace regie::core
