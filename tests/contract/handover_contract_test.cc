// Handover packages on both backends: the repository contract (keys,
// packages, one decision), the steps of http/handover_service.h (tampered
// and untrusted packages refused, a second import idempotent, the same id
// with other content a conflict), and the round trip SQLite -> PostgreSQL:
// a household with its full history exported from one instance, imported
// and accepted in the other and exported again gives the same package but
// for what must differ (ids, times of the export, the users).
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "contract_fixture.h"
#include "core/policy/compiled.h"
#include "crypto/sodium_crypto.h"
#include "forwarding_crypto.h"
#include "http/handover_service.h"

namespace regie::testing {
namespace {

using nlohmann::json;
namespace handover = http::handover;

std::unique_ptr<ports::Crypto> MakeCrypto(uint8_t seed) {
  std::array<uint8_t, 32> key{};
  key[0] = seed;
  return std::move(crypto::SodiumCrypto::Create(key)).value();
}

core::Timestamp At(const char* iso) { return *core::Timestamp::Parse(iso); }

// The receiver's policy without active packs: every well-formed event comes
// along (the check against active packs is in the API tests).
const core::policy::CompiledPolicy& NoPacks() {
  static const std::unique_ptr<core::policy::CompiledPolicy> policy =
      std::move(core::policy::CompiledPolicy::Compile({}, {})).value();
  return *policy;
}

// A household of two with events (one voided), contacts, assessments (one
// voided) and a plan, recorded by `user` of `org`. Returns its id.
int64_t BuildHistory(ports::Transaction& tx, int64_t tenant, int64_t user, int64_t org) {
  const int64_t hh =
      tx.Households().Create(tenant, {"Haddad", user, {org}}, At("2025-04-01T09:00:00Z"))->id;
  core::PersonData amal;
  amal.given_names = "Amal";
  amal.family_name = "Haddad";
  amal.birth_date = *core::Date::Parse("1988-03-04");
  amal.sex = core::Sex::kFemale;
  amal.nationality = "SY";
  amal.languages = {"ar", "en"};
  amal.bsn = "111222333";
  amal.v_number = "1234567890";
  amal.permit_date = core::Date::Parse("2025-01-10");
  amal.koppeling_date = core::Date::Parse("2025-02-01");
  amal.housing_date = core::Date::Parse("2025-04-01");
  amal.address = {"Dorpsstraat", "12",        "3371 AB", "Hardinxveld-Giessendam",
                  "Centrum",     "Giessendam"};
  amal.highest_education = core::Education::kUnknown;
  core::PersonData omar = amal;
  omar.given_names = "Omar";
  omar.birth_date = *core::Date::Parse("2015-06-07");
  omar.sex = core::Sex::kMale;
  omar.bsn = std::nullopt;
  omar.v_number = std::nullopt;
  omar.role = core::HouseholdRole::kChild;
  omar.inburgeringsplicht = core::InburgeringPlicht::kNo;
  const int64_t p1 = tx.Persons().Create(tenant, hh, amal, At("2025-04-01T09:00:00Z"))->id;
  const int64_t p2 = tx.Persons().Create(tenant, hh, omar, At("2025-04-01T09:00:00Z"))->id;

  auto event = [&](int64_t person, const char* name, const char* date, std::optional<int32_t> value,
                   const char* code, const char* recorded) {
    ports::StoredEvent e{.tenant_id = tenant,
                         .person_id = person,
                         .event = {.event = name,
                                   .date = *core::Date::Parse(date),
                                   .value = value,
                                   .code = code,
                                   .reason = ""},
                         .recorded_by = user,
                         .recorded_at = At(recorded)};
    return tx.Policy().RecordEvent(e)->id;
  };
  event(p1, "intake", "2025-04-15", std::nullopt, "", "2025-04-15T10:00:00Z");
  event(p1, "leerroute", "2025-05-01", std::nullopt, "b1", "2025-05-01T10:00:00Z");
  const int64_t wrong = event(p1, "taaltoets", "2025-05-02", 3, "", "2025-05-02T10:00:00Z");
  EXPECT_TRUE(tx.Policy()
                  .VoidEvent(tenant, wrong, user, "verkeerde persoon", At("2025-05-03T08:00:00Z"))
                  .ok());
  event(p2, "school_ingeschreven", "2025-05-10", std::nullopt, "", "2025-05-10T10:00:00Z");

  core::Contact c1{.tenant_id = tenant,
                   .data = {.household_id = hh,
                            .date = *core::Date::Parse("2025-04-15"),
                            .type = core::ContactType::kHuisbezoek,
                            .participants = {"Amal Haddad", "tolk Arabisch"},
                            .interpreter = true,
                            .interpreter_language = "ar",
                            .person_ids = {p1, p2},
                            .note = "Kennismaking; zorgen over schoolkeuze."},
                   .recorded_by = user,
                   .recorded_at = At("2025-04-15T12:00:00Z")};
  EXPECT_TRUE(tx.Contacts().Create(c1).ok());
  core::Contact c2 = c1;
  c2.data.date = *core::Date::Parse("2025-05-20");
  c2.data.type = core::ContactType::kTelefoon;
  c2.data.participants = {};
  c2.data.interpreter = false;
  c2.data.interpreter_language = std::nullopt;
  c2.data.person_ids = {p1};
  c2.data.note = "Belafspraak";
  c2.recorded_at = At("2025-05-20T12:00:00Z");
  EXPECT_TRUE(tx.Contacts().Create(c2).ok());

  core::Assessment zrm{.tenant_id = tenant,
                       .data = {.person_id = p1,
                                .kind = core::AssessmentKind::kZrm,
                                .date = *core::Date::Parse("2025-04-20"),
                                .assessor = "M. Jansen, Vluchtelingenwerk",
                                .zrm = {{"financien", 2}, {"huisvesting", 4}}},
                       .recorded_by = user,
                       .recorded_at = At("2025-04-20T12:00:00Z")};
  EXPECT_TRUE(tx.Assessments().Create(zrm, 0).ok());
  core::Assessment ladder{.tenant_id = tenant,
                          .data = {.person_id = p1,
                                   .kind = core::AssessmentKind::kParticipatieladder,
                                   .date = *core::Date::Parse("2025-04-21"),
                                   .rung = 3,
                                   .rungs_present = {2, 3}},
                          .recorded_by = user,
                          .recorded_at = At("2025-04-21T12:00:00Z")};
  const int64_t voided = tx.Assessments().Create(ladder, 0)->id;
  EXPECT_TRUE(tx.Assessments()
                  .Void(tenant, voided, user, "dubbel ingevoerd", At("2025-04-22T08:00:00Z"))
                  .ok());
  core::Assessment ferm{.tenant_id = tenant,
                        .data = {.person_id = p1,
                                 .kind = core::AssessmentKind::kFermWerk,
                                 .date = *core::Date::Parse("2025-05-01"),
                                 .outcome = "B"},
                        .recorded_by = user,
                        .recorded_at = At("2025-05-01T12:00:00Z")};
  EXPECT_TRUE(tx.Assessments().Create(ferm, 0).ok());

  core::Plan plan{.tenant_id = tenant,
                  .household_id = hh,
                  .version = 1,
                  .saved_at = At("2025-05-05T09:00:00Z"),
                  .saved_by = user,
                  .next_key = 5};
  core::PlanGoal goal{.key = 1,
                      .person_id = p1,
                      .domain = "taal",
                      .text = "Taalniveau B1 halen",
                      .target_date = *core::Date::Parse("2026-06-01"),
                      .status = core::GoalStatus::kLoopt};
  goal.actions.push_back({.key = 2,
                          .text = "Inschrijven taalschool",
                          .organisation_id = org,
                          .user_id = user,
                          .due_date = *core::Date::Parse("2025-06-01"),
                          .status = core::ActionStatus::kGereed,
                          .result = "Ingeschreven bij ROC"});
  plan.goals.push_back(goal);
  core::PlanGoal child{.key = 3,
                       .person_id = p2,
                       .domain = "onderwijs",
                       .text = "Naar school",
                       .target_date = *core::Date::Parse("2025-09-01"),
                       .status = core::GoalStatus::kOpen};
  child.actions.push_back({.key = 4,
                           .text = "Schoolkeuze",
                           .organisation_id = org,
                           .user_id = std::nullopt,
                           .due_date = *core::Date::Parse("2025-07-01"),
                           .status = core::ActionStatus::kOpen,
                           .result = ""});
  plan.goals.push_back(child);
  EXPECT_TRUE(tx.Plans().LockCurrentVersion(tenant, hh).ok());
  auto saved = tx.Plans().Save(plan);
  EXPECT_TRUE(saved.ok()) << saved.status().ToString();
  return hh;
}

// The package without what must differ between two exports of one
// household by two instances: package id and time, sender, and who did what
// (users are not transferred; the receiver records under its own users).
json Comparable(json package) {
  for (const char* k : {"package_id", "created_at", "sender"}) package.erase(k);
  std::function<void(json&)> strip = [&strip](json& j) {
    if (j.is_object()) {
      for (const char* k : {"recorded_by", "saved_by", "by", "responsible"}) j.erase(k);
      for (auto& [key, value] : j.items()) strip(value);
    } else if (j.is_array()) {
      for (json& v : j) strip(v);
    }
  };
  strip(package);
  if (package["plan"].is_object()) package["plan"].erase("version");
  return package;
}

// Tenant B of the fixture trusts the instance key of `sender`.
void Trust(ports::Transaction& tx, ports::Crypto& crypto, ports::Transaction& sender_tx,
           ports::Crypto& sender_crypto, int64_t tenant) {
  auto key = handover::InstanceKey(sender_tx, sender_crypto, At("2026-01-01T00:00:00Z"));
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  ports::TrustedKey trusted{.tenant_id = tenant,
                            .key_id = key->key_id,
                            .name = "Gemeente Hardinxveld-Giessendam",
                            .public_key = key->public_key,
                            .added_at = At("2026-01-01T00:00:00Z")};
  ASSERT_TRUE(tx.Handovers().AddTrustedKey(trusted).ok());
  (void)crypto;
}

class HandoverContract : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    crypto_ = MakeCrypto(1);
  }
  // Exports a fresh household of tenant A; returns the document.
  std::string ExportOne() {
    auto tx = Write();
    const int64_t hh = BuildHistory(*tx, tenant_a_, regisseur_a_, org_a1_);
    auto exported =
        handover::Export(*tx, *crypto_, tenant_a_, hh, regisseur_a_, At("2026-01-02T10:00:00Z"));
    EXPECT_TRUE(exported.ok()) << exported.status().ToString();
    EXPECT_TRUE(tx->Commit().ok());
    return exported.ok() ? exported->document : "";
  }
  StatusOr<handover::Imported> ImportB(const std::string& doc, bool allow_untrusted = false) {
    auto tx = Write();
    auto imported = handover::Import(*tx, *crypto_, NoPacks(), tenant_b_, doc, allow_untrusted, 0,
                                     At("2026-01-03T10:00:00Z"));
    if (imported.ok()) {
      EXPECT_TRUE(tx->Commit().ok());
    }
    return imported;
  }
  void TrustOwnKey() {
    auto tx = Write();
    Trust(*tx, *crypto_, *tx, *crypto_, tenant_b_);
    ASSERT_TRUE(tx->Commit().ok());
  }
  std::unique_ptr<ports::Crypto> crypto_;
};

TEST_P(HandoverContract, RepositoryKeepsKeysAndPackagesAndDecidesOnce) {
  auto tx = Write();
  EXPECT_FALSE(tx->Handovers().GetSigningKey()->has_value());
  ports::SigningKey key{"abc", "pub", "sealed", T(1)};
  ASSERT_TRUE(tx->Handovers().StoreSigningKey(key).ok());
  EXPECT_EQ(tx->Handovers().StoreSigningKey(key).reason(), "duplicate");
  EXPECT_EQ((*tx->Handovers().GetSigningKey())->public_key, "pub");

  ports::TrustedKey t{.tenant_id = tenant_b_,
                      .key_id = "k1",
                      .name = "Gemeente X",
                      .public_key = "p",
                      .added_at = T(2)};
  ASSERT_TRUE(tx->Handovers().AddTrustedKey(t).ok());
  EXPECT_EQ(tx->Handovers().AddTrustedKey(t).status().reason(), "duplicate");
  EXPECT_TRUE(tx->Handovers().FindTrustedKey(tenant_b_, "k1")->has_value());
  EXPECT_FALSE(tx->Handovers().FindTrustedKey(tenant_a_, "k1")->has_value());
  EXPECT_EQ(tx->Handovers().ListTrustedKeys(tenant_b_)->size(), 1U);

  ports::HandoverRecord r{.tenant_id = tenant_b_,
                          .package_id = "00000000-0000-4000-8000-000000000001",
                          .content_hash = "h",
                          .document = "{}",
                          .sender_code = "GM0523",
                          .sender_name = "Hardinxveld-Giessendam",
                          .household_name = "Haddad",
                          .person_count = 2,
                          .key_id = "k1",
                          .recorded_at = T(3)};
  auto stored = tx->Handovers().Insert(r);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(tx->Handovers().Insert(r).status().reason(), "duplicate");
  EXPECT_EQ(tx->Handovers().Get(tenant_a_, stored->id).status().reason(), "handover_not_found");
  EXPECT_TRUE(tx->Handovers()
                  .Find(tenant_b_, ports::HandoverDirection::kIncoming, r.package_id)
                  ->has_value());
  EXPECT_FALSE(tx->Handovers()
                   .Find(tenant_b_, ports::HandoverDirection::kOutgoing, r.package_id)
                   ->has_value());
  ASSERT_TRUE(tx->Commit().ok());

  const int64_t hh = [&] {
    auto w = Write();
    const int64_t id =
        w->Households().Create(tenant_b_, Household("Haddad", {}, regisseur_b_), T(4))->id;
    EXPECT_TRUE(w->Commit().ok());
    return id;
  }();
  auto w = Write();
  auto decided = w->Handovers().Decide(tenant_b_, stored->id, ports::HandoverStatus::kAccepted, hh,
                                       regisseur_b_, "", T(5));
  ASSERT_TRUE(decided.ok()) << decided.status().ToString();
  EXPECT_EQ(decided->status, ports::HandoverStatus::kAccepted);
  EXPECT_EQ(decided->household_id, hh);
  EXPECT_EQ(decided->decided_by, regisseur_b_);
  EXPECT_EQ(w->Handovers()
                .Decide(tenant_b_, stored->id, ports::HandoverStatus::kRejected, 0, regisseur_b_,
                        "nee", T(6))
                .status()
                .reason(),
            "handover_not_pending");
  // Only an export can be returned.
  EXPECT_EQ(w->Handovers()
                .MarkReturned(tenant_b_, stored->id, regisseur_b_, "nee", T(6))
                .status()
                .reason(),
            "handover_not_exported");
  ASSERT_TRUE(w->Commit().ok());
  auto list = Read()->Handovers().List(tenant_b_, ports::HandoverDirection::kIncoming);
  ASSERT_EQ(list->size(), 1U);
  EXPECT_EQ(list->front().household_name, "Haddad");
  // Packages are kept: not even the database owner deletes one unnoticed.
  EXPECT_FALSE(test_db_->RunSql("DELETE FROM handover_packages").ok());
}

// Names sort byte-wise on both backends: "Z" (0x5A) before "a" (0x61),
// where a locale's order would put "almelo" first.
TEST_P(HandoverContract, TrustedKeysAreInByteOrderOfName) {
  auto tx = Write();
  for (const char* name : {"almelo", "Zwolle"}) {
    ports::TrustedKey key{.tenant_id = tenant_b_,
                          .key_id = std::string("key-") + name,
                          .name = name,
                          .public_key = "p",
                          .added_at = T(1)};
    ASSERT_TRUE(tx->Handovers().AddTrustedKey(key).ok());
  }
  ASSERT_TRUE(tx->Commit().ok());
  auto keys = Read()->Handovers().ListTrustedKeys(tenant_b_);
  ASSERT_TRUE(keys.ok()) << keys.status().ToString();
  ASSERT_EQ(keys->size(), 2U);
  EXPECT_EQ((*keys)[0].name, "Zwolle");
  EXPECT_EQ((*keys)[1].name, "almelo");
}

// Forwards to another Crypto; runs `on_generate` when a signing key is
// generated, which InstanceKey does between reading and storing the key.
class GenerateHookCrypto final : public ForwardingCrypto {
 public:
  GenerateHookCrypto(ports::Crypto& inner, std::function<void()> on_generate)
      : ForwardingCrypto(inner), on_generate_(std::move(on_generate)) {}
  SigningKeyPair GenerateSigningKey() override {
    on_generate_();
    return inner_.GenerateSigningKey();
  }

 private:
  std::function<void()> on_generate_;
};

// Two first exports at once: the other one stores its key between this
// one's read and store. This one must sign with the stored key (the
// instance has one), not fail with the conflict. On PostgreSQL the other
// export is a second transaction that commits, the real race; SQLite runs
// one writer at a time, so there the key arrives through the export's own
// transaction, which takes the same conflict path.
TEST_P(HandoverContract, AFirstExportThatLosesTheRaceSignsWithTheStoredKey) {
  auto tx = Write();
  std::optional<std::string> winner;
  GenerateHookCrypto hooked(*crypto_, [&] {
    // The other export (with the plain crypto, so no hook runs again).
    const bool postgres = GetParam() == "postgresql";
    auto other = postgres ? Write() : nullptr;
    auto key = handover::InstanceKey(postgres ? *other : *tx, *crypto_, T(1));
    ASSERT_TRUE(key.ok()) << key.status().ToString();
    if (postgres) {
      ASSERT_TRUE(other->Commit().ok());
    }
    winner = key->key_id;
  });
  auto key = handover::InstanceKey(*tx, hooked, T(2));
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  ASSERT_TRUE(winner.has_value());
  EXPECT_EQ(key->key_id, *winner);
  ASSERT_TRUE(tx->Commit().ok());
  auto stored = Read()->Handovers().GetSigningKey();
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->key_id, *winner);
  // The secret that came back signs for the stored public key.
  auto signature = crypto_->SignDetached(key->secret_key, "bericht");
  ASSERT_TRUE(signature.ok()) << signature.status().ToString();
  EXPECT_TRUE(
      crypto_->VerifyDetached(*crypto_->FromBase64((*stored)->public_key), "bericht", *signature));
}

TEST_P(HandoverContract, ImportRaisesTheChangeCounter) {
  const std::string doc = ExportOne();
  TrustOwnKey();
  const int64_t before = *Read()->Tenants().ChangeCount(tenant_b_);
  ASSERT_TRUE(ImportB(doc).ok());
  EXPECT_GT(*Read()->Tenants().ChangeCount(tenant_b_), before);
}

TEST_P(HandoverContract, ExportArchivesTheHouseholdAndRefusesASecondExport) {
  auto tx = Write();
  const int64_t hh = BuildHistory(*tx, tenant_a_, regisseur_a_, org_a1_);
  auto exported =
      handover::Export(*tx, *crypto_, tenant_a_, hh, regisseur_a_, At("2026-01-02T10:00:00Z"));
  ASSERT_TRUE(exported.ok()) << exported.status().ToString();
  auto household = tx->Households().Get(tenant_a_, hh);
  EXPECT_TRUE(household->archived);
  EXPECT_NE(household->archive_reason.find(exported->record.package_id), std::string::npos);
  EXPECT_EQ(handover::Export(*tx, *crypto_, tenant_a_, hh, regisseur_a_, At("2026-01-02T10:00:00Z"))
                .status()
                .reason(),
            "household_archived");
  auto outgoing = tx->Handovers().FindByHousehold(tenant_a_, hh);
  ASSERT_TRUE(outgoing->has_value());
  EXPECT_EQ((*outgoing)->status, ports::HandoverStatus::kExported);
  EXPECT_TRUE(handover::ArchivedByHandover(*household, *outgoing));

  // Returned (the receiver rejected it): on record once, and it no longer
  // archives the household, even at the same time as the archive.
  auto returned =
      tx->Handovers().MarkReturned(tenant_a_, (*outgoing)->id, regisseur_a_,
                                   "Afgewezen door Dalfsen", At("2026-01-03T09:00:00Z"));
  ASSERT_TRUE(returned.ok()) << returned.status().ToString();
  EXPECT_EQ(returned->status, ports::HandoverStatus::kRejected);
  EXPECT_EQ(returned->decided_by, regisseur_a_);
  EXPECT_EQ(returned->decision_reason, "Afgewezen door Dalfsen");
  EXPECT_EQ(returned->decided_at, At("2026-01-03T09:00:00Z"));
  EXPECT_FALSE(handover::ArchivedByHandover(*household, *returned));
  EXPECT_EQ(tx->Handovers()
                .MarkReturned(tenant_a_, (*outgoing)->id, regisseur_a_, "nog eens",
                              At("2026-01-04T09:00:00Z"))
                .status()
                .reason(),
            "handover_not_exported");
  EXPECT_EQ(
      tx->Handovers()
          .MarkReturned(tenant_b_, (*outgoing)->id, regisseur_a_, "x", At("2026-01-04T09:00:00Z"))
          .status()
          .reason(),
      "handover_not_found");
}

TEST_P(HandoverContract, TamperedPackageIsRefusedEvenWhenUntrustedIsAllowed) {
  const std::string doc = ExportOne();
  TrustOwnKey();
  json j = json::parse(doc);
  j["package"]["household"]["persons"][0]["given_names"] = "Amira";
  auto imported = ImportB(j.dump(), /*allow_untrusted=*/true);
  EXPECT_EQ(imported.status().reason(), "handover_signature_invalid");
  // A signature of another key under the sender's key id is no better.
  json k = json::parse(doc);
  auto other = MakeCrypto(9)->GenerateSigningKey();
  k["signature"]["public_key"] = crypto_->ToBase64(other.public_key);
  EXPECT_EQ(ImportB(k.dump(), true).status().reason(), "handover_signature_invalid");
  EXPECT_EQ(ImportB("{\"format\":\"something else\"}", true).status().reason(), "handover_invalid");
  EXPECT_TRUE(Read()->Handovers().List(tenant_b_, ports::HandoverDirection::kIncoming)->empty());
  // Whitespace and member order are not content: the signature still holds.
  EXPECT_TRUE(ImportB(json::parse(doc).dump(4)).ok());
}

TEST_P(HandoverContract, UntrustedKeyIsRefusedUnlessAllowed) {
  const std::string doc = ExportOne();
  EXPECT_EQ(ImportB(doc).status().reason(), "handover_key_untrusted");
  EXPECT_TRUE(Read()->Handovers().List(tenant_b_, ports::HandoverDirection::kIncoming)->empty());
  auto allowed = ImportB(doc, true);
  ASSERT_TRUE(allowed.ok()) << allowed.status().ToString();
  EXPECT_FALSE(allowed->record.trusted);
}

TEST_P(HandoverContract, SecondImportIsIdempotentAndOtherContentConflicts) {
  const std::string doc = ExportOne();
  TrustOwnKey();
  auto first = ImportB(doc);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->created);
  EXPECT_EQ(first->record.status, ports::HandoverStatus::kPending);
  auto second = ImportB(doc);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->created);
  EXPECT_EQ(second->record.id, first->record.id);
  // Same package id, other (validly signed) content: 409.
  json j = json::parse(doc);
  j["package"]["household"]["name"] = "Haddad-Ali";
  auto key = [&] {
    auto tx = Write();
    return std::move(handover::InstanceKey(*tx, *crypto_, T(0))).value();
  }();
  auto resigned = handover::Sign(*crypto_, key, j["package"]);
  EXPECT_EQ(ImportB(resigned->dump()).status().reason(), "handover_conflict");
  EXPECT_EQ(Read()->Handovers().List(tenant_b_, ports::HandoverDirection::kIncoming)->size(), 1U);

  // Accepting twice creates one household.
  {
    auto tx = Write();
    auto accepted = handover::Accept(*tx, NoPacks(), tenant_b_, first->record.id, regisseur_b_,
                                     regisseur_b_, At("2026-01-04T10:00:00Z"));
    ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto again = ImportB(doc);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->record.status, ports::HandoverStatus::kAccepted);
  auto tx = Write();
  EXPECT_EQ(handover::Accept(*tx, NoPacks(), tenant_b_, first->record.id, regisseur_b_,
                             regisseur_b_, At("2026-01-04T10:00:00Z"))
                .status()
                .reason(),
            "handover_not_pending");
  ports::HouseholdQuery q{.tenant_id = tenant_b_};
  EXPECT_EQ(tx->Households().List(q)->items.size(), 1U);
}

TEST_P(HandoverContract, RejectNeedsAReasonAndAcceptNeedsARegisseur) {
  const std::string doc = ExportOne();
  TrustOwnKey();
  auto imported = ImportB(doc);
  ASSERT_TRUE(imported.ok());
  auto tx = Write();
  EXPECT_EQ(handover::Reject(*tx, tenant_b_, imported->record.id, regisseur_b_, "  ", T(9))
                .status()
                .reason(),
            "validation_failed");
  const int64_t partner =
      tx->Users().Create(User("partner@gm0148", "Piet", org_b1_, {core::Role::kPartner}), T(0))->id;
  auto refused =
      handover::Accept(*tx, NoPacks(), tenant_b_, imported->record.id, partner, regisseur_b_, T(9));
  ASSERT_EQ(refused.status().reason(), "validation_failed");
  EXPECT_EQ(refused.status().field_errors().front().field, "regisseur_user_id");
  auto rejected = handover::Reject(*tx, tenant_b_, imported->record.id, regisseur_b_,
                                   "Verkeerde gemeente", T(9));
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->status, ports::HandoverStatus::kRejected);
  EXPECT_EQ(rejected->decision_reason, "Verkeerde gemeente");
}

INSTANTIATE_TEST_SUITE_P(Backends, HandoverContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

// Two instances: SQLite sends, PostgreSQL receives.
TEST(HandoverRoundTrip, SqliteToPostgresLosesNothing) {
  std::string skip, error;
  auto sqlite = MakeTestDatabase("sqlite", skip, error);
  ASSERT_TRUE(error.empty()) << error;
  auto pg = MakeTestDatabase("postgresql", skip, error);
  if (!error.empty()) FAIL() << error;
  if (!pg) GTEST_SKIP() << skip;
  auto crypto_a = MakeCrypto(1);
  auto crypto_b = MakeCrypto(2);

  // Sender: a municipality on SQLite.
  auto tx_a = std::move(sqlite->db().Begin(ports::TxMode::kWrite)).value();
  const int64_t tenant_a = tx_a->Tenants().Create({"GM0523", "Hardinxveld-Giessendam"})->id;
  const int64_t org_a = tx_a->Organisations()
                            .Create(tenant_a, {"Gemeente HG", core::OrganisationKind::kGemeente})
                            ->id;
  const int64_t user_a = tx_a->Users()
                             .Create({.username = "r@gm0523",
                                      .display_name = "Fatima de Vries",
                                      .email = "f@example.org",
                                      .organisation_id = org_a,
                                      .roles = {core::Role::kRegisseur}},
                                     At("2025-01-01T00:00:00Z"))
                             ->id;
  const int64_t hh_a = BuildHistory(*tx_a, tenant_a, user_a, org_a);
  auto first =
      handover::Export(*tx_a, *crypto_a, tenant_a, hh_a, user_a, At("2026-01-02T10:00:00Z"));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE(tx_a->Commit().ok());

  // Receiver: another municipality on PostgreSQL that trusts the sender.
  auto tx_b = std::move(pg->db().Begin(ports::TxMode::kWrite)).value();
  const int64_t tenant_b = tx_b->Tenants().Create({"GM0148", "Dalfsen"})->id;
  const int64_t org_b =
      tx_b->Organisations()
          .Create(tenant_b, {"Gemeente Dalfsen", core::OrganisationKind::kGemeente})
          ->id;
  const int64_t user_b = tx_b->Users()
                             .Create({.username = "r@gm0148",
                                      .display_name = "Jan Bosch",
                                      .email = "j@example.org",
                                      .organisation_id = org_b,
                                      .roles = {core::Role::kRegisseur}},
                                     At("2025-01-01T00:00:00Z"))
                             ->id;
  {
    auto read_a = std::move(sqlite->db().Begin(ports::TxMode::kWrite)).value();
    Trust(*tx_b, *crypto_b, *read_a, *crypto_a, tenant_b);
  }
  auto imported = handover::Import(*tx_b, *crypto_b, NoPacks(), tenant_b, first->document, false,
                                   user_b, At("2026-01-03T10:00:00Z"));
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_TRUE(imported->record.trusted);
  auto accepted = handover::Accept(*tx_b, NoPacks(), tenant_b, imported->record.id, user_b, user_b,
                                   At("2026-01-04T10:00:00Z"));
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  ASSERT_TRUE(tx_b->Commit().ok());

  auto check = std::move(pg->db().Begin(ports::TxMode::kRead)).value();
  auto household = check->Households().Get(tenant_b, accepted->household_id);
  ASSERT_TRUE(household.ok());
  EXPECT_EQ(household->data.regisseur_user_id, user_b);
  EXPECT_FALSE(household->archived);
  EXPECT_EQ(check->Contacts().ListByHousehold(tenant_b, household->id)->size(), 2U);
  auto plan = check->Plans().Get(tenant_b, household->id, 0);
  ASSERT_EQ(plan->goals.size(), 2U);
  EXPECT_EQ(plan->goals[0].actions[0].organisation_id, org_b);  // the new regisseur answers for it
  EXPECT_EQ(plan->goals[0].actions[0].user_id, user_b);
  check.reset();

  auto tx_b2 = std::move(pg->db().Begin(ports::TxMode::kWrite)).value();
  auto second = handover::Export(*tx_b2, *crypto_b, tenant_b, accepted->household_id, user_b,
                                 At("2026-02-01T10:00:00Z"));
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  ASSERT_TRUE(tx_b2->Commit().ok());

  const json p1 = json::parse(first->document)["package"];
  const json p2 = json::parse(second->document)["package"];
  EXPECT_NE(p1["package_id"], p2["package_id"]);
  EXPECT_EQ(p2["sender"]["tenant_code"], "GM0148");
  // Not a vacuous comparison: the history is there.
  EXPECT_EQ(p1["household"]["persons"].size(), 2U);
  EXPECT_EQ(p1["events"].size(), 4U);
  EXPECT_EQ(p1["contacts"].size(), 2U);
  EXPECT_EQ(p1["assessments"].size(), 3U);
  EXPECT_EQ(p1["plan"]["goals"].size(), 2U);
  EXPECT_FALSE(p1["events"][2]["voided"].is_null());
  EXPECT_EQ(Comparable(p1).dump(2), Comparable(p2).dump(2));
}

}  // namespace
}  // namespace regie::testing
