// The progress report repository on both backends: narrative versions
// stored and read back in section order, a stale save refused without a
// trace, a final report frozen (also against SQL that goes around the
// repository), its stamp read back, and tenants kept apart.
#include <string>
#include <vector>

#include "contract_fixture.h"

namespace regie::testing {
namespace {

class ReportContract : public ContractTest {
 protected:
  core::ReportNarrative Text(core::ReportSection section, int64_t org, int64_t version,
                             std::string text, int64_t tenant = 0) const {
    return {.tenant_id = tenant != 0 ? tenant : tenant_a_,
            .period = "2017H2",
            .section = section,
            .organisation_id = org,
            .version = version,
            .text = std::move(text),
            .saved_by = tenant == tenant_b_ ? regisseur_b_ : regisseur_a_,
            .saved_at = T(100 + version)};
  }

  Status Save(const core::ReportNarrative& n) {
    auto tx = Write();
    StatusOr<core::ReportNarrative> saved = tx->Reports().Save(n);
    if (!saved.ok()) return saved.status();
    return tx->Commit();
  }

  // What the HTTP layer stores is opaque here; a large text with quotes
  // and non-ASCII must come back unchanged.
  inline static const std::string kFigures =
      R"({"format":1,"labels":{"wijk":["Centrum","Giessendam–Oost"]},"n":")" +
      std::string(200000, 'x') + "\"}";

  static core::indicators::Stamp StampOf() {
    return {.reference_date = D("2017-12-31"),
            .packs = {{"wet-inburgering-2021", 2}, {"hardinxveld-lokaal", 1}},
            .snapshot = "tenant_changes:42"};
  }
};

TEST_P(ReportContract, NarrativesAreVersionedAndListedInSectionOrder) {
  {
    auto tx = Read();
    auto report = tx->Reports().Get(tenant_a_, "2017H2");
    ASSERT_TRUE(report.ok()) << report.status().message();
    EXPECT_EQ(report->status, core::ReportStatus::kConcept);
    EXPECT_FALSE(report->stamp.has_value());
    EXPECT_TRUE(tx->Reports().Narratives(tenant_a_, "2017H2")->empty());
    auto none = tx->Reports().Narrative(tenant_a_, "2017H2", core::ReportSection::kTrends, 0);
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(none->version, 0);
    EXPECT_EQ(none->text, "");
  }
  ASSERT_TRUE(Save(Text(core::ReportSection::kTrends, 0, 1, "Meer nareizigers.")).ok());
  ASSERT_TRUE(
      Save(Text(core::ReportSection::kTrends, 0, 2, "Meer nareizigers dan verwacht.")).ok());
  ASSERT_TRUE(Save(Text(core::ReportSection::kNetwerkpartners, org_a2_, 1, "GGD: goed")).ok());
  ASSERT_TRUE(Save(Text(core::ReportSection::kNetwerkpartners, 0, 1, "Inleiding")).ok());
  ASSERT_TRUE(Save(Text(core::ReportSection::kWatGaatGoed, 0, 1, "Taal \xC3\xA9\xC3\xA9n")).ok());

  auto tx = Read();
  auto list = tx->Reports().Narratives(tenant_a_, "2017H2");
  ASSERT_TRUE(list.ok()) << list.status().message();
  ASSERT_EQ(list->size(), 4u);
  EXPECT_EQ((*list)[0].section, core::ReportSection::kWatGaatGoed);
  EXPECT_EQ((*list)[0].text, "Taal \xC3\xA9\xC3\xA9n");
  EXPECT_EQ((*list)[1].section, core::ReportSection::kNetwerkpartners);
  EXPECT_EQ((*list)[1].organisation_id, 0);
  EXPECT_EQ((*list)[2].organisation_id, org_a2_);
  EXPECT_EQ((*list)[3].section, core::ReportSection::kTrends);
  EXPECT_EQ((*list)[3].version, 2);
  EXPECT_EQ((*list)[3].text, "Meer nareizigers dan verwacht.");
  EXPECT_EQ((*list)[3].saved_by, regisseur_a_);
  EXPECT_EQ((*list)[3].saved_at, T(102));
  auto history = tx->Reports().History(tenant_a_, "2017H2", core::ReportSection::kTrends, 0);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[1].text, "Meer nareizigers.");
  // Another tenant and another period see nothing of it.
  EXPECT_TRUE(tx->Reports().Narratives(tenant_b_, "2017H2")->empty());
  EXPECT_TRUE(tx->Reports().Narratives(tenant_a_, "2018H1")->empty());
  auto periods = tx->Reports().List(tenant_a_);
  ASSERT_TRUE(periods.ok());
  ASSERT_EQ(periods->size(), 1u);
  EXPECT_EQ((*periods)[0].period, "2017H2");
  EXPECT_TRUE(tx->Reports().List(tenant_b_)->empty());
}

TEST_P(ReportContract, StaleSaveIsRefusedAndChangesNothing) {
  ASSERT_TRUE(Save(Text(core::ReportSection::kTrends, 0, 1, "Eerste")).ok());
  ASSERT_TRUE(Save(Text(core::ReportSection::kTrends, 0, 2, "Tweede")).ok());
  for (int64_t stale : {1, 2, 4, 0}) {
    Status s = Save(Text(core::ReportSection::kTrends, 0, stale, "Oud"));
    EXPECT_EQ(s.code(), StatusCode::kConflict) << stale;
    EXPECT_EQ(s.reason(), "report_version_conflict") << stale;
  }
  auto n = Read()->Reports().Narrative(tenant_a_, "2017H2", core::ReportSection::kTrends, 0);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->version, 2);
  EXPECT_EQ(n->text, "Tweede");
  EXPECT_EQ(Read()->Reports().History(tenant_a_, "2017H2", core::ReportSection::kTrends, 0)->size(),
            2u);
}

TEST_P(ReportContract, FinalReportIsFrozenWithItsStamp) {
  ASSERT_TRUE(Save(Text(core::ReportSection::kTrends, 0, 1, "Concept")).ok());
  {
    auto tx = Write();
    EXPECT_EQ(*tx->Reports().Figures(tenant_a_, "2017H2"), std::nullopt);  // a concept
    auto r = tx->Reports().Finalise(tenant_a_, "2017H2", regisseur_a_, T(500), StampOf(), kFigures);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->status, core::ReportStatus::kDefinitief);
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto report = Read()->Reports().Get(tenant_a_, "2017H2");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->status, core::ReportStatus::kDefinitief);
  EXPECT_EQ(report->finalised_by, regisseur_a_);
  EXPECT_EQ(report->finalised_at, T(500));
  ASSERT_TRUE(report->stamp.has_value());
  EXPECT_EQ(report->stamp->reference_date, D("2017-12-31"));
  ASSERT_EQ(report->stamp->packs.size(), 2u);
  EXPECT_EQ(report->stamp->packs[0].id, "wet-inburgering-2021");
  EXPECT_EQ(report->stamp->packs[0].version, 2);
  EXPECT_EQ(report->stamp->snapshot, "tenant_changes:42");

  Status s = Save(Text(core::ReportSection::kTrends, 0, 2, "Na definitief"));
  EXPECT_EQ(s.reason(), "report_finalised");
  s = Save(Text(core::ReportSection::kActiviteiten, 0, 1, "Nieuw"));
  EXPECT_EQ(s.reason(), "report_finalised");
  {
    auto tx = Write();
    auto again = tx->Reports().Finalise(tenant_a_, "2017H2", regisseur_a_, T(600), StampOf(), "{}");
    EXPECT_EQ(again.status().reason(), "report_finalised");
  }
  // The figures it was finalised with, byte for byte, and only for its tenant.
  EXPECT_EQ(*Read()->Reports().Figures(tenant_a_, "2017H2"), kFigures);
  EXPECT_EQ(*Read()->Reports().Figures(tenant_b_, "2017H2"), std::nullopt);
  EXPECT_EQ(Read()->Reports().Narratives(tenant_a_, "2017H2")->size(), 1u);
  // The schema keeps it frozen too, whoever writes.
  EXPECT_FALSE(test_db_->RunSql("UPDATE progress_reports SET status = 'concept'").ok());
  EXPECT_FALSE(test_db_->RunSql("UPDATE report_narrative_versions SET text = 'x'").ok());
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM report_narrative_versions").ok());
  EXPECT_FALSE(test_db_->RunSql("UPDATE progress_report_figures SET figures = '{}'").ok());
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM progress_report_figures").ok());
  // Another tenant's report of the same period is untouched and still open.
  EXPECT_TRUE(Save(Text(core::ReportSection::kTrends, 0, 1, "Dalfsen", tenant_b_)).ok());
  EXPECT_EQ(Read()->Reports().Get(tenant_b_, "2017H2")->status, core::ReportStatus::kConcept);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
