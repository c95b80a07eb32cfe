#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

// Repository contract of the handover issue: transferring a household to
// another municipality as a signed package (docs/handover.md). Same
// conventions as ports/repositories.h: tenant-scoped, NotFound
// "<type>_not_found".
namespace regie::ports {

// The instance's Ed25519 signing key. One per database: every tenant of an
// instance signs with it, and the receiving side trusts it per tenant.
struct SigningKey {
  std::string key_id;         // hex, the first 16 bytes of BLAKE2b-256 of the public key
  std::string public_key;     // base64
  std::string sealed_secret;  // ports::Crypto::Seal of the 64-byte secret key
  core::Timestamp created_at;
};

// A sender's public key a receiving tenant trusts, with the name of the
// municipality it belongs to (shown with incoming packages).
struct TrustedKey {
  int64_t id = 0;
  int64_t tenant_id = 0;
  std::string key_id;
  std::string name;        // "Gemeente Dalfsen"
  std::string public_key;  // base64
  int64_t added_by = 0;    // user id; 0 = the command line
  core::Timestamp added_at;
};

enum class HandoverDirection { kIncoming, kOutgoing };
enum class HandoverStatus { kPending, kAccepted, kRejected, kExported };

inline std::string_view ToCode(HandoverDirection d) {
  return d == HandoverDirection::kIncoming ? "incoming" : "outgoing";
}
inline std::string_view ToCode(HandoverStatus s) {
  switch (s) {
    case HandoverStatus::kPending:
      return "pending";
    case HandoverStatus::kAccepted:
      return "accepted";
    case HandoverStatus::kRejected:
      return "rejected";
    case HandoverStatus::kExported:
      return "exported";
  }
  return "pending";
}
inline HandoverStatus ParseHandoverStatus(std::string_view code) {
  if (code == "accepted") return HandoverStatus::kAccepted;
  if (code == "rejected") return HandoverStatus::kRejected;
  if (code == "exported") return HandoverStatus::kExported;
  return HandoverStatus::kPending;
}

// One package, sent or received. The signed document is kept verbatim, so
// what was received (including who recorded what at the sender) stays on
// file; the other columns are its summary, for lists and decisions.
struct HandoverRecord {
  int64_t id = 0;
  int64_t tenant_id = 0;
  std::string package_id;  // the package's UUID
  HandoverDirection direction = HandoverDirection::kIncoming;
  HandoverStatus status = HandoverStatus::kPending;
  std::string content_hash;  // hex BLAKE2b-256 of the canonical package
  std::string document;      // the signed document as sent / received
  std::string sender_code;   // CBS code of the sending municipality
  std::string sender_name;
  std::string sender_regisseur;
  std::string household_name;
  int64_t person_count = 0;
  std::string key_id;
  bool trusted = false;  // incoming: the key was on the tenant's trusted list
  // Outgoing: the exported household; incoming: the household created on
  // acceptance (0 until then).
  int64_t household_id = 0;
  int64_t recorded_by = 0;  // who exported or imported it; 0 = the command line
  core::Timestamp recorded_at;
  int64_t decided_by = 0;
  std::optional<core::Timestamp> decided_at;
  std::string decision_reason;  // the reason of a rejection
};

class HandoverRepository {
 public:
  virtual ~HandoverRepository() = default;

  // The instance's signing key, nullopt before the first export.
  virtual StatusOr<std::optional<SigningKey>> GetSigningKey() = 0;
  // Stores the instance's key; Conflict "duplicate" when one exists (a
  // concurrent first export won: read it again).
  virtual Status StoreSigningKey(const SigningKey& key) = 0;

  // Adds a trusted key (id assigned). Conflict "duplicate" when the tenant
  // already trusts that key id; NotFound "tenant_not_found".
  virtual StatusOr<TrustedKey> AddTrustedKey(const TrustedKey& key) = 0;
  virtual StatusOr<std::optional<TrustedKey>> FindTrustedKey(int64_t tenant_id,
                                                             const std::string& key_id) = 0;
  // By name, then id.
  virtual StatusOr<std::vector<TrustedKey>> ListTrustedKeys(int64_t tenant_id) = 0;

  // Stores a record (id assigned). Conflict "duplicate" when the tenant
  // already holds the package id in that direction (callers look it up
  // with Find first; this backs that up against a concurrent import).
  virtual StatusOr<HandoverRecord> Insert(const HandoverRecord& record) = 0;
  // NotFound "handover_not_found" unless the record is the tenant's.
  virtual StatusOr<HandoverRecord> Get(int64_t tenant_id, int64_t id) = 0;
  virtual StatusOr<std::optional<HandoverRecord>> Find(int64_t tenant_id,
                                                       HandoverDirection direction,
                                                       const std::string& package_id) = 0;
  // The outgoing record of a household (its export), if any.
  virtual StatusOr<std::optional<HandoverRecord>> FindByHousehold(int64_t tenant_id,
                                                                  int64_t household_id) = 0;
  // The tenant's records of one direction, newest first (recorded_at, id).
  virtual StatusOr<std::vector<HandoverRecord>> List(int64_t tenant_id,
                                                     HandoverDirection direction) = 0;
  // Decides a pending incoming record: accepted (with the created
  // household) or rejected (with a reason). NotFound "handover_not_found";
  // FailedPrecondition "handover_not_pending" when it was decided before
  // (also when a concurrent decision won).
  virtual StatusOr<HandoverRecord> Decide(int64_t tenant_id, int64_t id, HandoverStatus status,
                                          int64_t household_id, int64_t by_user,
                                          const std::string& reason, core::Timestamp at) = 0;
  // Marks the outgoing record of an export as returned: its receiver
  // rejected the package, as the sender's regisseur states on reopening the
  // household (status rejected, with who, when and the reason). Once
  // returned, the package no longer archives its household. NotFound
  // "handover_not_found"; FailedPrecondition "handover_not_exported" for an
  // incoming record or one returned before.
  virtual StatusOr<HandoverRecord> MarkReturned(int64_t tenant_id, int64_t id, int64_t by_user,
                                                const std::string& reason, core::Timestamp at) = 0;
};

}  // namespace regie::ports
