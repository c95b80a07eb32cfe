// The monitoring dashboard's figures (issue 6, "Dashboard"):
//   GET .../indicators?on=YYYY-MM-DD          the View as JSON
//   GET .../indicators/export?format=csv|xlsx&on=&indicator=&breakdown=
// Who sees what is core::DecideAggregates: the regisseur (the case team)
// exact counts, the beleid role suppressed ones; an export leaves the system
// and is always suppressed. Every read and export is audited as resource
// "indicators" (no household, no person) with the policy's reason. The
// computed Report, and its JSON per audience, is cached per (tenant,
// reference date) until the tenant's change counter moves (IndicatorCache).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/access/policy.h"
#include "core/indicators/suppress.h"
#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/indicator_cache.h"
#include "http/indicator_source.h"
#include "http/indicators_export.h"
#include "http/indicators_json.h"
#include "http/policy_support.h"

namespace regie::http {
namespace {

namespace ind = core::indicators;

constexpr std::string_view kCsvType = "text/csv; charset=utf-8";
constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

enum class ExportFormat { kCsv, kXlsx };

struct ExportQuery {
  core::Date on;
  ExportFormat format = ExportFormat::kCsv;
  std::string indicator;                   // empty: all
  std::vector<ind::Breakdown> breakdowns;  // empty: all
};

// A reference date after today would count events that have not happened
// as missing: refused rather than shown as a figure.
Status CheckDate(core::Date on, core::Date today) {
  if (on > today) return core::ValidationFailed({{"on", "date_in_future"}});
  return Status::Ok();
}

StatusOr<ExportQuery> ParseExportQuery(std::string_view query, core::Date today) {
  REGIE_ASSIGN_OR_RETURN(auto params, ParseQuery(query));
  ExportQuery q{.on = today};
  std::vector<FieldError> errors;
  bool format = false;
  const std::vector<ind::Breakdown> known = ind::DefaultBreakdowns();
  for (const auto& param : params) {
    const std::string& name = param.first;
    const std::string& value = param.second;
    if (name == "on") {
      std::optional<core::Date> d = core::Date::Parse(value);
      if (!d)
        errors.push_back({"on", "invalid_date"});
      else if (*d > today)
        errors.push_back({"on", "date_in_future"});
      else
        q.on = *d;
    } else if (name == "format") {
      format = true;
      if (value == "csv")
        q.format = ExportFormat::kCsv;
      else if (value == "xlsx")
        q.format = ExportFormat::kXlsx;
      else
        errors.push_back({"format", "invalid_enum"});
    } else if (name == "indicator") {
      q.indicator = value;
    } else if (name == "breakdown") {
      // One breakdown per parameter (repeat it for more): "wijk" or the
      // crossed "cohort,wijk"; only those the engine computes.
      std::optional<ind::Breakdown> b = ParseBreakdown(value);
      if (!b || std::find(known.begin(), known.end(), *b) == known.end())
        errors.push_back({"breakdown", "invalid_enum"});
      else if (std::find(q.breakdowns.begin(), q.breakdowns.end(), *b) == q.breakdowns.end())
        q.breakdowns.push_back(*b);
    } else {
      errors.push_back({name, "unknown_field"});
    }
  }
  if (!format) errors.push_back({"format", "required"});
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return q;
}

class IndicatorsHandler {
 public:
  explicit IndicatorsHandler(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> Get(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    const core::Date today = ctx_.clock.Today();
    REGIE_ASSIGN_OR_RETURN(core::Date on, ParseOnQuery(request.query, today));
    REGIE_RETURN_IF_ERROR(CheckDate(on, today));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(core::AggregateDecision decision,
                           Decide(caller, tenant_id, core::Action::kRead));
    REGIE_ASSIGN_OR_RETURN(std::shared_ptr<const ComputedIndicators> computed,
                           Compute(*tx, tenant_id, on));
    tx.reset();
    core::AuditRecord r = AuditOf(caller, ctx_.clock, "read", "indicators", on.ToString());
    r.tenant_id = tenant_id;
    r.purpose = decision.reason;
    const ind::Audience audience =
        decision.exact ? ind::Audience::kCaseTeam : ind::Audience::kBeleid;
    return LoggedRead(JsonResponse(200, computed->Json(audience)),
                      ctx_.audit.Enqueue(std::move(r)));
  }

  StatusOr<ApiResponse> Export(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(ExportQuery q, ParseExportQuery(request.query, ctx_.clock.Today()));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(core::AggregateDecision decision,
                           Decide(caller, tenant_id, core::Action::kExport));
    REGIE_ASSIGN_OR_RETURN(std::shared_ptr<const ComputedIndicators> computed,
                           Compute(*tx, tenant_id, q.on));
    REGIE_ASSIGN_OR_RETURN(core::Tenant tenant, tx->Tenants().Get(tenant_id));
    tx.reset();
    // Whoever asks: a file leaves the system, so it is suppressed.
    const ind::View view = ind::Suppress(computed->report(), ind::Audience::kExport);
    REGIE_ASSIGN_OR_RETURN(std::vector<ExportTable> tables,
                           ExportTables(view, q.indicator, q.breakdowns));

    const bool csv = q.format == ExportFormat::kCsv;
    ApiResponse out{.status = 200, .content_type = csv ? kCsvType : kXlsxType};
    if (csv) {
      out.body = IndicatorsCsv(view.stamp, tables);
    } else {
      REGIE_ASSIGN_OR_RETURN(
          out.body, IndicatorsXlsx(view.stamp, tables, tenant.data.name, ctx_.clock.Now()));
    }
    // The file name carries no personal data, only the date and the scope.
    out.content_disposition = "attachment; filename=\"indicatoren-" + q.on.ToString() +
                              (q.indicator.empty() ? "" : "-" + SafeFilePart(q.indicator)) +
                              (csv ? ".csv" : ".xlsx") + "\"";
    core::AuditRecord r = AuditOf(caller, ctx_.clock, "export", "indicators", q.on.ToString());
    r.tenant_id = tenant_id;
    std::string scope;
    for (const ind::Breakdown& b : q.breakdowns) scope += " breakdown=" + BreakdownCode(b);
    r.purpose = decision.reason + (csv ? " csv" : " xlsx") +
                (q.indicator.empty() ? "" : " indicator=" + q.indicator) + scope;
    out.audit = ctx_.audit.Enqueue(std::move(r));
    return out;
  }

 private:
  // Letters, digits, '-' and '_' of an indicator id (ids come from packs,
  // but the query is the caller's).
  static std::string SafeFilePart(const std::string& s) {
    std::string out;
    for (char c : s)
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '_')
        out += c;
    return out.substr(0, 60);
  }

  // The one policy decides; a refusal is logged. Another tenant answers 404,
  // as everywhere in the API.
  StatusOr<core::AggregateDecision> Decide(const Caller& caller, int64_t tenant_id,
                                           core::Action action) {
    core::AggregateDecision d = core::DecideAggregates(caller.principal, tenant_id, action);
    if (d.allowed) return d;
    core::AuditRecord r =
        AuditOf(caller, ctx_.clock, std::string(core::ToCode(action)), "indicators", "");
    r.tenant_id = tenant_id;
    r.outcome = "denied";
    r.purpose = d.reason;
    ctx_.audit.Enqueue(std::move(r));
    if (d.reason == "other_tenant")
      return NotFound("tenant_not_found", "tenant not served by the caller's organisation");
    return Forbidden("forbidden");
  }

  StatusOr<std::shared_ptr<const ComputedIndicators>> Compute(ports::Transaction& tx,
                                                              int64_t tenant_id, core::Date on) {
    // The counter first: the data read after it is at least as new.
    REGIE_ASSIGN_OR_RETURN(int64_t generation, tx.Tenants().ChangeCount(tenant_id));
    if (auto hit = cache_.Get(tenant_id, on, generation)) return hit;
    REGIE_ASSIGN_OR_RETURN(ind::Report report,
                           ComputeTenantIndicators(tx, Registry(ctx_), tenant_id, on));
    auto shared = std::make_shared<const ComputedIndicators>(std::move(report));
    cache_.Put(tenant_id, on, generation, shared);
    return shared;
  }

  const ApiContext& ctx_;
  IndicatorCache cache_;
};

}  // namespace

void AddIndicatorRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<IndicatorsHandler>(ctx);
  router.Add(Verb::get, "/api/v1/tenants/{tenantId}/indicators",
             [h](const ApiRequest& r) { return h->Get(r); });
  router.Add(Verb::get, "/api/v1/tenants/{tenantId}/indicators/export",
             [h](const ApiRequest& r) { return h->Export(r); });
}

}  // namespace regie::http
