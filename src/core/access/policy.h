#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access/access_model.h"
#include "core/date.h"

namespace regie::core {

// How the user stands to a household; the strongest relationship decides.
enum class Relationship {
  kNone,
  kRegisseur,     // the household's one case director
  kBegeleider,    // assigned for maatschappelijke begeleiding
  kPartner,       // works for an organisation involved in the household
  kVrijwilliger,  // assigned volunteer
  kBreakGlass,    // an active emergency opening by this user
  kReferral,      // works for the receiving organisation of an accepted referral
};

template <>
struct EnumTraits<Relationship> {
  static constexpr std::array<std::pair<Relationship, std::string_view>, 7> kEntries{{
      {Relationship::kNone, "none"},
      {Relationship::kRegisseur, "regisseur"},
      {Relationship::kBegeleider, "begeleider"},
      {Relationship::kPartner, "partner"},
      {Relationship::kVrijwilliger, "vrijwilliger"},
      {Relationship::kBreakGlass, "break_glass"},
      {Relationship::kReferral, "referral"},
  }};
};

// What an accepted referral (core/casework/referral.h) gives its receiving
// organisation: the package categories of the named persons, from
// acceptance until `retention_days` after completion, and only as far as an
// active sharing basis still covers them.
struct ReferralGrant {
  int64_t referral_id = 0;
  int64_t organisation_id = 0;  // the receiving organisation
  std::vector<int64_t> person_ids;
  CategorySet package;
  std::optional<Timestamp> completed_at;  // none while geaccepteerd
  int retention_days = 0;

  bool ActiveAt(Timestamp now) const;
  // The end of the access window; none while the referral runs.
  std::optional<Timestamp> AccessEnds() const;
};

// Everything the policy needs to know about one household, loaded by the
// caller inside the request's transaction.
struct HouseholdFacts {
  int64_t tenant_id = 0;
  int64_t household_id = 0;
  int64_t regisseur_user_id = 0;
  std::vector<int64_t> begeleider_ids;
  std::vector<int64_t> vrijwilliger_ids;
  std::vector<int64_t> involved_organisations;
  // Sharing bases of the household's persons (any receiving organisation;
  // the policy picks the user's and checks they are active).
  std::vector<SharingBasis> bases;
  // This user's emergency openings of this household (active or not).
  std::vector<BreakGlassGrant> break_glass;
  // Accepted and completed referrals of the household's persons.
  std::vector<ReferralGrant> referrals;
  // Archived (moved away, handed over): read for the retention period, no
  // new casework (http::RequireActiveHousehold).
  bool archived = false;
};

// The answer of the policy: allowed or not, why (a stable machine code that
// goes into the audit log and keys the user texts), and what may be seen.
struct AccessDecision {
  bool allowed = false;
  std::string reason;
  Relationship relationship = Relationship::kNone;
  // Categories of the household's data the user may see at all (for a
  // person, see PersonCategories).
  CategorySet categories;
  // Volunteers see only the names of the basic data.
  bool names_only = false;
  bool break_glass = false;

  friend bool operator==(const AccessDecision&, const AccessDecision&) = default;
};

// The one policy for household-scoped resources (the household, its persons,
// and later its plan, contacts and signals):
//   - tenant isolation first: a user whose organisation does not serve the
//     household's tenant is refused ("other_tenant");
//   - beleid, beheer and auditor never see case content ("no_case_content");
//   - then the strongest relationship decides the actions and categories:
//       regisseur of the household: every action, every category;
//       assigned begeleider: read/create/update of the MB categories (basis,
//         contact, inburgering, werk_inkomen, financien, notities) plus what
//         is shared with their organisation;
//       partner of an involved organisation: read of what active sharing
//         bases give their organisation;
//       assigned vrijwilliger: read of names and contact;
//       receiving organisation of an accepted referral (a regisseur,
//         begeleider or partner of that organisation): read of the package
//         categories of the named persons that active sharing bases still
//         give the organisation, from acceptance until the retention after
//         completion ("referral_receiver");
//       break-the-glass (regisseur or partner role, within 24 h): read of every
//         category, flagged;
//   - anything else is refused ("no_relationship").
AccessDecision DecideHousehold(const Principal& user, Action action, const HouseholdFacts& facts,
                               Timestamp now);

// The first moment after `now` at which a decision over these facts can
// change without any write: the next UTC midnight (sharing bases start and
// expire by date), a break-glass opening's start or end, or the end of a
// completed referral's retention, whichever comes first. Anything cached from the facts is valid
// until then (and until the next write).
Timestamp NextAccessChange(const HouseholdFacts& facts, Timestamp now);

// Categories of one person's data the user may see under `decision`: for a
// partner (or a begeleider's extra categories) only what active bases for
// that person give the user's organisation.
CategorySet PersonCategories(const Principal& user, const AccessDecision& decision,
                             const HouseholdFacts& facts, int64_t person_id, Timestamp now);

// Creating a household: a regisseur of an organisation that serves the
// tenant.
AccessDecision DecideCreateHousehold(const Principal& user, int64_t tenant_id);

// Break-the-glass may be opened by a regisseur or partner serving the tenant,
// with a reason of at least kMinBreakGlassReason characters.
inline constexpr size_t kMinBreakGlassReason = 10;
inline constexpr int64_t kBreakGlassMicros = 24LL * 3600 * 1'000'000;
AccessDecision DecideBreakGlass(const Principal& user, int64_t tenant_id,
                                const std::string& reason);

// What the policy needs to know about one signal (core/casework/signal.h),
// beside its household's facts.
struct SignalFacts {
  int64_t reporter_user_id = 0;
  int64_t routed_organisation_id = 0;
  // The data category of the signal's content (FieldCategories record type
  // "signal_<category>").
  DataCategory category = DataCategory::kNotities;
  // The persons it concerns. A signal about the whole household (stored
  // with none) is passed with all of the household's persons; given none,
  // DecideSignal shows content only where it shows for any person without
  // a basis (never to a partner or referral receiver).
  std::vector<int64_t> person_ids;
};

// The answer for one signal: whether the user sees it at all, which parts,
// and which transitions their position allows (the state machine decides
// separately whether the signal's state allows them).
struct SignalDecision {
  bool allowed = false;
  std::string reason;
  Relationship relationship = Relationship::kNone;  // to the household, if any
  bool description = false;                         // the reporter's text
  bool follow_up = false;                           // the result and the history's notes
  bool may_acknowledge = false;
  bool may_reroute = false;
  bool may_close = false;
  bool may_withdraw = false;
  bool break_glass = false;
};

// The one policy for signals (vroegsignalering):
//   - tenant isolation and no case content for beleid/beheer/auditor, as
//     DecideHousehold;
//   - the household's regisseur, and a regisseur, begeleider or partner of
//     the organisation the signal is routed to (that routing is the
//     signal's purpose, with or without another relationship to the
//     household): everything; may acknowledge, re-route and close;
//   - the reporter: the signal with its description, state and dates but
//     not the follow-up; may withdraw;
//   - anyone else with a read relationship to the household: the signal's
//     existence, state and dates; its content only when the category is
//     visible to them for every person it concerns (never for a volunteer,
//     who sees names only);
//   - anyone else is refused with DecideHousehold's reason.
SignalDecision DecideSignal(const Principal& user, const HouseholdFacts& facts,
                            const SignalFacts& signal, Timestamp now);

// Who may file a signal about a household, given DecideHousehold's answer
// for kRead: anyone involved (regisseur, assigned begeleider or
// vrijwilliger, partner of an involved organisation), not a break-the-glass
// reader.
bool MayFileSignal(const AccessDecision& household_read);

// What the policy needs to know about one referral, beside its household's
// facts.
struct ReferralFacts {
  int64_t created_by = 0;
  int64_t from_organisation_id = 0;
  int64_t to_organisation_id = 0;
};

// The answer for one referral: whether the user sees it, how much, and
// which transitions their position allows (the state machine decides
// separately whether the referral's state allows them).
struct ReferralDecision {
  bool allowed = false;
  std::string reason;
  // Everything: reason, notes, checklist and history. Without it the user
  // sees the referral's persons (names), organisations, package list,
  // state and dates only.
  bool full = false;
  bool may_accept = false;
  bool may_reject = false;
  bool may_withdraw = false;
  bool may_complete = false;
  bool break_glass = false;
};

// The one policy for referrals (verwijzingen):
//   - tenant isolation and no case content for beleid/beheer/auditor, as
//     DecideHousehold;
//   - the household's regisseur ("regisseur_of_household") and the sender
//     (the user who made it, or a user of the sending organisation with a
//     relationship to the household: "sender"): everything; may withdraw
//     and complete;
//   - a regisseur, begeleider or partner of the receiving organisation
//     ("referral_receiver"): everything it needs to decide (names, reason,
//     package list, dates, history); may accept, reject and complete. What
//     it sees of the household itself is DecideHousehold's question;
//   - anyone else with a read relationship to the household except a
//     volunteer: that the referral exists, between whom, its package and
//     state, not the reason;
//   - anyone else is refused with DecideHousehold's reason.
// Withdrawing is the sender's (it is their proposal), accepting and
// rejecting the receiver's (it is their capacity), completing either
// side's once accepted (whoever finishes the handover first records it).
ReferralDecision DecideReferral(const Principal& user, const HouseholdFacts& facts,
                                const ReferralFacts& referral, Timestamp now);

// Who may make a referral, given DecideHousehold's answer for kCreate: the
// household's regisseur or an assigned begeleider.
bool MayMakeReferral(const AccessDecision& household_create);

// The answer for a tenant's aggregate figures (the indicator dashboard and
// its exports): no person, no case content, only counts.
struct AggregateDecision {
  bool allowed = false;
  std::string reason;
  // Exact counts, without small-cell suppression: only inside the case team
  // that has the cases anyway. Everything else is suppressed.
  bool exact = false;
};

// The one policy for aggregate figures of a tenant:
//   - tenant isolation first ("other_tenant");
//   - reading (Action::kRead): a regisseur sees exact figures
//     ("case_team_exact"; also when they hold the beleid role too), the
//     beleid role suppressed figures ("beleid_suppressed");
//   - exporting (Action::kExport, a file that leaves the system): regisseur
//     and beleid, always suppressed ("export_suppressed");
//   - any other action ("action_not_allowed") or role ("role_not_allowed"):
//     refused. Begeleiders, partners and volunteers work on their own
//     households; beheer and the auditor have no business with outcomes.
AggregateDecision DecideAggregates(const Principal& user, int64_t tenant_id, Action action);
// What the policy needs to know for the regional benchmark: the
// municipality the user asks for and its standing in the region.
struct BenchmarkFacts {
  int64_t tenant_id = 0;
  bool member = false;   // the tenant belongs to the region
  bool sharing = false;  // and has opted in to share with it
};

// The regional benchmark is the one deliberate read across tenants, and
// only of aggregates (docs/access.md, "Regional benchmark"):
//   - tenant isolation: the user's organisation serves the tenant asked
//     for ("other_tenant");
//   - only the beleid role ("role_not_allowed"): the figures are policy
//     information, and no one else needs other municipalities' numbers;
//   - the tenant is a member of the region ("not_a_member") and has opted
//     in itself ("not_sharing"): who does not share does not see others;
//   - allowed: "regional_benchmark", with no data category of any person.
//     The answer carries only the figures of members for which
//     SharesBenchmarkFigures holds, each suppressed for the beleid
//     audience, and the regional total summed exactly, then suppressed.
AccessDecision DecideBenchmark(const Principal& user, const BenchmarkFacts& facts);

// Whether a member's aggregates may leave its tenant for the benchmark:
// only while it has opted in. A member that never did, or opted out, is
// left out entirely (not even named).
bool SharesBenchmarkFigures(bool member_sharing);

// The tenant's regions and its sharing decision: read by beleid and
// beheer, changed by beheer only ("role_not_allowed" otherwise); tenant
// isolation as everywhere ("other_tenant").
AccessDecision DecideRegionMembership(const Principal& user, int64_t tenant_id, bool change);

// The MB categories a begeleider sees without a sharing basis.
CategorySet BegeleiderCategories();

}  // namespace regie::core

namespace regie::core {

// What a user does with a half-year progress report (core/reporting).
enum class ReportAction { kRead, kWrite, kFinalise, kExport };

// The answer for one report: allowed or not, why, and how much of it.
struct ReportDecision {
  bool allowed = false;
  std::string reason;
  // Every section and every organisation's contribution. Without it the
  // user sees and writes only `own_organisation_id`'s text in the network
  // partners' section.
  bool all_sections = false;
  int64_t own_organisation_id = 0;
};

// The one policy for progress reports. Reports hold aggregate figures
// (always suppressed) and narratives, never a person, but what a partner
// wrote stays between it and the municipality until the report is final:
//   - tenant isolation first ("other_tenant");
//   - regisseur (the regievoerder) and beleid: read, write every section,
//     finalise and export ("report_author");
//   - partner: read and write its own organisation's contribution to
//     "ervaringen van netwerkpartners" ("network_partner"); once the
//     report is final it reads and exports the whole report
//     ("final_report"); it never finalises;
//   - anyone else is refused ("role_not_allowed"), as is a partner's
//     export of a concept ("report_not_final").
// Whether a final report may still change is the report's state, not the
// policy: saves to a final report are refused by the handler (409).
ReportDecision DecideReport(const Principal& user, int64_t tenant_id, ReportAction action,
                            bool final_report);

}  // namespace regie::core
