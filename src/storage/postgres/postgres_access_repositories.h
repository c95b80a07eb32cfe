#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ports/access_repositories.h"
#include "storage/postgres/pg_handle.h"

namespace regie::storage::postgres {

// The access issue's repositories over one connection inside an open
// transaction (see postgres_repositories.h). Writers run in READ COMMITTED
// side by side, so every check-then-write either locks the row it decides
// on, repeats the check in the writing statement (compare-and-set), or
// lets the statement resolve a clash without failing (ON CONFLICT, or a
// savepoint): a failed statement would abort the caller's transaction.

class PgUsers final : public ports::UserRepository {
 public:
  explicit PgUsers(Connection& conn) : conn_(conn) {}
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
  // Runs a one-row UPDATE whose $1 is the user id; NotFound
  // "user_not_found" when no row changed.
  Status UpdateOne(std::string_view sql, const Params& params);
  Connection& conn_;
};

class PgSessions final : public ports::SessionRepository {
 public:
  explicit PgSessions(Connection& conn) : conn_(conn) {}
  Status Create(const ports::Session& session) override;
  StatusOr<ports::Session> Get(const std::string& token_hash) override;
  Status Touch(const std::string& token_hash, core::Timestamp now) override;
  Status CompleteMfa(const std::string& token_hash, core::Timestamp now) override;
  Status Revoke(const std::string& token_hash) override;
  Status RevokeAllOf(int64_t user_id) override;

 private:
  Connection& conn_;
};

class PgThrottles final : public ports::ThrottleRepository {
 public:
  explicit PgThrottles(Connection& conn) : conn_(conn) {}
  StatusOr<ports::Throttle> Get(const std::string& key) override;
  StatusOr<ports::Throttle> GetForUpdate(const std::string& key) override;
  Status Put(const ports::Throttle& throttle) override;
  Status Clear(const std::string& key) override;

 private:
  Connection& conn_;
};

class PgAccess final : public ports::AccessRepository {
 public:
  explicit PgAccess(Connection& conn) : conn_(conn) {}
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

class PgAudit final : public ports::AuditRepository {
 public:
  explicit PgAudit(Connection& conn) : conn_(conn) {}
  StatusOr<core::AuditRecord> Append(core::AuditRecord record,
                                     const core::DigestFn& digest) override;
  StatusOr<std::vector<core::AuditRecord>> Find(const ports::AuditQuery& query) override;
  StatusOr<std::vector<core::AuditRecord>> Scan(int64_t after_seq, int limit) override;
  StatusOr<ports::AuditHead> Head() override;

 private:
  Connection& conn_;
};

}  // namespace regie::storage::postgres
