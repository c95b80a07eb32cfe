// Relationships and consent of a household: assignments of begeleiders and
// vrijwilligers, break-the-glass, and sharing bases per person.
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/auth_support.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/household_view.h"

namespace regie::http {
namespace {

using nlohmann::json;

constexpr size_t kMaxText = 2000;

// Reads a JSON array of positive ids at `key`.
void ReadIds(const json& body, const char* key, std::vector<int64_t>& out,
             std::vector<FieldError>& errors) {
  auto it = body.find(key);
  if (it == body.end()) return errors.push_back({key, "required"});
  if (!it->is_array()) return errors.push_back({key, "wrong_type"});
  for (size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    if (!v.is_number_integer() || v.get<int64_t>() < 1)
      errors.push_back({std::string(key) + "/" + std::to_string(i), "wrong_type"});
    else
      out.push_back(v.get<int64_t>());
  }
}

class AccessHandlers {
 public:
  explicit AccessHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> SetAssignments(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    std::vector<int64_t> begeleiders, vrijwilligers;
    std::vector<FieldError> errors;
    ReadIds(body, "begeleiders", begeleiders, errors);
    ReadIds(body, "vrijwilligers", vrijwilligers, errors);
    RefuseUnknown(body, {"begeleiders", "vrijwilligers"}, errors);
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household_id, core::Action::kUpdate));
    if (access.decision.relationship != core::Relationship::kRegisseur)
      return RefuseHousehold(ctx_, caller, access, core::Action::kUpdate, "assignments",
                             std::to_string(household_id), std::nullopt,
                             "not_regisseur_of_household");
    REGIE_RETURN_IF_ERROR(CheckRole(*tx, begeleiders, core::Role::kBegeleider, "begeleiders"));
    REGIE_RETURN_IF_ERROR(
        CheckRole(*tx, vrijwilligers, core::Role::kVrijwilliger, "vrijwilligers"));
    REGIE_RETURN_IF_ERROR(tx->Access().SetAssignments(
        tenant_id, household_id, ports::AssignmentKind::kBegeleider, begeleiders));
    REGIE_RETURN_IF_ERROR(tx->Access().SetAssignments(
        tenant_id, household_id, ports::AssignmentKind::kVrijwilliger, vrijwilligers));
    REGIE_RETURN_IF_ERROR(
        ctx_.audit
            .AppendInTransaction(*tx, HouseholdAudit(ctx_, caller, access, core::Action::kUpdate,
                                                     "assignments", std::to_string(household_id)))
            .status());
    REGIE_ASSIGN_OR_RETURN(access.facts,
                           tx->Access().Facts(tenant_id, household_id, caller.principal.user_id));
    REGIE_ASSIGN_OR_RETURN(core::Household household,
                           tx->Households().Get(tenant_id, household_id));
    REGIE_ASSIGN_OR_RETURN(json out, HouseholdView(ctx_, *tx, caller, access, household));
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(200, dto::Dump(out));
  }

  StatusOr<ApiResponse> BreakGlass(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(std::string reason,
                           ReadReasonBody(body, core::kMinBreakGlassReason, kMaxText));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    core::AccessDecision d = core::DecideBreakGlass(caller.principal, tenant_id, reason);
    if (!d.allowed)
      REGIE_RETURN_IF_ERROR(
          RequireRole(ctx_, caller, core::Role::kRegisseur, tenant_id, "break_glass", "household"));
    // The household must exist in the tenant.
    REGIE_RETURN_IF_ERROR(
        tx->Access().Facts(tenant_id, household_id, caller.principal.user_id).status());
    const core::Timestamp now = ctx_.clock.Now();
    core::BreakGlassGrant grant{caller.principal.user_id, household_id, reason, now,
                                core::Timestamp{now.micros + core::kBreakGlassMicros}};
    REGIE_RETURN_IF_ERROR(tx->Access().OpenBreakGlass(grant));
    core::AuditRecord r =
        AuditOf(caller, ctx_.clock, "break_glass", "household", std::to_string(household_id));
    r.tenant_id = tenant_id;
    r.household_id = household_id;
    r.break_glass = true;
    r.purpose = "break_glass: " + reason;
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(r)).status());
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(201, dto::Dump(json{{"expires_at", grant.expires_at.ToString()}}));
  }

  StatusOr<ApiResponse> ListBases(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t person_id, PathId(request, "personId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        RegisseurOfPerson(*tx, caller, tenant_id, person_id, core::Action::kRead));
    REGIE_ASSIGN_OR_RETURN(std::vector<core::SharingBasis> bases,
                           tx->Access().BasesOfPerson(tenant_id, person_id));
    json items = json::array();
    for (const core::SharingBasis& b : bases) {
      REGIE_ASSIGN_OR_RETURN(json j, BasisJson(*tx, b));
      items.push_back(std::move(j));
    }
    core::AuditRecord r =
        HouseholdAudit(ctx_, caller, access, core::Action::kRead, "sharing_basis", "");
    r.person_id = person_id;
    return LoggedRead(JsonResponse(200, dto::Dump(json{{"items", std::move(items)}})),
                      ctx_.audit.Enqueue(std::move(r)));
  }

  StatusOr<ApiResponse> CreateBasis(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t person_id, PathId(request, "personId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(core::SharingBasis basis, ParseBasis(body));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        RegisseurOfPerson(*tx, caller, tenant_id, person_id, core::Action::kUpdate));
    StatusOr<core::Organisation> org = tx->Organisations().Get(tenant_id, basis.organisation_id);
    if (!org.ok()) {
      if (org.status().code() != StatusCode::kNotFound) return org.status();
      return core::ValidationFailed({{"organisation_id", "invalid_reference"}});
    }
    basis.tenant_id = tenant_id;
    basis.person_id = person_id;
    basis.recorded_by = caller.principal.user_id;
    REGIE_ASSIGN_OR_RETURN(core::SharingBasis created,
                           tx->Access().CreateBasis(basis, ctx_.clock.Now()));
    core::AuditRecord r = HouseholdAudit(ctx_, caller, access, core::Action::kCreate,
                                         "sharing_basis", std::to_string(created.id));
    r.person_id = person_id;
    r.categories = created.categories;
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(r)).status());
    REGIE_ASSIGN_OR_RETURN(json out, BasisJson(*tx, created));
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(201, dto::Dump(out));
  }

  StatusOr<ApiResponse> WithdrawBasis(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t basis_id, PathId(request, "basisId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    REGIE_ASSIGN_OR_RETURN(core::SharingBasis basis, tx->Access().GetBasis(tenant_id, basis_id));
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        RegisseurOfPerson(*tx, caller, tenant_id, basis.person_id, core::Action::kUpdate));
    REGIE_ASSIGN_OR_RETURN(core::SharingBasis withdrawn,
                           tx->Access().WithdrawBasis(tenant_id, basis_id, ctx_.clock.Now(),
                                                      caller.principal.user_id));
    core::AuditRecord r = HouseholdAudit(ctx_, caller, access, core::Action::kUpdate,
                                         "sharing_basis", std::to_string(basis_id));
    r.person_id = basis.person_id;
    r.categories = basis.categories;
    r.purpose = "withdrawn";
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(r)).status());
    REGIE_ASSIGN_OR_RETURN(json out, BasisJson(*tx, withdrawn));
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(200, dto::Dump(out));
  }

 private:
  // Consent is managed by the household's regisseur.
  StatusOr<HouseholdAccess> RegisseurOfPerson(ports::Transaction& tx, const Caller& caller,
                                              int64_t tenant_id, int64_t person_id,
                                              core::Action action) {
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id,
                           tx.Access().HouseholdOfPerson(tenant_id, person_id));
    REGIE_ASSIGN_OR_RETURN(HouseholdAccess access,
                           CheckHousehold(ctx_, tx, caller, tenant_id, household_id, action));
    if (access.decision.relationship != core::Relationship::kRegisseur)
      return RefuseHousehold(ctx_, caller, access, action, "sharing_basis", "", person_id,
                             "not_regisseur_of_household");
    return access;
  }

  static Status CheckRole(ports::Transaction& tx, const std::vector<int64_t>& ids, core::Role role,
                          const std::string& field) {
    std::vector<FieldError> errors;
    for (size_t i = 0; i < ids.size(); ++i) {
      StatusOr<ports::User> u = tx.Users().Get(ids[i]);
      if (!u.ok() && u.status().code() != StatusCode::kNotFound) return u.status();
      if (!u.ok() || !u->data.active || !u->data.roles.Has(role))
        errors.push_back({field + "/" + std::to_string(i), "invalid_reference"});
    }
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    return Status::Ok();
  }

  StatusOr<core::SharingBasis> ParseBasis(const json& body) {
    core::SharingBasis b;
    std::vector<FieldError> errors;
    auto org = body.find("organisation_id");
    if (org == body.end())
      errors.push_back({"organisation_id", "required"});
    else if (!org->is_number_integer() || org->get<int64_t>() < 1)
      errors.push_back({"organisation_id", "wrong_type"});
    else
      b.organisation_id = org->get<int64_t>();
    auto cats = body.find("categories");
    if (cats == body.end() || (cats->is_array() && cats->empty())) {
      errors.push_back({"categories", "required"});
    } else if (!cats->is_array()) {
      errors.push_back({"categories", "wrong_type"});
    } else {
      for (size_t i = 0; i < cats->size(); ++i) {
        const json& c = (*cats)[i];
        std::optional<core::DataCategory> cat =
            c.is_string() ? core::ParseEnum<core::DataCategory>(c.get<std::string>())
                          : std::nullopt;
        if (cat)
          b.categories.Add(*cat);
        else
          errors.push_back({"categories/" + std::to_string(i), "invalid_enum"});
      }
    }
    ReadRequiredString(body, "purpose", b.purpose, errors);
    std::string legal, given, consent;
    ReadRequiredString(body, "legal_basis", legal, errors);
    if (!legal.empty()) {
      if (auto l = core::ParseEnum<core::LegalBasis>(legal))
        b.legal_basis = *l;
      else
        errors.push_back({"legal_basis", "invalid_enum"});
    }
    ReadRequiredString(body, "given", given, errors);
    if (!given.empty()) {
      if (auto d = core::Date::Parse(given))
        b.given = *d;
      else
        errors.push_back({"given", "invalid_date"});
      if (b.given > ctx_.clock.Today()) errors.push_back({"given", "date_in_future"});
    }
    if (auto e = body.find("expires"); e != body.end() && !e->is_null()) {
      std::optional<core::Date> d =
          e->is_string() ? core::Date::Parse(e->get<std::string>()) : std::nullopt;
      if (!d)
        errors.push_back({"expires", "invalid_date"});
      else if (*d <= b.given)
        errors.push_back({"expires", "before_given"});
      else
        b.expires = d;
    }
    if (auto c = body.find("consent_text"); c != body.end() && !c->is_null()) {
      if (!c->is_string())
        errors.push_back({"consent_text", "wrong_type"});
      else
        b.consent_text = core::Trim(c->get<std::string>());
    }
    if (b.legal_basis == core::LegalBasis::kToestemming && b.consent_text.empty() && !legal.empty())
      errors.push_back({"consent_text", "required_for_consent"});
    for (const auto* text : {&b.purpose, &b.consent_text}) {
      const char* field = text == &b.purpose ? "purpose" : "consent_text";
      if (!core::IsCleanText(*text, true))
        errors.push_back({field, "invalid_text"});
      else if (text->size() > kMaxText)
        errors.push_back({field, "too_long"});
    }
    RefuseUnknown(body,
                  {"organisation_id", "categories", "purpose", "legal_basis", "given", "expires",
                   "consent_text"},
                  errors);
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    return b;
  }

  StatusOr<json> BasisJson(ports::Transaction& tx, const core::SharingBasis& b) {
    json j = dto::ToJson(b);
    REGIE_ASSIGN_OR_RETURN(core::Organisation org, tx.Organisations().GetById(b.organisation_id));
    j["organisation"] = dto::ToJson(org);
    j.erase("organisation_id");
    j["recorded_by"] = UserRef(tx, b.recorded_by);
    j["active"] = b.ActiveAt(ctx_.clock.Now());
    return j;
  }

  const ApiContext& ctx_;
};

}  // namespace

void AddAccessRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<AccessHandlers>(ctx);
  const std::string household = "/api/v1/tenants/{tenantId}/households/{householdId}";
  router.Add(Verb::put, household + "/assignments",
             [h](const ApiRequest& r) { return h->SetAssignments(r); });
  router.Add(Verb::post, household + "/break-glass",
             [h](const ApiRequest& r) { return h->BreakGlass(r); });
  const std::string bases = "/api/v1/tenants/{tenantId}/persons/{personId}/sharing-bases";
  router.Add(Verb::get, bases, [h](const ApiRequest& r) { return h->ListBases(r); });
  router.Add(Verb::post, bases, [h](const ApiRequest& r) { return h->CreateBasis(r); });
  router.Add(Verb::post, "/api/v1/tenants/{tenantId}/sharing-bases/{basisId}/withdraw",
             [h](const ApiRequest& r) { return h->WithdrawBasis(r); });
}

}  // namespace regie::http
