#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access/access_model.h"
#include "core/access/policy.h"
#include "core/audit/audit_record.h"
#include "core/model.h"
#include "core/status.h"

// Repository contracts of the access issue: users, sessions, login
// throttling, household relationships, sharing bases, break-the-glass and
// the audit log. Same conventions as ports/repositories.h: tenant-scoped
// where the data is, NotFound "<type>_not_found", Conflict "duplicate" /
// "version_conflict", no domain validation (core does that).
namespace regie::ports {

struct UserData {
  std::string username;  // unique, compared case-insensitively (stored lower case)
  std::string display_name;
  std::string email;
  int64_t organisation_id = 0;
  core::RoleSet roles;
  bool active = true;
  // Created by `regie demo` with a published password and TOTP seed; only
  // demo users can have their current code printed by the CLI.
  bool demo = false;
};

struct User {
  int64_t id = 0;
  int64_t version = 1;
  UserData data;
  std::string password_hash;  // Argon2id encoded; empty until enrolled
  std::string totp_sealed;    // TOTP seed sealed with the server key; empty until enrolled
  bool totp_enabled = false;
  int64_t totp_last_step = 0;  // the last accepted step: no code is accepted twice
  core::Timestamp created_at;
};

// An account's binding to an identity provider, without the subject itself
// (an identifier of the IdP's, which beheer does not need to see).
struct SubjectBinding {
  std::string issuer;
  core::Timestamp linked_at;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // Conflict "duplicate" (field "username") when the name is taken;
  // InvalidArgument invalid_reference (field "organisation_id") for an
  // unknown organisation.
  virtual StatusOr<User> Create(const UserData& data, core::Timestamp now) = 0;
  virtual StatusOr<User> Get(int64_t id) = 0;
  virtual StatusOr<User> GetByUsername(const std::string& username) = 0;
  // Users whose organisation serves the tenant, by display name.
  virtual StatusOr<std::vector<User>> ListServing(int64_t tenant_id) = 0;
  // Users whose e-mail address equals `email` without regard to ASCII case,
  // by id (single sign-on finds the account by the identity provider's
  // e-mail claim; more than one match is the caller's to refuse).
  virtual StatusOr<std::vector<User>> ListByEmail(const std::string& email) = 0;
  virtual StatusOr<User> Update(int64_t id, int64_t expected_version, const UserData& data,
                                core::Timestamp now) = 0;
  virtual Status SetPassword(int64_t id, const std::string& password_hash) = 0;
  // Stores a new (not yet enabled) seed, or enables it.
  virtual Status SetTotp(int64_t id, const std::string& sealed, bool enabled) = 0;
  // Advances the last used step; FailedPrecondition "totp_replayed" when
  // `step` is not newer than the stored one (compare-and-set).
  virtual Status UseTotpStep(int64_t id, int64_t step) = 0;
  // Replaces the enrolment link (hash of the token, expiry) and clears the
  // password, the TOTP seed and the single sign-on bindings, so the old
  // credentials stop working at once.
  virtual Status ResetEnrolment(int64_t id, const std::string& token_hash,
                                core::Timestamp expires_at) = 0;
  // NotFound "enrolment_invalid" when no unexpired link has this hash.
  virtual StatusOr<User> GetByEnrolment(const std::string& token_hash, core::Timestamp now) = 0;
  virtual Status ClearEnrolment(int64_t id) = 0;
  virtual Status ReplaceRecoveryCodes(int64_t id, const std::vector<std::string>& code_hashes) = 0;
  // Marks an unused code used; FailedPrecondition "recovery_code_invalid" otherwise.
  virtual Status UseRecoveryCode(int64_t id, const std::string& code_hash, core::Timestamp now) = 0;

  // Single sign-on binds an account to an identity provider's subject (the
  // ID token's `sub`, unique within its issuer `iss`) on its first login; at
  // most one subject per account and issuer, one account per subject.
  // Update ends an account's bindings when its e-mail address or username
  // (what a first login matches) changes; ResetEnrolment ends them too.
  // The account bound to the subject; NotFound "federated_identity_unknown".
  virtual StatusOr<int64_t> UserOfSubject(const std::string& issuer,
                                          const std::string& subject) = 0;
  // The subject bound to the account at the issuer; NotFound
  // "federated_identity_unknown".
  virtual StatusOr<std::string> SubjectOfUser(int64_t id, const std::string& issuer) = 0;
  // The issuers the account is bound at, with when, by issuer: for beheer,
  // who must know that a new address or enrolment ends a binding.
  virtual StatusOr<std::vector<SubjectBinding>> BindingsOfUser(int64_t id) = 0;
  // Conflict "duplicate" when the subject or the account is bound already
  // (a concurrent first login); the transaction stays usable.
  virtual Status BindSubject(int64_t id, const std::string& issuer, const std::string& subject,
                             core::Timestamp now) = 0;
};

struct Session {
  std::string token_hash;  // of the 256-bit random token in the cookie
  int64_t user_id = 0;
  std::string csrf_token;
  bool mfa_done = false;
  core::Timestamp created_at;
  core::Timestamp last_seen_at;
  core::Timestamp absolute_expires_at;
  std::string client_ip;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual Status Create(const Session& session) = 0;
  // NotFound "session_not_found" when absent or revoked.
  virtual StatusOr<Session> Get(const std::string& token_hash) = 0;
  virtual Status Touch(const std::string& token_hash, core::Timestamp now) = 0;
  virtual Status CompleteMfa(const std::string& token_hash, core::Timestamp now) = 0;
  // Idempotent for a revoked session; NotFound for a token never issued.
  virtual Status Revoke(const std::string& token_hash) = 0;
  virtual Status RevokeAllOf(int64_t user_id) = 0;
};

// Failed-login bookkeeping per key ("user:<name>" and "ip:<address>").
struct Throttle {
  std::string key;
  int failures = 0;
  core::Timestamp last_failure_at;
  core::Timestamp locked_until;  // zero when not locked
};

class ThrottleRepository {
 public:
  virtual ~ThrottleRepository() = default;
  // A zero Throttle for an unknown key.
  virtual StatusOr<Throttle> Get(const std::string& key) = 0;
  // Get for a write that depends on the result (write transactions only):
  // holds the key until the transaction ends, so a concurrent GetForUpdate
  // of it waits and then sees this transaction's Put, and no failure of a
  // burst is lost. Plain Get gives no such guarantee on every backend.
  // It writes nothing: a key without failures keeps having no row (a
  // successful login leaves none for its address), Put and Clear are the
  // only writes.
  virtual StatusOr<Throttle> GetForUpdate(const std::string& key) = 0;
  virtual Status Put(const Throttle& throttle) = 0;
  virtual Status Clear(const std::string& key) = 0;
};

enum class AssignmentKind { kBegeleider, kVrijwilliger };

// Who stands where towards households: assignments, sharing bases,
// break-the-glass, and the facts the policy needs.
class AccessRepository {
 public:
  virtual ~AccessRepository() = default;
  // Everything core::DecideHousehold needs, for `user_id`'s break-glass
  // grants. NotFound "household_not_found" outside the tenant.
  virtual StatusOr<core::HouseholdFacts> Facts(int64_t tenant_id, int64_t household_id,
                                               int64_t user_id) = 0;
  // The household of a person (for person routes), NotFound "person_not_found".
  virtual StatusOr<int64_t> HouseholdOfPerson(int64_t tenant_id, int64_t person_id) = 0;
  // Replaces the assignments of one kind. InvalidArgument invalid_reference
  // for a user whose organisation does not serve the tenant (fields
  // "begeleiders/<i>" or "vrijwilligers/<i>", as in the request body);
  // NotFound "household_not_found"; FailedPrecondition "household_archived".
  virtual Status SetAssignments(int64_t tenant_id, int64_t household_id, AssignmentKind kind,
                                const std::vector<int64_t>& user_ids) = 0;
  // Records `basis` (its id is assigned) at `now`, the row's created_at.
  // NotFound "person_not_found" outside the tenant; InvalidArgument
  // invalid_reference (field "organisation_id") for an organisation not
  // serving the tenant.
  virtual StatusOr<core::SharingBasis> CreateBasis(const core::SharingBasis& basis,
                                                   core::Timestamp now) = 0;
  virtual StatusOr<core::SharingBasis> GetBasis(int64_t tenant_id, int64_t basis_id) = 0;
  virtual StatusOr<std::vector<core::SharingBasis>> BasesOfPerson(int64_t tenant_id,
                                                                  int64_t person_id) = 0;
  // FailedPrecondition "already_withdrawn".
  virtual StatusOr<core::SharingBasis> WithdrawBasis(int64_t tenant_id, int64_t basis_id,
                                                     core::Timestamp now, int64_t by_user) = 0;
  // Records an opening decided on the household's Facts (the grant carries
  // no tenant: the caller checked it). NotFound "household_not_found" or
  // "user_not_found" for an id that does not exist.
  virtual Status OpenBreakGlass(const core::BreakGlassGrant& grant) = 0;
};

struct AuditQuery {
  int64_t tenant_id = 0;
  std::optional<int64_t> user_id;
  std::optional<int64_t> person_id;  // also household-level records of the person's household
  std::optional<int64_t> household_id;
  std::optional<std::string> action;
  std::optional<core::Date> from;  // inclusive, UTC dates
  std::optional<core::Date> to;
  int limit = 100;                    // 1..500
  std::optional<int64_t> before_seq;  // keyset: newest first
};

struct AuditHead {
  int64_t seq = 0;
  std::string hash;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // Appends `record` at the end of the chain inside the caller's write
  // transaction: takes the head under a lock (so concurrent writers chain one
  // after the other), sets seq and prev_hash, hashes with `digest`, inserts
  // and moves the head. Returns the stored record.
  virtual StatusOr<core::AuditRecord> Append(core::AuditRecord record,
                                             const core::DigestFn& digest) = 0;
  // Appends `records` in order, as Append would one by one (the group
  // commit of reads). A backend may read and move the head once for all.
  virtual Status AppendMany(std::vector<core::AuditRecord>& records, const core::DigestFn& digest) {
    for (core::AuditRecord& r : records) {
      REGIE_ASSIGN_OR_RETURN(r, Append(std::move(r), digest));
    }
    return Status::Ok();
  }
  virtual StatusOr<std::vector<core::AuditRecord>> Find(const AuditQuery& query) = 0;
  // For verification: records with seq > after_seq in seq order, at most `limit`.
  virtual StatusOr<std::vector<core::AuditRecord>> Scan(int64_t after_seq, int limit) = 0;
  virtual StatusOr<AuditHead> Head() = 0;
};

}  // namespace regie::ports
