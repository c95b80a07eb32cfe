#include "core/access/policy.h"

#include <algorithm>

#include "core/text.h"

namespace regie::core {
namespace {

bool Contains(const std::vector<int64_t>& v, int64_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

AccessDecision Deny(std::string reason) {
  AccessDecision d;
  d.reason = std::move(reason);
  return d;
}

// Categories that active bases of any of the household's persons give the
// user's organisation.
CategorySet SharedWithOrganisation(const Principal& user, const HouseholdFacts& facts,
                                   Timestamp now) {
  CategorySet out;
  for (const SharingBasis& b : facts.bases)
    if (b.organisation_id == user.organisation_id && b.ActiveAt(now)) out = out.Union(b.categories);
  return out;
}

bool HasActiveBreakGlass(const Principal& user, const HouseholdFacts& facts, Timestamp now) {
  return std::any_of(facts.break_glass.begin(), facts.break_glass.end(),
                     [&](const BreakGlassGrant& g) {
                       return g.user_id == user.user_id && g.household_id == facts.household_id &&
                              g.opened_at <= now && now < g.expires_at;
                     });
}

bool CaseWorker(const Principal& user) {
  return user.Has(Role::kRegisseur) || user.Has(Role::kBegeleider) || user.Has(Role::kPartner);
}

// Categories of `person_id` that the user's organisation reads through
// accepted referrals: the package, narrowed to what active bases of that
// person for the organisation still give (consent withdrawn: gone at once).
CategorySet ReferralCategories(const Principal& user, const HouseholdFacts& facts,
                               int64_t person_id, Timestamp now) {
  CategorySet package;
  for (const ReferralGrant& g : facts.referrals)
    if (g.organisation_id == user.organisation_id && g.ActiveAt(now) &&
        Contains(g.person_ids, person_id))
      package = package.Union(g.package);
  if (package.Empty()) return {};
  CategorySet based;
  for (const SharingBasis& b : facts.bases)
    if (b.person_id == person_id && b.organisation_id == user.organisation_id && b.ActiveAt(now))
      based = based.Union(b.categories);
  return package.Intersect(based);
}

// The union over the household's persons of ReferralCategories.
CategorySet ReferralCategoriesOfHousehold(const Principal& user, const HouseholdFacts& facts,
                                          Timestamp now) {
  CategorySet out;
  for (const ReferralGrant& g : facts.referrals)
    if (g.organisation_id == user.organisation_id && g.ActiveAt(now))
      for (int64_t person_id : g.person_ids)
        out = out.Union(ReferralCategories(user, facts, person_id, now));
  return out;
}

// What `decision` shows of every person of the household, basis or not:
// PersonCategories of a person no basis or referral names. A partner's or
// referral receiver's view is per person, so nothing.
CategorySet CategoriesOfAnyPerson(const AccessDecision& decision) {
  if (!decision.allowed) return {};
  switch (decision.relationship) {
    case Relationship::kRegisseur:
    case Relationship::kBreakGlass:
    case Relationship::kVrijwilliger:
      return decision.categories;
    case Relationship::kBegeleider:
      return BegeleiderCategories();
    case Relationship::kPartner:
    case Relationship::kReferral:
    case Relationship::kNone:
      return {};
  }
  return {};
}

bool OnlyCaseFreeRoles(const Principal& user) {
  return !user.Has(Role::kRegisseur) && !user.Has(Role::kBegeleider) && !user.Has(Role::kPartner) &&
         !user.Has(Role::kVrijwilliger);
}

}  // namespace

bool Principal::Serves(int64_t tenant_id) const { return Contains(tenant_ids, tenant_id); }

RoleSet MunicipalRoles() {
  return {Role::kRegisseur, Role::kBeleid, Role::kBeheer, Role::kAuditor};
}

RoleSet RolesIn(const RoleSet& roles, int64_t home_tenant_id, int64_t tenant_id) {
  if (tenant_id == home_tenant_id) return roles;
  RoleSet out = roles;
  for (Role r : MunicipalRoles().Values()) out.Remove(r);
  return out;
}

Principal Principal::ActingIn(int64_t tenant_id) const {
  Principal p = *this;
  p.roles = RolesIn(roles, home_tenant_id, tenant_id);
  return p;
}

bool SharingBasis::ActiveAt(Timestamp now) const {
  const Date today = now.ToDate();
  if (withdrawn_at && *withdrawn_at <= now) return false;
  if (today < given) return false;
  if (expires && today >= *expires) return false;
  return true;
}

std::optional<Timestamp> ReferralGrant::AccessEnds() const {
  if (!completed_at) return std::nullopt;
  constexpr int64_t kDay = 86'400'000'000;
  return Timestamp{completed_at->micros + static_cast<int64_t>(retention_days) * kDay};
}

bool ReferralGrant::ActiveAt(Timestamp now) const {
  std::optional<Timestamp> end = AccessEnds();
  return !end || now < *end;
}

CategorySet BegeleiderCategories() {
  return {DataCategory::kBasis,       DataCategory::kContact,   DataCategory::kInburgering,
          DataCategory::kWerkInkomen, DataCategory::kFinancien, DataCategory::kNotities};
}

AccessDecision DecideHousehold(const Principal& user, Action action, const HouseholdFacts& facts,
                               Timestamp now) {
  if (!user.Serves(facts.tenant_id)) return Deny("other_tenant");
  if (OnlyCaseFreeRoles(user)) return Deny("no_case_content");

  AccessDecision d;
  if (user.Has(Role::kRegisseur) && facts.regisseur_user_id == user.user_id) {
    d.relationship = Relationship::kRegisseur;
    d.categories = CategorySet::All();
    d.allowed = true;
    d.reason = "regisseur_of_household";
    return d;
  }
  const bool read = action == Action::kRead;
  if (user.Has(Role::kBegeleider) && Contains(facts.begeleider_ids, user.user_id)) {
    d.relationship = Relationship::kBegeleider;
    d.categories = BegeleiderCategories().Union(SharedWithOrganisation(user, facts, now));
    d.allowed = read || action == Action::kCreate || action == Action::kUpdate;
    d.reason = d.allowed ? "assigned_begeleider" : "action_not_allowed";
    return d;
  }
  if (user.Has(Role::kPartner) && Contains(facts.involved_organisations, user.organisation_id)) {
    d.relationship = Relationship::kPartner;
    d.categories = SharedWithOrganisation(user, facts, now);
    d.allowed = read;
    d.reason = d.allowed ? "involved_organisation" : "action_not_allowed";
    return d;
  }
  if (CaseWorker(user)) {
    // Only while a basis still covers part of the package: without one the
    // receiver has nothing left to read.
    const CategorySet referred = ReferralCategoriesOfHousehold(user, facts, now);
    if (!referred.Empty()) {
      d.relationship = Relationship::kReferral;
      d.categories = referred;
      d.allowed = read;
      d.reason = d.allowed ? "referral_receiver" : "action_not_allowed";
      return d;
    }
  }
  if (user.Has(Role::kVrijwilliger) && Contains(facts.vrijwilliger_ids, user.user_id)) {
    d.relationship = Relationship::kVrijwilliger;
    d.categories = {DataCategory::kBasis, DataCategory::kContact};
    d.names_only = true;
    d.allowed = read;
    d.reason = d.allowed ? "assigned_vrijwilliger" : "action_not_allowed";
    return d;
  }
  if ((user.Has(Role::kRegisseur) || user.Has(Role::kPartner)) &&
      HasActiveBreakGlass(user, facts, now)) {
    d.relationship = Relationship::kBreakGlass;
    d.categories = CategorySet::All();
    d.break_glass = true;
    d.allowed = read;
    d.reason = d.allowed ? "break_glass" : "action_not_allowed";
    return d;
  }
  return Deny("no_relationship");
}

CategorySet PersonCategories(const Principal& user, const AccessDecision& decision,
                             const HouseholdFacts& facts, int64_t person_id, Timestamp now) {
  if (!decision.allowed) return {};
  if (decision.relationship == Relationship::kReferral)
    return ReferralCategories(user, facts, person_id, now);
  // What every person shows, plus this person's bases for a begeleider's or
  // partner's organisation.
  CategorySet out = CategoriesOfAnyPerson(decision);
  if (decision.relationship == Relationship::kBegeleider ||
      decision.relationship == Relationship::kPartner)
    for (const SharingBasis& b : facts.bases)
      if (b.person_id == person_id && b.organisation_id == user.organisation_id && b.ActiveAt(now))
        out = out.Union(b.categories);
  return out;
}

AccessDecision DecideCreateHousehold(const Principal& user, int64_t tenant_id) {
  if (!user.Serves(tenant_id)) return Deny("other_tenant");
  if (!user.Has(Role::kRegisseur)) return Deny("role_not_allowed");
  AccessDecision d;
  d.allowed = true;
  d.reason = "regisseur_creates";
  d.relationship = Relationship::kRegisseur;
  d.categories = CategorySet::All();
  return d;
}

AggregateDecision DecideAggregates(const Principal& user, int64_t tenant_id, Action action) {
  AggregateDecision d;
  if (!user.Serves(tenant_id)) {
    d.reason = "other_tenant";
    return d;
  }
  const bool regisseur = user.Has(Role::kRegisseur);
  if (!regisseur && !user.Has(Role::kBeleid)) {
    d.reason = "role_not_allowed";
    return d;
  }
  if (action == Action::kRead) {
    d.allowed = true;
    d.exact = regisseur;
    d.reason = regisseur ? "case_team_exact" : "beleid_suppressed";
  } else if (action == Action::kExport) {
    d.allowed = true;
    d.reason = "export_suppressed";
  } else {
    d.reason = "action_not_allowed";
  }
  return d;
}

AccessDecision DecideBenchmark(const Principal& user, const BenchmarkFacts& facts) {
  if (!user.Serves(facts.tenant_id)) return Deny("other_tenant");
  if (!user.Has(Role::kBeleid)) return Deny("role_not_allowed");
  if (!facts.member) return Deny("not_a_member");
  if (!facts.sharing) return Deny("not_sharing");
  AccessDecision d;
  d.allowed = true;
  d.reason = "regional_benchmark";
  return d;  // no categories: aggregates only
}

bool SharesBenchmarkFigures(bool member_sharing) { return member_sharing; }

AccessDecision DecideRegionMembership(const Principal& user, int64_t tenant_id, bool change) {
  if (!user.Serves(tenant_id)) return Deny("other_tenant");
  const bool may =
      change ? user.Has(Role::kBeheer) : (user.Has(Role::kBeheer) || user.Has(Role::kBeleid));
  if (!may) return Deny("role_not_allowed");
  AccessDecision d;
  d.allowed = true;
  d.reason = change ? "beheer_decides_sharing" : "region_membership";
  return d;
}

AccessDecision DecideBreakGlass(const Principal& user, int64_t tenant_id,
                                const std::string& reason) {
  if (!user.Serves(tenant_id)) return Deny("other_tenant");
  if (!user.Has(Role::kRegisseur) && !user.Has(Role::kPartner)) return Deny("role_not_allowed");
  if (Trim(reason).size() < kMinBreakGlassReason) return Deny("reason_required");
  AccessDecision d;
  d.allowed = true;
  d.reason = "break_glass_opened";
  d.break_glass = true;
  return d;
}

Timestamp NextAccessChange(const HouseholdFacts& facts, Timestamp now) {
  constexpr int64_t kDay = 86'400'000'000;
  // Floor division: timestamps before 1970 are negative.
  const int64_t day = now.micros >= 0 ? now.micros / kDay : (now.micros - kDay + 1) / kDay;
  Timestamp next{(day + 1) * kDay};
  for (const BreakGlassGrant& g : facts.break_glass)
    for (Timestamp t : {g.opened_at, g.expires_at})
      if (t > now && t < next) next = t;
  for (const ReferralGrant& g : facts.referrals)
    if (std::optional<Timestamp> end = g.AccessEnds(); end && *end > now && *end < next)
      next = *end;
  return next;
}

SignalDecision DecideSignal(const Principal& user, const HouseholdFacts& facts,
                            const SignalFacts& signal, Timestamp now) {
  SignalDecision d;
  if (!user.Serves(facts.tenant_id)) {
    d.reason = "other_tenant";
    return d;
  }
  if (OnlyCaseFreeRoles(user)) {
    d.reason = "no_case_content";
    return d;
  }
  const AccessDecision household = DecideHousehold(user, Action::kRead, facts, now);
  if (household.allowed) d.relationship = household.relationship;
  const bool regisseur = household.allowed && household.relationship == Relationship::kRegisseur;
  const bool routed =
      user.organisation_id == signal.routed_organisation_id &&
      (user.Has(Role::kRegisseur) || user.Has(Role::kBegeleider) || user.Has(Role::kPartner));
  const bool reporter = user.user_id == signal.reporter_user_id;
  d.may_withdraw = reporter;
  if (regisseur || routed) {
    d.allowed = d.description = d.follow_up = true;
    d.may_acknowledge = d.may_reroute = d.may_close = true;
    d.reason = regisseur ? "regisseur_of_household" : "routed_organisation";
    return d;
  }
  if (reporter) {
    d.allowed = d.description = true;
    d.reason = "reporter";
    return d;
  }
  if (!household.allowed) {
    d.reason = household.reason;
    return d;
  }
  d.allowed = true;
  d.reason = household.reason;
  d.break_glass = household.break_glass;
  bool content = !household.names_only && household.categories.Has(signal.category);
  // No persons named means the whole household, whose persons the facts do
  // not list: the caller resolves them (http::SignalReader), and without
  // them only what shows of any person may show. The household's union of
  // categories would show a partner with a basis for one person a signal
  // about all of them.
  if (signal.person_ids.empty())
    content = content && CategoriesOfAnyPerson(household).Has(signal.category);
  for (int64_t person_id : signal.person_ids)
    content =
        content && PersonCategories(user, household, facts, person_id, now).Has(signal.category);
  d.description = d.follow_up = content;
  return d;
}

bool MayFileSignal(const AccessDecision& household_read) {
  if (!household_read.allowed) return false;
  switch (household_read.relationship) {
    case Relationship::kRegisseur:
    case Relationship::kBegeleider:
    case Relationship::kPartner:
    case Relationship::kVrijwilliger:
    case Relationship::kReferral:  // works with the persons it was referred
      return true;
    case Relationship::kBreakGlass:
    case Relationship::kNone:
      return false;
  }
  return false;
}

ReferralDecision DecideReferral(const Principal& user, const HouseholdFacts& facts,
                                const ReferralFacts& referral, Timestamp now) {
  ReferralDecision d;
  if (!user.Serves(facts.tenant_id)) {
    d.reason = "other_tenant";
    return d;
  }
  if (OnlyCaseFreeRoles(user)) {
    d.reason = "no_case_content";
    return d;
  }
  const AccessDecision household = DecideHousehold(user, Action::kRead, facts, now);
  const bool regisseur = household.allowed && household.relationship == Relationship::kRegisseur;
  const bool sender = user.user_id == referral.created_by ||
                      (CaseWorker(user) && user.organisation_id == referral.from_organisation_id &&
                       household.allowed && household.relationship != Relationship::kBreakGlass);
  const bool receiver = CaseWorker(user) && user.organisation_id == referral.to_organisation_id;
  if (regisseur || sender) {
    d.allowed = d.full = d.may_withdraw = d.may_complete = true;
    d.reason = regisseur ? "regisseur_of_household" : "sender";
    return d;
  }
  if (receiver) {
    d.allowed = d.full = d.may_accept = d.may_reject = d.may_complete = true;
    d.reason = "referral_receiver";
    return d;
  }
  d.reason = household.reason;
  if (!household.allowed) return d;
  // A volunteer sees names only: where a person is referred, with which
  // package, already tells about their health or finances.
  if (household.relationship == Relationship::kVrijwilliger) {
    d.reason = "action_not_allowed";
    return d;
  }
  d.allowed = true;
  d.break_glass = household.break_glass;
  return d;
}

bool MayMakeReferral(const AccessDecision& household_create) {
  return household_create.allowed && (household_create.relationship == Relationship::kRegisseur ||
                                      household_create.relationship == Relationship::kBegeleider);
}

}  // namespace regie::core

namespace regie::core {

ReportDecision DecideReport(const Principal& user, int64_t tenant_id, ReportAction action,
                            bool final_report) {
  ReportDecision d;
  if (!user.Serves(tenant_id)) {
    d.reason = "other_tenant";
    return d;
  }
  if (user.Has(Role::kRegisseur) || user.Has(Role::kBeleid)) {
    d.allowed = d.all_sections = true;
    d.reason = "report_author";
    return d;
  }
  if (!user.Has(Role::kPartner)) {
    d.reason = "role_not_allowed";
    return d;
  }
  d.own_organisation_id = user.organisation_id;
  switch (action) {
    case ReportAction::kRead:
      d.allowed = true;
      d.all_sections = final_report;
      d.reason = final_report ? "final_report" : "network_partner";
      break;
    case ReportAction::kWrite:
      d.allowed = true;
      d.reason = "network_partner";
      break;
    case ReportAction::kFinalise:
      d.reason = "role_not_allowed";
      break;
    case ReportAction::kExport:
      d.allowed = d.all_sections = final_report;
      d.reason = final_report ? "final_report" : "report_not_final";
      break;
  }
  return d;
}

}  // namespace regie::core
