// Household list, create (with its persons), read, update and archive.
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/text.h"
#include "http/dto.h"
#include "http/handlers.h"

namespace regie::http {
namespace {

using nlohmann::json;

constexpr int kMaxLimit = 200;

std::string HouseholdLocation(int64_t tenant_id, int64_t household_id) {
  return std::string(kApiPrefix) + "/tenants/" + std::to_string(tenant_id) + "/households/" +
         std::to_string(household_id);
}

StatusOr<ports::HouseholdQuery> ParseListQuery(int64_t tenant_id, std::string_view query) {
  ports::HouseholdQuery q;
  q.tenant_id = tenant_id;
  REGIE_ASSIGN_OR_RETURN(auto params, ParseQuery(query));
  std::vector<FieldError> errors;
  for (auto& [name, value] : params) {
    if (name == "q" || name == "wijk" || name == "kern") {
      if (value.empty()) continue;
      if (!core::IsCleanText(value)) {
        errors.push_back({name, "invalid_text"});
        continue;
      }
      (name == "q" ? q.text : name == "wijk" ? q.wijk : q.kern) = std::move(value);
    } else if (name == "housed_from" || name == "housed_to") {
      if (value.empty()) continue;
      std::optional<core::Date> d = core::Date::Parse(value);
      if (!d)
        errors.push_back({name, "invalid_date"});
      else
        (name == "housed_from" ? q.housed_from : q.housed_to) = d;
    } else if (name == "include_archived") {
      if (value == "true")
        q.include_archived = true;
      else if (value == "false")
        q.include_archived = false;
      else
        errors.push_back({name, "invalid_boolean"});
    } else if (name == "limit") {
      std::optional<int64_t> n = ParseId(value);
      if (!n && value != "0")
        errors.push_back({name, "invalid_number"});
      else if (!n || *n > kMaxLimit)
        errors.push_back({name, "out_of_range"});
      else
        q.limit = static_cast<int>(*n);
    } else if (name == "after") {
      if (!value.empty()) q.after = std::move(value);
    }
    // Other parameters (e.g. cache busters) are ignored.
  }
  if (!errors.empty())
    return InvalidArgument("bad_request", "invalid query parameters", std::move(errors));
  return q;
}

StatusOr<ApiResponse> List(ports::Database& db, const ApiRequest& request) {
  REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
  REGIE_ASSIGN_OR_RETURN(ports::HouseholdQuery query, ParseListQuery(tenant_id, request.query));
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kRead));
  REGIE_ASSIGN_OR_RETURN(ports::HouseholdPage page, tx->Households().List(query));
  // An empty page is only an answer for a tenant that exists.
  if (page.items.empty()) REGIE_RETURN_IF_ERROR(tx->Tenants().Get(tenant_id).status());
  json items = json::array();
  for (const core::HouseholdSummary& s : page.items) items.push_back(dto::ToJson(s));
  json body = {{"items", std::move(items)}, {"next", page.next ? json(*page.next) : json(nullptr)}};
  return JsonResponse(200, dto::Dump(body));
}

// The full household representation, read inside `tx`.
StatusOr<json> HouseholdJson(ports::Transaction& tx, const core::Household& household) {
  std::vector<core::Organisation> orgs;
  orgs.reserve(household.data.involved_organisations.size());
  for (int64_t org_id : household.data.involved_organisations) {
    REGIE_ASSIGN_OR_RETURN(core::Organisation org,
                           tx.Organisations().Get(household.tenant_id, org_id));
    orgs.push_back(std::move(org));
  }
  REGIE_ASSIGN_OR_RETURN(std::vector<core::Person> persons,
                         tx.Persons().ListByHousehold(household.tenant_id, household.id));
  return dto::ToJson(household, orgs, persons);
}

StatusOr<ApiResponse> Create(ports::Database& db, const ports::Clock& clock,
                             const ApiRequest& request) {
  REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
  REGIE_RETURN_IF_ERROR(RequireJson(request));
  REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
  REGIE_ASSIGN_OR_RETURN(dto::NewHousehold input, dto::ParseNewHousehold(body, clock.Today()));
  const core::Timestamp now = clock.Now();
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
  REGIE_ASSIGN_OR_RETURN(core::Household household,
                         tx->Households().Create(tenant_id, input.household, now));
  for (size_t i = 0; i < input.persons.size(); ++i) {
    StatusOr<core::Person> person =
        tx->Persons().Create(tenant_id, household.id, input.persons[i], now);
    // Returning drops the uncommitted transaction: nothing of this request stays.
    if (!person.ok())
      return PrefixFieldErrors(person.status(), "persons/" + std::to_string(i) + "/");
  }
  REGIE_ASSIGN_OR_RETURN(json out, HouseholdJson(*tx, household));
  REGIE_RETURN_IF_ERROR(tx->Commit());
  return JsonResponse(201, dto::Dump(out), HouseholdLocation(tenant_id, household.id));
}

StatusOr<ApiResponse> Get(ports::Database& db, const ApiRequest& request) {
  REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
  REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kRead));
  REGIE_ASSIGN_OR_RETURN(core::Household household, tx->Households().Get(tenant_id, household_id));
  REGIE_ASSIGN_OR_RETURN(json out, HouseholdJson(*tx, household));
  return JsonResponse(200, dto::Dump(out));
}

StatusOr<ApiResponse> Update(ports::Database& db, const ports::Clock& clock,
                             const ApiRequest& request) {
  REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
  REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
  REGIE_RETURN_IF_ERROR(RequireJson(request));
  REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
  REGIE_ASSIGN_OR_RETURN(dto::HouseholdUpdate input, dto::ParseHouseholdUpdate(body));
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
  REGIE_ASSIGN_OR_RETURN(core::Household household,
                         tx->Households().Update(tenant_id, household_id, input.version,
                                                 input.household, clock.Now()));
  REGIE_ASSIGN_OR_RETURN(json out, HouseholdJson(*tx, household));
  REGIE_RETURN_IF_ERROR(tx->Commit());
  return JsonResponse(200, dto::Dump(out));
}

StatusOr<ApiResponse> Archive(ports::Database& db, const ports::Clock& clock,
                              const ApiRequest& request) {
  REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
  REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
  REGIE_RETURN_IF_ERROR(RequireJson(request));
  REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
  REGIE_ASSIGN_OR_RETURN(dto::ArchiveRequest input, dto::ParseArchive(body));
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
  REGIE_ASSIGN_OR_RETURN(
      core::Household household,
      tx->Households().Archive(tenant_id, household_id, input.version, input.reason, clock.Now()));
  REGIE_ASSIGN_OR_RETURN(json out, HouseholdJson(*tx, household));
  REGIE_RETURN_IF_ERROR(tx->Commit());
  return JsonResponse(200, dto::Dump(out));
}

}  // namespace

void AddHouseholdRoutes(Router& router, ports::Database& db, const ports::Clock& clock) {
  const std::string base = "/api/v1/tenants/{tenantId}/households";
  const std::string one = base + "/{householdId}";
  router.Add(Verb::get, base, [&db](const ApiRequest& r) { return List(db, r); });
  router.Add(Verb::post, base, [&db, &clock](const ApiRequest& r) { return Create(db, clock, r); });
  router.Add(Verb::get, one, [&db](const ApiRequest& r) { return Get(db, r); });
  router.Add(Verb::put, one, [&db, &clock](const ApiRequest& r) { return Update(db, clock, r); });
  router.Add(Verb::post, one + "/archive",
             [&db, &clock](const ApiRequest& r) { return Archive(db, clock, r); });
}

}  // namespace regie::http
