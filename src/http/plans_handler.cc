// The personal plan of a household (issue 4, "Casework"): the current
// version, saving a new version against the version the client edited,
// old versions and the diff between two, the progress of one action, and
// the client's agreement. CheckHousehold decides access to the household
// first; core::DecidePlan / FilterPlan / MergeVisibleGoals narrow it to
// the goals and actions the caller may see, in the server. Every read and
// write is audited as resource "plan" (or "plan_agreement").
#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/access/plan_access.h"
#include "core/casework/plan_diff.h"
#include "core/date.h"
#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/household_view.h"
#include "http/plan_json.h"
#include "http/problem.h"

namespace regie::http {
namespace {

using nlohmann::json;

const core::PlanDomains& DomainsOf(const ApiContext& ctx) {
  static const core::PlanDomains kDefaults = core::PlanDomains::Defaults();
  return ctx.plan_domains != nullptr ? *ctx.plan_domains : kDefaults;
}

// 409 with the version the client should reload.
ApiResponse VersionConflict(const ApiRequest& request, int64_t current) {
  ApiResponse r = MakeProblem(409, "plan_version_conflict", request.path);
  json body = json::parse(r.body);
  body["current_version"] = current;
  r.body = dto::Dump(body);
  return r;
}

StatusOr<int64_t> QueryVersion(const std::vector<std::pair<std::string, std::string>>& query,
                               std::string_view name) {
  for (const auto& [key, value] : query)
    if (key == name)
      if (std::optional<int64_t> v = ParseId(value)) return *v;
  return InvalidArgument("bad_request", std::string(name) + " must be a positive version");
}

class PlanHandlers {
 public:
  explicit PlanHandlers(const ApiContext& ctx) : ctx_(ctx), domains_(DomainsOf(ctx)) {}

  StatusOr<ApiResponse> Get(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(Reader r, Read(request, "plan"));
    REGIE_ASSIGN_OR_RETURN(core::Plan plan, r.tx->Plans().Get(r.tenant_id, r.household_id, 0));
    REGIE_ASSIGN_OR_RETURN(std::vector<core::PlanAgreement> agreements,
                           r.tx->Plans().ListAgreements(r.tenant_id, r.household_id));
    json out = View(*r.tx, r.caller, r.access, plan);
    json list = json::array();
    bool agreed = false;
    for (const core::PlanAgreement& a : agreements) {
      agreed = agreed || (plan.version > 0 && a.plan_version == plan.version);
      list.push_back(plan_json::AgreementJson(*r.tx, a));
    }
    out["agreed"] = agreed;
    out["agreements"] = std::move(list);
    out["domains"] = plan_json::DomainsJson(domains_);
    const core::PlanRights rights = core::DecidePlan(r.access.decision);
    out["access"] = {{"relationship", core::ToCode(r.access.decision.relationship)},
                     {"edit", rights.edit},
                     {"agree", rights.agree},
                     {"reopen", rights.regisseur}};
    return Logged(r, core::Action::kRead, std::to_string(plan.version), out);
  }

  StatusOr<ApiResponse> Save(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(plan_json::PlanEdit edit, plan_json::ParsePlanEdit(body));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household_id, core::Action::kUpdate));
    const core::PlanRights rights = core::DecidePlan(access.decision);
    if (!rights.edit)
      return RefuseHousehold(ctx_, caller, access, core::Action::kUpdate, "plan", "", std::nullopt,
                             "forbidden");
    REGIE_RETURN_IF_ERROR(RequireActiveHousehold(access));
    REGIE_ASSIGN_OR_RETURN(core::PlanContext context, Context(*tx, tenant_id, household_id));
    if (!edit.errors.empty()) {
      // Fields that did not parse, and the rules the rest breaks, in one
      // answer; a field already refused is not refused twice.
      std::vector<FieldError> errors = std::move(edit.errors);
      const size_t parsed = errors.size();
      std::vector<FieldError> rules = core::ValidatePlanGoals(edit.goals, context);
      REGIE_RETURN_IF_ERROR(CheckResponsibles(*tx, tenant_id, edit.goals, rules));
      for (FieldError& e : rules) {
        const auto same = [&](const FieldError& p) {
          return e.field == p.field || e.field.starts_with(p.field + "/");
        };
        if (std::none_of(errors.begin(), errors.begin() + static_cast<std::ptrdiff_t>(parsed),
                         same))
          errors.push_back(std::move(e));
      }
      return core::ValidationFailed(std::move(errors));
    }
    // The lock holds until commit: nobody saves between this check and ours.
    REGIE_ASSIGN_OR_RETURN(int64_t current_version,
                           tx->Plans().LockCurrentVersion(tenant_id, household_id));
    if (edit.version != current_version) return VersionConflict(request, current_version);
    REGIE_ASSIGN_OR_RETURN(core::Plan current, tx->Plans().Get(tenant_id, household_id, 0));
    const core::Timestamp now = ctx_.clock.Now();

    std::vector<FieldError> errors = core::ValidatePlanGoals(edit.goals, context);
    for (FieldError& e : core::ValidatePlanTransitions(current, edit.goals, rights.regisseur))
      errors.push_back(std::move(e));
    REGIE_RETURN_IF_ERROR(CheckResponsibles(*tx, tenant_id, edit.goals, errors));
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    REGIE_ASSIGN_OR_RETURN(std::vector<core::PlanGoal> goals,
                           core::MergeVisibleGoals(caller.principal, access.decision, access.facts,
                                                   domains_, current, std::move(edit.goals), now));

    core::Plan next{.tenant_id = tenant_id,
                    .household_id = household_id,
                    .version = current_version + 1,
                    .saved_at = now,
                    .saved_by = caller.principal.user_id,
                    .next_key = current.next_key,
                    .goals = std::move(goals)};
    core::AssignPlanKeys(next);
    return Store(request, *tx, caller, access, next);
  }

  // A partner (or the responsible user) reports on one action; the
  // regisseur and begeleider may use it too. Saves a new version.
  StatusOr<ApiResponse> Progress(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_ASSIGN_OR_RETURN(int64_t action_key, PathId(request, "actionKey"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(plan_json::ActionProgress progress,
                           plan_json::ParseActionProgress(body));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    // A partner's household decision is read-only; the plan rights below
    // are what allow the update.
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household_id, core::Action::kRead));
    const core::PlanRights rights = core::DecidePlan(access.decision);
    if (access.decision.break_glass || !rights.read)
      return RefuseHousehold(ctx_, caller, access, core::Action::kUpdate, "plan", "", std::nullopt,
                             "forbidden");
    // An archived household takes no new casework, but what was open may
    // still be closed: only to gereed or vervallen, and only from open or
    // loopt (checked on the action below).
    const bool closes = progress.status == core::ActionStatus::kGereed ||
                        progress.status == core::ActionStatus::kVervallen;
    if (!closes) REGIE_RETURN_IF_ERROR(RequireActiveHousehold(access));
    REGIE_ASSIGN_OR_RETURN(int64_t current_version,
                           tx->Plans().LockCurrentVersion(tenant_id, household_id));
    if (progress.version != current_version) return VersionConflict(request, current_version);
    REGIE_ASSIGN_OR_RETURN(core::Plan next, tx->Plans().Get(tenant_id, household_id, 0));
    const core::Timestamp now = ctx_.clock.Now();
    core::PlanGoal* goal = nullptr;
    core::PlanAction* action = nullptr;
    for (core::PlanGoal& g : next.goals) {
      for (core::PlanAction& a : g.actions) {
        if (a.key == action_key) {
          goal = &g;
          action = &a;
        }
      }
    }
    if (action == nullptr || !MayUpdate(caller, access, *goal, *action))
      return NotFound("plan_action_not_found", "no such action for this caller");
    // Rewriting the result of an action closed already is not closing it.
    if (action->status == core::ActionStatus::kGereed ||
        action->status == core::ActionStatus::kVervallen)
      REGIE_RETURN_IF_ERROR(RequireActiveHousehold(access));
    if (!core::ActionTransitionAllowed(action->status, progress.status, rights.regisseur))
      return core::ValidationFailed(
          {{"status", action->status == core::ActionStatus::kGereed ||
                              action->status == core::ActionStatus::kVervallen
                          ? "reopen_regisseur_only"
                          : "transition_not_allowed"}});
    const bool reopens = progress.status == core::ActionStatus::kOpen ||
                         progress.status == core::ActionStatus::kLoopt;
    if (goal->status == core::GoalStatus::kBehaald && reopens)
      return core::ValidationFailed({{"status", "goal_achieved"}});
    action->status = progress.status;
    action->result = std::move(progress.result);
    next.version = current_version + 1;
    next.saved_at = now;
    next.saved_by = caller.principal.user_id;
    return Store(request, *tx, caller, access, next);
  }

  StatusOr<ApiResponse> Versions(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(Reader r, Read(request, "plan_versions"));
    REGIE_ASSIGN_OR_RETURN(std::vector<core::PlanVersionInfo> versions,
                           r.tx->Plans().ListVersions(r.tenant_id, r.household_id));
    // How many goals a version had says something about goals the caller
    // may not see: only who sees every goal gets the count.
    const bool full = r.access.decision.categories == core::CategorySet::All();
    json items = json::array();
    for (const core::PlanVersionInfo& v : versions) {
      json item = {{"version", v.version},
                   {"saved_at", v.saved_at.ToString()},
                   {"saved_by", UserRef(*r.tx, v.saved_by)}};
      if (full) item["goal_count"] = v.goal_count;
      items.push_back(std::move(item));
    }
    return Logged(r, core::Action::kRead, "", json{{"items", std::move(items)}});
  }

  StatusOr<ApiResponse> Version(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t version, PathId(request, "version"));
    REGIE_ASSIGN_OR_RETURN(Reader r, Read(request, "plan"));
    REGIE_ASSIGN_OR_RETURN(core::Plan plan,
                           r.tx->Plans().Get(r.tenant_id, r.household_id, version));
    return Logged(r, core::Action::kRead, std::to_string(version),
                  View(*r.tx, r.caller, r.access, plan));
  }

  StatusOr<ApiResponse> Diff(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(auto query, ParseQuery(request.query));
    REGIE_ASSIGN_OR_RETURN(int64_t from, QueryVersion(query, "from"));
    REGIE_ASSIGN_OR_RETURN(int64_t to, QueryVersion(query, "to"));
    REGIE_ASSIGN_OR_RETURN(Reader r, Read(request, "plan_diff"));
    REGIE_ASSIGN_OR_RETURN(core::Plan a, r.tx->Plans().Get(r.tenant_id, r.household_id, from));
    REGIE_ASSIGN_OR_RETURN(core::Plan b, r.tx->Plans().Get(r.tenant_id, r.household_id, to));
    // Both sides filtered first, so a change to a hidden goal stays hidden.
    const core::Timestamp now = ctx_.clock.Now();
    const core::Principal& p = r.caller.principal;
    const core::PlanView va =
        core::FilterPlan(p, r.access.decision, r.access.facts, domains_, a, now);
    const core::PlanView vb =
        core::FilterPlan(p, r.access.decision, r.access.facts, domains_, b, now);
    json changes = json::array();
    for (const core::PlanChange& c : core::DiffPlans(va.plan, vb.plan))
      changes.push_back(plan_json::ChangeJson(c));
    return Logged(r, core::Action::kRead, std::to_string(from) + ".." + std::to_string(to),
                  json{{"from", from}, {"to", to}, {"changes", std::move(changes)}});
  }

  StatusOr<ApiResponse> Agree(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(core::PlanAgreement agreement, plan_json::ParseAgreement(body));
    std::vector<FieldError> errors = core::ValidatePlanAgreement(agreement, ctx_.clock.Today());
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household_id, core::Action::kCreate));
    if (!core::DecidePlan(access.decision).agree)
      return RefuseHousehold(ctx_, caller, access, core::Action::kCreate, "plan_agreement", "",
                             std::nullopt, "forbidden");
    REGIE_RETURN_IF_ERROR(RequireActiveHousehold(access));
    // Signers are adults of the household on the day they signed.
    REGIE_ASSIGN_OR_RETURN(std::vector<core::Person> persons,
                           tx->Persons().ListByHousehold(tenant_id, household_id));
    for (size_t i = 0; i < agreement.signed_by.size(); ++i) {
      const core::Person* person = nullptr;
      for (const core::Person& p : persons)
        if (p.id == agreement.signed_by[i]) person = &p;
      if (person == nullptr)
        errors.push_back({"signed_by/" + std::to_string(i), "invalid_reference"});
      else if (core::AgeOn(person->data.birth_date, agreement.date) < 18)
        errors.push_back({"signed_by/" + std::to_string(i), "not_adult"});
    }
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    agreement.tenant_id = tenant_id;
    agreement.household_id = household_id;
    agreement.recorded_by = caller.principal.user_id;
    agreement.recorded_at = ctx_.clock.Now();
    StatusOr<core::PlanAgreement> stored = tx->Plans().AddAgreement(agreement);
    if (stored.status().reason() == "plan_version_not_found")
      return core::ValidationFailed({{"plan_version", "invalid_reference"}});
    REGIE_RETURN_IF_ERROR(stored.status());
    REGIE_RETURN_IF_ERROR(
        ctx_.audit
            .AppendInTransaction(*tx, HouseholdAudit(ctx_, caller, access, core::Action::kCreate,
                                                     "plan_agreement", std::to_string(stored->id)))
            .status());
    json out = plan_json::AgreementJson(*tx, *stored);
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(201, dto::Dump(out));
  }

 private:
  struct Reader {
    int64_t tenant_id = 0;
    int64_t household_id = 0;
    std::unique_ptr<ports::Transaction> tx;
    Caller caller;
    HouseholdAccess access;
    std::string resource;
  };

  // The common start of a read: the household decides, then the plan
  // rights (a volunteer is refused here, logged).
  StatusOr<Reader> Read(const ApiRequest& request, std::string resource) {
    Reader r;
    r.resource = std::move(resource);
    REGIE_ASSIGN_OR_RETURN(r.tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(r.household_id, PathId(request, "householdId"));
    REGIE_ASSIGN_OR_RETURN(r.tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(r.caller, Authenticate(ctx_, *r.tx, request));
    REGIE_ASSIGN_OR_RETURN(r.access, CheckHousehold(ctx_, *r.tx, r.caller, r.tenant_id,
                                                    r.household_id, core::Action::kRead));
    if (!core::DecidePlan(r.access.decision).read)
      return RefuseHousehold(ctx_, r.caller, r.access, core::Action::kRead, r.resource, "",
                             std::nullopt, "forbidden");
    return r;
  }

  StatusOr<ApiResponse> Logged(const Reader& r, core::Action action, std::string id,
                               const json& body) {
    return LoggedRead(JsonResponse(200, dto::Dump(body)),
                      ctx_.audit.Enqueue(HouseholdAudit(ctx_, r.caller, r.access, action,
                                                        r.resource, std::move(id))));
  }

  bool MayUpdate(const Caller& caller, const HouseholdAccess& access, const core::PlanGoal& goal,
                 const core::PlanAction& action) const {
    const core::PlanRights rights = core::DecidePlan(access.decision);
    if (access.decision.break_glass) return false;
    if (rights.edit && core::SeesGoal(caller.principal, access.decision, access.facts, domains_,
                                      goal, ctx_.clock.Now()))
      return true;
    return rights.read && core::AnswersFor(caller.principal, action);
  }

  json View(ports::Transaction& tx, const Caller& caller, const HouseholdAccess& access,
            const core::Plan& plan) const {
    const core::PlanView view = core::FilterPlan(caller.principal, access.decision, access.facts,
                                                 domains_, plan, ctx_.clock.Now());
    return plan_json::PlanJson(tx, view, [&](const core::PlanGoal& g, const core::PlanAction& a) {
      // The full goal decides, not its restricted view.
      const core::PlanGoal* full = core::FindGoal(plan, g.key);
      return MayUpdate(caller, access, full != nullptr ? *full : g, a);
    });
  }

  StatusOr<core::PlanContext> Context(ports::Transaction& tx, int64_t tenant_id,
                                      int64_t household_id) const {
    REGIE_ASSIGN_OR_RETURN(std::vector<core::Person> persons,
                           tx.Persons().ListByHousehold(tenant_id, household_id));
    core::PlanContext c{.domains = &domains_, .today = ctx_.clock.Today()};
    c.person_ids.reserve(persons.size());
    for (const core::Person& p : persons) c.person_ids.push_back(p.id);
    return c;
  }

  // Responsible organisations serve the tenant; a responsible user works
  // for the responsible organisation.
  static Status CheckResponsibles(ports::Transaction& tx, int64_t tenant_id,
                                  const std::vector<core::PlanGoal>& goals,
                                  std::vector<FieldError>& errors) {
    for (size_t i = 0; i < goals.size(); ++i) {
      for (size_t j = 0; j < goals[i].actions.size(); ++j) {
        const core::PlanAction& a = goals[i].actions[j];
        const std::string at = "goals/" + std::to_string(i) + "/actions/" + std::to_string(j) + "/";
        if (a.organisation_id <= 0) continue;  // already an error
        StatusOr<core::Organisation> org = tx.Organisations().Get(tenant_id, a.organisation_id);
        if (!org.ok()) {
          if (org.status().code() != StatusCode::kNotFound) return org.status();
          errors.push_back({at + "organisation_id", "invalid_reference"});
          continue;
        }
        if (!a.user_id || *a.user_id <= 0) continue;
        StatusOr<ports::User> user = tx.Users().Get(*a.user_id);
        if (!user.ok() && user.status().code() != StatusCode::kNotFound) return user.status();
        if (!user.ok() || user->data.organisation_id != a.organisation_id)
          errors.push_back({at + "user_id", "invalid_reference"});
      }
    }
    return Status::Ok();
  }

  StatusOr<ApiResponse> Store(const ApiRequest& request, ports::Transaction& tx,
                              const Caller& caller, const HouseholdAccess& access,
                              const core::Plan& next) {
    StatusOr<core::Plan> saved = tx.Plans().Save(next);
    if (saved.status().reason() == "plan_version_conflict") {
      REGIE_ASSIGN_OR_RETURN(int64_t current,
                             tx.Plans().LockCurrentVersion(next.tenant_id, next.household_id));
      return VersionConflict(request, current);
    }
    REGIE_RETURN_IF_ERROR(saved.status());
    REGIE_RETURN_IF_ERROR(
        ctx_.audit
            .AppendInTransaction(tx, HouseholdAudit(ctx_, caller, access, core::Action::kUpdate,
                                                    "plan", std::to_string(saved->version)))
            .status());
    json out = View(tx, caller, access, *saved);
    REGIE_RETURN_IF_ERROR(tx.Commit());
    return JsonResponse(200, dto::Dump(out));
  }

  const ApiContext& ctx_;
  const core::PlanDomains& domains_;
};

}  // namespace

void AddPlanRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<PlanHandlers>(ctx);
  const std::string base = "/api/v1/tenants/{tenantId}/households/{householdId}/plan";
  router.Add(Verb::get, base, [h](const ApiRequest& r) { return h->Get(r); });
  router.Add(Verb::put, base, [h](const ApiRequest& r) { return h->Save(r); });
  router.Add(Verb::get, base + "/versions", [h](const ApiRequest& r) { return h->Versions(r); });
  router.Add(Verb::get, base + "/versions/{version}",
             [h](const ApiRequest& r) { return h->Version(r); });
  router.Add(Verb::get, base + "/diff", [h](const ApiRequest& r) { return h->Diff(r); });
  router.Add(Verb::post, base + "/agreements", [h](const ApiRequest& r) { return h->Agree(r); });
  router.Add(Verb::post, base + "/actions/{actionKey}/progress",
             [h](const ApiRequest& r) { return h->Progress(r); });
}

}  // namespace regie::http
