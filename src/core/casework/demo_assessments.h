#pragma once

#include <cstdint>
#include <vector>

#include "core/casework/assessment.h"
#include "core/date.h"
#include "core/model.h"

// Synthetic assessments for demo data: what the case workers of a demo
// municipality would have recorded for an adult, so the person page shows
// charts that move. Demo only.
namespace regie::core {

// For an adult (18 or older on the housing date) housed before `today`,
// deterministic in `seed`: for about half of them a ZRM about a month after
// housing and then every six months (at most three), scores starting low
// and mostly improving; a participatieladder assessment every quarter (at
// most four), the rung mostly rising. Ferm Werk outcomes are made where
// the municipality uses the method (DemoFermWerk). Empty for children and
// persons without a housing date.
std::vector<AssessmentData> DemoAssessments(const PersonData& person, Date today, uint64_t seed);

// The Ferm Werk outcome of a person whose diagnosis was finished on
// `date`: A 20%, B 15%, C 45%, D 20% (deterministic in `seed`). The loader
// records it both as assessment and as the `ferm_werk_uitkomst` event.
AssessmentData DemoFermWerk(Date date, uint64_t seed);

}  // namespace regie::core
