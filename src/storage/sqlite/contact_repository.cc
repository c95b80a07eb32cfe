// Contact moments of a household (append-only).
#include <algorithm>
#include <map>
#include <utility>

#include "storage/sqlite/sqlite_contact_repository.h"

namespace regie::storage::sqlite {
namespace {

constexpr std::string_view kContacts =
    "SELECT id, tenant_id, household_id, date, type, participants, interpreter, "
    "interpreter_language, note, recorded_by, recorded_at FROM contacts "
    "WHERE tenant_id = ?1 AND household_id = ?2 ORDER BY date DESC, id DESC";
constexpr std::string_view kContactPersons =
    "SELECT cp.contact_id, cp.person_id FROM contact_persons cp "
    "JOIN contacts c ON c.id = cp.contact_id "
    "WHERE c.tenant_id = ?1 AND c.household_id = ?2 ORDER BY cp.contact_id, cp.person_id";

core::Contact ReadContact(const Stmt& s) {
  core::Contact c;
  c.id = s.Int(0);
  c.tenant_id = s.Int(1);
  c.data.household_id = s.Int(2);
  c.data.date = core::Date::Parse(s.Text(3)).value_or(core::Date());
  c.data.type = core::ParseEnum<core::ContactType>(s.Text(4)).value_or(core::ContactType::kGesprek);
  c.data.participants = core::SplitParticipants(s.Text(5));
  c.data.interpreter = s.Int(6) != 0;
  c.data.interpreter_language = s.OptText(7);
  c.data.note = s.Text(8);
  c.recorded_by = s.Int(9);
  c.recorded_at = core::Timestamp{s.Int(10)};
  return c;
}

}  // namespace

Status SqliteContacts::RequireHousehold(int64_t tenant_id, int64_t household_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT 1 FROM households WHERE id = ?1 AND tenant_id = ?2"));
  s.Bind(1, household_id).Bind(2, tenant_id);
  if (s.Step()) return Status();
  REGIE_RETURN_IF_ERROR(s.status());
  return NotFound("household_not_found", "no such household in this tenant");
}

StatusOr<core::Contact> SqliteContacts::Create(const core::Contact& contact) {
  const core::ContactData& d = contact.data;
  REGIE_RETURN_IF_ERROR(RequireHousehold(contact.tenant_id, d.household_id));
  std::vector<FieldError> errors;
  for (size_t i = 0; i < d.person_ids.size(); ++i) {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT 1 FROM persons WHERE id = ?1 AND "
                                                 "tenant_id = ?2 AND household_id = ?3"));
    s.Bind(1, d.person_ids[i]).Bind(2, contact.tenant_id).Bind(3, d.household_id);
    if (!s.Step()) {
      REGIE_RETURN_IF_ERROR(s.status());
      errors.push_back({"person_ids/" + std::to_string(i), "invalid_reference"});
    }
  }
  {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT 1 FROM users WHERE id = ?1"));
    s.Bind(1, contact.recorded_by);
    if (!s.Step()) {
      REGIE_RETURN_IF_ERROR(s.status());
      errors.push_back({"recorded_by", "invalid_reference"});
    }
  }
  if (!errors.empty())
    return InvalidArgument("validation_failed", "invalid reference", std::move(errors));

  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT INTO contacts (tenant_id, household_id, date, type, "
                            "participants, interpreter, interpreter_language, note, recorded_by, "
                            "recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  s.Bind(1, contact.tenant_id)
      .Bind(2, d.household_id)
      .Bind(3, d.date.ToString())
      .Bind(4, core::ToCode(d.type))
      .Bind(5, core::JoinParticipants(d.participants))
      .Bind(6, int64_t{d.interpreter ? 1 : 0})
      .Bind(7, d.interpreter_language)
      .Bind(8, d.note)
      .Bind(9, contact.recorded_by)
      .Bind(10, contact.recorded_at.micros);
  REGIE_RETURN_IF_ERROR(s.Exec());
  core::Contact out = contact;
  out.id = sqlite3_last_insert_rowid(conn_.db());
  std::sort(out.data.person_ids.begin(), out.data.person_ids.end());
  for (int64_t person_id : out.data.person_ids) {
    REGIE_ASSIGN_OR_RETURN(
        Stmt p,
        conn_.Prepare("INSERT INTO contact_persons (contact_id, person_id) VALUES (?1, ?2)"));
    p.Bind(1, out.id).Bind(2, person_id);
    REGIE_RETURN_IF_ERROR(p.Exec());
  }
  return out;
}

StatusOr<std::vector<core::Contact>> SqliteContacts::ListByHousehold(int64_t tenant_id,
                                                                     int64_t household_id) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(tenant_id, household_id));
  std::vector<core::Contact> out;
  std::map<int64_t, size_t> index;
  {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(kContacts));
    s.Bind(1, tenant_id).Bind(2, household_id);
    while (s.Step()) {
      out.push_back(ReadContact(s));
      index[out.back().id] = out.size() - 1;
    }
    REGIE_RETURN_IF_ERROR(s.status());
  }
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(kContactPersons));
  s.Bind(1, tenant_id).Bind(2, household_id);
  while (s.Step())
    if (auto it = index.find(s.Int(0)); it != index.end())
      out[it->second].data.person_ids.push_back(s.Int(1));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

}  // namespace regie::storage::sqlite
