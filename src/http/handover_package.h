#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/casework/assessment.h"
#include "core/casework/contact.h"
#include "core/casework/plan.h"
#include "core/date.h"
#include "core/model.h"
#include "core/policy/person.h"
#include "core/status.h"
#include "ports/crypto.h"
#include "ports/database.h"

// The handover package `regie.handover/v1` (docs/handover.md, JSON Schema in
// docs/handover-package.schema.json): a household with its persons and
// history, serialised canonically and signed with the instance's Ed25519
// key, so another Regie instance can check who sent it and that nothing
// changed on the way. This file turns a household into a package, checks a
// received document and parses a package back into core types; it decides
// no access and writes nothing (handover_service.h does).
namespace regie::http::handover {

inline constexpr std::string_view kFormat = "regie.handover/v1";
inline constexpr std::string_view kSignatureAlgorithm = "Ed25519";
inline constexpr size_t kMaxDocumentBytes = size_t{8} * 1024 * 1024;

// Canonical serialisation: object members sorted by their UTF-8 bytes, no
// insignificant whitespace, integers only (the package has no fractions),
// strings as UTF-8 with only the escapes JSON requires. Sender and
// receiver compute it over the parsed `package` member, so the signature
// holds whatever whitespace or member order the file travelled in.
std::string Canonical(const nlohmann::json& value);

// Who did something at the sender: a user's display name and organisation.
// Users are not transferred; the names keep the history readable.
struct Author {
  std::string name;
  std::string organisation;
};

// Everything the package says, in core types, with persons referred to by
// their index in `persons` (the package's "p1", "p2", ...).
struct PackageEvent {
  size_t person = 0;
  core::policy::PersonEvent event;
  Author recorded_by;
  core::Timestamp recorded_at;
  std::optional<core::Timestamp> voided_at;
  Author voided_by;
  std::string void_reason;
};
struct PackageContact {
  core::ContactData data;  // person_ids hold person indices
  Author recorded_by;
  core::Timestamp recorded_at;
};
struct PackageAssessment {
  core::AssessmentData data;  // person_id holds the person index
  Author recorded_by;
  core::Timestamp recorded_at;
  std::optional<core::Timestamp> voided_at;
  Author voided_by;
  std::string void_reason;
};
struct PackageAction {
  core::PlanAction action;  // organisation_id and user_id unset
  Author responsible;       // organisation, and the user's name when one was named
};
struct PackagePlan {
  int64_t sender_version = 0;
  core::Timestamp saved_at;
  Author saved_by;
  int64_t next_key = 1;
  std::vector<core::PlanGoal> goals;  // person_id holds the person index; actions below
  std::vector<std::vector<PackageAction>> actions;  // per goal
};
struct Package {
  std::string package_id;
  core::Timestamp created_at;
  std::string sender_code;
  std::string sender_name;
  Author sender_regisseur;
  std::string household_name;
  std::vector<core::PersonData> persons;
  std::vector<PackageEvent> events;
  std::vector<PackageContact> contacts;
  std::vector<PackageAssessment> assessments;
  std::optional<PackagePlan> plan;
};

// Reads the household `household_id` of `tenant_id` into a package (the
// caller has decided the access). Voided events and assessments are
// included with their reason: the history stays as it was known.
StatusOr<nlohmann::json> BuildPackage(ports::Transaction& tx, int64_t tenant_id,
                                      int64_t household_id, int64_t regisseur_user_id,
                                      const std::string& package_id, core::Timestamp now);

// The signed document: {"format", "package", "signature": {"algorithm",
// "key_id", "public_key", "value"}}.
struct SignerKey {
  std::string key_id;
  std::string public_key;  // base64
  std::vector<uint8_t> secret_key;
};
StatusOr<nlohmann::json> Sign(ports::Crypto& crypto, const SignerKey& key,
                              const nlohmann::json& package);

// The key id of a public key: hex of the first 16 bytes of its BLAKE2b-256.
std::string KeyId(ports::Crypto& crypto, const std::vector<uint8_t>& public_key);

// A received document whose signature is good.
struct Verified {
  nlohmann::json package;
  std::string canonical;     // of `package`, what was signed
  std::string content_hash;  // hex BLAKE2b-256 of `canonical`
  std::string key_id;
  std::string public_key;  // base64
};
// Checks the envelope and the signature. InvalidArgument
// "handover_invalid" for a document that is not a v1 package envelope,
// "handover_signature_invalid" for a signature that does not verify under
// the document's key (or a key id that does not belong to that key).
StatusOr<Verified> Verify(ports::Crypto& crypto, std::string_view document);

// Parses a verified package strictly; "validation_failed" with field paths
// ("package/household/persons/0/bsn", "package/plan/goals/1/key") for what
// does not fit the format (an empty code, date or time is `required`, an
// integer too large for its field `out_of_range`), is not clean text
// (core::IsCleanText), or breaks the rules the normal write paths apply to
// the same record, with `today`: core::ValidatePerson, ValidateHousehold
// (name), the event rules of core/policy/event_rules.h (id, number, code
// and reason, a date not after `today` nor before the person's birth for
// an event not voided), void reasons as a void request's, ValidateContact,
// ValidateAssessment and ValidatePlanGoals; the sender's municipality is a
// CBS code, names of municipalities, people and organisations at most 200
// bytes. What acceptance assigns (household, regisseur, responsible
// organisation) is not checked, nor whether a plan's life domain is
// configured here (a well-formed code of the sender's configuration comes
// along). Whether the receiver's policy packs let an event be recorded
// (core::policy::CheckEvent) needs the tenant's compiled policy: Import and
// Accept check that after Parse (handover_policy_check.h). Texts come back
// normalised as those paths store them (trimmed; scores sorted).
StatusOr<Package> Parse(const nlohmann::json& package, core::Date today);

// A version 4 UUID from the CSPRNG.
std::string NewUuid(ports::Crypto& crypto);

}  // namespace regie::http::handover
