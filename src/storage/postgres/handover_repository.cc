// Handover keys and packages (docs/handover.md).
#include <utility>

#include "storage/postgres/postgres_handover_repository.h"

namespace regie::storage::postgres {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, tenant_id, package_id, direction, status, content_hash, document, sender_code, "
    "sender_name, sender_regisseur, household_name, person_count, key_id, trusted, "
    "household_id, recorded_by, recorded_at, decided_by, decided_at, decision_reason "
    "FROM handover_packages ";
constexpr std::string_view kKeyColumns =
    "SELECT id, tenant_id, key_id, name, public_key, added_by, added_at "
    "FROM handover_trusted_keys ";

int64_t OptInt(const Result& r, int row, int col) {
  return r.IsNull(row, col) ? 0 : r.Int(row, col);
}

ports::HandoverRecord ReadRecord(const Result& r, int i) {
  ports::HandoverRecord h;
  h.id = r.Int(i, 0);
  h.tenant_id = r.Int(i, 1);
  h.package_id = r.Text(i, 2);
  h.direction = r.Text(i, 3) == "outgoing" ? ports::HandoverDirection::kOutgoing
                                           : ports::HandoverDirection::kIncoming;
  h.status = ports::ParseHandoverStatus(r.Text(i, 4));
  h.content_hash = r.Text(i, 5);
  h.document = r.Text(i, 6);
  h.sender_code = r.Text(i, 7);
  h.sender_name = r.Text(i, 8);
  h.sender_regisseur = r.Text(i, 9);
  h.household_name = r.Text(i, 10);
  h.person_count = r.Int(i, 11);
  h.key_id = r.Text(i, 12);
  h.trusted = r.Bool(i, 13);
  h.household_id = OptInt(r, i, 14);
  h.recorded_by = OptInt(r, i, 15);
  h.recorded_at = core::Timestamp{r.Int(i, 16)};
  h.decided_by = OptInt(r, i, 17);
  if (!r.IsNull(i, 18)) h.decided_at = core::Timestamp{r.Int(i, 18)};
  h.decision_reason = r.Text(i, 19);
  return h;
}

ports::TrustedKey ReadKey(const Result& r, int i) {
  return ports::TrustedKey{.id = r.Int(i, 0),
                           .tenant_id = r.Int(i, 1),
                           .key_id = r.Text(i, 2),
                           .name = r.Text(i, 3),
                           .public_key = r.Text(i, 4),
                           .added_by = OptInt(r, i, 5),
                           .added_at = core::Timestamp{r.Int(i, 6)}};
}

// A reference that may be absent (the command line, no household yet).
Params& AddRef(Params& p, int64_t id) { return id == 0 ? p.AddNull() : p.Add(id); }

}  // namespace

StatusOr<std::optional<ports::SigningKey>> PgHandovers::GetSigningKey() {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT key_id, public_key, sealed_secret, "
                                              "created_at FROM handover_signing_key"));
  if (r.rows() == 0) return std::optional<ports::SigningKey>();
  return std::optional<ports::SigningKey>(
      ports::SigningKey{.key_id = r.Text(0, 0),
                        .public_key = r.Text(0, 1),
                        .sealed_secret = r.Text(0, 2),
                        .created_at = core::Timestamp{r.Int(0, 3)}});
}

Status PgHandovers::StoreSigningKey(const ports::SigningKey& key) {
  return conn_
      .ExecIsolated(
          "INSERT INTO handover_signing_key (singleton, key_id, public_key, "
          "sealed_secret, created_at) VALUES (1, $1, $2, $3, $4)",
          Params()
              .Add(key.key_id)
              .Add(key.public_key)
              .Add(key.sealed_secret)
              .Add(key.created_at.micros))
      .status();
}

StatusOr<ports::TrustedKey> PgHandovers::AddTrustedKey(const ports::TrustedKey& key) {
  REGIE_ASSIGN_OR_RETURN(
      Result t, conn_.Exec("SELECT 1 FROM tenants WHERE id = $1", Params().Add(key.tenant_id)));
  if (t.rows() == 0) return NotFound("tenant_not_found", "no such tenant");
  Params p;
  p.Add(key.tenant_id).Add(key.key_id).Add(key.name).Add(key.public_key);
  AddRef(p, key.added_by).Add(key.added_at.micros);
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.ExecIsolated("INSERT INTO handover_trusted_keys (tenant_id, key_id, name, "
                                   "public_key, added_by, added_at) VALUES ($1, $2, $3, $4, $5, "
                                   "$6) RETURNING id",
                                   p));
  ports::TrustedKey out = key;
  out.id = r.Int(0, 0);
  return out;
}

StatusOr<std::optional<ports::TrustedKey>> PgHandovers::FindTrustedKey(int64_t tenant_id,
                                                                       const std::string& key_id) {
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec(std::string(kKeyColumns) + "WHERE tenant_id = $1 AND key_id = $2",
                           Params().Add(tenant_id).Add(key_id)));
  if (r.rows() == 0) return std::optional<ports::TrustedKey>();
  return std::optional<ports::TrustedKey>(ReadKey(r, 0));
}

StatusOr<std::vector<ports::TrustedKey>> PgHandovers::ListTrustedKeys(int64_t tenant_id) {
  // Byte order (COLLATE "C"), as SQLite sorts, not the database's locale.
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec(std::string(kKeyColumns) + "WHERE tenant_id = $1 ORDER BY name COLLATE \"C\", id",
                 Params().Add(tenant_id)));
  std::vector<ports::TrustedKey> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadKey(r, i));
  return out;
}

StatusOr<ports::HandoverRecord> PgHandovers::Insert(const ports::HandoverRecord& h) {
  Params p;
  p.Add(h.tenant_id)
      .Add(h.package_id)
      .Add(ports::ToCode(h.direction))
      .Add(ports::ToCode(h.status))
      .Add(h.content_hash)
      .Add(h.document)
      .Add(h.sender_code)
      .Add(h.sender_name)
      .Add(h.sender_regisseur)
      .Add(h.household_name)
      .Add(h.person_count)
      .Add(h.key_id)
      .AddBool(h.trusted);
  AddRef(p, h.household_id);
  AddRef(p, h.recorded_by);
  p.Add(h.recorded_at.micros);
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.ExecIsolated("INSERT INTO handover_packages (tenant_id, package_id, direction, "
                         "status, content_hash, document, sender_code, sender_name, "
                         "sender_regisseur, household_name, person_count, key_id, trusted, "
                         "household_id, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, "
                         "$6, $7, $8, $9, $10, $11, $12, $13::boolean, $14, $15, $16) "
                         "RETURNING id",
                         p));
  ports::HandoverRecord out = h;
  out.id = r.Int(0, 0);
  return out;
}

StatusOr<std::vector<ports::HandoverRecord>> PgHandovers::Query(std::string_view where,
                                                                const Params& params) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(std::string(kColumns) + std::string(where), params));
  std::vector<ports::HandoverRecord> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadRecord(r, i));
  return out;
}

StatusOr<ports::HandoverRecord> PgHandovers::Get(int64_t tenant_id, int64_t id) {
  REGIE_ASSIGN_OR_RETURN(
      auto rows, Query("WHERE tenant_id = $1 AND id = $2", Params().Add(tenant_id).Add(id)));
  if (rows.empty()) return NotFound("handover_not_found", "no such handover in this tenant");
  return std::move(rows.front());
}

StatusOr<std::optional<ports::HandoverRecord>> PgHandovers::Find(int64_t tenant_id,
                                                                 ports::HandoverDirection direction,
                                                                 const std::string& package_id) {
  REGIE_ASSIGN_OR_RETURN(
      auto rows, Query("WHERE tenant_id = $1 AND direction = $2 AND package_id = $3",
                       Params().Add(tenant_id).Add(ports::ToCode(direction)).Add(package_id)));
  if (rows.empty()) return std::optional<ports::HandoverRecord>();
  return std::optional<ports::HandoverRecord>(std::move(rows.front()));
}

StatusOr<std::optional<ports::HandoverRecord>> PgHandovers::FindByHousehold(int64_t tenant_id,
                                                                            int64_t household_id) {
  REGIE_ASSIGN_OR_RETURN(auto rows, Query("WHERE tenant_id = $1 AND household_id = $2 AND "
                                          "direction = 'outgoing' ORDER BY id DESC",
                                          Params().Add(tenant_id).Add(household_id)));
  if (rows.empty()) return std::optional<ports::HandoverRecord>();
  return std::optional<ports::HandoverRecord>(std::move(rows.front()));
}

StatusOr<std::vector<ports::HandoverRecord>> PgHandovers::List(int64_t tenant_id,
                                                               ports::HandoverDirection direction) {
  return Query("WHERE tenant_id = $1 AND direction = $2 ORDER BY recorded_at DESC, id DESC",
               Params().Add(tenant_id).Add(ports::ToCode(direction)));
}

StatusOr<ports::HandoverRecord> PgHandovers::Decide(int64_t tenant_id, int64_t id,
                                                    ports::HandoverStatus status,
                                                    int64_t household_id, int64_t by_user,
                                                    const std::string& reason, core::Timestamp at) {
  REGIE_ASSIGN_OR_RETURN(ports::HandoverRecord current, Get(tenant_id, id));
  if (current.direction != ports::HandoverDirection::kIncoming)
    return FailedPrecondition("handover_not_pending", "the handover was decided before");
  current.status = status;
  current.household_id = household_id;
  REGIE_ASSIGN_OR_RETURN(bool won,
                         Record(current, ports::HandoverStatus::kPending, by_user, reason, at));
  if (!won) return FailedPrecondition("handover_not_pending", "the handover was decided before");
  return Get(tenant_id, id);
}

StatusOr<ports::HandoverRecord> PgHandovers::MarkReturned(int64_t tenant_id, int64_t id,
                                                          int64_t by_user,
                                                          const std::string& reason,
                                                          core::Timestamp at) {
  REGIE_ASSIGN_OR_RETURN(ports::HandoverRecord current, Get(tenant_id, id));
  if (current.direction != ports::HandoverDirection::kOutgoing)
    return FailedPrecondition("handover_not_exported", "the package is not an open export");
  current.status = ports::HandoverStatus::kRejected;
  REGIE_ASSIGN_OR_RETURN(bool won,
                         Record(current, ports::HandoverStatus::kExported, by_user, reason, at));
  if (!won) return FailedPrecondition("handover_not_exported", "the package is not an open export");
  return Get(tenant_id, id);
}

StatusOr<bool> PgHandovers::Record(const ports::HandoverRecord& decided, ports::HandoverStatus from,
                                   int64_t by_user, const std::string& reason, core::Timestamp at) {
  Params p;
  p.Add(ports::ToCode(decided.status));
  AddRef(p, decided.household_id);
  AddRef(p, by_user);
  p.Add(at.micros).Add(reason).Add(decided.id).Add(decided.tenant_id).Add(ports::ToCode(from));
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec("UPDATE handover_packages SET status = $1, household_id = $2, "
                                    "decided_by = $3, decided_at = $4, decision_reason = $5 "
                                    "WHERE id = $6 AND tenant_id = $7 AND status = $8",
                                    p));
  return r.affected() > 0;
}

}  // namespace regie::storage::postgres
