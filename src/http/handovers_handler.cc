// Handover of a household to another municipality (docs/handover.md).
// Exporting is household-scoped (CheckHousehold with Action::kExport, then
// only the household's own regisseur: not a begeleider, partner or
// break-the-glass). Incoming packages are tenant-scoped: a regisseur of the
// tenant sees their summaries and decides; uploading is for a regisseur or
// beheer, and only beheer may let in a package signed by a key the tenant
// does not trust. Every step is audited, the export with its purpose.
#include <nlohmann/json.hpp>

#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/auth_support.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/handover_service.h"
#include "http/policy_registry.h"
#include "http/policy_support.h"

namespace regie::http {
namespace {

using nlohmann::json;

constexpr std::string_view kExportPurpose =
    "verhuizing: overdracht aan nieuwe woongemeente (Wet inburgering 2021)";

class HandoverHandlers {
 public:
  explicit HandoverHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> Export(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(HouseholdAccess access,
                           CheckRegisseur(*tx, caller, tenant_id, household_id));
    REGIE_ASSIGN_OR_RETURN(handover::Exported exported,
                           handover::Export(*tx, ctx_.crypto, tenant_id, household_id,
                                            caller.principal.user_id, ctx_.clock.Now()));
    core::AuditRecord audit = HouseholdAudit(ctx_, caller, access, core::Action::kExport,
                                             "handover_package", exported.record.package_id);
    audit.purpose = std::string(kExportPurpose);
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(audit)).status());
    REGIE_RETURN_IF_ERROR(tx->Commit());
    ApiResponse response = JsonResponse(201, exported.document);
    response.content_disposition = Attachment(exported.record.package_id);
    return response;
  }

  // The exported package again (the household is archived by then), for a
  // download that got lost; read-logged like any export. Not once the
  // household was reopened: that package came back rejected and must not
  // travel again.
  StatusOr<ApiResponse> Download(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(HouseholdAccess access,
                           CheckRegisseur(*tx, caller, tenant_id, household_id));
    REGIE_ASSIGN_OR_RETURN(std::optional<ports::HandoverRecord> record,
                           tx->Handovers().FindByHousehold(tenant_id, household_id));
    REGIE_ASSIGN_OR_RETURN(core::Household household,
                           tx->Households().Get(tenant_id, household_id));
    if (!handover::ArchivedByHandover(household, record))
      return NotFound("handover_not_found", "the household is not handed over");
    core::AuditRecord audit = HouseholdAudit(ctx_, caller, access, core::Action::kExport,
                                             "handover_package", record->package_id);
    audit.purpose = std::string(kExportPurpose);
    ApiResponse response = JsonResponse(200, record->document);
    response.content_disposition = Attachment(record->package_id);
    return LoggedRead(std::move(response), ctx_.audit.Enqueue(std::move(audit)));
  }

  StatusOr<ApiResponse> List(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(
        RequireRole(ctx_, caller, core::Role::kRegisseur, tenant_id, "read", "handover"));
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::HandoverRecord> records,
                           tx->Handovers().List(tenant_id, ports::HandoverDirection::kIncoming));
    json items = json::array();
    for (const ports::HandoverRecord& r : records) items.push_back(handover::SummaryJson(r));
    core::AuditRecord audit = AuditOf(caller, ctx_.clock, "read", "handovers", "");
    audit.tenant_id = tenant_id;
    return LoggedRead(JsonResponse(200, dto::Dump(json{{"items", std::move(items)}})),
                      ctx_.audit.Enqueue(std::move(audit)));
  }

  StatusOr<ApiResponse> Upload(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(auto query, ParseQuery(request.query));
    bool allow_untrusted = false;
    for (const auto& [name, value] : query) {
      if (name != "allow_untrusted" || (value != "true" && value != "false"))
        return InvalidArgument("bad_request", "unknown query parameter");
      allow_untrusted = value == "true";
    }
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    const bool beheer = caller.principal.roles.Has(core::Role::kBeheer);
    if (!beheer)
      REGIE_RETURN_IF_ERROR(
          RequireRole(ctx_, caller, core::Role::kRegisseur, tenant_id, "create", "handover"));
    // Letting in an unknown sender is a decision about trust, not casework.
    if (allow_untrusted && !beheer)
      return RequireRole(ctx_, caller, core::Role::kBeheer, tenant_id, "create", "handover");
    // The package's events must be recordable under this tenant's packs.
    REGIE_ASSIGN_OR_RETURN(auto compiled, Registry(ctx_).ForTenant(*tx, tenant_id));
    StatusOr<handover::Imported> imported =
        handover::Import(*tx, ctx_.crypto, *compiled, tenant_id, request.body, allow_untrusted,
                         caller.principal.user_id, ctx_.clock.Now());
    if (!imported.ok()) {
      // A refused package is worth an auditor's look (tampering, unknown sender).
      core::AuditRecord refused = AuditOf(caller, ctx_.clock, "create", "handover", "");
      refused.tenant_id = tenant_id;
      refused.outcome = "denied";
      refused.purpose = imported.status().reason();
      (void)ctx_.audit.Enqueue(std::move(refused));
      return imported.status();
    }
    json out = handover::SummaryJson(imported->record);
    // The same package again changes nothing but answers with the stored
    // record (its household name): logged as a read of that record, with
    // a purpose saying it was a repeat, in the transaction as a first
    // upload's record is.
    const bool repeat = !imported->created;
    const std::string sender = imported->record.sender_code;
    core::AuditRecord audit = AuditOf(caller, ctx_.clock, repeat ? "read" : "create", "handover",
                                      std::to_string(imported->record.id));
    audit.tenant_id = tenant_id;
    audit.purpose =
        repeat ? "overdracht opnieuw aangeboden door " + sender + " (al ontvangen, niets gewijzigd)"
               : "overdracht ontvangen van " + sender;
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(audit)).status());
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(repeat ? 200 : 201, dto::Dump(out));
  }

  StatusOr<ApiResponse> Accept(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t id, PathId(request, "handoverId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    std::vector<FieldError> errors;
    int64_t regisseur = 0;
    if (auto it = body.find("regisseur_user_id"); it != body.end() && !it->is_null()) {
      if (it->is_number_integer() && it->get<int64_t>() > 0)
        regisseur = it->get<int64_t>();
      else
        errors.push_back({"regisseur_user_id", "wrong_type"});
    }
    RefuseUnknown(body, {"regisseur_user_id"}, errors);
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(
        RequireRole(ctx_, caller, core::Role::kRegisseur, tenant_id, "update", "handover"));
    if (regisseur == 0) regisseur = caller.principal.user_id;
    REGIE_ASSIGN_OR_RETURN(auto compiled, Registry(ctx_).ForTenant(*tx, tenant_id));
    REGIE_ASSIGN_OR_RETURN(ports::HandoverRecord record,
                           handover::Accept(*tx, *compiled, tenant_id, id, regisseur,
                                            caller.principal.user_id, ctx_.clock.Now()));
    core::AuditRecord audit =
        AuditOf(caller, ctx_.clock, "create", "household", std::to_string(record.household_id));
    audit.tenant_id = tenant_id;
    audit.household_id = record.household_id;
    audit.categories = core::CategorySet::All();
    audit.purpose = "overdracht " + record.package_id + " geaccepteerd";
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(audit)).status());
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(200, dto::Dump(handover::SummaryJson(record)));
  }

  StatusOr<ApiResponse> Reject(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t id, PathId(request, "handoverId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    std::vector<FieldError> errors;
    std::string reason;
    ReadRequiredString(body, "reason", reason, errors);
    RefuseUnknown(body, {"reason"}, errors);
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(
        RequireRole(ctx_, caller, core::Role::kRegisseur, tenant_id, "update", "handover"));
    REGIE_ASSIGN_OR_RETURN(
        ports::HandoverRecord record,
        handover::Reject(*tx, tenant_id, id, caller.principal.user_id, reason, ctx_.clock.Now()));
    core::AuditRecord audit = AuditOf(caller, ctx_.clock, "update", "handover", std::to_string(id));
    audit.tenant_id = tenant_id;
    audit.purpose = "overdracht afgewezen: " + reason;
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(audit)).status());
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(200, dto::Dump(handover::SummaryJson(record)));
  }

 private:
  // Only the household's own regisseur hands it over.
  StatusOr<HouseholdAccess> CheckRegisseur(ports::Transaction& tx, const Caller& caller,
                                           int64_t tenant_id, int64_t household_id) {
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, tx, caller, tenant_id, household_id, core::Action::kExport));
    if (access.decision.relationship != core::Relationship::kRegisseur ||
        access.decision.break_glass)
      return RefuseHousehold(ctx_, caller, access, core::Action::kExport, "handover_package", "",
                             std::nullopt, "forbidden");
    return access;
  }

  static std::string Attachment(const std::string& package_id) {
    return "attachment; filename=\"overdracht-" + package_id + ".json\"";
  }

  const ApiContext& ctx_;
};

}  // namespace

void AddHandoverRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<HandoverHandlers>(ctx);
  const std::string package =
      "/api/v1/tenants/{tenantId}/households/{householdId}/handover-package";
  router.Add(Verb::post, package, [h](const ApiRequest& r) { return h->Export(r); });
  router.Add(Verb::get, package, [h](const ApiRequest& r) { return h->Download(r); });
  const std::string list = "/api/v1/tenants/{tenantId}/handovers";
  router.Add(Verb::get, list, [h](const ApiRequest& r) { return h->List(r); });
  router.Add(Verb::post, list, [h](const ApiRequest& r) { return h->Upload(r); });
  router.Add(Verb::post, list + "/{handoverId}/accept",
             [h](const ApiRequest& r) { return h->Accept(r); });
  router.Add(Verb::post, list + "/{handoverId}/reject",
             [h](const ApiRequest& r) { return h->Reject(r); });
}

}  // namespace regie::http
