// The worklist: overdue milestones and cadence items of the households the
// caller directs (regisseur) or guides (assigned begeleider), their open
// signals (worklist_signals.h), due plan actions (plan_worklist.h, also
// for partners) and referrals awaiting their organisation's answer
// (referral_worklist.h), oldest first, with counts per kind (overdue, due
// within a week) for the start page and optional filters (kind, due,
// household) applied to the cached answer. Computing it reads every household of the
// caller, so the answer is cached per user and reference date while the
// tenant's change counter stands and access cannot change by time alone
// (ResponseCache); each read, cached or not, is audited.
#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/access/policy.h"
#include "core/policy/timeline.h"
#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/plan_worklist.h"
#include "http/policy_json.h"
#include "http/policy_registry.h"
#include "http/policy_support.h"
#include "http/referral_worklist.h"
#include "http/response_cache.h"
#include "http/worklist_signals.h"

namespace regie::http {
namespace {

using nlohmann::json;
namespace policy = core::policy;

constexpr int kHouseholdPage = 200;
constexpr size_t kCachedWorklists = 2048;

struct WorkItem {
  core::Date due;
  json body;
};

// ?on=date&kind=milestone,cadence,signal,action,referral&due=overdue|week
// &household_id=id; every filter optional.
struct WorklistQuery {
  core::Date on;
  std::vector<std::string> kinds;
  std::string due;
  std::optional<int64_t> household_id;
  bool Filtered() const { return !kinds.empty() || !due.empty() || household_id.has_value(); }
};

constexpr std::array<std::string_view, 5> kKinds = {"milestone", "cadence", "signal", "action",
                                                    "referral"};

StatusOr<WorklistQuery> ParseWorklistQuery(std::string_view text, core::Date today) {
  REGIE_ASSIGN_OR_RETURN(auto params, ParseQuery(text));
  WorklistQuery q{.on = today};
  std::vector<FieldError> errors;
  for (const auto& [name, value] : params) {
    if (name == "on") {
      if (std::optional<core::Date> d = core::Date::Parse(value))
        q.on = *d;
      else
        errors.push_back({"on", "invalid_date"});
    } else if (name == "kind") {
      size_t start = 0;
      while (start <= value.size()) {
        size_t comma = value.find(',', start);
        if (comma == std::string::npos) comma = value.size();
        std::string kind = value.substr(start, comma - start);
        if (std::find(kKinds.begin(), kKinds.end(), kind) == kKinds.end())
          errors.push_back({"kind", "invalid_enum"});
        else
          q.kinds.push_back(std::move(kind));
        start = comma + 1;
      }
    } else if (name == "due") {
      if (value == "overdue" || value == "week")
        q.due = value;
      else
        errors.push_back({"due", "invalid_enum"});
    } else if (name == "household_id") {
      if (std::optional<int64_t> id = ParseId(value))
        q.household_id = *id;
      else
        errors.push_back({"household_id", "invalid_number"});
    } else {
      errors.push_back({name, "unknown_field"});
    }
  }
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return q;
}

// Per kind: how many items are overdue (due before `on`) and how many fall
// due within the coming week (from `on`, 7 days).
json Counts(const std::vector<WorkItem>& items, core::Date on) {
  json counts = json::object();
  for (std::string_view kind : kKinds) counts[std::string(kind)] = {{"overdue", 0}, {"week", 0}};
  for (const WorkItem& w : items) {
    json& c = counts[w.body.value("kind", std::string("other"))];
    if (!c.is_object()) c = {{"overdue", 0}, {"week", 0}};
    if (w.due < on)
      c["overdue"] = c["overdue"].get<int>() + 1;
    else if (w.due < on.AddDays(7))
      c["week"] = c["week"].get<int>() + 1;
  }
  return counts;
}

// The cached answer narrowed to the query's filters (counts stay those of
// the whole list: the start page shows them unfiltered).
std::string Filter(std::string body, const WorklistQuery& q) {
  if (!q.Filtered()) return body;
  json all = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (all.is_discarded() || !all.contains("items")) return body;
  const std::string on = q.on.ToString();
  const std::string week = q.on.AddDays(7).ToString();
  json kept = json::array();
  for (json& item : all["items"]) {
    const std::string kind = item.value("kind", std::string());
    const std::string due = item.value("due_date", std::string());
    if (!q.kinds.empty() && std::find(q.kinds.begin(), q.kinds.end(), kind) == q.kinds.end())
      continue;
    if (q.due == "overdue" && !(due < on)) continue;
    if (q.due == "week" && !(due < week)) continue;
    if (q.household_id && !(item.contains("household") && item["household"].is_object() &&
                            item["household"].value("id", int64_t{0}) == *q.household_id))
      continue;
    kept.push_back(std::move(item));
  }
  all["items"] = std::move(kept);
  return dto::Dump(all);
}

class WorklistHandler {
 public:
  explicit WorklistHandler(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> Get(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(WorklistQuery wq, ParseWorklistQuery(request.query, ctx_.clock.Today()));
    const core::Date on = wq.on;
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    const core::Principal& p = caller.principal;
    const bool directs = p.Has(core::Role::kRegisseur) || p.Has(core::Role::kBegeleider);
    if (!directs && !p.Has(core::Role::kPartner))
      REGIE_RETURN_IF_ERROR(
          RequireRole(ctx_, caller, core::Role::kRegisseur, tenant_id, "list", "worklist"));
    REGIE_RETURN_IF_ERROR(RequireTenant(ctx_, caller, tenant_id));
    const core::DataCategory category = ctx_.fields.Of("events");
    // The counter first: the data read after it is at least as new.
    REGIE_ASSIGN_OR_RETURN(int64_t generation, tx->Tenants().ChangeCount(tenant_id));
    const core::Timestamp now = ctx_.clock.Now();
    const std::string key = CacheKey(p, tenant_id, on);
    if (std::shared_ptr<const ResponseCache::Entry> hit = cache_.Get(key, generation, now))
      return LoggedRead(JsonResponse(200, Filter(hit->body, wq)),
                        ctx_.audit.Enqueue(Audit(caller, tenant_id, hit->categories)));
    // At the latest the next midnight (sharing bases start and end by date),
    // earlier when a household's break-the-glass opening starts or ends.
    core::Timestamp valid_until = core::NextAccessChange(core::HouseholdFacts{}, now);
    REGIE_ASSIGN_OR_RETURN(auto compiled, Registry(ctx_).ForTenant(*tx, tenant_id));

    ports::HouseholdQuery query{.tenant_id = tenant_id, .limit = kHouseholdPage};
    query.visible_to = ports::ListVisibility{.user_id = p.user_id,
                                             .organisation_id = p.organisation_id,
                                             .as_regisseur = p.Has(core::Role::kRegisseur),
                                             .as_begeleider = p.Has(core::Role::kBegeleider),
                                             .now = ctx_.clock.Now()};
    std::vector<WorkItem> items;
    policy::Evaluator evaluator(*compiled);
    policy::Evaluation evaluation;
    std::vector<std::string> unknown;
    // A partner has no households of their own: only plan actions.
    while (directs) {
      REGIE_ASSIGN_OR_RETURN(ports::HouseholdPage page, tx->Households().List(query));
      for (const ports::HouseholdListItem& item : page.items) {
        const core::HouseholdSummary& h = item.summary;
        // The one policy decides, household by household, as for a read.
        REGIE_ASSIGN_OR_RETURN(core::HouseholdFacts facts,
                               tx->Access().Facts(tenant_id, h.id, p.user_id));
        valid_until = std::min(valid_until, core::NextAccessChange(facts, now));
        core::AccessDecision d = core::DecideHousehold(p, core::Action::kRead, facts, now);
        if (!d.allowed) continue;
        REGIE_ASSIGN_OR_RETURN(std::vector<core::Person> persons,
                               tx->Persons().ListByHousehold(tenant_id, h.id));
        REGIE_ASSIGN_OR_RETURN(std::vector<ports::StoredEvent> events,
                               tx->Policy().EventsOfHousehold(tenant_id, h.id));
        for (const core::Person& person : persons) {
          const dto::FieldFilter filter{
              .categories = core::PersonCategories(p, d, facts, person.id, now),
              .names_only = d.names_only,
              .fields = &ctx_.fields};
          if (!filter.categories.Has(category)) continue;
          std::vector<policy::PersonEvent> mine;
          for (const ports::StoredEvent& e : events)
            if (e.person_id == person.id && !e.voided_at) mine.push_back(e.event);
          policy::EvaluateStored(evaluator, *compiled, policy::FactsFromPerson(person.data), mine,
                                 on, evaluation, unknown);
          Collect(*compiled, h, person, evaluation, HiddenDatesOf(*compiled, filter), items);
        }
      }
      if (!page.next) break;
      query.after = page.next;
    }
    core::CategorySet signal_categories;
    REGIE_ASSIGN_OR_RETURN(auto signal_items,
                           SignalWorkItems(ctx_, *tx, caller, tenant_id, signal_categories));
    for (auto& [due, body] : signal_items) items.push_back({due, std::move(body)});
    REGIE_ASSIGN_OR_RETURN(std::vector<PlanWorkItem> actions,
                           DuePlanActions(ctx_, *tx, caller, tenant_id, on));
    items.reserve(items.size() + actions.size());
    for (PlanWorkItem& a : actions) items.push_back({a.due, std::move(a.body)});
    REGIE_ASSIGN_OR_RETURN(auto referral_items,
                           ReferralWorkItems(ctx_, *tx, caller, tenant_id, on, signal_categories));
    for (auto& [due, body] : referral_items) items.push_back({due, std::move(body)});
    std::stable_sort(items.begin(), items.end(),
                     [](const WorkItem& a, const WorkItem& b) { return a.due < b.due; });
    json counts = Counts(items, on);
    json out = json::array();
    for (WorkItem& w : items) out.push_back(std::move(w.body));
    const core::CategorySet categories = core::CategorySet{category}.Union(signal_categories);
    std::string body = dto::Dump(
        json{{"on", on.ToString()}, {"counts", std::move(counts)}, {"items", std::move(out)}});
    cache_.Put(key, {.generation = generation,
                     .valid_until = valid_until,
                     .body = body,
                     .categories = categories});
    return LoggedRead(JsonResponse(200, Filter(std::move(body), wq)),
                      ctx_.audit.Enqueue(Audit(caller, tenant_id, categories)));
  }

 private:
  // Everything the answer depends on besides the tenant's data: who asks
  // (user, organisation, roles) and the reference date.
  static std::string CacheKey(const core::Principal& p, int64_t tenant_id, core::Date on) {
    std::string key = std::to_string(tenant_id) + "/" + std::to_string(p.user_id) + "/" +
                      std::to_string(p.organisation_id) + "/" + on.ToString();
    for (const std::string& role : p.roles.Codes()) key += "/" + role;
    return key;
  }

  core::AuditRecord Audit(const Caller& caller, int64_t tenant_id,
                          const core::CategorySet& categories) const {
    core::AuditRecord r = AuditOf(caller, ctx_.clock, "list", "worklist", "");
    r.tenant_id = tenant_id;
    r.categories = categories;
    return r;
  }

  // The person dates the caller may not see of one person (a field
  // category configuration can move them out of the basic data). Those who
  // get milestones on their worklist normally see all of them: then nothing
  // needs computing.
  static policy_json::HiddenDates HiddenDatesOf(const policy::CompiledPolicy& compiled,
                                                const dto::FieldFilter& filter) {
    bool all = true;
    for (std::string_view field : {"birth_date", "permit_date", "koppeling_date", "housing_date"})
      all = all && filter.Shows(field);
    if (all) return {};
    return policy_json::HiddenDates(
        compiled, [&filter](std::string_view field) { return filter.Shows(field); });
  }

  // A milestone or cadence item whose due date comes from a person date the
  // caller may not see is left out, not shown without its date: that it is
  // overdue on a reference date the caller chooses would give the date
  // away. The person's timeline leaves the same items out.
  static void Collect(const policy::CompiledPolicy& compiled, const core::HouseholdSummary& h,
                      const core::Person& person, const policy::Evaluation& evaluation,
                      const policy_json::HiddenDates& hidden, std::vector<WorkItem>& out) {
    const json household = {{"id", h.id}, {"name", h.name}};
    const json who = {{"id", person.id},
                      {"name", person.data.given_names + " " + person.data.family_name}};
    for (const policy::MilestoneResult& r : evaluation.milestones) {
      if (r.status != policy::MilestoneStatus::kVerlopen || !r.due) continue;
      const policy::Milestone& m = compiled.milestone(r.milestone);
      if (hidden.HidesDue(m)) continue;
      out.push_back({*r.due,
                     {{"household", household},
                      {"person", who},
                      {"kind", "milestone"},
                      {"id", m.id},
                      {"label", policy_json::Label(m.label)},
                      {"domain", m.domain},
                      {"due_date", r.due->ToString()},
                      {"pack_id", compiled.milestone_pack(r.milestone).id}}});
    }
    for (const policy::CadenceResult& r : evaluation.cadences) {
      if (r.status != policy::MilestoneStatus::kVerlopen || !r.next_due) continue;
      const policy::Cadence& c = compiled.cadence(r.cadence);
      if (hidden.HidesCadence(c)) continue;
      out.push_back({*r.next_due,
                     {{"household", household},
                      {"person", who},
                      {"kind", "cadence"},
                      {"id", c.id},
                      {"label", policy_json::Label(c.label)},
                      {"domain", c.domain},
                      {"due_date", r.next_due->ToString()},
                      {"pack_id", compiled.cadence_pack(r.cadence).id}}});
    }
  }

  const ApiContext& ctx_;
  ResponseCache cache_{kCachedWorklists};
};

}  // namespace

void AddWorklistRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<WorklistHandler>(ctx);
  router.Add(Verb::get, "/api/v1/tenants/{tenantId}/worklist",
             [h](const ApiRequest& r) { return h->Get(r); });
}

}  // namespace regie::http
