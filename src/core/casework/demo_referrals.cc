#include "core/casework/demo_referrals.h"

#include <array>

namespace regie::core {

std::optional<DemoReferral> DemoReferralFor(int ordinal, int made) {
  if (ordinal < 0 || ordinal % kDemoReferralEvery != 0) return std::nullopt;
  const int n = made;
  if (n < 0 || n >= kDemoReferralsPerTenant) return std::nullopt;
  // One of each state, and a proposal the receiver has let slip past its
  // response date (the worklist shows it as overdue).
  static const std::array<DemoReferral, kDemoReferralsPerTenant> kCases = {{
      {.state = ReferralState::kVoorgesteld, .created_days_ago = 16},
      {.state = ReferralState::kGeaccepteerd,
       .created_days_ago = 20,
       .decided_days_ago = 17,
       .note = "Intake gepland; we nemen contact op met de klant."},
      {.state = ReferralState::kAfgewezen,
       .created_days_ago = 30,
       .decided_days_ago = 26,
       .note = "Wachtlijst tot maart; verwijs bij voorkeur naar de wijkpost."},
      {.state = ReferralState::kAfgerond,
       .created_days_ago = 60,
       .decided_days_ago = 55,
       .completed_days_ago = 12,
       .note = "Overdracht afgerond; dossier ontvangen en besproken."},
      {.state = ReferralState::kIngetrokken,
       .created_days_ago = 9,
       .decided_days_ago = 8,
       .note = "Klant is zelf al aangemeld."},
      {.state = ReferralState::kVoorgesteld, .created_days_ago = 2},
  }};
  return kCases[static_cast<size_t>(n)];
}

std::string DemoReferralReason(const CategorySet& package) {
  if (package.Has(DataCategory::kGezondheid))
    return "Klachten sinds de verhuizing; graag een intake en aansluiting bij een huisarts.";
  if (package.Has(DataCategory::kJeugd))
    return "Overdracht van het JGZ-dossier na de verhuizing naar de gemeente.";
  if (package.Has(DataCategory::kWerkInkomen) || package.Has(DataCategory::kFinancien))
    return "Aanvraag levensonderhoud en afspraken over werk na de huisvesting.";
  if (package.Has(DataCategory::kInburgering))
    return "Start van de inburgering: graag een intake voor de leerroute.";
  return "Warme overdracht na de huisvesting; kennismaking met de klant gewenst.";
}

}  // namespace regie::core
