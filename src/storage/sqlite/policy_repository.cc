// Person events and pack activations: the policy engine's stored input.
#include <set>
#include <utility>

#include "storage/sqlite/sqlite_policy_repository.h"

namespace regie::storage::sqlite {
namespace {

#define EVENT_COLUMNS                                                                        \
  "SELECT e.id, e.tenant_id, e.person_id, e.event, e.date, e.value, e.code, e.reason, "      \
  "e.recorded_by, e.recorded_at, e.voided_at, coalesce(e.voided_by, 0), e.void_reason FROM " \
  "person_events e"

constexpr std::string_view kEventById = EVENT_COLUMNS " WHERE e.id = ?1 AND e.tenant_id = ?2";
constexpr std::string_view kEventsOfPerson =
    EVENT_COLUMNS " WHERE e.tenant_id = ?1 AND e.person_id = ?2 ORDER BY e.date, e.id";
// The household's persons through persons_household, each one's events
// through person_events_person.
constexpr std::string_view kEventsOfHousehold = EVENT_COLUMNS
    " WHERE e.tenant_id = ?1 AND e.person_id IN (SELECT p.id FROM persons p "
    "WHERE p.household_id = ?2 AND p.tenant_id = ?1) AND e.voided_at IS NULL "
    "ORDER BY e.person_id, e.date, e.id";
// The page's persons first (distinct, in id order, bounded), then all of
// their events, so a person is never split between pages.
// One keyset page of persons: a range of the (tenant_id, person_id, date,
// id) index.
constexpr std::string_view kEventsOfPersons = EVENT_COLUMNS
    " WHERE e.tenant_id = ?1 AND e.person_id > ?2 AND e.person_id <= ?3 "
    "AND e.voided_at IS NULL ORDER BY e.person_id, e.date, e.id";
#undef EVENT_COLUMNS

ports::StoredEvent ReadEvent(const Stmt& s) {
  ports::StoredEvent e;
  e.id = s.Int(0);
  e.tenant_id = s.Int(1);
  e.person_id = s.Int(2);
  e.event.event = s.Text(3);
  e.event.date = core::Date::Parse(s.Text(4)).value_or(core::Date());
  if (!s.IsNull(5)) e.event.value = static_cast<int32_t>(s.Int(5));
  e.event.code = s.Text(6);
  e.event.reason = s.Text(7);
  e.recorded_by = s.Int(8);
  e.recorded_at = core::Timestamp{s.Int(9)};
  if (!s.IsNull(10)) e.voided_at = core::Timestamp{s.Int(10)};
  e.voided_by = s.Int(11);
  e.void_reason = s.Text(12);
  return e;
}

// True when the statement bound with ?1 = a (and ?2 = b) yields a row.
StatusOr<bool> Exists(Connection& conn, std::string_view sql, int64_t a,
                      std::optional<int64_t> b = std::nullopt) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn.Prepare(sql));
  s.Bind(1, a);
  if (b) s.Bind(2, *b);
  bool found = s.Step();
  REGIE_RETURN_IF_ERROR(s.status());
  return found;
}

constexpr std::string_view kPersonInTenant =
    "SELECT 1 FROM persons WHERE id = ?1 AND tenant_id = ?2";
constexpr std::string_view kUserExists = "SELECT 1 FROM users WHERE id = ?1";

Status PersonNotFound() { return NotFound("person_not_found", "no such person in this tenant"); }
Status InvalidUser(std::string field) {
  return InvalidArgument("validation_failed", "no such user",
                         {FieldError{std::move(field), "invalid_reference"}});
}

}  // namespace

StatusOr<std::vector<ports::StoredEvent>> SqlitePolicy::Collect(std::string_view sql, int64_t a,
                                                                int64_t b,
                                                                std::optional<int64_t> c) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(sql));
  s.Bind(1, a).Bind(2, b);
  if (c) s.Bind(3, *c);
  std::vector<ports::StoredEvent> out;
  while (s.Step()) out.push_back(ReadEvent(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<ports::StoredEvent> SqlitePolicy::GetEvent(int64_t tenant_id, int64_t event_id) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(kEventById));
  s.Bind(1, event_id).Bind(2, tenant_id);
  if (!s.Step()) {
    REGIE_RETURN_IF_ERROR(s.status());
    return NotFound("event_not_found", "no such event in this tenant");
  }
  return ReadEvent(s);
}

StatusOr<ports::StoredEvent> SqlitePolicy::RecordEvent(const ports::StoredEvent& event) {
  REGIE_ASSIGN_OR_RETURN(bool person_ok,
                         Exists(conn_, kPersonInTenant, event.person_id, event.tenant_id));
  if (!person_ok) return PersonNotFound();
  REGIE_ASSIGN_OR_RETURN(bool user_ok, Exists(conn_, kUserExists, event.recorded_by));
  if (!user_ok) return InvalidUser("recorded_by");
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT INTO person_events (tenant_id, person_id, event, date, value, "
                            "code, reason, recorded_by, recorded_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  s.Bind(1, event.tenant_id)
      .Bind(2, event.person_id)
      .Bind(3, event.event.event)
      .Bind(4, event.event.date.ToString())
      .Bind(6, event.event.code)
      .Bind(7, event.event.reason)
      .Bind(8, event.recorded_by)
      .Bind(9, event.recorded_at.micros);
  if (event.event.value) s.Bind(5, int64_t{*event.event.value});
  REGIE_RETURN_IF_ERROR(s.Exec());
  return GetEvent(event.tenant_id, sqlite3_last_insert_rowid(conn_.db()));
}

StatusOr<std::vector<ports::StoredEvent>> SqlitePolicy::EventsOfPerson(int64_t tenant_id,
                                                                       int64_t person_id) {
  REGIE_ASSIGN_OR_RETURN(bool person_ok, Exists(conn_, kPersonInTenant, person_id, tenant_id));
  if (!person_ok) return PersonNotFound();
  return Collect(kEventsOfPerson, tenant_id, person_id);
}

StatusOr<std::vector<ports::StoredEvent>> SqlitePolicy::EventsOfHousehold(int64_t tenant_id,
                                                                          int64_t household_id) {
  REGIE_ASSIGN_OR_RETURN(bool household_ok,
                         Exists(conn_, "SELECT 1 FROM households WHERE id = ?1 AND tenant_id = ?2",
                                household_id, tenant_id));
  if (!household_ok) return NotFound("household_not_found", "no such household in this tenant");
  return Collect(kEventsOfHousehold, tenant_id, household_id);
}

StatusOr<std::vector<ports::StoredEvent>> SqlitePolicy::EventsOfPersons(int64_t tenant_id,
                                                                        int64_t after_person_id,
                                                                        int64_t last_person_id) {
  if (last_person_id < after_person_id)
    return InvalidArgument("invalid_range", "last_person_id must be >= after_person_id");
  return Collect(kEventsOfPersons, tenant_id, after_person_id, last_person_id);
}

StatusOr<ports::StoredEvent> SqlitePolicy::VoidEvent(int64_t tenant_id, int64_t event_id,
                                                     int64_t by_user, const std::string& reason,
                                                     core::Timestamp now) {
  REGIE_ASSIGN_OR_RETURN(ports::StoredEvent current, GetEvent(tenant_id, event_id));
  if (current.voided_at) return FailedPrecondition("already_voided", "event was voided before");
  REGIE_ASSIGN_OR_RETURN(bool user_ok, Exists(conn_, kUserExists, by_user));
  if (!user_ok) return InvalidUser("voided_by");
  REGIE_ASSIGN_OR_RETURN(Stmt s,
                         conn_.Prepare("UPDATE person_events SET voided_at = ?3, voided_by = ?4, "
                                       "void_reason = ?5 WHERE id = ?1 AND tenant_id = ?2 "
                                       "AND voided_at IS NULL"));
  REGIE_RETURN_IF_ERROR(s.Bind(1, event_id)
                            .Bind(2, tenant_id)
                            .Bind(3, now.micros)
                            .Bind(4, by_user)
                            .Bind(5, reason)
                            .Exec());
  return GetEvent(tenant_id, event_id);
}

StatusOr<std::vector<ports::StoredActivation>> SqlitePolicy::Activations(int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT pack_id, from_date, to_date, coalesce(recorded_by, 0), "
                            "recorded_at FROM policy_activations WHERE tenant_id = ?1 "
                            "ORDER BY pack_id, from_date"));
  s.Bind(1, tenant_id);
  std::vector<ports::StoredActivation> out;
  while (s.Step()) {
    ports::StoredActivation a;
    a.activation.pack_id = s.Text(0);
    a.activation.from = core::Date::Parse(s.Text(1)).value_or(core::Date());
    if (auto to = s.OptText(2)) a.activation.to = core::Date::Parse(*to);
    a.recorded_by = s.Int(3);
    a.recorded_at = core::Timestamp{s.Int(4)};
    out.push_back(std::move(a));
  }
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

Status SqlitePolicy::ReplaceActivations(int64_t tenant_id,
                                        const std::vector<ports::StoredActivation>& activations) {
  REGIE_ASSIGN_OR_RETURN(bool tenant_ok,
                         Exists(conn_, "SELECT 1 FROM tenants WHERE id = ?1", tenant_id));
  if (!tenant_ok) return NotFound("tenant_not_found", "no such tenant");
  // Every check before the first write, so a refused set changes nothing.
  std::vector<FieldError> errors;
  std::set<std::pair<std::string, int32_t>> seen;
  for (size_t i = 0; i < activations.size(); ++i) {
    const auto& a = activations[i];
    const std::string field = "activations/" + std::to_string(i);
    if (!seen.emplace(a.activation.pack_id, a.activation.from.days()).second)
      errors.push_back({field, "duplicate"});
    if (a.recorded_by != 0) {
      REGIE_ASSIGN_OR_RETURN(bool user_ok, Exists(conn_, kUserExists, a.recorded_by));
      if (!user_ok) errors.push_back({field + "/recorded_by", "invalid_reference"});
    }
  }
  if (!errors.empty())
    return InvalidArgument("validation_failed", "activations refused", std::move(errors));
  {
    REGIE_ASSIGN_OR_RETURN(Stmt del,
                           conn_.Prepare("DELETE FROM policy_activations WHERE tenant_id = ?1"));
    REGIE_RETURN_IF_ERROR(del.Bind(1, tenant_id).Exec());
  }
  for (const auto& a : activations) {
    REGIE_ASSIGN_OR_RETURN(
        Stmt ins, conn_.Prepare("INSERT INTO policy_activations (tenant_id, pack_id, from_date, "
                                "to_date, recorded_by, recorded_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    ins.Bind(1, tenant_id)
        .Bind(2, a.activation.pack_id)
        .Bind(3, a.activation.from.ToString())
        .Bind(6, a.recorded_at.micros);
    if (a.activation.to) ins.Bind(4, a.activation.to->ToString());
    if (a.recorded_by != 0) ins.Bind(5, a.recorded_by);
    REGIE_RETURN_IF_ERROR(ins.Exec());
  }
  return Status::Ok();
}

}  // namespace regie::storage::sqlite
