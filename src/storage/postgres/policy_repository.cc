// Person events and pack activations: the policy engine's stored input.
#include <set>
#include <unordered_set>
#include <utility>

#include "storage/postgres/postgres_policy_repository.h"

namespace regie::storage::postgres {
namespace {

#define EVENT_COLUMNS                                                                        \
  "SELECT e.id, e.tenant_id, e.person_id, e.event, e.date, e.value, e.code, e.reason, "      \
  "e.recorded_by, e.recorded_at, e.voided_at, coalesce(e.voided_by, 0), e.void_reason FROM " \
  "person_events e"

constexpr std::string_view kEventById = EVENT_COLUMNS " WHERE e.id = $1 AND e.tenant_id = $2";
constexpr std::string_view kEventsOfPerson =
    EVENT_COLUMNS " WHERE e.tenant_id = $1 AND e.person_id = $2 ORDER BY e.date, e.id";
// The household's persons through persons_household, each one's events
// through person_events_person.
constexpr std::string_view kEventsOfHousehold = EVENT_COLUMNS
    " WHERE e.tenant_id = $1 AND e.person_id IN (SELECT p.id FROM persons p "
    "WHERE p.household_id = $2 AND p.tenant_id = $1) AND e.voided_at IS NULL "
    "ORDER BY e.person_id, e.date, e.id";
// The page's persons first (distinct, in id order, bounded), then all of
// their events, so a person is never split between pages.
// One keyset page of persons: a range of the (tenant_id, person_id, date,
// id) index.
constexpr std::string_view kEventsOfPersons = EVENT_COLUMNS
    " WHERE e.tenant_id = $1 AND e.person_id > $2 AND e.person_id <= $3 "
    "AND e.voided_at IS NULL ORDER BY e.person_id, e.date, e.id";
#undef EVENT_COLUMNS

ports::StoredEvent ReadEvent(const Result& r, int row) {
  ports::StoredEvent e;
  e.id = r.Int(row, 0);
  e.tenant_id = r.Int(row, 1);
  e.person_id = r.Int(row, 2);
  e.event.event = r.Text(row, 3);
  e.event.date = core::Date::Parse(r.Text(row, 4)).value_or(core::Date());
  if (!r.IsNull(row, 5)) e.event.value = static_cast<int32_t>(r.Int(row, 5));
  e.event.code = r.Text(row, 6);
  e.event.reason = r.Text(row, 7);
  e.recorded_by = r.Int(row, 8);
  e.recorded_at = core::Timestamp{r.Int(row, 9)};
  if (!r.IsNull(row, 10)) e.voided_at = core::Timestamp{r.Int(row, 10)};
  e.voided_by = r.Int(row, 11);
  e.void_reason = r.Text(row, 12);
  return e;
}

std::vector<ports::StoredEvent> ReadEvents(const Result& r) {
  std::vector<ports::StoredEvent> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadEvent(r, i));
  return out;
}

std::optional<std::string> OptDate(const std::optional<core::Date>& d) {
  if (!d) return std::nullopt;
  return d->ToString();
}

Status PersonNotFound() { return NotFound("person_not_found", "no such person in this tenant"); }
Status InvalidUser(std::string field) {
  return InvalidArgument("validation_failed", "no such user",
                         {FieldError{std::move(field), "invalid_reference"}});
}

}  // namespace

StatusOr<ports::StoredEvent> PgPolicy::GetEvent(int64_t tenant_id, int64_t event_id) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(kEventById, Params().Add(event_id).Add(tenant_id)));
  if (r.rows() == 0) return NotFound("event_not_found", "no such event in this tenant");
  return ReadEvent(r, 0);
}

StatusOr<ports::StoredEvent> PgPolicy::RecordEvent(const ports::StoredEvent& event) {
  std::optional<std::string> value;
  if (event.event.value) value = std::to_string(*event.event.value);
  // From the person (in the tenant) and user rows, so a bad reference
  // inserts nothing instead of failing a foreign key.
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec("INSERT INTO person_events (tenant_id, person_id, event, date, value, code, "
                 "reason, recorded_by, recorded_at) "
                 "SELECT p.tenant_id, p.id, $3::text, $4::date, $5::integer, $6::text, $7::text, "
                 "u.id, $9::bigint FROM persons p, users u "
                 "WHERE p.id = $2 AND p.tenant_id = $1 AND u.id = $8 RETURNING id",
                 Params()
                     .Add(event.tenant_id)
                     .Add(event.person_id)
                     .Add(event.event.event)
                     .Add(event.event.date.ToString())
                     .Add(value)
                     .Add(event.event.code)
                     .Add(event.event.reason)
                     .Add(event.recorded_by)
                     .Add(event.recorded_at.micros)));
  if (r.rows() == 1) return GetEvent(event.tenant_id, r.Int(0, 0));
  REGIE_ASSIGN_OR_RETURN(Result p, conn_.Exec("SELECT 1 FROM persons WHERE id = $1 "
                                              "AND tenant_id = $2",
                                              Params().Add(event.person_id).Add(event.tenant_id)));
  if (p.rows() == 0) return PersonNotFound();
  return InvalidUser("recorded_by");
}

StatusOr<std::vector<ports::StoredEvent>> PgPolicy::EventsOfPerson(int64_t tenant_id,
                                                                   int64_t person_id) {
  REGIE_ASSIGN_OR_RETURN(Result p,
                         conn_.Exec("SELECT 1 FROM persons WHERE id = $1 AND tenant_id = $2",
                                    Params().Add(person_id).Add(tenant_id)));
  if (p.rows() == 0) return PersonNotFound();
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec(kEventsOfPerson, Params().Add(tenant_id).Add(person_id)));
  return ReadEvents(r);
}

StatusOr<std::vector<ports::StoredEvent>> PgPolicy::EventsOfHousehold(int64_t tenant_id,
                                                                      int64_t household_id) {
  REGIE_ASSIGN_OR_RETURN(Result h,
                         conn_.Exec("SELECT 1 FROM households WHERE id = $1 AND tenant_id = $2",
                                    Params().Add(household_id).Add(tenant_id)));
  if (h.rows() == 0) return NotFound("household_not_found", "no such household in this tenant");
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec(kEventsOfHousehold, Params().Add(tenant_id).Add(household_id)));
  return ReadEvents(r);
}

StatusOr<std::vector<ports::StoredEvent>> PgPolicy::EventsOfPersons(int64_t tenant_id,
                                                                    int64_t after_person_id,
                                                                    int64_t last_person_id) {
  if (last_person_id < after_person_id)
    return InvalidArgument("invalid_range", "last_person_id must be >= after_person_id");
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec(kEventsOfPersons,
                           Params().Add(tenant_id).Add(after_person_id).Add(last_person_id)));
  return ReadEvents(r);
}

StatusOr<ports::StoredEvent> PgPolicy::VoidEvent(int64_t tenant_id, int64_t event_id,
                                                 int64_t by_user, const std::string& reason,
                                                 core::Timestamp now) {
  // Compare-and-set on voided_at: of two concurrent voids the second waits
  // for the first's row lock, then finds it voided.
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec("UPDATE person_events SET voided_at = $3, voided_by = $4, void_reason = $5 "
                 "WHERE id = $1 AND tenant_id = $2 AND voided_at IS NULL "
                 "AND EXISTS (SELECT 1 FROM users WHERE id = $4)",
                 Params().Add(event_id).Add(tenant_id).Add(now.micros).Add(by_user).Add(reason)));
  REGIE_ASSIGN_OR_RETURN(ports::StoredEvent event, GetEvent(tenant_id, event_id));
  if (r.affected() == 1) return event;
  if (event.voided_at) return FailedPrecondition("already_voided", "event was voided before");
  return InvalidUser("voided_by");
}

StatusOr<std::vector<ports::StoredActivation>> PgPolicy::Activations(int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec("SELECT pack_id, from_date, to_date, coalesce(recorded_by, 0), "
                                    "recorded_at FROM policy_activations WHERE tenant_id = $1 "
                                    "ORDER BY pack_id, from_date",
                                    Params().Add(tenant_id)));
  std::vector<ports::StoredActivation> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) {
    ports::StoredActivation a;
    a.activation.pack_id = r.Text(i, 0);
    a.activation.from = core::Date::Parse(r.Text(i, 1)).value_or(core::Date());
    if (auto to = r.OptText(i, 2)) a.activation.to = core::Date::Parse(*to);
    a.recorded_by = r.Int(i, 3);
    a.recorded_at = core::Timestamp{r.Int(i, 4)};
    out.push_back(std::move(a));
  }
  return out;
}

Status PgPolicy::ReplaceActivations(int64_t tenant_id,
                                    const std::vector<ports::StoredActivation>& activations) {
  {
    // The tenant's row lock orders two replacements (otherwise both delete,
    // both insert, and the result is their union or a duplicate key). It
    // does not block writers that merely reference the tenant.
    REGIE_ASSIGN_OR_RETURN(Result t,
                           conn_.Exec("SELECT 1 FROM tenants WHERE id = $1 FOR NO KEY UPDATE",
                                      Params().Add(tenant_id)));
    if (t.rows() == 0) return NotFound("tenant_not_found", "no such tenant");
  }
  // Every check before the first write, so a refused set changes nothing.
  std::vector<int64_t> user_ids;
  for (const auto& a : activations)
    if (a.recorded_by != 0) user_ids.push_back(a.recorded_by);
  std::unordered_set<int64_t> users;
  if (!user_ids.empty()) {
    REGIE_ASSIGN_OR_RETURN(Result u, conn_.Exec("SELECT id FROM users WHERE id = ANY($1::bigint[])",
                                                Params().AddIdArray(user_ids)));
    for (int i = 0; i < u.rows(); ++i) users.insert(u.Int(i, 0));
  }
  std::vector<FieldError> errors;
  std::set<std::pair<std::string, int32_t>> seen;
  for (size_t i = 0; i < activations.size(); ++i) {
    const auto& a = activations[i];
    const std::string field = "activations/" + std::to_string(i);
    if (!seen.emplace(a.activation.pack_id, a.activation.from.days()).second)
      errors.push_back({field, "duplicate"});
    if (a.recorded_by != 0 && !users.contains(a.recorded_by))
      errors.push_back({field + "/recorded_by", "invalid_reference"});
  }
  if (!errors.empty())
    return InvalidArgument("validation_failed", "activations refused", std::move(errors));
  REGIE_RETURN_IF_ERROR(
      conn_.Exec("DELETE FROM policy_activations WHERE tenant_id = $1", Params().Add(tenant_id))
          .status());
  for (const auto& a : activations) {
    Params params;
    params.Add(tenant_id)
        .Add(a.activation.pack_id)
        .Add(a.activation.from.ToString())
        .Add(OptDate(a.activation.to));
    if (a.recorded_by != 0) {
      params.Add(a.recorded_by);
    } else {
      params.AddNull();
    }
    params.Add(a.recorded_at.micros);
    REGIE_RETURN_IF_ERROR(conn_
                              .Exec("INSERT INTO policy_activations (tenant_id, pack_id, "
                                    "from_date, to_date, recorded_by, recorded_at) "
                                    "VALUES ($1, $2, $3, $4, $5, $6)",
                                    params)
                              .status());
  }
  return Status::Ok();
}

}  // namespace regie::storage::postgres
