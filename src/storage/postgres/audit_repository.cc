// The hash-chained audit log. Writers run side by side in READ COMMITTED,
// so Append takes the head row with FOR UPDATE: a concurrent appender waits
// for our commit and then reads the head we moved (READ COMMITTED hands a
// waiting locker the newest committed row version), which chains the
// records one after the other without gaps or forks.
#include <algorithm>
#include <optional>

#include "storage/postgres/postgres_access_repositories.h"

namespace regie::storage::postgres {
namespace {

constexpr int kMaxFind = 500;
constexpr int64_t kMicrosPerDay = 86'400'000'000;

#define AUDIT_COLUMNS                                                                          \
  "SELECT seq, at, user_id, organisation_id, tenant_id, action, resource_type, resource_id, "  \
  "household_id, person_id, categories, purpose, break_glass, outcome, client_ip, prev_hash, " \
  "hash FROM audit_log"
constexpr std::string_view kColumns = AUDIT_COLUMNS;
constexpr std::string_view kScan = AUDIT_COLUMNS " WHERE seq > $1 ORDER BY seq LIMIT $2";
#undef AUDIT_COLUMNS

std::optional<int64_t> OptInt(const Result& r, int row, int col) {
  if (r.IsNull(row, col)) return std::nullopt;
  return r.Int(row, col);
}

std::optional<std::string> OptText(const std::optional<int64_t>& v) {
  if (!v) return std::nullopt;
  return std::to_string(*v);
}

core::AuditRecord ReadRecord(const Result& r, int row) {
  core::AuditRecord a;
  a.seq = r.Int(row, 0);
  a.at = core::Timestamp{r.Int(row, 1)};
  a.user_id = OptInt(r, row, 2);
  a.organisation_id = OptInt(r, row, 3);
  a.tenant_id = OptInt(r, row, 4);
  a.action = r.Text(row, 5);
  a.resource_type = r.Text(row, 6);
  a.resource_id = r.Text(row, 7);
  a.household_id = OptInt(r, row, 8);
  a.person_id = OptInt(r, row, 9);
  // A code this version does not know reads as no category; the hash then
  // no longer matches, so the verifier reports the record as altered.
  a.categories = core::CategorySet::Parse(r.Text(row, 10)).value_or(core::CategorySet());
  a.purpose = r.Text(row, 11);
  a.break_glass = r.Bool(row, 12);
  a.outcome = r.Text(row, 13);
  a.client_ip = r.Text(row, 14);
  a.prev_hash = r.Text(row, 15);
  a.hash = r.Text(row, 16);
  return a;
}

std::vector<core::AuditRecord> ReadRecords(const Result& r) {
  std::vector<core::AuditRecord> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadRecord(r, i));
  return out;
}

}  // namespace

StatusOr<ports::AuditHead> PgAudit::Head() {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT seq, hash FROM audit_head WHERE id = 1"));
  if (r.rows() == 0) return Internal("audit_head has no row; the schema was changed outside Regie");
  return ports::AuditHead{r.Int(0, 0), r.Text(0, 1)};
}

StatusOr<core::AuditRecord> PgAudit::Append(core::AuditRecord record,
                                            const core::DigestFn& digest) {
  {
    REGIE_ASSIGN_OR_RETURN(Result head,
                           conn_.Exec("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE"));
    if (head.rows() == 0)
      return Internal("audit_head has no row; the schema was changed outside Regie");
    record.seq = head.Int(0, 0) + 1;
    record.prev_hash = head.Text(0, 1);
  }
  record.hash = core::ChainHash(digest, record);
  // One statement inserts the record and moves the head (a data-modifying
  // CTE), so an append costs one more round trip than the lock.
  REGIE_RETURN_IF_ERROR(
      conn_
          .Exec("WITH appended AS (INSERT INTO audit_log (seq, at, user_id, organisation_id, "
                "tenant_id, action, resource_type, resource_id, household_id, person_id, "
                "categories, purpose, break_glass, outcome, client_ip, prev_hash, hash) VALUES "
                "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) "
                "RETURNING seq, hash) "
                "UPDATE audit_head SET seq = appended.seq, hash = appended.hash "
                "FROM appended WHERE audit_head.id = 1",
                Params()
                    .Add(record.seq)
                    .Add(record.at.micros)
                    .Add(OptText(record.user_id))
                    .Add(OptText(record.organisation_id))
                    .Add(OptText(record.tenant_id))
                    .Add(record.action)
                    .Add(record.resource_type)
                    .Add(record.resource_id)
                    .Add(OptText(record.household_id))
                    .Add(OptText(record.person_id))
                    .Add(record.categories.ToString())
                    .Add(record.purpose)
                    .AddBool(record.break_glass)
                    .Add(record.outcome)
                    .Add(record.client_ip)
                    .Add(record.prev_hash)
                    .Add(record.hash))
          .status());
  return record;
}

StatusOr<std::vector<core::AuditRecord>> PgAudit::Find(const ports::AuditQuery& q) {
  // A person's records include the household-level ones of its household
  // (a household read shows the person too).
  std::optional<int64_t> person_household;
  if (q.person_id) {
    REGIE_ASSIGN_OR_RETURN(Result p, conn_.Exec("SELECT household_id FROM persons "
                                                "WHERE id = $1 AND tenant_id = $2",
                                                Params().Add(*q.person_id).Add(q.tenant_id)));
    if (p.rows() == 1) person_household = p.Int(0, 0);
  }
  Params p;
  std::string sql = std::string(kColumns) + " WHERE tenant_id = " + p.Next(q.tenant_id);
  if (q.user_id) sql += " AND user_id = " + p.Next(*q.user_id);
  if (q.household_id) sql += " AND household_id = " + p.Next(*q.household_id);
  if (q.person_id) {
    const std::string person = p.Next(*q.person_id);
    sql += person_household
               ? " AND (person_id = " + person +
                     " OR (person_id IS NULL AND household_id = " + p.Next(*person_household) + "))"
               : " AND person_id = " + person;
  }
  if (q.action) sql += " AND action = " + p.Next(*q.action);
  if (q.from) sql += " AND at >= " + p.Next(int64_t{q.from->days()} * kMicrosPerDay);
  if (q.to) sql += " AND at < " + p.Next((int64_t{q.to->days()} + 1) * kMicrosPerDay);
  if (q.before_seq) sql += " AND seq < " + p.Next(*q.before_seq);
  sql += " ORDER BY seq DESC LIMIT " + p.Next(int64_t{std::clamp(q.limit, 1, kMaxFind)});
  if (q.action && !IsStorableText(*q.action)) return std::vector<core::AuditRecord>{};
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(sql, p));
  return ReadRecords(r);
}

StatusOr<std::vector<core::AuditRecord>> PgAudit::Scan(int64_t after_seq, int limit) {
  if (limit <= 0) return std::vector<core::AuditRecord>{};
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(kScan, Params().Add(after_seq).Add(int64_t{limit})));
  return ReadRecords(r);
}

}  // namespace regie::storage::postgres
