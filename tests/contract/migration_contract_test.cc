// Migration 2 on a database that already holds version 1 data, on both
// backends: rows survive, the list summary and the partner index are
// backfilled, and the repositories work on the migrated rows.
#include <string>
#include <vector>

#include "backends.h"
#include "core/model.h"
#include "gtest/gtest.h"

namespace regie::testing {
namespace {

class MigrationContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip, error;
    test_db_ = MakeTestDatabase(GetParam(), skip, error, {.schema_version = 1});
    if (!error.empty()) FAIL() << error;
    if (!skip.empty()) GTEST_SKIP() << skip;
  }

  // Runs SQL and fails the test when it fails.
  std::vector<std::string> Sql(const std::string& sql) {
    auto rows = test_db_->RunSql(sql);
    EXPECT_TRUE(rows.ok()) << sql << ": " << rows.status().ToString();
    return rows.ok() ? *rows : std::vector<std::string>{};
  }

  static core::Timestamp T(int64_t seconds) { return {seconds * 1'000'000}; }

  std::unique_ptr<TestDatabase> test_db_;
};

// A version 1 household: persons in the order partner, head, child, so the
// head is neither the first member nor the earliest housed.
constexpr const char* kV1Data = R"sql(
INSERT INTO tenants (code, name) VALUES ('GM0523', 'Hardinxveld-Giessendam');
INSERT INTO organisations (tenant_id, name, kind) VALUES (1, 'GGD', 'ggd_jgz');
INSERT INTO households (tenant_id, version, name, name_key, regisseur, archived, created_at,
                        updated_at)
  VALUES (1, 3, 'Haddad', 'haddad', 'regisseur.1@GM0523', false, 10, 20),
         (1, 1, 'Leeg', 'leeg', 'regisseur.1@GM0523', false, 10, 10);
INSERT INTO household_organisations (household_id, organisation_id) VALUES (1, 1);
INSERT INTO persons (tenant_id, household_id, version, given_names, family_name, name_key,
                     birth_date, sex, nationality, literacy, highest_education, housing_date,
                     wijk, kern, role, inburgeringsplicht, created_at, updated_at)
  VALUES (1, 1, 1, 'Omar', 'Haddad', 'omar haddad', '1985-01-01', 'man', 'SY', 'ja', 'wo',
          '2025-03-01', 'Zuid', 'Neder-Hardinxveld', 'partner', 'ja', 10, 10),
         (1, 1, 1, 'Amina', 'Haddad', 'amina haddad', '1988-03-04', 'vrouw', 'SY', 'ja', 'wo',
          '2025-05-01', 'Noord', 'Giessendam', 'hoofdpersoon', 'ja', 10, 10),
         (1, 1, 1, 'Sami', 'Haddad', 'sami haddad', '2015-06-01', 'man', 'SY', 'ja', 'geen',
          NULL, 'Noord', 'Giessendam', 'kind', 'nee', 10, 10);
)sql";

TEST_P(MigrationContract, VersionTwoKeepsAndCompletesVersionOneData) {
  ASSERT_EQ(*test_db_->db().SchemaVersion(), 1);
  Sql(kV1Data);
  ASSERT_TRUE(test_db_->db().Migrate().ok());
  EXPECT_EQ(*test_db_->db().SchemaVersion(), LatestSchemaVersion());  // the latest

  auto r = std::move(test_db_->db().Begin(ports::TxMode::kRead)).value();
  auto h = r->Households().Get(1, 1);
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->version, 3);
  EXPECT_EQ(h->data.name, "Haddad");
  EXPECT_EQ(h->data.regisseur_user_id, 0);  // the free text had no user to point to
  EXPECT_EQ(h->data.involved_organisations, std::vector<int64_t>{1});
  EXPECT_EQ(r->Persons().ListByHousehold(1, 1)->size(), 3u);

  auto page = *r->Households().List({.tenant_id = 1});
  ASSERT_EQ(page.items.size(), 2u);
  const auto& s = page.items[0].summary;
  EXPECT_EQ(s.id, 1);
  EXPECT_EQ(s.member_count, 3);
  EXPECT_EQ(s.wijk, "Noord");  // the head's
  EXPECT_EQ(s.kern, "Giessendam");
  EXPECT_EQ(s.housing_date, core::Date::Parse("2025-03-01"));
  EXPECT_EQ(s.regisseur_user_id, 0);
  EXPECT_EQ(s.regisseur_name, "");
  EXPECT_EQ(page.items[1].summary.member_count, 0);
  EXPECT_FALSE(page.items[1].summary.housing_date.has_value());
  EXPECT_FALSE(r->Organisations().Get(1, 1)->regional);
  EXPECT_EQ(r->Audit().Head()->seq, 0);
  r.reset();

  // The free-text column is gone; the backfilled organisation link serves
  // the partner list.
  EXPECT_FALSE(test_db_->RunSql("SELECT regisseur FROM households").ok());
  auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
  auto partner = tx->Users().Create({.username = "partner1@gm0523",
                                     .display_name = "Piet",
                                     .organisation_id = 1,
                                     .roles = {core::Role::kPartner}},
                                    T(30));
  ASSERT_TRUE(partner.ok()) << partner.status().ToString();
  auto seen = tx->Households().List(
      {.tenant_id = 1,
       .visible_to = ports::ListVisibility{
           .user_id = partner->id, .organisation_id = 1, .as_partner = true, .now = T(30)}});
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();
  ASSERT_EQ(seen->items.size(), 1u);
  EXPECT_EQ(seen->items[0].relationship, core::Relationship::kPartner);

  // A migrated household takes a regisseur at its next update.
  auto updated = tx->Households().Update(1, 1, 3, {"Haddad", partner->id, {1}}, T(40));
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(updated->data.regisseur_user_id, partner->id);
  ASSERT_TRUE(tx->Commit().ok());
}

TEST_P(MigrationContract, MigratingAgainChangesNothing) {
  Sql(kV1Data);
  ASSERT_TRUE(test_db_->db().Migrate().ok());
  ASSERT_TRUE(test_db_->db().Migrate().ok());
  EXPECT_EQ(*test_db_->db().SchemaVersion(), LatestSchemaVersion());  // the latest
  EXPECT_EQ(Sql("SELECT count(*) FROM audit_head"), std::vector<std::string>{"1"});
  EXPECT_EQ(Sql("SELECT member_count FROM households WHERE id = 1"), std::vector<std::string>{"3"});
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
