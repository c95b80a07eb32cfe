#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/casework/signal.h"
#include "core/model.h"

namespace regie::core {

// Where a signal goes by default: for each category the organisation kinds
// that handle it, in order of preference (configuration; Defaults() follows
// the usual Dutch chain: health and parenting to GGD/JGZ, debts to the
// social service, domestic violence to the municipality's social team,
// absence from inburgering and housing to the municipality). A category
// with no kinds goes to the regisseur's organisation.
class SignalRouting {
 public:
  static SignalRouting Defaults();

  void Assign(SignalCategory category, std::vector<OrganisationKind> kinds);
  const std::vector<OrganisationKind>& KindsFor(SignalCategory category) const;

  // The organisation a new signal of `category` is routed to: the first
  // organisation of a preferred kind among the household's involved
  // organisations (kinds in preference order), then among the tenant's
  // organisations (in the order given), else the regisseur's organisation.
  int64_t Route(SignalCategory category, const std::vector<Organisation>& involved,
                const std::vector<Organisation>& tenant_organisations,
                int64_t regisseur_organisation_id) const;

 private:
  std::array<std::vector<OrganisationKind>, 9> kinds_;
};

}  // namespace regie::core
