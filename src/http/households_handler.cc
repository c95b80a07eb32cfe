// Household list, create (with its persons), read, update and archive.
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/text.h"
#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/handover_service.h"
#include "http/household_read_cache.h"
#include "http/household_view.h"
#include "http/users_support.h"

namespace regie::http {
namespace {

using nlohmann::json;

constexpr int kMaxLimit = 200;
// Entries of the list/detail cache: about one list page and a handful of
// households per active user; a body is a few kilobytes.
constexpr size_t kCachedReads = 8192;

std::string HouseholdLocation(int64_t tenant_id, int64_t household_id) {
  return std::string(kApiPrefix) + "/tenants/" + std::to_string(tenant_id) + "/households/" +
         std::to_string(household_id);
}

constexpr int kSearchAllLimit = 10;
constexpr size_t kSearchAllMinQuery = 3;

struct ListRequest {
  ports::HouseholdQuery query;
  bool scope_all = false;  // break-the-glass search over the whole tenant
};

StatusOr<ListRequest> ParseListQuery(int64_t tenant_id, std::string_view query) {
  ListRequest out;
  ports::HouseholdQuery& q = out.query;
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
    } else if (name == "scope") {
      if (value == "all")
        out.scope_all = true;
      else if (value != "mine")
        errors.push_back({name, "invalid_enum"});
    } else if (name == "after") {
      if (!value.empty()) q.after = std::move(value);
    }
    // Other parameters (e.g. cache busters) are ignored.
  }
  if (out.scope_all && (!q.text || core::SearchKey(*q.text).size() < kSearchAllMinQuery))
    errors.push_back({"q", "too_short"});
  // Outside one's relationships only names may be searched: a filter on
  // where or since when a household lives would tell that of a household
  // the caller has no relationship with.
  if (out.scope_all) {
    if (q.wijk) errors.push_back({"wijk", "not_allowed"});
    if (q.kern) errors.push_back({"kern", "not_allowed"});
    if (q.housed_from) errors.push_back({"housed_from", "not_allowed"});
    if (q.housed_to) errors.push_back({"housed_to", "not_allowed"});
  }
  if (!errors.empty())
    return InvalidArgument("bad_request", "invalid query parameters", std::move(errors));
  return out;
}

// The summary fields each relationship may see in a list (the list cannot
// load every row's sharing bases): partners see which households involve
// them, volunteers where their households live.
json SummaryFor(const ports::HouseholdListItem& item) {
  json j = dto::ToJson(item.summary);
  j["relationship"] = core::ToCode(item.relationship);
  switch (item.relationship) {
    case core::Relationship::kPartner:
      j.erase("wijk");
      j.erase("kern");
      j.erase("housing_date");
      break;
    case core::Relationship::kVrijwilliger:
      j.erase("housing_date");
      break;
    default:
      break;
  }
  return j;
}

// Filtering on what one may not see would leak it: a partner who filters by
// wijk learns where households live. Only roles that see addresses (contact)
// filter by wijk or kern, only roles that see basic data by housing date.
Status CheckFilters(const core::Principal& p, const ports::HouseholdQuery& q) {
  const bool sees_all = p.Has(core::Role::kRegisseur) || p.Has(core::Role::kBegeleider);
  const bool sees_contact = sees_all || p.Has(core::Role::kVrijwilliger);
  std::vector<FieldError> errors;
  if (!sees_contact && q.wijk) errors.push_back({"wijk", "not_allowed"});
  if (!sees_contact && q.kern) errors.push_back({"kern", "not_allowed"});
  if (!sees_all && q.housed_from) errors.push_back({"housed_from", "not_allowed"});
  if (!sees_all && q.housed_to) errors.push_back({"housed_to", "not_allowed"});
  if (!errors.empty())
    return InvalidArgument("bad_request", "filter on data the caller may not see",
                           std::move(errors));
  return Status::Ok();
}

class HouseholdHandlers {
 public:
  explicit HouseholdHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> List(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(ListRequest list, ParseListQuery(tenant_id, request.query));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    const core::Principal& p = caller.principal;
    REGIE_RETURN_IF_ERROR(CheckFilters(p, list.query));
    if (list.scope_all) {
      // Searching outside one's relationships is what break-the-glass
      // needs first; only names come back, and the search is logged.
      if (!p.Has(core::Role::kRegisseur) && !p.Has(core::Role::kPartner)) {
        REGIE_RETURN_IF_ERROR(
            RequireRole(ctx_, caller, core::Role::kRegisseur, tenant_id, "search", "household"));
      }
      list.query.limit = kSearchAllLimit;
      list.query.after.reset();
    } else {
      list.query.visible_to = ports::ListVisibility{
          .user_id = p.user_id,
          .organisation_id = p.organisation_id,
          .as_regisseur = p.Has(core::Role::kRegisseur),
          .as_begeleider = p.Has(core::Role::kBegeleider),
          .as_vrijwilliger = p.Has(core::Role::kVrijwilliger),
          .as_partner = p.Has(core::Role::kPartner),
          .break_glass = p.Has(core::Role::kRegisseur) || p.Has(core::Role::kPartner),
          .now = ctx_.clock.Now()};
    }
    core::AuditRecord r =
        AuditOf(caller, ctx_.clock, list.scope_all ? "search" : "list", "household", "");
    r.tenant_id = tenant_id;
    r.categories = {core::DataCategory::kBasis};
    if (list.scope_all) {
      // A break-the-glass search is rare and logged with its text: not cached.
      r.purpose = "search_outside_relationships: " + *list.query.text;
      REGIE_ASSIGN_OR_RETURN(ports::HouseholdPage page, tx->Households().List(list.query));
      json items = json::array();
      for (const ports::HouseholdListItem& item : page.items)
        items.push_back({{"id", item.summary.id}, {"name", item.summary.name}});
      json body = {{"items", std::move(items)}, {"next", nullptr}};
      return LoggedRead(JsonResponse(200, dto::Dump(body)), ctx_.audit.Enqueue(std::move(r)));
    }
    // The counter first: the data read after it is at least as new.
    REGIE_ASSIGN_OR_RETURN(int64_t generation, tx->Tenants().ChangeCount(tenant_id));
    const core::Timestamp now = list.query.visible_to->now;
    const std::string key =
        "list/" + CallerCacheKey(p, tenant_id) + "?" + std::string(request.query);
    if (auto hit = cache_.Get(key, generation, now))
      return LoggedRead(JsonResponse(200, hit->body), ctx_.audit.Enqueue(std::move(r)));
    REGIE_ASSIGN_OR_RETURN(ports::HouseholdPage page, tx->Households().List(list.query));
    json items = json::array();
    for (const ports::HouseholdListItem& item : page.items) items.push_back(SummaryFor(item));
    json body = {{"items", std::move(items)},
                 {"next", page.next ? json(*page.next) : json(nullptr)}};
    std::string text = dto::Dump(body);
    // The list depends on time only through break-the-glass openings.
    core::Timestamp valid_until = core::NextAccessChange(core::HouseholdFacts{}, now);
    if (page.visibility_changes_at && *page.visibility_changes_at < valid_until)
      valid_until = *page.visibility_changes_at;
    cache_.Put(key, {.generation = generation, .valid_until = valid_until, .body = text});
    return LoggedRead(JsonResponse(200, std::move(text)), ctx_.audit.Enqueue(std::move(r)));
  }

  StatusOr<ApiResponse> Create(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(dto::NewHousehold input, ParseNew(body));
    const core::Timestamp now = ctx_.clock.Now();
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    if (!core::DecideCreateHousehold(caller.principal, tenant_id).allowed)
      REGIE_RETURN_IF_ERROR(
          RequireRole(ctx_, caller, core::Role::kRegisseur, tenant_id, "create", "household"));
    if (input.household.regisseur_user_id == 0)
      input.household.regisseur_user_id = caller.principal.user_id;
    REGIE_RETURN_IF_ERROR(CheckRegisseur(*tx, tenant_id, input.household.regisseur_user_id));
    REGIE_ASSIGN_OR_RETURN(core::Household household,
                           tx->Households().Create(tenant_id, input.household, now));
    for (size_t i = 0; i < input.persons.size(); ++i) {
      StatusOr<core::Person> person =
          tx->Persons().Create(tenant_id, household.id, input.persons[i], now);
      // Returning drops the uncommitted transaction: nothing of this request stays.
      if (!person.ok())
        return PrefixFieldErrors(person.status(), "persons/" + std::to_string(i) + "/");
    }
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household.id, core::Action::kRead));
    REGIE_ASSIGN_OR_RETURN(json out, HouseholdView(ctx_, *tx, caller, access, household));
    REGIE_RETURN_IF_ERROR(
        ctx_.audit
            .AppendInTransaction(*tx, HouseholdAudit(ctx_, caller, access, core::Action::kCreate,
                                                     "household", std::to_string(household.id)))
            .status());
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(201, dto::Dump(out), HouseholdLocation(tenant_id, household.id));
  }

  StatusOr<ApiResponse> Get(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    // The counter first: the facts and data read after it are at least as new.
    REGIE_ASSIGN_OR_RETURN(int64_t generation, tx->Tenants().ChangeCount(tenant_id));
    const core::Timestamp now = ctx_.clock.Now();
    const std::string key = "household/" + CallerCacheKey(caller.principal, tenant_id) + "/" +
                            std::to_string(household_id);
    if (auto hit = cache_.Get(key, generation, now); hit && hit->facts) {
      // The facts are the current ones (no write since); the policy decides
      // this request over them now. Only the same answer as when the body
      // was made serves the body; anything else takes the full path below
      // (which also logs a refusal).
      HouseholdAccess access{.facts = *hit->facts, .decision = {}};
      access.decision =
          core::DecideHousehold(caller.principal, core::Action::kRead, access.facts, now);
      if (access.decision.allowed && access.decision == hit->decision) {
        core::AuditRecord r = HouseholdAudit(ctx_, caller, access, core::Action::kRead, "household",
                                             std::to_string(household_id));
        r.categories = hit->categories;
        return LoggedRead(JsonResponse(200, hit->body), ctx_.audit.Enqueue(std::move(r)));
      }
    }
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household_id, core::Action::kRead));
    REGIE_ASSIGN_OR_RETURN(core::Household household,
                           tx->Households().Get(tenant_id, household_id));
    REGIE_ASSIGN_OR_RETURN(json out, HouseholdView(ctx_, *tx, caller, access, household));
    core::AuditRecord r = HouseholdAudit(ctx_, caller, access, core::Action::kRead, "household",
                                         std::to_string(household_id));
    r.categories = {};  // what was actually shown
    for (const json& c : out["access"]["categories"])
      if (auto cat = core::ParseEnum<core::DataCategory>(c.get<std::string>()))
        r.categories.Add(*cat);
    std::string body = dto::Dump(out);
    cache_.Put(key, {.generation = generation,
                     .valid_until = core::NextAccessChange(access.facts, now),
                     .body = body,
                     .categories = r.categories,
                     .facts = access.facts,
                     .decision = access.decision});
    return LoggedRead(JsonResponse(200, std::move(body)), ctx_.audit.Enqueue(std::move(r)));
  }

  StatusOr<ApiResponse> Update(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(dto::HouseholdUpdate input, dto::ParseHouseholdUpdate(body));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household_id, core::Action::kUpdate));
    // The policy lets an assigned begeleider update (their persons' data);
    // the household itself (its regisseur and involved organisations decide
    // who sees it) is the regisseur's, as `access.can_edit` tells the UI.
    if (access.decision.relationship != core::Relationship::kRegisseur)
      return RefuseHousehold(ctx_, caller, access, core::Action::kUpdate, "household",
                             std::to_string(household_id), std::nullopt,
                             "not_regisseur_of_household");
    REGIE_RETURN_IF_ERROR(CheckRegisseur(*tx, tenant_id, input.household.regisseur_user_id));
    REGIE_ASSIGN_OR_RETURN(core::Household household,
                           tx->Households().Update(tenant_id, household_id, input.version,
                                                   input.household, ctx_.clock.Now()));
    return Respond(*tx, caller, access, household, core::Action::kUpdate);
  }

  StatusOr<ApiResponse> Archive(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(dto::ArchiveRequest input, dto::ParseArchive(body));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household_id, core::Action::kArchive));
    REGIE_ASSIGN_OR_RETURN(core::Household household,
                           tx->Households().Archive(tenant_id, household_id, input.version,
                                                    input.reason, ctx_.clock.Now()));
    return Respond(*tx, caller, access, household, core::Action::kArchive);
  }

  // Undoes an archive, by whoever may archive the household. A household
  // archived by its handover comes back only with handover_returned: the
  // receiver rejected the package, or two municipalities would direct it.
  StatusOr<ApiResponse> Reopen(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(dto::ReopenRequest input, dto::ParseReopen(body));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(HouseholdAccess access,
                           CheckHousehold(ctx_, *tx, caller, tenant_id, household_id,
                                          core::Action::kArchive, "reopen"));
    REGIE_ASSIGN_OR_RETURN(core::Household current, tx->Households().Get(tenant_id, household_id));
    REGIE_ASSIGN_OR_RETURN(std::optional<ports::HandoverRecord> outgoing,
                           tx->Handovers().FindByHousehold(tenant_id, household_id));
    if (handover::ArchivedByHandover(current, outgoing)) {
      if (!input.handover_returned)
        return Status(StatusCode::kConflict, "handover_outgoing",
                      "the household was handed over; reopen it only when the receiver rejected "
                      "the package");
      // On record as returned, so a later archive by hand is an ordinary one.
      REGIE_RETURN_IF_ERROR(tx->Handovers()
                                .MarkReturned(tenant_id, outgoing->id, caller.principal.user_id,
                                              input.reason, ctx_.clock.Now())
                                .status());
    }
    REGIE_ASSIGN_OR_RETURN(
        core::Household household,
        tx->Households().Reopen(tenant_id, household_id, input.version, ctx_.clock.Now()));
    return Respond(*tx, caller, access, household, core::Action::kUpdate, "reopen", input.reason);
  }

 private:
  StatusOr<dto::NewHousehold> ParseNew(const json& body) {
    return dto::ParseNewHousehold(body, ctx_.clock.Today());
  }

  // The regisseur must be a user with the regisseur role where it counts,
  // in the home municipality of their organisation (storage checks that
  // the user's organisation serves the tenant).
  static Status CheckRegisseur(ports::Transaction& tx, int64_t tenant_id, int64_t user_id) {
    StatusOr<ports::User> user = tx.Users().Get(user_id);
    if (!user.ok() && user.status().code() != StatusCode::kNotFound) return user.status();
    bool regisseur = false;
    if (user.ok()) {
      REGIE_ASSIGN_OR_RETURN(regisseur, ActiveInRole(tx, *user, core::Role::kRegisseur, tenant_id));
    }
    if (!regisseur) return core::ValidationFailed({{"regisseur_user_id", "invalid_reference"}});
    return Status::Ok();
  }

  // After a change: the household as the caller now sees it, with the
  // change's audit record in the same transaction.
  // `audit_action`, when given, names the change in the audit record
  // instead of `action` (a reopening is an update the log tells apart), and
  // `why` follows the access basis in its purpose.
  StatusOr<ApiResponse> Respond(ports::Transaction& tx, const Caller& caller,
                                HouseholdAccess access, const core::Household& household,
                                core::Action action, std::string audit_action = {},
                                const std::string& why = {}) {
    // Re-read the facts: the change may have moved the regisseur away.
    REGIE_ASSIGN_OR_RETURN(access.facts, tx.Access().Facts(household.tenant_id, household.id,
                                                           caller.principal.user_id));
    core::AuditRecord r =
        HouseholdAudit(ctx_, caller, access, action, "household", std::to_string(household.id));
    if (!audit_action.empty()) r.action = std::move(audit_action);
    if (!why.empty()) r.purpose += "; " + r.action + ": " + why;
    access.decision = core::DecideHousehold(caller.principal, core::Action::kRead, access.facts,
                                            ctx_.clock.Now());
    json out;
    if (access.decision.allowed) {
      REGIE_ASSIGN_OR_RETURN(out, HouseholdView(ctx_, tx, caller, access, household));
    } else {
      out = {{"id", household.id}, {"version", household.version}};  // handed over
    }
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(tx, std::move(r)).status());
    REGIE_RETURN_IF_ERROR(tx.Commit());
    return JsonResponse(200, dto::Dump(out));
  }

  const ApiContext& ctx_;
  // List pages and household details per caller (see HouseholdReadCache).
  HouseholdReadCache cache_{kCachedReads};
};

}  // namespace

void AddHouseholdRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<HouseholdHandlers>(ctx);
  const std::string base = "/api/v1/tenants/{tenantId}/households";
  const std::string one = base + "/{householdId}";
  router.Add(Verb::get, base, [h](const ApiRequest& r) { return h->List(r); });
  router.Add(Verb::post, base, [h](const ApiRequest& r) { return h->Create(r); });
  router.Add(Verb::get, one, [h](const ApiRequest& r) { return h->Get(r); });
  router.Add(Verb::put, one, [h](const ApiRequest& r) { return h->Update(r); });
  router.Add(Verb::post, one + "/archive", [h](const ApiRequest& r) { return h->Archive(r); });
  router.Add(Verb::post, one + "/reopen", [h](const ApiRequest& r) { return h->Reopen(r); });
}

}  // namespace regie::http
