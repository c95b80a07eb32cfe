#include <gtest/gtest.h>

#include <vector>

#include "core/policy/engine.h"
#include "core/policy/test_pack.h"

namespace regie::core::policy {
namespace {

using testing::D;
using testing::TestPack;

class IndicatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto compiled = CompiledPolicy::Compile({TestPack()}, {{"test-pack", D("2000-01-01"), {}}});
    ASSERT_TRUE(compiled.ok());
    policy_ = std::move(*compiled);
  }

  // Population membership and outcome of indicator `id` for one person.
  IndicatorResult For(const char* id, const PersonFacts& facts,
                      const std::vector<PersonEvent>& events, const char* on) {
    std::vector<EventRecord> records;
    for (const PersonEvent& e : events) records.push_back(*policy_->Intern(e));
    Evaluator evaluator(*policy_);
    Evaluation eval;
    evaluator.Evaluate(facts, records, D(on), eval);
    std::vector<IndicatorResult> out;
    evaluator.EvaluateIndicators(facts, eval, out);
    for (const IndicatorResult& r : out)
      if (policy_->indicator(r.indicator).id == id) return r;
    ADD_FAILURE() << "no indicator " << id;
    return {};
  }

  static PersonFacts Adult(const char* housed) {
    PersonFacts f;
    f.birth_date = D("1990-01-01");
    f.housing_date = D(housed);
    return f;
  }

  std::unique_ptr<CompiledPolicy> policy_;
};

TEST_F(IndicatorTest, MilestoneMeasureCountsOnlyDecidedCases) {
  // Open (not yet due): neither success nor failure.
  EXPECT_FALSE(For("t.ind_intake", Adult("2020-03-01"), {}, "2020-03-10").in_population);
  IndicatorResult late = For("t.ind_intake", Adult("2020-03-01"), {}, "2020-05-01");
  EXPECT_TRUE(late.in_population);
  EXPECT_FALSE(late.satisfied);
  IndicatorResult met = For("t.ind_intake", Adult("2020-03-01"),
                            {{"intake", D("2020-03-20"), {}, "", ""}}, "2020-05-01");
  EXPECT_TRUE(met.in_population);
  EXPECT_TRUE(met.satisfied);
  // Exempt persons leave the population.
  EXPECT_FALSE(For("t.ind_intake", Adult("2020-03-01"),
                   {{"intake_exempt", D("2020-03-20"), {}, "", "ziek"}}, "2020-05-01")
                   .in_population);
}

TEST_F(IndicatorTest, StateMeasureWithResidenceAndLatestValue) {
  EXPECT_FALSE(For("t.ind_rung", Adult("2020-03-01"), {}, "2020-08-31").in_population);
  IndicatorResult none = For("t.ind_rung", Adult("2020-03-01"), {}, "2020-09-01");
  EXPECT_TRUE(none.in_population);
  EXPECT_FALSE(none.satisfied);
  // The latest rung counts, not the highest ever reached.
  EXPECT_TRUE(
      For("t.ind_rung", Adult("2020-03-01"), {{"ladder", D("2020-05-01"), 4, "", ""}}, "2020-09-01")
          .satisfied);
  EXPECT_FALSE(For("t.ind_rung", Adult("2020-03-01"),
                   {{"ladder", D("2020-05-01"), 4, "", ""}, {"ladder", D("2020-07-01"), 3, "", ""}},
                   "2020-09-01")
                   .satisfied);
}

TEST(IndicatorTally, PercentAndTarget) {
  IndicatorTally t;
  EXPECT_FALSE(t.TargetMet(90));
  for (int i = 0; i < 10; ++i) t.Add({0, true, i < 9});
  t.Add({0, false, true});
  EXPECT_EQ(t.population, 10);
  EXPECT_DOUBLE_EQ(t.Percent(), 90.0);
  EXPECT_TRUE(t.TargetMet(90));
  EXPECT_FALSE(t.TargetMet(90.5));
}

}  // namespace
}  // namespace regie::core::policy
