// The half-year progress reports (issue 6, "voortgangsrapportage"): the
// periods, one report with its narrative texts, saving a text against the
// version the writer started from (409 when someone else saved first),
// finalising (frozen with the stamp of its figures), and the report as PDF
// or self-contained HTML. core::DecideReport decides every request;
// narratives are no personal data, but every change and every export is
// audited (resource "progress_report", the period as id).
#include <nlohmann/json.hpp>

#include "core/access/policy.h"
#include "core/reporting/progress_report.h"
#include "http/audit_writer.h"
#include "http/auth_support.h"
#include "http/dto.h"
#include "http/figures_json.h"
#include "http/handlers.h"
#include "http/household_view.h"
#include "http/indicator_source.h"
#include "http/policy_support.h"
#include "http/problem.h"
#include "http/report_service.h"

namespace regie::http {
namespace {

using nlohmann::json;

constexpr std::string_view kResource = "progress_report";

struct SectionEdit {
  int64_t version = 0;  // the version the writer started from
  std::string text;
  std::optional<int64_t> organisation_id;
};

StatusOr<SectionEdit> ParseSectionEdit(const json& body) {
  std::vector<FieldError> errors;
  RefuseUnknown(body, {"version", "text", "organisation_id"}, errors);
  SectionEdit e;
  auto v = body.find("version");
  if (v == body.end())
    errors.push_back({"version", "required"});
  else if (v->is_number_integer() && v->get<int64_t>() >= 0)
    e.version = v->get<int64_t>();
  else
    errors.push_back({"version", "invalid_number"});
  auto t = body.find("text");
  if (t == body.end())
    errors.push_back({"text", "required"});
  else if (t->is_string())
    e.text = t->get<std::string>();
  else
    errors.push_back({"text", "wrong_type"});
  if (auto o = body.find("organisation_id"); o != body.end() && !o->is_null()) {
    if (o->is_number_integer() && o->get<int64_t>() >= 0)
      e.organisation_id = o->get<int64_t>();
    else
      errors.push_back({"organisation_id", "invalid_number"});
  }
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return e;
}

StatusOr<core::ReportPeriod> PathPeriod(const ApiRequest& request) {
  std::optional<core::ReportPeriod> p = core::ReportPeriod::Parse(request.params.Get("period"));
  if (!p) return NotFound("report_period_not_found", "a period is a half-year such as 2017H2");
  return *p;
}

// 409 with the version the client should reload.
ApiResponse VersionConflict(const ApiRequest& request, int64_t current) {
  ApiResponse r = MakeProblem(409, "report_version_conflict", request.path);
  json body = json::parse(r.body);
  body["current_version"] = current;
  r.body = dto::Dump(body);
  return r;
}

json StampJson(const core::indicators::Stamp& s) {
  json packs = json::array();
  for (const core::indicators::PackVersion& p : s.packs)
    packs.push_back({{"id", p.id}, {"version", p.version}});
  return {{"reference_date", s.reference_date.ToString()},
          {"packs", std::move(packs)},
          {"snapshot", s.snapshot}};
}

class ReportHandlers {
 public:
  explicit ReportHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> List(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(Decide(caller, tenant_id, core::ReportAction::kRead, false, "").status());
    REGIE_ASSIGN_OR_RETURN(std::vector<core::ProgressReport> reports,
                           tx->Reports().List(tenant_id));
    json items = json::array();
    for (const core::ProgressReport& r : reports)
      items.push_back({{"period", r.period}, {"status", core::ToCode(r.status)}});
    return JsonResponse(200, dto::Dump(json{{"items", std::move(items)}}));
  }

  StatusOr<ApiResponse> Get(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(core::ReportPeriod period, PathPeriod(request));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    REGIE_ASSIGN_OR_RETURN(core::ProgressReport report,
                           tx->Reports().Get(tenant_id, period.ToString()));
    REGIE_ASSIGN_OR_RETURN(
        core::ReportDecision d,
        Decide(caller, tenant_id, core::ReportAction::kRead, IsFinal(report), period.ToString()));
    REGIE_ASSIGN_OR_RETURN(json out, ReportJson(*tx, caller, d, period, report));
    return JsonResponse(200, dto::Dump(out));
  }

  StatusOr<ApiResponse> SaveSection(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(core::ReportPeriod period, PathPeriod(request));
    std::optional<core::ReportSection> section =
        core::ParseEnum<core::ReportSection>(request.params.Get("section"));
    if (!section) return NotFound("report_section_not_found", "no such section");
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(SectionEdit edit, ParseSectionEdit(body));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    const std::string id = period.ToString();
    REGIE_ASSIGN_OR_RETURN(core::ReportDecision d,
                           Decide(caller, tenant_id, core::ReportAction::kWrite, false, id));
    // A partner writes its own organisation's contribution, nothing else.
    const int64_t organisation_id =
        d.all_sections ? edit.organisation_id.value_or(0) : d.own_organisation_id;
    if (!d.all_sections &&
        (*section != core::ReportSection::kNetwerkpartners ||
         (edit.organisation_id && *edit.organisation_id != d.own_organisation_id)))
      return Deny(caller, tenant_id, "update", id, "not_own_contribution");
    std::vector<FieldError> errors =
        core::ValidateNarrative(period, *section, organisation_id, edit.text);
    if (errors.empty() && organisation_id != 0) {
      StatusOr<core::Organisation> org = tx->Organisations().Get(tenant_id, organisation_id);
      if (!org.ok() && org.status().code() != StatusCode::kNotFound) return org.status();
      if (!org.ok()) errors.push_back({"organisation_id", "invalid_reference"});
    }
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    // The period's row is locked until commit: the check below holds.
    REGIE_ASSIGN_OR_RETURN(core::ProgressReport report, tx->Reports().Lock(tenant_id, id));
    if (IsFinal(report)) return Conflict("report_finalised", "the report is final");
    REGIE_ASSIGN_OR_RETURN(core::ReportNarrative current,
                           tx->Reports().Narrative(tenant_id, id, *section, organisation_id));
    if (edit.version != current.version) return VersionConflict(request, current.version);
    core::ReportNarrative next{.tenant_id = tenant_id,
                               .period = id,
                               .section = *section,
                               .organisation_id = organisation_id,
                               .version = current.version + 1,
                               .text = std::move(edit.text),
                               .saved_by = caller.principal.user_id,
                               .saved_at = ctx_.clock.Now()};
    StatusOr<core::ReportNarrative> saved = tx->Reports().Save(next);
    if (saved.status().reason() == "report_version_conflict")
      return VersionConflict(request, current.version);
    REGIE_RETURN_IF_ERROR(saved.status());
    core::AuditRecord r = Audit(caller, tenant_id, "update", id, d.reason);
    r.resource_id = id + "/" + std::string(core::ToCode(*section)) + "/" +
                    std::to_string(organisation_id) + "/v" + std::to_string(saved->version);
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(r)).status());
    json out = TextJson(*tx, *saved);
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(200, dto::Dump(out));
  }

  StatusOr<ApiResponse> Finalise(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(core::ReportPeriod period, PathPeriod(request));
    const std::string id = period.ToString();
    // The figures as they stand now, on the reference date, read in one
    // snapshot (a read transaction is one on both backends; a PostgreSQL
    // write transaction reads each statement's own), so they and their
    // stamp match one committed state. They are kept with the report:
    // every later download shows the numbers it was finalised with.
    core::indicators::Report figures;
    {
      REGIE_ASSIGN_OR_RETURN(auto snapshot, ctx_.db.Begin(ports::TxMode::kRead));
      REGIE_ASSIGN_OR_RETURN(Caller reader, Authenticate(ctx_, *snapshot, request));
      REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, reader, tenant_id));
      REGIE_RETURN_IF_ERROR(
          Decide(reader, tenant_id, core::ReportAction::kFinalise, false, id).status());
      // A report on a half-year still running would freeze figures and
      // texts of a period that is not over: final means for good.
      if (period.Last() >= ctx_.clock.Today())
        return FailedPrecondition("period_not_ended",
                                  "a half-year can be finalised only after it has ended");
      REGIE_ASSIGN_OR_RETURN(
          figures, ComputeTenantIndicators(*snapshot, Registry(ctx_), tenant_id, period.Last()));
    }
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    REGIE_ASSIGN_OR_RETURN(core::ReportDecision d,
                           Decide(caller, tenant_id, core::ReportAction::kFinalise, false, id));
    REGIE_ASSIGN_OR_RETURN(core::ProgressReport report, tx->Reports().Lock(tenant_id, id));
    if (IsFinal(report)) return Conflict("report_finalised", "the report is final");
    REGIE_ASSIGN_OR_RETURN(
        report, tx->Reports().Finalise(tenant_id, id, caller.principal.user_id, ctx_.clock.Now(),
                                       figures.stamp, FiguresToJson(figures)));
    core::AuditRecord r = Audit(caller, tenant_id, "update", id, d.reason);
    r.purpose = "finalise: " + figures.stamp.snapshot;
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(r)).status());
    REGIE_ASSIGN_OR_RETURN(json out, ReportJson(*tx, caller, d, period, report));
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(200, dto::Dump(out));
  }

  StatusOr<ApiResponse> Export(const ApiRequest& request, ReportFormat format) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(core::ReportPeriod period, PathPeriod(request));
    render::Language language = render::Language::kNl;
    REGIE_ASSIGN_OR_RETURN(auto query, ParseQuery(request.query));
    for (const auto& [key, value] : query) {
      if (key != "lang") continue;
      std::optional<render::Language> l = render::ParseLanguage(value);
      if (!l) return InvalidArgument("bad_request", "lang must be nl or en");
      language = *l;
    }
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    const std::string id = period.ToString();
    REGIE_ASSIGN_OR_RETURN(core::ProgressReport report, tx->Reports().Get(tenant_id, id));
    REGIE_ASSIGN_OR_RETURN(
        core::ReportDecision d,
        Decide(caller, tenant_id, core::ReportAction::kExport, IsFinal(report), id));
    REGIE_ASSIGN_OR_RETURN(ReportMaterial material,
                           CollectReport(*tx, Registry(ctx_), tenant_id, period, ctx_.clock.Now()));
    tx.reset();  // everything is read: no transaction stays open while typesetting
    REGIE_ASSIGN_OR_RETURN(ReportFile file, RenderReport(material, format, language));
    ApiResponse out{.status = 200, .body = std::move(file.bytes)};
    out.content_type = file.content_type;
    out.content_disposition = "attachment; filename=\"" + file.file_name + "\"";
    core::AuditRecord r = Audit(caller, tenant_id, "export", id, d.reason);
    r.resource_type = ExportResourceType(format);
    r.purpose = d.reason + " " + material.figures.stamp.snapshot;
    return LoggedRead(std::move(out), ctx_.audit.Enqueue(std::move(r)));
  }

 private:
  static bool IsFinal(const core::ProgressReport& r) {
    return r.status == core::ReportStatus::kDefinitief;
  }

  core::AuditRecord Audit(const Caller& caller, int64_t tenant_id, std::string action,
                          const std::string& id, const std::string& reason) const {
    core::AuditRecord r =
        AuditOf(caller, ctx_.clock, std::move(action), std::string(kResource), id);
    r.tenant_id = tenant_id;
    r.purpose = reason;
    return r;
  }

  // A refusal, logged (queued: it must stay although the request's
  // transaction rolls back) and answered 403 forbidden.
  Status Deny(const Caller& caller, int64_t tenant_id, std::string action, const std::string& id,
              const std::string& reason) const {
    core::AuditRecord r = Audit(caller, tenant_id, std::move(action), id, reason);
    r.outcome = "denied";
    ctx_.audit.Enqueue(std::move(r));
    return Forbidden("forbidden");
  }

  StatusOr<core::ReportDecision> Decide(const Caller& caller, int64_t tenant_id,
                                        core::ReportAction action, bool final_report,
                                        const std::string& id) const {
    core::ReportDecision d = core::DecideReport(caller.principal, tenant_id, action, final_report);
    if (d.allowed) return d;
    if (d.reason == "other_tenant")
      return NotFound("tenant_not_found", "tenant not served by the caller's organisation");
    static constexpr std::string_view kActions[] = {"read", "update", "update", "export"};
    return Deny(caller, tenant_id, std::string(kActions[static_cast<size_t>(action)]), id,
                d.reason);
  }

  json TextJson(ports::Transaction& tx, const core::ReportNarrative& n) const {
    json out = {{"section", core::ToCode(n.section)},
                {"organisation_id", n.organisation_id},
                {"organisation_name", nullptr},
                {"version", n.version},
                {"text", n.text},
                {"saved_at", nullptr},
                {"saved_by", nullptr}};
    if (n.organisation_id != 0) {
      StatusOr<core::Organisation> org = tx.Organisations().GetById(n.organisation_id);
      if (org.ok()) out["organisation_name"] = org->data.name;
    }
    if (n.version > 0) {
      out["saved_at"] = n.saved_at.ToString();
      out["saved_by"] = UserRef(tx, n.saved_by);
    }
    return out;
  }

  StatusOr<json> ReportJson(ports::Transaction& tx, const Caller& caller,
                            const core::ReportDecision& d, const core::ReportPeriod& period,
                            const core::ProgressReport& report) const {
    const std::string id = period.ToString();
    REGIE_ASSIGN_OR_RETURN(std::vector<core::ReportNarrative> stored,
                           tx.Reports().Narratives(report.tenant_id, id));
    json sections = json::array();
    for (core::ReportSection s : core::SectionsOf(period)) {
      json texts = json::array();
      if (d.all_sections) {
        bool own = false;  // the municipality's text, written or not
        for (const core::ReportNarrative& n : stored) {
          if (n.section != s) continue;
          own = own || n.organisation_id == 0;
          if (n.organisation_id == 0 && !texts.empty())
            texts.insert(texts.begin(), TextJson(tx, n));
          else
            texts.push_back(TextJson(tx, n));
        }
        if (!own)
          texts.insert(texts.begin(),
                       TextJson(tx, {.tenant_id = report.tenant_id, .period = id, .section = s}));
      } else if (s == core::ReportSection::kNetwerkpartners) {
        core::ReportNarrative mine{.tenant_id = report.tenant_id,
                                   .period = id,
                                   .section = s,
                                   .organisation_id = d.own_organisation_id};
        for (const core::ReportNarrative& n : stored)
          if (n.section == s && n.organisation_id == d.own_organisation_id) mine = n;
        texts.push_back(TextJson(tx, mine));
      } else {
        continue;
      }
      sections.push_back({{"section", core::ToCode(s)}, {"texts", std::move(texts)}});
    }
    const bool final_report = IsFinal(report);
    const core::Principal& p = caller.principal;
    json out = {
        {"period", id},
        {"first_day", period.First().ToString()},
        {"reference_date", period.Last().ToString()},
        {"status", core::ToCode(report.status)},
        {"finalised_at", report.finalised_at ? json(report.finalised_at->ToString()) : json()},
        {"finalised_by", report.finalised_by != 0 ? UserRef(tx, report.finalised_by) : json()},
        {"stamp", report.stamp ? StampJson(*report.stamp) : json()},
        {"sections", std::move(sections)},
        {"access",
         {{"all_sections", d.all_sections},
          {"organisation_id", d.all_sections ? json() : json(d.own_organisation_id)},
          {"write",
           !final_report &&
               core::DecideReport(p, report.tenant_id, core::ReportAction::kWrite, false).allowed},
          {"finalise", !final_report && core::DecideReport(p, report.tenant_id,
                                                           core::ReportAction::kFinalise, false)
                                            .allowed},
          {"export",
           core::DecideReport(p, report.tenant_id, core::ReportAction::kExport, final_report)
               .allowed}}}};
    return out;
  }

  const ApiContext& ctx_;
};

}  // namespace

void AddReportRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<ReportHandlers>(ctx);
  const std::string base = "/api/v1/tenants/{tenantId}/reports";
  router.Add(Verb::get, base, [h](const ApiRequest& r) { return h->List(r); });
  // The downloads first: "{period}" alone would also match "2017H2.pdf".
  router.Add(Verb::get, base + "/{period}.pdf",
             [h](const ApiRequest& r) { return h->Export(r, ReportFormat::kPdf); });
  router.Add(Verb::get, base + "/{period}.html",
             [h](const ApiRequest& r) { return h->Export(r, ReportFormat::kHtml); });
  router.Add(Verb::get, base + "/{period}.xlsx",
             [h](const ApiRequest& r) { return h->Export(r, ReportFormat::kXlsx); });
  router.Add(Verb::get, base + "/{period}", [h](const ApiRequest& r) { return h->Get(r); });
  router.Add(Verb::put, base + "/{period}/sections/{section}",
             [h](const ApiRequest& r) { return h->SaveSection(r); });
  router.Add(Verb::post, base + "/{period}/finalise",
             [h](const ApiRequest& r) { return h->Finalise(r); });
}

}  // namespace regie::http
