// The regional benchmark (docs/api-contract.md, "Regional benchmark"): a
// tenant's regions and its sharing decision (beheer), the suppressed
// indicators of the opted-in members of a region beside the regional total
// (beleid), and the G40 survey of January 2018 as a reference table.
//
// This is the one deliberate read across tenants. Only aggregates leave a
// tenant: each member's report is computed from its own data, narrowed to
// the indicators the members share; the regional total is the sum of the
// exact counts; and all of them are suppressed for the beleid audience
// together (ind::SuppressBenchmark), because the members' counts add up to
// the total's. No person, household or event of any tenant is ever part of
// the answer.
#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/access/policy.h"
#include "core/benchmark/g40_reference.h"
#include "core/indicators/regional_suppress.h"
#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/auth_support.h"
#include "http/benchmark_json.h"
#include "http/dto.h"
#include "http/embedded.h"
#include "http/handlers.h"
#include "http/household_view.h"
#include "http/indicator_source.h"
#include "http/policy_support.h"
#include "http/response_cache.h"

namespace regie::http {
namespace {

using nlohmann::json;
namespace ind = core::indicators;

constexpr size_t kCacheEntries = 64;

// Refusals are logged like the guard's (outcome "denied"), queued so they
// stay although the request's transaction rolls back.
Status Refuse(const ApiContext& ctx, const Caller& caller, int64_t tenant_id,
              const std::string& action, const std::string& resource_type,
              const std::string& resource_id, const std::string& reason) {
  core::AuditRecord r = AuditOf(caller, ctx.clock, action, resource_type, resource_id);
  r.tenant_id = tenant_id;
  r.outcome = "denied";
  r.purpose = reason;
  ctx.audit.Enqueue(std::move(r));
  if (reason == "other_tenant") return NotFound("tenant_not_found", "tenant of another user");
  if (reason == "not_a_member" || reason == "not_sharing") return Forbidden(reason);
  return Forbidden("forbidden");
}

json MembershipJson(ports::Transaction& tx, const core::TenantRegion& tr) {
  const core::RegionMember& m = tr.membership;
  return {{"region", benchmark_json::RegionJson(tr.region)},
          {"joined_at", m.joined_at.ToString()},
          {"sharing", m.sharing},
          {"decided_at", m.decided_at ? json(m.decided_at->ToString()) : json(nullptr)},
          {"decided_by", m.decided_by != 0 ? UserRef(tx, m.decided_by) : json(nullptr)}};
}

class BenchmarkHandlers {
 public:
  explicit BenchmarkHandlers(const ApiContext& ctx) : ctx_(ctx), cache_(kCacheEntries) {}

  // GET /reference/g40-2018: published survey figures, no personal data;
  // any signed-in user.
  StatusOr<ApiResponse> Reference(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    (void)caller;
    REGIE_ASSIGN_OR_RETURN(json ref, ReferenceJson());
    return JsonResponse(200, dto::Dump(ref));
  }

  // GET /tenants/{t}/regions
  StatusOr<ApiResponse> Regions(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    core::AccessDecision d = core::DecideRegionMembership(caller.principal, tenant_id, false);
    if (!d.allowed)
      return Refuse(ctx_, caller, tenant_id, "list", "region_membership", "", d.reason);
    REGIE_ASSIGN_OR_RETURN(auto regions, tx->Regions().RegionsOfTenant(tenant_id));
    json items = json::array();
    for (const core::TenantRegion& tr : regions) items.push_back(MembershipJson(*tx, tr));
    return JsonResponse(200, dto::Dump(json{{"items", std::move(items)}}));
  }

  // PUT /tenants/{t}/regions/{code}/sharing {"sharing": bool}
  StatusOr<ApiResponse> PutSharing(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    const std::string code(request.params.Get("regionCode"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    std::vector<FieldError> errors;
    RefuseUnknown(body, {"sharing"}, errors);
    auto it = body.find("sharing");
    if (it == body.end())
      errors.push_back({"sharing", "required"});
    else if (!it->is_boolean())
      errors.push_back({"sharing", "wrong_type"});
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    const bool sharing = it->get<bool>();
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    core::AccessDecision d = core::DecideRegionMembership(caller.principal, tenant_id, true);
    if (!d.allowed)
      return Refuse(ctx_, caller, tenant_id, "update", "region_sharing", code, d.reason);
    REGIE_ASSIGN_OR_RETURN(core::Region region, tx->Regions().RegionByCode(code));
    const core::Timestamp now = ctx_.clock.Now();
    REGIE_ASSIGN_OR_RETURN(
        core::RegionMember m,
        tx->Regions().SetSharing(region.id, tenant_id, sharing, caller.principal.user_id, now));
    core::AuditRecord r = AuditOf(caller, ctx_.clock, "update", "region_sharing", code);
    r.tenant_id = tenant_id;
    r.purpose = std::string(sharing ? "opt-in" : "opt-out") + " " + code;
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(r)).status());
    json out = MembershipJson(*tx, {region, m});
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(200, dto::Dump(out));
  }

  // GET /tenants/{t}/benchmark?region=CODE&on=YYYY-MM-DD
  StatusOr<ApiResponse> Benchmark(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(auto params, ParseQuery(request.query));
    std::string code;
    core::Date on = ctx_.clock.Today();
    std::vector<FieldError> errors;
    for (const auto& [name, value] : params) {
      if (name == "region") {
        code = value;
      } else if (name == "on") {
        if (auto d = core::Date::Parse(value))
          on = *d;
        else
          errors.push_back({"on", "invalid_date"});
      } else {
        errors.push_back({name, "unknown_field"});
      }
    }
    if (code.empty()) errors.push_back({"region", "required"});
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));

    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    if (!caller.principal.Serves(tenant_id))
      return Refuse(ctx_, caller, tenant_id, "read", "benchmark", code, "other_tenant");
    StatusOr<core::Region> region = tx->Regions().RegionByCode(code);
    if (!region.ok()) {
      if (region.status().reason() != "region_not_found") return region.status();
      return Refuse(ctx_, caller, tenant_id, "read", "benchmark", code, "not_a_member");
    }
    REGIE_ASSIGN_OR_RETURN(std::vector<core::RegionMember> members,
                           tx->Regions().Members(region->id));
    core::BenchmarkFacts facts{.tenant_id = tenant_id};
    for (const core::RegionMember& m : members)
      if (m.tenant_id == tenant_id) {
        facts.member = true;
        facts.sharing = m.sharing;
      }
    core::AccessDecision d = core::DecideBenchmark(caller.principal, facts);
    if (!d.allowed) return Refuse(ctx_, caller, tenant_id, "read", "benchmark", code, d.reason);

    // Only members that share; the others are not named at all.
    std::vector<core::RegionMember> shared;
    for (core::RegionMember& m : members)
      if (core::SharesBenchmarkFigures(m.sharing)) shared.push_back(std::move(m));
    // The cache key: region, date and every sharing member's change
    // counter (membership and sharing decisions raise it too), read before
    // the data, so a cached answer is never older than the data it shows.
    std::string key = std::to_string(region->id) + "/" + on.ToString();
    for (const core::RegionMember& m : shared) {
      REGIE_ASSIGN_OR_RETURN(int64_t n, tx->Tenants().ChangeCount(m.tenant_id));
      key += "/" + std::to_string(m.tenant_id) + ":" + std::to_string(n);
    }
    const core::Timestamp now = ctx_.clock.Now();
    std::shared_ptr<const CachedBody> cached = cache_.Get(key, 0, now);
    if (!cached) {
      REGIE_ASSIGN_OR_RETURN(std::string body, Compute(*tx, *region, shared, on));
      cached = cache_.Put(
          key,
          {.generation = 0, .valid_until = core::Timestamp{INT64_MAX}, .body = std::move(body)});
    }
    json out = json::parse(cached->body);
    out["own_tenant_id"] = tenant_id;
    for (json& m : out["members"]) m["own"] = m.value("tenant_id", int64_t{0}) == tenant_id;
    REGIE_ASSIGN_OR_RETURN(out["reference"], ReferenceJson());

    core::AuditRecord r = AuditOf(caller, ctx_.clock, "read", "benchmark", code);
    r.tenant_id = tenant_id;
    r.purpose = d.reason + ": " + code + " " + on.ToString() + ", " +
                std::to_string(shared.size()) + " gemeenten";
    return LoggedRead(JsonResponse(200, dto::Dump(out)), ctx_.audit.Enqueue(std::move(r)));
  }

 private:
  StatusOr<std::string> Compute(ports::Transaction& tx, const core::Region& region,
                                const std::vector<core::RegionMember>& shared, core::Date on) {
    ind::EngineOptions options;
    options.breakdowns = {{ind::Dimension::kTotal, ind::Dimension::kTotal},
                          {ind::Dimension::kCohort, ind::Dimension::kTotal}};
    options.ladder_quarters = 0;
    options.survival = false;
    std::vector<ind::Report> reports;
    reports.reserve(shared.size());
    for (const core::RegionMember& m : shared) {
      REGIE_ASSIGN_OR_RETURN(ind::Report report,
                             ComputeTenantIndicators(tx, Registry(ctx_), m.tenant_id, on, options));
      reports.push_back(std::move(report));
    }
    std::vector<const ind::Report*> ptrs;
    ptrs.reserve(reports.size());
    for (const ind::Report& r : reports) ptrs.push_back(&r);
    std::string snapshot;
    for (size_t i = 0; i < shared.size(); ++i)
      snapshot +=
          (i ? "," : "") + std::to_string(shared[i].tenant_id) + ":" + reports[i].stamp.snapshot;
    // Exact sums first, suppression after (never a sum of suppressed
    // cells), and the members' tables and the total as one publication:
    // the members' counts add up to the total's, so they are suppressed
    // together.
    const ind::BenchmarkViews views = ind::SuppressBenchmark(ptrs, on, std::move(snapshot));
    return dto::Dump(
        benchmark_json::BenchmarkJson(region, on, shared, views.members, views.region));
  }

  StatusOr<json> ReferenceJson() const {
    StatusOr<core::G40Reference> ref =
        core::ParseG40Reference(embedded::G40Statements(), embedded::G40Responses());
    if (!ref.ok()) return Internal("the embedded G40 table is invalid: " + ref.status().message());
    return benchmark_json::G40Json(*ref);
  }

  const ApiContext& ctx_;
  ResponseCache cache_;
};

}  // namespace

void AddBenchmarkRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<BenchmarkHandlers>(ctx);
  router.Add(Verb::get, "/api/v1/reference/g40-2018",
             [h](const ApiRequest& r) { return h->Reference(r); });
  const std::string base = "/api/v1/tenants/{tenantId}";
  router.Add(Verb::get, base + "/regions", [h](const ApiRequest& r) { return h->Regions(r); });
  router.Add(Verb::put, base + "/regions/{regionCode}/sharing",
             [h](const ApiRequest& r) { return h->PutSharing(r); });
  router.Add(Verb::get, base + "/benchmark", [h](const ApiRequest& r) { return h->Benchmark(r); });
}

}  // namespace regie::http
