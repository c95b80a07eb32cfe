// The policy packs the server loaded, and a tenant's activations of them.
// Packs are rules, not personal data: every user serving the tenant may
// read them; only `beheer` changes the activations, and that is audited.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/auth_support.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/household_view.h"
#include "http/policy_json.h"
#include "http/policy_registry.h"
#include "http/policy_support.h"

namespace regie::http {
namespace {

using nlohmann::json;
namespace policy = core::policy;

constexpr size_t kMaxActivations = 100;

// Every version of every pack id, versions in validity order.
std::map<std::string, std::vector<const policy::Pack*>> ByPackId(
    const std::vector<policy::Pack>& library) {
  std::map<std::string, std::vector<const policy::Pack*>> out;
  for (const policy::Pack& p : library) out[p.id].push_back(&p);
  for (auto& [id, versions] : out)
    std::sort(versions.begin(), versions.end(), [](const policy::Pack* a, const policy::Pack* b) {
      return a->valid_from < b->valid_from;
    });
  return out;
}

class PackHandlers {
 public:
  explicit PackHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> List(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    REGIE_ASSIGN_OR_RETURN(core::Tenant tenant, tx->Tenants().Get(tenant_id));
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::StoredActivation> stored,
                           tx->Policy().Activations(tenant_id));
    json items = json::array();
    for (const auto& [id, versions] : ByPackId(Registry(ctx_).library())) {
      json pack = policy_json::PackJson(versions, tenant.data.code, /*detail=*/false);
      pack["activations"] = ActivationsOf(*tx, stored, id);
      items.push_back(std::move(pack));
    }
    return JsonResponse(200, dto::Dump(json{{"items", std::move(items)}}));
  }

  StatusOr<ApiResponse> Get(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    const std::string pack_id(request.params.Get("packId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    REGIE_ASSIGN_OR_RETURN(core::Tenant tenant, tx->Tenants().Get(tenant_id));
    auto packs = ByPackId(Registry(ctx_).library());
    auto it = packs.find(pack_id);
    if (it == packs.end()) return NotFound("pack_not_found", "no policy pack " + pack_id);
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::StoredActivation> stored,
                           tx->Policy().Activations(tenant_id));
    json pack = policy_json::PackJson(it->second, tenant.data.code, /*detail=*/true);
    pack["activations"] = ActivationsOf(*tx, stored, pack_id);
    return JsonResponse(200, dto::Dump(pack));
  }

  StatusOr<ApiResponse> PutActivations(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(std::vector<policy::Activation> activations, ParseActivations(body));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(
        RequireRole(ctx_, caller, core::Role::kBeheer, tenant_id, "update", "policy_activations"));
    REGIE_ASSIGN_OR_RETURN(core::Tenant tenant, tx->Tenants().Get(tenant_id));
    REGIE_RETURN_IF_ERROR(CheckActivations(activations, tenant.data.code));
    // The whole set must compile (no two packs with one rule id, ...).
    StatusOr<std::unique_ptr<policy::CompiledPolicy>> compiled =
        Registry(ctx_).Compile(activations, tenant.data.code);
    if (!compiled.ok())
      return InvalidArgument("policy_pack_invalid", compiled.status().message(),
                             {{"activations", "conflicting_packs"}});
    std::vector<ports::StoredActivation> stored;
    stored.reserve(activations.size());
    for (policy::Activation& a : activations)
      stored.push_back({std::move(a), caller.principal.user_id, ctx_.clock.Now()});
    REGIE_RETURN_IF_ERROR(tx->Policy().ReplaceActivations(tenant_id, stored));
    core::AuditRecord r = AuditOf(caller, ctx_.clock, "update", "policy_activations", "");
    r.tenant_id = tenant_id;
    std::string summary;
    for (const ports::StoredActivation& s : stored)
      summary += (summary.empty() ? "" : ", ") + s.activation.pack_id + " " +
                 s.activation.from.ToString() + ".." +
                 (s.activation.to ? s.activation.to->ToString() : std::string());
    r.purpose = "activations: " + summary;
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(r)).status());
    json items = json::array();
    for (const ports::StoredActivation& s : stored) items.push_back(ActivationJson(*tx, s));
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(200, dto::Dump(json{{"items", std::move(items)}}));
  }

 private:
  static StatusOr<std::vector<policy::Activation>> ParseActivations(const json& body) {
    std::vector<FieldError> errors;
    RefuseUnknown(body, {"activations"}, errors);
    auto list = body.find("activations");
    if (list == body.end()) return core::ValidationFailed({{"activations", "required"}});
    if (!list->is_array()) return core::ValidationFailed({{"activations", "wrong_type"}});
    if (list->size() > kMaxActivations)
      return core::ValidationFailed({{"activations", "too_many"}});
    std::vector<policy::Activation> out;
    for (size_t i = 0; i < list->size(); ++i) {
      const std::string at = "activations/" + std::to_string(i) + "/";
      const json& item = (*list)[i];
      if (!item.is_object()) {
        errors.push_back({"activations/" + std::to_string(i), "wrong_type"});
        continue;
      }
      policy::Activation a;
      std::vector<FieldError> item_errors;
      ReadRequiredString(item, "pack_id", a.pack_id, item_errors);
      std::string from;
      ReadRequiredString(item, "from", from, item_errors);
      if (!from.empty()) {
        if (auto d = core::Date::Parse(from))
          a.from = *d;
        else
          item_errors.push_back({"from", "invalid_date"});
      }
      if (auto to = item.find("to"); to != item.end() && !to->is_null()) {
        std::optional<core::Date> d =
            to->is_string() ? core::Date::Parse(to->get<std::string>()) : std::nullopt;
        if (d)
          a.to = d;
        else
          item_errors.push_back({"to", "invalid_date"});
      }
      RefuseUnknown(item, {"pack_id", "from", "to"}, item_errors);
      for (FieldError& e : item_errors) errors.push_back({at + e.field, e.code});
      out.push_back(std::move(a));
    }
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    return out;
  }

  // Row-level problems, so the editor can show them at the right row.
  Status CheckActivations(const std::vector<policy::Activation>& activations,
                          const std::string& tenant_code) const {
    auto packs = ByPackId(Registry(ctx_).library());
    std::vector<FieldError> errors;
    for (size_t i = 0; i < activations.size(); ++i) {
      const policy::Activation& a = activations[i];
      const std::string at = "activations/" + std::to_string(i) + "/";
      auto it = packs.find(a.pack_id);
      if (it == packs.end())
        errors.push_back({at + "pack_id", "unknown_pack"});
      else if (!it->second.front()->scope.Includes(tenant_code))
        errors.push_back({at + "pack_id", "pack_not_for_tenant"});
      if (a.to && *a.to < a.from) errors.push_back({at + "to", "before_from"});
      for (size_t j = 0; j < i; ++j) {
        const policy::Activation& b = activations[j];
        const bool apart = (a.to && *a.to < b.from) || (b.to && *b.to < a.from);
        if (b.pack_id == a.pack_id && !apart) {
          errors.push_back({at + "from", "overlapping_activation"});
          break;
        }
      }
    }
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    return Status::Ok();
  }

  static json ActivationJson(ports::Transaction& tx, const ports::StoredActivation& s) {
    return {{"pack_id", s.activation.pack_id},
            {"from", s.activation.from.ToString()},
            {"to", policy_json::OptDate(s.activation.to)},
            {"recorded_by", s.recorded_by != 0 ? UserRef(tx, s.recorded_by) : json(nullptr)},
            {"recorded_at", s.recorded_at.ToString()}};
  }

  static json ActivationsOf(ports::Transaction& tx,
                            const std::vector<ports::StoredActivation>& stored,
                            const std::string& pack_id) {
    json out = json::array();
    for (const ports::StoredActivation& s : stored)
      if (s.activation.pack_id == pack_id) out.push_back(ActivationJson(tx, s));
    return out;
  }

  const ApiContext& ctx_;
};

}  // namespace

void AddPackRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<PackHandlers>(ctx);
  const std::string base = "/api/v1/tenants/{tenantId}/policy";
  router.Add(Verb::get, base + "/packs", [h](const ApiRequest& r) { return h->List(r); });
  router.Add(Verb::get, base + "/packs/{packId}", [h](const ApiRequest& r) { return h->Get(r); });
  router.Add(Verb::put, base + "/activations",
             [h](const ApiRequest& r) { return h->PutActivations(r); });
}

}  // namespace regie::http
