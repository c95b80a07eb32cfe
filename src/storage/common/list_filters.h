#pragma once

#include "core/access/access_model.h"
#include "ports/repositories.h"

// What the household list may match a household on, per relationship, so a
// filter never tells a user what the relationship does not let him see
// (docs/access.md). Both adapters build one branch per relationship; a
// branch whose relationship cannot see a filtered field returns nothing,
// and its text search looks only at what it can see.
namespace regie::storage {

struct BranchFilters {
  bool member_names = true;  // the text matches members' names, not only the household's
  bool address = true;       // wijk and kern
  bool housing = true;       // housing date
};

// A partner sees per person only what sharing bases give its organisation
// (maybe not even a name), so it matches the household's name only; a
// volunteer sees names and contact data, not the housing date. The list
// shows the same (http's SummaryFor).
inline BranchFilters FiltersOf(core::Relationship rel) {
  switch (rel) {
    case core::Relationship::kPartner:
      return {.member_names = false, .address = false, .housing = false};
    case core::Relationship::kVrijwilliger:
      return {.member_names = true, .address = true, .housing = false};
    default:
      return {};
  }
}

// Whether every filter of `q` is on something the branch can see.
inline bool BranchAnswers(const ports::HouseholdQuery& q, const BranchFilters& f) {
  if (!f.address && (q.wijk || q.kern)) return false;
  if (!f.housing && (q.housed_from || q.housed_to)) return false;
  return true;
}

}  // namespace regie::storage
