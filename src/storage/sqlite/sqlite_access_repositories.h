#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ports/access_repositories.h"
#include "storage/sqlite/sqlite_handle.h"

namespace regie::storage::sqlite {

// The access issue's repositories over one connection inside an open
// transaction (see sqlite_repositories.h). Writers are serialised by
// BEGIN IMMEDIATE, so a check followed by a write cannot race.

class SqliteUsers final : public ports::UserRepository {
 public:
  explicit SqliteUsers(Connection& conn) : conn_(conn) {}
  StatusOr<ports::User> Create(const ports::UserData& data, core::Timestamp now) override;
  StatusOr<ports::User> Get(int64_t id) override;
  StatusOr<ports::User> GetByUsername(const std::string& username) override;
  StatusOr<std::vector<ports::User>> ListServing(int64_t tenant_id) override;
  StatusOr<std::vector<ports::User>> ListByEmail(const std::string& email) override;
  StatusOr<ports::User> Update(int64_t id, int64_t expected_version, const ports::UserData& data,
                               core::Timestamp now) override;
  Status SetPassword(int64_t id, const std::string& password_hash) override;
  Status SetTotp(int64_t id, const std::string& sealed, bool enabled) override;
  Status UseTotpStep(int64_t id, int64_t step) override;
  Status ResetEnrolment(int64_t id, const std::string& token_hash,
                        core::Timestamp expires_at) override;
  StatusOr<ports::User> GetByEnrolment(const std::string& token_hash, core::Timestamp now) override;
  Status ClearEnrolment(int64_t id) override;
  Status ReplaceRecoveryCodes(int64_t id, const std::vector<std::string>& code_hashes) override;
  Status UseRecoveryCode(int64_t id, const std::string& code_hash, core::Timestamp now) override;
  StatusOr<int64_t> UserOfSubject(const std::string& issuer, const std::string& subject) override;
  StatusOr<std::string> SubjectOfUser(int64_t id, const std::string& issuer) override;
  StatusOr<std::vector<ports::SubjectBinding>> BindingsOfUser(int64_t id) override;
  Status BindSubject(int64_t id, const std::string& issuer, const std::string& subject,
                     core::Timestamp now) override;

 private:
  // Runs a one-row UPDATE bound with `id` as ?1; NotFound "user_not_found"
  // when no row changed.
  Status UpdateOne(std::string_view sql, int64_t id,
                   const std::function<void(Stmt&)>& bind = nullptr);
  // The checks Create and Update share: organisation exists, username free
  // (other than for `self`).
  Status CheckUserData(const ports::UserData& data, int64_t self);
  Connection& conn_;
};

class SqliteSessions final : public ports::SessionRepository {
 public:
  explicit SqliteSessions(Connection& conn) : conn_(conn) {}
  Status Create(const ports::Session& session) override;
  StatusOr<ports::Session> Get(const std::string& token_hash) override;
  Status Touch(const std::string& token_hash, core::Timestamp now) override;
  Status CompleteMfa(const std::string& token_hash, core::Timestamp now) override;
  Status Revoke(const std::string& token_hash) override;
  Status RevokeAllOf(int64_t user_id) override;

 private:
  Connection& conn_;
};

class SqliteThrottles final : public ports::ThrottleRepository {
 public:
  explicit SqliteThrottles(Connection& conn) : conn_(conn) {}
  StatusOr<ports::Throttle> Get(const std::string& key) override;
  StatusOr<ports::Throttle> GetForUpdate(const std::string& key) override;
  Status Put(const ports::Throttle& throttle) override;
  Status Clear(const std::string& key) override;

 private:
  Connection& conn_;
};

class SqliteAccess final : public ports::AccessRepository {
 public:
  explicit SqliteAccess(Connection& conn) : conn_(conn) {}
  StatusOr<core::HouseholdFacts> Facts(int64_t tenant_id, int64_t household_id,
                                       int64_t user_id) override;
  StatusOr<int64_t> HouseholdOfPerson(int64_t tenant_id, int64_t person_id) override;
  Status SetAssignments(int64_t tenant_id, int64_t household_id, ports::AssignmentKind kind,
                        const std::vector<int64_t>& user_ids) override;
  StatusOr<core::SharingBasis> CreateBasis(const core::SharingBasis& basis,
                                           core::Timestamp now) override;
  StatusOr<core::SharingBasis> GetBasis(int64_t tenant_id, int64_t basis_id) override;
  StatusOr<std::vector<core::SharingBasis>> BasesOfPerson(int64_t tenant_id,
                                                          int64_t person_id) override;
  StatusOr<core::SharingBasis> WithdrawBasis(int64_t tenant_id, int64_t basis_id,
                                             core::Timestamp now, int64_t by_user) override;
  Status OpenBreakGlass(const core::BreakGlassGrant& grant) override;

 private:
  Connection& conn_;
};

class SqliteAudit final : public ports::AuditRepository {
 public:
  explicit SqliteAudit(Connection& conn) : conn_(conn) {}
  StatusOr<core::AuditRecord> Append(core::AuditRecord record,
                                     const core::DigestFn& digest) override;
  Status AppendMany(std::vector<core::AuditRecord>& records, const core::DigestFn& digest) override;
  StatusOr<std::vector<core::AuditRecord>> Find(const ports::AuditQuery& query) override;
  StatusOr<std::vector<core::AuditRecord>> Scan(int64_t after_seq, int limit) override;
  StatusOr<ports::AuditHead> Head() override;

 private:
  // Chains `record` after `head` and inserts it; `head` becomes the record.
  Status Insert(core::AuditRecord& record, ports::AuditHead& head, const core::DigestFn& digest);
  Status MoveHead(const ports::AuditHead& head);
  Connection& conn_;
};

}  // namespace regie::storage::sqlite
