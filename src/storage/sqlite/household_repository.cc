#include <algorithm>

#include "core/text.h"
#include "ports/cursor.h"
#include "storage/sqlite/sqlite_repositories.h"

namespace regie::storage::sqlite {
namespace {

constexpr std::string_view kSelectHousehold =
    "SELECT id, tenant_id, version, name, regisseur, archived, archived_at, archive_reason, "
    "created_at, updated_at FROM households WHERE id = ?1 AND tenant_id = ?2";

// Summary columns and filters. The statement text depends only on which
// filters are present, so each variant is prepared once per connection. An
// absent filter is left out rather than written as "?n IS NULL OR ...": that
// keeps `archived = 0` and the keyset bound sargable, so households_list (or
// households_name with archived rows) delivers rows in list order and the
// correlated sub-selects (on persons_household) run for one page only.
struct ListShape {
  bool include_archived = false;
  bool after = false;
  bool text = false;
  bool wijk = false;
  bool kern = false;
  bool housed_from = false;
  bool housed_to = false;
};

std::string ListSql(const ListShape& shape) {
  std::string sql = R"sql(SELECT h.id, h.version, h.name, h.regisseur, h.archived,
  (SELECT count(*) FROM persons p WHERE p.household_id = h.id),
  (SELECT p.wijk FROM persons p WHERE p.household_id = h.id
     ORDER BY p.role <> 'hoofdpersoon', p.id LIMIT 1),
  (SELECT p.kern FROM persons p WHERE p.household_id = h.id
     ORDER BY p.role <> 'hoofdpersoon', p.id LIMIT 1),
  (SELECT min(p.housing_date) FROM persons p WHERE p.household_id = h.id)
FROM households h
WHERE h.tenant_id = ?1)sql";
  if (!shape.include_archived) sql += " AND h.archived = 0";
  if (shape.after) sql += " AND (h.name_key, h.id) > (?3, ?4)";
  if (shape.text)
    sql +=
        " AND (instr(h.name_key, ?5) > 0 OR EXISTS (SELECT 1 FROM persons p"
        " WHERE p.household_id = h.id AND instr(p.name_key, ?5) > 0))";
  if (shape.wijk)
    sql += " AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.wijk = ?6)";
  if (shape.kern)
    sql += " AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.kern = ?7)";
  if (shape.housed_from || shape.housed_to) {
    sql += " AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id";
    if (shape.housed_from) sql += " AND p.housing_date >= ?8";
    if (shape.housed_to) sql += " AND p.housing_date <= ?9";
    sql += ")";
  }
  sql += " ORDER BY h.name_key, h.id LIMIT ?10";
  return sql;
}

constexpr int kMaxLimit = 200;

}  // namespace

StatusOr<core::Household> SqliteHouseholds::Get(int64_t tenant_id, int64_t id) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(kSelectHousehold));
  s.Bind(1, id).Bind(2, tenant_id);
  if (!s.Step()) {
    REGIE_RETURN_IF_ERROR(s.status());
    return NotFound("household_not_found", "no such household in this tenant");
  }
  core::Household h;
  h.id = s.Int(0);
  h.tenant_id = s.Int(1);
  h.version = s.Int(2);
  h.data.name = s.Text(3);
  h.data.regisseur = s.Text(4);
  h.archived = s.Int(5) != 0;
  if (!s.IsNull(6)) h.archived_at = core::Timestamp{s.Int(6)};
  h.archive_reason = s.Text(7);
  h.created_at = core::Timestamp{s.Int(8)};
  h.updated_at = core::Timestamp{s.Int(9)};

  REGIE_ASSIGN_OR_RETURN(Stmt orgs, conn_.Prepare("SELECT organisation_id FROM "
                                                  "household_organisations WHERE household_id = ?1 "
                                                  "ORDER BY organisation_id"));
  orgs.Bind(1, id);
  while (orgs.Step()) h.data.involved_organisations.push_back(orgs.Int(0));
  REGIE_RETURN_IF_ERROR(orgs.status());
  return h;
}

Status SqliteHouseholds::CheckOrganisations(int64_t tenant_id,
                                            const std::vector<int64_t>& organisation_ids) {
  std::vector<FieldError> errors;
  for (size_t i = 0; i < organisation_ids.size(); ++i) {
    // Borrowed per id: the borrow resets the cached statement when it ends.
    REGIE_ASSIGN_OR_RETURN(
        Stmt check, conn_.Prepare("SELECT 1 FROM organisations WHERE id = ?1 AND tenant_id = ?2"));
    check.Bind(1, organisation_ids[i]).Bind(2, tenant_id);
    bool found = check.Step();
    REGIE_RETURN_IF_ERROR(check.status());
    if (!found)
      errors.push_back({"involved_organisations/" + std::to_string(i), "invalid_reference"});
  }
  if (!errors.empty())
    return InvalidArgument("validation_failed", "organisation not in tenant", std::move(errors));
  return Status::Ok();
}

Status SqliteHouseholds::WriteOrganisations(int64_t household_id,
                                            const std::vector<int64_t>& organisation_ids) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt del, conn_.Prepare("DELETE FROM household_organisations WHERE household_id = ?1"));
  REGIE_RETURN_IF_ERROR(del.Bind(1, household_id).Exec());
  for (int64_t org : organisation_ids) {
    // OR IGNORE: a repeated id in the input is one link, not an error.
    REGIE_ASSIGN_OR_RETURN(Stmt ins,
                           conn_.Prepare("INSERT OR IGNORE INTO household_organisations "
                                         "(household_id, organisation_id) VALUES (?1, ?2)"));
    REGIE_RETURN_IF_ERROR(ins.Bind(1, household_id).Bind(2, org).Exec());
  }
  return Status::Ok();
}

StatusOr<core::Household> SqliteHouseholds::Create(int64_t tenant_id,
                                                   const core::HouseholdData& data,
                                                   core::Timestamp now) {
  {
    REGIE_ASSIGN_OR_RETURN(Stmt t, conn_.Prepare("SELECT 1 FROM tenants WHERE id = ?1"));
    t.Bind(1, tenant_id);
    if (!t.Step()) {
      REGIE_RETURN_IF_ERROR(t.status());
      return NotFound("tenant_not_found", "no such tenant");
    }
  }
  // Every reference is checked before the first row is written, so a refused
  // household leaves nothing behind even if the caller commits anyway.
  REGIE_RETURN_IF_ERROR(CheckOrganisations(tenant_id, data.involved_organisations));
  REGIE_ASSIGN_OR_RETURN(
      Stmt s,
      conn_.Prepare("INSERT INTO households (tenant_id, version, name, name_key, regisseur, "
                    "archived, created_at, updated_at) "
                    "VALUES (?1, 1, ?2, ?3, ?4, 0, ?5, ?5)"));
  REGIE_RETURN_IF_ERROR(s.Bind(1, tenant_id)
                            .Bind(2, data.name)
                            .Bind(3, core::SearchKey(data.name))
                            .Bind(4, data.regisseur)
                            .Bind(5, now.micros)
                            .Exec());
  int64_t id = sqlite3_last_insert_rowid(conn_.db());
  REGIE_RETURN_IF_ERROR(WriteOrganisations(id, data.involved_organisations));
  return Get(tenant_id, id);
}

Status SqliteHouseholds::CheckWritable(int64_t tenant_id, int64_t id, int64_t expected_version) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT version, archived FROM households "
                                               "WHERE id = ?1 AND tenant_id = ?2"));
  s.Bind(1, id).Bind(2, tenant_id);
  if (!s.Step()) {
    REGIE_RETURN_IF_ERROR(s.status());
    return NotFound("household_not_found", "no such household in this tenant");
  }
  if (s.Int(1) != 0) return FailedPrecondition("household_archived", "household is archived");
  if (s.Int(0) != expected_version)
    return Conflict("version_conflict", "household was changed by someone else");
  return Status::Ok();
}

StatusOr<core::Household> SqliteHouseholds::Update(int64_t tenant_id, int64_t id,
                                                   int64_t expected_version,
                                                   const core::HouseholdData& data,
                                                   core::Timestamp now) {
  REGIE_RETURN_IF_ERROR(CheckWritable(tenant_id, id, expected_version));
  REGIE_RETURN_IF_ERROR(CheckOrganisations(tenant_id, data.involved_organisations));
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("UPDATE households SET name = ?3, name_key = ?4, regisseur = ?5, "
                            "version = version + 1, updated_at = ?6 "
                            "WHERE id = ?1 AND tenant_id = ?2"));
  REGIE_RETURN_IF_ERROR(s.Bind(1, id)
                            .Bind(2, tenant_id)
                            .Bind(3, data.name)
                            .Bind(4, core::SearchKey(data.name))
                            .Bind(5, data.regisseur)
                            .Bind(6, now.micros)
                            .Exec());
  REGIE_RETURN_IF_ERROR(WriteOrganisations(id, data.involved_organisations));
  return Get(tenant_id, id);
}

StatusOr<core::Household> SqliteHouseholds::Archive(int64_t tenant_id, int64_t id,
                                                    int64_t expected_version,
                                                    const std::string& reason,
                                                    core::Timestamp now) {
  Status writable = CheckWritable(tenant_id, id, expected_version);
  if (writable.reason() == "household_archived")
    return FailedPrecondition("already_archived", "household was archived before");
  REGIE_RETURN_IF_ERROR(writable);
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("UPDATE households SET archived = 1, archived_at = ?3, "
                            "archive_reason = ?4, version = version + 1, updated_at = ?3 "
                            "WHERE id = ?1 AND tenant_id = ?2"));
  REGIE_RETURN_IF_ERROR(
      s.Bind(1, id).Bind(2, tenant_id).Bind(3, now.micros).Bind(4, reason).Exec());
  return Get(tenant_id, id);
}

StatusOr<ports::HouseholdPage> SqliteHouseholds::List(const ports::HouseholdQuery& q) {
  // The cursor names the last row of the previous page; continue after its
  // current (name key, id).
  std::optional<ports::ListPosition> after;
  if (q.after) {
    std::optional<int64_t> id = ports::DecodeCursor(*q.after);
    std::optional<std::string> key;
    if (id) {
      REGIE_ASSIGN_OR_RETURN(
          Stmt k,
          conn_.Prepare("SELECT name_key FROM households WHERE id = ?1 AND tenant_id = ?2"));
      k.Bind(1, *id).Bind(2, q.tenant_id);
      if (k.Step()) key = k.Text(0);
      REGIE_RETURN_IF_ERROR(k.status());
    }
    if (!key)
      return InvalidArgument("invalid_cursor", "cursor was not issued by this list",
                             {{"after", "invalid_cursor"}});
    after = ports::ListPosition{std::move(*key), *id};
  }
  const int limit = std::clamp(q.limit, 1, kMaxLimit);
  // An empty search key (e.g. only white space) filters nothing.
  std::string text_key = q.text ? core::SearchKey(*q.text) : std::string();
  const ListShape shape{.include_archived = q.include_archived,
                        .after = after.has_value(),
                        .text = !text_key.empty(),
                        .wijk = q.wijk.has_value(),
                        .kern = q.kern.has_value(),
                        .housed_from = q.housed_from.has_value(),
                        .housed_to = q.housed_to.has_value()};
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(ListSql(shape)));
  s.Bind(1, q.tenant_id);
  if (after) s.Bind(3, after->name_key).Bind(4, after->id);
  if (shape.text) s.Bind(5, text_key);
  if (q.wijk) s.Bind(6, *q.wijk);
  if (q.kern) s.Bind(7, *q.kern);
  if (q.housed_from) s.Bind(8, q.housed_from->ToString());
  if (q.housed_to) s.Bind(9, q.housed_to->ToString());
  s.Bind(10, int64_t{limit + 1});  // one extra row tells whether there is a next page

  ports::HouseholdPage page;
  while (s.Step()) {
    if (static_cast<int>(page.items.size()) == limit) {
      page.next = ports::EncodeCursor(page.items.back().id);
      break;
    }
    core::HouseholdSummary h;
    h.id = s.Int(0);
    h.version = s.Int(1);
    h.name = s.Text(2);
    h.regisseur = s.Text(3);
    h.archived = s.Int(4) != 0;
    h.member_count = static_cast<int>(s.Int(5));
    h.wijk = s.Text(6);
    h.kern = s.Text(7);
    if (auto d = s.OptText(8)) h.housing_date = core::Date::Parse(*d);
    page.items.push_back(std::move(h));
  }
  REGIE_RETURN_IF_ERROR(s.status());
  return page;
}

}  // namespace regie::storage::sqlite
