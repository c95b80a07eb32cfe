// The assessment repository on both backends: every kind round-trips with
// its items, lists oldest first per person, stays in its tenant, links its
// policy event, and changes only by voiding once.
#include <string>
#include <vector>

#include "contract_fixture.h"

namespace regie::testing {
namespace {

class AssessmentContract : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto tx = Write();
    household_ = tx->Households().Create(tenant_a_, Household("Haddad"), T(1))->id;
    amina_ = tx->Persons().Create(tenant_a_, household_, Person("Amina", "Haddad"), T(1))->id;
    omar_ = tx->Persons().Create(tenant_a_, household_, Person("Omar", "Haddad"), T(1))->id;
    ASSERT_TRUE(tx->Commit().ok());
  }

  core::Assessment Zrm(const char* date, int64_t person) const {
    core::Assessment a;
    a.tenant_id = tenant_a_;
    a.data.person_id = person;
    a.data.kind = core::AssessmentKind::kZrm;
    a.data.date = D(date);
    a.data.assessor = "Vluchtelingenwerk, J. Smit";
    a.data.zrm = {{"financien", 2}, {"geestelijke_gezondheid", 3}, {"justitie", 5}};
    a.recorded_by = regisseur_a_;
    a.recorded_at = T(100);
    return a;
  }

  core::Assessment Ladder(const char* date, int rung, std::vector<int> present) const {
    core::Assessment a = Zrm(date, amina_);
    a.data.kind = core::AssessmentKind::kParticipatieladder;
    a.data.zrm.clear();
    a.data.rung = rung;
    a.data.rungs_present = std::move(present);
    return a;
  }

  StatusOr<core::Assessment> Create(const core::Assessment& a, int64_t event_id = 0) {
    auto tx = Write();
    auto stored = tx->Assessments().Create(a, event_id);
    if (stored.ok()) {
      EXPECT_TRUE(tx->Commit().ok());
    }
    return stored;
  }

  std::vector<core::Assessment> List(int64_t tenant, int64_t person) {
    auto list = Read()->Assessments().ListByPerson(tenant, person);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    return list.ok() ? *list : std::vector<core::Assessment>{};
  }

  int64_t household_ = 0, amina_ = 0, omar_ = 0;
};

TEST_P(AssessmentContract, EveryKindRoundTrips) {
  auto zrm = Create(Zrm("2026-03-01", amina_));
  ASSERT_TRUE(zrm.ok()) << zrm.status().ToString();
  ASSERT_TRUE(Create(Ladder("2026-03-02", 4, {2, 3, 4})).ok());
  core::Assessment ferm = Zrm("2026-03-03", amina_);
  ferm.data.kind = core::AssessmentKind::kFermWerk;
  ferm.data.zrm.clear();
  ferm.data.outcome = "C";
  ferm.data.assessor = "";
  ASSERT_TRUE(Create(ferm).ok());

  std::vector<core::Assessment> list = List(tenant_a_, amina_);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].id, zrm->id);
  EXPECT_EQ(list[0].tenant_id, tenant_a_);
  EXPECT_EQ(list[0].data.person_id, amina_);
  EXPECT_EQ(list[0].data.date, D("2026-03-01"));
  EXPECT_EQ(list[0].data.assessor, "Vluchtelingenwerk, J. Smit");
  EXPECT_EQ(list[0].data.zrm,
            (std::vector<core::ZrmScore>{
                {"financien", 2}, {"geestelijke_gezondheid", 3}, {"justitie", 5}}));
  EXPECT_EQ(list[0].recorded_by, regisseur_a_);
  EXPECT_EQ(list[0].recorded_at, T(100));
  EXPECT_FALSE(list[0].voided_at.has_value());
  EXPECT_EQ(list[1].data.kind, core::AssessmentKind::kParticipatieladder);
  EXPECT_EQ(list[1].data.rung, 4);
  EXPECT_EQ(list[1].data.rungs_present, (std::vector<int>{2, 3, 4}));
  EXPECT_TRUE(list[1].data.zrm.empty());
  EXPECT_EQ(list[2].data.kind, core::AssessmentKind::kFermWerk);
  EXPECT_EQ(list[2].data.outcome, "C");
  EXPECT_EQ(list[2].data.assessor, "");
}

TEST_P(AssessmentContract, ListIsOldestFirstAndPerPerson) {
  int64_t later = Create(Zrm("2026-05-01", amina_))->id;
  int64_t first = Create(Zrm("2026-01-10", amina_))->id;
  int64_t same_day = Create(Zrm("2026-05-01", amina_))->id;
  ASSERT_TRUE(Create(Zrm("2026-02-01", omar_)).ok());
  std::vector<int64_t> ids;
  for (const core::Assessment& a : List(tenant_a_, amina_)) ids.push_back(a.id);
  EXPECT_EQ(ids, (std::vector<int64_t>{first, later, same_day}));
  EXPECT_EQ(List(tenant_a_, omar_).size(), 1u);
}

TEST_P(AssessmentContract, OtherTenantAndUnknownReferencesAreRefused) {
  ASSERT_TRUE(Create(Zrm("2026-01-10", amina_)).ok());
  EXPECT_EQ(Read()->Assessments().ListByPerson(tenant_b_, amina_).status().reason(),
            "person_not_found");
  core::Assessment a = Zrm("2026-01-10", amina_);
  a.tenant_id = tenant_b_;
  EXPECT_EQ(Create(a).status().reason(), "person_not_found");
  a = Zrm("2026-01-10", 999999);
  EXPECT_EQ(Create(a).status().reason(), "person_not_found");
  a = Zrm("2026-01-10", amina_);
  a.recorded_by = 999999;
  auto refused = Create(a);
  EXPECT_EQ(refused.status().reason(), "validation_failed");
  EXPECT_EQ(List(tenant_a_, amina_).size(), 1u);
}

TEST_P(AssessmentContract, VoidOnceReturnsTheLinkedEvent) {
  ports::StoredEvent e{
      .tenant_id = tenant_a_,
      .person_id = amina_,
      .event = {.event = "participatieladder_trede", .date = D("2026-03-02"), .value = 4},
      .recorded_by = regisseur_a_,
      .recorded_at = T(100)};
  int64_t event_id = 0;
  {
    auto tx = Write();
    auto stored = tx->Policy().RecordEvent(e);
    ASSERT_TRUE(stored.ok()) << stored.status().ToString();
    event_id = stored->id;
    ASSERT_TRUE(tx->Commit().ok());
  }
  int64_t id = Create(Ladder("2026-03-02", 4, {}), event_id)->id;
  {
    auto tx = Write();
    auto voided = tx->Assessments().Void(tenant_b_, id, regisseur_a_, "verkeerde persoon", T(200));
    EXPECT_EQ(voided.status().reason(), "assessment_not_found");
  }
  {
    auto tx = Write();
    auto voided = tx->Assessments().Void(tenant_a_, id, regisseur_a_, "verkeerde persoon", T(200));
    ASSERT_TRUE(voided.ok()) << voided.status().ToString();
    EXPECT_EQ(voided->event_id, event_id);
    EXPECT_EQ(voided->assessment.voided_at, T(200));
    EXPECT_EQ(voided->assessment.voided_by, regisseur_a_);
    EXPECT_EQ(voided->assessment.void_reason, "verkeerde persoon");
    EXPECT_EQ(voided->assessment.data.rung, 4);
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto tx = Write();
  EXPECT_EQ(
      tx->Assessments().Void(tenant_a_, id, regisseur_a_, "nog eens", T(300)).status().reason(),
      "already_voided");
  EXPECT_EQ(tx->Assessments().Void(tenant_a_, 999999, regisseur_a_, "x", T(300)).status().reason(),
            "assessment_not_found");
}

// The storage itself refuses changes other than one voiding.
TEST_P(AssessmentContract, StorageIsAppendOnly) {
  int64_t id = Create(Zrm("2026-03-01", amina_))->id;
  const std::string sid = std::to_string(id);
  EXPECT_FALSE(
      test_db_->RunSql("UPDATE assessments SET date = '2026-01-01' WHERE id = " + sid).ok());
  EXPECT_FALSE(test_db_->RunSql("UPDATE assessment_items SET value = 1").ok());
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM assessment_items").ok());
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM assessments").ok());
  EXPECT_EQ(List(tenant_a_, amina_)[0].data.zrm.size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AssessmentContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
