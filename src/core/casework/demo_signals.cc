#include "core/casework/demo_signals.h"

#include <array>

namespace regie::core {
namespace {

using C = SignalCategory;
using U = SignalUrgency;
using S = SignalState;

// The cycle of demo cases: every state, two of them overdue (an acuut one
// never acknowledged, a hoog one whose follow-up date has passed).
const std::array<DemoSignal, kDemoSignalsPerTenant>& Cases() {
  static const std::array<DemoSignal, kDemoSignalsPerTenant> kCases = {{
      {C::kGezondheid, U::kHoog, "Heeft al weken hoofdpijn en nog geen huisarts.", 0, 1,
       S::kIngediend, 0, 0, ""},
      {C::kFinancien, U::kNormaal,
       "Er komen brieven van een incassobureau; de huur is twee maanden niet betaald.", 0, 12,
       S::kInBehandeling, 4, 0, ""},
      {C::kSchoolverzuim, U::kHoog,
       "De oudste zoon is deze maand vijf dagen niet op school geweest.", 1, 9, S::kInBehandeling,
       8, 0, ""},
      {C::kPsychisch, U::kAcuut, "Vertelt dat zij niet meer slaapt en zich erg somber voelt.", 0, 3,
       S::kIngediend, 0, 0, ""},
      {C::kAfwezigheidInburgering, U::kNormaal,
       "Is drie lessen achter elkaar niet op de taalles geweest.", 0, 30, S::kAfgehandeld, 28, 20,
       "Gesprek gevoerd: de lessen botsten met werk. Overgestapt naar de avondgroep."},
      {C::kHuisvesting, U::kLaag, "Schimmel in de badkamer; de verhuurder reageert niet.", -1, 6,
       S::kIngediend, 0, 0, ""},
      {C::kOpvoeding, U::kNormaal, "Ouders vragen hulp bij de opvoeding van de jongste.", -1, 20,
       S::kIngetrokken, 0, 18, "Dubbel ingediend: het consultatiebureau heeft het al opgepakt."},
      {C::kOverig, U::kNormaal, "Wil graag een maatje om Nederlands mee te oefenen.", 0, 2,
       S::kIngediend, 0, 0, ""},
  }};
  return kCases;
}

}  // namespace

std::vector<DemoSignal> DemoSignalsFor(int ordinal, size_t person_count) {
  if (ordinal < 0 || ordinal % kDemoSignalEvery != 0) return {};
  const int index = ordinal / kDemoSignalEvery;
  if (index >= kDemoSignalsPerTenant) return {};
  DemoSignal s = Cases()[static_cast<size_t>(index)];
  // A person that the household does not have becomes "the whole household".
  if (s.person_index >= static_cast<int>(person_count)) s.person_index = -1;
  return {s};
}

Timestamp DemoMoment(Date today, int days_ago) {
  constexpr int64_t kDay = 24LL * 3600 * 1'000'000;
  return Timestamp{static_cast<int64_t>(today.AddDays(-days_ago).days()) * kDay +
                   10LL * 3600 * 1'000'000};
}

}  // namespace regie::core
