// The broad intake (brede intake) of an adult: the current version, saving
// a new version against the version the client edited, finalising,
// reopening (regisseur) and the version history. CheckHousehold decides
// access to the person's household first; then:
//   read: whoever sees any category of the person (not a volunteer, who
//     sees names only; beleid/beheer/auditor never get this far), and only
//     the parts whose category they see (core::FilterIntake; what was left
//     out is named in hidden_parts / hidden_domains / hidden_noa);
//   write: the regisseur and an assigned begeleider, and a partner whose
//     organisation takes part in the (joint) intake; each writes only the
//     parts of the categories they see, the rest is kept (MergeIntake);
//     the frame (date, participants, interpreter) is the case holders';
//   finalise: regisseur or begeleider; reopen: the regisseur only.
// A break-the-glass reader reads, never writes. Every read and write is
// audited as resource "intake" of the person.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/household_view.h"
#include "http/intake_json.h"
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
  ApiResponse r = MakeProblem(409, "intake_version_conflict", request.path);
  json body = json::parse(r.body);
  body["current_version"] = current;
  r.body = dto::Dump(body);
  return r;
}

struct IntakeRights {
  bool read = false;
  bool edit = false;      // save the parts of the visible categories
  bool frame = false;     // edit date, participants and interpreter
  bool finalise = false;  // finalise (regisseur, begeleider)
  bool reopen = false;    // reopen a finalised intake (regisseur)
};

class IntakeHandlers {
 public:
  explicit IntakeHandlers(const ApiContext& ctx) : ctx_(ctx), domains_(DomainsOf(ctx)) {}

  StatusOr<ApiResponse> Get(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t version, OptionalVersion(request));
    REGIE_ASSIGN_OR_RETURN(Session s, Open(request, ports::TxMode::kRead, core::Action::kRead));
    REGIE_ASSIGN_OR_RETURN(core::Intake intake,
                           s.tx->Intakes().Get(s.tenant_id, s.person_id, version));
    // An old version is history: it is read, never edited from.
    const IntakeRights rights = version == 0 ? Rights(s, intake) : IntakeRights{.read = true};
    REGIE_ASSIGN_OR_RETURN(json out, View(s, intake, rights));
    core::AuditRecord r = Audit(s, core::Action::kRead, std::to_string(intake.version));
    r.categories = core::IntakeCategories(intake.content, domains_).Intersect(s.visible);
    return LoggedRead(JsonResponse(200, dto::Dump(out)), ctx_.audit.Enqueue(std::move(r)));
  }

  StatusOr<ApiResponse> Versions(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(Session s, Open(request, ports::TxMode::kRead, core::Action::kRead));
    REGIE_ASSIGN_OR_RETURN(std::vector<core::IntakeVersionInfo> versions,
                           s.tx->Intakes().ListVersions(s.tenant_id, s.person_id));
    json items = json::array();
    for (const core::IntakeVersionInfo& v : versions)
      items.push_back({{"version", v.version},
                       {"status", core::ToCode(v.status)},
                       {"saved_at", v.saved_at.ToString()},
                       {"saved_by", UserRef(*s.tx, v.saved_by)}});
    core::AuditRecord r = Audit(s, core::Action::kRead, "");
    r.resource_type = "intake_versions";
    return LoggedRead(JsonResponse(200, dto::Dump(json{{"items", std::move(items)}})),
                      ctx_.audit.Enqueue(std::move(r)));
  }

  StatusOr<ApiResponse> Save(const ApiRequest& request) {
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(intake_json::IntakeEdit edit, intake_json::ParseIntakeEdit(body));
    REGIE_ASSIGN_OR_RETURN(Session s, Open(request, ports::TxMode::kWrite, core::Action::kUpdate));
    // The lock holds until commit: nobody saves between this check and ours.
    REGIE_ASSIGN_OR_RETURN(int64_t current_version,
                           s.tx->Intakes().LockCurrentVersion(s.tenant_id, s.person_id));
    REGIE_ASSIGN_OR_RETURN(core::Intake current, s.tx->Intakes().Get(s.tenant_id, s.person_id, 0));
    const IntakeRights rights = Rights(s, current);
    if (!rights.edit) return Refuse(s, core::Action::kUpdate, "forbidden");
    REGIE_RETURN_IF_ERROR(RequireActiveHousehold(s.access));
    if (edit.version != current_version) return VersionConflict(request, current_version);
    if (current.status == core::IntakeStatus::kAfgerond)
      return FailedPrecondition("intake_finalised", "a finalised intake is read-only");

    REGIE_ASSIGN_OR_RETURN(core::Person person, s.tx->Persons().Get(s.tenant_id, s.person_id));
    const core::IntakeContext context{
        .domains = &domains_, .today = ctx_.clock.Today(), .birth_date = person.data.birth_date};
    std::vector<FieldError> errors = core::ValidateIntake(edit.content, context);
    // Only the parts the caller may write are theirs to get right.
    std::erase_if(errors, [&](const FieldError& e) { return !Writes(s, rights, e.field, edit); });
    REGIE_RETURN_IF_ERROR(CheckParticipants(*s.tx, s.tenant_id, edit.content, errors));
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    core::CompactIntake(edit.content);
    REGIE_ASSIGN_OR_RETURN(core::IntakeContent merged,
                           core::MergeIntake(current.content, std::move(edit.content), s.visible,
                                             rights.frame, domains_));
    core::Intake next = current;
    next.tenant_id = s.tenant_id;
    next.person_id = s.person_id;
    next.content = std::move(merged);
    next.status = core::IntakeStatus::kConcept;
    if (current.version == 0) next.recorded_by = s.caller.principal.user_id;
    return Store(request, s, current_version == 0 ? core::Action::kCreate : core::Action::kUpdate,
                 "", std::move(next));
  }

  StatusOr<ApiResponse> Finalise(const ApiRequest& request) {
    return Transition(request, core::IntakeStatus::kAfgerond);
  }

  StatusOr<ApiResponse> Reopen(const ApiRequest& request) {
    return Transition(request, core::IntakeStatus::kConcept);
  }

 private:
  struct Session {
    int64_t tenant_id = 0;
    int64_t person_id = 0;
    std::unique_ptr<ports::Transaction> tx;
    Caller caller;
    HouseholdAccess access;
    core::CategorySet visible;  // of this person, for this caller
  };

  static StatusOr<int64_t> OptionalVersion(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(auto query, ParseQuery(request.query));
    for (const auto& [key, value] : query) {
      if (key != "version") continue;
      if (std::optional<int64_t> v = ParseId(value)) return *v;
      return InvalidArgument("bad_request", "version must be a positive version");
    }
    return int64_t{0};
  }

  // The household decides (a partner's decision is read-only there; the
  // intake rights below are what allow a partner's save), then the
  // categories of the person the caller sees. A volunteer sees names only
  // and is refused like a hidden record.
  StatusOr<Session> Open(const ApiRequest& request, ports::TxMode mode, core::Action action) {
    Session s;
    REGIE_ASSIGN_OR_RETURN(s.tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(s.person_id, PathId(request, "personId"));
    REGIE_ASSIGN_OR_RETURN(s.tx, ctx_.db.Begin(mode));
    REGIE_ASSIGN_OR_RETURN(s.caller, Authenticate(ctx_, *s.tx, request));
    REGIE_RETURN_IF_ERROR(RequireTenant(s.caller, s.tenant_id));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id,
                           s.tx->Access().HouseholdOfPerson(s.tenant_id, s.person_id));
    REGIE_ASSIGN_OR_RETURN(s.access, CheckHousehold(ctx_, *s.tx, s.caller, s.tenant_id,
                                                    household_id, core::Action::kRead));
    dto::FieldFilter filter = PersonFilter(ctx_, s.caller, s.access, s.person_id);
    if (!filter.names_only) s.visible = filter.categories;
    if (s.visible.Empty() || !s.visible.Has(core::DataCategory::kBasis))
      return Refuse(s, action, "category_not_shared");
    return s;
  }

  IntakeRights Rights(const Session& s, const core::Intake& current) const {
    IntakeRights r;
    const core::AccessDecision& d = s.access.decision;
    r.read = d.allowed;
    if (d.break_glass) return r;
    const bool holder = d.relationship == core::Relationship::kRegisseur ||
                        d.relationship == core::Relationship::kBegeleider;
    bool participant = false;
    for (const core::IntakeParticipant& p : current.content.participants)
      participant = participant || p.organisation_id == s.caller.principal.organisation_id;
    r.edit = holder || (d.relationship == core::Relationship::kPartner && participant);
    r.frame = holder;
    r.finalise = holder;
    r.reopen = d.relationship == core::Relationship::kRegisseur;
    return r;
  }

  // Whether a field error of the request concerns a part the caller
  // writes: the frame only for case holders, other parts by category.
  bool Writes(const Session& s, const IntakeRights& rights, const std::string& field,
              const intake_json::IntakeEdit& edit) const {
    if (rights.frame) return true;
    auto under = [&](std::string_view part) { return field.starts_with(part); };
    if (under("intake_date") || under("participants") || under("interpreter")) return false;
    auto index = [&](std::string_view part) -> size_t {
      const size_t start = part.size() + 1;
      return static_cast<size_t>(std::atoi(field.c_str() + start));
    };
    if (under("domains/")) {
      const size_t i = index("domains");
      return i < edit.content.domains.size() &&
             s.visible.Has(domains_.CategoryOf(edit.content.domains[i].domain));
    }
    if (under("noa/")) {
      const size_t i = index("noa");
      return i < edit.content.noa.size() &&
             s.visible.Has(core::NoaCategory(edit.content.noa[i].component));
    }
    for (const auto& [part, code] : core::EnumTraits<core::IntakePart>::kEntries)
      if (field.starts_with(code)) return s.visible.Has(core::IntakePartCategory(part));
    return true;
  }

  // Participants are active users of the organisation given, and that
  // organisation serves the tenant.
  static Status CheckParticipants(ports::Transaction& tx, int64_t tenant_id,
                                  const core::IntakeContent& content,
                                  std::vector<FieldError>& errors) {
    for (size_t i = 0; i < content.participants.size(); ++i) {
      const core::IntakeParticipant& p = content.participants[i];
      const std::string at = "participants/" + std::to_string(i) + "/";
      if (p.organisation_id <= 0 || p.user_id <= 0) continue;  // already an error
      StatusOr<core::Organisation> org = tx.Organisations().Get(tenant_id, p.organisation_id);
      if (!org.ok()) {
        if (org.status().code() != StatusCode::kNotFound) return org.status();
        errors.push_back({at + "organisation_id", "invalid_reference"});
        continue;
      }
      StatusOr<ports::User> user = tx.Users().Get(p.user_id);
      if (!user.ok() && user.status().code() != StatusCode::kNotFound) return user.status();
      if (!user.ok() || !user->data.active || user->data.organisation_id != p.organisation_id)
        errors.push_back({at + "user_id", "invalid_reference"});
    }
    return Status::Ok();
  }

  StatusOr<ApiResponse> Transition(const ApiRequest& request, core::IntakeStatus to) {
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(int64_t version, intake_json::ParseVersionBody(body));
    REGIE_ASSIGN_OR_RETURN(Session s, Open(request, ports::TxMode::kWrite, core::Action::kUpdate));
    REGIE_ASSIGN_OR_RETURN(int64_t current_version,
                           s.tx->Intakes().LockCurrentVersion(s.tenant_id, s.person_id));
    REGIE_ASSIGN_OR_RETURN(core::Intake current, s.tx->Intakes().Get(s.tenant_id, s.person_id, 0));
    const IntakeRights rights = Rights(s, current);
    const bool finalise = to == core::IntakeStatus::kAfgerond;
    if (!(finalise ? rights.finalise : rights.reopen))
      return Refuse(s, core::Action::kUpdate, "forbidden");
    // Reopening is new casework, refused on an archived household;
    // finalising closes what was open, which stays possible.
    if (!finalise) REGIE_RETURN_IF_ERROR(RequireActiveHousehold(s.access));
    if (version != current_version) return VersionConflict(request, current_version);
    if (finalise && current.status == core::IntakeStatus::kAfgerond)
      return FailedPrecondition("intake_finalised", "the intake is finalised already");
    if (!finalise && current.status != core::IntakeStatus::kAfgerond)
      return FailedPrecondition("intake_not_finalised", "only a finalised intake is reopened");
    if (finalise) {
      std::vector<FieldError> errors = core::ValidateIntakeComplete(current.content);
      if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    }
    core::Intake next = current;
    next.status = to;
    next.finalised_at.reset();
    next.finalised_by = 0;
    if (finalise) {
      next.finalised_at = ctx_.clock.Now();
      next.finalised_by = s.caller.principal.user_id;
    }
    return Store(request, s, core::Action::kUpdate, finalise ? "finalised" : "reopened",
                 std::move(next));
  }

  StatusOr<ApiResponse> Store(const ApiRequest& request, Session& s, core::Action action,
                              std::string purpose, core::Intake next) {
    next.version = next.version + 1;
    next.saved_by = s.caller.principal.user_id;
    next.saved_at = ctx_.clock.Now();
    StatusOr<core::Intake> saved = s.tx->Intakes().Save(next);
    if (saved.status().reason() == "intake_version_conflict") {
      REGIE_ASSIGN_OR_RETURN(int64_t current,
                             s.tx->Intakes().LockCurrentVersion(s.tenant_id, s.person_id));
      return VersionConflict(request, current);
    }
    REGIE_RETURN_IF_ERROR(saved.status());
    core::AuditRecord r = Audit(s, action, std::to_string(saved->version));
    r.purpose = std::move(purpose);
    r.categories = core::IntakeCategories(saved->content, domains_).Intersect(s.visible);
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*s.tx, std::move(r)).status());
    REGIE_ASSIGN_OR_RETURN(json out, View(s, *saved, Rights(s, *saved)));
    REGIE_RETURN_IF_ERROR(s.tx->Commit());
    return JsonResponse(200, dto::Dump(out));
  }

  Status Refuse(const Session& s, core::Action action, std::string reason) const {
    return RefuseHousehold(ctx_, s.caller, s.access, action, "intake", std::to_string(s.person_id),
                           s.person_id, std::move(reason));
  }

  core::AuditRecord Audit(const Session& s, core::Action action, std::string id) const {
    core::AuditRecord r = HouseholdAudit(ctx_, s.caller, s.access, action, "intake", std::move(id));
    r.person_id = s.person_id;
    return r;
  }

  // The intake as the caller may see it, with names for the people in it,
  // the configured domains, and what the caller may do.
  StatusOr<json> View(const Session& s, const core::Intake& intake,
                      const IntakeRights& rights) const {
    const core::IntakeView view = core::FilterIntake(intake.content, s.visible, domains_);
    json out = intake_json::ContentJson(view.content);
    for (json& p : out["participants"]) {
      StatusOr<ports::User> u = s.tx->Users().Get(p["user_id"].get<int64_t>());
      StatusOr<core::Organisation> o =
          s.tx->Organisations().Get(s.tenant_id, p["organisation_id"].get<int64_t>());
      p["display_name"] = u.ok() ? json(u->data.display_name) : json(nullptr);
      p["organisation_name"] = o.ok() ? json(o->data.name) : json(nullptr);
    }
    REGIE_ASSIGN_OR_RETURN(core::Person person, s.tx->Persons().Get(s.tenant_id, s.person_id));
    out["person_id"] = s.person_id;
    out["version"] = intake.version;
    out["status"] = core::ToCode(intake.status);
    out["adult"] = core::AgeOn(person.data.birth_date, ctx_.clock.Today()) >= core::kAdultAge;
    out["recorded_by"] = intake.version > 0 ? UserRef(*s.tx, intake.recorded_by) : json(nullptr);
    out["saved_by"] = intake.version > 0 ? UserRef(*s.tx, intake.saved_by) : json(nullptr);
    out["saved_at"] = intake.version > 0 ? json(intake.saved_at.ToString()) : json(nullptr);
    out["finalised_by"] = intake.finalised_at ? UserRef(*s.tx, intake.finalised_by) : json(nullptr);
    out["finalised_at"] =
        intake.finalised_at ? json(intake.finalised_at->ToString()) : json(nullptr);
    json hidden = json::array();
    for (core::IntakePart p : view.hidden_parts) hidden.push_back(core::ToCode(p));
    out["hidden_parts"] = std::move(hidden);
    out["hidden_domains"] = view.hidden_domains;
    out["hidden_noa"] = view.hidden_noa;
    json domains = json::array();
    for (const core::PlanDomain& d : domains_.All())
      domains.push_back({{"code", d.code},
                         {"label_nl", d.label_nl},
                         {"label_en", d.label_en},
                         {"category", core::ToCode(d.category)},
                         {"visible", s.visible.Has(d.category)}});
    out["domains_config"] = std::move(domains);
    json noa = json::array();
    for (const auto& [component, code] : core::EnumTraits<core::NoaComponent>::kEntries)
      noa.push_back({{"component", code},
                     {"category", core::ToCode(core::NoaCategory(component))},
                     {"visible", s.visible.Has(core::NoaCategory(component))}});
    out["noa_config"] = std::move(noa);
    const bool open = intake.status == core::IntakeStatus::kConcept;
    out["access"] = {{"relationship", core::ToCode(s.access.decision.relationship)},
                     {"edit", rights.edit && open},
                     {"edit_frame", rights.frame && open},
                     {"finalise", rights.finalise && open && intake.version > 0},
                     {"reopen", rights.reopen && !open},
                     {"visible_categories", s.visible.Codes()}};
    if (rights.frame) {
      REGIE_ASSIGN_OR_RETURN(out["participant_options"], ParticipantOptions(s));
    }
    return out;
  }

  // Who can take part in the intake: the household's regisseur and
  // begeleiders, and active staff of the organisations involved.
  StatusOr<json> ParticipantOptions(const Session& s) const {
    const core::HouseholdFacts& f = s.access.facts;
    std::set<int64_t> assigned(f.begeleider_ids.begin(), f.begeleider_ids.end());
    assigned.insert(f.regisseur_user_id);
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::User> users, s.tx->Users().ListServing(s.tenant_id));
    json out = json::array();
    for (const ports::User& u : users) {
      if (!u.data.active) continue;
      const bool involved =
          std::find(f.involved_organisations.begin(), f.involved_organisations.end(),
                    u.data.organisation_id) != f.involved_organisations.end();
      const bool staff = u.data.roles.Has(core::Role::kRegisseur) ||
                         u.data.roles.Has(core::Role::kBegeleider) ||
                         u.data.roles.Has(core::Role::kPartner);
      if (!assigned.contains(u.id) && !(involved && staff)) continue;
      StatusOr<core::Organisation> o =
          s.tx->Organisations().Get(s.tenant_id, u.data.organisation_id);
      out.push_back({{"user_id", u.id},
                     {"organisation_id", u.data.organisation_id},
                     {"display_name", u.data.display_name},
                     {"organisation_name", o.ok() ? json(o->data.name) : json(nullptr)}});
    }
    return out;
  }

  const ApiContext& ctx_;
  const core::PlanDomains& domains_;
};

}  // namespace

void AddIntakeRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<IntakeHandlers>(ctx);
  const std::string base = "/api/v1/tenants/{tenantId}/persons/{personId}/intake";
  router.Add(Verb::get, base, [h](const ApiRequest& r) { return h->Get(r); });
  router.Add(Verb::put, base, [h](const ApiRequest& r) { return h->Save(r); });
  router.Add(Verb::post, base + "/finalise", [h](const ApiRequest& r) { return h->Finalise(r); });
  router.Add(Verb::post, base + "/reopen", [h](const ApiRequest& r) { return h->Reopen(r); });
  router.Add(Verb::get, base + "/versions", [h](const ApiRequest& r) { return h->Versions(r); });
}

}  // namespace regie::http
