// The household's plan as a PDF to print and sign (issue 4, "Casework"):
// GET .../plan.pdf[?version=N][&lang=nl|en]. Authorised exactly like
// reading the plan (CheckHousehold, then core::DecidePlan) and filtered by
// the same core::FilterPlan; names come from the same filters as the
// household JSON, so the printout never shows the caller more than the
// plan and household JSON would. A file takes the data out of the system,
// so it is audited as an export (action "export", resource "plan_pdf" with
// the printed version), like the other downloads; a refusal too. Who may
// print is who may read the plan: the printout is made to be signed by the
// household with whoever works on the plan, and volunteers (who may read
// no plan) get none.
#include "core/access/plan_access.h"
#include "http/audit_writer.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/household_view.h"
#include "render/pdf_renderer.h"
#include "render/plan_document.h"

namespace regie::http {
namespace {

using nlohmann::json;

constexpr std::string_view kPdfType = "application/pdf";

struct PdfQuery {
  int64_t version = 0;  // 0: the current version
  render::Language language = render::Language::kNl;
};

StatusOr<PdfQuery> ParsePdfQuery(std::string_view query) {
  REGIE_ASSIGN_OR_RETURN(auto pairs, ParseQuery(query));
  PdfQuery q;
  for (const auto& [key, value] : pairs) {
    if (key == "version") {
      std::optional<int64_t> v = ParseId(value);
      if (!v) return InvalidArgument("bad_request", "version must be a positive version");
      q.version = *v;
    } else if (key == "lang") {
      std::optional<render::Language> l = render::ParseLanguage(value);
      if (!l) return InvalidArgument("bad_request", "lang must be nl or en");
      q.language = *l;
    }
  }
  return q;
}

std::string DisplayName(ports::Transaction& tx, int64_t user_id) {
  const json ref = UserRef(tx, user_id);
  return ref["display_name"].is_string() ? ref["display_name"].get<std::string>() : std::string();
}

class PlanPdfHandler {
 public:
  explicit PlanPdfHandler(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> Get(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_ASSIGN_OR_RETURN(PdfQuery query, ParsePdfQuery(request.query));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    // Decided as a read of the plan (DecideHousehold allows kExport to the
    // regisseur alone), recorded as the export it is.
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household_id, core::Action::kRead,
                       core::ToCode(core::Action::kExport)));
    if (!core::DecidePlan(access.decision).read)
      return RefuseHousehold(ctx_, caller, access, core::Action::kExport, "plan_pdf", "",
                             std::nullopt, "forbidden");
    REGIE_ASSIGN_OR_RETURN(core::Plan plan,
                           tx->Plans().Get(tenant_id, household_id, query.version));
    REGIE_ASSIGN_OR_RETURN(render::PlanPrintout printout,
                           Collect(*tx, caller, access, tenant_id, household_id, plan));
    tx.reset();  // everything is read: no transaction stays open while typesetting

    REGIE_ASSIGN_OR_RETURN(render::RenderedPdf pdf,
                           render::RenderPdf(render::PlanDocument(printout, query.language)));
    ApiResponse out{.status = 200, .body = std::move(pdf.bytes), .content_type = kPdfType};
    // The file name carries no personal data: downloads lists and shared
    // folders show it.
    out.content_disposition = "attachment; filename=\"plan-" + std::to_string(household_id) + "-v" +
                              std::to_string(plan.version) + ".pdf\"";
    return LoggedRead(std::move(out),
                      ctx_.audit.Enqueue(HouseholdAudit(ctx_, caller, access, core::Action::kExport,
                                                        "plan_pdf", std::to_string(plan.version))));
  }

 private:
  const core::PlanDomains& Domains() const {
    static const core::PlanDomains kDefaults = core::PlanDomains::Defaults();
    return ctx_.plan_domains != nullptr ? *ctx_.plan_domains : kDefaults;
  }

  StatusOr<render::PlanPrintout> Collect(ports::Transaction& tx, const Caller& caller,
                                         const HouseholdAccess& access, int64_t tenant_id,
                                         int64_t household_id, const core::Plan& plan) const {
    const core::Timestamp now = ctx_.clock.Now();
    render::PlanPrintout p;
    p.domains = &Domains();
    p.printed_at = now;
    p.printed_by = DisplayName(tx, caller.principal.user_id);
    p.view =
        core::FilterPlan(caller.principal, access.decision, access.facts, Domains(), plan, now);
    REGIE_ASSIGN_OR_RETURN(core::Tenant tenant, tx.Tenants().Get(tenant_id));
    p.municipality = tenant.data.name;
    REGIE_ASSIGN_OR_RETURN(core::Household household, tx.Households().Get(tenant_id, household_id));
    p.household_name = household.data.name;
    if (plan.version > 0) p.saved_by = DisplayName(tx, plan.saved_by);

    // Names exactly as the household JSON shows them to this caller.
    REGIE_ASSIGN_OR_RETURN(std::vector<core::Person> persons,
                           tx.Persons().ListByHousehold(tenant_id, household_id));
    const core::Date today = ctx_.clock.Today();
    for (const core::Person& person : persons) {
      const dto::FieldFilter filter = PersonFilter(ctx_, caller, access, person.id);
      if (filter.categories.Empty()) continue;
      const json shown = dto::ToJson(person, filter);
      std::string name;
      for (const char* field : {"given_names", "family_name"})
        if (shown.contains(field) && shown[field].is_string())
          name += (name.empty() ? "" : " ") + shown[field].get<std::string>();
      if (name.empty()) continue;
      p.person_names[person.id] = name;
      // A line to sign for each adult, when the caller sees the birth date.
      if (shown.contains("birth_date") && shown["birth_date"].is_string() &&
          core::AgeOn(person.data.birth_date, today) >= 18)
        p.signers.push_back(person.id);
    }

    REGIE_ASSIGN_OR_RETURN(std::vector<core::PlanAgreement> agreements,
                           tx.Plans().ListAgreements(tenant_id, household_id));
    for (core::PlanAgreement& a : agreements)
      if (plan.version > 0 && a.plan_version == plan.version) {
        p.user_names.emplace(a.recorded_by, DisplayName(tx, a.recorded_by));
        p.agreements.push_back(std::move(a));
      }
    for (const core::PlanGoal& g : p.view.plan.goals) {
      for (const core::PlanAction& a : g.actions) {
        if (!p.organisation_names.contains(a.organisation_id)) {
          StatusOr<core::Organisation> org = tx.Organisations().Get(tenant_id, a.organisation_id);
          if (org.ok())
            p.organisation_names[a.organisation_id] = org->data.name;
          else if (org.status().code() != StatusCode::kNotFound)
            return org.status();
        }
        if (a.user_id && !p.user_names.contains(*a.user_id))
          p.user_names[*a.user_id] = DisplayName(tx, *a.user_id);
      }
    }
    return p;
  }

  const ApiContext& ctx_;
};

}  // namespace

void AddPlanPdfRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<PlanPdfHandler>(ctx);
  router.Add(Verb::get, "/api/v1/tenants/{tenantId}/households/{householdId}/plan.pdf",
             [h](const ApiRequest& r) { return h->Get(r); });
}

}  // namespace regie::http
