// Users with their credentials, sessions and login throttling.
#include "storage/common/username.h"
#include "storage/postgres/postgres_access_repositories.h"

namespace regie::storage::postgres {
namespace {

#define USER_COLUMNS                                                                          \
  "SELECT id, version, username, display_name, email, organisation_id, roles, active, demo, " \
  "password_hash, totp_sealed, totp_enabled, totp_last_step, created_at FROM users"

constexpr std::string_view kUserById = USER_COLUMNS " WHERE id = $1";
constexpr std::string_view kUserByName = USER_COLUMNS " WHERE username = $1";
constexpr std::string_view kUserByEnrolment =
    USER_COLUMNS " WHERE enrolment_token_hash = $1 AND enrolment_expires_at > $2";
constexpr std::string_view kUsersServing = USER_COLUMNS
    " WHERE organisation_id IN (SELECT id FROM organisations WHERE tenant_id = $1 UNION "
    "SELECT organisation_id FROM organisation_tenants WHERE tenant_id = $1) "
    "ORDER BY display_name, id";
// lower() under the C collation folds ASCII letters only, as SQLite's does;
// under the database's locale it would also fold, say, the Kelvin sign to
// "k" and match an address the identity provider never asserted.
constexpr std::string_view kUsersByEmail = USER_COLUMNS
    " WHERE email <> '' AND lower(email COLLATE \"C\") = lower($1 COLLATE \"C\") ORDER BY id";
#undef USER_COLUMNS

// First key of the advisory lock that GetForUpdate takes on a throttle key
// (the migration lock uses another class, postgres_database.cc).
constexpr int kThrottleLockClass = 0x54485254;  // "THRT"

ports::User ReadUser(const Result& r, int row) {
  ports::User u;
  u.id = r.Int(row, 0);
  u.version = r.Int(row, 1);
  u.data.username = r.Text(row, 2);
  u.data.display_name = r.Text(row, 3);
  u.data.email = r.Text(row, 4);
  u.data.organisation_id = r.Int(row, 5);
  // Written by RoleSet::ToString only; an unknown code (a role a later
  // version dropped) grants nothing rather than failing the login.
  u.data.roles = core::RoleSet::Parse(r.Text(row, 6)).value_or(core::RoleSet());
  u.data.active = r.Bool(row, 7);
  u.data.demo = r.Bool(row, 8);
  u.password_hash = r.Text(row, 9);
  u.totp_sealed = r.Text(row, 10);
  u.totp_enabled = r.Bool(row, 11);
  u.totp_last_step = r.Int(row, 12);
  u.created_at = core::Timestamp{r.Int(row, 13)};
  return u;
}

Status UserNotFound() { return NotFound("user_not_found", "no such user"); }
Status FederatedIdentityUnknown() {
  return NotFound("federated_identity_unknown", "no single sign-on binding matches");
}
Status SessionNotFound() { return NotFound("session_not_found", "no such session"); }
Status DuplicateUsername() {
  return {StatusCode::kConflict, "duplicate", "username is taken", {{"username", "duplicate"}}};
}

StatusOr<ports::User> OneUser(StatusOr<Result> r, const Status& missing) {
  REGIE_RETURN_IF_ERROR(r.status());
  if (r->rows() == 0) return missing;
  return ReadUser(*r, 0);
}

Status OrganisationExists(Connection& conn, int64_t organisation_id) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn.Exec("SELECT 1 FROM organisations WHERE id = $1",
                                             Params().Add(organisation_id)));
  if (r.rows() == 0)
    return InvalidArgument("validation_failed", "no such organisation",
                           {{"organisation_id", "invalid_reference"}});
  return Status::Ok();
}

}  // namespace

StatusOr<ports::User> PgUsers::Create(const ports::UserData& data, core::Timestamp now) {
  // Organisations are never deleted, so one that exists now exists at commit.
  REGIE_RETURN_IF_ERROR(OrganisationExists(conn_, data.organisation_id));
  // DO NOTHING rather than a unique violation, which would abort the
  // caller's transaction; no row back means the name is taken.
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec("INSERT INTO users (version, username, display_name, email, "
                                    "organisation_id, roles, active, demo, created_at, updated_at) "
                                    "VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $8) "
                                    "ON CONFLICT (username) DO NOTHING RETURNING id",
                                    Params()
                                        .Add(NormaliseUsername(data.username))
                                        .Add(data.display_name)
                                        .Add(data.email)
                                        .Add(data.organisation_id)
                                        .Add(data.roles.ToString())
                                        .AddBool(data.active)
                                        .AddBool(data.demo)
                                        .Add(now.micros)));
  if (r.rows() == 0) return DuplicateUsername();
  return Get(r.Int(0, 0));
}

StatusOr<ports::User> PgUsers::Get(int64_t id) {
  return OneUser(conn_.Exec(kUserById, Params().Add(id)), UserNotFound());
}

StatusOr<ports::User> PgUsers::GetByUsername(const std::string& username) {
  return OneUser(conn_.Exec(kUserByName, Params().Add(NormaliseUsername(username))),
                 UserNotFound());
}

StatusOr<std::vector<ports::User>> PgUsers::ListServing(int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(kUsersServing, Params().Add(tenant_id)));
  std::vector<ports::User> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadUser(r, i));
  return out;
}

StatusOr<std::vector<ports::User>> PgUsers::ListByEmail(const std::string& email) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(kUsersByEmail, Params().Add(email)));
  std::vector<ports::User> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadUser(r, i));
  return out;
}

StatusOr<ports::User> PgUsers::Update(int64_t id, int64_t expected_version,
                                      const ports::UserData& data, core::Timestamp now) {
  std::string current_name;
  bool same_email = false;
  {
    // Locked, so a concurrent writer of this user decides on our result.
    // The address compares as ListByEmail matches (ASCII case only).
    REGIE_ASSIGN_OR_RETURN(Result cur,
                           conn_.Exec("SELECT version, username, "
                                      "lower(email COLLATE \"C\") = lower($2 COLLATE \"C\") "
                                      "FROM users WHERE id = $1 FOR UPDATE",
                                      Params().Add(id).Add(data.email)));
    if (cur.rows() == 0) return UserNotFound();
    if (cur.Int(0, 0) != expected_version)
      return Conflict("version_conflict", "user was changed by someone else");
    current_name = cur.Text(0, 1);
    same_email = cur.Bool(0, 2);
  }
  REGIE_RETURN_IF_ERROR(OrganisationExists(conn_, data.organisation_id));
  const std::string username = NormaliseUsername(data.username);
  Params params;
  params.Add(id)
      .Add(username)
      .Add(data.display_name)
      .Add(data.email)
      .Add(data.organisation_id)
      .Add(data.roles.ToString())
      .AddBool(data.active)
      .AddBool(data.demo)
      .Add(now.micros);
  constexpr std::string_view kUpdate =
      "UPDATE users SET username = $2, display_name = $3, email = $4, organisation_id = $5, "
      "roles = $6, active = $7, demo = $8, updated_at = $9, version = version + 1 WHERE id = $1";
  // Only a new name can clash; that statement runs in a savepoint so the
  // clash fails it alone and the transaction goes on.
  StatusOr<Result> r =
      username != current_name ? conn_.ExecIsolated(kUpdate, params) : conn_.Exec(kUpdate, params);
  if (r.status().code() == StatusCode::kConflict) return DuplicateUsername();
  REGIE_RETURN_IF_ERROR(r.status());
  // A first single sign-on login matched the old address or name; whoever
  // it bound must not keep the account under the new one.
  if (username != current_name || !same_email)
    REGIE_RETURN_IF_ERROR(
        conn_.Exec("DELETE FROM federated_identities WHERE user_id = $1", Params().Add(id))
            .status());
  return Get(id);
}

Status PgUsers::UpdateOne(std::string_view sql, const Params& params) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(sql, params));
  return r.affected() == 0 ? UserNotFound() : Status::Ok();
}

Status PgUsers::SetPassword(int64_t id, const std::string& password_hash) {
  return UpdateOne("UPDATE users SET password_hash = $2 WHERE id = $1",
                   Params().Add(id).Add(password_hash));
}

Status PgUsers::SetTotp(int64_t id, const std::string& sealed, bool enabled) {
  return UpdateOne("UPDATE users SET totp_sealed = $2, totp_enabled = $3 WHERE id = $1",
                   Params().Add(id).Add(sealed).AddBool(enabled));
}

Status PgUsers::UseTotpStep(int64_t id, int64_t step) {
  // Compare-and-set: a concurrent request with the same code waits for the
  // first one's row lock and then re-evaluates the condition on the new
  // step, so the code works once.
  Status moved =
      UpdateOne("UPDATE users SET totp_last_step = $2 WHERE id = $1 AND totp_last_step < $2",
                Params().Add(id).Add(step));
  if (moved.code() != StatusCode::kNotFound) return moved;
  REGIE_RETURN_IF_ERROR(Get(id).status());
  return FailedPrecondition("totp_replayed", "this code (or a later one) was used before");
}

Status PgUsers::ResetEnrolment(int64_t id, const std::string& token_hash,
                               core::Timestamp expires_at) {
  REGIE_RETURN_IF_ERROR(
      UpdateOne("UPDATE users SET enrolment_token_hash = $2, enrolment_expires_at = $3, "
                "password_hash = '', totp_sealed = '', totp_enabled = false WHERE id = $1",
                Params().Add(id).Add(token_hash).Add(expires_at.micros)));
  REGIE_RETURN_IF_ERROR(
      conn_.Exec("DELETE FROM federated_identities WHERE user_id = $1", Params().Add(id)).status());
  return conn_.Exec("DELETE FROM recovery_codes WHERE user_id = $1", Params().Add(id)).status();
}

StatusOr<ports::User> PgUsers::GetByEnrolment(const std::string& token_hash, core::Timestamp now) {
  return OneUser(conn_.Exec(kUserByEnrolment, Params().Add(token_hash).Add(now.micros)),
                 NotFound("enrolment_invalid", "no unexpired enrolment link has this token"));
}

Status PgUsers::ClearEnrolment(int64_t id) {
  return UpdateOne(
      "UPDATE users SET enrolment_token_hash = NULL, enrolment_expires_at = NULL WHERE id = $1",
      Params().Add(id));
}

Status PgUsers::ReplaceRecoveryCodes(int64_t id, const std::vector<std::string>& code_hashes) {
  // The user's row lock orders two replacements, so the codes are one set,
  // never a mix of both.
  REGIE_ASSIGN_OR_RETURN(Result u, conn_.Exec("SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE",
                                              Params().Add(id)));
  if (u.rows() == 0) return UserNotFound();
  REGIE_RETURN_IF_ERROR(
      conn_.Exec("DELETE FROM recovery_codes WHERE user_id = $1", Params().Add(id)).status());
  for (const std::string& hash : code_hashes) {
    REGIE_RETURN_IF_ERROR(conn_
                              .Exec("INSERT INTO recovery_codes (user_id, code_hash) "
                                    "VALUES ($1, $2) ON CONFLICT DO NOTHING",
                                    Params().Add(id).Add(hash))
                              .status());
  }
  return Status::Ok();
}

Status PgUsers::UseRecoveryCode(int64_t id, const std::string& code_hash, core::Timestamp now) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("UPDATE recovery_codes SET used_at = $3 "
                                              "WHERE user_id = $1 AND code_hash = $2 "
                                              "AND used_at IS NULL",
                                              Params().Add(id).Add(code_hash).Add(now.micros)));
  if (r.affected() == 0)
    return FailedPrecondition("recovery_code_invalid", "no unused recovery code matches");
  return Status::Ok();
}

StatusOr<int64_t> PgUsers::UserOfSubject(const std::string& issuer, const std::string& subject) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT user_id FROM federated_identities "
                                              "WHERE issuer = $1 AND subject = $2",
                                              Params().Add(issuer).Add(subject)));
  if (r.rows() == 0) return FederatedIdentityUnknown();
  return r.Int(0, 0);
}

StatusOr<std::string> PgUsers::SubjectOfUser(int64_t id, const std::string& issuer) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT subject FROM federated_identities "
                                              "WHERE user_id = $1 AND issuer = $2",
                                              Params().Add(id).Add(issuer)));
  if (r.rows() == 0) return FederatedIdentityUnknown();
  return r.Text(0, 0);
}

StatusOr<std::vector<ports::SubjectBinding>> PgUsers::BindingsOfUser(int64_t id) {
  // Byte order (COLLATE "C"), as SQLite sorts, not the database's locale.
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT issuer, linked_at FROM federated_identities "
                                              "WHERE user_id = $1 ORDER BY issuer COLLATE \"C\"",
                                              Params().Add(id)));
  std::vector<ports::SubjectBinding> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back({r.Text(i, 0), core::Timestamp{r.Int(i, 1)}});
  return out;
}

Status PgUsers::BindSubject(int64_t id, const std::string& issuer, const std::string& subject,
                            core::Timestamp now) {
  // Isolated: a concurrent first login's binding makes this one a conflict,
  // and the caller still records the refusal in this transaction.
  return conn_
      .ExecIsolated(
          "INSERT INTO federated_identities (issuer, subject, user_id, linked_at) "
          "VALUES ($1, $2, $3, $4)",
          Params().Add(issuer).Add(subject).Add(id).Add(now.micros))
      .status();
}

Status PgSessions::Create(const ports::Session& session) {
  // From the users row, so an unknown user inserts nothing instead of
  // failing the foreign key (and with it the transaction).
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("INSERT INTO sessions (token_hash, user_id, csrf_token, mfa_done, "
                           "created_at, last_seen_at, absolute_expires_at, client_ip, revoked) "
                           "SELECT $1::text, id, $3::text, $4::boolean, $5::bigint, $6::bigint, "
                           "$7::bigint, $8::text, false FROM users WHERE id = $2 "
                           "ON CONFLICT DO NOTHING RETURNING token_hash",
                           Params()
                               .Add(session.token_hash)
                               .Add(session.user_id)
                               .Add(session.csrf_token)
                               .AddBool(session.mfa_done)
                               .Add(session.created_at.micros)
                               .Add(session.last_seen_at.micros)
                               .Add(session.absolute_expires_at.micros)
                               .Add(session.client_ip)));
  if (r.rows() == 1) return Status::Ok();
  REGIE_ASSIGN_OR_RETURN(
      Result u, conn_.Exec("SELECT 1 FROM users WHERE id = $1", Params().Add(session.user_id)));
  if (u.rows() == 0) return UserNotFound();
  return Conflict("duplicate", "a session with this token exists");
}

StatusOr<ports::Session> PgSessions::Get(const std::string& token_hash) {
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec("SELECT token_hash, user_id, csrf_token, mfa_done, created_at, "
                                    "last_seen_at, absolute_expires_at, client_ip FROM sessions "
                                    "WHERE token_hash = $1 AND NOT revoked",
                                    Params().Add(token_hash)));
  if (r.rows() == 0) return SessionNotFound();
  ports::Session out;
  out.token_hash = r.Text(0, 0);
  out.user_id = r.Int(0, 1);
  out.csrf_token = r.Text(0, 2);
  out.mfa_done = r.Bool(0, 3);
  out.created_at = core::Timestamp{r.Int(0, 4)};
  out.last_seen_at = core::Timestamp{r.Int(0, 5)};
  out.absolute_expires_at = core::Timestamp{r.Int(0, 6)};
  out.client_ip = r.Text(0, 7);
  return out;
}

Status PgSessions::Touch(const std::string& token_hash, core::Timestamp now) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("UPDATE sessions SET last_seen_at = $2 "
                                              "WHERE token_hash = $1 AND NOT revoked",
                                              Params().Add(token_hash).Add(now.micros)));
  return r.affected() == 0 ? SessionNotFound() : Status::Ok();
}

Status PgSessions::CompleteMfa(const std::string& token_hash, core::Timestamp now) {
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec("UPDATE sessions SET mfa_done = true, last_seen_at = $2 "
                                    "WHERE token_hash = $1 AND NOT revoked",
                                    Params().Add(token_hash).Add(now.micros)));
  return r.affected() == 0 ? SessionNotFound() : Status::Ok();
}

Status PgSessions::Revoke(const std::string& token_hash) {
  // Idempotent for a session revoked before; the row stays for the audit.
  REGIE_ASSIGN_OR_RETURN(Result r,
                         conn_.Exec("UPDATE sessions SET revoked = true WHERE token_hash = $1",
                                    Params().Add(token_hash)));
  return r.affected() == 0 ? SessionNotFound() : Status::Ok();
}

Status PgSessions::RevokeAllOf(int64_t user_id) {
  return conn_
      .Exec("UPDATE sessions SET revoked = true WHERE user_id = $1 AND NOT revoked",
            Params().Add(user_id))
      .status();
}

StatusOr<ports::Throttle> PgThrottles::Get(const std::string& key) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT failures, last_failure_at, locked_until "
                                              "FROM login_throttle WHERE key = $1",
                                              Params().Add(key)));
  ports::Throttle out;
  out.key = key;
  if (r.rows() == 1) {
    out.failures = static_cast<int>(r.Int(0, 0));
    out.last_failure_at = core::Timestamp{r.Int(0, 1)};
    out.locked_until = core::Timestamp{r.Int(0, 2)};
  }
  return out;
}

StatusOr<ports::Throttle> PgThrottles::GetForUpdate(const std::string& key) {
  // READ COMMITTED writers would otherwise both read k failures and both
  // write k + 1. A transaction-level advisory lock on the key (in this
  // schema) makes a second writer wait for the first one's end; its read
  // below is a new statement, so it sees what the first committed. Unlike a
  // row lock it needs no row: a key that never failed (the address of every
  // successful login) gets none, where a zero row to lock would stay
  // behind for good. A Clear while we waited leaves nothing to miss.
  REGIE_RETURN_IF_ERROR(conn_
                            .Exec("SELECT pg_advisory_xact_lock($1::integer, "
                                  "hashtext(coalesce(current_schema(), '') || ' ' || $2))",
                                  Params().Add(int64_t{kThrottleLockClass}).Add(key))
                            .status());
  return Get(key);
}

Status PgThrottles::Put(const ports::Throttle& throttle) {
  return conn_
      .Exec(
          "INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) "
          "VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, "
          "last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until",
          Params()
              .Add(throttle.key)
              .Add(int64_t{throttle.failures})
              .Add(throttle.last_failure_at.micros)
              .Add(throttle.locked_until.micros))
      .status();
}

Status PgThrottles::Clear(const std::string& key) {
  return conn_.Exec("DELETE FROM login_throttle WHERE key = $1", Params().Add(key)).status();
}

}  // namespace regie::storage::postgres
