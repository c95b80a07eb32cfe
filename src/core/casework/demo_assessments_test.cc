#include "core/casework/demo_assessments.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace regie::core {
namespace {

Date D(const char* s) { return *Date::Parse(s); }
const Date kToday = D("2026-11-22");

PersonData Adult(const char* housed) {
  PersonData p;
  p.birth_date = D("1985-06-01");
  p.housing_date = D(housed);
  return p;
}

TEST(DemoAssessmentsTest, DeterministicValidAndOrdered) {
  int with = 0;
  for (uint64_t seed = 1; seed <= 200; ++seed) {
    std::vector<AssessmentData> a = DemoAssessments(Adult("2024-03-01"), kToday, seed);
    EXPECT_EQ(a.size(), DemoAssessments(Adult("2024-03-01"), kToday, seed).size());
    if (!a.empty()) ++with;
    for (size_t i = 0; i < a.size(); ++i) {
      a[i].person_id = 1;
      EXPECT_TRUE(ValidateAssessment(a[i], kToday).empty()) << seed << " " << i;
      EXPECT_GE(a[i].date, D("2024-03-01"));
      if (i > 0) {
        EXPECT_LE(a[i - 1].date, a[i].date);
      }
    }
  }
  // About half of the adults are assessed.
  EXPECT_GT(with, 60);
  EXPECT_LT(with, 140);
}

TEST(DemoAssessmentsTest, NoneForChildrenOrTheNotYetHoused) {
  PersonData child = Adult("2024-03-01");
  child.birth_date = D("2012-01-01");
  PersonData future = Adult("2026-12-01");
  PersonData unhoused = Adult("2024-03-01");
  unhoused.housing_date.reset();
  for (uint64_t seed = 1; seed <= 50; ++seed) {
    EXPECT_TRUE(DemoAssessments(child, kToday, seed).empty());
    EXPECT_TRUE(DemoAssessments(future, kToday, seed).empty());
    EXPECT_TRUE(DemoAssessments(unhoused, kToday, seed).empty());
  }
}

TEST(DemoAssessmentsTest, FermWerkOutcomesAreMixedAndValid) {
  std::map<std::string, int> counts;
  for (uint64_t seed = 1; seed <= 400; ++seed) {
    AssessmentData a = DemoFermWerk(D("2025-01-10"), seed);
    EXPECT_EQ(a.kind, AssessmentKind::kFermWerk);
    EXPECT_EQ(a.date, D("2025-01-10"));
    a.person_id = 1;
    EXPECT_TRUE(ValidateAssessment(a, kToday).empty());
    ++counts[a.outcome];
  }
  EXPECT_EQ(counts.size(), 4U);
  EXPECT_GT(counts["C"], counts["B"]);
}

}  // namespace
}  // namespace regie::core
