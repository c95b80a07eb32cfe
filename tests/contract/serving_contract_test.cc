// Which organisations and users serve a tenant: regional organisations,
// and the references a household may hold (its regisseur, its involved
// organisations) on both backends.
#include <string>
#include <vector>

#include "contract_fixture.h"

namespace regie::testing {
namespace {

class ServingContract : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto tx = Write();
    tenant_c_ = tx->Tenants().Create({"GM0505", "Dordrecht"})->id;
    org_c1_ = tx->Organisations()
                  .Create(tenant_c_, {"Gemeente Dordrecht", core::OrganisationKind::kGemeente})
                  ->id;
    regisseur_c_ = tx->Users().Create(User("regisseur1@gm0505", "Els Dekker", org_c1_), T(0))->id;
    // Home tenant B, also serving A (not C).
    regional_ = tx->Organisations()
                    .Create(tenant_b_,
                            {"Vluchtelingenwerk Regio", core::OrganisationKind::kVluchtelingenwerk})
                    ->id;
    ASSERT_TRUE(tx->Organisations().AddServedTenant(regional_, tenant_a_).ok());
    regional_user_ = tx->Users().Create(User("regio@vwn", "Ruud Regio", regional_), T(0))->id;
    ASSERT_TRUE(tx->Commit().ok());
  }

  std::vector<int64_t> OrganisationIds(int64_t tenant) {
    auto orgs = Read()->Organisations().List(tenant);
    EXPECT_TRUE(orgs.ok()) << orgs.status().ToString();
    std::vector<int64_t> out;
    if (orgs.ok())
      for (const auto& o : *orgs) out.push_back(o.id);
    return out;
  }

  int64_t tenant_c_ = 0, org_c1_ = 0, regisseur_c_ = 0, regional_ = 0, regional_user_ = 0;
};

TEST_P(ServingContract, ARegionalOrganisationIsListedInEveryTenantItServes) {
  // By name: GGD, Vluchtelingenwerk, Vluchtelingenwerk Regio.
  EXPECT_EQ(OrganisationIds(tenant_a_), (std::vector<int64_t>{org_a2_, org_a1_, regional_}));
  EXPECT_EQ(OrganisationIds(tenant_b_), (std::vector<int64_t>{org_b1_, regional_}));
  EXPECT_EQ(OrganisationIds(tenant_c_), (std::vector<int64_t>{org_c1_}));

  auto r = Read();
  auto in_a = r->Organisations().Get(tenant_a_, regional_);
  ASSERT_TRUE(in_a.ok()) << in_a.status().ToString();
  EXPECT_TRUE(in_a->regional);
  EXPECT_EQ(in_a->tenant_id, tenant_b_);  // its home
  EXPECT_EQ(in_a->data.kind, core::OrganisationKind::kVluchtelingenwerk);
  EXPECT_TRUE(r->Organisations().Get(tenant_b_, regional_).ok());
  EXPECT_EQ(r->Organisations().Get(tenant_c_, regional_).status().reason(),
            "organisation_not_found");
  EXPECT_FALSE(r->Organisations().Get(tenant_a_, org_a1_)->regional);
  EXPECT_EQ(r->Organisations().GetById(regional_)->data.name, "Vluchtelingenwerk Regio");
  EXPECT_FALSE(r->Organisations().GetById(org_c1_)->regional);
  EXPECT_EQ(r->Organisations().GetById(987654).status().reason(), "organisation_not_found");
}

TEST_P(ServingContract, ServedTenantsStartWithTheHomeAndAddingIsIdempotent) {
  auto tx = Write();
  ASSERT_TRUE(tx->Organisations().AddServedTenant(regional_, tenant_a_).ok());  // again
  ASSERT_TRUE(tx->Organisations().AddServedTenant(regional_, tenant_b_).ok());  // its home
  ASSERT_TRUE(tx->Organisations().AddServedTenant(regional_, tenant_c_).ok());
  EXPECT_EQ(tx->Organisations().AddServedTenant(987654, tenant_a_).reason(),
            "organisation_not_found");
  EXPECT_EQ(tx->Organisations().AddServedTenant(regional_, 987654).reason(), "tenant_not_found");
  // Serving only its home tenant does not make an organisation regional.
  ASSERT_TRUE(tx->Organisations().AddServedTenant(org_c1_, tenant_c_).ok());
  ASSERT_TRUE(tx->Commit().ok());

  auto r = Read();
  EXPECT_EQ(*r->Organisations().ServedTenants(regional_),
            (std::vector<int64_t>{tenant_b_, tenant_a_, tenant_c_}));
  EXPECT_EQ(*r->Organisations().ServedTenants(org_c1_), std::vector<int64_t>{tenant_c_});
  EXPECT_FALSE(r->Organisations().GetById(org_c1_)->regional);
  EXPECT_EQ(r->Organisations().ServedTenants(987654).status().reason(), "organisation_not_found");
}

TEST_P(ServingContract, ARegionalOrganisationMayBeInvolvedInTheTenantsItServesOnly) {
  auto tx = Write();
  auto in_a = tx->Households().Create(tenant_a_, Household("Haddad", {org_a1_, regional_}), T(1));
  ASSERT_TRUE(in_a.ok()) << in_a.status().ToString();
  EXPECT_EQ(in_a->data.involved_organisations, (std::vector<int64_t>{org_a1_, regional_}));
  auto in_b =
      tx->Households().Create(tenant_b_, Household("Tesfay", {regional_}, regisseur_b_), T(1));
  ASSERT_TRUE(in_b.ok()) << in_b.status().ToString();

  auto in_c = tx->Households().Create(tenant_c_,
                                      Household("Ali", {org_c1_, regional_}, regisseur_c_), T(1));
  EXPECT_EQ(in_c.status().reason(), "validation_failed");
  EXPECT_EQ(in_c.status().field_errors(),
            (std::vector<FieldError>{{"involved_organisations/1", "invalid_reference"}}));
  auto c = *tx->Households().Create(tenant_c_, Household("Ali", {org_c1_}, regisseur_c_), T(1));
  auto update = tx->Households().Update(tenant_c_, c.id, 1,
                                        Household("Ali", {regional_}, regisseur_c_), T(2));
  EXPECT_EQ(update.status().field_errors(),
            (std::vector<FieldError>{{"involved_organisations/0", "invalid_reference"}}));
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(Read()->Households().Get(tenant_c_, c.id)->data.involved_organisations,
            std::vector<int64_t>{org_c1_});
}

TEST_P(ServingContract, TheRegisseurMustBeAUserServingTheTenant) {
  auto tx = Write();
  // All refusals of one request together, in the order of the data.
  auto refused = tx->Households().Create(
      tenant_a_, Household("Haddad", {org_a1_, org_c1_}, regisseur_b_), T(1));
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().reason(), "validation_failed");
  EXPECT_EQ(refused.status().field_errors(),
            (std::vector<FieldError>{{"regisseur_user_id", "invalid_reference"},
                                     {"involved_organisations/1", "invalid_reference"}}));
  for (int64_t bad : {int64_t{0}, int64_t{987654}, regisseur_c_}) {
    EXPECT_EQ(tx->Households()
                  .Create(tenant_a_, core::HouseholdData{"Haddad", bad, {}}, T(1))
                  .status()
                  .field_errors(),
              (std::vector<FieldError>{{"regisseur_user_id", "invalid_reference"}}))
        << bad;
  }
  // A user of a regional organisation serving the tenant may direct.
  auto h = tx->Households().Create(tenant_a_, Household("Haddad", {}, regional_user_), T(1));
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->data.regisseur_user_id, regional_user_);

  auto stale_ref =
      tx->Households().Update(tenant_a_, h->id, 1, Household("X", {}, regisseur_b_), T(2));
  EXPECT_EQ(stale_ref.status().field_errors(),
            (std::vector<FieldError>{{"regisseur_user_id", "invalid_reference"}}));
  auto moved = tx->Households().Update(tenant_a_, h->id, 1, Household("Haddad"), T(2));
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->data.regisseur_user_id, regisseur_a_);
  ASSERT_TRUE(tx->Commit().ok());

  auto page = *Read()->Households().List({.tenant_id = tenant_a_});
  ASSERT_EQ(page.items.size(), 1u);  // the refused creates left nothing
  EXPECT_EQ(page.items[0].summary.regisseur_user_id, regisseur_a_);
  EXPECT_EQ(page.items[0].summary.regisseur_name, "Fatima de Vries");
  EXPECT_EQ(page.items[0].summary.version, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServingContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
