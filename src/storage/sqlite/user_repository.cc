// Users with their credentials, sessions and login throttling.
#include <algorithm>
#include <functional>

#include "storage/common/username.h"
#include "storage/sqlite/sqlite_access_repositories.h"

namespace regie::storage::sqlite {
namespace {

constexpr std::string_view kUserColumns =
    "SELECT id, version, username, display_name, email, organisation_id, roles, active, demo, "
    "password_hash, totp_sealed, totp_enabled, totp_last_step, created_at FROM users";

ports::User ReadUser(const Stmt& s) {
  ports::User u;
  u.id = s.Int(0);
  u.version = s.Int(1);
  u.data.username = s.Text(2);
  u.data.display_name = s.Text(3);
  u.data.email = s.Text(4);
  u.data.organisation_id = s.Int(5);
  // Written by RoleSet::ToString only; an unknown code (a role a later
  // version dropped) grants nothing rather than failing the login.
  u.data.roles = core::RoleSet::Parse(s.Text(6)).value_or(core::RoleSet());
  u.data.active = s.Int(7) != 0;
  u.data.demo = s.Int(8) != 0;
  u.password_hash = s.Text(9);
  u.totp_sealed = s.Text(10);
  u.totp_enabled = s.Int(11) != 0;
  u.totp_last_step = s.Int(12);
  u.created_at = core::Timestamp{s.Int(13)};
  return u;
}

Status UserNotFound() { return NotFound("user_not_found", "no such user"); }
Status FederatedIdentityUnknown() {
  return NotFound("federated_identity_unknown", "no single sign-on binding matches");
}
Status SessionNotFound() { return NotFound("session_not_found", "no such session"); }

// One user by a statement bound with `bind`.
StatusOr<ports::User> OneUser(Connection& conn, std::string_view where,
                              const std::function<void(Stmt&)>& bind, const Status& missing) {
  REGIE_ASSIGN_OR_RETURN(Stmt s,
                         conn.Prepare(std::string(kUserColumns) + " WHERE " + std::string(where)));
  bind(s);
  if (!s.Step()) {
    REGIE_RETURN_IF_ERROR(s.status());
    return missing;
  }
  return ReadUser(s);
}

int64_t Bool(bool b) { return b ? 1 : 0; }

}  // namespace

Status SqliteUsers::CheckUserData(const ports::UserData& data, int64_t self) {
  {
    REGIE_ASSIGN_OR_RETURN(Stmt org, conn_.Prepare("SELECT 1 FROM organisations WHERE id = ?1"));
    org.Bind(1, data.organisation_id);
    if (!org.Step()) {
      REGIE_RETURN_IF_ERROR(org.status());
      return InvalidArgument("validation_failed", "no such organisation",
                             {{"organisation_id", "invalid_reference"}});
    }
  }
  REGIE_ASSIGN_OR_RETURN(Stmt taken,
                         conn_.Prepare("SELECT 1 FROM users WHERE username = ?1 AND id <> ?2"));
  taken.Bind(1, NormaliseUsername(data.username)).Bind(2, self);
  if (taken.Step())
    return {StatusCode::kConflict, "duplicate", "username is taken", {{"username", "duplicate"}}};
  return taken.status();
}

StatusOr<ports::User> SqliteUsers::Create(const ports::UserData& data, core::Timestamp now) {
  REGIE_RETURN_IF_ERROR(CheckUserData(data, 0));
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT INTO users (version, username, display_name, email, "
                            "organisation_id, roles, active, demo, created_at, updated_at) "
                            "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)"));
  REGIE_RETURN_IF_ERROR(s.Bind(1, NormaliseUsername(data.username))
                            .Bind(2, data.display_name)
                            .Bind(3, data.email)
                            .Bind(4, data.organisation_id)
                            .Bind(5, data.roles.ToString())
                            .Bind(6, Bool(data.active))
                            .Bind(7, Bool(data.demo))
                            .Bind(8, now.micros)
                            .Exec());
  return Get(sqlite3_last_insert_rowid(conn_.db()));
}

StatusOr<ports::User> SqliteUsers::Get(int64_t id) {
  return OneUser(
      conn_, "id = ?1", [&](Stmt& s) { s.Bind(1, id); }, UserNotFound());
}

StatusOr<ports::User> SqliteUsers::GetByUsername(const std::string& username) {
  return OneUser(
      conn_, "username = ?1", [&](Stmt& s) { s.Bind(1, NormaliseUsername(username)); },
      UserNotFound());
}

StatusOr<std::vector<ports::User>> SqliteUsers::ListServing(int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare(std::string(kUserColumns) +
                            " WHERE organisation_id IN (SELECT id FROM organisations WHERE "
                            "tenant_id = ?1 UNION SELECT organisation_id FROM organisation_tenants "
                            "WHERE tenant_id = ?1) ORDER BY display_name, id"));
  s.Bind(1, tenant_id);
  std::vector<ports::User> out;
  while (s.Step()) out.push_back(ReadUser(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<std::vector<ports::User>> SqliteUsers::ListByEmail(const std::string& email) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare(std::string(kUserColumns) +
                            " WHERE email <> '' AND lower(email) = lower(?1) ORDER BY id"));
  s.Bind(1, email);
  std::vector<ports::User> out;
  while (s.Step()) out.push_back(ReadUser(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<ports::User> SqliteUsers::Update(int64_t id, int64_t expected_version,
                                          const ports::UserData& data, core::Timestamp now) {
  REGIE_ASSIGN_OR_RETURN(ports::User current, Get(id));
  if (current.version != expected_version)
    return Conflict("version_conflict", "user was changed by someone else");
  REGIE_RETURN_IF_ERROR(CheckUserData(data, id));
  // As ListByEmail compares: SQLite's lower() folds ASCII letters only.
  const auto fold = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  const bool same_email = std::ranges::equal(data.email, current.data.email, {}, fold, fold);
  REGIE_RETURN_IF_ERROR(UpdateOne(
      "UPDATE users SET username = ?2, display_name = ?3, email = ?4, organisation_id = ?5, "
      "roles = ?6, active = ?7, demo = ?8, updated_at = ?9, version = version + 1 WHERE id = ?1",
      id, [&](Stmt& s) {
        s.Bind(2, NormaliseUsername(data.username))
            .Bind(3, data.display_name)
            .Bind(4, data.email)
            .Bind(5, data.organisation_id)
            .Bind(6, data.roles.ToString())
            .Bind(7, Bool(data.active))
            .Bind(8, Bool(data.demo))
            .Bind(9, now.micros);
      }));
  // A first single sign-on login matched the old address or name; whoever
  // it bound must not keep the account under the new one.
  if (NormaliseUsername(data.username) != current.data.username || !same_email) {
    REGIE_ASSIGN_OR_RETURN(Stmt unbind,
                           conn_.Prepare("DELETE FROM federated_identities WHERE user_id = ?1"));
    REGIE_RETURN_IF_ERROR(unbind.Bind(1, id).Exec());
  }
  return Get(id);
}

Status SqliteUsers::UpdateOne(std::string_view sql, int64_t id,
                              const std::function<void(Stmt&)>& bind) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(sql));
  s.Bind(1, id);
  if (bind) bind(s);
  REGIE_RETURN_IF_ERROR(s.Exec());
  if (sqlite3_changes(conn_.db()) == 0) return UserNotFound();
  return Status::Ok();
}

Status SqliteUsers::SetPassword(int64_t id, const std::string& password_hash) {
  return UpdateOne("UPDATE users SET password_hash = ?2 WHERE id = ?1", id,
                   [&](Stmt& s) { s.Bind(2, password_hash); });
}

Status SqliteUsers::SetTotp(int64_t id, const std::string& sealed, bool enabled) {
  return UpdateOne("UPDATE users SET totp_sealed = ?2, totp_enabled = ?3 WHERE id = ?1", id,
                   [&](Stmt& s) { s.Bind(2, sealed).Bind(3, Bool(enabled)); });
}

Status SqliteUsers::UseTotpStep(int64_t id, int64_t step) {
  // Compare-and-set: of two requests with the same code only one moves the
  // step, so a code works once even when replayed at the same moment.
  Status moved =
      UpdateOne("UPDATE users SET totp_last_step = ?2 WHERE id = ?1 AND totp_last_step < ?2", id,
                [&](Stmt& s) { s.Bind(2, step); });
  if (moved.code() != StatusCode::kNotFound) return moved;
  REGIE_RETURN_IF_ERROR(Get(id).status());
  return FailedPrecondition("totp_replayed", "this code (or a later one) was used before");
}

Status SqliteUsers::ResetEnrolment(int64_t id, const std::string& token_hash,
                                   core::Timestamp expires_at) {
  REGIE_RETURN_IF_ERROR(
      UpdateOne("UPDATE users SET enrolment_token_hash = ?2, enrolment_expires_at = ?3, "
                "password_hash = '', totp_sealed = '', totp_enabled = 0 WHERE id = ?1",
                id, [&](Stmt& s) { s.Bind(2, token_hash).Bind(3, expires_at.micros); }));
  {
    REGIE_ASSIGN_OR_RETURN(Stmt unbind,
                           conn_.Prepare("DELETE FROM federated_identities WHERE user_id = ?1"));
    REGIE_RETURN_IF_ERROR(unbind.Bind(1, id).Exec());
  }
  REGIE_ASSIGN_OR_RETURN(Stmt del, conn_.Prepare("DELETE FROM recovery_codes WHERE user_id = ?1"));
  return del.Bind(1, id).Exec();
}

StatusOr<ports::User> SqliteUsers::GetByEnrolment(const std::string& token_hash,
                                                  core::Timestamp now) {
  return OneUser(
      conn_, "enrolment_token_hash = ?1 AND enrolment_expires_at > ?2",
      [&](Stmt& s) { s.Bind(1, token_hash).Bind(2, now.micros); },
      NotFound("enrolment_invalid", "no unexpired enrolment link has this token"));
}

Status SqliteUsers::ClearEnrolment(int64_t id) {
  return UpdateOne(
      "UPDATE users SET enrolment_token_hash = NULL, enrolment_expires_at = NULL WHERE id = ?1",
      id);
}

Status SqliteUsers::ReplaceRecoveryCodes(int64_t id, const std::vector<std::string>& code_hashes) {
  REGIE_RETURN_IF_ERROR(Get(id).status());
  {
    REGIE_ASSIGN_OR_RETURN(Stmt del,
                           conn_.Prepare("DELETE FROM recovery_codes WHERE user_id = ?1"));
    REGIE_RETURN_IF_ERROR(del.Bind(1, id).Exec());
  }
  for (const std::string& hash : code_hashes) {
    REGIE_ASSIGN_OR_RETURN(Stmt ins, conn_.Prepare("INSERT OR IGNORE INTO recovery_codes "
                                                   "(user_id, code_hash) VALUES (?1, ?2)"));
    REGIE_RETURN_IF_ERROR(ins.Bind(1, id).Bind(2, hash).Exec());
  }
  return Status::Ok();
}

Status SqliteUsers::UseRecoveryCode(int64_t id, const std::string& code_hash, core::Timestamp now) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("UPDATE recovery_codes SET used_at = ?3 "
                                               "WHERE user_id = ?1 AND code_hash = ?2 "
                                               "AND used_at IS NULL"));
  REGIE_RETURN_IF_ERROR(s.Bind(1, id).Bind(2, code_hash).Bind(3, now.micros).Exec());
  if (sqlite3_changes(conn_.db()) == 0)
    return FailedPrecondition("recovery_code_invalid", "no unused recovery code matches");
  return Status::Ok();
}

StatusOr<int64_t> SqliteUsers::UserOfSubject(const std::string& issuer,
                                             const std::string& subject) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT user_id FROM federated_identities "
                                               "WHERE issuer = ?1 AND subject = ?2"));
  s.Bind(1, issuer).Bind(2, subject);
  if (s.Step()) return s.Int(0);
  REGIE_RETURN_IF_ERROR(s.status());
  return FederatedIdentityUnknown();
}

StatusOr<std::string> SqliteUsers::SubjectOfUser(int64_t id, const std::string& issuer) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT subject FROM federated_identities "
                                               "WHERE user_id = ?1 AND issuer = ?2"));
  s.Bind(1, id).Bind(2, issuer);
  if (s.Step()) return s.Text(0);
  REGIE_RETURN_IF_ERROR(s.status());
  return FederatedIdentityUnknown();
}

StatusOr<std::vector<ports::SubjectBinding>> SqliteUsers::BindingsOfUser(int64_t id) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT issuer, linked_at FROM federated_identities "
                                               "WHERE user_id = ?1 ORDER BY issuer"));
  s.Bind(1, id);
  std::vector<ports::SubjectBinding> out;
  while (s.Step()) out.push_back({s.Text(0), core::Timestamp{s.Int(1)}});
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

Status SqliteUsers::BindSubject(int64_t id, const std::string& issuer, const std::string& subject,
                                core::Timestamp now) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT INTO federated_identities (issuer, subject, user_id, "
                            "linked_at) VALUES (?1, ?2, ?3, ?4)"));
  return s.Bind(1, issuer).Bind(2, subject).Bind(3, id).Bind(4, now.micros).Exec();
}

Status SqliteSessions::Create(const ports::Session& session) {
  {
    REGIE_ASSIGN_OR_RETURN(Stmt u, conn_.Prepare("SELECT 1 FROM users WHERE id = ?1"));
    u.Bind(1, session.user_id);
    if (!u.Step()) {
      REGIE_RETURN_IF_ERROR(u.status());
      return UserNotFound();
    }
  }
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT INTO sessions (token_hash, user_id, csrf_token, mfa_done, "
                            "created_at, last_seen_at, absolute_expires_at, client_ip, revoked) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0)"));
  return s.Bind(1, session.token_hash)
      .Bind(2, session.user_id)
      .Bind(3, session.csrf_token)
      .Bind(4, Bool(session.mfa_done))
      .Bind(5, session.created_at.micros)
      .Bind(6, session.last_seen_at.micros)
      .Bind(7, session.absolute_expires_at.micros)
      .Bind(8, session.client_ip)
      .Exec();
}

StatusOr<ports::Session> SqliteSessions::Get(const std::string& token_hash) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT token_hash, user_id, csrf_token, mfa_done, created_at, "
                            "last_seen_at, absolute_expires_at, client_ip FROM sessions "
                            "WHERE token_hash = ?1 AND revoked = 0"));
  s.Bind(1, token_hash);
  if (!s.Step()) {
    REGIE_RETURN_IF_ERROR(s.status());
    return SessionNotFound();
  }
  ports::Session out;
  out.token_hash = s.Text(0);
  out.user_id = s.Int(1);
  out.csrf_token = s.Text(2);
  out.mfa_done = s.Int(3) != 0;
  out.created_at = core::Timestamp{s.Int(4)};
  out.last_seen_at = core::Timestamp{s.Int(5)};
  out.absolute_expires_at = core::Timestamp{s.Int(6)};
  out.client_ip = s.Text(7);
  return out;
}

Status SqliteSessions::Touch(const std::string& token_hash, core::Timestamp now) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("UPDATE sessions SET last_seen_at = ?2 "
                                               "WHERE token_hash = ?1 AND revoked = 0"));
  REGIE_RETURN_IF_ERROR(s.Bind(1, token_hash).Bind(2, now.micros).Exec());
  return sqlite3_changes(conn_.db()) == 0 ? SessionNotFound() : Status::Ok();
}

Status SqliteSessions::CompleteMfa(const std::string& token_hash, core::Timestamp now) {
  REGIE_ASSIGN_OR_RETURN(Stmt s,
                         conn_.Prepare("UPDATE sessions SET mfa_done = 1, last_seen_at = ?2 "
                                       "WHERE token_hash = ?1 AND revoked = 0"));
  REGIE_RETURN_IF_ERROR(s.Bind(1, token_hash).Bind(2, now.micros).Exec());
  return sqlite3_changes(conn_.db()) == 0 ? SessionNotFound() : Status::Ok();
}

Status SqliteSessions::Revoke(const std::string& token_hash) {
  // Idempotent for a session revoked before; the row stays for the audit.
  REGIE_ASSIGN_OR_RETURN(Stmt s,
                         conn_.Prepare("UPDATE sessions SET revoked = 1 WHERE token_hash = ?1"));
  REGIE_RETURN_IF_ERROR(s.Bind(1, token_hash).Exec());
  return sqlite3_changes(conn_.db()) == 0 ? SessionNotFound() : Status::Ok();
}

Status SqliteSessions::RevokeAllOf(int64_t user_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("UPDATE sessions SET revoked = 1 WHERE user_id = ?1 AND revoked = 0"));
  return s.Bind(1, user_id).Exec();
}

StatusOr<ports::Throttle> SqliteThrottles::Get(const std::string& key) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT failures, last_failure_at, locked_until "
                                               "FROM login_throttle WHERE key = ?1"));
  s.Bind(1, key);
  ports::Throttle out;
  out.key = key;
  if (s.Step()) {
    out.failures = static_cast<int>(s.Int(0));
    out.last_failure_at = core::Timestamp{s.Int(1)};
    out.locked_until = core::Timestamp{s.Int(2)};
  }
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<ports::Throttle> SqliteThrottles::GetForUpdate(const std::string& key) {
  // The writer's BEGIN IMMEDIATE holds the whole database until it ends, so
  // nobody else writes the key in between.
  return Get(key);
}

Status SqliteThrottles::Put(const ports::Throttle& throttle) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT INTO login_throttle (key, failures, last_failure_at, "
                            "locked_until) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (key) DO UPDATE "
                            "SET failures = excluded.failures, last_failure_at = "
                            "excluded.last_failure_at, locked_until = excluded.locked_until"));
  return s.Bind(1, throttle.key)
      .Bind(2, int64_t{throttle.failures})
      .Bind(3, throttle.last_failure_at.micros)
      .Bind(4, throttle.locked_until.micros)
      .Exec();
}

Status SqliteThrottles::Clear(const std::string& key) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("DELETE FROM login_throttle WHERE key = ?1"));
  return s.Bind(1, key).Exec();
}

}  // namespace regie::storage::sqlite
