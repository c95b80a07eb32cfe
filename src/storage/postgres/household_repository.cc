#include <algorithm>
#include <unordered_set>

#include "core/text.h"
#include "ports/cursor.h"
#include "storage/postgres/postgres_repositories.h"

namespace regie::storage::postgres {
namespace {

constexpr std::string_view kSelectHousehold =
    "SELECT id, tenant_id, version, name, regisseur, archived, archived_at, archive_reason, "
    "created_at, updated_at, ARRAY(SELECT o.organisation_id FROM household_organisations o "
    "WHERE o.household_id = h.id ORDER BY o.organisation_id) "
    "FROM households h WHERE id = $1 AND tenant_id = $2";

constexpr int kMaxLimit = 200;

Status HouseholdNotFound() {
  return NotFound("household_not_found", "no such household in this tenant");
}

// The list statement for the filters present in `q`, with its parameters.
// As in the SQLite adapter, an absent filter is left out of the text rather
// than written as "$n IS NULL OR ...", which keeps `archived = false` and the
// keyset bound usable as index conditions on households_list (or
// households_name with archived rows), so rows arrive in list order and the
// per-row sub-selects run for one page only. The text depends only on which
// filters are present, so each variant is prepared once per connection.
std::string ListSql(const ports::HouseholdQuery& q, const std::optional<ports::ListPosition>& after,
                    const std::string& text_key, int limit, Params& p) {
  std::string sql = R"sql(SELECT h.id, h.version, h.name, h.regisseur, h.archived,
  (SELECT count(*) FROM persons p WHERE p.household_id = h.id),
  (SELECT p.wijk FROM persons p WHERE p.household_id = h.id
     ORDER BY p.role <> 'hoofdpersoon', p.id LIMIT 1),
  (SELECT p.kern FROM persons p WHERE p.household_id = h.id
     ORDER BY p.role <> 'hoofdpersoon', p.id LIMIT 1),
  (SELECT min(p.housing_date) FROM persons p WHERE p.household_id = h.id)
FROM households h
WHERE h.tenant_id = )sql";
  sql += p.Next(q.tenant_id);
  if (!q.include_archived) sql += " AND h.archived = false";
  if (after) {
    // name_key is COLLATE "C": the bound compares bytes, like SQLite's BINARY.
    std::string key = p.Next(after->name_key);
    sql += " AND (h.name_key, h.id) > (" + key + ", " + p.Next(after->id) + ")";
  }
  if (!text_key.empty()) {
    // strpos, not ILIKE: a plain substring of the folded key, so % and _
    // are ordinary characters and both backends match alike.
    std::string key = p.Next(text_key);
    sql += " AND (strpos(h.name_key, " + key +
           ") > 0 OR EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND "
           "strpos(p.name_key, " +
           key + ") > 0))";
  }
  if (q.wijk) {
    sql += " AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.wijk = " +
           p.Next(*q.wijk) + ")";
  }
  if (q.kern) {
    sql += " AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.kern = " +
           p.Next(*q.kern) + ")";
  }
  if (q.housed_from || q.housed_to) {
    sql += " AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id";
    if (q.housed_from) sql += " AND p.housing_date >= " + p.Next(q.housed_from->ToString());
    if (q.housed_to) sql += " AND p.housing_date <= " + p.Next(q.housed_to->ToString());
    sql += ")";
  }
  // One extra row tells whether there is a next page.
  sql += " ORDER BY h.name_key, h.id LIMIT " + p.Next(int64_t{limit} + 1);
  return sql;
}

}  // namespace

StatusOr<core::Household> PgHouseholds::Get(int64_t tenant_id, int64_t id) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(kSelectHousehold, Params().Add(id).Add(tenant_id)));
  if (r.rows() == 0) return HouseholdNotFound();
  core::Household h;
  h.id = r.Int(0, 0);
  h.tenant_id = r.Int(0, 1);
  h.version = r.Int(0, 2);
  h.data.name = r.Text(0, 3);
  h.data.regisseur = r.Text(0, 4);
  h.archived = r.Bool(0, 5);
  if (!r.IsNull(0, 6)) h.archived_at = core::Timestamp{r.Int(0, 6)};
  h.archive_reason = r.Text(0, 7);
  h.created_at = core::Timestamp{r.Int(0, 8)};
  h.updated_at = core::Timestamp{r.Int(0, 9)};
  h.data.involved_organisations = r.IdArray(0, 10);
  return h;
}

Status PgHouseholds::CheckOrganisations(int64_t tenant_id,
                                        const std::vector<int64_t>& organisation_ids) {
  if (organisation_ids.empty()) return Status::Ok();
  // One round trip for all ids; organisations are never deleted, so what
  // this finds still exists at commit (the foreign key guards the rest).
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec("SELECT id FROM organisations "
                                    "WHERE tenant_id = $1 AND id = ANY($2::bigint[])",
                                    Params().Add(tenant_id).AddIdArray(organisation_ids)));
  std::unordered_set<int64_t> found;
  for (int i = 0; i < r.rows(); ++i) found.insert(r.Int(i, 0));
  std::vector<FieldError> errors;
  for (size_t i = 0; i < organisation_ids.size(); ++i) {
    if (!found.contains(organisation_ids[i]))
      errors.push_back({"involved_organisations/" + std::to_string(i), "invalid_reference"});
  }
  if (!errors.empty())
    return InvalidArgument("validation_failed", "organisation not in tenant", std::move(errors));
  return Status::Ok();
}

Status PgHouseholds::WriteOrganisations(int64_t household_id,
                                        const std::vector<int64_t>& organisation_ids) {
  REGIE_RETURN_IF_ERROR(conn_
                            .Exec("DELETE FROM household_organisations WHERE household_id = $1",
                                  Params().Add(household_id))
                            .status());
  if (organisation_ids.empty()) return Status::Ok();
  // DO NOTHING: a repeated id in the input is one link, not an error.
  return conn_
      .Exec(
          "INSERT INTO household_organisations (household_id, organisation_id) "
          "SELECT $1::bigint, unnest($2::bigint[]) ON CONFLICT DO NOTHING",
          Params().Add(household_id).AddIdArray(organisation_ids))
      .status();
}

StatusOr<core::Household> PgHouseholds::Create(int64_t tenant_id, const core::HouseholdData& data,
                                               core::Timestamp now) {
  {
    REGIE_ASSIGN_OR_RETURN(
        Result t, conn_.Exec("SELECT 1 FROM tenants WHERE id = $1", Params().Add(tenant_id)));
    if (t.rows() == 0) return NotFound("tenant_not_found", "no such tenant");
  }
  // Every reference is checked before the first row is written, so a refused
  // household leaves nothing behind even if the caller commits anyway.
  REGIE_RETURN_IF_ERROR(CheckOrganisations(tenant_id, data.involved_organisations));
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("INSERT INTO households (tenant_id, version, name, name_key, regisseur, "
                           "archived, created_at, updated_at) "
                           "VALUES ($1, 1, $2, $3, $4, false, $5, $5) RETURNING id",
                           Params()
                               .Add(tenant_id)
                               .Add(data.name)
                               .Add(core::SearchKey(data.name))
                               .Add(data.regisseur)
                               .Add(now.micros)));
  int64_t id = r.Int(0, 0);
  REGIE_RETURN_IF_ERROR(WriteOrganisations(id, data.involved_organisations));
  return Get(tenant_id, id);
}

Status PgHouseholds::LockWritable(int64_t tenant_id, int64_t id, int64_t expected_version) {
  // The row lock makes a concurrent writer of this household wait for our
  // commit; READ COMMITTED then hands it the committed row, so it sees our
  // version (or archive) instead of deciding on a stale one.
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT version, archived FROM households "
                                              "WHERE id = $1 AND tenant_id = $2 "
                                              "FOR NO KEY UPDATE",
                                              Params().Add(id).Add(tenant_id)));
  if (r.rows() == 0) return HouseholdNotFound();
  if (r.Bool(0, 1)) return FailedPrecondition("household_archived", "household is archived");
  if (r.Int(0, 0) != expected_version)
    return Conflict("version_conflict", "household was changed by someone else");
  return Status::Ok();
}

StatusOr<core::Household> PgHouseholds::Update(int64_t tenant_id, int64_t id,
                                               int64_t expected_version,
                                               const core::HouseholdData& data,
                                               core::Timestamp now) {
  REGIE_RETURN_IF_ERROR(LockWritable(tenant_id, id, expected_version));
  REGIE_RETURN_IF_ERROR(CheckOrganisations(tenant_id, data.involved_organisations));
  // The version guard repeats the check in the statement that writes, so a
  // stale version can never be overwritten, lock or not.
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("UPDATE households SET name = $3, name_key = $4, regisseur = $5, "
                           "version = version + 1, updated_at = $6 "
                           "WHERE id = $1 AND tenant_id = $2 AND version = $7",
                           Params()
                               .Add(id)
                               .Add(tenant_id)
                               .Add(data.name)
                               .Add(core::SearchKey(data.name))
                               .Add(data.regisseur)
                               .Add(now.micros)
                               .Add(expected_version)));
  if (r.affected() == 0)
    return Conflict("version_conflict", "household was changed by someone else");
  REGIE_RETURN_IF_ERROR(WriteOrganisations(id, data.involved_organisations));
  return Get(tenant_id, id);
}

StatusOr<core::Household> PgHouseholds::Archive(int64_t tenant_id, int64_t id,
                                                int64_t expected_version, const std::string& reason,
                                                core::Timestamp now) {
  Status writable = LockWritable(tenant_id, id, expected_version);
  if (writable.reason() == "household_archived")
    return FailedPrecondition("already_archived", "household was archived before");
  REGIE_RETURN_IF_ERROR(writable);
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec(
          "UPDATE households SET archived = true, archived_at = $3, "
          "archive_reason = $4, version = version + 1, updated_at = $3 "
          "WHERE id = $1 AND tenant_id = $2 AND version = $5",
          Params().Add(id).Add(tenant_id).Add(now.micros).Add(reason).Add(expected_version)));
  if (r.affected() == 0)
    return Conflict("version_conflict", "household was changed by someone else");
  return Get(tenant_id, id);
}

StatusOr<ports::HouseholdPage> PgHouseholds::List(const ports::HouseholdQuery& q) {
  // The cursor names the last row of the previous page; continue after its
  // current (name key, id).
  std::optional<ports::ListPosition> after;
  if (q.after) {
    std::optional<int64_t> id = ports::DecodeCursor(*q.after);
    std::optional<std::string> key;
    if (id) {
      REGIE_ASSIGN_OR_RETURN(
          Result k, conn_.Exec("SELECT name_key FROM households WHERE id = $1 AND tenant_id = $2",
                               Params().Add(*id).Add(q.tenant_id)));
      if (k.rows() == 1) key = k.Text(0, 0);
    }
    if (!key)
      return InvalidArgument("invalid_cursor", "cursor was not issued by this list",
                             {{"after", "invalid_cursor"}});
    after = ports::ListPosition{std::move(*key), *id};
  }
  const int limit = std::clamp(q.limit, 1, kMaxLimit);
  // An empty search key (e.g. only white space) filters nothing.
  std::string text_key = q.text ? core::SearchKey(*q.text) : std::string();
  // A filter that is not storable text cannot equal stored text: no rows,
  // as on SQLite, without sending the server a value it would refuse.
  for (const std::optional<std::string>* filter : {&q.wijk, &q.kern}) {
    if (*filter && !IsStorableText(**filter)) return ports::HouseholdPage{};
  }
  if (!IsStorableText(text_key)) return ports::HouseholdPage{};

  Params params;
  std::string sql = ListSql(q, after, text_key, limit, params);
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(sql, params));
  ports::HouseholdPage page;
  for (int i = 0; i < r.rows(); ++i) {
    if (i == limit) {
      page.next = ports::EncodeCursor(page.items.back().id);
      break;
    }
    core::HouseholdSummary h;
    h.id = r.Int(i, 0);
    h.version = r.Int(i, 1);
    h.name = r.Text(i, 2);
    h.regisseur = r.Text(i, 3);
    h.archived = r.Bool(i, 4);
    h.member_count = static_cast<int>(r.Int(i, 5));
    h.wijk = r.Text(i, 6);
    h.kern = r.Text(i, 7);
    if (auto d = r.OptText(i, 8)) h.housing_date = core::Date::Parse(*d);
    page.items.push_back(std::move(h));
  }
  return page;
}

}  // namespace regie::storage::postgres
