#include "app/demo_loader.h"

#include <algorithm>
#include <vector>

#include "core/auth/sha1.h"
#include "core/casework/demo_assessments.h"
#include "core/casework/demo_intakes.h"
#include "core/casework/demo_referrals.h"
#include "core/casework/demo_signals.h"
#include "core/casework/signal_routing.h"
#include "core/demo_plan.h"
#include "core/demo_tenants.h"
#include "core/policy/compiled.h"
#include "core/policy/demo_events.h"
#include "core/reporting/demo_reports.h"
#include "http/handover_service.h"

namespace regie::app {
namespace {

// Database ids of the demo tenants, their organisations and users, in
// DemoTenant order.
struct TenantIds {
  std::vector<int64_t> tenants;
  std::vector<std::vector<int64_t>> organisations;
  std::vector<std::vector<int64_t>> users;
};

// Tenants, organisations and staff, in one transaction. Every demo user gets
// the same Argon2id hash of the published password: hashing it thousands of
// times would only slow the demo down.
StatusOr<TenantIds> CreateTenants(ports::Database& db, ports::Crypto& crypto,
                                  const std::vector<core::DemoTenant>& tenants,
                                  const ports::Clock& clock, DemoLoadStats& stats) {
  REGIE_ASSIGN_OR_RETURN(std::string password_hash, crypto.HashPassword(kDemoPassword));
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
  REGIE_ASSIGN_OR_RETURN(std::vector<core::Tenant> existing, tx->Tenants().List());
  if (!existing.empty())
    return FailedPrecondition("database_not_empty",
                              "the database already has tenants; demo data goes into an empty one");
  TenantIds out;
  for (const core::DemoTenant& t : tenants) {
    REGIE_ASSIGN_OR_RETURN(core::Tenant tenant, tx->Tenants().Create(t.data));
    out.tenants.push_back(tenant.id);
    std::vector<int64_t>& orgs = out.organisations.emplace_back();
    for (const core::OrganisationData& o : t.organisations) {
      REGIE_ASSIGN_OR_RETURN(core::Organisation org, tx->Organisations().Create(tenant.id, o));
      orgs.push_back(org.id);
    }
    std::vector<int64_t>& users = out.users.emplace_back();
    for (const core::DemoUser& u : t.users) {
      ports::UserData data{.username = u.username,
                           .display_name = u.display_name,
                           .email = u.username,
                           .organisation_id = orgs[static_cast<size_t>(u.organisation_index)],
                           .roles = u.roles,
                           .active = true,
                           .demo = true};
      REGIE_ASSIGN_OR_RETURN(ports::User user, tx->Users().Create(data, clock.Now()));
      REGIE_RETURN_IF_ERROR(tx->Users().SetPassword(user.id, password_hash));
      REGIE_RETURN_IF_ERROR(
          tx->Users().SetTotp(user.id, crypto.Seal(DemoTotpSeed(u.username)), true));
      users.push_back(user.id);
    }
    stats.organisations += static_cast<int64_t>(orgs.size());
    stats.users += static_cast<int64_t>(users.size());
  }
  // Regional organisations: the first tenant's GGD and Vluchtelingenwerk
  // also serve the next three tenants, as a GGD region or a regional VWN
  // office serves several municipalities.
  for (size_t k = 1; k < tenants.size() && k < 4; ++k) {
    for (size_t i = 0; i < tenants[0].organisations.size(); ++i) {
      const core::OrganisationKind kind = tenants[0].organisations[i].kind;
      if (kind == core::OrganisationKind::kGgdJgz ||
          kind == core::OrganisationKind::kVluchtelingenwerk)
        REGIE_RETURN_IF_ERROR(
            tx->Organisations().AddServedTenant(out.organisations[0][i], out.tenants[k]));
    }
  }
  REGIE_RETURN_IF_ERROR(tx->Commit());
  stats.tenants = static_cast<int>(tenants.size());
  return out;
}

// The demo activations of every tenant, stored, and compiled for DemoEvents.
StatusOr<std::vector<std::unique_ptr<core::policy::CompiledPolicy>>> ActivatePacks(
    ports::Database& db, const std::vector<core::DemoTenant>& tenants, const TenantIds& ids,
    const std::vector<core::policy::Pack>& packs, const ports::Clock& clock) {
  std::vector<std::unique_ptr<core::policy::CompiledPolicy>> out;
  if (packs.empty()) return out;
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
  for (size_t t = 0; t < tenants.size(); ++t) {
    const std::string& code = tenants[t].data.code;
    std::vector<core::policy::Activation> activations = core::policy::DemoActivations(packs, code);
    REGIE_ASSIGN_OR_RETURN(auto compiled,
                           core::policy::CompiledPolicy::Compile(packs, activations, code));
    std::vector<ports::StoredActivation> stored;
    stored.reserve(activations.size());
    for (core::policy::Activation& a : activations) stored.push_back({a, 0, clock.Now()});
    REGIE_RETURN_IF_ERROR(tx->Policy().ReplaceActivations(ids.tenants[t], stored));
    out.push_back(std::move(compiled));
  }
  REGIE_RETURN_IF_ERROR(tx->Commit());
  return out;
}

std::vector<int64_t> Ids(const std::vector<int64_t>& all, const std::vector<int>& indices) {
  std::vector<int64_t> out;
  out.reserve(indices.size());
  for (int i : indices) out.push_back(all[static_cast<size_t>(i)]);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Makes the demo referral of one household (core::DemoReferralFor), along
// its first sharing basis for an organisation other than the regisseur's, so
// the package is covered; the regisseur sends it and a user of the receiving
// organisation answers (the regisseur stands in when it has none).
Status MakeDemoReferral(ports::Transaction& tx, const core::DemoHousehold& demo, int64_t tenant_id,
                        int64_t household_id, const std::vector<int64_t>& person_ids,
                        const std::vector<int64_t>& organisations, int64_t regisseur, int ordinal,
                        int& made, core::Date today, DemoLoadStats& batch) {
  const std::optional<core::DemoReferral> plan = core::DemoReferralFor(ordinal, made);
  if (!plan) return Status::Ok();
  REGIE_ASSIGN_OR_RETURN(ports::User sender, tx.Users().Get(regisseur));
  for (const core::DemoBasis& b : demo.bases) {
    const int64_t to = organisations[static_cast<size_t>(b.organisation_index)];
    if (to == sender.data.organisation_id) continue;
    const int days_since_given = std::max(0, today.days() - b.given.days());
    core::DemoReferral d = *plan;
    // Never before the basis it rests on.
    d.created_days_ago = std::min(d.created_days_ago, days_since_given);
    d.decided_days_ago = std::min(d.decided_days_ago, d.created_days_ago);
    d.completed_days_ago = std::min(d.completed_days_ago, d.decided_days_ago);
    core::ReferralData data{.household_id = household_id,
                            .person_ids = {person_ids[static_cast<size_t>(b.person_index)]},
                            .to_organisation_id = to,
                            .reason = core::DemoReferralReason(b.categories),
                            .package = b.categories};
    core::Referral referral =
        core::NewReferral(tenant_id, std::move(data), sender.data.organisation_id, regisseur,
                          core::DemoMoment(today, d.created_days_ago));
    REGIE_ASSIGN_OR_RETURN(referral, tx.Referrals().Create(referral));
    int64_t receiver = regisseur;
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::User> staff, tx.Users().ListServing(tenant_id));
    for (const ports::User& u : staff)
      if (u.data.organisation_id == to && u.data.active) {
        receiver = u.id;
        break;
      }
    std::vector<core::ReferralTransition> steps;
    const core::Timestamp decided = core::DemoMoment(today, d.decided_days_ago);
    switch (d.state) {
      case core::ReferralState::kVoorgesteld:
        break;
      case core::ReferralState::kGeaccepteerd:
        steps.push_back({core::ReferralAction::kAccept, receiver, decided, d.note});
        break;
      case core::ReferralState::kAfgerond:
        steps.push_back({core::ReferralAction::kAccept, receiver, decided, ""});
        steps.push_back({core::ReferralAction::kComplete, receiver,
                         core::DemoMoment(today, d.completed_days_ago), d.note});
        break;
      case core::ReferralState::kAfgewezen:
        steps.push_back({core::ReferralAction::kReject, receiver, decided, d.note});
        break;
      case core::ReferralState::kIngetrokken:
        steps.push_back({core::ReferralAction::kWithdraw, regisseur, decided, d.note});
        break;
    }
    for (const core::ReferralTransition& step : steps) {
      REGIE_ASSIGN_OR_RETURN(core::AppliedReferralTransition applied,
                             core::ApplyReferralTransition(referral, step));
      REGIE_RETURN_IF_ERROR(tx.Referrals().Apply(applied.referral, applied.event));
      referral = applied.referral;
    }
    ++batch.referrals;
    ++made;
    return Status::Ok();
  }
  return Status::Ok();
}

// Files the demo signals of one household (core::DemoSignalsFor) as its
// begeleider, volunteer or regisseur would, routed by the default routing,
// and takes each through its transitions as the regisseur, at the demo
// case's dates.
Status FileDemoSignals(ports::Transaction& tx, const core::DemoTenant& tenant, const TenantIds& ids,
                       size_t t, const core::HouseholdData& household_data, int64_t household_id,
                       const std::vector<int64_t>& person_ids, const core::DemoHousehold& demo,
                       int ordinal, core::Date today, DemoLoadStats& batch) {
  const std::vector<core::DemoSignal> signals = core::DemoSignalsFor(ordinal, person_ids.size());
  if (signals.empty()) return Status::Ok();
  std::vector<core::Organisation> all, involved;
  all.reserve(tenant.organisations.size());
  for (size_t i = 0; i < tenant.organisations.size(); ++i) {
    core::Organisation o;
    o.id = ids.organisations[t][i];
    o.data = tenant.organisations[i];
    all.push_back(o);
    if (std::find(household_data.involved_organisations.begin(),
                  household_data.involved_organisations.end(),
                  o.id) != household_data.involved_organisations.end())
      involved.push_back(o);
  }
  auto org_of_user = [&](int user_index) {
    const int org_index = tenant.users[static_cast<size_t>(user_index)].organisation_index;
    return ids.organisations[t][static_cast<size_t>(org_index)];
  };
  int reporter_index = demo.regisseur_user_index;
  if (!demo.begeleider_user_indices.empty())
    reporter_index = demo.begeleider_user_indices.front();
  else if (!demo.vrijwilliger_user_indices.empty())
    reporter_index = demo.vrijwilliger_user_indices.front();
  const int64_t reporter = ids.users[t][static_cast<size_t>(reporter_index)];
  const int64_t regisseur = household_data.regisseur_user_id;
  const core::SignalRouting routing = core::SignalRouting::Defaults();
  for (const core::DemoSignal& d : signals) {
    core::SignalData data{.household_id = household_id,
                          .category = d.category,
                          .urgency = d.urgency,
                          .description = d.description};
    if (d.person_index >= 0) data.person_ids = {person_ids[static_cast<size_t>(d.person_index)]};
    const int64_t routed =
        routing.Route(d.category, involved, all, org_of_user(demo.regisseur_user_index));
    core::Signal signal =
        core::NewSignal(ids.tenants[t], data, reporter, org_of_user(reporter_index), routed,
                        core::DemoMoment(today, d.filed_days_ago));
    REGIE_ASSIGN_OR_RETURN(signal, tx.Signals().Create(signal));
    std::vector<core::SignalTransition> steps;
    if (d.state == core::SignalState::kInBehandeling || d.state == core::SignalState::kAfgehandeld)
      steps.push_back({.action = core::SignalAction::kAcknowledge,
                       .by_user = regisseur,
                       .at = core::DemoMoment(today, d.acknowledged_days_ago)});
    if (d.state == core::SignalState::kAfgehandeld)
      steps.push_back({.action = core::SignalAction::kClose,
                       .by_user = regisseur,
                       .at = core::DemoMoment(today, d.closed_days_ago),
                       .note = d.result});
    if (d.state == core::SignalState::kIngetrokken)
      steps.push_back({.action = core::SignalAction::kWithdraw,
                       .by_user = reporter,
                       .at = core::DemoMoment(today, d.closed_days_ago),
                       .note = d.result});
    for (const core::SignalTransition& step : steps) {
      REGIE_ASSIGN_OR_RETURN(core::AppliedTransition applied,
                             core::ApplySignalTransition(signal, step));
      REGIE_RETURN_IF_ERROR(tx.Signals().Apply(applied.signal, applied.event));
      signal = applied.signal;
    }
    ++batch.signals;
  }
  return Status::Ok();
}

// A broad intake for an adult (core::DemoIntake), taken jointly by the
// regisseur and the begeleider (Vluchtelingenwerk) when there is one, and
// finalised unless it is recent.
Status StoreDemoIntake(ports::Transaction& tx, int64_t tenant_id, int64_t person_id,
                       const core::PersonData& person, int64_t regisseur,
                       const std::vector<int64_t>& begeleiders, const core::DemoOptions& options,
                       core::Timestamp now) {
  const uint64_t seed = options.seed * 0xBF58476D1CE4E5B9ULL + static_cast<uint64_t>(person_id);
  std::optional<core::IntakeContent> content = core::DemoIntake(person, options.today, seed);
  if (!content) return Status::Ok();
  for (int64_t user : {regisseur, begeleiders.empty() ? int64_t{0} : begeleiders.front()}) {
    if (user == 0) continue;
    REGIE_ASSIGN_OR_RETURN(ports::User u, tx.Users().Get(user));
    content->participants.push_back({user, u.data.organisation_id});
  }
  const bool final = content->intake_date.AddDays(21) < options.today;
  core::Intake intake{
      .tenant_id = tenant_id,
      .person_id = person_id,
      .version = 1,
      .status = final ? core::IntakeStatus::kAfgerond : core::IntakeStatus::kConcept,
      .content = std::move(*content),
      .recorded_by = regisseur,
      .saved_by = regisseur,
      .saved_at = now};
  if (final) {
    intake.finalised_at = now;
    intake.finalised_by = regisseur;
  }
  return tx.Intakes().Save(intake).status();
}

// A plan (and sometimes the head's agreement) for a share of the demo
// households, saved as version 1 by their regisseur.
Status StoreDemoPlan(ports::Transaction& tx, const core::DemoHousehold& demo, int64_t tenant_id,
                     int64_t household_id, const std::vector<int64_t>& person_ids,
                     const std::vector<int64_t>& organisations, int64_t regisseur,
                     const core::DemoOptions& options, core::Timestamp now, DemoLoadStats& stats) {
  const uint64_t seed = options.seed * 0xD1B54A32D192ED03ULL + static_cast<uint64_t>(household_id);
  std::optional<core::DemoPlan> demo_plan = core::MakeDemoPlan(demo, options.today, seed);
  if (!demo_plan) return Status::Ok();
  core::Plan plan{.tenant_id = tenant_id,
                  .household_id = household_id,
                  .version = 1,
                  .saved_at = now,
                  .saved_by = regisseur,
                  .next_key = demo_plan->next_key,
                  .goals = std::move(demo_plan->goals)};
  for (core::PlanGoal& g : plan.goals) {
    g.person_id = person_ids[static_cast<size_t>(g.person_id)];
    for (core::PlanAction& a : g.actions)
      a.organisation_id = organisations[static_cast<size_t>(a.organisation_id)];
  }
  REGIE_RETURN_IF_ERROR(tx.Plans().Save(plan).status());
  ++stats.plans;
  if (!demo_plan->agreed_on) return Status::Ok();
  core::PlanAgreement agreement{.tenant_id = tenant_id,
                                .household_id = household_id,
                                .plan_version = 1,
                                .date = *demo_plan->agreed_on,
                                .interpreter = true,
                                .language = demo.persons.front().languages.empty()
                                                ? std::nullopt
                                                : std::optional(demo.persons.front().languages[0]),
                                .signed_by = {plan.goals.front().person_id},
                                .recorded_by = regisseur,
                                .recorded_at = now};
  if (!agreement.language) agreement.interpreter = false;
  return tx.Plans().AddAgreement(agreement).status();
}

}  // namespace

std::array<uint8_t, 20> DemoTotpSeed(std::string_view username) {
  const std::string input = "regie-demo-totp:" + std::string(username);
  return core::Sha1({reinterpret_cast<const uint8_t*>(input.data()), input.size()});  // NOLINT
}

// A demo assessment of `person_id`, linked to `event_id` (0 = none).
static Status RecordAssessment(ports::Transaction& tx, int64_t tenant_id, int64_t person_id,
                               int64_t by, core::Timestamp now, core::AssessmentData data,
                               int64_t event_id) {
  data.person_id = person_id;
  core::Assessment a{
      .tenant_id = tenant_id, .data = std::move(data), .recorded_by = by, .recorded_at = now};
  return tx.Assessments().Create(a, event_id).status();
}

// With four or more demo municipalities (scripts/start.sh), the first hands
// one household over to the third, which trusts this instance's key under
// the first one's name: the third's regisseurs find a pending package on
// "Inkomende overdrachten", the first's the household archived with its
// reference (docs/handover.md). Fewer tenants (the browser tests) stay as
// they are, so those tests start from an empty handover list. The third
// checks the package's events against its packs (`policies`, per tenant;
// empty when the demo loads none).
Status StageDemoHandover(ports::Database& db, ports::Crypto& crypto, const TenantIds& ids,
                         const std::vector<std::unique_ptr<core::policy::CompiledPolicy>>& policies,
                         const ports::Clock& clock, DemoLoadStats& stats) {
  if (ids.tenants.size() < 4) return Status::Ok();
  const int64_t from = ids.tenants[0];
  const int64_t to = ids.tenants[2];
  std::unique_ptr<core::policy::CompiledPolicy> none;
  if (policies.empty()) {
    REGIE_ASSIGN_OR_RETURN(none, core::policy::CompiledPolicy::Compile({}, {}));
  }
  const core::policy::CompiledPolicy& receiver = policies.empty() ? *none : *policies[2];
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
  const core::Timestamp now = clock.Now();
  REGIE_ASSIGN_OR_RETURN(ports::HouseholdPage page,
                         tx->Households().List({.tenant_id = from, .limit = 1}));
  if (page.items.empty()) return Status::Ok();
  const core::HouseholdSummary& household = page.items.front().summary;
  REGIE_ASSIGN_OR_RETURN(
      http::handover::Exported exported,
      http::handover::Export(*tx, crypto, from, household.id, household.regisseur_user_id, now));
  REGIE_ASSIGN_OR_RETURN(core::Tenant sender, tx->Tenants().Get(from));
  REGIE_ASSIGN_OR_RETURN(http::handover::SignerKey key,
                         http::handover::InstanceKey(*tx, crypto, now));
  REGIE_RETURN_IF_ERROR(tx->Handovers()
                            .AddTrustedKey({.tenant_id = to,
                                            .key_id = key.key_id,
                                            .name = "Gemeente " + sender.data.name,
                                            .public_key = key.public_key,
                                            .added_at = now})
                            .status());
  REGIE_RETURN_IF_ERROR(
      http::handover::Import(*tx, crypto, receiver, to, exported.document, false, 0, now).status());
  REGIE_RETURN_IF_ERROR(tx->Commit());
  ++stats.handovers;
  return Status::Ok();
}

// Narrative drafts of the half-year progress report that is now due, for the
// first tenant: written by its first regisseur, and the GGD's contribution
// by a partner of the GGD (when the tenant has one).
static Status StoreDemoReport(ports::Database& db, const std::vector<core::DemoTenant>& tenants,
                              const TenantIds& ids, core::Date today, const ports::Clock& clock,
                              DemoLoadStats& stats) {
  if (tenants.empty() || ids.users.empty() || ids.users[0].empty()) return Status::Ok();
  const core::DemoTenant& tenant = tenants[0];
  int64_t partner_org = 0, partner_user = 0;
  std::string partner_name;
  for (size_t i = 0; i < tenant.organisations.size() && partner_org == 0; ++i) {
    if (tenant.organisations[i].kind != core::OrganisationKind::kGgdJgz) continue;
    for (size_t u = 0; u < tenant.users.size(); ++u) {
      if (tenant.users[u].organisation_index != static_cast<int>(i) ||
          !tenant.users[u].roles.Has(core::Role::kPartner))
        continue;
      partner_org = ids.organisations[0][i];
      partner_user = ids.users[0][u];
      partner_name = tenant.organisations[i].name;
      break;
    }
  }
  const core::ReportPeriod period = core::LastCompletedPeriod(today);
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
  REGIE_RETURN_IF_ERROR(tx->Reports().Lock(ids.tenants[0], period.ToString()).status());
  for (core::ReportNarrative& n :
       core::DemoReportNarratives(tenant.data.name, period, partner_org, partner_name)) {
    n.tenant_id = ids.tenants[0];
    n.saved_by = n.organisation_id != 0 ? partner_user : ids.users[0][0];
    n.saved_at = clock.Now();
    REGIE_RETURN_IF_ERROR(tx->Reports().Save(n).status());
    ++stats.report_texts;
  }
  return tx->Commit();
}

// The demo's region for the regional benchmark (core::demo::PlanDemoRegion):
// the first municipalities join, all but the last opt in. Recorded without
// a user (decided_by empty), as the CLI would.
Status StageDemoRegion(ports::Database& db, const TenantIds& ids, const ports::Clock& clock) {
  const core::demo::DemoRegionPlan plan = core::demo::PlanDemoRegion(ids.tenants.size());
  if (plan.members == 0) return Status::Ok();
  REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
  const core::Timestamp now = clock.Now();
  REGIE_ASSIGN_OR_RETURN(core::Region region, tx->Regions().CreateRegion(plan.region, now));
  for (size_t i = 0; i < plan.members; ++i) {
    REGIE_RETURN_IF_ERROR(tx->Regions().Join(region.id, ids.tenants[i], now));
    if (i < plan.sharing)
      REGIE_RETURN_IF_ERROR(
          tx->Regions().SetSharing(region.id, ids.tenants[i], true, 0, now).status());
  }
  return tx->Commit();
}

StatusOr<DemoLoadStats> LoadDemo(ports::Database& db, ports::Crypto& crypto,
                                 const core::DemoOptions& options, const ports::Clock& clock,
                                 const std::vector<core::policy::Pack>& packs, int batch_size,
                                 const std::function<void(const DemoLoadStats&)>& progress) {
  batch_size = std::max(1, batch_size);
  core::DemoGenerator generator(options);
  DemoLoadStats stats;
  REGIE_ASSIGN_OR_RETURN(TenantIds ids,
                         CreateTenants(db, crypto, generator.tenants(), clock, stats));
  REGIE_ASSIGN_OR_RETURN(auto policies, ActivatePacks(db, generator.tenants(), ids, packs, clock));

  std::vector<int> ordinals(ids.tenants.size(), 0);  // households per tenant so far
  std::vector<int> referrals_made(ids.tenants.size(), 0);
  bool done = false;
  while (!done) {
    REGIE_ASSIGN_OR_RETURN(auto tx, db.Begin(ports::TxMode::kWrite));
    const core::Timestamp now = clock.Now();
    DemoLoadStats batch;
    for (int i = 0; i < batch_size; ++i) {
      std::optional<core::DemoHousehold> next = generator.Next();
      if (!next) {
        done = true;
        break;
      }
      const auto tenant = static_cast<size_t>(next->tenant_index);
      const int64_t tenant_id = ids.tenants[tenant];
      const std::vector<int64_t>& users = ids.users[tenant];
      core::HouseholdData data = next->data;
      data.involved_organisations =
          Ids(ids.organisations[tenant], next->involved_organisation_indices);
      data.regisseur_user_id = users[static_cast<size_t>(next->regisseur_user_index)];
      REGIE_ASSIGN_OR_RETURN(core::Household household,
                             tx->Households().Create(tenant_id, data, now));
      std::vector<int64_t> person_ids;
      for (const core::PersonData& p : next->persons) {
        REGIE_ASSIGN_OR_RETURN(core::Person person,
                               tx->Persons().Create(tenant_id, household.id, p, now));
        person_ids.push_back(person.id);
        REGIE_RETURN_IF_ERROR(StoreDemoIntake(*tx, tenant_id, person.id, p, data.regisseur_user_id,
                                              Ids(users, next->begeleider_user_indices), options,
                                              now));
        if (policies.empty()) continue;
        // Recorded by the begeleider when there is one, else the regisseur.
        const std::vector<int64_t> begeleiders = Ids(users, next->begeleider_user_indices);
        const int64_t by = begeleiders.empty() ? data.regisseur_user_id : begeleiders.front();
        const auto seed = options.seed * 0x9E3779B97F4A7C15ULL + static_cast<uint64_t>(person.id);
        std::optional<core::Date> diagnosed;
        for (core::policy::PersonEvent& e : core::policy::DemoEvents(
                 *policies[tenant], core::policy::FactsFromPerson(p), options.today, seed)) {
          ports::StoredEvent stored{.tenant_id = tenant_id,
                                    .person_id = person.id,
                                    .event = std::move(e),
                                    .recorded_by = by,
                                    .recorded_at = now};
          if (stored.event.event == "diagnose_afgerond") diagnosed = stored.event.date;
          REGIE_RETURN_IF_ERROR(tx->Policy().RecordEvent(stored).status());
          ++batch.events;
        }
        // Where the municipality uses the Ferm Werk method, the diagnosis
        // ends in an outcome: an assessment and its policy event.
        if (diagnosed && policies[tenant]->FindEvent("ferm_werk_uitkomst")) {
          core::AssessmentData outcome = core::DemoFermWerk(*diagnosed, seed);
          ports::StoredEvent stored{.tenant_id = tenant_id,
                                    .person_id = person.id,
                                    .event = *core::AssessmentEvent(outcome),
                                    .recorded_by = by,
                                    .recorded_at = now};
          REGIE_ASSIGN_OR_RETURN(stored, tx->Policy().RecordEvent(stored));
          ++batch.events;
          REGIE_RETURN_IF_ERROR(
              RecordAssessment(*tx, tenant_id, person.id, by, now, std::move(outcome), stored.id));
          ++batch.assessments;
        }
        // Each with its policy event where the packs declare one (the
        // participatieladder's rung), as the assessments API records it:
        // without it the dashboard's ladder would stay empty.
        for (core::AssessmentData& a : core::DemoAssessments(p, options.today, seed)) {
          int64_t event_id = 0;
          std::optional<core::policy::PersonEvent> event = core::AssessmentEvent(a);
          if (event && policies[tenant]->FindEvent(event->event)) {
            ports::StoredEvent stored{.tenant_id = tenant_id,
                                      .person_id = person.id,
                                      .event = std::move(*event),
                                      .recorded_by = by,
                                      .recorded_at = now};
            REGIE_ASSIGN_OR_RETURN(stored, tx->Policy().RecordEvent(stored));
            event_id = stored.id;
            ++batch.events;
          }
          REGIE_RETURN_IF_ERROR(
              RecordAssessment(*tx, tenant_id, person.id, by, now, std::move(a), event_id));
          ++batch.assessments;
        }
      }
      REGIE_RETURN_IF_ERROR(tx->Access().SetAssignments(tenant_id, household.id,
                                                        ports::AssignmentKind::kBegeleider,
                                                        Ids(users, next->begeleider_user_indices)));
      REGIE_RETURN_IF_ERROR(
          tx->Access().SetAssignments(tenant_id, household.id, ports::AssignmentKind::kVrijwilliger,
                                      Ids(users, next->vrijwilliger_user_indices)));
      for (const core::DemoBasis& b : next->bases) {
        core::SharingBasis basis;
        basis.tenant_id = tenant_id;
        basis.person_id = person_ids[static_cast<size_t>(b.person_index)];
        basis.organisation_id =
            ids.organisations[tenant][static_cast<size_t>(b.organisation_index)];
        basis.categories = b.categories;
        basis.purpose = b.purpose;
        basis.legal_basis = b.legal_basis;
        basis.given = b.given;
        basis.recorded_by = data.regisseur_user_id;
        if (b.legal_basis == core::LegalBasis::kToestemming)
          basis.consent_text = "Toestemmingsformulier getekend bij de intake (demo).";
        REGIE_RETURN_IF_ERROR(tx->Access().CreateBasis(basis, now).status());
        ++batch.sharing_bases;
      }
      REGIE_RETURN_IF_ERROR(MakeDemoReferral(
          *tx, *next, tenant_id, household.id, person_ids, ids.organisations[tenant],
          data.regisseur_user_id, ordinals[tenant], referrals_made[tenant], options.today, batch));
      REGIE_RETURN_IF_ERROR(FileDemoSignals(*tx, generator.tenants()[tenant], ids, tenant, data,
                                            household.id, person_ids, *next, ordinals[tenant]++,
                                            options.today, batch));
      REGIE_RETURN_IF_ERROR(StoreDemoPlan(*tx, *next, tenant_id, household.id, person_ids,
                                          ids.organisations[tenant], data.regisseur_user_id,
                                          options, now, batch));
      batch.persons += static_cast<int64_t>(person_ids.size());
      ++batch.households;
    }
    REGIE_RETURN_IF_ERROR(tx->Commit());
    stats.households += batch.households;
    stats.persons += batch.persons;
    stats.sharing_bases += batch.sharing_bases;
    stats.events += batch.events;
    stats.assessments += batch.assessments;
    stats.signals += batch.signals;
    stats.referrals += batch.referrals;
    stats.plans += batch.plans;
    if (progress) progress(stats);
  }
  REGIE_RETURN_IF_ERROR(StageDemoHandover(db, crypto, ids, policies, clock, stats));
  REGIE_RETURN_IF_ERROR(StoreDemoReport(db, generator.tenants(), ids, options.today, clock, stats));
  REGIE_RETURN_IF_ERROR(StageDemoRegion(db, ids, clock));
  return stats;
}

}  // namespace regie::app
