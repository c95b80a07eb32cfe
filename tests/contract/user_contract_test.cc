// Users and their credentials, sessions and login throttling, on both
// backends: lookups, conflicts that leave the transaction usable, the
// single use of TOTP steps and recovery codes, and enrolment links.
#include <atomic>
#include <chrono>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "contract_fixture.h"
#include "core/auth/throttle.h"

namespace regie::testing {
namespace {

using UserContract = ContractTest;

TEST_P(UserContract, CreateStoresLowerCaseAndLooksUpCaseInsensitively) {
  auto tx = Write();
  auto created = tx->Users().Create(User("Anna.Jansen@GM0523", "Anna Jansen", org_a2_,
                                         {core::Role::kRegisseur, core::Role::kBeheer}),
                                    T(50));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(created->data.username, "anna.jansen@gm0523");
  EXPECT_EQ(created->version, 1);

  auto r = Read();
  auto found = r->Users().GetByUsername("ANNA.jansen@gm0523");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->id, created->id);
  EXPECT_EQ(found->data.display_name, "Anna Jansen");
  EXPECT_EQ(found->data.email, "medewerker@example.org");
  EXPECT_EQ(found->data.organisation_id, org_a2_);
  EXPECT_EQ(found->data.roles, (core::RoleSet{core::Role::kRegisseur, core::Role::kBeheer}));
  EXPECT_TRUE(found->data.active);
  EXPECT_FALSE(found->data.demo);
  EXPECT_EQ(found->created_at, T(50));
  // Not enrolled yet.
  EXPECT_EQ(found->password_hash, "");
  EXPECT_EQ(found->totp_sealed, "");
  EXPECT_FALSE(found->totp_enabled);
  EXPECT_EQ(found->totp_last_step, 0);
  EXPECT_EQ(r->Users().Get(created->id)->data.username, "anna.jansen@gm0523");
  EXPECT_EQ(r->Users().Get(987654).status().reason(), "user_not_found");
  EXPECT_EQ(r->Users().GetByUsername("nobody").status().reason(), "user_not_found");
}

TEST_P(UserContract, ListByEmailIgnoresCaseAndNeverMatchesAnEmptyAddress) {
  auto tx = Write();
  ports::UserData a = User("sso.a@gm0523", "SSO A", org_a1_);
  a.email = "Sso.Gebruiker@Example.org";
  ports::UserData b = User("sso.b@gm0523", "SSO B", org_a2_);
  b.email = "sso.gebruiker@example.org";
  ports::UserData none = User("sso.c@gm0523", "SSO C", org_a1_);
  none.email = "";
  auto created_a = tx->Users().Create(a, T(1));
  auto created_b = tx->Users().Create(b, T(1));
  ASSERT_TRUE(created_a.ok() && created_b.ok());
  ASSERT_TRUE(tx->Users().Create(none, T(1)).ok());
  ASSERT_TRUE(tx->Commit().ok());

  auto r = Read();
  auto both = r->Users().ListByEmail("SSO.gebruiker@EXAMPLE.ORG");
  ASSERT_TRUE(both.ok()) << both.status().ToString();
  ASSERT_EQ(both->size(), 2U);
  EXPECT_EQ((*both)[0].id, created_a->id);
  EXPECT_EQ((*both)[1].id, created_b->id);
  EXPECT_EQ((*both)[1].data.username, "sso.b@gm0523");
  EXPECT_TRUE(r->Users().ListByEmail("")->empty());
  EXPECT_TRUE(r->Users().ListByEmail("sso.gebruiker@example.com")->empty());
  EXPECT_TRUE(r->Users().ListByEmail("%@example.org")->empty());
}

// U+212A KELVIN SIGN, which Unicode lower-cases to "k" (hex escapes, and a
// literal of its own so the "a" after it is no hex digit).
constexpr const char* kKelvin = "\xE2\x84\xAA";

// The port folds ASCII case only, as SQLite's lower() does; a comparison in
// the database's locale would let an identity provider's claim of
// "<Kelvin>arel@..." sign in as karel.
TEST_P(UserContract, ListByEmailFoldsAsciiCaseOnly) {
  auto tx = Write();
  ports::UserData karel = User("karel@gm0523", "Karel", org_a1_);
  karel.email = "karel@example.org";
  auto created = tx->Users().Create(karel, T(1));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  ASSERT_TRUE(tx->Commit().ok());

  auto r = Read();
  auto upper = r->Users().ListByEmail("KAREL@EXAMPLE.ORG");
  ASSERT_TRUE(upper.ok()) << upper.status().ToString();
  ASSERT_EQ(upper->size(), 1U);
  EXPECT_EQ(upper->front().id, created->id);
  auto kelvin = r->Users().ListByEmail(std::string(kKelvin) + "arel@example.org");
  ASSERT_TRUE(kelvin.ok()) << kelvin.status().ToString();
  EXPECT_TRUE(kelvin->empty());
}

// Update decides "same address" as ListByEmail matches: a change beyond
// ASCII case is a new address and ends the bindings.
TEST_P(UserContract, AnAddressThatDiffersBeyondAsciiCaseEndsTheBindings) {
  auto tx = Write();
  ports::UserData data = User("karel@gm0523", "Karel", org_a1_);
  data.email = "karel@example.org";
  auto user = *tx->Users().Create(data, T(1));
  auto bound = [&](ports::Transaction& t) { return t.Users().SubjectOfUser(user.id, "idp").ok(); };
  ASSERT_TRUE(tx->Users().BindSubject(user.id, "idp", "s-k", T(2)).ok());
  data.email = "KAREL@example.org";
  ASSERT_TRUE(tx->Users().Update(user.id, 1, data, T(3)).ok());
  EXPECT_TRUE(bound(*tx));
  data.email = std::string(kKelvin) + "arel@example.org";
  ASSERT_TRUE(tx->Users().Update(user.id, 2, data, T(4)).ok());
  EXPECT_FALSE(bound(*tx));
  ASSERT_TRUE(tx->Commit().ok());
}

// Issuers sort byte-wise on both backends: "Z" (0x5A) before "a" (0x61),
// where a locale's order would put "almelo" first.
TEST_P(UserContract, BindingsOfUserAreInByteOrderOfIssuer) {
  auto tx = Write();
  ASSERT_TRUE(tx->Users().BindSubject(regisseur_a_, "https://almelo.example", "s-1", T(1)).ok());
  ASSERT_TRUE(tx->Users().BindSubject(regisseur_a_, "https://Zwolle.example", "s-1", T(2)).ok());
  ASSERT_TRUE(tx->Commit().ok());
  auto bindings = Read()->Users().BindingsOfUser(regisseur_a_);
  ASSERT_TRUE(bindings.ok()) << bindings.status().ToString();
  ASSERT_EQ(bindings->size(), 2U);
  EXPECT_EQ((*bindings)[0].issuer, "https://Zwolle.example");
  EXPECT_EQ((*bindings)[1].issuer, "https://almelo.example");
}

TEST_P(UserContract, TakenNameAndUnknownOrganisationAreRefusedAndTheTransactionGoesOn) {
  auto tx = Write();
  auto dup = tx->Users().Create(User("REGISSEUR1@gm0523", "Twin", org_a1_), T(1));
  EXPECT_EQ(dup.status().code(), StatusCode::kConflict);
  EXPECT_EQ(dup.status().reason(), "duplicate");
  EXPECT_EQ(dup.status().field_errors(), (std::vector<FieldError>{{"username", "duplicate"}}));
  auto bad_org = tx->Users().Create(User("nieuw@gm0523", "Nieuw", 987654), T(1));
  EXPECT_EQ(bad_org.status().reason(), "validation_failed");
  EXPECT_EQ(bad_org.status().field_errors(),
            (std::vector<FieldError>{{"organisation_id", "invalid_reference"}}));
  auto ok = tx->Users().Create(User("nieuw@gm0523", "Nieuw", org_a1_), T(1));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_TRUE(Read()->Users().GetByUsername("nieuw@gm0523").ok());
}

TEST_P(UserContract, UpdateChecksVersionNameAndOrganisation) {
  auto tx = Write();
  auto other = *tx->Users().Create(User("bezet@gm0523", "Bezet", org_a1_), T(1));
  ports::UserData changed = User("Regisseur1@GM0523", "Fatima de Vries-Bakker", org_a2_,
                                 {core::Role::kRegisseur, core::Role::kAuditor});
  changed.active = false;
  auto updated = tx->Users().Update(regisseur_a_, 1, changed, T(20));
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(updated->data.username, "regisseur1@gm0523");
  EXPECT_EQ(updated->data.display_name, "Fatima de Vries-Bakker");
  EXPECT_EQ(updated->data.organisation_id, org_a2_);
  EXPECT_EQ(updated->data.roles, (core::RoleSet{core::Role::kRegisseur, core::Role::kAuditor}));
  EXPECT_FALSE(updated->data.active);

  EXPECT_EQ(tx->Users().Update(regisseur_a_, 1, changed, T(21)).status().reason(),
            "version_conflict");
  EXPECT_EQ(tx->Users().Update(987654, 1, changed, T(21)).status().reason(), "user_not_found");
  auto taken = tx->Users().Update(other.id, 1, User("REGISSEUR1@gm0523", "x", org_a1_), T(21));
  EXPECT_EQ(taken.status().code(), StatusCode::kConflict);
  EXPECT_EQ(taken.status().field_errors(), (std::vector<FieldError>{{"username", "duplicate"}}));
  auto bad_org = tx->Users().Update(other.id, 1, User("bezet@gm0523", "x", 987654), T(21));
  EXPECT_EQ(bad_org.status().field_errors(),
            (std::vector<FieldError>{{"organisation_id", "invalid_reference"}}));
  // The refusals changed nothing and the transaction still commits.
  ASSERT_TRUE(tx->Commit().ok());
  auto r = Read();
  EXPECT_EQ(r->Users().Get(other.id)->version, 1);
  EXPECT_EQ(r->Users().Get(other.id)->data.display_name, "Bezet");
  EXPECT_EQ(r->Users().Get(regisseur_a_)->version, 2);
}

TEST_P(UserContract, PasswordAndTotpAndTheStepCompareAndSet) {
  auto tx = Write();
  ASSERT_TRUE(tx->Users().SetPassword(regisseur_a_, "$argon2id$v=19$hash").ok());
  ASSERT_TRUE(tx->Users().SetTotp(regisseur_a_, "sealed-seed", false).ok());
  auto pending = *tx->Users().Get(regisseur_a_);
  EXPECT_EQ(pending.password_hash, "$argon2id$v=19$hash");
  EXPECT_EQ(pending.totp_sealed, "sealed-seed");
  EXPECT_FALSE(pending.totp_enabled);
  ASSERT_TRUE(tx->Users().SetTotp(regisseur_a_, "sealed-seed", true).ok());
  EXPECT_TRUE(tx->Users().Get(regisseur_a_)->totp_enabled);

  EXPECT_TRUE(tx->Users().UseTotpStep(regisseur_a_, 1000).ok());
  Status replay = tx->Users().UseTotpStep(regisseur_a_, 1000);
  EXPECT_EQ(replay.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(replay.reason(), "totp_replayed");
  EXPECT_EQ(tx->Users().UseTotpStep(regisseur_a_, 999).reason(), "totp_replayed");
  EXPECT_TRUE(tx->Users().UseTotpStep(regisseur_a_, 1001).ok());
  EXPECT_EQ(tx->Users().Get(regisseur_a_)->totp_last_step, 1001);

  EXPECT_EQ(tx->Users().SetPassword(987654, "h").reason(), "user_not_found");
  EXPECT_EQ(tx->Users().SetTotp(987654, "s", true).reason(), "user_not_found");
  EXPECT_EQ(tx->Users().UseTotpStep(987654, 5).reason(), "user_not_found");
}

TEST_P(UserContract, ATotpStepIsAcceptedOnceUnderConcurrentLogins) {
  constexpr int kThreads = 6;
  std::latch start(kThreads);
  std::atomic<int> accepted{0}, replayed{0}, other{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      start.arrive_and_wait();
      auto tx = db().Begin(ports::TxMode::kWrite);
      if (!tx.ok()) {
        ++other;
        return;
      }
      Status s = (*tx)->Users().UseTotpStep(regisseur_a_, 5000);
      if (s.ok()) s = (*tx)->Commit();
      if (s.ok())
        ++accepted;
      else if (s.reason() == "totp_replayed")
        ++replayed;
      else
        ++other;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(accepted.load(), 1);
  EXPECT_EQ(replayed.load(), kThreads - 1);
  EXPECT_EQ(other.load(), 0);
}

TEST_P(UserContract, EnrolmentLinkResetsCredentialsAndExpires) {
  auto tx = Write();
  ASSERT_TRUE(tx->Users().SetPassword(regisseur_a_, "old-hash").ok());
  ASSERT_TRUE(tx->Users().SetTotp(regisseur_a_, "old-seed", true).ok());
  ASSERT_TRUE(tx->Users().ReplaceRecoveryCodes(regisseur_a_, {"code-1", "code-2"}).ok());
  ASSERT_TRUE(tx->Users().ResetEnrolment(regisseur_a_, "token-hash-1", T(1000)).ok());
  auto reset = *tx->Users().Get(regisseur_a_);
  EXPECT_EQ(reset.password_hash, "");
  EXPECT_EQ(reset.totp_sealed, "");
  EXPECT_FALSE(reset.totp_enabled);
  EXPECT_EQ(tx->Users().UseRecoveryCode(regisseur_a_, "code-1", T(5)).reason(),
            "recovery_code_invalid");

  auto by_link = tx->Users().GetByEnrolment("token-hash-1", T(999));
  ASSERT_TRUE(by_link.ok()) << by_link.status().ToString();
  EXPECT_EQ(by_link->id, regisseur_a_);
  Status expired = tx->Users().GetByEnrolment("token-hash-1", T(1000)).status();
  EXPECT_EQ(expired.code(), StatusCode::kNotFound);
  EXPECT_EQ(expired.reason(), "enrolment_invalid");
  EXPECT_EQ(tx->Users().GetByEnrolment("unknown", T(1)).status().reason(), "enrolment_invalid");

  // A new link replaces the old one; clearing it ends it.
  ASSERT_TRUE(tx->Users().ResetEnrolment(regisseur_a_, "token-hash-2", T(2000)).ok());
  EXPECT_EQ(tx->Users().GetByEnrolment("token-hash-1", T(1)).status().reason(),
            "enrolment_invalid");
  EXPECT_TRUE(tx->Users().GetByEnrolment("token-hash-2", T(1)).ok());
  ASSERT_TRUE(tx->Users().ClearEnrolment(regisseur_a_).ok());
  EXPECT_EQ(tx->Users().GetByEnrolment("token-hash-2", T(1)).status().reason(),
            "enrolment_invalid");
  EXPECT_EQ(tx->Users().ResetEnrolment(987654, "t", T(1)).reason(), "user_not_found");
  EXPECT_EQ(tx->Users().ClearEnrolment(987654).reason(), "user_not_found");
  ASSERT_TRUE(tx->Commit().ok());
}

TEST_P(UserContract, SingleSignOnBindsOneSubjectPerAccountUntilTheEnrolmentIsReset) {
  auto tx = Write();
  EXPECT_EQ(tx->Users().UserOfSubject("idp", "s-1").status().reason(),
            "federated_identity_unknown");
  EXPECT_EQ(tx->Users().SubjectOfUser(regisseur_a_, "idp").status().reason(),
            "federated_identity_unknown");
  ASSERT_TRUE(tx->Users().BindSubject(regisseur_a_, "idp", "s-1", T(10)).ok());
  // The same subject at another provider is another identity.
  ASSERT_TRUE(tx->Users().BindSubject(regisseur_b_, "ander", "s-1", T(10)).ok());
  // A taken subject, or a second subject for a bound account, is a
  // conflict that leaves the transaction usable.
  Status taken = tx->Users().BindSubject(regisseur_b_, "idp", "s-1", T(11));
  EXPECT_EQ(taken.code(), StatusCode::kConflict);
  EXPECT_EQ(taken.reason(), "duplicate");
  EXPECT_EQ(tx->Users().BindSubject(regisseur_a_, "idp", "s-2", T(11)).code(),
            StatusCode::kConflict);
  ASSERT_TRUE(tx->Users().SetPassword(regisseur_a_, "hash").ok());
  ASSERT_TRUE(tx->Commit().ok());

  auto r = Read();
  EXPECT_EQ(*r->Users().UserOfSubject("idp", "s-1"), regisseur_a_);
  EXPECT_EQ(*r->Users().UserOfSubject("ander", "s-1"), regisseur_b_);
  EXPECT_EQ(*r->Users().SubjectOfUser(regisseur_a_, "idp"), "s-1");
  EXPECT_EQ(r->Users().UserOfSubject("idp", "s-2").status().reason(), "federated_identity_unknown");
  EXPECT_EQ(r->Users().SubjectOfUser(regisseur_b_, "idp").status().reason(),
            "federated_identity_unknown");
  // What beheer sees: the issuers with when, not the subjects.
  auto bindings = r->Users().BindingsOfUser(regisseur_a_);
  ASSERT_TRUE(bindings.ok()) << bindings.status().ToString();
  ASSERT_EQ(bindings->size(), 1U);
  EXPECT_EQ(bindings->front().issuer, "idp");
  EXPECT_EQ(bindings->front().linked_at, T(10));
  EXPECT_TRUE(r->Users().BindingsOfUser(org_a1_ + 987654)->empty());
  r.reset();

  // Resetting the enrolment ends the account's bindings with its other
  // credentials; the subject may then bind again.
  auto w = Write();
  ASSERT_TRUE(w->Users().ResetEnrolment(regisseur_a_, "token", T(100)).ok());
  EXPECT_EQ(w->Users().UserOfSubject("idp", "s-1").status().reason(), "federated_identity_unknown");
  EXPECT_EQ(*w->Users().UserOfSubject("ander", "s-1"), regisseur_b_);
  ASSERT_TRUE(w->Users().BindSubject(regisseur_a_, "idp", "s-2", T(101)).ok());
  EXPECT_EQ(w->Users().BindingsOfUser(regisseur_a_)->front().linked_at, T(101));
  ASSERT_TRUE(w->Commit().ok());
  EXPECT_EQ(*Read()->Users().SubjectOfUser(regisseur_a_, "idp"), "s-2");
}

TEST_P(UserContract, ANewAddressOrNameEndsTheSingleSignOnBindingsAndNothingElseDoes) {
  auto tx = Write();
  ports::UserData data = User("sso.d@gm0523", "SSO D", org_a1_);
  data.email = "d@example.org";
  auto user = *tx->Users().Create(data, T(1));
  auto bound = [&](ports::Transaction& t) { return t.Users().SubjectOfUser(user.id, "idp").ok(); };
  ASSERT_TRUE(tx->Users().BindSubject(user.id, "idp", "s-d", T(2)).ok());
  // Another display name, or the same address in other capitals: kept.
  data.display_name = "SSO D.";
  data.email = "D@Example.org";
  ASSERT_TRUE(tx->Users().Update(user.id, 1, data, T(3)).ok());
  EXPECT_TRUE(bound(*tx));
  // Another address: whoever logged in with the old one loses the account.
  data.email = "nieuw@example.org";
  ASSERT_TRUE(tx->Users().Update(user.id, 2, data, T(4)).ok());
  EXPECT_FALSE(bound(*tx));
  ASSERT_TRUE(tx->Users().BindSubject(user.id, "idp", "s-d", T(5)).ok());
  // Another username (what a match = "username" provider compares): the same.
  data.username = "sso.e@gm0523";
  ASSERT_TRUE(tx->Users().Update(user.id, 3, data, T(6)).ok());
  EXPECT_FALSE(bound(*tx));
  ASSERT_TRUE(tx->Commit().ok());
}

TEST_P(UserContract, RecoveryCodesAreSingleUseAndReplacedAsASet) {
  auto tx = Write();
  ASSERT_TRUE(tx->Users().ReplaceRecoveryCodes(regisseur_a_, {"a", "b", "b"}).ok());
  EXPECT_TRUE(tx->Users().UseRecoveryCode(regisseur_a_, "a", T(1)).ok());
  Status again = tx->Users().UseRecoveryCode(regisseur_a_, "a", T(2));
  EXPECT_EQ(again.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(again.reason(), "recovery_code_invalid");
  EXPECT_EQ(tx->Users().UseRecoveryCode(regisseur_a_, "zz", T(2)).reason(),
            "recovery_code_invalid");
  // Another user's code does not work for this one.
  EXPECT_EQ(tx->Users().UseRecoveryCode(regisseur_b_, "b", T(2)).reason(), "recovery_code_invalid");
  ASSERT_TRUE(tx->Users().ReplaceRecoveryCodes(regisseur_a_, {"c"}).ok());
  EXPECT_EQ(tx->Users().UseRecoveryCode(regisseur_a_, "b", T(3)).reason(), "recovery_code_invalid");
  EXPECT_TRUE(tx->Users().UseRecoveryCode(regisseur_a_, "c", T(3)).ok());
  EXPECT_EQ(tx->Users().ReplaceRecoveryCodes(987654, {"x"}).reason(), "user_not_found");
  ASSERT_TRUE(tx->Commit().ok());
}

TEST_P(UserContract, ListServingHasTheTenantsOwnAndRegionalStaffByName) {
  auto tx = Write();
  auto tenant_c = tx->Tenants().Create({"GM0505", "Dordrecht"})->id;
  auto regional = tx->Organisations()
                      .Create(tenant_b_, {"Vluchtelingenwerk Regio",
                                          core::OrganisationKind::kVluchtelingenwerk})
                      ->id;
  ASSERT_TRUE(tx->Organisations().AddServedTenant(regional, tenant_a_).ok());
  auto zoe = tx->Users().Create(User("zoe@vwn", "Zoë Regionaal", regional), T(1))->id;
  auto ahmed = tx->Users().Create(User("ahmed@gm0523", "Ahmed Bakker", org_a2_), T(1))->id;
  auto inactive = User("oud@gm0523", "Ahmed Bakker", org_a1_);
  inactive.active = false;
  auto oud = tx->Users().Create(inactive, T(1))->id;  // same name: id decides
  ASSERT_TRUE(tx->Commit().ok());

  auto ids = [&](int64_t tenant) {
    auto users = Read()->Users().ListServing(tenant);
    EXPECT_TRUE(users.ok()) << users.status().ToString();
    std::vector<int64_t> out;
    if (users.ok())
      for (const auto& u : *users) out.push_back(u.id);
    return out;
  };
  EXPECT_EQ(ids(tenant_a_), (std::vector<int64_t>{ahmed, oud, regisseur_a_, zoe}));
  EXPECT_EQ(ids(tenant_b_), (std::vector<int64_t>{regisseur_b_, zoe}));
  EXPECT_TRUE(ids(tenant_c).empty());
}

using SessionContract = ContractTest;

ports::Session NewSession(std::string token, int64_t user) {
  return {.token_hash = std::move(token),
          .user_id = user,
          .csrf_token = "csrf-" + std::to_string(user),
          .created_at = {1'000'000},
          .last_seen_at = {1'000'000},
          .absolute_expires_at = {43'201'000'000},
          .client_ip = "192.0.2.7"};
}

TEST_P(SessionContract, CreateGetTouchCompleteAndRevoke) {
  auto tx = Write();
  ASSERT_TRUE(tx->Sessions().Create(NewSession("tok-1", regisseur_a_)).ok());
  auto s = tx->Sessions().Get("tok-1");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->user_id, regisseur_a_);
  EXPECT_EQ(s->csrf_token, "csrf-" + std::to_string(regisseur_a_));
  EXPECT_FALSE(s->mfa_done);
  EXPECT_EQ(s->created_at, T(1));
  EXPECT_EQ(s->absolute_expires_at, T(43201));
  EXPECT_EQ(s->client_ip, "192.0.2.7");

  ASSERT_TRUE(tx->Sessions().Touch("tok-1", T(60)).ok());
  EXPECT_EQ(tx->Sessions().Get("tok-1")->last_seen_at, T(60));
  ASSERT_TRUE(tx->Sessions().CompleteMfa("tok-1", T(70)).ok());
  auto done = *tx->Sessions().Get("tok-1");
  EXPECT_TRUE(done.mfa_done);
  EXPECT_EQ(done.last_seen_at, T(70));
  EXPECT_EQ(done.created_at, T(1));

  ASSERT_TRUE(tx->Sessions().Revoke("tok-1").ok());
  EXPECT_EQ(tx->Sessions().Get("tok-1").status().reason(), "session_not_found");
  EXPECT_EQ(tx->Sessions().Touch("tok-1", T(80)).reason(), "session_not_found");
  EXPECT_EQ(tx->Sessions().CompleteMfa("tok-1", T(80)).reason(), "session_not_found");
  EXPECT_TRUE(tx->Sessions().Revoke("tok-1").ok());  // logging out twice is fine
  EXPECT_EQ(tx->Sessions().Revoke("never-issued").reason(), "session_not_found");
  EXPECT_EQ(tx->Sessions().Get("never-issued").status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(tx->Commit().ok());
}

TEST_P(SessionContract, RefusedCreatesLeaveTheTransactionUsable) {
  auto tx = Write();
  ASSERT_TRUE(tx->Sessions().Create(NewSession("tok-1", regisseur_a_)).ok());
  EXPECT_EQ(tx->Sessions().Create(NewSession("tok-1", regisseur_b_)).reason(), "duplicate");
  EXPECT_EQ(tx->Sessions().Create(NewSession("tok-2", 987654)).reason(), "user_not_found");
  ASSERT_TRUE(tx->Sessions().Create(NewSession("tok-3", regisseur_b_)).ok());
  ASSERT_TRUE(tx->Commit().ok());
  auto r = Read();
  EXPECT_EQ(r->Sessions().Get("tok-1")->user_id, regisseur_a_);
  EXPECT_EQ(r->Sessions().Get("tok-3")->user_id, regisseur_b_);
}

TEST_P(SessionContract, RevokeAllEndsOneUsersSessionsAndKeepsTheRows) {
  auto tx = Write();
  for (const char* token : {"a-1", "a-2"})
    ASSERT_TRUE(tx->Sessions().Create(NewSession(token, regisseur_a_)).ok());
  ASSERT_TRUE(tx->Sessions().Create(NewSession("b-1", regisseur_b_)).ok());
  ASSERT_TRUE(tx->Sessions().RevokeAllOf(regisseur_a_).ok());
  ASSERT_TRUE(tx->Commit().ok());
  auto r = Read();
  EXPECT_EQ(r->Sessions().Get("a-1").status().reason(), "session_not_found");
  EXPECT_EQ(r->Sessions().Get("a-2").status().reason(), "session_not_found");
  EXPECT_TRUE(r->Sessions().Get("b-1").ok());
  // Revoked, not deleted: the sessions stay for the audit.
  auto rows = test_db_->RunSql("SELECT token_hash FROM sessions WHERE revoked ORDER BY token_hash");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(*rows, (std::vector<std::string>{"a-1", "a-2"}));
}

using ThrottleContract = ContractTest;

TEST_P(ThrottleContract, PutGetAndClear) {
  auto tx = Write();
  auto unknown = tx->Throttles().Get("user:anna");
  ASSERT_TRUE(unknown.ok()) << unknown.status().ToString();
  EXPECT_EQ(unknown->key, "user:anna");
  EXPECT_EQ(unknown->failures, 0);
  EXPECT_EQ(unknown->locked_until, core::Timestamp{});
  ASSERT_TRUE(tx->Throttles().Put({"user:anna", 3, T(10), {}}).ok());
  ASSERT_TRUE(tx->Throttles().Put({"ip:192.0.2.7", 1, T(11), {}}).ok());
  ASSERT_TRUE(tx->Throttles().Put({"user:anna", 5, T(20), T(920)}).ok());  // replaces
  ASSERT_TRUE(tx->Commit().ok());

  auto r = Read();
  auto anna = *r->Throttles().Get("user:anna");
  EXPECT_EQ(anna.failures, 5);
  EXPECT_EQ(anna.last_failure_at, T(20));
  EXPECT_EQ(anna.locked_until, T(920));
  EXPECT_EQ(r->Throttles().Get("ip:192.0.2.7")->failures, 1);
  r.reset();

  tx = Write();
  ASSERT_TRUE(tx->Throttles().Clear("user:anna").ok());
  ASSERT_TRUE(tx->Throttles().Clear("user:never").ok());
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(Read()->Throttles().Get("user:anna")->failures, 0);
  EXPECT_EQ(Read()->Throttles().Get("ip:192.0.2.7")->failures, 1);
}

// A burst of failed logins on one key from writers running side by side:
// each reads the count with GetForUpdate and writes the next, as http's
// RecordFailures does. Every failure must count (READ COMMITTED writers
// that read without a lock would all write the same next value).
TEST_P(ThrottleContract, ConcurrentFailuresOfABurstAllCount) {
  constexpr int kThreads = 8;
  std::latch start(kThreads);
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      start.arrive_and_wait();
      auto tx = db().Begin(ports::TxMode::kWrite);
      Status s = tx.status();
      if (s.ok()) {
        StatusOr<ports::Throttle> t = (*tx)->Throttles().GetForUpdate("user:anna");
        s = t.status();
        if (s.ok()) {
          core::ThrottleState next = core::AfterFailure(
              {t->failures, t->last_failure_at, t->locked_until}, T(100), core::kAccountThrottle);
          s = (*tx)->Throttles().Put(
              {"user:anna", next.failures, next.last_failure_at, next.locked_until});
        }
        if (s.ok()) s = (*tx)->Commit();
      }
      if (!s.ok()) {
        ++errors;
        ADD_FAILURE() << s.ToString();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(errors.load(), 0);
  auto anna = Read()->Throttles().Get("user:anna");
  ASSERT_TRUE(anna.ok()) << anna.status().ToString();
  EXPECT_EQ(anna->failures, kThreads);
  EXPECT_EQ(anna->last_failure_at, T(100));
}

// A login that succeeds at the first try, as http's Login does it: both
// keys read locked, the account's cleared. No row stays for the address
// (a zero row per client address would grow the table for good); a
// failure still leaves its row.
TEST_P(ThrottleContract, ASuccessfulLoginLeavesNoRowForItsAddress) {
  auto tx = Write();
  for (const char* key : {"user:anna", "ip:192.0.2.7"}) {
    auto t = tx->Throttles().GetForUpdate(key);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    EXPECT_EQ(t->failures, 0);
  }
  ASSERT_TRUE(tx->Throttles().Clear("user:anna").ok());
  ASSERT_TRUE(tx->Commit().ok());
  auto rows = test_db_->RunSql("SELECT key FROM login_throttle");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(*rows, std::vector<std::string>{});

  tx = Write();
  auto t = tx->Throttles().GetForUpdate("ip:192.0.2.7");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_TRUE(tx->Throttles().Put({"ip:192.0.2.7", t->failures + 1, T(10), {}}).ok());
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(*test_db_->RunSql("SELECT key FROM login_throttle"),
            std::vector<std::string>{"ip:192.0.2.7"});
}

// A key cleared (a successful login) while another writer waits for it:
// the waiter still gets the key to itself, starting from zero.
TEST_P(ThrottleContract, AKeyClearedWhileAWriterWaitsIsLockedAfresh) {
  auto tx = Write();
  ASSERT_TRUE(tx->Throttles().Put({"user:anna", 3, T(10), {}}).ok());
  ASSERT_TRUE(tx->Commit().ok());
  auto unknown = Write()->Throttles().GetForUpdate("user:nobody");
  ASSERT_TRUE(unknown.ok()) << unknown.status().ToString();
  EXPECT_EQ(unknown->key, "user:nobody");
  EXPECT_EQ(unknown->failures, 0);

  tx = Write();
  ASSERT_EQ(tx->Throttles().GetForUpdate("user:anna")->failures, 3);
  ASSERT_TRUE(tx->Throttles().Clear("user:anna").ok());
  Status second;
  std::thread other([&] {
    auto w = db().Begin(ports::TxMode::kWrite);
    second = w.status();
    if (!second.ok()) return;
    StatusOr<ports::Throttle> t = (*w)->Throttles().GetForUpdate("user:anna");
    second = t.status();
    if (second.ok() && t->failures != 0) second = Internal("read a cleared count");
    if (second.ok()) second = (*w)->Throttles().Put({"user:anna", t->failures + 1, T(20), {}});
    if (second.ok()) second = (*w)->Commit();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_TRUE(tx->Commit().ok());
  other.join();
  EXPECT_TRUE(second.ok()) << second.ToString();
  EXPECT_EQ(Read()->Throttles().Get("user:anna")->failures, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, UserContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });
INSTANTIATE_TEST_SUITE_P(Backends, SessionContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });
INSTANTIATE_TEST_SUITE_P(Backends, ThrottleContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
