#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/field_categories.h"
#include "core/date.h"
#include "core/model.h"
#include "core/status.h"

// JSON <-> core for the /api/v1 resources (docs/api-contract.md). Parsers
// collect every failing field (wrong type, unknown member, domain rule) into
// one "validation_failed" Status, validate against core rules with `today`
// from the injected clock, and normalise what they return. They never throw.
namespace regie::http::dto {

struct NewHousehold {
  core::HouseholdData household;
  std::vector<core::PersonData> persons;  // created with it, in one transaction
};

struct HouseholdUpdate {
  int64_t version = 0;
  core::HouseholdData household;
};

struct ArchiveRequest {
  int64_t version = 0;
  std::string reason;
};

// Reopening an archived household; `handover_returned` confirms that the
// receiver rejected the household's handover.
struct ReopenRequest {
  int64_t version = 0;
  std::string reason;
  bool handover_returned = false;
};

struct PersonUpdate {
  int64_t version = 0;
  core::PersonData person;
};

// InvalidArgument "invalid_json" unless `body` is one JSON object.
StatusOr<nlohmann::json> ParseObject(std::string_view body);

StatusOr<NewHousehold> ParseNewHousehold(const nlohmann::json& body, core::Date today);
StatusOr<HouseholdUpdate> ParseHouseholdUpdate(const nlohmann::json& body);
StatusOr<ArchiveRequest> ParseArchive(const nlohmann::json& body);
StatusOr<ReopenRequest> ParseReopen(const nlohmann::json& body);
StatusOr<core::PersonData> ParseNewPerson(const nlohmann::json& body, core::Date today);
StatusOr<PersonUpdate> ParsePersonUpdate(const nlohmann::json& body, core::Date today);

// What of a person the caller may see: the fields of `categories` (through
// `fields`), and with `names_only` of the basic data only the names. A null
// `fields` shows everything (tools and tests).
struct FieldFilter {
  core::CategorySet categories = core::CategorySet::All();
  bool names_only = false;
  const core::FieldCategories* fields = nullptr;
  bool Shows(std::string_view field) const;
};

nlohmann::json ToJson(const core::Person& person);
// Only the visible fields, plus "visible_categories".
nlohmann::json ToJson(const core::Person& person, const FieldFilter& filter);

// For an update by a caller who may not see every field: the stored
// person's JSON with the request's members laid over it. A member the caller
// may not see is refused (field error "not_allowed"), so hidden data keeps
// its stored value and cannot be overwritten blind.
nlohmann::json OverlayVisible(const nlohmann::json& stored, const nlohmann::json& request,
                              const FieldFilter& filter, std::vector<FieldError>& errors);
nlohmann::json ToJson(const core::HouseholdSummary& summary);
nlohmann::json ToJson(const core::Tenant& tenant);
nlohmann::json ToJson(const core::Organisation& organisation);
// The household with its (already filtered) persons; the handler adds the
// regisseur's name, the assignments and the caller's access.
nlohmann::json ToJson(const core::Household& household,
                      const std::vector<core::Organisation>& organisations, nlohmann::json persons);
nlohmann::json ToJson(const core::SharingBasis& basis);

// Compact UTF-8 serialisation; invalid UTF-8 is replaced, never thrown on.
std::string Dump(const nlohmann::json& j);

}  // namespace regie::http::dto
