#include "core/text.h"
#include "storage/postgres/postgres_repositories.h"

namespace regie::storage::postgres {
namespace {

#define PERSON_COLUMNS                                                                        \
  "id, tenant_id, household_id, version, given_names, family_name, birth_date, sex, "         \
  "nationality, languages, literacy, highest_education, bsn, v_number, permit_date, "         \
  "koppeling_date, housing_date, street, house_number, postal_code, city, wijk, kern, role, " \
  "family_reunification, inburgeringsplicht, exemption_reason, created_at, updated_at"

constexpr std::string_view kSelectPerson =
    "SELECT " PERSON_COLUMNS " FROM persons WHERE id = $1 AND tenant_id = $2";
// The same role order as SQLite's, spelled out rather than left to a
// collation, then birth date and id.
constexpr std::string_view kSelectMembers =
    "SELECT " PERSON_COLUMNS
    " FROM persons WHERE household_id = $1 AND tenant_id = $2 ORDER BY CASE role "
    "WHEN 'hoofdpersoon' THEN 0 WHEN 'partner' THEN 1 WHEN 'kind' THEN 2 "
    "WHEN 'nareiziger' THEN 3 ELSE 4 END, birth_date, id";
// Keyset pages over the persons_tenant index; the household check is a
// primary-key lookup per person, not a list built per page.
constexpr std::string_view kSelectOfTenant =
    "SELECT " PERSON_COLUMNS
    " FROM persons WHERE tenant_id = $1 AND id > $2 AND EXISTS (SELECT 1 FROM "
    "households h WHERE h.id = persons.household_id AND h.tenant_id = $1 AND NOT h.archived) "
    "ORDER BY id LIMIT $3";
#undef PERSON_COLUMNS

// Parameters $3..$27 in the order of the insert and update statements.
// DO NOTHING on the BSN clash: an error would abort the whole transaction,
// where SQLite fails just this statement; no row back means a duplicate.
constexpr std::string_view kInsertPerson =
    "INSERT INTO persons (tenant_id, household_id, version, given_names, family_name, name_key, "
    "birth_date, sex, nationality, languages, literacy, highest_education, bsn, v_number, "
    "permit_date, koppeling_date, housing_date, street, house_number, postal_code, city, wijk, "
    "kern, role, family_reunification, inburgeringsplicht, exemption_reason, created_at, "
    "updated_at) VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
    "$16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $27) "
    "ON CONFLICT DO NOTHING RETURNING id";
// $28 guards the version in the writing statement itself.
constexpr std::string_view kUpdatePerson =
    "UPDATE persons SET given_names = $3, family_name = $4, name_key = $5, birth_date = $6, "
    "sex = $7, nationality = $8, languages = $9, literacy = $10, highest_education = $11, "
    "bsn = $12, v_number = $13, permit_date = $14, koppeling_date = $15, housing_date = $16, "
    "street = $17, house_number = $18, postal_code = $19, city = $20, wijk = $21, kern = $22, "
    "role = $23, family_reunification = $24, inburgeringsplicht = $25, exemption_reason = $26, "
    "updated_at = $27, version = version + 1 WHERE id = $1 AND tenant_id = $2 AND version = $28";

std::optional<std::string> OptDate(const std::optional<core::Date>& d) {
  if (!d) return std::nullopt;
  return d->ToString();
}

std::optional<core::Date> ReadOptDate(const Result& r, int row, int col) {
  if (r.IsNull(row, col)) return std::nullopt;
  return core::Date::Parse(r.Text(row, col));
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
E ReadEnum(const Result& r, int row, int col, E fallback) {
  return core::ParseEnum<E>(r.Text(row, col)).value_or(fallback);
}

core::Person ReadPerson(const Result& r, int row) {
  core::Person p;
  p.id = r.Int(row, 0);
  p.tenant_id = r.Int(row, 1);
  p.household_id = r.Int(row, 2);
  p.version = r.Int(row, 3);
  core::PersonData& d = p.data;
  d.given_names = r.Text(row, 4);
  d.family_name = r.Text(row, 5);
  d.birth_date = core::Date::Parse(r.Text(row, 6)).value_or(core::Date());
  d.sex = ReadEnum(r, row, 7, core::Sex::kUnknown);
  d.nationality = r.Text(row, 8);
  d.languages = SplitLanguages(r.Text(row, 9));
  d.literacy = ReadEnum(r, row, 10, core::Literacy::kYes);
  d.highest_education = ReadEnum(r, row, 11, core::Education::kUnknown);
  d.bsn = r.OptText(row, 12);
  d.v_number = r.OptText(row, 13);
  d.permit_date = ReadOptDate(r, row, 14);
  d.koppeling_date = ReadOptDate(r, row, 15);
  d.housing_date = ReadOptDate(r, row, 16);
  d.address = {r.Text(row, 17), r.Text(row, 18), r.Text(row, 19),
               r.Text(row, 20), r.Text(row, 21), r.Text(row, 22)};
  d.role = ReadEnum(r, row, 23, core::HouseholdRole::kOther);
  d.family_reunification = r.Bool(row, 24);
  d.inburgeringsplicht = ReadEnum(r, row, 25, core::InburgeringPlicht::kYes);
  d.exemption_reason = r.Text(row, 26);
  p.created_at = core::Timestamp{r.Int(row, 27)};
  p.updated_at = core::Timestamp{r.Int(row, 28)};
  return p;
}

// Appends $3..$27.
Params& AddPersonData(Params& p, const core::PersonData& d, core::Timestamp now) {
  return p.Add(d.given_names)
      .Add(d.family_name)
      .Add(core::SearchKey(d.given_names + " " + d.family_name))
      .Add(d.birth_date.ToString())
      .Add(core::ToCode(d.sex))
      .Add(d.nationality)
      .Add(JoinLanguages(d.languages))
      .Add(core::ToCode(d.literacy))
      .Add(core::ToCode(d.highest_education))
      .Add(d.bsn)
      .Add(d.v_number)
      .Add(OptDate(d.permit_date))
      .Add(OptDate(d.koppeling_date))
      .Add(OptDate(d.housing_date))
      .Add(d.address.street)
      .Add(d.address.house_number)
      .Add(d.address.postal_code)
      .Add(d.address.city)
      .Add(d.address.wijk)
      .Add(d.address.kern)
      .Add(core::ToCode(d.role))
      .AddBool(d.family_reunification)
      .Add(core::ToCode(d.inburgeringsplicht))
      .Add(d.exemption_reason)
      .Add(now.micros);
}

// The only unique key a person write can clash on is the BSN.
Status DuplicateBsn() {
  return {StatusCode::kConflict,
          "duplicate",
          "BSN already registered in this municipality",
          {{"bsn", "duplicate"}}};
}

Status PersonNotFound() { return NotFound("person_not_found", "no such person in this tenant"); }
Status HouseholdNotFound() {
  return NotFound("household_not_found", "no such household in this tenant");
}
Status HouseholdArchived() {
  return FailedPrecondition("household_archived", "household is archived");
}

}  // namespace

StatusOr<core::Person> PgPersons::Create(int64_t tenant_id, int64_t household_id,
                                         const core::PersonData& data, core::Timestamp now) {
  {
    // Locked so that a concurrent archive waits for this member (or this
    // insert sees the archive), as SQLite's single writer guarantees.
    REGIE_ASSIGN_OR_RETURN(Result h, conn_.Exec("SELECT archived FROM households "
                                                "WHERE id = $1 AND tenant_id = $2 "
                                                "FOR NO KEY UPDATE",
                                                Params().Add(household_id).Add(tenant_id)));
    if (h.rows() == 0) return HouseholdNotFound();
    if (h.Bool(0, 0)) return HouseholdArchived();
  }
  Params params;
  params.Add(tenant_id).Add(household_id);
  AddPersonData(params, data, now);
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(kInsertPerson, params));
  if (r.rows() == 0) return DuplicateBsn();
  REGIE_RETURN_IF_ERROR(RefreshSummary(household_id));
  return Get(tenant_id, r.Int(0, 0));
}

StatusOr<core::Person> PgPersons::Get(int64_t tenant_id, int64_t id) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(kSelectPerson, Params().Add(id).Add(tenant_id)));
  if (r.rows() == 0) return PersonNotFound();
  return ReadPerson(r, 0);
}

StatusOr<core::Person> PgPersons::Update(int64_t tenant_id, int64_t id, int64_t expected_version,
                                         const core::PersonData& data, core::Timestamp now) {
  std::optional<std::string> current_bsn;
  int64_t household_id = 0;
  {
    // Locks the household, never the person first: every writer takes the
    // household before its members, so two writers cannot deadlock, and a
    // concurrent archive is seen. The UPDATE below re-checks the version.
    REGIE_ASSIGN_OR_RETURN(Result cur,
                           conn_.Exec("SELECT p.version, h.archived, p.bsn, h.id FROM persons p "
                                      "JOIN households h ON h.id = p.household_id "
                                      "WHERE p.id = $1 AND p.tenant_id = $2 FOR NO KEY UPDATE OF h",
                                      Params().Add(id).Add(tenant_id)));
    if (cur.rows() == 0) return PersonNotFound();
    if (cur.Bool(0, 1)) return HouseholdArchived();
    if (cur.Int(0, 0) != expected_version)
      return Conflict("version_conflict", "person was changed by someone else");
    current_bsn = cur.OptText(0, 2);
    household_id = cur.Int(0, 3);
  }
  Params params;
  params.Add(id).Add(tenant_id);
  AddPersonData(params, data, now).Add(expected_version);
  // Only a new BSN can clash. That statement runs in a savepoint so the
  // clash fails it alone and the transaction goes on, as on SQLite.
  const bool may_clash = data.bsn.has_value() && data.bsn != current_bsn;
  StatusOr<Result> r =
      may_clash ? conn_.ExecIsolated(kUpdatePerson, params) : conn_.Exec(kUpdatePerson, params);
  if (r.status().code() == StatusCode::kConflict) return DuplicateBsn();
  REGIE_RETURN_IF_ERROR(r.status());
  if (r->affected() == 0) return Conflict("version_conflict", "person was changed by someone else");
  REGIE_RETURN_IF_ERROR(RefreshSummary(household_id));
  return Get(tenant_id, id);
}

Status PgPersons::RefreshSummary(int64_t household_id) {
  // The head is the first hoofdpersoon by id, else the first member by id
  // (as migration 2 computed it); recomputed from all members, which are
  // few, rather than patched, so it cannot drift. The caller holds the
  // household's row lock, so concurrent member writes refresh in turn and
  // the last one sees every member.
  return conn_
      .Exec(
          "UPDATE households h SET member_count = s.n, first_housing_date = s.first_housing, "
          "head_wijk = coalesce(hd.wijk, ''), head_kern = coalesce(hd.kern, '') "
          "FROM (SELECT count(*) AS n, min(housing_date) AS first_housing FROM persons "
          "WHERE household_id = $1) s "
          "LEFT JOIN LATERAL (SELECT wijk, kern FROM persons WHERE household_id = $1 "
          "ORDER BY role <> 'hoofdpersoon', id LIMIT 1) hd ON true WHERE h.id = $1",
          Params().Add(household_id))
      .status();
}

StatusOr<std::vector<core::Person>> PgPersons::ListByHousehold(int64_t tenant_id,
                                                               int64_t household_id) {
  {
    // Another tenant's household is reported, like a missing one, as not
    // found rather than as an empty list.
    REGIE_ASSIGN_OR_RETURN(Result h,
                           conn_.Exec("SELECT 1 FROM households WHERE id = $1 AND tenant_id = $2",
                                      Params().Add(household_id).Add(tenant_id)));
    if (h.rows() == 0) return HouseholdNotFound();
  }
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec(kSelectMembers, Params().Add(household_id).Add(tenant_id)));
  std::vector<core::Person> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadPerson(r, i));
  return out;
}

StatusOr<std::vector<core::Person>> PgPersons::ListOfTenant(int64_t tenant_id,
                                                            int64_t after_person_id, int limit) {
  if (limit < 1) return InvalidArgument("invalid_limit", "limit must be at least 1");
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec(kSelectOfTenant,
                           Params().Add(tenant_id).Add(after_person_id).Add(int64_t{limit})));
  std::vector<core::Person> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadPerson(r, i));
  return out;
}

}  // namespace regie::storage::postgres
