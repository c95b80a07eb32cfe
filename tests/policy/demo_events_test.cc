// The demo event generator over the shipped packs: realistic mixes of
// milestone statuses, events that the server would accept, determinism.
#include "core/policy/demo_events.h"

#include <gtest/gtest.h>

#include <map>

#include "core/policy/engine.h"
#include "core/policy/timeline.h"
#include "packs/pack_loader.h"

namespace regie::core::policy {
namespace {

const packs::PackLibrary& Library() {
  static const packs::PackLibrary library = packs::LoadPackDirectory(REGIE_POLICIES_DIR);
  return library;
}

Date D(const char* iso) { return *Date::Parse(iso); }

// A spread of adults and children housed over several years.
PersonFacts Person(int i) {
  PersonFacts f;
  const int32_t housed = D("2016-03-01").days() + (i * 37) % 2900;
  f.housing_date = Date::FromDays(housed);
  f.permit_date = Date::FromDays(housed - 60);
  f.birth_date = Date::FromDays(housed - 365 * (i % 5 == 0 ? 8 : 20 + i % 40));
  f.role = i % 5 == 0 ? HouseholdRole::kChild : HouseholdRole::kHead;
  f.inburgeringsplicht = i % 5 == 0 ? InburgeringPlicht::kNo : InburgeringPlicht::kYes;
  f.literacy = i % 7 == 0 ? Literacy::kNo : Literacy::kYes;
  return f;
}

class DemoEventsTest : public ::testing::TestWithParam<const char*> {};

TEST_P(DemoEventsTest, GivesEveryStatusInRealisticSharesAndOnlyAcceptableEvents) {
  ASSERT_TRUE(Library().ok());
  auto compiled = CompiledPolicy::Compile(Library().packs,
                                          DemoActivations(Library().packs, GetParam()), GetParam());
  ASSERT_TRUE(compiled.ok()) << compiled.status().message();
  const CompiledPolicy& policy = **compiled;
  const Date today = D("2024-06-30");
  std::map<MilestoneStatus, int> statuses;
  int applicable = 0;
  Evaluator evaluator(policy);
  Evaluation evaluation;
  std::vector<std::string> unknown;
  for (int i = 0; i < 400; ++i) {
    const PersonFacts facts = Person(i);
    std::vector<PersonEvent> events =
        DemoEvents(policy, facts, today, 1000 + static_cast<uint64_t>(i));
    for (const PersonEvent& e : events) {
      StatusOr<bool> known = CheckEvent(policy, facts, e, today);
      ASSERT_TRUE(known.ok()) << e.event << " " << e.date.ToString() << ": "
                              << known.status().message();
      EXPECT_TRUE(*known) << e.event;
    }
    EvaluateStored(evaluator, policy, facts, events, today, evaluation, unknown);
    EXPECT_TRUE(unknown.empty());
    for (const MilestoneResult& r : evaluation.milestones) {
      ++statuses[r.status];
      if (r.status != MilestoneStatus::kNietVanToepassing) ++applicable;
    }
  }
  ASSERT_GT(applicable, 400);
  auto share = [&](MilestoneStatus s) { return 1.0 * statuses[s] / applicable; };
  EXPECT_GT(share(MilestoneStatus::kOpTijd), 0.45);
  EXPECT_GT(share(MilestoneStatus::kTeLaat), 0.04);
  EXPECT_GT(share(MilestoneStatus::kVerlopen), 0.03);
  EXPECT_LT(share(MilestoneStatus::kVerlopen), 0.35);
  EXPECT_GT(statuses[MilestoneStatus::kOpen], 0);
}

INSTANTIATE_TEST_SUITE_P(Tenants, DemoEventsTest,
                         ::testing::Values("GM0523", "GM0632", "GM0148", "GM0610"));

TEST(DemoEventsTest, IsDeterministicInTheSeed) {
  auto compiled = CompiledPolicy::Compile(Library().packs,
                                          DemoActivations(Library().packs, "GM0148"), "GM0148");
  ASSERT_TRUE(compiled.ok());
  const Date today = D("2024-06-30");
  auto a = DemoEvents(**compiled, Person(3), today, 7);
  auto b = DemoEvents(**compiled, Person(3), today, 7);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].event, b[i].event);
    EXPECT_EQ(a[i].date, b[i].date);
  }
  EXPECT_FALSE(a.empty());
}

TEST(DemoEventsTest, ActivatesNationalPacksAndOnlyTheTenantsLocalPack) {
  std::vector<Activation> acts = DemoActivations(Library().packs, "GM0632");
  std::vector<std::string> ids;
  for (const Activation& a : acts) ids.push_back(a.pack_id);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "woerden-2017"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "nl-wet-inburgering-2021"), ids.end());
  EXPECT_EQ(std::find(ids.begin(), ids.end(), "dalfsen-2017"), ids.end());
}

}  // namespace
}  // namespace regie::core::policy
