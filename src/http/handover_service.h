#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/policy/compiled.h"
#include "core/status.h"
#include "http/handover_package.h"
#include "ports/crypto.h"
#include "ports/database.h"

// The handover steps (docs/handover.md), each inside the caller's write
// transaction so it is all or nothing. The caller (HTTP handler or command
// line) has authenticated, decided access and writes the audit record; these
// functions decide what the package allows.
namespace regie::http::handover {

// The instance's signing key, created (and stored sealed under the server
// key) on first use.
StatusOr<SignerKey> InstanceKey(ports::Transaction& tx, ports::Crypto& crypto, core::Timestamp now);

struct Exported {
  ports::HandoverRecord record;
  std::string document;  // the signed document, pretty-printed for people who open the file
};
// Exports the household: builds and signs the package, records it as
// outgoing and archives the household with a reference to the package (it
// now belongs to the new municipality; its data stays for the retention
// period). FailedPrecondition "household_archived" for an archived (or
// already transferred) household.
StatusOr<Exported> Export(ports::Transaction& tx, ports::Crypto& crypto, int64_t tenant_id,
                          int64_t household_id, int64_t regisseur_user_id, core::Timestamp now);

// Whether the household is archived by its own export (the archive and the
// outgoing record are written in one transaction, at one time), as opposed
// to an archive by hand, or one after the package was returned (Reopen
// marks it so).
StatusOr<bool> ArchivedByHandover(ports::Transaction& tx, const core::Household& household);
// The same, given the household's newest outgoing record (FindByHousehold).
bool ArchivedByHandover(const core::Household& household,
                        const std::optional<ports::HandoverRecord>& outgoing);

struct Imported {
  ports::HandoverRecord record;
  bool created = false;  // false: the same package was imported before
};
// Stores a received document as a pending incoming package. Refuses a
// document whose signature does not verify (always), a key the tenant does
// not trust unless `allow_untrusted` (403 "handover_key_untrusted"), a
// package that breaks the format or the rules of its records (422
// "validation_failed" with paths into "package/...", see Parse), a package
// whose events the receiving tenant's active packs (`policy`, the tenant's
// compiled policy) do not let be recorded (422 "validation_failed",
// "package/events/3/event" and the like, see CheckEventsAgainstPolicy; an
// event no active pack declares comes along), and a package id seen before
// with other content (409 "handover_conflict"); the same package again
// returns the stored record. Nothing is stored when it refuses.
StatusOr<Imported> Import(ports::Transaction& tx, ports::Crypto& crypto,
                          const core::policy::CompiledPolicy& policy, int64_t tenant_id,
                          std::string_view document, bool allow_untrusted, int64_t by_user,
                          core::Timestamp now);

// Accepts a pending package: a new household with its persons, events,
// contacts, assessments and plan, directed by `regisseur_user_id` (who must
// be an active regisseur serving the tenant: field "regisseur_user_id"),
// recorded by `by_user`. FailedPrecondition "handover_not_pending". The
// stored package is parsed and checked again as on Import, its events
// against the tenant's active packs of now (`policy`): one stored before a
// rule existed, or before a pack was activated or changed, is refused with
// its field errors instead of failing halfway, and changes nothing.
StatusOr<ports::HandoverRecord> Accept(ports::Transaction& tx,
                                       const core::policy::CompiledPolicy& policy,
                                       int64_t tenant_id, int64_t id, int64_t regisseur_user_id,
                                       int64_t by_user, core::Timestamp now);
// Rejects a pending package with a reason (required; clean text, line
// breaks allowed, at most 2000 bytes: field "reason").
StatusOr<ports::HandoverRecord> Reject(ports::Transaction& tx, int64_t tenant_id, int64_t id,
                                       int64_t by_user, const std::string& reason,
                                       core::Timestamp now);

// The summary of a record for lists (no personal data beyond the
// household name and the number of persons).
nlohmann::json SummaryJson(const ports::HandoverRecord& record);

}  // namespace regie::http::handover
