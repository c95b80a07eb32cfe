#pragma once

#include <algorithm>
#include <array>
#include <cstdint>

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

// Relationships in the order core::DecideHousehold tries them; a
// household's rank is its index + 1, so min() over the branches that
// return it picks the strongest.
inline constexpr std::array kRanked = {
    core::Relationship::kRegisseur, core::Relationship::kBegeleider, core::Relationship::kPartner,
    core::Relationship::kVrijwilliger, core::Relationship::kBreakGlass};

// One flag per rank: which branches a list statement has.
using RankFlags = std::array<bool, kRanked.size()>;

// The relationships the user's roles allow (none without visibility).
inline RankFlags VisibleRanks(const ports::HouseholdQuery& q) {
  if (!q.visible_to) return {};
  const ports::ListVisibility& v = *q.visible_to;
  return {v.as_regisseur, v.as_begeleider, v.as_partner, v.as_vrijwilliger, v.break_glass};
}

// Those of `visible` whose relationship can see every filter of `q`.
inline RankFlags AnsweringRanks(const ports::HouseholdQuery& q, const RankFlags& visible) {
  RankFlags out{};
  for (size_t i = 0; i < kRanked.size(); ++i)
    out[i] = visible[i] && BranchAnswers(q, FiltersOf(kRanked[i]));
  return out;
}

inline bool Any(const RankFlags& flags) {
  return std::any_of(flags.begin(), flags.end(), [](bool b) { return b; });
}

// The relationship of a rank (kNone outside 1..kRanked.size()).
inline core::Relationship FromRank(int64_t rank) {
  if (rank < 1 || rank > static_cast<int64_t>(kRanked.size())) return core::Relationship::kNone;
  return kRanked[static_cast<size_t>(rank - 1)];
}

}  // namespace regie::storage
