#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "api_fixture.h"
#include "http/handover_service.h"

// The handover tests' fixture (handovers_api_test.cc,
// handover_validation_api_test.cc): tenant A's household with two persons
// and a contact, the instance key trusted where a test says, packs active in
// tenant B where a test says, packages changed and signed again so only
// their content is at fault.
namespace regie::testing {

class HandoversApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    household_ = CreateHousehold("Tesfay", {PersonBody("Senait", "Tesfay", "111222333"),
                                            PersonBody("Yonas", "Tesfay", TestBsn(1))});
    id_ = household_["id"].get<int64_t>();
    const std::string contacts =
        Base(tenant_a_) + "/households/" + std::to_string(id_) + "/contacts";
    ASSERT_EQ(Post(contacts, {{"date", "2026-11-20"},
                              {"type", "huisbezoek"},
                              {"participants", {"Senait Tesfay"}},
                              {"note", "Verhuizing naar Dalfsen besproken."}})
                  .status,
              201U);
  }

  std::string PackageUrl() const {
    return Base(tenant_a_) + "/households/" + std::to_string(id_) + "/handover-package";
  }

  void TrustInstanceKeyIn(int64_t tenant) {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    auto key = http::handover::InstanceKey(*tx, *crypto_, clock_->Now());
    ASSERT_TRUE(key.ok()) << key.status().ToString();
    ASSERT_TRUE(tx->Handovers()
                    .AddTrustedKey({.tenant_id = tenant,
                                    .key_id = key->key_id,
                                    .name = "Gemeente Hardinxveld-Giessendam",
                                    .public_key = key->public_key,
                                    .added_at = clock_->Now()})
                    .ok());
    ASSERT_TRUE(tx->Commit().ok());
  }

  // As a beheer user of tenant B (added on first use), then "regisseur_b":
  // the receiver applies the Wet inburgering 2021 (from 2022) and Dalfsen's
  // own pack (from 2017), whose declarations a package's events then meet
  // (asserts 200).
  void ActivatePacksInB() {
    if (!users_.contains("beheer_b")) {
      auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
      AddUser(*tx, "beheer_b", org_b_gem_, core::Role::kBeheer);
      ASSERT_TRUE(tx->Commit().ok());
    }
    As("beheer_b");
    HttpResult r = Put(Base(tenant_b_) + "/policy/activations",
                       {{"activations",
                         {{{"pack_id", "nl-wet-inburgering-2021"}, {"from", "2022-01-01"}},
                          {{"pack_id", "dalfsen-2017"}, {"from", "2017-01-01"}}}}});
    ASSERT_EQ(r.status, 200U) << r.body;
    As("regisseur_b");
  }

  // `document` with its package changed by `change` and signed again with
  // this instance's key: the signature holds, only the content is at fault.
  nlohmann::json Resigned(nlohmann::json document,
                          const std::function<void(nlohmann::json&)>& change) {
    change(document["package"]);
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    auto key = http::handover::InstanceKey(*tx, *crypto_, clock_->Now());
    EXPECT_TRUE(key.ok()) << key.status().ToString();
    EXPECT_TRUE(tx->Commit().ok());
    auto signed_document = http::handover::Sign(*crypto_, *key, document["package"]);
    EXPECT_TRUE(signed_document.ok()) << signed_document.status().ToString();
    return *signed_document;
  }

  // The household exported by "regisseur", and its package uploaded to
  // tenant B (trusted) by "regisseur_b", who stays the user; returns the
  // upload's summary.
  nlohmann::json UploadToB() {
    As("regisseur");
    const nlohmann::json document = Post(PackageUrl(), nlohmann::json::object()).json();
    TrustInstanceKeyIn(tenant_b_);
    As("regisseur_b");
    HttpResult imported = Post(Base(tenant_b_) + "/handovers", document);
    EXPECT_EQ(imported.status, 201U) << imported.body;
    return imported.json();
  }

  nlohmann::json household_;
  int64_t id_ = 0;
};

// A plan goal of the package format.
inline nlohmann::json PackageGoal(int64_t key, const std::string& text) {
  return {{"key", key},
          {"person", "p1"},
          {"domain", "werk_inkomen"},
          {"text", text},
          {"status", "open"},
          {"target_date", "2027-06-01"},
          {"actions", nlohmann::json::array()}};
}

inline bool HasError(const nlohmann::json& problem, const std::string& field,
                     const std::string& code) {
  for (const nlohmann::json& e : problem.value("errors", nlohmann::json::array()))
    if (e.value("field", "") == field && e.value("code", "") == code) return true;
  return false;
}

}  // namespace regie::testing
