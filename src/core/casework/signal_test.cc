#include "core/casework/signal.h"

#include <gtest/gtest.h>

#include "core/casework/signal_routing.h"

namespace regie::core {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
constexpr int64_t kDay = 24LL * 3600 * 1'000'000;
Timestamp At(const char* date) {
  return Timestamp{D(date).days() * kDay + 10 * 3600LL * 1'000'000};
}

Signal Filed(SignalUrgency urgency = SignalUrgency::kNormaal) {
  SignalData d{.household_id = 7,
               .person_ids = {3},
               .category = SignalCategory::kFinancien,
               .urgency = urgency,
               .description = "Brieven van een incassobureau."};
  Signal s = NewSignal(1, d, 50, 5, 6, At("2026-11-20"));
  s.id = 9;
  return s;
}

SignalTransition T(SignalAction action, const char* date = "2026-11-21") {
  return SignalTransition{.action = action, .by_user = 60, .at = At(date)};
}

std::vector<std::string> Codes(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.code);
  return out;
}

std::string FieldCode(const Status& s) {
  return s.field_errors().empty() ? s.reason()
                                  : s.field_errors()[0].field + ":" + s.field_errors()[0].code;
}

TEST(SignalTest, CodesRoundTrip) {
  EXPECT_EQ(ToCode(SignalCategory::kHuiselijkGeweld), "huiselijk_geweld");
  EXPECT_EQ(ParseEnum<SignalCategory>("afwezigheid_inburgering"),
            SignalCategory::kAfwezigheidInburgering);
  EXPECT_EQ(ParseEnum<SignalUrgency>("acuut"), SignalUrgency::kAcuut);
  EXPECT_EQ(ToCode(SignalState::kInBehandeling), "in_behandeling");
  EXPECT_FALSE(ParseEnum<SignalUrgency>("spoed").has_value());
  EXPECT_EQ(SignalRecordType(SignalCategory::kPsychisch), "signal_psychisch");
}

TEST(SignalTest, Validation) {
  SignalData d = Filed().data;
  EXPECT_TRUE(ValidateSignal(d).empty());
  d.person_ids = {3, 3, -1};
  d.description = "";
  EXPECT_EQ(Codes(ValidateSignal(d)),
            (std::vector<std::string>{"person_ids/1:duplicate", "person_ids/2:invalid_reference",
                                      "description:required"}));
  d.person_ids = {};
  d.description = std::string(kMaxSignalDescription + 1, 'a');
  EXPECT_EQ(Codes(ValidateSignal(d)), std::vector<std::string>{"description:too_long"});
  d.description = "  twee\nregels \n";
  NormaliseSignal(d);
  EXPECT_EQ(d.description, "twee\nregels");
  EXPECT_TRUE(ValidateSignal(d).empty());
  d.description = std::string("bel") + '\x01';
  EXPECT_EQ(Codes(ValidateSignal(d)), std::vector<std::string>{"description:invalid_text"});
}

TEST(SignalTest, AcknowledgeDueFollowsUrgency) {
  EXPECT_EQ(Filed(SignalUrgency::kAcuut).acknowledge_due, D("2026-11-20"));
  EXPECT_EQ(Filed(SignalUrgency::kHoog).acknowledge_due, D("2026-11-21"));
  EXPECT_EQ(Filed(SignalUrgency::kNormaal).acknowledge_due, D("2026-11-23"));
  EXPECT_EQ(Filed(SignalUrgency::kLaag).acknowledge_due, D("2026-11-25"));
  EXPECT_EQ(Filed().state, SignalState::kIngediend);
}

TEST(SignalTest, AcknowledgeSetsFollowUpByUrgencyOrExplicitly) {
  auto a = ApplySignalTransition(Filed(SignalUrgency::kHoog), T(SignalAction::kAcknowledge));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->signal.state, SignalState::kInBehandeling);
  EXPECT_EQ(a->signal.follow_up_due, D("2026-11-26"));  // 5 days after acknowledging
  EXPECT_EQ(a->signal.acknowledged_by, 60);
  EXPECT_EQ(a->signal.version, 2);
  EXPECT_EQ(a->event.from_state, SignalState::kIngediend);
  EXPECT_EQ(a->event.to_state, SignalState::kInBehandeling);
  EXPECT_EQ(a->event.organisation_id, 6);

  SignalTransition t = T(SignalAction::kAcknowledge);
  t.follow_up_due = D("2026-12-01");
  EXPECT_EQ(ApplySignalTransition(Filed(), t)->signal.follow_up_due, D("2026-12-01"));
  t.follow_up_due = D("2026-11-20");
  EXPECT_EQ(FieldCode(ApplySignalTransition(Filed(), t).status()), "follow_up_due:date_in_past");
  t.follow_up_due = D("2026-11-21").AddDays(kMaxFollowUpDays + 1);
  EXPECT_EQ(FieldCode(ApplySignalTransition(Filed(), t).status()), "follow_up_due:date_too_late");
}

TEST(SignalTest, EveryRefusedTransitionIsAPreconditionFailure) {
  Signal ingediend = Filed();
  Signal in_behandeling = ApplySignalTransition(ingediend, T(SignalAction::kAcknowledge))->signal;
  SignalTransition close = T(SignalAction::kClose);
  close.note = "Schuldhulp gestart.";
  Signal afgehandeld = ApplySignalTransition(in_behandeling, close)->signal;
  Signal ingetrokken = ApplySignalTransition(ingediend, T(SignalAction::kWithdraw))->signal;
  EXPECT_EQ(afgehandeld.state, SignalState::kAfgehandeld);
  EXPECT_EQ(afgehandeld.result, "Schuldhulp gestart.");
  EXPECT_EQ(ingetrokken.state, SignalState::kIngetrokken);
  EXPECT_TRUE(ingetrokken.closed_at.has_value());

  struct Case {
    const Signal* from;
    SignalAction action;
    bool allowed;
  };
  const Case cases[] = {
      {&ingediend, SignalAction::kAcknowledge, true},
      {&ingediend, SignalAction::kReroute, true},
      {&ingediend, SignalAction::kClose, false},
      {&ingediend, SignalAction::kWithdraw, true},
      {&in_behandeling, SignalAction::kAcknowledge, false},
      {&in_behandeling, SignalAction::kReroute, true},
      {&in_behandeling, SignalAction::kClose, true},
      {&in_behandeling, SignalAction::kWithdraw, false},
      {&afgehandeld, SignalAction::kAcknowledge, false},
      {&afgehandeld, SignalAction::kReroute, false},
      {&afgehandeld, SignalAction::kClose, false},
      {&afgehandeld, SignalAction::kWithdraw, false},
      {&ingetrokken, SignalAction::kAcknowledge, false},
      {&ingetrokken, SignalAction::kReroute, false},
      {&ingetrokken, SignalAction::kClose, false},
      {&ingetrokken, SignalAction::kWithdraw, false},
      {&ingediend, SignalAction::kFile, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(ToCode(c.from->state)) + " " + std::string(ToCode(c.action)));
    EXPECT_EQ(TransitionAllowed(c.from->state, c.action), c.allowed);
    SignalTransition t = T(c.action);
    t.note = "Reden voor de stap";
    t.organisation_id = 99;
    auto r = ApplySignalTransition(*c.from, t);
    EXPECT_EQ(r.ok(), c.allowed) << r.status().ToString();
    if (!c.allowed) {
      EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition);
      EXPECT_EQ(r.status().reason(), "signal_transition_refused");
    }
  }
}

TEST(SignalTest, RerouteStartsAfreshAtTheNewOrganisation) {
  Signal s =
      ApplySignalTransition(Filed(SignalUrgency::kLaag), T(SignalAction::kAcknowledge))->signal;
  SignalTransition t = T(SignalAction::kReroute, "2026-11-22");
  t.organisation_id = 8;
  EXPECT_EQ(FieldCode(ApplySignalTransition(s, t).status()), "note:required");
  t.note = "kort";
  EXPECT_EQ(FieldCode(ApplySignalTransition(s, t).status()), "note:too_short");
  t.note = "Hoort bij de schuldhulp";
  t.organisation_id = 6;
  EXPECT_EQ(FieldCode(ApplySignalTransition(s, t).status()), "organisation_id:same_organisation");
  t.organisation_id.reset();
  EXPECT_EQ(FieldCode(ApplySignalTransition(s, t).status()), "organisation_id:required");
  t.organisation_id = 8;
  auto r = ApplySignalTransition(s, t);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->signal.state, SignalState::kIngediend);
  EXPECT_EQ(r->signal.routed_organisation_id, 8);
  EXPECT_EQ(r->signal.acknowledge_due, D("2026-11-27"));  // laag: 5 days from re-routing
  EXPECT_FALSE(r->signal.follow_up_due.has_value());
  EXPECT_FALSE(r->signal.acknowledged_by.has_value());
  EXPECT_EQ(r->event.note, "Hoort bij de schuldhulp");
  EXPECT_EQ(r->event.from_state, SignalState::kInBehandeling);
}

TEST(SignalTest, CloseNeedsAResult) {
  Signal s = ApplySignalTransition(Filed(), T(SignalAction::kAcknowledge))->signal;
  SignalTransition t = T(SignalAction::kClose);
  t.note = "   ";
  EXPECT_EQ(FieldCode(ApplySignalTransition(s, t).status()), "note:required");
  t.note = std::string(kMaxSignalNote + 1, 'x');
  EXPECT_EQ(FieldCode(ApplySignalTransition(s, t).status()), "note:too_long");
}

TEST(SignalTest, EscalatesOnlyAfterTheDueDay) {
  Signal s = Filed();  // acknowledge due 2026-11-23
  EXPECT_EQ(SignalDueDate(s), D("2026-11-23"));
  EXPECT_FALSE(IsEscalated(s, D("2026-11-23")));
  EXPECT_TRUE(IsEscalated(s, D("2026-11-24")));
  Signal a = ApplySignalTransition(s, T(SignalAction::kAcknowledge, "2026-11-24"))->signal;
  EXPECT_EQ(SignalDueDate(a), D("2026-12-04"));
  EXPECT_FALSE(IsEscalated(a, D("2026-12-04")));
  EXPECT_TRUE(IsEscalated(a, D("2026-12-05")));
  SignalTransition close = T(SignalAction::kClose, "2026-12-06");
  close.note = "Klaar";
  Signal c = ApplySignalTransition(a, close)->signal;
  EXPECT_FALSE(SignalDueDate(c).has_value());
  EXPECT_FALSE(IsEscalated(c, D("2027-01-01")));
  EXPECT_TRUE(IsOpen(SignalState::kInBehandeling));
  EXPECT_FALSE(IsOpen(SignalState::kIngetrokken));
}

// What the API reports per signal: the policy's permissions that the state
// machine also allows now.
TEST(SignalTest, AllowedActionsArePolicyAndStateTogether) {
  SignalDecision handler;
  handler.allowed = handler.may_acknowledge = handler.may_reroute = handler.may_close = true;
  auto codes = [](const std::vector<SignalAction>& actions) {
    std::vector<std::string_view> out;
    out.reserve(actions.size());
    for (SignalAction a : actions) out.push_back(ToCode(a));
    return out;
  };
  EXPECT_EQ(codes(AllowedSignalActions(handler, SignalState::kIngediend)),
            (std::vector<std::string_view>{"acknowledge", "reroute"}));
  EXPECT_EQ(codes(AllowedSignalActions(handler, SignalState::kInBehandeling)),
            (std::vector<std::string_view>{"reroute", "close"}));
  EXPECT_TRUE(AllowedSignalActions(handler, SignalState::kAfgehandeld).empty());
  SignalDecision reporter;
  reporter.allowed = reporter.may_withdraw = true;
  EXPECT_EQ(codes(AllowedSignalActions(reporter, SignalState::kIngediend)),
            std::vector<std::string_view>{"withdraw"});
  EXPECT_TRUE(AllowedSignalActions(reporter, SignalState::kInBehandeling).empty());
  reporter.allowed = false;  // a refused caller gets nothing, whatever the flags
  EXPECT_TRUE(AllowedSignalActions(reporter, SignalState::kIngediend).empty());
}

TEST(SignalRoutingTest, InvolvedFirstThenTenantThenRegisseur) {
  const SignalRouting r = SignalRouting::Defaults();
  auto org = [](int64_t id, OrganisationKind kind) {
    Organisation o;
    o.id = id;
    o.data.kind = kind;
    return o;
  };
  const std::vector<Organisation> involved = {org(1, OrganisationKind::kVluchtelingenwerk),
                                              org(2, OrganisationKind::kSchool)};
  const std::vector<Organisation> tenant = {
      org(1, OrganisationKind::kVluchtelingenwerk), org(2, OrganisationKind::kSchool),
      org(3, OrganisationKind::kGgdJgz), org(4, OrganisationKind::kGemeente),
      org(5, OrganisationKind::kSocialeDienst)};
  // Opvoeding prefers GGD/JGZ, but an involved school wins over an
  // uninvolved GGD.
  EXPECT_EQ(r.Route(SignalCategory::kOpvoeding, involved, tenant, 99), 2);
  EXPECT_EQ(r.Route(SignalCategory::kGezondheid, involved, tenant, 99), 3);
  EXPECT_EQ(r.Route(SignalCategory::kFinancien, involved, tenant, 99), 5);
  EXPECT_EQ(r.Route(SignalCategory::kHuiselijkGeweld, involved, tenant, 99), 4);
  EXPECT_EQ(r.Route(SignalCategory::kOverig, involved, tenant, 99), 99);
  EXPECT_EQ(r.Route(SignalCategory::kGezondheid, {}, {}, 99), 99);
  SignalRouting custom = r;
  custom.Assign(SignalCategory::kOverig, {OrganisationKind::kVluchtelingenwerk});
  EXPECT_EQ(custom.Route(SignalCategory::kOverig, involved, tenant, 99), 1);
}

}  // namespace
}  // namespace regie::core
