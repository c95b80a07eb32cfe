#include "core/casework/signal_routing.h"

namespace regie::core {
namespace {

size_t Index(SignalCategory c) { return static_cast<size_t>(c); }

const Organisation* FirstOfKind(const std::vector<Organisation>& orgs, OrganisationKind kind) {
  for (const Organisation& o : orgs)
    if (o.data.kind == kind) return &o;
  return nullptr;
}

}  // namespace

SignalRouting SignalRouting::Defaults() {
  using K = OrganisationKind;
  SignalRouting r;
  r.Assign(SignalCategory::kGezondheid, {K::kGgdJgz});
  r.Assign(SignalCategory::kPsychisch, {K::kGgdJgz});
  r.Assign(SignalCategory::kFinancien, {K::kSocialeDienst, K::kGemeente});
  r.Assign(SignalCategory::kOpvoeding, {K::kGgdJgz, K::kSchool});
  // The sociaal (wijk)team: run by the municipality or a welfare organisation.
  r.Assign(SignalCategory::kHuiselijkGeweld, {K::kGemeente, K::kWelzijn});
  r.Assign(SignalCategory::kSchoolverzuim, {K::kSchool, K::kGgdJgz});
  r.Assign(SignalCategory::kAfwezigheidInburgering, {K::kGemeente});
  r.Assign(SignalCategory::kHuisvesting, {K::kGemeente});
  r.Assign(SignalCategory::kOverig, {});
  return r;
}

void SignalRouting::Assign(SignalCategory category, std::vector<OrganisationKind> kinds) {
  kinds_[Index(category)] = std::move(kinds);
}

const std::vector<OrganisationKind>& SignalRouting::KindsFor(SignalCategory category) const {
  return kinds_[Index(category)];
}

int64_t SignalRouting::Route(SignalCategory category, const std::vector<Organisation>& involved,
                             const std::vector<Organisation>& tenant_organisations,
                             int64_t regisseur_organisation_id) const {
  for (const std::vector<Organisation>* pool : {&involved, &tenant_organisations})
    for (OrganisationKind kind : KindsFor(category))
      if (const Organisation* o = FirstOfKind(*pool, kind)) return o->id;
  return regisseur_organisation_id;
}

}  // namespace regie::core
