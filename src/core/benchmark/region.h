#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/enums.h"
#include "core/status.h"

// Regions for the regional benchmark: a named group of municipalities
// (tenants) that may share aggregated, suppressed indicators with each
// other. Membership is administrative (the CLI or the demo); sharing is
// each member's own decision (opt-in by its beheer role), recorded with
// the date and the user, and withdrawn with immediate effect.
namespace regie::core {

enum class RegionKind { kRegio, kG40 };
template <>
struct EnumTraits<RegionKind> {
  static constexpr std::array<std::pair<RegionKind, std::string_view>, 2> kEntries{{
      {RegionKind::kRegio, "regio"},
      {RegionKind::kG40, "g40"},
  }};
};

struct RegionData {
  std::string code;  // "U16", "DRECHTSTEDEN", "G40": A-Z, 0-9 and '-', 2..32 characters
  std::string name;  // "Regio Utrecht (U16)"
  RegionKind kind = RegionKind::kRegio;
};

struct Region {
  int64_t id = 0;
  RegionData data;
  Timestamp created_at;
};

// One tenant's membership of a region and its sharing decision.
struct RegionMember {
  int64_t region_id = 0;
  int64_t tenant_id = 0;
  std::string tenant_code;  // CBS code, for display
  std::string tenant_name;
  Timestamp joined_at;
  bool sharing = false;  // opted in: its aggregates are shared with the other opted-in members
  // The last sharing decision (none until the first one): when and by whom
  // (0 for the CLI or the demo loader).
  std::optional<Timestamp> decided_at;
  int64_t decided_by = 0;
};

// Field errors "code" ("invalid_format") and "name" ("required",
// "too_long"); InvalidArgument "validation_failed" when any.
Status ValidateRegion(const RegionData& data);

// Regions a tenant belongs to, with its membership.
struct TenantRegion {
  Region region;
  RegionMember membership;
};

}  // namespace regie::core
