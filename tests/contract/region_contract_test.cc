// The region repository on both backends: regions by code, memberships of
// tenants, each member's sharing decision with its date and user (and its
// history), and the change counter of the member raised by every change,
// so a cached benchmark sees an opt-out at once.
#include <string>
#include <vector>

#include "contract_fixture.h"

namespace regie::testing {
namespace {

class RegionContract : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto tx = Write();
    beheer_a_ =
        tx->Users()
            .Create(User("beheer@gm0523", "Kees Beheer", org_a1_, {core::Role::kBeheer}), T(0))
            ->id;
    ASSERT_TRUE(tx->Commit().ok());
  }

  int64_t Count(int64_t tenant) { return *Read()->Tenants().ChangeCount(tenant); }

  int64_t beheer_a_ = 0;
};

TEST_P(RegionContract, CreatesListsAndRefusesADuplicateCode) {
  auto tx = Write();
  auto u16 =
      tx->Regions().CreateRegion({"U16", "Regio Utrecht (U16)", core::RegionKind::kRegio}, T(5));
  ASSERT_TRUE(u16.ok()) << u16.status().message();
  auto g40 = tx->Regions().CreateRegion({"G40", "G40 Stedennetwerk", core::RegionKind::kG40}, T(6));
  ASSERT_TRUE(g40.ok());
  auto dup = tx->Regions().CreateRegion({"U16", "Nog eens", core::RegionKind::kRegio}, T(7));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().reason(), "duplicate");
  ASSERT_TRUE(tx->Commit().ok());

  auto list = Read()->Regions().ListRegions();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].data.code, "G40");
  EXPECT_EQ((*list)[0].data.kind, core::RegionKind::kG40);
  EXPECT_EQ((*list)[1].data.name, "Regio Utrecht (U16)");
  EXPECT_EQ((*list)[1].created_at, T(5));
  auto found = Read()->Regions().RegionByCode("U16");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, u16->id);
  EXPECT_EQ(Read()->Regions().RegionByCode("X1").status().reason(), "region_not_found");
}

TEST_P(RegionContract, MembershipAndSharingWithDateAndUser) {
  int64_t region = 0;
  {
    auto tx = Write();
    region = tx->Regions().CreateRegion({"DEMO", "Regio Demo", core::RegionKind::kRegio}, T(1))->id;
    ASSERT_TRUE(tx->Regions().Join(region, tenant_a_, T(2)).ok());
    ASSERT_TRUE(tx->Regions().Join(region, tenant_b_, T(3)).ok());
    EXPECT_EQ(tx->Regions().Join(region, tenant_b_, T(3)).reason(), "duplicate");
    EXPECT_EQ(tx->Regions().Join(region + 99, tenant_b_, T(3)).reason(), "region_not_found");
    EXPECT_EQ(tx->Regions().Join(region, tenant_b_ + 99, T(3)).reason(), "tenant_not_found");
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto members = Read()->Regions().Members(region);
  ASSERT_TRUE(members.ok());
  ASSERT_EQ(members->size(), 2u);
  // By tenant name: Dalfsen before Hardinxveld-Giessendam.
  EXPECT_EQ((*members)[0].tenant_id, tenant_b_);
  EXPECT_EQ((*members)[0].tenant_code, "GM0148");
  EXPECT_EQ((*members)[1].tenant_name, "Hardinxveld-Giessendam");
  EXPECT_FALSE((*members)[1].sharing);
  EXPECT_FALSE((*members)[1].decided_at.has_value());
  EXPECT_EQ((*members)[1].joined_at, T(2));

  const int64_t before = Count(tenant_a_);
  {
    auto tx = Write();
    auto m = tx->Regions().SetSharing(region, tenant_a_, true, beheer_a_, T(10));
    ASSERT_TRUE(m.ok()) << m.status().message();
    EXPECT_TRUE(m->sharing);
    EXPECT_EQ(m->decided_by, beheer_a_);
    EXPECT_EQ(m->decided_at, T(10));
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_GT(Count(tenant_a_), before);

  auto mine = Read()->Regions().RegionsOfTenant(tenant_a_);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].region.data.code, "DEMO");
  EXPECT_TRUE((*mine)[0].membership.sharing);

  // Opting out: recorded by the CLI (no user), raises the counter again.
  const int64_t opted_in = Count(tenant_a_);
  {
    auto tx = Write();
    auto m = tx->Regions().SetSharing(region, tenant_a_, false, 0, T(20));
    ASSERT_TRUE(m.ok());
    EXPECT_FALSE(m->sharing);
    EXPECT_EQ(m->decided_by, 0);
    EXPECT_EQ(m->decided_at, T(20));
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_GT(Count(tenant_a_), opted_in);
  EXPECT_FALSE((*Read()->Regions().RegionsOfTenant(tenant_a_))[0].membership.sharing);
}

// Codes sort byte-wise on both backends: "Z" (0x5A) before "a" (0x61),
// where a locale's order would put "almelo" first.
TEST_P(RegionContract, ListsRegionsInByteOrderOfCode) {
  auto tx = Write();
  ASSERT_TRUE(
      tx->Regions().CreateRegion({"almelo", "Regio Almelo", core::RegionKind::kRegio}, T(1)).ok());
  ASSERT_TRUE(
      tx->Regions().CreateRegion({"Zwolle", "Regio Zwolle", core::RegionKind::kRegio}, T(2)).ok());
  ASSERT_TRUE(tx->Commit().ok());
  auto list = Read()->Regions().ListRegions();
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->size(), 2U);
  EXPECT_EQ((*list)[0].data.code, "Zwolle");
  EXPECT_EQ((*list)[1].data.code, "almelo");
}

TEST_P(RegionContract, RefusesUnknownMembersAndUsersChangingNothing) {
  int64_t region = 0;
  {
    auto tx = Write();
    region = tx->Regions().CreateRegion({"DEMO", "Regio Demo", core::RegionKind::kRegio}, T(1))->id;
    ASSERT_TRUE(tx->Regions().Join(region, tenant_a_, T(2)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto tx = Write();
  EXPECT_EQ(tx->Regions().SetSharing(region, tenant_b_, true, 0, T(3)).status().reason(),
            "not_a_member");
  auto bad_user = tx->Regions().SetSharing(region, tenant_a_, true, 999999, T(3));
  ASSERT_FALSE(bad_user.ok());
  EXPECT_EQ(bad_user.status().reason(), "validation_failed");
  EXPECT_EQ(tx->Regions().Leave(region, tenant_b_).reason(), "not_a_member");
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_FALSE((*Read()->Regions().Members(region))[0].sharing);
  EXPECT_TRUE(Read()->Regions().RegionsOfTenant(tenant_b_)->empty());
}

TEST_P(RegionContract, LeavingEndsMembershipAndSharing) {
  int64_t region = 0;
  {
    auto tx = Write();
    region = tx->Regions().CreateRegion({"DEMO", "Regio Demo", core::RegionKind::kRegio}, T(1))->id;
    ASSERT_TRUE(tx->Regions().Join(region, tenant_a_, T(2)).ok());
    ASSERT_TRUE(tx->Regions().SetSharing(region, tenant_a_, true, beheer_a_, T(3)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  const int64_t before = Count(tenant_a_);
  {
    auto tx = Write();
    ASSERT_TRUE(tx->Regions().Leave(region, tenant_a_).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_GT(Count(tenant_a_), before);
  EXPECT_TRUE(Read()->Regions().Members(region)->empty());
  EXPECT_TRUE(Read()->Regions().RegionsOfTenant(tenant_a_)->empty());
  // A new membership starts without sharing.
  {
    auto tx = Write();
    ASSERT_TRUE(tx->Regions().Join(region, tenant_a_, T(4)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_FALSE((*Read()->Regions().Members(region))[0].sharing);
}

INSTANTIATE_TEST_SUITE_P(Backends, RegionContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
