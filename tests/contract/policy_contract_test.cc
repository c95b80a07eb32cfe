// The policy repository on both backends: person events (recorded, read
// per person, household and tenant page, voided) and a tenant's pack
// activations (replaced as a whole), each method confined to its tenant;
// and migration 3 onto an empty and onto a version 2 database.
#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "contract_fixture.h"

namespace regie::testing {
namespace {

using ports::StoredActivation;
using ports::StoredEvent;

// Tenant A: household Haddad (Amina, Omar), household Tesfay (Yonas).
// Tenant B: household Bosch (Kees).
class PolicyContract : public ContractTest {
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
    kees_ = tx->Persons().Create(tenant_b_, household_b_, Person("Kees", "Bosch"), T(1))->id;
    ASSERT_TRUE(tx->Commit().ok());
  }

  // An event of tenant A recorded by its regisseur.
  StoredEvent Event(int64_t person, std::string name, const char* date,
                    std::optional<int32_t> value = std::nullopt, std::string code = "",
                    std::string reason = "") const {
    StoredEvent e;
    e.tenant_id = tenant_a_;
    e.person_id = person;
    e.event = {std::move(name), D(date), value, std::move(code), std::move(reason)};
    e.recorded_by = regisseur_a_;
    e.recorded_at = T(100);
    return e;
  }

  // Records `e` in its own committed transaction.
  StoredEvent Record(const StoredEvent& e) {
    auto tx = Write();
    auto stored = tx->Policy().RecordEvent(e);
    EXPECT_TRUE(stored.ok()) << stored.status().ToString();
    EXPECT_TRUE(tx->Commit().ok());
    return stored.ok() ? *stored : StoredEvent{};
  }

  static StoredActivation Activation(std::string pack, const char* from,
                                     std::optional<core::Date> to, int64_t by, int64_t at) {
    return {{std::move(pack), D(from), to}, by, T(at)};
  }

  // The ids of `events`, in order.
  static std::vector<int64_t> Ids(const std::vector<StoredEvent>& events) {
    std::vector<int64_t> out;
    for (const auto& e : events) out.push_back(e.id);
    return out;
  }

  int64_t household_ = 0, other_household_ = 0, household_b_ = 0;
  int64_t amina_ = 0, omar_ = 0, yonas_ = 0, kees_ = 0;
};

void ExpectSameEvent(const StoredEvent& got, const StoredEvent& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.tenant_id, want.tenant_id);
  EXPECT_EQ(got.person_id, want.person_id);
  EXPECT_EQ(got.event.event, want.event.event);
  EXPECT_EQ(got.event.date, want.event.date);
  EXPECT_EQ(got.event.value, want.event.value);
  EXPECT_EQ(got.event.code, want.event.code);
  EXPECT_EQ(got.event.reason, want.event.reason);
  EXPECT_EQ(got.recorded_by, want.recorded_by);
  EXPECT_EQ(got.recorded_at, want.recorded_at);
  EXPECT_EQ(got.voided_at, want.voided_at);
  EXPECT_EQ(got.voided_by, want.voided_by);
  EXPECT_EQ(got.void_reason, want.void_reason);
}

void ExpectSameActivations(const std::vector<StoredActivation>& got,
                           const std::vector<StoredActivation>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].activation.pack_id, want[i].activation.pack_id) << i;
    EXPECT_EQ(got[i].activation.from, want[i].activation.from) << i;
    EXPECT_EQ(got[i].activation.to, want[i].activation.to) << i;
    EXPECT_EQ(got[i].recorded_by, want[i].recorded_by) << i;
    EXPECT_EQ(got[i].recorded_at, want[i].recorded_at) << i;
  }
}

TEST_P(PolicyContract, EventRoundTripsEveryField) {
  // A value of 0 and a negative one are values, not absent ones.
  auto rung = Event(amina_, "trede", "2025-02-01", -2147483647 - 1, "", "");
  auto route = Event(amina_, "leerroute", "2025-03-15", std::nullopt, "b1_route", "");
  auto exempt = Event(amina_, "ontheffing", "2025-04-30", 0, "", "medisch — \"arts\"");
  auto tx = Write();
  std::vector<StoredEvent> written;
  for (const auto& e : {rung, route, exempt}) {
    auto stored = tx->Policy().RecordEvent(e);
    ASSERT_TRUE(stored.ok()) << stored.status().ToString();
    EXPECT_GT(stored->id, 0);
    StoredEvent want = e;
    want.id = stored->id;
    ExpectSameEvent(*stored, want);
    written.push_back(*stored);
  }
  // Voided fields on the input are not written.
  auto pre_voided = Event(amina_, "trede", "2025-05-01", 2147483647);
  pre_voided.voided_at = T(5);
  pre_voided.voided_by = regisseur_a_;
  pre_voided.void_reason = "ignored";
  auto clean = tx->Policy().RecordEvent(pre_voided);
  ASSERT_TRUE(clean.ok()) << clean.status().ToString();
  EXPECT_FALSE(clean->voided_at.has_value());
  EXPECT_EQ(clean->voided_by, 0);
  EXPECT_EQ(clean->void_reason, "");
  EXPECT_EQ(clean->event.value, 2147483647);
  written.push_back(*clean);
  ASSERT_TRUE(tx->Commit().ok());

  tx = Write();
  auto voided =
      tx->Policy().VoidEvent(tenant_a_, written[1].id, regisseur_a_, "verkeerde route", T(200));
  ASSERT_TRUE(voided.ok()) << voided.status().ToString();
  ASSERT_TRUE(tx->Commit().ok());
  written[1].voided_at = T(200);
  written[1].voided_by = regisseur_a_;
  written[1].void_reason = "verkeerde route";
  ExpectSameEvent(*voided, written[1]);

  auto read = Read()->Policy().EventsOfPerson(tenant_a_, amina_);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->size(), written.size());  // voided ones included
  for (size_t i = 0; i < written.size(); ++i) ExpectSameEvent((*read)[i], written[i]);
}

TEST_P(PolicyContract, EventsOfPersonAreOrderedByDateThenId) {
  auto late = Record(Event(amina_, "a", "2025-06-01"));
  auto early = Record(Event(amina_, "b", "2024-12-31"));
  auto same1 = Record(Event(amina_, "c", "2025-01-01"));
  auto same2 = Record(Event(amina_, "d", "2025-01-01"));
  Record(Event(omar_, "e", "2025-01-01"));  // another person's
  auto events = Read()->Policy().EventsOfPerson(tenant_a_, amina_);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  EXPECT_EQ(Ids(*events), (std::vector<int64_t>{early.id, same1.id, same2.id, late.id}));
  EXPECT_TRUE(Read()->Policy().EventsOfPerson(tenant_a_, yonas_)->empty());
}

TEST_P(PolicyContract, EventsOfPersonsAreLiveAndOrderedByPersonDateThenId) {
  auto omar_late = Record(Event(omar_, "a", "2025-06-01"));
  auto amina_late = Record(Event(amina_, "b", "2025-03-01"));
  auto amina_early = Record(Event(amina_, "c", "2024-12-31"));
  auto gone = Record(Event(amina_, "d", "2025-01-01"));
  auto tx = Write();
  ASSERT_TRUE(tx->Policy().VoidEvent(tenant_a_, gone.id, regisseur_a_, "dubbel", T(300)).ok());
  ASSERT_TRUE(tx->Commit().ok());
  auto events = Read()->Policy().EventsOfPersons(tenant_a_, 0, INT64_MAX);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  std::vector<int64_t> want = {amina_early.id, amina_late.id, omar_late.id};
  if (omar_ < amina_) want = {omar_late.id, amina_early.id, amina_late.id};
  EXPECT_EQ(Ids(*events), want);  // the voided one is left out
}

TEST_P(PolicyContract, EveryEventMethodStaysInItsTenant) {
  auto a = Record(Event(amina_, "trede", "2025-02-01", 3));
  auto b_event = Event(kees_, "trede", "2025-02-01", 4);
  b_event.tenant_id = tenant_b_;
  b_event.recorded_by = regisseur_b_;
  auto b = Record(b_event);

  auto tx = Write();
  // Amina is no person of tenant B, Kees none of A.
  auto cross = Event(amina_, "trede", "2025-03-01");
  cross.tenant_id = tenant_b_;
  EXPECT_EQ(tx->Policy().RecordEvent(cross).status().reason(), "person_not_found");
  EXPECT_EQ(tx->Policy().RecordEvent(Event(kees_, "trede", "2025-03-01")).status().reason(),
            "person_not_found");
  EXPECT_EQ(tx->Policy().RecordEvent(Event(999999, "trede", "2025-03-01")).status().reason(),
            "person_not_found");
  EXPECT_EQ(tx->Policy().EventsOfPerson(tenant_b_, amina_).status().reason(), "person_not_found");
  EXPECT_EQ(tx->Policy().EventsOfHousehold(tenant_b_, household_).status().reason(),
            "household_not_found");
  auto void_other = tx->Policy().VoidEvent(tenant_b_, a.id, regisseur_b_, "x", T(300));
  EXPECT_EQ(void_other.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(void_other.status().reason(), "event_not_found");
  EXPECT_EQ(tx->Policy().VoidEvent(tenant_a_, 999999, regisseur_a_, "x", T(300)).status().reason(),
            "event_not_found");
  // The refusals left the transaction usable (no failed statement on
  // PostgreSQL) and wrote nothing.
  ASSERT_TRUE(tx->Commit().ok());

  auto r = Read();
  EXPECT_EQ(Ids(*r->Policy().EventsOfPerson(tenant_a_, amina_)), std::vector<int64_t>{a.id});
  EXPECT_FALSE((*r->Policy().EventsOfPerson(tenant_a_, amina_))[0].voided_at.has_value());
  EXPECT_EQ(Ids(*r->Policy().EventsOfPersons(tenant_a_, 0, INT64_MAX)), std::vector<int64_t>{a.id});
  EXPECT_EQ(Ids(*r->Policy().EventsOfPersons(tenant_b_, 0, INT64_MAX)), std::vector<int64_t>{b.id});
  EXPECT_EQ(Ids(*r->Policy().EventsOfHousehold(tenant_b_, household_b_)),
            std::vector<int64_t>{b.id});
  EXPECT_TRUE(r->Policy().EventsOfPersons(999999, 0, INT64_MAX)->empty());
  // The range is (after, last]: the person's own id includes him, the id
  // before him does not; an empty range is fine, a reversed one refused.
  EXPECT_EQ(Ids(*r->Policy().EventsOfPersons(tenant_a_, amina_ - 1, amina_)),
            std::vector<int64_t>{a.id});
  EXPECT_TRUE(r->Policy().EventsOfPersons(tenant_a_, amina_, INT64_MAX)->empty());
  EXPECT_TRUE(r->Policy().EventsOfPersons(tenant_a_, amina_, amina_)->empty());
  EXPECT_EQ(r->Policy().EventsOfPersons(tenant_a_, amina_, amina_ - 1).status().reason(),
            "invalid_range");
}

TEST_P(PolicyContract, UnknownUsersAreRefusedWithoutSpoilingTheTransaction) {
  auto e = Record(Event(amina_, "trede", "2025-02-01", 1));
  auto tx = Write();
  auto bad = Event(amina_, "trede", "2025-03-01");
  bad.recorded_by = 999999;
  auto refused = tx->Policy().RecordEvent(bad);
  EXPECT_EQ(refused.status().reason(), "validation_failed");
  EXPECT_EQ(refused.status().field_errors(),
            (std::vector<FieldError>{{"recorded_by", "invalid_reference"}}));
  auto void_refused = tx->Policy().VoidEvent(tenant_a_, e.id, 999999, "x", T(300));
  EXPECT_EQ(void_refused.status().reason(), "validation_failed");
  EXPECT_EQ(void_refused.status().field_errors(),
            (std::vector<FieldError>{{"voided_by", "invalid_reference"}}));
  auto good = tx->Policy().RecordEvent(Event(omar_, "trede", "2025-03-01"));
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  ASSERT_TRUE(tx->Commit().ok());
  auto r = Read();
  EXPECT_FALSE((*r->Policy().EventsOfPerson(tenant_a_, amina_))[0].voided_at.has_value());
  EXPECT_EQ(r->Policy().EventsOfPerson(tenant_a_, amina_)->size(), 1u);
  EXPECT_EQ(Ids(*r->Policy().EventsOfPerson(tenant_a_, omar_)), std::vector<int64_t>{good->id});
}

TEST_P(PolicyContract, VoidingTwiceIsRefused) {
  auto e = Record(Event(amina_, "trede", "2025-02-01", 1));
  auto tx = Write();
  ASSERT_TRUE(tx->Policy().VoidEvent(tenant_a_, e.id, regisseur_a_, "eerste", T(200)).ok());
  auto again = tx->Policy().VoidEvent(tenant_a_, e.id, regisseur_a_, "tweede", T(300));
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(again.status().reason(), "already_voided");
  ASSERT_TRUE(tx->Commit().ok());
  tx = Write();  // also across transactions
  EXPECT_EQ(
      tx->Policy().VoidEvent(tenant_a_, e.id, regisseur_a_, "derde", T(400)).status().reason(),
      "already_voided");
  tx.reset();
  auto stored = (*Read()->Policy().EventsOfPerson(tenant_a_, amina_))[0];
  EXPECT_EQ(stored.voided_at, T(200));  // the first void stands
  EXPECT_EQ(stored.void_reason, "eerste");
}

TEST_P(PolicyContract, EventsOfHouseholdSkipVoidedAndOtherHouseholds) {
  auto omar1 = Record(Event(omar_, "a", "2025-05-01"));
  auto amina2 = Record(Event(amina_, "b", "2025-03-01"));
  auto amina1 = Record(Event(amina_, "c", "2025-01-01"));
  auto voided = Record(Event(amina_, "d", "2025-02-01"));
  auto omar0 = Record(Event(omar_, "e", "2024-05-01"));
  Record(Event(yonas_, "f", "2025-01-01"));  // other household
  auto tx = Write();
  ASSERT_TRUE(tx->Policy().VoidEvent(tenant_a_, voided.id, regisseur_a_, "fout", T(200)).ok());
  ASSERT_TRUE(tx->Commit().ok());
  auto events = Read()->Policy().EventsOfHousehold(tenant_a_, household_);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  // Person id, then date, then id.
  EXPECT_EQ(Ids(*events), (std::vector<int64_t>{amina1.id, amina2.id, omar0.id, omar1.id}));
  auto empty_household = Write();
  auto h = *empty_household->Households().Create(tenant_a_, Household("Leeg"), T(1));
  ASSERT_TRUE(empty_household->Commit().ok());
  auto none = Read()->Policy().EventsOfHousehold(tenant_a_, h.id);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_TRUE(none->empty());
}

TEST_P(PolicyContract, PersonPagesCoverEveryLiveEventOnce) {
  // Eight more persons with 0..4 events each; one with only a voided event.
  std::vector<int64_t> persons = {amina_, omar_, yonas_};
  {
    auto tx = Write();
    for (int i = 0; i < 8; ++i)
      persons.push_back(tx->Persons()
                            .Create(tenant_a_, other_household_,
                                    Person("Kind" + std::to_string(i), "Tesfay"), T(1))
                            ->id);
    ASSERT_TRUE(tx->Commit().ok());
  }
  std::vector<StoredEvent> expected;  // non-voided, in person, date, id order
  {
    auto tx = Write();
    for (size_t p = 0; p < persons.size(); ++p) {
      const int count = static_cast<int>(p % 5);  // person 0 and 5 have none
      for (int k = count; k > 0; --k) {
        auto e = Event(persons[p], "e" + std::to_string(k), "2025-01-01");
        e.event.date = D("2025-01-01").AddDays(k % 3);  // dates out of id order
        auto stored = tx->Policy().RecordEvent(e);
        ASSERT_TRUE(stored.ok()) << stored.status().ToString();
        expected.push_back(*stored);
      }
    }
    auto only_voided = tx->Policy().RecordEvent(Event(persons[5], "x", "2025-01-01"));
    ASSERT_TRUE(tx->Policy().VoidEvent(tenant_a_, only_voided->id, regisseur_a_, "x", T(2)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  std::sort(expected.begin(), expected.end(), [](const StoredEvent& a, const StoredEvent& b) {
    return std::tie(a.person_id, a.event.date, a.id) < std::tie(b.person_id, b.event.date, b.id);
  });
  std::set<int64_t> with_events;
  for (const auto& e : expected) with_events.insert(e.person_id);
  ASSERT_EQ(with_events.size(), 8u);

  // Keyset pages of persons as the indicator loader reads them: each page's
  // events are the range (previous page's last person, this page's last].
  std::vector<int64_t> ids = persons;
  std::sort(ids.begin(), ids.end());
  for (size_t size : {1U, 2U, 3U, 7U, 8U, 100U}) {
    SCOPED_TRACE("persons per page " + std::to_string(size));
    auto r = Read();
    std::vector<StoredEvent> all;
    int64_t after = 0;
    for (size_t first = 0; first < ids.size(); first += size) {
      const int64_t last = ids[std::min(first + size, ids.size()) - 1];
      auto page = r->Policy().EventsOfPersons(tenant_a_, after, last);
      ASSERT_TRUE(page.ok()) << page.status().ToString();
      for (const auto& e : *page) {
        EXPECT_GT(e.person_id, after);
        EXPECT_LE(e.person_id, last);
      }
      all.insert(all.end(), page->begin(), page->end());
      after = last;
    }
    ASSERT_EQ(all.size(), expected.size());
    for (size_t i = 0; i < all.size(); ++i) ExpectSameEvent(all[i], expected[i]);
  }
}

TEST_P(PolicyContract, ActivationsAreReplacedAsAWhole) {
  const std::vector<StoredActivation> first = {
      Activation("nl-wi2021", "2022-01-01", std::nullopt, regisseur_a_, 10),
      Activation("gm0523-ferm", "2024-01-01", D("2024-12-31"), 0, 10),
  };
  auto tx = Write();
  ASSERT_TRUE(tx->Policy().ReplaceActivations(tenant_a_, first).ok());
  ASSERT_TRUE(tx->Commit().ok());
  // Ordered by pack id, then from; recorded_by 0 stays 0 (no user).
  ExpectSameActivations(*Read()->Policy().Activations(tenant_a_), {first[1], first[0]});
  auto nulls =
      test_db_->RunSql("SELECT count(*) FROM policy_activations WHERE recorded_by IS NULL");
  ASSERT_TRUE(nulls.ok()) << nulls.status().ToString();
  EXPECT_EQ(*nulls, std::vector<std::string>{"1"});

  const std::vector<StoredActivation> second = {
      Activation("nl-wi2021", "2023-01-01", std::nullopt, regisseur_a_, 20),
      Activation("nl-wi2021", "2022-01-01", D("2022-12-31"), regisseur_a_, 20),
  };
  tx = Write();
  ASSERT_TRUE(tx->Policy().ReplaceActivations(tenant_a_, second).ok());
  ASSERT_TRUE(tx->Commit().ok());
  ExpectSameActivations(*Read()->Policy().Activations(tenant_a_), {second[1], second[0]});

  // Not committed: rolled back.
  tx = Write();
  ASSERT_TRUE(tx->Policy().ReplaceActivations(tenant_a_, first).ok());
  ExpectSameActivations(*tx->Policy().Activations(tenant_a_), {first[1], first[0]});
  tx.reset();
  ExpectSameActivations(*Read()->Policy().Activations(tenant_a_), {second[1], second[0]});

  // A refused set changes nothing.
  tx = Write();
  auto dup = tx->Policy().ReplaceActivations(
      tenant_a_, {first[0], Activation("x", "2020-01-01", std::nullopt, 999999, 30), first[0]});
  EXPECT_EQ(dup.reason(), "validation_failed");
  EXPECT_EQ(dup.field_errors(),
            (std::vector<FieldError>{{"activations/1/recorded_by", "invalid_reference"},
                                     {"activations/2", "duplicate"}}));
  ASSERT_TRUE(tx->Commit().ok());
  ExpectSameActivations(*Read()->Policy().Activations(tenant_a_), {second[1], second[0]});

  // An empty set clears.
  tx = Write();
  ASSERT_TRUE(tx->Policy().ReplaceActivations(tenant_a_, {}).ok());
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_TRUE(Read()->Policy().Activations(tenant_a_)->empty());
}

TEST_P(PolicyContract, ActivationsStayInTheirTenant) {
  const std::vector<StoredActivation> a = {Activation("nl-wi2021", "2022-01-01", {}, 0, 10)};
  const std::vector<StoredActivation> b = {
      Activation("gm0148-dalfsen", "2023-01-01", {}, regisseur_b_, 11)};
  auto tx = Write();
  ASSERT_TRUE(tx->Policy().ReplaceActivations(tenant_a_, a).ok());
  ASSERT_TRUE(tx->Policy().ReplaceActivations(tenant_b_, b).ok());
  EXPECT_EQ(tx->Policy().ReplaceActivations(999999, a).reason(), "tenant_not_found");
  ASSERT_TRUE(tx->Commit().ok());
  tx = Write();
  ASSERT_TRUE(tx->Policy().ReplaceActivations(tenant_b_, {}).ok());
  ASSERT_TRUE(tx->Commit().ok());
  auto r = Read();
  ExpectSameActivations(*r->Policy().Activations(tenant_a_), a);
  EXPECT_TRUE(r->Policy().Activations(tenant_b_)->empty());
  EXPECT_TRUE(r->Policy().Activations(999999)->empty());
}

TEST_P(PolicyContract, ConcurrentReplacementsDoNotMerge) {
  const std::vector<StoredActivation> first = {Activation("a", "2022-01-01", {}, 0, 10)};
  const std::vector<StoredActivation> second = {Activation("b", "2022-01-01", {}, 0, 20)};
  auto tx = Write();
  ASSERT_TRUE(tx->Policy().ReplaceActivations(tenant_a_, {}).ok());
  ASSERT_TRUE(tx->Commit().ok());
  // The first writer holds its replacement open while the second starts;
  // the second must see the first's rows and replace them.
  auto holder = Write();
  ASSERT_TRUE(holder->Policy().ReplaceActivations(tenant_a_, first).ok());
  Status later = Internal("not run");
  std::thread second_writer([&] {
    auto w = db().Begin(ports::TxMode::kWrite);
    if (!w.ok()) {
      later = w.status();
      return;
    }
    later = (*w)->Policy().ReplaceActivations(tenant_a_, second);
    if (later.ok()) later = (*w)->Commit();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ASSERT_TRUE(holder->Commit().ok());
  second_writer.join();
  ASSERT_TRUE(later.ok()) << later.ToString();
  ExpectSameActivations(*Read()->Policy().Activations(tenant_a_), second);
}

INSTANTIATE_TEST_SUITE_P(Backends, PolicyContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

// Migration 3 onto an empty database and onto one of version 2 with data.
class PolicyMigrationContract : public ::testing::TestWithParam<std::string> {
 protected:
  std::unique_ptr<TestDatabase> Make(int version) {
    std::string skip, error;
    auto db = MakeTestDatabase(GetParam(), skip, error, {.schema_version = version});
    if (!error.empty()) ADD_FAILURE() << error;
    if (!skip.empty()) skip_ = skip;
    return db;
  }
  std::string skip_;
};

TEST_P(PolicyMigrationContract, EmptyDatabaseMigratesToVersionThree) {
  auto test_db = Make(0);
  if (!skip_.empty()) GTEST_SKIP() << skip_;
  ASSERT_NE(test_db, nullptr);
  ASSERT_EQ(*test_db->db().SchemaVersion(), 0);
  ASSERT_TRUE(test_db->db().Migrate().ok());
  EXPECT_EQ(*test_db->db().SchemaVersion(), LatestSchemaVersion());
  EXPECT_EQ(*test_db->RunSql("SELECT count(*) FROM person_events"), std::vector<std::string>{"0"});
  EXPECT_EQ(*test_db->RunSql("SELECT count(*) FROM policy_activations"),
            std::vector<std::string>{"0"});
  auto tx = std::move(test_db->db().Begin(ports::TxMode::kWrite)).value();
  auto tenant = tx->Tenants().Create({"GM0523", "Hardinxveld-Giessendam"});
  ASSERT_TRUE(tenant.ok()) << tenant.status().ToString();
  ASSERT_TRUE(tx->Policy()
                  .ReplaceActivations(
                      tenant->id, {{{"nl-wi2021", *core::Date::Parse("2022-01-01"), std::nullopt},
                                    0,
                                    core::Timestamp{1}}})
                  .ok());
  ASSERT_TRUE(tx->Commit().ok());
}

TEST_P(PolicyMigrationContract, VersionTwoDataGainsEmptyEventTables) {
  auto test_db = Make(2);
  if (!skip_.empty()) GTEST_SKIP() << skip_;
  ASSERT_NE(test_db, nullptr);
  int64_t tenant = 0, person = 0, user = 0;
  {
    auto tx = std::move(test_db->db().Begin(ports::TxMode::kWrite)).value();
    tenant = tx->Tenants().Create({"GM0523", "Hardinxveld-Giessendam"})->id;
    auto org = tx->Organisations().Create(tenant, {"GGD", core::OrganisationKind::kGgdJgz})->id;
    user = tx->Users()
               .Create({.username = "r@gm0523",
                        .display_name = "R",
                        .organisation_id = org,
                        .roles = {core::Role::kRegisseur}},
                       core::Timestamp{1})
               ->id;
    auto h = tx->Households().Create(tenant, {"Haddad", user, {}}, core::Timestamp{1})->id;
    core::PersonData p;
    p.given_names = "Amina";
    p.family_name = "Haddad";
    p.birth_date = *core::Date::Parse("1988-03-04");
    p.nationality = "SY";
    auto created = tx->Persons().Create(tenant, h, p, core::Timestamp{1});
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    person = created->id;
    ASSERT_TRUE(tx->Commit().ok());
  }
  ASSERT_TRUE(test_db->db().Migrate().ok());
  EXPECT_EQ(*test_db->db().SchemaVersion(), LatestSchemaVersion());
  auto tx = std::move(test_db->db().Begin(ports::TxMode::kWrite)).value();
  EXPECT_TRUE(tx->Policy().EventsOfPerson(tenant, person)->empty());
  StoredEvent e;
  e.tenant_id = tenant;
  e.person_id = person;
  e.event = {"trede", *core::Date::Parse("2025-01-01"), 2, "", ""};
  e.recorded_by = user;
  auto stored = tx->Policy().RecordEvent(e);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  ASSERT_TRUE(tx->Commit().ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, PolicyMigrationContract, ::testing::ValuesIn(TestBackends()),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace regie::testing
