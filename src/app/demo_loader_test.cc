#include "app/demo_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "app/test_crypto.h"
#include "backends.h"
#include "core/auth/totp.h"
#include "core/casework/assessment.h"
#include "core/casework/signal.h"
#include "core/policy/engine.h"
#include "core/policy/timeline.h"
#include "crypto/sodium_crypto.h"
#include "http/handover_service.h"
#include "packs/pack_loader.h"

namespace regie::app {
namespace {

class DemoLoaderTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip, error;
    test_db_ = testing::MakeTestDatabase(GetParam(), skip, error);
    if (!error.empty()) FAIL() << error;
    if (!skip.empty()) GTEST_SKIP() << skip;
  }
  core::DemoOptions Options() const {
    return {.seed = 5, .households = 60, .tenants = 3, .today = *core::Date::Parse("2026-11-23")};
  }
  std::unique_ptr<testing::TestDatabase> test_db_;
  ports::FixedClock clock_{core::Timestamp{1'790'000'000'000'000}};
  std::unique_ptr<crypto::SodiumCrypto> crypto_ = FastTestCrypto();
};

TEST_P(DemoLoaderTest, LoadsEveryHouseholdInBatchesAndRefusesANonEmptyDatabase) {
  int batches = 0;
  StatusOr<DemoLoadStats> stats = LoadDemo(test_db_->db(), *crypto_, Options(), clock_, {}, 25,
                                           [&batches](const DemoLoadStats&) { ++batches; });
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->tenants, 3);
  EXPECT_EQ(stats->households, 60);
  EXPECT_GE(stats->persons, 60);
  EXPECT_EQ(batches, 3);  // 25 + 25 + 10

  auto tx = std::move(test_db_->db().Begin(ports::TxMode::kRead)).value();
  auto tenants = tx->Tenants().List();
  ASSERT_TRUE(tenants.ok());
  ASSERT_EQ(tenants->size(), 3U);
  int64_t households = 0, persons = 0, escalated = 0;
  std::set<core::SignalState> states;
  std::set<core::ReferralState> referral_states;
  int64_t referrals = 0;
  for (const core::Tenant& t : *tenants) {
    ports::HouseholdQuery q{.tenant_id = t.id, .limit = 200};
    auto page = tx->Households().List(q);
    ASSERT_TRUE(page.ok());
    households += static_cast<int64_t>(page->items.size());
    for (const ports::HouseholdListItem& item : page->items) {
      const core::HouseholdSummary& s = item.summary;
      persons += s.member_count;
      auto h = tx->Households().Get(t.id, s.id);
      ASSERT_TRUE(h.ok());
      EXPECT_FALSE(h->data.involved_organisations.empty());
      auto signals = tx->Signals().ListByHousehold(t.id, s.id);
      ASSERT_TRUE(signals.ok());
      for (const core::Signal& signal : *signals) {
        states.insert(signal.state);
        if (core::IsEscalated(signal, Options().today)) ++escalated;
      }
      auto made = tx->Referrals().ListByHousehold(t.id, s.id);
      ASSERT_TRUE(made.ok());
      for (const core::Referral& r : *made) {
        referral_states.insert(r.state);
        ++referrals;
        // Made along a basis, as a real referral must be.
        auto facts = tx->Access().Facts(t.id, s.id, 0);
        ASSERT_TRUE(facts.ok());
        EXPECT_TRUE(core::UncoveredPackage(r.data, facts->bases, r.created_at).empty());
      }
    }
  }
  // Demo signals in every state, some of them overdue.
  EXPECT_EQ(states.size(), 4U);
  EXPECT_GT(escalated, 0);
  EXPECT_LT(escalated, stats->signals);
  EXPECT_EQ(households, 60);
  EXPECT_EQ(persons, stats->persons);
  EXPECT_GT(stats->sharing_bases, 0);
  EXPECT_GT(stats->signals, 0);
  // Demo referrals in every state.
  EXPECT_EQ(referral_states.size(), 5U);
  EXPECT_EQ(referrals, stats->referrals);

  // Demo users are enrolled: the published password and the derived seed work.
  auto user = tx->Users().GetByUsername("regisseur1@gm0523");
  ASSERT_TRUE(user.ok()) << user.status().ToString();
  EXPECT_TRUE(user->data.demo);
  EXPECT_TRUE(user->totp_enabled);
  EXPECT_TRUE(crypto_->VerifyPassword(user->password_hash, kDemoPassword));
  auto seed = crypto_->Open(user->totp_sealed);
  ASSERT_TRUE(seed.ok());
  const auto derived = DemoTotpSeed("regisseur1@gm0523");
  EXPECT_EQ(*seed, std::vector<uint8_t>(derived.begin(), derived.end()));
  // The first tenant's GGD serves the next tenants too (a GGD region).
  int regional = 0;
  auto second_tenant_orgs = tx->Organisations().List((*tenants)[1].id);
  ASSERT_TRUE(second_tenant_orgs.ok());
  for (const core::Organisation& o : *second_tenant_orgs) regional += o.regional ? 1 : 0;
  EXPECT_GE(regional, 2);
  tx.reset();

  StatusOr<DemoLoadStats> again = LoadDemo(test_db_->db(), *crypto_, Options(), clock_, {});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().reason(), "database_not_empty");
}

TEST_P(DemoLoaderTest, ActivatesPacksAndRecordsEventsTheServerWouldAccept) {
  const packs::PackLibrary library = packs::LoadPackDirectory(REGIE_POLICIES_DIR);
  ASSERT_TRUE(library.ok());
  StatusOr<DemoLoadStats> stats =
      LoadDemo(test_db_->db(), *crypto_, Options(), clock_, library.packs, 25);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_GT(stats->events, stats->persons);

  auto tx = std::move(test_db_->db().Begin(ports::TxMode::kRead)).value();
  auto tenant = tx->Tenants().GetByCode("GM0632");  // Woerden
  ASSERT_TRUE(tenant.ok());
  auto stored = tx->Policy().Activations(tenant->id);
  ASSERT_TRUE(stored.ok());
  std::vector<core::policy::Activation> activations;
  for (const ports::StoredActivation& s : *stored) activations.push_back(s.activation);
  auto policy = core::policy::CompiledPolicy::Compile(library.packs, activations, "GM0632");
  ASSERT_TRUE(policy.ok()) << policy.status().message();

  // Every stored event passes the server's check; statuses are mixed.
  int64_t events = 0, overdue = 0, on_time = 0;
  auto page = tx->Policy().EventsOfPersons(tenant->id, 0, INT64_MAX);
  ASSERT_TRUE(page.ok());
  std::map<int64_t, std::vector<core::policy::PersonEvent>> by_person;
  for (const ports::StoredEvent& e : *page) by_person[e.person_id].push_back(e.event);
  core::policy::Evaluator evaluator(**policy);
  core::policy::Evaluation evaluation;
  std::vector<std::string> unknown;
  for (const auto& [person_id, list] : by_person) {
    auto person = tx->Persons().Get(tenant->id, person_id);
    ASSERT_TRUE(person.ok());
    const auto facts = core::policy::FactsFromPerson(person->data);
    for (const auto& e : list) {
      auto known = core::policy::CheckEvent(**policy, facts, e, Options().today);
      ASSERT_TRUE(known.ok()) << e.event << ": " << known.status().message();
      ++events;
    }
    core::policy::EvaluateStored(evaluator, **policy, facts, list, Options().today, evaluation,
                                 unknown);
    EXPECT_TRUE(unknown.empty());
    for (const auto& r : evaluation.milestones) {
      overdue += r.status == core::policy::MilestoneStatus::kVerlopen ? 1 : 0;
      on_time += r.status == core::policy::MilestoneStatus::kOpTijd ? 1 : 0;
    }
  }
  EXPECT_GT(events, 0);
  EXPECT_GT(on_time, overdue);
  EXPECT_GT(overdue, 0);

  // Assessments: valid as the server would check them; Woerden's Ferm Werk
  // outcomes are assessments that match their policy events.
  EXPECT_GT(stats->assessments, 0);
  int64_t assessments = 0, ferm_werk = 0;
  for (const auto& [person_id, list] : by_person) {
    auto stored_assessments = tx->Assessments().ListByPerson(tenant->id, person_id);
    ASSERT_TRUE(stored_assessments.ok());
    for (const core::Assessment& a : *stored_assessments) {
      EXPECT_TRUE(core::ValidateAssessment(a.data, Options().today).empty()) << a.id;
      ++assessments;
      if (a.data.kind != core::AssessmentKind::kFermWerk) continue;
      ++ferm_werk;
      bool matched = false;
      for (const auto& e : list)
        matched |=
            e.event == "ferm_werk_uitkomst" && e.date == a.data.date && e.code == a.data.outcome;
      EXPECT_TRUE(matched) << a.id;
    }
  }
  EXPECT_GT(assessments, 0);
  EXPECT_GT(ferm_werk, 0);

  // Hardinxveld-Giessendam's pack declares the participatieladder: each
  // ladder assessment comes with its rung as a policy event, as the
  // assessments API records it, so the dashboard's ladder has data.
  auto hardinxveld = tx->Tenants().GetByCode("GM0523");
  ASSERT_TRUE(hardinxveld.ok());
  auto ladder_events = tx->Policy().EventsOfPersons(hardinxveld->id, 0, INT64_MAX);
  ASSERT_TRUE(ladder_events.ok());
  std::map<int64_t, std::vector<core::policy::PersonEvent>> rungs;
  for (const ports::StoredEvent& e : *ladder_events)
    if (e.event.event == "participatieladder_trede") rungs[e.person_id].push_back(e.event);
  int64_t ladder = 0;
  for (const auto& [person_id, list] : rungs) {
    auto stored_assessments = tx->Assessments().ListByPerson(hardinxveld->id, person_id);
    ASSERT_TRUE(stored_assessments.ok());
    for (const core::Assessment& a : *stored_assessments) {
      if (a.data.kind != core::AssessmentKind::kParticipatieladder) continue;
      ++ladder;
      bool matched = false;
      for (const auto& e : list) matched |= e.date == a.data.date && e.value == a.data.rung;
      EXPECT_TRUE(matched) << a.id;
    }
  }
  EXPECT_GT(ladder, 0);
}

// With four municipalities the demo shows a handover: the first one's
// household archived with its package, the third with the package pending
// from a trusted sender, and a regisseur there can accept it.
TEST_P(DemoLoaderTest, FourTenantsStageAPendingHandover) {
  core::DemoOptions options = Options();
  options.tenants = 4;
  options.households = 20;
  StatusOr<DemoLoadStats> stats = LoadDemo(test_db_->db(), *crypto_, options, clock_, {}, 25);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->handovers, 1);
  auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
  auto tenants = tx->Tenants().List();
  ASSERT_EQ(tenants->size(), 4U);
  auto sent = tx->Handovers().List((*tenants)[0].id, ports::HandoverDirection::kOutgoing);
  ASSERT_EQ(sent->size(), 1U);
  EXPECT_TRUE(tx->Households().Get((*tenants)[0].id, sent->front().household_id)->archived);
  auto received = tx->Handovers().List((*tenants)[2].id, ports::HandoverDirection::kIncoming);
  ASSERT_EQ(received->size(), 1U);
  EXPECT_TRUE(received->front().trusted);
  EXPECT_EQ(received->front().status, ports::HandoverStatus::kPending);
  EXPECT_EQ(received->front().package_id, sent->front().package_id);
  // Its regisseurs can accept it: a regisseur of the third municipality.
  int64_t regisseur = 0;
  for (int64_t id = 1; regisseur == 0 && id < 500; ++id) {
    auto u = tx->Users().Get(id);
    if (!u.ok() || !u->data.roles.Has(core::Role::kRegisseur)) continue;
    auto served = tx->Organisations().ServedTenants(u->data.organisation_id);
    if (served.ok() && served->front() == (*tenants)[2].id) regisseur = id;
  }
  ASSERT_NE(regisseur, 0);
  auto no_packs = core::policy::CompiledPolicy::Compile({}, {});  // the demo loaded none
  ASSERT_TRUE(no_packs.ok());
  auto accepted = http::handover::Accept(*tx, **no_packs, (*tenants)[2].id, received->front().id,
                                         regisseur, regisseur, clock_.Now());
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
}

// The demo's region: all its municipalities (up to six) are members and
// all but the last share, so the benchmark shows one member absent.
TEST_P(DemoLoaderTest, DemoRegionWithAllButOneMemberSharing) {
  StatusOr<DemoLoadStats> stats = LoadDemo(test_db_->db(), *crypto_, Options(), clock_, {}, 25);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  auto tx = std::move(test_db_->db().Begin(ports::TxMode::kRead)).value();
  auto region = tx->Regions().RegionByCode("DEMO");
  ASSERT_TRUE(region.ok()) << region.status().ToString();
  EXPECT_EQ(region->data.kind, core::RegionKind::kRegio);
  auto members = tx->Regions().Members(region->id);
  ASSERT_EQ(members->size(), 3U);
  int sharing = 0;
  for (const core::RegionMember& m : *members) {
    sharing += m.sharing ? 1 : 0;
    if (m.sharing) {
      EXPECT_EQ(m.decided_by, 0);  // the demo loader, no user
    }
  }
  EXPECT_EQ(sharing, 2);
  // The last demo municipality (created last: the highest id) does not share.
  int64_t last = 0;
  for (const core::RegionMember& m : *members) last = std::max(last, m.tenant_id);
  for (const core::RegionMember& m : *members)
    EXPECT_EQ(m.sharing, m.tenant_id != last) << m.tenant_name;
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoLoaderTest, ::testing::ValuesIn(testing::TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::app
