#include "core/text.h"
#include "storage/sqlite/sqlite_repositories.h"

namespace regie::storage::sqlite {
namespace {

#define PERSON_COLUMNS                                                                        \
  "id, tenant_id, household_id, version, given_names, family_name, birth_date, sex, "         \
  "nationality, languages, literacy, highest_education, bsn, v_number, permit_date, "         \
  "koppeling_date, housing_date, street, house_number, postal_code, city, wijk, kern, role, " \
  "family_reunification, inburgeringsplicht, exemption_reason, created_at, updated_at"

constexpr std::string_view kSelectPerson =
    "SELECT " PERSON_COLUMNS " FROM persons WHERE id = ?1 AND tenant_id = ?2";
constexpr std::string_view kSelectMembers =
    "SELECT " PERSON_COLUMNS
    " FROM persons WHERE household_id = ?1 AND tenant_id = ?2 ORDER BY CASE role "
    "WHEN 'hoofdpersoon' THEN 0 WHEN 'partner' THEN 1 WHEN 'kind' THEN 2 "
    "WHEN 'nareiziger' THEN 3 ELSE 4 END, birth_date, id";
// Keyset pages over the persons_tenant index; the household check is a
// primary-key lookup per person, not a list built per page.
constexpr std::string_view kSelectOfTenant =
    "SELECT " PERSON_COLUMNS
    " FROM persons WHERE tenant_id = ?1 AND id > ?2 AND EXISTS (SELECT 1 FROM "
    "households h WHERE h.id = persons.household_id AND h.tenant_id = ?1 AND h.archived = 0) "
    "ORDER BY id LIMIT ?3";
#undef PERSON_COLUMNS

// Parameters ?3..?27 in the order of the insert and update statements.
constexpr std::string_view kInsertPerson =
    "INSERT INTO persons (tenant_id, household_id, version, given_names, family_name, name_key, "
    "birth_date, sex, nationality, languages, literacy, highest_education, bsn, v_number, "
    "permit_date, koppeling_date, housing_date, street, house_number, postal_code, city, wijk, "
    "kern, role, family_reunification, inburgeringsplicht, exemption_reason, created_at, "
    "updated_at) VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
    "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?27)";
constexpr std::string_view kUpdatePerson =
    "UPDATE persons SET given_names = ?3, family_name = ?4, name_key = ?5, birth_date = ?6, "
    "sex = ?7, nationality = ?8, languages = ?9, literacy = ?10, highest_education = ?11, "
    "bsn = ?12, v_number = ?13, permit_date = ?14, koppeling_date = ?15, housing_date = ?16, "
    "street = ?17, house_number = ?18, postal_code = ?19, city = ?20, wijk = ?21, kern = ?22, "
    "role = ?23, family_reunification = ?24, inburgeringsplicht = ?25, exemption_reason = ?26, "
    "updated_at = ?27, version = version + 1 WHERE id = ?1 AND tenant_id = ?2";

std::optional<std::string> OptDate(const std::optional<core::Date>& d) {
  if (!d) return std::nullopt;
  return d->ToString();
}

std::optional<core::Date> ReadOptDate(const Stmt& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  return core::Date::Parse(s.Text(col));
}

std::string JoinLanguages(const std::vector<std::string>& langs) {
  std::string out;
  for (const auto& l : langs) {
    if (!out.empty()) out.push_back(',');
    out += l;
  }
  return out;
}

std::vector<std::string> SplitLanguages(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

template <typename E>
E ReadEnum(const Stmt& s, int col, E fallback) {
  return core::ParseEnum<E>(s.Text(col)).value_or(fallback);
}

core::Person ReadPerson(const Stmt& s) {
  core::Person p;
  p.id = s.Int(0);
  p.tenant_id = s.Int(1);
  p.household_id = s.Int(2);
  p.version = s.Int(3);
  core::PersonData& d = p.data;
  d.given_names = s.Text(4);
  d.family_name = s.Text(5);
  d.birth_date = core::Date::Parse(s.Text(6)).value_or(core::Date());
  d.sex = ReadEnum(s, 7, core::Sex::kUnknown);
  d.nationality = s.Text(8);
  d.languages = SplitLanguages(s.Text(9));
  d.literacy = ReadEnum(s, 10, core::Literacy::kYes);
  d.highest_education = ReadEnum(s, 11, core::Education::kUnknown);
  d.bsn = s.OptText(12);
  d.v_number = s.OptText(13);
  d.permit_date = ReadOptDate(s, 14);
  d.koppeling_date = ReadOptDate(s, 15);
  d.housing_date = ReadOptDate(s, 16);
  d.address = {s.Text(17), s.Text(18), s.Text(19), s.Text(20), s.Text(21), s.Text(22)};
  d.role = ReadEnum(s, 23, core::HouseholdRole::kOther);
  d.family_reunification = s.Int(24) != 0;
  d.inburgeringsplicht = ReadEnum(s, 25, core::InburgeringPlicht::kYes);
  d.exemption_reason = s.Text(26);
  p.created_at = core::Timestamp{s.Int(27)};
  p.updated_at = core::Timestamp{s.Int(28)};
  return p;
}

void BindPersonData(Stmt& s, const core::PersonData& d, core::Timestamp now) {
  s.Bind(3, d.given_names)
      .Bind(4, d.family_name)
      .Bind(5, core::SearchKey(d.given_names + " " + d.family_name))
      .Bind(6, d.birth_date.ToString())
      .Bind(7, core::ToCode(d.sex))
      .Bind(8, d.nationality)
      .Bind(9, JoinLanguages(d.languages))
      .Bind(10, core::ToCode(d.literacy))
      .Bind(11, core::ToCode(d.highest_education))
      .Bind(12, d.bsn)
      .Bind(13, d.v_number)
      .Bind(14, OptDate(d.permit_date))
      .Bind(15, OptDate(d.koppeling_date))
      .Bind(16, OptDate(d.housing_date))
      .Bind(17, d.address.street)
      .Bind(18, d.address.house_number)
      .Bind(19, d.address.postal_code)
      .Bind(20, d.address.city)
      .Bind(21, d.address.wijk)
      .Bind(22, d.address.kern)
      .Bind(23, core::ToCode(d.role))
      .Bind(24, int64_t{d.family_reunification ? 1 : 0})
      .Bind(25, core::ToCode(d.inburgeringsplicht))
      .Bind(26, d.exemption_reason)
      .Bind(27, now.micros);
}

// The only unique constraint a person write can break is the BSN.
Status MapWriteError(Status s) {
  if (s.code() == StatusCode::kConflict)
    return {StatusCode::kConflict,
            "duplicate",
            "BSN already registered in this municipality",
            {{"bsn", "duplicate"}}};
  return s;
}

}  // namespace

StatusOr<core::Person> SqlitePersons::Create(int64_t tenant_id, int64_t household_id,
                                             const core::PersonData& data, core::Timestamp now) {
  {
    REGIE_ASSIGN_OR_RETURN(Stmt h, conn_.Prepare("SELECT archived FROM households "
                                                 "WHERE id = ?1 AND tenant_id = ?2"));
    h.Bind(1, household_id).Bind(2, tenant_id);
    if (!h.Step()) {
      REGIE_RETURN_IF_ERROR(h.status());
      return NotFound("household_not_found", "no such household in this tenant");
    }
    if (h.Int(0) != 0) return FailedPrecondition("household_archived", "household is archived");
  }
  int64_t id = 0;
  {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(kInsertPerson));
    s.Bind(1, tenant_id).Bind(2, household_id);
    BindPersonData(s, data, now);
    REGIE_RETURN_IF_ERROR(MapWriteError(s.Exec()));
    id = sqlite3_last_insert_rowid(conn_.db());
  }
  REGIE_RETURN_IF_ERROR(RefreshSummary(household_id));
  return Get(tenant_id, id);
}

StatusOr<core::Person> SqlitePersons::Get(int64_t tenant_id, int64_t id) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(kSelectPerson));
  s.Bind(1, id).Bind(2, tenant_id);
  if (!s.Step()) {
    REGIE_RETURN_IF_ERROR(s.status());
    return NotFound("person_not_found", "no such person in this tenant");
  }
  return ReadPerson(s);
}

StatusOr<core::Person> SqlitePersons::Update(int64_t tenant_id, int64_t id,
                                             int64_t expected_version, const core::PersonData& data,
                                             core::Timestamp now) {
  int64_t household_id = 0;
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt cur, conn_.Prepare("SELECT p.version, h.archived, h.id FROM persons p JOIN households "
                                "h ON h.id = p.household_id WHERE p.id = ?1 AND p.tenant_id = ?2"));
    cur.Bind(1, id).Bind(2, tenant_id);
    if (!cur.Step()) {
      REGIE_RETURN_IF_ERROR(cur.status());
      return NotFound("person_not_found", "no such person in this tenant");
    }
    if (cur.Int(1) != 0) return FailedPrecondition("household_archived", "household is archived");
    if (cur.Int(0) != expected_version)
      return Conflict("version_conflict", "person was changed by someone else");
    household_id = cur.Int(2);
  }
  {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(kUpdatePerson));
    s.Bind(1, id).Bind(2, tenant_id);
    BindPersonData(s, data, now);
    REGIE_RETURN_IF_ERROR(MapWriteError(s.Exec()));
  }
  REGIE_RETURN_IF_ERROR(RefreshSummary(household_id));
  return Get(tenant_id, id);
}

Status SqlitePersons::RefreshSummary(int64_t household_id) {
  // The head is the first hoofdpersoon by id, else the first member by id
  // (as migration 2 computed it); recomputed from all members, which are
  // few, rather than patched, so it cannot drift.
  REGIE_ASSIGN_OR_RETURN(
      Stmt s,
      conn_.Prepare("UPDATE households SET "
                    "member_count = (SELECT count(*) FROM persons p WHERE p.household_id = ?1), "
                    "head_wijk = coalesce((SELECT p.wijk FROM persons p WHERE p.household_id = ?1 "
                    "ORDER BY p.role <> 'hoofdpersoon', p.id LIMIT 1), ''), "
                    "head_kern = coalesce((SELECT p.kern FROM persons p WHERE p.household_id = ?1 "
                    "ORDER BY p.role <> 'hoofdpersoon', p.id LIMIT 1), ''), "
                    "first_housing_date = (SELECT min(p.housing_date) FROM persons p "
                    "WHERE p.household_id = ?1) "
                    "WHERE id = ?1"));
  return s.Bind(1, household_id).Exec();
}

StatusOr<std::vector<core::Person>> SqlitePersons::ListByHousehold(int64_t tenant_id,
                                                                   int64_t household_id) {
  {
    // Another tenant's household is reported, like a missing one, as not
    // found rather than as an empty list.
    REGIE_ASSIGN_OR_RETURN(
        Stmt h, conn_.Prepare("SELECT 1 FROM households WHERE id = ?1 AND tenant_id = ?2"));
    h.Bind(1, household_id).Bind(2, tenant_id);
    if (!h.Step()) {
      REGIE_RETURN_IF_ERROR(h.status());
      return NotFound("household_not_found", "no such household in this tenant");
    }
  }
  std::vector<core::Person> out;
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(kSelectMembers));
  s.Bind(1, household_id).Bind(2, tenant_id);
  while (s.Step()) out.push_back(ReadPerson(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<std::vector<core::Person>> SqlitePersons::ListOfTenant(int64_t tenant_id,
                                                                int64_t after_person_id,
                                                                int limit) {
  if (limit < 1) return InvalidArgument("invalid_limit", "limit must be at least 1");
  std::vector<core::Person> out;
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(kSelectOfTenant));
  s.Bind(1, tenant_id).Bind(2, after_person_id).Bind(3, int64_t{limit});
  while (s.Step()) out.push_back(ReadPerson(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

}  // namespace regie::storage::sqlite
