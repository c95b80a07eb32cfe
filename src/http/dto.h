#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

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

struct PersonUpdate {
  int64_t version = 0;
  core::PersonData person;
};

// InvalidArgument "invalid_json" unless `body` is one JSON object.
StatusOr<nlohmann::json> ParseObject(std::string_view body);

StatusOr<NewHousehold> ParseNewHousehold(const nlohmann::json& body, core::Date today);
StatusOr<HouseholdUpdate> ParseHouseholdUpdate(const nlohmann::json& body);
StatusOr<ArchiveRequest> ParseArchive(const nlohmann::json& body);
StatusOr<core::PersonData> ParseNewPerson(const nlohmann::json& body, core::Date today);
StatusOr<PersonUpdate> ParsePersonUpdate(const nlohmann::json& body, core::Date today);

nlohmann::json ToJson(const core::Person& person);
nlohmann::json ToJson(const core::HouseholdSummary& summary);
nlohmann::json ToJson(const core::Tenant& tenant);
nlohmann::json ToJson(const core::Organisation& organisation);
nlohmann::json ToJson(const core::Household& household,
                      const std::vector<core::Organisation>& organisations,
                      const std::vector<core::Person>& persons);

// Compact UTF-8 serialisation; invalid UTF-8 is replaced, never thrown on.
std::string Dump(const nlohmann::json& j);

}  // namespace regie::http::dto
