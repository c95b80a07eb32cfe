// Handover keys and packages (docs/handover.md).
#include <utility>

#include "storage/sqlite/sqlite_handover_repository.h"

namespace regie::storage::sqlite {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, tenant_id, package_id, direction, status, content_hash, document, sender_code, "
    "sender_name, sender_regisseur, household_name, person_count, key_id, trusted, "
    "household_id, recorded_by, recorded_at, decided_by, decided_at, decision_reason "
    "FROM handover_packages ";

ports::HandoverRecord ReadRecord(const Stmt& s) {
  ports::HandoverRecord r;
  r.id = s.Int(0);
  r.tenant_id = s.Int(1);
  r.package_id = s.Text(2);
  r.direction = s.Text(3) == "outgoing" ? ports::HandoverDirection::kOutgoing
                                        : ports::HandoverDirection::kIncoming;
  r.status = ports::ParseHandoverStatus(s.Text(4));
  r.content_hash = s.Text(5);
  r.document = s.Text(6);
  r.sender_code = s.Text(7);
  r.sender_name = s.Text(8);
  r.sender_regisseur = s.Text(9);
  r.household_name = s.Text(10);
  r.person_count = s.Int(11);
  r.key_id = s.Text(12);
  r.trusted = s.Int(13) != 0;
  r.household_id = s.Int(14);
  r.recorded_by = s.Int(15);
  r.recorded_at = core::Timestamp{s.Int(16)};
  r.decided_by = s.Int(17);
  if (!s.IsNull(18)) r.decided_at = core::Timestamp{s.Int(18)};
  r.decision_reason = s.Text(19);
  return r;
}

ports::TrustedKey ReadKey(const Stmt& s) {
  return ports::TrustedKey{.id = s.Int(0),
                           .tenant_id = s.Int(1),
                           .key_id = s.Text(2),
                           .name = s.Text(3),
                           .public_key = s.Text(4),
                           .added_by = s.Int(5),
                           .added_at = core::Timestamp{s.Int(6)}};
}

// A user reference that may be absent (the command line): 0 is NULL.
void BindUser(Stmt& s, int i, int64_t user_id) {
  if (user_id == 0)
    s.BindNull(i);
  else
    s.Bind(i, user_id);
}

}  // namespace

StatusOr<std::optional<ports::SigningKey>> SqliteHandovers::GetSigningKey() {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT key_id, public_key, sealed_secret, "
                                               "created_at FROM handover_signing_key"));
  if (!s.Step()) {
    REGIE_RETURN_IF_ERROR(s.status());
    return std::optional<ports::SigningKey>();
  }
  return std::optional<ports::SigningKey>(
      ports::SigningKey{.key_id = s.Text(0),
                        .public_key = s.Text(1),
                        .sealed_secret = s.Text(2),
                        .created_at = core::Timestamp{s.Int(3)}});
}

Status SqliteHandovers::StoreSigningKey(const ports::SigningKey& key) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT INTO handover_signing_key (singleton, key_id, public_key, "
                            "sealed_secret, created_at) VALUES (1, ?1, ?2, ?3, ?4)"));
  s.Bind(1, key.key_id).Bind(2, key.public_key).Bind(3, key.sealed_secret);
  s.Bind(4, key.created_at.micros);
  return s.Exec();
}

StatusOr<ports::TrustedKey> SqliteHandovers::AddTrustedKey(const ports::TrustedKey& key) {
  {
    REGIE_ASSIGN_OR_RETURN(Stmt t, conn_.Prepare("SELECT 1 FROM tenants WHERE id = ?1"));
    t.Bind(1, key.tenant_id);
    if (!t.Step()) {
      REGIE_RETURN_IF_ERROR(t.status());
      return NotFound("tenant_not_found", "no such tenant");
    }
  }
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT INTO handover_trusted_keys (tenant_id, key_id, name, "
                            "public_key, added_by, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  s.Bind(1, key.tenant_id).Bind(2, key.key_id).Bind(3, key.name).Bind(4, key.public_key);
  BindUser(s, 5, key.added_by);
  s.Bind(6, key.added_at.micros);
  REGIE_RETURN_IF_ERROR(s.Exec());
  ports::TrustedKey out = key;
  out.id = sqlite3_last_insert_rowid(conn_.db());
  return out;
}

StatusOr<std::optional<ports::TrustedKey>> SqliteHandovers::FindTrustedKey(
    int64_t tenant_id, const std::string& key_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT id, tenant_id, key_id, name, public_key, added_by, added_at "
                            "FROM handover_trusted_keys WHERE tenant_id = ?1 AND key_id = ?2"));
  s.Bind(1, tenant_id).Bind(2, key_id);
  if (!s.Step()) {
    REGIE_RETURN_IF_ERROR(s.status());
    return std::optional<ports::TrustedKey>();
  }
  return std::optional<ports::TrustedKey>(ReadKey(s));
}

StatusOr<std::vector<ports::TrustedKey>> SqliteHandovers::ListTrustedKeys(int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT id, tenant_id, key_id, name, public_key, added_by, added_at "
                            "FROM handover_trusted_keys WHERE tenant_id = ?1 ORDER BY name, id"));
  s.Bind(1, tenant_id);
  std::vector<ports::TrustedKey> out;
  while (s.Step()) out.push_back(ReadKey(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<ports::HandoverRecord> SqliteHandovers::Insert(const ports::HandoverRecord& r) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s,
      conn_.Prepare("INSERT INTO handover_packages (tenant_id, package_id, direction, status, "
                    "content_hash, document, sender_code, sender_name, sender_regisseur, "
                    "household_name, person_count, key_id, trusted, household_id, recorded_by, "
                    "recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                    "?13, ?14, ?15, ?16)"));
  s.Bind(1, r.tenant_id)
      .Bind(2, r.package_id)
      .Bind(3, ports::ToCode(r.direction))
      .Bind(4, ports::ToCode(r.status))
      .Bind(5, r.content_hash)
      .Bind(6, r.document)
      .Bind(7, r.sender_code)
      .Bind(8, r.sender_name)
      .Bind(9, r.sender_regisseur)
      .Bind(10, r.household_name)
      .Bind(11, r.person_count)
      .Bind(12, r.key_id)
      .Bind(13, int64_t{r.trusted ? 1 : 0});
  if (r.household_id == 0)
    s.BindNull(14);
  else
    s.Bind(14, r.household_id);
  BindUser(s, 15, r.recorded_by);
  s.Bind(16, r.recorded_at.micros);
  REGIE_RETURN_IF_ERROR(s.Exec());
  ports::HandoverRecord out = r;
  out.id = sqlite3_last_insert_rowid(conn_.db());
  return out;
}

StatusOr<std::vector<ports::HandoverRecord>> SqliteHandovers::Query(std::string_view where,
                                                                    int64_t tenant_id,
                                                                    const std::string& text,
                                                                    int64_t number) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(std::string(kColumns) + std::string(where)));
  s.Bind(1, tenant_id).Bind(2, text).Bind(3, number);
  std::vector<ports::HandoverRecord> out;
  while (s.Step()) out.push_back(ReadRecord(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<ports::HandoverRecord> SqliteHandovers::Get(int64_t tenant_id, int64_t id) {
  REGIE_ASSIGN_OR_RETURN(auto rows,
                         Query("WHERE tenant_id = ?1 AND ?2 = ?2 AND id = ?3", tenant_id, "", id));
  if (rows.empty()) return NotFound("handover_not_found", "no such handover in this tenant");
  return std::move(rows.front());
}

StatusOr<std::optional<ports::HandoverRecord>> SqliteHandovers::Find(
    int64_t tenant_id, ports::HandoverDirection direction, const std::string& package_id) {
  REGIE_ASSIGN_OR_RETURN(
      auto rows,
      Query("WHERE tenant_id = ?1 AND package_id = ?2 AND direction = "
            "CASE ?3 WHEN 0 THEN 'incoming' ELSE 'outgoing' END",
            tenant_id, package_id, direction == ports::HandoverDirection::kIncoming ? 0 : 1));
  if (rows.empty()) return std::optional<ports::HandoverRecord>();
  return std::optional<ports::HandoverRecord>(std::move(rows.front()));
}

StatusOr<std::optional<ports::HandoverRecord>> SqliteHandovers::FindByHousehold(
    int64_t tenant_id, int64_t household_id) {
  REGIE_ASSIGN_OR_RETURN(auto rows, Query("WHERE tenant_id = ?1 AND ?2 = ?2 AND household_id = ?3 "
                                          "AND direction = 'outgoing' ORDER BY id DESC",
                                          tenant_id, "", household_id));
  if (rows.empty()) return std::optional<ports::HandoverRecord>();
  return std::optional<ports::HandoverRecord>(std::move(rows.front()));
}

StatusOr<std::vector<ports::HandoverRecord>> SqliteHandovers::List(
    int64_t tenant_id, ports::HandoverDirection direction) {
  return Query(
      "WHERE tenant_id = ?1 AND direction = ?2 AND ?3 = ?3 "
      "ORDER BY recorded_at DESC, id DESC",
      tenant_id, std::string(ports::ToCode(direction)), 0);
}

StatusOr<ports::HandoverRecord> SqliteHandovers::Decide(int64_t tenant_id, int64_t id,
                                                        ports::HandoverStatus status,
                                                        int64_t household_id, int64_t by_user,
                                                        const std::string& reason,
                                                        core::Timestamp at) {
  REGIE_ASSIGN_OR_RETURN(ports::HandoverRecord current, Get(tenant_id, id));
  if (current.status != ports::HandoverStatus::kPending ||
      current.direction != ports::HandoverDirection::kIncoming)
    return FailedPrecondition("handover_not_pending", "the handover was decided before");
  current.status = status;
  current.household_id = household_id;
  return Record(current, ports::HandoverStatus::kPending, by_user, reason, at);
}

StatusOr<ports::HandoverRecord> SqliteHandovers::MarkReturned(int64_t tenant_id, int64_t id,
                                                              int64_t by_user,
                                                              const std::string& reason,
                                                              core::Timestamp at) {
  REGIE_ASSIGN_OR_RETURN(ports::HandoverRecord current, Get(tenant_id, id));
  if (current.status != ports::HandoverStatus::kExported ||
      current.direction != ports::HandoverDirection::kOutgoing)
    return FailedPrecondition("handover_not_exported", "the package is not an open export");
  current.status = ports::HandoverStatus::kRejected;
  return Record(current, ports::HandoverStatus::kExported, by_user, reason, at);
}

StatusOr<ports::HandoverRecord> SqliteHandovers::Record(const ports::HandoverRecord& decided,
                                                        ports::HandoverStatus from, int64_t by_user,
                                                        const std::string& reason,
                                                        core::Timestamp at) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("UPDATE handover_packages SET status = ?1, household_id = ?2, "
                            "decided_by = ?3, decided_at = ?4, decision_reason = ?5 "
                            "WHERE id = ?6 AND tenant_id = ?7 AND status = ?8"));
  s.Bind(1, ports::ToCode(decided.status));
  if (decided.household_id == 0)
    s.BindNull(2);
  else
    s.Bind(2, decided.household_id);
  BindUser(s, 3, by_user);
  s.Bind(4, at.micros).Bind(5, reason).Bind(6, decided.id).Bind(7, decided.tenant_id);
  s.Bind(8, ports::ToCode(from));
  REGIE_RETURN_IF_ERROR(s.Exec());
  return Get(decided.tenant_id, decided.id);
}

}  // namespace regie::storage::sqlite
