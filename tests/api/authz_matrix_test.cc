// The authorisation matrix (authz_matrix_table.h) over real HTTP: every
// route of the router x every role x every relationship -> the expected
// status, and for allowed reads the fields that are there and not there.
#include <boost/beast/http/verb.hpp>
#include <set>
#include <sstream>

#include "api_fixture.h"
#include "authz_matrix_table.h"
#include "core/casework/referral.h"
#include "core/casework/signal.h"
#include "http/dto.h"
#include "http/handlers.h"

namespace regie::testing {
namespace {

using authz::Target;
using nlohmann::json;

std::vector<std::string> Words(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

size_t Columns(Target target) {
  switch (target) {
    case Target::kNone:
      return 1;
    case Target::kTenant:
    case Target::kUser:
      return 2;
    default:
      return authz::kRelationships.size();
  }
}

// "GET /api/v1/..." for every route of the router.
std::set<std::string> RouterRoutes(const http::ApiContext& ctx) {
  std::set<std::string> out;
  for (const auto& [verb, path] : http::BuildApiRouter(ctx).Routes())
    out.insert(std::string(boost::beast::http::to_string(verb)) + " " + path);
  return out;
}

bool IsPublic(const std::string& route) {
  const std::string path = route.substr(route.find(' ') + 1);
  return path == "/api/v1/health" || path == "/api/v1/openapi.json" ||
         (path.starts_with("/api/v1/auth/") && path != "/api/v1/auth/me");
}

struct Expected {
  unsigned status = 0;
  std::string code;  // empty: any
  int listed = -1;   // 1 / 0: the household is / is not in the list
};

Expected ParseCell(const std::string& cell) {
  if (cell == "NR") return {403, "no_relationship"};
  if (cell == "FB") return {403, "forbidden"};
  Expected e;
  std::string number = cell;
  if (cell.ends_with('+') || cell.ends_with('-')) {
    e.listed = cell.back() == '+' ? 1 : 0;
    number.pop_back();
  }
  e.status = static_cast<unsigned>(std::stoul(number));
  return e;
}

// One household per relationship column, with two persons.
struct Scenario {
  std::string relationship;
  int64_t tenant = 0, household = 0, p1 = 0, p2 = 0, basis = 0;
  std::string name;
};

struct World {
  std::vector<Scenario> scenarios;        // in kRelationships order
  std::array<int64_t, 2> target_users{};  // a throwaway user of tenant A and one of B
};

class AuthzMatrixTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    // A receiving organisation no user belongs to: its bases are the ones
    // the withdraw route targets, present in every household.
    org_werkplein_ = tx->Organisations()
                         .Create(tenant_a_, {"Werkplein", core::OrganisationKind::kSocialeDienst})
                         ->id;
    // The regional benchmark: tenant A is a member of DEMO and shares.
    const int64_t region =
        tx->Regions()
            .CreateRegion({"DEMO", "Regio Demo", core::RegionKind::kRegio}, clock_->Now())
            ->id;
    ASSERT_TRUE(tx->Regions().Join(region, tenant_a_, clock_->Now()).ok());
    ASSERT_TRUE(tx->Regions().SetSharing(region, tenant_a_, true, 0, clock_->Now()).ok());
    ASSERT_TRUE(tx->Commit().ok());
    for (std::string_view role : authz::kRoles)
      if (role != "anonymous") As(std::string(role));
  }

  // A fresh copy of the world for one route, so what one route changes
  // (archiving, break-the-glass, withdrawing) cannot leak into another's cells.
  World BuildWorld() {
    ++world_;
    World w;
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    const core::Timestamp now = clock_->Now();
    const std::vector<int64_t> all_a = {org_a_gem_, org_a_vwn_, org_a_ggd_, org_a_vol_};
    auto basis = [&](int64_t tenant, int64_t person, int64_t org, const char* given,
                     std::optional<core::Date> expires) {
      core::SharingBasis b;
      b.tenant_id = tenant;
      b.person_id = person;
      b.organisation_id = org;
      b.categories = {core::DataCategory::kBasis, core::DataCategory::kGezondheid};
      b.purpose = "Zorg en begeleiding";
      b.legal_basis = core::LegalBasis::kToestemming;
      b.given = *core::Date::Parse(given);
      b.expires = expires;
      b.recorded_by = UserId(tenant == tenant_a_ ? "regisseur" : "regisseur_b");
      b.consent_text = "Formulier getekend";
      return tx->Access().CreateBasis(b, now)->id;
    };
    char suffix[8];
    std::snprintf(suffix, sizeof suffix, "w%03d", world_);
    for (std::string_view rel : authz::kRelationships) {
      Scenario s;
      s.relationship = rel;
      const bool other = rel == "other";
      s.tenant = other ? tenant_b_ : tenant_a_;
      s.name = std::string(rel) + " " + suffix;
      core::HouseholdData data;
      data.name = s.name;
      data.regisseur_user_id = UserId(other          ? "regisseur_b"
                                      : rel == "own" ? "regisseur"
                                                     : "regisseur2");
      if (other)
        data.involved_organisations = {org_b_gem_};
      else if (rel != "none" && rel != "own")
        data.involved_organisations = all_a;
      s.household = tx->Households().Create(s.tenant, data, now)->id;
      int64_t* ids[] = {&s.p1, &s.p2};
      const char* given[] = {"Amal", "Omar"};
      for (int i = 0; i < 2; ++i) {
        json body = PersonBody(given[i], "Fam" + std::string(suffix), TestBsn(++bsn_));
        core::PersonData p = *http::dto::ParseNewPerson(body, clock_->Today());
        *ids[i] = tx->Persons().Create(s.tenant, s.household, p, now)->id;
      }
      s.basis = basis(s.tenant, s.p1, other ? org_b_gem_ : org_werkplein_, "2026-11-01", {});
      if (rel == "own") {
        EXPECT_TRUE(tx->Access()
                        .SetAssignments(s.tenant, s.household, ports::AssignmentKind::kBegeleider,
                                        {UserId("begeleider")})
                        .ok());
        EXPECT_TRUE(tx->Access()
                        .SetAssignments(s.tenant, s.household, ports::AssignmentKind::kVrijwilliger,
                                        {UserId("vrijwilliger")})
                        .ok());
      }
      for (int64_t org : all_a) {
        if (rel == "basis") basis(s.tenant, s.p1, org, "2026-11-01", {});
        if (rel == "expired")
          basis(s.tenant, s.p1, org, "2026-01-01", core::Date::Parse("2026-06-01"));
        if (rel == "withdrawn") {
          int64_t id = basis(s.tenant, s.p1, org, "2026-11-01", {});
          EXPECT_TRUE(tx->Access().WithdrawBasis(s.tenant, id, now, UserId("regisseur2")).ok());
        }
      }
      w.scenarios.push_back(std::move(s));
    }
    for (size_t i = 0; i < 2; ++i) {
      ports::UserData u{.username = "doel" + std::string(suffix) + (i == 0 ? "a" : "b"),
                        .display_name = "Doelwit",
                        .email = "doel@example.nl",
                        .organisation_id = i == 0 ? org_a_gem_ : org_b_gem_,
                        .roles = {core::Role::kBegeleider}};
      w.target_users[i] = tx->Users().Create(u, now)->id;
    }
    EXPECT_TRUE(tx->Commit().ok());
    return w;
  }

  // The body a route gets: valid, so that only authorisation decides.
  std::string Body(const std::string& route, const World& w, size_t column) {
    const Scenario* s = Columns(TargetOf(route)) == 7 ? &w.scenarios[column] : nullptr;
    const int64_t tenant = s != nullptr ? s->tenant : column == 0 ? tenant_a_ : tenant_b_;
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kRead)).value();
    if (route == "POST /api/v1/auth/login")
      return json{{"username", "regisseur"}, {"password", kTestPassword}}.dump();
    if (route == "POST /api/v1/auth/totp") return json{{"code", "000000"}}.dump();
    if (route == "POST /api/v1/auth/enrol/{token}")
      return json{{"password", "Een heel ander wachtwoord"}}.dump();
    if (route == "POST /api/v1/auth/enrol/{token}/confirm") return json{{"code", "000000"}}.dump();
    if (route == "POST /api/v1/auth/logout" ||
        route == "POST /api/v1/tenants/{tenantId}/users/{userId}/enrolment")
      return {};
    if (route == "POST /api/v1/tenants/{tenantId}/users")
      return json{{"username", "nieuw" + std::to_string(++bsn_)},
                  {"display_name", "Nieuwe collega"},
                  {"email", "nieuw@example.nl"},
                  {"organisation_id", tenant == tenant_a_ ? org_a_vwn_ : org_b_gem_},
                  {"roles", {"begeleider"}}}
          .dump();
    if (route == "PUT /api/v1/tenants/{tenantId}/users/{userId}") {
      ports::User u = *tx->Users().Get(w.target_users[column]);
      return json{{"version", u.version},
                  {"display_name", u.data.display_name},
                  {"email", u.data.email},
                  {"roles", u.data.roles.Codes()},
                  {"active", true}}
          .dump();
    }
    if (route == "POST /api/v1/tenants/{tenantId}/households")
      return json{{"name", "Nieuw huishouden"}, {"involved_organisations", json::array()}}.dump();
    if (route == "PUT /api/v1/tenants/{tenantId}/households/{householdId}") {
      core::Household h = *tx->Households().Get(tenant, s->household);
      return json{{"version", h.version},
                  {"name", h.data.name},
                  {"regisseur_user_id", h.data.regisseur_user_id},
                  {"involved_organisations", h.data.involved_organisations}}
          .dump();
    }
    if (route == "POST /api/v1/tenants/{tenantId}/households/{householdId}/archive")
      return json{{"version", tx->Households().Get(tenant, s->household)->version},
                  {"reason", "Verhuisd naar een andere gemeente"}}
          .dump();
    if (route == "POST /api/v1/tenants/{tenantId}/households/{householdId}/reopen")
      return json{{"version", tx->Households().Get(tenant, s->household)->version},
                  {"reason", "Toch niet verhuisd"}}
          .dump();
    if (route == "POST /api/v1/tenants/{tenantId}/households/{householdId}/persons")
      return PersonBody("Nieuw", "Lid").dump();
    if (route == "PUT /api/v1/tenants/{tenantId}/households/{householdId}/assignments") {
      core::HouseholdFacts f = *tx->Access().Facts(tenant, s->household, 0);
      return json{{"begeleiders", f.begeleider_ids}, {"vrijwilligers", f.vrijwilliger_ids}}.dump();
    }
    if (route == "POST /api/v1/tenants/{tenantId}/households/{householdId}/contacts")
      return json{{"date", "2026-11-20"},
                  {"type", "huisbezoek"},
                  {"participants", {"Regisseur", "Hoofdpersoon"}},
                  {"note", "Kennismaking"}}
          .dump();
    if (route == "POST /api/v1/tenants/{tenantId}/households/{householdId}/signals")
      return json{{"category", "gezondheid"},
                  {"urgency", "hoog"},
                  {"description", "Zorgen over de gezondheid van de kinderen"}}
          .dump();
    if (route == "POST /api/v1/tenants/{tenantId}/signals/{signalId}/acknowledge") return "{}";
    if (route == "POST /api/v1/tenants/{tenantId}/signals/{signalId}/reroute")
      return json{{"organisation_id", tenant == tenant_a_ ? org_a_vwn_ : org_b_gem_},
                  {"reason", "Hoort bij de begeleiding"}}
          .dump();
    if (route == "POST /api/v1/tenants/{tenantId}/signals/{signalId}/close")
      return json{{"result", "Afspraak bij de huisarts gemaakt"}}.dump();
    if (route == "POST /api/v1/tenants/{tenantId}/signals/{signalId}/withdraw")
      return json{{"reason", "Al bekend"}}.dump();
    if (route == "POST /api/v1/tenants/{tenantId}/households/{householdId}/referrals")
      return json{{"person_ids", {s->p1}},
                  {"to_organisation_id", tenant == tenant_a_ ? org_a_ggd_ : org_b_gem_},
                  {"reason", "Intake bij de GGD"},
                  {"package", {"basis", "gezondheid"}}}
          .dump();
    if (route == "POST /api/v1/tenants/{tenantId}/referrals/{referralId}/accept" ||
        route == "POST /api/v1/tenants/{tenantId}/referrals/{referralId}/complete")
      return "{}";
    if (route == "POST /api/v1/tenants/{tenantId}/referrals/{referralId}/reject")
      return json{{"reason", "Geen capaciteit"}}.dump();
    if (route == "POST /api/v1/tenants/{tenantId}/referrals/{referralId}/withdraw")
      return json{{"reason", "Niet meer nodig"}}.dump();
    if (route == "PUT /api/v1/tenants/{tenantId}/households/{householdId}/plan")
      return json{{"version", tx->Plans().Get(tenant, s->household, 0).value().version},
                  {"goals", json::array()}}
          .dump();
    if (route == "POST /api/v1/tenants/{tenantId}/households/{householdId}/plan/agreements")
      return json{{"plan_version", 1}, {"date", "2026-11-20"}, {"signed_by", {s->p1}}}.dump();
    if (route ==
        "POST "
        "/api/v1/tenants/{tenantId}/households/{householdId}/plan/actions/{actionKey}/progress")
      return json{{"version", tx->Plans().Get(tenant, s->household, 0).value().version},
                  {"status", "loopt"}}
          .dump();
    if (route == "POST /api/v1/tenants/{tenantId}/households/{householdId}/break-glass")
      return json{{"reason", "Acute zorg over de veiligheid van de kinderen"}}.dump();
    if (route == "PUT /api/v1/tenants/{tenantId}/persons/{personId}") {
      json p = http::dto::ToJson(*tx->Persons().Get(tenant, s->p1));
      for (const char* k : {"id", "tenant_id", "household_id", "created_at", "updated_at"})
        p.erase(k);
      return p.dump();
    }
    if (route == "POST /api/v1/tenants/{tenantId}/persons/{personId}/sharing-bases")
      return json{{"organisation_id", tenant == tenant_a_ ? org_a_ggd_ : org_b_gem_},
                  {"categories", {"basis"}},
                  {"purpose", "Jeugdgezondheidszorg"},
                  {"legal_basis", "wettelijke_taak"},
                  {"given", "2026-11-01"},
                  {"expires", nullptr}}
          .dump();
    if (route == "POST /api/v1/tenants/{tenantId}/sharing-bases/{basisId}/withdraw") return "{}";
    if (route == "POST /api/v1/tenants/{tenantId}/persons/{personId}/events")
      return json{{"event", "buurtfeest_bezocht"}, {"date", "2026-11-01"}}.dump();
    if (route == "POST /api/v1/tenants/{tenantId}/persons/{personId}/events/{eventId}/void")
      return json{{"reason", "Verkeerd ingevoerd"}}.dump();
    if (route == "POST /api/v1/tenants/{tenantId}/persons/{personId}/assessments")
      return json{{"kind", "participatieladder"}, {"date", "2026-11-01"}, {"rung", 4}}.dump();
    if (route ==
        "POST /api/v1/tenants/{tenantId}/persons/{personId}/assessments/{assessmentId}/void")
      return json{{"reason", "Verkeerd ingevoerd"}}.dump();
    if (route == "POST /api/v1/tenants/{tenantId}/households/{householdId}/handover-package")
      return {};
    if (route == "POST /api/v1/tenants/{tenantId}/handovers") return "{}";
    if (route == "PUT /api/v1/tenants/{tenantId}/regions/{regionCode}/sharing")
      return R"({"sharing": true})";
    if (route == "POST /api/v1/tenants/{tenantId}/handovers/{handoverId}/accept") return "{}";
    if (route == "PUT /api/v1/tenants/{tenantId}/reports/{period}/sections/{section}")
      return json{{"version", 0}, {"text", "Ervaringen van deze periode."}}.dump();
    if (route == "POST /api/v1/tenants/{tenantId}/reports/{period}/finalise") return "{}";
    if (route == "POST /api/v1/tenants/{tenantId}/handovers/{handoverId}/reject")
      return json{{"reason", "Niet voor onze gemeente"}}.dump();
    if (route == "PUT /api/v1/tenants/{tenantId}/persons/{personId}/intake")
      return IntakeBody(*tx, *s).dump();
    if (route == "POST /api/v1/tenants/{tenantId}/persons/{personId}/intake/finalise" ||
        route == "POST /api/v1/tenants/{tenantId}/persons/{personId}/intake/reopen")
      return json{{"version", tx->Intakes().Get(s->tenant, s->p1, 0).value().version}}.dump();
    if (route == "PUT /api/v1/tenants/{tenantId}/policy/activations")
      return json{{"activations", json::array()}}.dump();
    if (route.starts_with("POST ") || route.starts_with("PUT "))
      ADD_FAILURE() << "no request body for " << route << ": add one to Body()";
    return {};
  }

  static Target TargetOf(const std::string& route) {
    for (const authz::Entry& e : authz::kMatrix)
      if (e.route == route) return e.target;
    return Target::kNone;
  }

  int64_t FreshEvent(const Scenario& s) {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    ports::StoredEvent e{
        .tenant_id = s.tenant,
        .person_id = s.p1,
        .event = {"buurtfeest_bezocht", *core::Date::Parse("2026-10-01"), std::nullopt, "", ""},
        .recorded_by = UserId(s.tenant == tenant_a_ ? "regisseur" : "regisseur_b"),
        .recorded_at = clock_->Now()};
    const int64_t id = tx->Policy().RecordEvent(e)->id;
    EXPECT_TRUE(tx->Commit().ok());
    return id;
  }

  int64_t FreshAssessment(const Scenario& s) {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    core::Assessment a{.tenant_id = s.tenant,
                       .data = {.person_id = s.p1,
                                .kind = core::AssessmentKind::kParticipatieladder,
                                .date = *core::Date::Parse("2026-10-01"),
                                .rung = 3},
                       .recorded_by = UserId(s.tenant == tenant_a_ ? "regisseur" : "regisseur_b"),
                       .recorded_at = clock_->Now()};
    const int64_t id = tx->Assessments().Create(a, 0)->id;
    EXPECT_TRUE(tx->Commit().ok());
    return id;
  }

  // A signal of the column's household, filed by its regisseur and routed
  // to the partner's organisation (GGD; tenant B: its gemeente), in state
  // in_behandeling for the close route.
  int64_t FreshSignal(const Scenario& s, const std::string& route) {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    const bool a = s.tenant == tenant_a_;
    core::SignalData d{.household_id = s.household,
                       .category = core::SignalCategory::kGezondheid,
                       .urgency = core::SignalUrgency::kNormaal,
                       .description = "Zorgen over de gezondheid"};
    const int64_t reporter = UserId(!a                        ? "regisseur_b"
                                    : s.relationship == "own" ? "regisseur"
                                                              : "regisseur2");
    core::Signal signal =
        *tx->Signals().Create(core::NewSignal(s.tenant, d, reporter, a ? org_a_gem_ : org_b_gem_,
                                              a ? org_a_ggd_ : org_b_gem_, clock_->Now()));
    if (route.ends_with("/close")) {
      auto applied = core::ApplySignalTransition(
          signal,
          {.action = core::SignalAction::kAcknowledge, .by_user = reporter, .at = clock_->Now()});
      EXPECT_TRUE(tx->Signals().Apply(applied->signal, applied->event).ok());
    }
    EXPECT_TRUE(tx->Commit().ok());
    return signal.id;
  }

  // A referral of the column's household's first person, made by its
  // regisseur from the gemeente to the GGD (tenant B: its gemeente to
  // itself), accepted for the complete route.
  int64_t FreshReferral(const Scenario& s, const std::string& route) {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    const bool a = s.tenant == tenant_a_;
    const int64_t sender = UserId(!a                        ? "regisseur_b"
                                  : s.relationship == "own" ? "regisseur"
                                                            : "regisseur2");
    core::ReferralData d{.household_id = s.household,
                         .person_ids = {s.p1},
                         .to_organisation_id = a ? org_a_ggd_ : org_b_gem_,
                         .reason = "Intake bij de GGD",
                         .package = {core::DataCategory::kBasis, core::DataCategory::kGezondheid}};
    core::Referral referral = *tx->Referrals().Create(
        core::NewReferral(s.tenant, d, a ? org_a_gem_ : org_b_gem_, sender, clock_->Now()));
    if (route.ends_with("/complete")) {
      auto applied = core::ApplyReferralTransition(
          referral,
          {.action = core::ReferralAction::kAccept, .by_user = sender, .at = clock_->Now()});
      EXPECT_TRUE(tx->Referrals().Apply(applied->referral, applied->event).ok());
    }
    EXPECT_TRUE(tx->Commit().ok());
    return referral.id;
  }

  void EnsurePlan(const Scenario& s) {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    if (*tx->Plans().LockCurrentVersion(s.tenant, s.household) > 0) return;
    const bool other = s.tenant == tenant_b_;
    core::Plan plan{.tenant_id = s.tenant,
                    .household_id = s.household,
                    .version = 1,
                    .saved_at = clock_->Now(),
                    .saved_by = UserId(other ? "regisseur_b" : "regisseur"),
                    .next_key = 3};
    plan.goals.push_back({.key = 1,
                          .person_id = s.p1,
                          .domain = "werk_inkomen",
                          .text = "Vrijwilligerswerk",
                          .target_date = *core::Date::Parse("2027-06-01"),
                          .status = core::GoalStatus::kLoopt,
                          .actions = {{.key = 2,
                                       .text = "Intake",
                                       .organisation_id = other ? org_b_gem_ : org_a_ggd_,
                                       .due_date = *core::Date::Parse("2026-12-01")}}});
    ASSERT_TRUE(tx->Plans().Save(plan).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }

  // A complete intake of the column's first person, its regisseur taking
  // part: a valid save and ready to finalise.
  json IntakeBody(ports::Transaction& tx, const Scenario& s) {
    const int64_t regisseur = UserId(s.tenant == tenant_a_ ? "regisseur" : "regisseur_b");
    return json{{"version", tx.Intakes().Get(s.tenant, s.p1, 0).value().version},
                {"intake_date", "2026-11-01"},
                {"participants",
                 {{{"user_id", regisseur},
                   {"organisation_id", tx.Users().Get(regisseur)->data.organisation_id}}}},
                {"health_screening", {{"done", true}}},
                {"domains", {{{"domain", "wonen"}, {"situation", "Eengezinswoning"}}}}};
  }

  // Intake routes work on an intake of the first person in the state the
  // route needs: finalised for reopen, a concept otherwise.
  void EnsureIntake(const Scenario& s, bool finalised) {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    core::Intake current = *tx->Intakes().Get(s.tenant, s.p1, 0);
    const bool is_final = current.status == core::IntakeStatus::kAfgerond;
    if (current.version > 0 && is_final == finalised) return;
    const int64_t regisseur = UserId(s.tenant == tenant_a_ ? "regisseur" : "regisseur_b");
    core::Intake next = current;
    next.tenant_id = s.tenant;
    next.person_id = s.p1;
    next.version = current.version + 1;
    if (current.version == 0) {
      next.recorded_by = regisseur;
      next.content.intake_date = *core::Date::Parse("2026-11-01");
      next.content.participants = {{regisseur, tx->Users().Get(regisseur)->data.organisation_id}};
      next.content.health_screening.done = true;
    }
    next.status = finalised ? core::IntakeStatus::kAfgerond : core::IntakeStatus::kConcept;
    next.finalised_at.reset();
    if (finalised) next.finalised_at = clock_->Now();
    next.finalised_by = finalised ? regisseur : 0;
    next.saved_by = regisseur;
    next.saved_at = clock_->Now();
    ASSERT_TRUE(tx->Intakes().Save(next).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }

  std::string Path(const authz::Entry& entry, const World& w, size_t column) {
    std::string path =
        std::string(entry.route.substr(entry.route.find(' ') + 1)) + std::string(entry.query);
    const bool per_household = Columns(entry.target) == 7;
    const Scenario* s = per_household ? &w.scenarios[column] : nullptr;
    const int64_t tenant = s != nullptr ? s->tenant : column == 0 ? tenant_a_ : tenant_b_;
    path = Replace(path, "{tenantId}", std::to_string(tenant));
    path = Replace(path, "{token}", "nooit-uitgegeven-token");
    path = Replace(path, "{packId}", "nl-wet-inburgering-2021");
    path = Replace(path, "{regionCode}", "DEMO");
    path = Replace(path, "{handoverId}", "987654");
    // Every report request gets a period of its own, still a concept with
    // nothing written: a save from version 0 and a finalise always apply
    // (a finalise to a half-year that has ended, as it must be).
    if (path.find("{period}") != std::string::npos) {
      const bool finalise = path.ends_with("/finalise");
      const int n = finalise ? next_past_period_++ : next_period_++;
      path = Replace(path, "{period}",
                     std::to_string((finalise ? 2000 : 2030) + n / 2) + (n % 2 == 0 ? "H1" : "H2"));
    }
    path = Replace(path, "{section}", "netwerkpartners");
    path = Replace(path, "{userId}", std::to_string(w.target_users[column % 2]));
    if (s != nullptr) {
      path = Replace(path, "{householdId}", std::to_string(s->household));
      path = Replace(path, "{personId}", std::to_string(s->p1));
      path = Replace(path, "{basisId}", std::to_string(s->basis));
      path = Replace(path, "{name}", Replace(s->name, " ", "+"));
      // Plan routes work on a plan of version 1 with goal 1 and action 2,
      // for which the partner's organisation (the GGD) answers.
      if (path.find("/plan") != std::string::npos) EnsurePlan(*s);
      if (path.find("/intake") != std::string::npos)
        EnsureIntake(*s, path.ends_with("/intake/reopen"));
      path = Replace(path, "{version}", "1");
      path = Replace(path, "{actionKey}", "2");
      // Voiding uses an event up: every request gets a fresh one.
      if (path.find("{eventId}") != std::string::npos)
        path = Replace(path, "{eventId}", std::to_string(FreshEvent(*s)));
      if (path.find("{assessmentId}") != std::string::npos)
        path = Replace(path, "{assessmentId}", std::to_string(FreshAssessment(*s)));
      // So does every signal request: a transition uses its signal up.
      if (path.find("{signalId}") != std::string::npos)
        path =
            Replace(path, "{signalId}", std::to_string(FreshSignal(*s, std::string(entry.route))));
      if (path.find("{referralId}") != std::string::npos)
        path = Replace(path, "{referralId}",
                       std::to_string(FreshReferral(*s, std::string(entry.route))));
    }
    return path;
  }

  // The fields an allowed read shows (kViews).
  void CheckView(const authz::Entry& entry, const std::string& role, const Scenario& s,
                 const json& body) {
    const authz::View* view = nullptr;
    for (const authz::View& v : authz::kViews)
      if (v.role == role && v.relationship == s.relationship) view = &v;
    if (entry.target == Target::kListing) {
      if (entry.query.starts_with("?scope=all")) {
        for (const json& item : body["items"]) EXPECT_EQ(item.size(), 2U) << item;  // id, name
        return;
      }
      ASSERT_NE(view, nullptr) << "no view for a listed household; add one to kViews";
      std::set<std::string> hidden;
      for (const std::string& f : Words(view->list_hidden)) hidden.insert(f);
      for (const json& item : body["items"]) {
        if (item["id"] != s.household) continue;
        EXPECT_EQ(item["relationship"], role);
        for (const char* f : {"name", "member_count", "wijk", "kern", "housing_date"})
          EXPECT_EQ(item.contains(f), hidden.count(f) == 0) << f;
      }
      return;
    }
    ASSERT_NE(view, nullptr) << "no view for an allowed read; add one to kViews";
    json p1;
    if (entry.target == Target::kHousehold) {
      EXPECT_EQ(body["access"]["relationship"], role);
      std::set<int64_t> expected, seen;
      for (const std::string& p : Words(view->persons)) expected.insert(p == "P1" ? s.p1 : s.p2);
      for (const json& p : body["persons"]) {
        seen.insert(p["id"].get<int64_t>());
        if (p["id"] == s.p1) p1 = p;
      }
      EXPECT_EQ(seen, expected);
      if (p1.is_null()) return;
    } else {
      p1 = body;
    }
    for (const std::string& f : Words(view->shown)) EXPECT_TRUE(p1.contains(f)) << "missing " << f;
    for (const std::string& f : Words(view->hidden)) EXPECT_FALSE(p1.contains(f)) << "shows " << f;
    EXPECT_EQ(p1["visible_categories"], json(Words(view->categories)));
  }

  // Sends one cell's request and checks the answer; false when it failed.
  bool Check(const authz::Entry& entry, const std::string& role, const World& w, size_t column,
             const std::string& cell) {
    const ::testing::TestResult& result =
        *::testing::UnitTest::GetInstance()->current_test_info()->result();
    const int before = result.total_part_count();
    CheckCell(entry, role, w, column, cell);
    for (int i = before; i < result.total_part_count(); ++i)
      if (result.GetTestPartResult(i).failed()) return false;
    return true;
  }

  void CheckCell(const authz::Entry& entry, const std::string& role, const World& w, size_t column,
                 const std::string& cell) {
    const std::string route(entry.route);
    const std::string method = route.substr(0, route.find(' '));
    const std::string path = Path(entry, w, column);
    const std::string column_name =
        Columns(entry.target) == 7   ? std::string(authz::kRelationships[column])
        : Columns(entry.target) == 2 ? (column == 0 ? "own tenant" : "other tenant")
                                     : "-";
    SCOPED_TRACE(route + std::string(entry.query) + " as " + role + " on " + column_name);
    Login fresh;
    const Login* login = nullptr;
    if (role != "anonymous") {
      // Logging out ends the session it is sent with: use one of its own.
      if (route == "POST /api/v1/auth/logout") fresh = LogIn(role);
      login = route == "POST /api/v1/auth/logout" ? &fresh : &As(role);
    }
    HttpResult r = SendHttp(port_, method, path, Body(route, w, column), "application/json", login);
    const Expected want = ParseCell(cell);
    ASSERT_EQ(r.status, want.status) << method << " " << path << "\n" << r.body.substr(0, 300);
    const json body = r.json();
    if (!want.code.empty()) {
      EXPECT_EQ(body["code"], want.code);
    }
    if (role == "anonymous" && r.status == 401 && !IsPublic(route)) {
      EXPECT_EQ(body["code"], "not_authenticated");
    }
    if (want.listed >= 0) {
      bool listed = false;
      for (const json& item : body["items"])
        listed = listed || item["id"] == w.scenarios[column].household;
      EXPECT_EQ(listed, want.listed == 1);
    }
    const bool shows_persons = entry.target == Target::kListing ||
                               route.ends_with("/households/{householdId}") ||
                               route.ends_with("/persons/{personId}");
    if (r.status == 200 && method == "GET" && shows_persons && want.listed != 0)
      CheckView(entry, role, w.scenarios[column], body);
    if (r.status == 200 && route == "GET /api/v1/tenants/{tenantId}/users") {
      for (const json& u : body["items"])  // e-mail addresses are for administrators
        EXPECT_EQ(u.contains("email"), role == "beheer") << u;
    }
  }

  int64_t org_werkplein_ = 0;
  int world_ = 0;
  int bsn_ = 0;
  int next_period_ = 0;       // report periods handed out (Path)
  int next_past_period_ = 0;  // the same for finalising, from 2000H1 on
};

TEST_P(AuthzMatrixTest, EveryRouteRoleAndRelationship) {
  int failed = 0;
  for (const authz::Entry& entry : authz::kMatrix) {
    const World world = BuildWorld();
    for (const authz::Row& row : entry.rows) {
      const std::vector<std::string> cells = Words(row.cells);
      ASSERT_EQ(cells.size(), Columns(entry.target)) << entry.route << " " << row.roles;
      for (const std::string& role : Words(row.roles)) {
        for (size_t column = 0; column < cells.size(); ++column) {
          if (!Check(entry, role, world, column, cells[column])) ++failed;
          // A server that hangs on refusals must not hold CI for minutes.
          ASSERT_LT(failed, 20) << "too many failing cells; stopping";
        }
      }
    }
  }
}

// The table is complete: every route of the router has rows, for every role
// exactly once, and the table names no route the router lacks.
TEST_P(AuthzMatrixTest, TableCoversEveryRouteAndRole) {
  std::set<std::string> in_table;
  for (const authz::Entry& entry : authz::kMatrix) {
    in_table.insert(std::string(entry.route));
    std::multiset<std::string> roles;
    for (const authz::Row& row : entry.rows)
      for (const std::string& role : Words(row.roles)) roles.insert(role);
    for (std::string_view role : authz::kRoles)
      EXPECT_EQ(roles.count(std::string(role)), 1U) << entry.route << entry.query << " " << role;
    EXPECT_EQ(roles.size(), authz::kRoles.size()) << entry.route << entry.query;
  }
  const std::set<std::string> routed = RouterRoutes(*ctx_);
  for (const std::string& route : routed)
    EXPECT_TRUE(in_table.count(route)) << "route without rows in authz_matrix_table.h: " << route;
  for (const std::string& route : in_table)
    EXPECT_TRUE(routed.count(route)) << "table row for a route the router does not have: " << route;
}

// Without a session cookie every non-public route answers 401 before it
// looks at the path's ids, the query or the body.
TEST_P(AuthzMatrixTest, NoCookieIs401OnEveryNonPublicRouteWhateverTheRequest) {
  for (const std::string& route : RouterRoutes(*ctx_)) {
    if (IsPublic(route)) continue;
    const std::string method = route.substr(0, route.find(' '));
    std::string path = route.substr(route.find(' ') + 1);
    for (const char* param :
         {"{tenantId}", "{householdId}", "{personId}", "{basisId}", "{userId}", "{eventId}",
          "{packId}", "{assessmentId}", "{signalId}", "{handoverId}", "{referralId}"})
      path = Replace(path, param, "x");
    for (const std::string& body :
         {std::string(), std::string("{\"onbekend\":"), std::string("{}")}) {
      HttpResult r = SendHttp(port_, method, path + "?limit=9999", body,
                              body.empty() ? "" : "application/json", nullptr);
      EXPECT_EQ(r.status, 401U) << route << " body " << body << "\n" << r.body.substr(0, 200);
      EXPECT_EQ(r.json()["code"], "not_authenticated") << route;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthzMatrixTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
