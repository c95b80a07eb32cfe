// The regional benchmark over HTTP on both backends: only a beleid user of
// a member that shares gets it; members that do not share are absent; an
// opt-out stops sharing with the next request (through the cache); every
// count 1..4 is suppressed; the regional total is the sum of the members'
// exact counts, suppressed after summing and together with the members'
// tables, so no published line (the member axis included) narrows a "<5";
// no person of any tenant appears.
#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "api_fixture.h"
#include "core/indicators/report.h"
#include "core/policy/demo_events.h"
#include "core/policy/person.h"
#include "core/stats/line_audit_testing.h"
#include "http/indicator_source.h"

namespace regie::testing {
namespace {

using nlohmann::json;
namespace policy = core::policy;

const core::Date kOn = *core::Date::Parse("2026-11-01");

class BenchmarkApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    tenant_c_ = tx->Tenants().Create({"GM0505", "Dordrecht"})->id;
    tenant_d_ = tx->Tenants().Create({"GM0344", "Utrecht"})->id;
    const int64_t org_c =
        tx->Organisations()
            .Create(tenant_c_, {"Gemeente Dordrecht", core::OrganisationKind::kGemeente})
            ->id;
    const int64_t org_d =
        tx->Organisations()
            .Create(tenant_d_, {"Gemeente Utrecht", core::OrganisationKind::kGemeente})
            ->id;
    auto user = [&](const std::string& name, int64_t org_id, core::Role role) {
      return AddUser(*tx, name, org_id, role);
    };
    user("beleid_b", org_b_gem_, core::Role::kBeleid);
    user("beheer_b", org_b_gem_, core::Role::kBeheer);
    const int64_t regisseur_c = user("regisseur_c", org_c, core::Role::kRegisseur);
    user("beleid_c", org_c, core::Role::kBeleid);
    user("beleid_d", org_d, core::Role::kBeleid);

    // Every tenant runs the national packs; each gets its own persons.
    const std::vector<std::pair<int64_t, std::string>> tenants = {
        {tenant_a_, "GM0523"}, {tenant_b_, "GM0148"}, {tenant_c_, "GM0505"}};
    const std::vector<int64_t> regisseurs = {UserId("regisseur"), UserId("regisseur_b"),
                                             regisseur_c};
    const std::vector<int> sizes = {23, 9, 14};
    for (size_t t = 0; t < tenants.size(); ++t) {
      const auto& [tenant, code] = tenants[t];
      std::vector<ports::StoredActivation> acts;
      for (policy::Activation& a : policy::DemoActivations(policies_->library(), code))
        if (a.pack_id.rfind("nl-", 0) == 0) acts.push_back({std::move(a), 0, core::Timestamp{0}});
      ASSERT_FALSE(acts.empty());
      ASSERT_TRUE(tx->Policy().ReplaceActivations(tenant, acts).ok());
    }
    ASSERT_TRUE(tx->Commit().ok());

    for (size_t t = 0; t < tenants.size(); ++t) {
      const int64_t tenant = tenants[t].first;
      auto compiled = policies_->ForTenant(
          *std::move(test_db_->db().Begin(ports::TxMode::kRead)).value(), tenant);
      ASSERT_TRUE(compiled.ok()) << compiled.status().message();
      auto wtx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
      const std::string family = "Geheimnaam" + std::to_string(t);
      families_.push_back(family);
      const int64_t household =
          wtx->Households().Create(tenant, {family, regisseurs[t], {}}, clock_->Now())->id;
      for (int i = 0; i < sizes[t]; ++i) {
        core::PersonData p;
        p.given_names = "Persoon" + std::to_string(i);
        p.family_name = family;
        p.birth_date = core::Date::Parse("1980-01-01")->AddDays(300 * i);
        p.sex = i % 2 ? core::Sex::kMale : core::Sex::kFemale;
        p.nationality = "SY";
        p.permit_date = core::Date::Parse("2022-03-01")->AddDays(41 * i);
        p.housing_date = p.permit_date->AddDays(60);
        p.role = i == 0 ? core::HouseholdRole::kHead : core::HouseholdRole::kOther;
        auto person = wtx->Persons().Create(tenant, household, p, clock_->Now());
        ASSERT_TRUE(person.ok()) << person.status().ToString();
        for (const policy::PersonEvent& e :
             policy::DemoEvents(**compiled, policy::FactsFromPerson(p), kOn,
                                static_cast<uint64_t>(1000 * t + static_cast<size_t>(i)))) {
          ports::StoredEvent stored;
          stored.tenant_id = tenant;
          stored.person_id = person->id;
          stored.event = e;
          stored.recorded_by = regisseurs[t];
          stored.recorded_at = clock_->Now();
          ASSERT_TRUE(wtx->Policy().RecordEvent(stored).ok());
        }
      }
      ASSERT_TRUE(wtx->Commit().ok());
    }

    // Region DEMO: A and B share, C is a member that does not; D is outside.
    auto rtx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
    region_ = rtx->Regions()
                  .CreateRegion({"DEMO", "Regio Demo", core::RegionKind::kRegio}, clock_->Now())
                  ->id;
    for (int64_t t : {tenant_a_, tenant_b_, tenant_c_})
      ASSERT_TRUE(rtx->Regions().Join(region_, t, clock_->Now()).ok());
    for (int64_t t : {tenant_a_, tenant_b_})
      ASSERT_TRUE(rtx->Regions().SetSharing(region_, t, true, 0, clock_->Now()).ok());
    ASSERT_TRUE(rtx->Commit().ok());
  }

  std::string Url(int64_t tenant) const {
    return Base(tenant) + "/benchmark?region=DEMO&on=" + kOn.ToString();
  }

  static std::set<int64_t> MemberIds(const json& body) {
    std::set<int64_t> out;
    for (const json& m : body["members"]) out.insert(m["tenant_id"].get<int64_t>());
    return out;
  }

  // Every count object anywhere: {"value", "text", "state"}.
  static void WalkCounts(const json& j, std::vector<json>& out) {
    if (j.is_object()) {
      if (j.contains("state") && j.contains("text") && j.contains("value")) out.push_back(j);
      for (const auto& item : j.items()) WalkCounts(item.value(), out);
    } else if (j.is_array()) {
      for (const json& x : j) WalkCounts(x, out);
    }
  }

  core::indicators::Report Exact(int64_t tenant) {
    auto tx = std::move(test_db_->db().Begin(ports::TxMode::kRead)).value();
    core::indicators::EngineOptions options;
    options.breakdowns = {
        {core::indicators::Dimension::kTotal, core::indicators::Dimension::kTotal},
        {core::indicators::Dimension::kCohort, core::indicators::Dimension::kTotal}};
    options.survival = false;
    options.ladder_quarters = 0;
    return std::move(http::ComputeTenantIndicators(*tx, *policies_, tenant, kOn, options)).value();
  }

  // Audits every line the answer publishes: each table's rows and columns
  // (the member's and the region's) and the member axis (the members'
  // counts add up to the region's), against the exact reports of the
  // members in the answer. "" when no line narrows a "<5" or pins an "x".
  static std::string AuditLines(const json& body,
                                const std::map<int64_t, core::indicators::Report>& exact) {
    using core::stats::testing::AuditCell;
    static constexpr std::array<const char*, 5> kSlots = {
        "satisfied", "not_satisfied", "within_window", "anchor_missing", "total"};
    using Row = std::array<AuditCell, 5>;
    std::string out;
    auto audit = [&](const std::string& what, const std::vector<AuditCell>& entries,
                     const AuditCell& total) {
      const std::string leak = core::stats::testing::AuditLine(entries, total, 100000);
      if (!leak.empty()) out += what + ": " + leak + "\n";
    };
    // The exact slots of a row ("" the total) of an indicator in a report.
    auto exact_row = [](const core::indicators::Report& r, const json& ind,
                        const std::string& label) {
      std::array<int64_t, 5> n{};
      for (const auto& f : r.indicators) {
        if (f.id != ind.at("id") || f.pack.id != ind.at("pack_id")) continue;
        const auto d = label.empty() ? core::indicators::Dimension::kTotal
                                     : core::indicators::Dimension::kCohort;
        for (const auto& b : f.breakdowns) {
          if (b.breakdown.first != d || b.breakdown.second != core::indicators::Dimension::kTotal)
            continue;
          for (const auto& c : b.cells)
            if (label.empty() || r.Labels(d).at(c.first) == label)
              n = {c.satisfied, c.not_satisfied, c.within_window, c.anchor_missing,
                   c.satisfied + c.not_satisfied + c.within_window + c.anchor_missing};
        }
      }
      return n;
    };
    // The published row: states from the answer (a row absent is nobody).
    auto row = [&](const json& figures, const std::string& label, const std::array<int64_t, 5>& n,
                   const std::string& what) {
      const json& cell = label.empty()                           ? figures.at("total")
                         : figures.at("cohorts").contains(label) ? figures.at("cohorts").at(label)
                                                                 : json(nullptr);
      Row r{};
      for (size_t k = 0; k < 5; ++k) {
        r[k].count = n[k];
        if (cell.is_null()) {
          EXPECT_EQ(n[k], 0) << what;
          continue;
        }
        const std::string state = cell.at(kSlots[k]).at("state");
        r[k].state = state == "below_threshold" ? core::stats::CellState::kBelowThreshold
                     : state == "complementary" ? core::stats::CellState::kComplementary
                                                : core::stats::CellState::kShown;
        if (state == "shown") {
          EXPECT_EQ(cell.at(kSlots[k]).at("value"), n[k]) << what << kSlots[k];
        }
      }
      return r;
    };
    std::vector<std::string> labels = {""};
    for (const json& l : body.at("cohorts")) labels.push_back(l.get<std::string>());
    for (const json& ind : body.at("indicators")) {
      const std::string id = ind.at("id");
      // tables[t][label index]: the members' tables, then the region's.
      std::vector<std::vector<Row>> tables;
      for (const json& m : ind.at("members")) {
        const core::indicators::Report& r = exact.at(m.at("tenant_id").get<int64_t>());
        std::vector<Row>& rows = tables.emplace_back();
        for (const std::string& l : labels) rows.push_back(row(m, l, exact_row(r, ind, l), id));
      }
      std::vector<Row> region;
      for (size_t i = 0; i < labels.size(); ++i) {
        std::array<int64_t, 5> sum{};
        for (const std::vector<Row>& t : tables)
          for (size_t k = 0; k < 5; ++k) sum[k] += t[i][k].count;
        region.push_back(row(ind.at("region"), labels[i], sum, id + " region"));
      }
      tables.push_back(std::move(region));
      for (size_t t = 0; t < tables.size(); ++t) {
        const std::string name = id + " table " + std::to_string(t);
        for (size_t i = 0; i < labels.size(); ++i) {
          const Row& r = tables[t][i];
          audit(name + " row " + labels[i], {r[0], r[1], r[2], r[3]}, r[4]);
        }
        for (size_t k = 0; k < 5; ++k) {
          std::vector<AuditCell> column;
          for (size_t i = 1; i < labels.size(); ++i) column.push_back(tables[t][i][k]);
          audit(name + " column " + kSlots[k], column, tables[t][0][k]);
        }
      }
      for (size_t i = 0; i < labels.size(); ++i)
        for (size_t k = 0; k < 5; ++k) {
          std::vector<AuditCell> members;
          for (size_t t = 0; t + 1 < tables.size(); ++t) members.push_back(tables[t][i][k]);
          audit(id + " member axis " + labels[i] + " " + kSlots[k], members, tables.back()[i][k]);
        }
    }
    return out;
  }

  int64_t tenant_c_ = 0, tenant_d_ = 0, region_ = 0;
  std::vector<std::string> families_;
};

TEST_P(BenchmarkApiTest, BeleidOfASharingMemberSeesSharingMembersAndTheTotal) {
  As("beleid");
  HttpResult r = Get(Url(tenant_a_));
  ASSERT_EQ(r.status, 200U) << r.body;
  const json body = r.json();
  EXPECT_EQ(body["region"]["code"], "DEMO");
  EXPECT_EQ(body["own_tenant_id"], tenant_a_);
  // C is a member but does not share: absent, not even named.
  EXPECT_EQ(MemberIds(body), (std::set<int64_t>{tenant_a_, tenant_b_}));
  EXPECT_EQ(r.body.find("Dordrecht"), std::string::npos);
  for (const json& m : body["members"]) EXPECT_EQ(m["own"], m["tenant_id"] == tenant_a_);
  ASSERT_FALSE(body["indicators"].empty());
  for (const json& ind : body["indicators"]) {
    EXPECT_EQ(ind["members"].size(), 2U);
    EXPECT_TRUE(ind["region"].contains("total"));
  }
  // The G40 reference with its source.
  EXPECT_EQ(body["reference"]["source"]["publisher"], "EenVandaag");
  EXPECT_EQ(body["reference"]["statements"].size(), 2U);
  // No person of any tenant: no names, no person or household keys.
  for (const std::string& family : families_)
    EXPECT_EQ(r.body.find(family), std::string::npos) << family;
  EXPECT_EQ(r.body.find("\"person_id\""), std::string::npos);
  EXPECT_EQ(r.body.find("\"household"), std::string::npos);
}

TEST_P(BenchmarkApiTest, EveryCountOneToFourIsSuppressed) {
  As("beleid");
  HttpResult r = Get(Url(tenant_a_));
  ASSERT_EQ(r.status, 200U) << r.body;
  std::vector<json> counts;
  WalkCounts(r.json(), counts);
  ASSERT_FALSE(counts.empty());
  size_t suppressed = 0;
  for (const json& c : counts) {
    if (c["state"] == "shown") {
      const int64_t v = c["value"].get<int64_t>();
      EXPECT_TRUE(v == 0 || v >= 5) << c.dump();
      EXPECT_EQ(c["text"], std::to_string(v));
    } else {
      EXPECT_TRUE(c["value"].is_null()) << c.dump();
      EXPECT_TRUE(c["text"] == "<5" || c["text"] == "x") << c.dump();
      ++suppressed;
    }
  }
  // The fixture's small cohorts (9 persons in B) must have produced some.
  EXPECT_GT(suppressed, 0U);
}

TEST_P(BenchmarkApiTest, RegionalTotalIsTheSumOfExactCountsThenSuppressed) {
  const core::indicators::Report a = Exact(tenant_a_);
  const core::indicators::Report b = Exact(tenant_b_);
  As("beleid");
  HttpResult r = Get(Url(tenant_a_));
  ASSERT_EQ(r.status, 200U) << r.body;
  size_t checked = 0;
  const json body = r.json();
  for (const json& ind : body["indicators"]) {
    int64_t satisfied = 0, not_satisfied = 0;
    for (const core::indicators::Report* rep : {&a, &b})
      for (const auto& f : rep->indicators)
        if (f.id == ind["id"] && f.pack.id == ind["pack_id"] && !f.breakdowns.empty() &&
            !f.breakdowns[0].cells.empty()) {
          satisfied += f.breakdowns[0].cells[0].satisfied;
          not_satisfied += f.breakdowns[0].cells[0].not_satisfied;
        }
    const json& total = ind["region"]["total"];
    if (total.is_null()) {
      EXPECT_EQ(satisfied + not_satisfied, 0) << ind["id"];
      continue;
    }
    for (const auto& [key, exact] : {std::pair<std::string, int64_t>{"satisfied", satisfied},
                                     {"not_satisfied", not_satisfied}}) {
      const json& c = total[key];
      if (exact >= 1 && exact <= 4) {
        EXPECT_EQ(c["state"], "below_threshold") << ind["id"] << " " << key;
      } else if (c["state"] == "shown") {
        EXPECT_EQ(c["value"].get<int64_t>(), exact) << ind["id"] << " " << key;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 0U);
}

// The members' counts add up to the region's: no line of the answer, the
// member axis included, narrows a member's "<5"; with two sharing members
// and then with the third sharing too.
TEST_P(BenchmarkApiTest, NoPublishedLineNarrowsASmallCell) {
  std::map<int64_t, core::indicators::Report> exact;
  for (int64_t t : {tenant_a_, tenant_b_}) exact.emplace(t, Exact(t));
  As("beleid");
  HttpResult r = Get(Url(tenant_a_));
  ASSERT_EQ(r.status, 200U) << r.body;
  const json body = r.json();
  ASSERT_FALSE(body.at("cohorts").empty());
  EXPECT_EQ(AuditLines(body, exact), "");

  auto tx = std::move(test_db_->db().Begin(ports::TxMode::kWrite)).value();
  ASSERT_TRUE(tx->Regions().SetSharing(region_, tenant_c_, true, 0, clock_->Now()).ok());
  ASSERT_TRUE(tx->Commit().ok());
  exact.emplace(tenant_c_, Exact(tenant_c_));
  HttpResult three = Get(Url(tenant_a_));
  ASSERT_EQ(three.status, 200U) << three.body;
  const json body3 = three.json();
  EXPECT_EQ(MemberIds(body3), (std::set<int64_t>{tenant_a_, tenant_b_, tenant_c_}));
  EXPECT_EQ(AuditLines(body3, exact), "");
}

TEST_P(BenchmarkApiTest, OptOutStopsSharingOnTheNextRequest) {
  As("beleid");
  ASSERT_EQ(MemberIds(Get(Url(tenant_a_)).json()), (std::set<int64_t>{tenant_a_, tenant_b_}));
  // Cached now; B's beheer opts out.
  As("beheer_b");
  HttpResult out = Put(Base(tenant_b_) + "/regions/DEMO/sharing", json{{"sharing", false}});
  ASSERT_EQ(out.status, 200U) << out.body;
  EXPECT_EQ(out.json()["sharing"], false);
  EXPECT_EQ(out.json()["decided_by"]["id"], UserId("beheer_b"));
  As("beleid");
  HttpResult r = Get(Url(tenant_a_));
  ASSERT_EQ(r.status, 200U);
  EXPECT_EQ(MemberIds(r.json()), (std::set<int64_t>{tenant_a_}));
  EXPECT_EQ(r.body.find("Dalfsen"), std::string::npos);
  // And B's beleid no longer gets the benchmark.
  As("beleid_b");
  HttpResult b = Get(Url(tenant_b_));
  EXPECT_EQ(b.status, 403U);
  EXPECT_EQ(b.json()["code"], "not_sharing");
}

TEST_P(BenchmarkApiTest, RefusesNonMembersOtherRolesAndOtherTenants) {
  As("beleid_d");  // Utrecht: not a member
  HttpResult d = Get(Url(tenant_d_));
  EXPECT_EQ(d.status, 403U);
  EXPECT_EQ(d.json()["code"], "not_a_member");
  As("beleid_c");  // member, not sharing
  HttpResult c = Get(Url(tenant_c_));
  EXPECT_EQ(c.status, 403U);
  EXPECT_EQ(c.json()["code"], "not_sharing");
  As("beleid_d");  // asking for another tenant's benchmark
  EXPECT_EQ(Get(Url(tenant_a_)).status, 404U);
  for (const char* who : {"regisseur", "beheer", "auditor", "partner"}) {
    As(who);
    EXPECT_EQ(Get(Url(tenant_a_)).status, 403U) << who;
  }
  As("beleid");
  HttpResult bad = Get(Base(tenant_a_) + "/benchmark?on=2026-13-01");
  EXPECT_EQ(bad.status, 422U) << bad.body;
}

TEST_P(BenchmarkApiTest, SharingIsBeheersDecisionAndListed) {
  As("beleid");
  EXPECT_EQ(Put(Base(tenant_a_) + "/regions/DEMO/sharing", json{{"sharing", false}}).status, 403U);
  HttpResult list = Get(Base(tenant_a_) + "/regions");
  ASSERT_EQ(list.status, 200U) << list.body;
  ASSERT_EQ(list.json()["items"].size(), 1U);
  EXPECT_EQ(list.json()["items"][0]["region"]["code"], "DEMO");
  EXPECT_EQ(list.json()["items"][0]["sharing"], true);
  As("beheer");
  EXPECT_EQ(Put(Base(tenant_a_) + "/regions/DEMO/sharing", json{{"sharing", "ja"}}).status, 422U);
  EXPECT_EQ(Put(Base(tenant_a_) + "/regions/NOPE/sharing", json{{"sharing", true}}).status, 404U);
  EXPECT_EQ(Put(Base(tenant_b_) + "/regions/DEMO/sharing", json{{"sharing", false}}).status, 404U);
  HttpResult g40 = Get("/api/v1/reference/g40-2018");
  ASSERT_EQ(g40.status, 200U);
  EXPECT_EQ(g40.json()["statements"][0]["n"], 32);
}

INSTANTIATE_TEST_SUITE_P(Backends, BenchmarkApiTest, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
