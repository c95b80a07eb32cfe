#pragma once

#include <vector>

#include "core/policy/model.h"
#include "core/status.h"

namespace regie::core::policy {

// Checks one pack on its own: every reference resolves to an event, code
// list or milestone the pack itself declares (packs are self-contained, so
// `regie policy check` on one file is meaningful); no cycle (derived events
// that depend on themselves, a milestone whose anchor can only happen once
// the milestone is met); no impossible deadline (zero or negative span, a
// calendar deadline before the pack is valid, validity that ends before it
// starts); every rule cites its source; ids are well-formed and unique.
// Returns every problem found, in pack order; empty means valid.
std::vector<PolicyError> ValidatePack(const Pack& pack);

// Checks packs that are loaded together (all versions of all packs of a
// directory, or the packs a tenant activates): each pack on its own, then
// versions of one pack id must not overlap in validity, must have distinct
// version numbers and the same version anchor; a rule id (milestone,
// cadence, indicator) may not be defined by two different packs; an event
// or code list declared by several packs must be declared alike.
std::vector<PolicyError> ValidatePackSet(const std::vector<Pack>& packs);

// The cross-pack part of ValidatePackSet alone, for packs already validated
// one by one (the loader reports per-file problems first).
std::vector<PolicyError> ValidateAcrossPacks(const std::vector<Pack>& packs);

// InvalidArgument "policy_pack_invalid" with one field error per problem
// (field = "file:line:column", code = the error code); Ok when empty.
Status ErrorsToStatus(const std::vector<PolicyError>& errors);

// True for ids of the form [a-z][a-z0-9_]*(.[a-z0-9_]+)* (rule and event
// ids) or, with `allow_dash`, pack ids such as "nl-wet-inburgering-2021".
bool IsValidPolicyId(std::string_view id, bool allow_dash = false);

}  // namespace regie::core::policy
