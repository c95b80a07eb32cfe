// The hash-chained audit log. SQLite serialises writers (BEGIN IMMEDIATE),
// so reading the head and moving it inside the caller's write transaction
// chains concurrent appends one after the other.
#include <algorithm>
#include <optional>

#include "storage/sqlite/sqlite_access_repositories.h"

namespace regie::storage::sqlite {
namespace {

constexpr int kMaxFind = 500;
constexpr int64_t kMicrosPerDay = 86'400'000'000;

constexpr std::string_view kAuditColumns =
    "SELECT seq, at, user_id, organisation_id, tenant_id, action, resource_type, resource_id, "
    "household_id, person_id, categories, purpose, break_glass, outcome, client_ip, prev_hash, "
    "hash FROM audit_log";

std::optional<int64_t> OptInt(const Stmt& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  return s.Int(col);
}

void BindOpt(Stmt& s, int i, const std::optional<int64_t>& v) {
  if (v)
    s.Bind(i, *v);
  else
    s.BindNull(i);
}

core::AuditRecord ReadRecord(const Stmt& s) {
  core::AuditRecord r;
  r.seq = s.Int(0);
  r.at = core::Timestamp{s.Int(1)};
  r.user_id = OptInt(s, 2);
  r.organisation_id = OptInt(s, 3);
  r.tenant_id = OptInt(s, 4);
  r.action = s.Text(5);
  r.resource_type = s.Text(6);
  r.resource_id = s.Text(7);
  r.household_id = OptInt(s, 8);
  r.person_id = OptInt(s, 9);
  // A code this version does not know reads as no category; the hash then
  // no longer matches, so the verifier reports the record as altered.
  r.categories = core::CategorySet::Parse(s.Text(10)).value_or(core::CategorySet());
  r.purpose = s.Text(11);
  r.break_glass = s.Int(12) != 0;
  r.outcome = s.Text(13);
  r.client_ip = s.Text(14);
  r.prev_hash = s.Text(15);
  r.hash = s.Text(16);
  return r;
}

}  // namespace

StatusOr<ports::AuditHead> SqliteAudit::Head() {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT seq, hash FROM audit_head WHERE id = 1"));
  if (!s.Step()) {
    REGIE_RETURN_IF_ERROR(s.status());
    return Internal("audit_head has no row; the schema was changed outside Regie");
  }
  return ports::AuditHead{s.Int(0), s.Text(1)};
}

StatusOr<core::AuditRecord> SqliteAudit::Append(core::AuditRecord record,
                                                const core::DigestFn& digest) {
  REGIE_ASSIGN_OR_RETURN(ports::AuditHead head, Head());
  REGIE_RETURN_IF_ERROR(Insert(record, head, digest));
  REGIE_RETURN_IF_ERROR(MoveHead(head));
  return record;
}

Status SqliteAudit::AppendMany(std::vector<core::AuditRecord>& records,
                               const core::DigestFn& digest) {
  if (records.empty()) return Status::Ok();
  // The caller's write transaction holds SQLite's single writer lock, so
  // the head read once stays ours until the records are in.
  REGIE_ASSIGN_OR_RETURN(ports::AuditHead head, Head());
  for (core::AuditRecord& r : records) REGIE_RETURN_IF_ERROR(Insert(r, head, digest));
  return MoveHead(head);
}

Status SqliteAudit::MoveHead(const ports::AuditHead& head) {
  REGIE_ASSIGN_OR_RETURN(Stmt move,
                         conn_.Prepare("UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1"));
  return move.Bind(1, head.seq).Bind(2, head.hash).Exec();
}

Status SqliteAudit::Insert(core::AuditRecord& record, ports::AuditHead& head,
                           const core::DigestFn& digest) {
  record.seq = head.seq + 1;
  record.prev_hash = head.hash;
  record.hash = core::ChainHash(digest, record);
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt s, conn_.Prepare("INSERT INTO audit_log (seq, at, user_id, organisation_id, "
                              "tenant_id, action, resource_type, resource_id, household_id, "
                              "person_id, categories, purpose, break_glass, outcome, client_ip, "
                              "prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                              "?11, ?12, ?13, ?14, ?15, ?16, ?17)"));
    s.Bind(1, record.seq).Bind(2, record.at.micros);
    BindOpt(s, 3, record.user_id);
    BindOpt(s, 4, record.organisation_id);
    BindOpt(s, 5, record.tenant_id);
    s.Bind(6, record.action).Bind(7, record.resource_type).Bind(8, record.resource_id);
    BindOpt(s, 9, record.household_id);
    BindOpt(s, 10, record.person_id);
    s.Bind(11, record.categories.ToString())
        .Bind(12, record.purpose)
        .Bind(13, int64_t{record.break_glass ? 1 : 0})
        .Bind(14, record.outcome)
        .Bind(15, record.client_ip)
        .Bind(16, record.prev_hash)
        .Bind(17, record.hash);
    REGIE_RETURN_IF_ERROR(s.Exec());
  }
  head = {record.seq, record.hash};
  return Status::Ok();
}

StatusOr<std::vector<core::AuditRecord>> SqliteAudit::Find(const ports::AuditQuery& q) {
  // A person's records include the household-level ones of its household
  // (a household read shows the person too).
  std::optional<int64_t> person_household;
  if (q.person_id) {
    REGIE_ASSIGN_OR_RETURN(
        Stmt p, conn_.Prepare("SELECT household_id FROM persons WHERE id = ?1 AND tenant_id = ?2"));
    p.Bind(1, *q.person_id).Bind(2, q.tenant_id);
    if (p.Step()) person_household = p.Int(0);
    REGIE_RETURN_IF_ERROR(p.status());
  }
  // Fixed parameter numbers; the text varies only with the filters present.
  std::string sql = std::string(kAuditColumns) + " WHERE tenant_id = ?1";
  if (q.user_id) sql += " AND user_id = ?2";
  if (q.household_id) sql += " AND household_id = ?3";
  if (q.person_id) {
    sql += person_household ? " AND (person_id = ?4 OR (person_id IS NULL AND household_id = ?5))"
                            : " AND person_id = ?4";
  }
  if (q.action) sql += " AND action = ?6";
  if (q.from) sql += " AND at >= ?7";
  if (q.to) sql += " AND at < ?8";
  if (q.before_seq) sql += " AND seq < ?9";
  sql += " ORDER BY seq DESC LIMIT ?10";

  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(sql));
  s.Bind(1, q.tenant_id);
  if (q.user_id) s.Bind(2, *q.user_id);
  if (q.household_id) s.Bind(3, *q.household_id);
  if (q.person_id) s.Bind(4, *q.person_id);
  if (person_household) s.Bind(5, *person_household);
  if (q.action) s.Bind(6, *q.action);
  if (q.from) s.Bind(7, int64_t{q.from->days()} * kMicrosPerDay);
  if (q.to) s.Bind(8, (int64_t{q.to->days()} + 1) * kMicrosPerDay);  // inclusive day
  if (q.before_seq) s.Bind(9, *q.before_seq);
  s.Bind(10, int64_t{std::clamp(q.limit, 1, kMaxFind)});
  std::vector<core::AuditRecord> out;
  while (s.Step()) out.push_back(ReadRecord(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<std::vector<core::AuditRecord>> SqliteAudit::Scan(int64_t after_seq, int limit) {
  std::vector<core::AuditRecord> out;
  if (limit <= 0) return out;
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare(std::string(kAuditColumns) + " WHERE seq > ?1 ORDER BY seq LIMIT ?2"));
  s.Bind(1, after_seq).Bind(2, int64_t{limit});
  while (s.Step()) out.push_back(ReadRecord(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

}  // namespace regie::storage::sqlite
