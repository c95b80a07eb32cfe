// The per-tenant change counter on both backends: every committed write that
// can change case data or access raises it, reads and rolled-back writes do
// not, other tenants are untouched, and on PostgreSQL two open writers of
// one tenant never wait for each other because of it.
#include <vector>

#include "contract_fixture.h"

namespace regie::testing {
namespace {

class ChangeCounterContract : public ContractTest {
 protected:
  int64_t Count(int64_t tenant) {
    auto n = Read()->Tenants().ChangeCount(tenant);
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    return n.ok() ? *n : -1;
  }
};

TEST_P(ChangeCounterContract, WritesRaiseItReadsAndRollbacksDoNot) {
  const int64_t b_before = Count(tenant_b_);
  int64_t last = Count(tenant_a_);
  auto raised = [&](const char* what) {
    const int64_t now = Count(tenant_a_);
    EXPECT_GT(now, last) << what;
    last = now;
  };
  int64_t household = 0, person = 0;
  {
    auto tx = Write();
    household = tx->Households().Create(tenant_a_, Household("Haddad"), T(1))->id;
    ASSERT_TRUE(tx->Commit().ok());
  }
  raised("household");
  {
    auto tx = Write();
    person = tx->Persons().Create(tenant_a_, household, Person("Amal", "Haddad"), T(1))->id;
    ASSERT_TRUE(tx->Commit().ok());
  }
  raised("person");
  {
    auto tx = Write();
    ASSERT_TRUE(tx->Access()
                    .SetAssignments(tenant_a_, household, ports::AssignmentKind::kBegeleider,
                                    {regisseur_a_})
                    .ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  raised("assignment");
  {
    auto tx = Write();
    ports::StoredEvent e{.tenant_id = tenant_a_,
                         .person_id = person,
                         .event = {.event = "huisvesting", .date = D("2026-01-01")},
                         .recorded_by = regisseur_a_,
                         .recorded_at = T(2)};
    ASSERT_TRUE(tx->Policy().RecordEvent(e).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  raised("event");
  {
    auto tx = Write();
    core::SharingBasis b;
    b.tenant_id = tenant_a_;
    b.person_id = person;
    b.organisation_id = org_a2_;
    b.categories = {core::DataCategory::kGezondheid};
    b.purpose = "Huisarts";
    b.given = D("2026-01-01");
    b.recorded_by = regisseur_a_;
    ASSERT_TRUE(tx->Access().CreateBasis(b, T(3)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  raised("sharing basis");

  // A read, and a write that is rolled back, change nothing.
  (void)Read()->Households().Get(tenant_a_, household);
  {
    auto tx = Write();
    ASSERT_TRUE(tx->Persons().Create(tenant_a_, household, Person("Omar", "Haddad"), T(4)).ok());
    // no Commit: rolled back when tx goes
  }
  EXPECT_EQ(Count(tenant_a_), last);
  EXPECT_EQ(Count(tenant_b_), b_before);
  EXPECT_EQ(Count(999999), 0);
}

// Cached household bodies show users' names and depend on their roles: a
// change of those raises every tenant; a login's bookkeeping does not.
TEST_P(ChangeCounterContract, UserNameRoleAndActivityChangesRaiseEveryTenant) {
  const int64_t a_before = Count(tenant_a_);
  const int64_t b_before = Count(tenant_b_);
  {
    auto tx = Write();
    ASSERT_TRUE(tx->Users().UseTotpStep(regisseur_a_, 7).ok());
    ASSERT_TRUE(tx->Users().SetPassword(regisseur_a_, "other-hash").ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_EQ(Count(tenant_a_), a_before);
  EXPECT_EQ(Count(tenant_b_), b_before);
  {
    auto tx = Write();
    auto user = tx->Users().Get(regisseur_a_);
    ASSERT_TRUE(user.ok()) << user.status().ToString();
    ports::UserData data = user->data;
    data.display_name = "Andere naam";
    ASSERT_TRUE(tx->Users().Update(regisseur_a_, user->version, data, T(5)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_GT(Count(tenant_a_), a_before);
  EXPECT_GT(Count(tenant_b_), b_before);
}

// Deferred to commit on PostgreSQL: the second open writer is not blocked by
// the first one's counter row (with an immediate trigger this test would
// wait forever on itself).
TEST_P(ChangeCounterContract, TwoOpenWritersOfOneTenantBothCommit) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "SQLite has one writer at a time";
  const int64_t before = Count(tenant_a_);
  auto first = Write();
  auto second = Write();
  ASSERT_TRUE(first->Households().Create(tenant_a_, Household("Een"), T(1)).ok());
  ASSERT_TRUE(second->Households().Create(tenant_a_, Household("Twee"), T(1)).ok());
  ASSERT_TRUE(first->Households().Create(tenant_a_, Household("Drie"), T(1)).ok());
  ASSERT_TRUE(first->Commit().ok());
  ASSERT_TRUE(second->Commit().ok());
  // Once per transaction.
  EXPECT_EQ(Count(tenant_a_), before + 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, ChangeCounterContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
