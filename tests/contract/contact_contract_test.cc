// The contact repository on both backends: contacts stored with their
// participants and persons, listed newest first, confined to their tenant
// and household, and refused whole on a bad reference.
#include <string>
#include <vector>

#include "contract_fixture.h"

namespace regie::testing {
namespace {

// Tenant A: household Haddad (Amina, Omar), household Tesfay (Yonas).
// Tenant B: household Bosch.
class ContactContract : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto tx = Write();
    household_ = tx->Households().Create(tenant_a_, Household("Haddad"), T(1))->id;
    amina_ = tx->Persons().Create(tenant_a_, household_, Person("Amina", "Haddad"), T(1))->id;
    omar_ = tx->Persons().Create(tenant_a_, household_, Person("Omar", "Haddad"), T(1))->id;
    other_household_ = tx->Households().Create(tenant_a_, Household("Tesfay"), T(1))->id;
    yonas_ = tx->Persons().Create(tenant_a_, other_household_, Person("Yonas", "Tesfay"), T(1))->id;
    household_b_ =
        tx->Households().Create(tenant_b_, Household("Bosch", {}, regisseur_b_), T(1))->id;
    ASSERT_TRUE(tx->Commit().ok());
  }

  core::Contact Contact(const char* date, core::ContactType type,
                        std::vector<int64_t> persons = {}) const {
    core::Contact c;
    c.tenant_id = tenant_a_;
    c.data.household_id = household_;
    c.data.date = D(date);
    c.data.type = type;
    c.data.participants = {"Amina Haddad", "tolk"};
    c.data.interpreter = true;
    c.data.interpreter_language = "ar";
    c.data.person_ids = std::move(persons);
    c.data.note = "Besproken: taal.\nVolgende keer: werk.";
    c.recorded_by = regisseur_a_;
    c.recorded_at = T(100);
    return c;
  }

  StatusOr<core::Contact> Create(const core::Contact& c) {
    auto tx = Write();
    auto stored = tx->Contacts().Create(c);
    if (stored.ok()) {
      EXPECT_TRUE(tx->Commit().ok());
    }
    return stored;
  }

  std::vector<core::Contact> List(int64_t tenant, int64_t household) {
    auto list = Read()->Contacts().ListByHousehold(tenant, household);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    return list.ok() ? *list : std::vector<core::Contact>{};
  }

  int64_t household_ = 0, other_household_ = 0, household_b_ = 0;
  int64_t amina_ = 0, omar_ = 0, yonas_ = 0;
};

TEST_P(ContactContract, CreateAndListRoundTrip) {
  auto created = Create(Contact("2026-03-01", core::ContactType::kHuisbezoek, {omar_, amina_}));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_GT(created->id, 0);
  std::vector<core::Contact> list = List(tenant_a_, household_);
  ASSERT_EQ(list.size(), 1u);
  const core::Contact& c = list[0];
  EXPECT_EQ(c.id, created->id);
  EXPECT_EQ(c.tenant_id, tenant_a_);
  EXPECT_EQ(c.data.household_id, household_);
  EXPECT_EQ(c.data.date, D("2026-03-01"));
  EXPECT_EQ(c.data.type, core::ContactType::kHuisbezoek);
  EXPECT_EQ(c.data.participants, (std::vector<std::string>{"Amina Haddad", "tolk"}));
  EXPECT_TRUE(c.data.interpreter);
  EXPECT_EQ(c.data.interpreter_language, std::optional<std::string>("ar"));
  EXPECT_EQ(c.data.person_ids,
            (std::vector<int64_t>{std::min(amina_, omar_), std::max(amina_, omar_)}));
  EXPECT_EQ(c.data.note, "Besproken: taal.\nVolgende keer: werk.");
  EXPECT_EQ(c.recorded_by, regisseur_a_);
  EXPECT_EQ(c.recorded_at, T(100));
  EXPECT_EQ(created->data.person_ids, c.data.person_ids);
}

TEST_P(ContactContract, EmptyListsAndNoLanguage) {
  core::Contact c = Contact("2026-03-01", core::ContactType::kTelefoon);
  c.data.participants.clear();
  c.data.interpreter = false;
  c.data.interpreter_language.reset();
  c.data.note.clear();
  ASSERT_TRUE(Create(c).ok());
  std::vector<core::Contact> list = List(tenant_a_, household_);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_TRUE(list[0].data.participants.empty());
  EXPECT_FALSE(list[0].data.interpreter);
  EXPECT_FALSE(list[0].data.interpreter_language.has_value());
  EXPECT_TRUE(list[0].data.person_ids.empty());
  EXPECT_EQ(list[0].data.note, "");
}

TEST_P(ContactContract, ListIsNewestFirstAndPerHousehold) {
  int64_t first = Create(Contact("2026-01-10", core::ContactType::kGesprek))->id;
  int64_t later = Create(Contact("2026-05-01", core::ContactType::kDriegesprek))->id;
  int64_t same_day = Create(Contact("2026-05-01", core::ContactType::kTelefoon))->id;
  core::Contact other = Contact("2026-02-01", core::ContactType::kGesprek, {yonas_});
  other.data.household_id = other_household_;
  ASSERT_TRUE(Create(other).ok());
  std::vector<int64_t> ids;
  for (const core::Contact& c : List(tenant_a_, household_)) ids.push_back(c.id);
  EXPECT_EQ(ids, (std::vector<int64_t>{same_day, later, first}));
  EXPECT_EQ(List(tenant_a_, other_household_).size(), 1u);
  EXPECT_TRUE(List(tenant_b_, household_b_).empty());
}

TEST_P(ContactContract, OtherTenantsHouseholdIsNotFound) {
  ASSERT_TRUE(Create(Contact("2026-01-10", core::ContactType::kGesprek)).ok());
  auto list = Read()->Contacts().ListByHousehold(tenant_b_, household_);
  EXPECT_EQ(list.status().reason(), "household_not_found");
  core::Contact c = Contact("2026-01-10", core::ContactType::kGesprek);
  c.tenant_id = tenant_b_;
  EXPECT_EQ(Create(c).status().reason(), "household_not_found");
  c.tenant_id = tenant_a_;
  c.data.household_id = 999999;
  EXPECT_EQ(Create(c).status().reason(), "household_not_found");
}

TEST_P(ContactContract, PersonOutsideHouseholdRefusesWholeContact) {
  auto refused =
      Create(Contact("2026-01-10", core::ContactType::kGesprek, {amina_, yonas_, 999999}));
  ASSERT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().reason(), "validation_failed");
  EXPECT_EQ(refused.status().field_errors(),
            (std::vector<FieldError>{{"person_ids/1", "invalid_reference"},
                                     {"person_ids/2", "invalid_reference"}}));
  EXPECT_TRUE(List(tenant_a_, household_).empty());

  core::Contact unknown_user = Contact("2026-01-10", core::ContactType::kGesprek);
  unknown_user.recorded_by = 999999;
  EXPECT_EQ(Create(unknown_user).status().field_errors(),
            (std::vector<FieldError>{{"recorded_by", "invalid_reference"}}));
  EXPECT_TRUE(List(tenant_a_, household_).empty());
}

TEST_P(ContactContract, RolledBackContactLeavesNothing) {
  {
    auto tx = Write();
    ASSERT_TRUE(
        tx->Contacts().Create(Contact("2026-01-10", core::ContactType::kGesprek, {amina_})).ok());
  }
  EXPECT_TRUE(List(tenant_a_, household_).empty());
}

// Migration 4 onto a version 3 database that holds a household: the
// contact tables arrive empty and take a contact for it; contacts are
// append-only below the repositories too.
class ContactMigrationContract : public ::testing::TestWithParam<std::string> {};

TEST_P(ContactMigrationContract, VersionThreeDataGainsContactTables) {
  std::string skip, error;
  auto test_db = MakeTestDatabase(GetParam(), skip, error, {.schema_version = 3});
  if (!skip.empty()) GTEST_SKIP() << skip;
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_NE(test_db, nullptr);
  int64_t tenant = 0, household = 0, user = 0;
  {
    auto tx = std::move(test_db->db().Begin(ports::TxMode::kWrite)).value();
    tenant = tx->Tenants().Create({"GM0148", "Dalfsen"})->id;
    auto org = tx->Organisations().Create(tenant, {"Gemeente", core::OrganisationKind::kGemeente});
    user = tx->Users()
               .Create({.username = "r@gm0148",
                        .display_name = "R",
                        .organisation_id = org->id,
                        .roles = {core::Role::kRegisseur}},
                       core::Timestamp{1})
               ->id;
    household = tx->Households().Create(tenant, {"Bosch", user, {}}, core::Timestamp{1})->id;
    ASSERT_TRUE(tx->Commit().ok());
  }
  ASSERT_TRUE(test_db->db().Migrate().ok());
  EXPECT_EQ(*test_db->db().SchemaVersion(), LatestSchemaVersion());  // the latest
  EXPECT_EQ(*test_db->RunSql("SELECT count(*) FROM contacts"), std::vector<std::string>{"0"});
  core::Contact c;
  c.tenant_id = tenant;
  c.data.household_id = household;
  c.data.date = *core::Date::Parse("2026-01-05");
  c.data.type = core::ContactType::kDriegesprek;
  c.recorded_by = user;
  c.recorded_at = core::Timestamp{2};
  {
    auto tx = std::move(test_db->db().Begin(ports::TxMode::kWrite)).value();
    auto stored = tx->Contacts().Create(c);
    ASSERT_TRUE(stored.ok()) << stored.status().ToString();
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_FALSE(test_db->RunSql("UPDATE contacts SET note = 'x'").ok());
  EXPECT_FALSE(test_db->RunSql("DELETE FROM contacts").ok());
  EXPECT_EQ(*test_db->RunSql("SELECT count(*) FROM contacts"), std::vector<std::string>{"1"});
}

INSTANTIATE_TEST_SUITE_P(Backends, ContactMigrationContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

INSTANTIATE_TEST_SUITE_P(Backends, ContactContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
