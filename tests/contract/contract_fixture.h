#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "backends.h"
#include "core/date.h"
#include "core/model.h"
#include "storage/postgres/migrations.h"
#include "storage/sqlite/migrations.h"

namespace regie::testing {

// Base fixture: a fresh database of the parameter's backend per test, with
// two tenants (A with two organisations, B with one) and a regisseur in each
// (households need one).
class ContractTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip, error;
    test_db_ = MakeTestDatabase(GetParam(), skip, error);
    if (!error.empty()) FAIL() << error;
    if (!skip.empty()) GTEST_SKIP() << skip;
    auto tx = Write();
    tenant_a_ = tx->Tenants().Create({"GM0523", "Hardinxveld-Giessendam"})->id;
    tenant_b_ = tx->Tenants().Create({"GM0148", "Dalfsen"})->id;
    org_a1_ =
        tx->Organisations()
            .Create(tenant_a_, {"Vluchtelingenwerk", core::OrganisationKind::kVluchtelingenwerk})
            ->id;
    org_a2_ = tx->Organisations().Create(tenant_a_, {"GGD", core::OrganisationKind::kGgdJgz})->id;
    org_b1_ = tx->Organisations()
                  .Create(tenant_b_, {"Gemeente Dalfsen", core::OrganisationKind::kGemeente})
                  ->id;
    regisseur_a_ =
        tx->Users().Create(User("regisseur1@gm0523", "Fatima de Vries", org_a1_), T(0))->id;
    regisseur_b_ = tx->Users().Create(User("regisseur1@gm0148", "Jan Bosch", org_b1_), T(0))->id;
    ASSERT_TRUE(tx->Commit().ok());
  }

  ports::Database& db() { return test_db_->db(); }
  std::unique_ptr<ports::Transaction> Write() {
    return std::move(db().Begin(ports::TxMode::kWrite)).value();
  }
  std::unique_ptr<ports::Transaction> Read() {
    return std::move(db().Begin(ports::TxMode::kRead)).value();
  }

  static core::Date D(const char* iso) { return *core::Date::Parse(iso); }
  static core::Timestamp T(int64_t seconds) { return {seconds * 1'000'000}; }

  // A household directed by `regisseur` (tenant A's regisseur when 0).
  core::HouseholdData Household(std::string name, std::vector<int64_t> orgs = {},
                                int64_t regisseur = 0) const {
    return {std::move(name), regisseur != 0 ? regisseur : regisseur_a_, std::move(orgs)};
  }

  static ports::UserData User(std::string username, std::string display_name,
                              int64_t organisation_id,
                              core::RoleSet roles = {core::Role::kRegisseur}) {
    return {.username = std::move(username),
            .display_name = std::move(display_name),
            .email = "medewerker@example.org",
            .organisation_id = organisation_id,
            .roles = roles};
  }

  static core::PersonData Person(std::string given, std::string family,
                                 std::optional<std::string> bsn = std::nullopt) {
    core::PersonData p;
    p.given_names = std::move(given);
    p.family_name = std::move(family);
    p.birth_date = D("1988-03-04");
    p.sex = core::Sex::kFemale;
    p.nationality = "SY";
    p.languages = {"ar", "en"};
    p.bsn = std::move(bsn);
    p.permit_date = D("2025-01-10");
    p.housing_date = D("2025-04-01");
    p.address = {"Dorpsstraat", "12", "3371 AB", "Hardinxveld-Giessendam", "Centrum", "Giessendam"};
    p.role = core::HouseholdRole::kHead;
    return p;
  }

  std::unique_ptr<TestDatabase> test_db_;
  int64_t tenant_a_ = 0, tenant_b_ = 0, org_a1_ = 0, org_a2_ = 0, org_b1_ = 0;
  int64_t regisseur_a_ = 0, regisseur_b_ = 0;
};

}  // namespace regie::testing
