// Contact moments of a household (append-only).
#include <algorithm>
#include <set>
#include <utility>

#include "storage/postgres/postgres_contact_repository.h"

namespace regie::storage::postgres {
namespace {

constexpr std::string_view kContacts =
    "SELECT c.id, c.tenant_id, c.household_id, c.date, c.type, c.participants, c.interpreter, "
    "c.interpreter_language, c.note, c.recorded_by, c.recorded_at, "
    "array(SELECT cp.person_id FROM contact_persons cp WHERE cp.contact_id = c.id "
    "ORDER BY cp.person_id)::bigint[] FROM contacts c "
    "WHERE c.tenant_id = $1 AND c.household_id = $2 ORDER BY c.date DESC, c.id DESC";

core::Contact ReadContact(const Result& r, int row) {
  core::Contact c;
  c.id = r.Int(row, 0);
  c.tenant_id = r.Int(row, 1);
  c.data.household_id = r.Int(row, 2);
  c.data.date = core::Date::Parse(r.Text(row, 3)).value_or(core::Date());
  c.data.type =
      core::ParseEnum<core::ContactType>(r.Text(row, 4)).value_or(core::ContactType::kGesprek);
  c.data.participants = core::SplitParticipants(r.Text(row, 5));
  c.data.interpreter = r.Bool(row, 6);
  c.data.interpreter_language = r.OptText(row, 7);
  c.data.note = r.Text(row, 8);
  c.recorded_by = r.Int(row, 9);
  c.recorded_at = core::Timestamp{r.Int(row, 10)};
  c.data.person_ids = r.IdArray(row, 11);
  return c;
}

}  // namespace

Status PgContacts::RequireHousehold(int64_t tenant_id, int64_t household_id) {
  REGIE_ASSIGN_OR_RETURN(Result h,
                         conn_.Exec("SELECT 1 FROM households WHERE id = $1 AND tenant_id = $2",
                                    Params().Add(household_id).Add(tenant_id)));
  if (h.rows() == 0) return NotFound("household_not_found", "no such household in this tenant");
  return Status();
}

StatusOr<core::Contact> PgContacts::Create(const core::Contact& contact) {
  const core::ContactData& d = contact.data;
  REGIE_RETURN_IF_ERROR(RequireHousehold(contact.tenant_id, d.household_id));
  std::vector<FieldError> errors;
  if (!d.person_ids.empty()) {
    REGIE_ASSIGN_OR_RETURN(
        Result r,
        conn_.Exec("SELECT id FROM persons WHERE id = ANY($1::bigint[]) AND "
                   "tenant_id = $2 AND household_id = $3",
                   Params().AddIdArray(d.person_ids).Add(contact.tenant_id).Add(d.household_id)));
    std::set<int64_t> found;
    for (int i = 0; i < r.rows(); ++i) found.insert(r.Int(i, 0));
    for (size_t i = 0; i < d.person_ids.size(); ++i)
      if (!found.contains(d.person_ids[i]))
        errors.push_back({"person_ids/" + std::to_string(i), "invalid_reference"});
  }
  REGIE_ASSIGN_OR_RETURN(
      Result u, conn_.Exec("SELECT 1 FROM users WHERE id = $1", Params().Add(contact.recorded_by)));
  if (u.rows() == 0) errors.push_back({"recorded_by", "invalid_reference"});
  if (!errors.empty())
    return InvalidArgument("validation_failed", "invalid reference", std::move(errors));

  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec("INSERT INTO contacts (tenant_id, household_id, date, type, participants, "
                 "interpreter, interpreter_language, note, recorded_by, recorded_at) "
                 "VALUES ($1, $2, $3::date, $4, $5, $6::boolean, $7, $8, $9, $10) RETURNING id",
                 Params()
                     .Add(contact.tenant_id)
                     .Add(d.household_id)
                     .Add(d.date.ToString())
                     .Add(core::ToCode(d.type))
                     .Add(core::JoinParticipants(d.participants))
                     .AddBool(d.interpreter)
                     .Add(d.interpreter_language)
                     .Add(d.note)
                     .Add(contact.recorded_by)
                     .Add(contact.recorded_at.micros)));
  core::Contact out = contact;
  out.id = r.Int(0, 0);
  std::sort(out.data.person_ids.begin(), out.data.person_ids.end());
  if (!out.data.person_ids.empty())
    REGIE_RETURN_IF_ERROR(conn_
                              .Exec("INSERT INTO contact_persons (contact_id, person_id) "
                                    "SELECT $1, unnest($2::bigint[])",
                                    Params().Add(out.id).AddIdArray(out.data.person_ids))
                              .status());
  return out;
}

StatusOr<std::vector<core::Contact>> PgContacts::ListByHousehold(int64_t tenant_id,
                                                                 int64_t household_id) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(tenant_id, household_id));
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec(kContacts, Params().Add(tenant_id).Add(household_id)));
  std::vector<core::Contact> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadContact(r, i));
  return out;
}

}  // namespace regie::storage::postgres
