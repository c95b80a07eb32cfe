// The handover steps: export, import, accept, reject (docs/handover.md).
#include "http/handover_service.h"

#include <algorithm>
#include <utility>

#include "core/text.h"
#include "core/validation.h"
#include "http/caller.h"
#include "http/handover_policy_check.h"
#include "http/users_support.h"

namespace regie::http::handover {
namespace {

using nlohmann::json;

std::string Summary(const json& pkg, const char* a, const char* b) {
  auto it = pkg.find(a);
  if (it == pkg.end() || !it->is_object()) return "";
  auto v = it->find(b);
  return v != it->end() && v->is_string() ? v->get<std::string>() : "";
}

}  // namespace

StatusOr<SignerKey> InstanceKey(ports::Transaction& tx, ports::Crypto& crypto,
                                core::Timestamp now) {
  REGIE_ASSIGN_OR_RETURN(std::optional<ports::SigningKey> stored, tx.Handovers().GetSigningKey());
  if (!stored) {
    ports::Crypto::SigningKeyPair pair = crypto.GenerateSigningKey();
    ports::SigningKey key{.key_id = KeyId(crypto, pair.public_key),
                          .public_key = crypto.ToBase64(pair.public_key),
                          .sealed_secret = crypto.Seal(pair.secret_key),
                          .created_at = now};
    Status store = tx.Handovers().StoreSigningKey(key);
    if (store.ok()) return SignerKey{key.key_id, key.public_key, std::move(pair.secret_key)};
    // A concurrent first export stored its key after our read. The instance
    // has one key, so sign with that one; the conflict left the transaction
    // usable (port contract) to read it.
    if (store.code() != StatusCode::kConflict) return store;
    REGIE_ASSIGN_OR_RETURN(stored, tx.Handovers().GetSigningKey());
    if (!stored) return Internal("the signing key that won the conflict cannot be read");
  }
  REGIE_ASSIGN_OR_RETURN(std::vector<uint8_t> secret, crypto.Open(stored->sealed_secret));
  return SignerKey{stored->key_id, stored->public_key, std::move(secret)};
}

StatusOr<Exported> Export(ports::Transaction& tx, ports::Crypto& crypto, int64_t tenant_id,
                          int64_t household_id, int64_t regisseur_user_id, core::Timestamp now) {
  REGIE_ASSIGN_OR_RETURN(core::Household household, tx.Households().Get(tenant_id, household_id));
  if (household.archived)
    return FailedPrecondition("household_archived",
                              "the household is archived or was transferred before");
  REGIE_ASSIGN_OR_RETURN(SignerKey key, InstanceKey(tx, crypto, now));
  const std::string package_id = NewUuid(crypto);
  REGIE_ASSIGN_OR_RETURN(
      json package, BuildPackage(tx, tenant_id, household_id, regisseur_user_id, package_id, now));
  REGIE_ASSIGN_OR_RETURN(json document, Sign(crypto, key, package));
  ports::HandoverRecord record{
      .tenant_id = tenant_id,
      .package_id = package_id,
      .direction = ports::HandoverDirection::kOutgoing,
      .status = ports::HandoverStatus::kExported,
      .content_hash = crypto.TokenHash(Canonical(package)),
      .document = document.dump(2, ' ', false, json::error_handler_t::replace),
      .sender_code = Summary(package, "sender", "tenant_code"),
      .sender_name = Summary(package, "sender", "tenant_name"),
      .sender_regisseur = package["sender"]["regisseur"].value("name", ""),
      .household_name = household.data.name,
      .person_count = static_cast<int64_t>(package["household"]["persons"].size()),
      .key_id = key.key_id,
      .trusted = true,
      .household_id = household_id,
      .recorded_by = regisseur_user_id,
      .recorded_at = now};
  REGIE_ASSIGN_OR_RETURN(record, tx.Handovers().Insert(record));
  REGIE_RETURN_IF_ERROR(
      tx.Households()
          .Archive(tenant_id, household_id, household.version,
                   "Overgedragen aan andere gemeente (overdracht " + package_id + ")", now)
          .status());
  Exported out{record, record.document};
  return out;
}

bool ArchivedByHandover(const core::Household& household,
                        const std::optional<ports::HandoverRecord>& outgoing) {
  // A returned package (Reopen) archives nothing any more, whatever the
  // times: an archive after it is an ordinary one.
  return household.archived && household.archived_at && outgoing &&
         outgoing->status == ports::HandoverStatus::kExported &&
         outgoing->recorded_at.micros >= household.archived_at->micros;
}

StatusOr<bool> ArchivedByHandover(ports::Transaction& tx, const core::Household& household) {
  if (!household.archived) return false;  // active: no lookup
  REGIE_ASSIGN_OR_RETURN(std::optional<ports::HandoverRecord> record,
                         tx.Handovers().FindByHousehold(household.tenant_id, household.id));
  return ArchivedByHandover(household, record);
}

StatusOr<Imported> Import(ports::Transaction& tx, ports::Crypto& crypto,
                          const core::policy::CompiledPolicy& policy, int64_t tenant_id,
                          std::string_view document, bool allow_untrusted, int64_t by_user,
                          core::Timestamp now) {
  REGIE_ASSIGN_OR_RETURN(Verified verified, Verify(crypto, document));
  REGIE_ASSIGN_OR_RETURN(std::optional<ports::TrustedKey> trusted,
                         tx.Handovers().FindTrustedKey(tenant_id, verified.key_id));
  const bool is_trusted = trusted && trusted->public_key == verified.public_key;
  if (!is_trusted && !allow_untrusted) return Forbidden("handover_key_untrusted");
  // Parsed and checked against this tenant's packs before anything is
  // stored, so a package that cannot become a household is refused at the
  // door, not at acceptance.
  REGIE_ASSIGN_OR_RETURN(Package package, Parse(verified.package, now.ToDate()));
  REGIE_RETURN_IF_ERROR(CheckEventsAgainstPolicy(package, policy, now.ToDate()));
  REGIE_ASSIGN_OR_RETURN(
      std::optional<ports::HandoverRecord> seen,
      tx.Handovers().Find(tenant_id, ports::HandoverDirection::kIncoming, package.package_id));
  if (seen) {
    if (seen->content_hash != verified.content_hash)
      return Conflict("handover_conflict",
                      "a package with this id but other content was imported before");
    return Imported{std::move(*seen), false};
  }
  ports::HandoverRecord record{.tenant_id = tenant_id,
                               .package_id = package.package_id,
                               .direction = ports::HandoverDirection::kIncoming,
                               .status = ports::HandoverStatus::kPending,
                               .content_hash = verified.content_hash,
                               .document = std::string(document),
                               .sender_code = package.sender_code,
                               .sender_name = is_trusted ? trusted->name : package.sender_name,
                               .sender_regisseur = package.sender_regisseur.name,
                               .household_name = package.household_name,
                               .person_count = static_cast<int64_t>(package.persons.size()),
                               .key_id = verified.key_id,
                               .trusted = is_trusted,
                               .recorded_by = by_user,
                               .recorded_at = now};
  REGIE_ASSIGN_OR_RETURN(record, tx.Handovers().Insert(record));
  return Imported{std::move(record), true};
}

StatusOr<ports::HandoverRecord> Accept(ports::Transaction& tx,
                                       const core::policy::CompiledPolicy& policy,
                                       int64_t tenant_id, int64_t id, int64_t regisseur_user_id,
                                       int64_t by_user, core::Timestamp now) {
  REGIE_ASSIGN_OR_RETURN(ports::HandoverRecord record, tx.Handovers().Get(tenant_id, id));
  if (record.direction != ports::HandoverDirection::kIncoming ||
      record.status != ports::HandoverStatus::kPending)
    return FailedPrecondition("handover_not_pending", "the handover was decided before");
  auto bad_regisseur = [] {
    return core::ValidationFailed({{"regisseur_user_id", "invalid_reference"}});
  };
  // A regisseur where the role counts: in their organisation's home
  // municipality (users_support.h, ActiveInRole).
  StatusOr<ports::User> regisseur = tx.Users().Get(regisseur_user_id);
  if (!regisseur.ok()) {
    if (regisseur.status().code() != StatusCode::kNotFound) return regisseur.status();
    return bad_regisseur();
  }
  REGIE_ASSIGN_OR_RETURN(bool directs,
                         ActiveInRole(tx, *regisseur, core::Role::kRegisseur, tenant_id));
  if (!directs) return bad_regisseur();
  // The document was verified on import; parsed again from what is stored.
  json doc = json::parse(record.document, nullptr, false);
  if (doc.is_discarded() || !doc.contains("package"))
    return Internal("stored handover document is unreadable");
  REGIE_ASSIGN_OR_RETURN(Package package, Parse(doc["package"], now.ToDate()));
  // The packs may have changed since the upload (one activated, another
  // version): the events must be recordable under today's.
  REGIE_RETURN_IF_ERROR(CheckEventsAgainstPolicy(package, policy, now.ToDate()));

  core::HouseholdData data{.name = package.household_name,
                           .regisseur_user_id = regisseur_user_id,
                           .involved_organisations = {}};
  StatusOr<core::Household> household = tx.Households().Create(tenant_id, data, now);
  if (!household.ok()) {
    if (household.status().reason() == "validation_failed") return bad_regisseur();
    return household.status();
  }
  std::vector<int64_t> person_ids;
  for (size_t i = 0; i < package.persons.size(); ++i) {
    StatusOr<core::Person> p =
        tx.Persons().Create(tenant_id, household->id, package.persons[i], now);
    if (!p.ok()) {
      // A BSN already known in this municipality: name the person.
      std::vector<FieldError> errors;
      for (const FieldError& e : p.status().field_errors())
        errors.push_back(
            {"package/household/persons/" + std::to_string(i) + "/" + e.field, e.code});
      if (errors.empty()) return p.status();
      return Status(p.status().code(), p.status().reason(), p.status().message(),
                    std::move(errors));
    }
    person_ids.push_back(p->id);
  }
  for (const PackageEvent& e : package.events) {
    ports::StoredEvent stored{.tenant_id = tenant_id,
                              .person_id = person_ids[e.person],
                              .event = e.event,
                              .recorded_by = by_user,
                              .recorded_at = e.recorded_at};
    REGIE_ASSIGN_OR_RETURN(stored, tx.Policy().RecordEvent(stored));
    if (e.voided_at)
      REGIE_RETURN_IF_ERROR(
          tx.Policy()
              .VoidEvent(tenant_id, stored.id, by_user, e.void_reason, *e.voided_at)
              .status());
  }
  for (const PackageContact& c : package.contacts) {
    core::Contact contact{.tenant_id = tenant_id,
                          .data = c.data,
                          .recorded_by = by_user,
                          .recorded_at = c.recorded_at};
    contact.data.household_id = household->id;
    for (int64_t& p : contact.data.person_ids) p = person_ids[static_cast<size_t>(p)];
    REGIE_RETURN_IF_ERROR(tx.Contacts().Create(contact).status());
  }
  for (const PackageAssessment& a : package.assessments) {
    core::Assessment assessment{.tenant_id = tenant_id,
                                .data = a.data,
                                .recorded_by = by_user,
                                .recorded_at = a.recorded_at};
    assessment.data.person_id = person_ids[static_cast<size_t>(a.data.person_id)];
    REGIE_ASSIGN_OR_RETURN(assessment, tx.Assessments().Create(assessment, 0));
    if (a.voided_at)
      REGIE_RETURN_IF_ERROR(
          tx.Assessments()
              .Void(tenant_id, assessment.id, by_user, a.void_reason, *a.voided_at)
              .status());
  }
  if (package.plan) {
    const PackagePlan& src = *package.plan;
    core::Plan plan{.tenant_id = tenant_id,
                    .household_id = household->id,
                    .version = 1,
                    .saved_at = src.saved_at,
                    .saved_by = by_user,
                    .next_key = src.next_key};
    int64_t max_key = 0;
    for (size_t g = 0; g < src.goals.size(); ++g) {
      core::PlanGoal goal = src.goals[g];
      goal.person_id = person_ids[static_cast<size_t>(goal.person_id)];
      max_key = std::max(max_key, goal.key);
      for (const PackageAction& a : src.actions[g]) {
        core::PlanAction action = a.action;
        // The old municipality's organisations do not exist here: the new
        // regisseur answers for every action until they assign it on.
        action.organisation_id = regisseur->data.organisation_id;
        action.user_id = regisseur_user_id;
        max_key = std::max(max_key, action.key);
        goal.actions.push_back(std::move(action));
      }
      plan.goals.push_back(std::move(goal));
    }
    plan.next_key = std::max(plan.next_key, max_key + 1);
    REGIE_RETURN_IF_ERROR(tx.Plans().Save(plan).status());
  }
  return tx.Handovers().Decide(tenant_id, id, ports::HandoverStatus::kAccepted, household->id,
                               by_user, "", now);
}

StatusOr<ports::HandoverRecord> Reject(ports::Transaction& tx, int64_t tenant_id, int64_t id,
                                       int64_t by_user, const std::string& reason,
                                       core::Timestamp now) {
  // The check every free text of the API gets: a NUL or another control
  // character would be refused by PostgreSQL (500) and kept by SQLite.
  // Stored trimmed, as every other reason.
  const std::string trimmed = core::Trim(reason);
  if (!core::IsCleanText(trimmed, /*multiline=*/true))
    return core::ValidationFailed({{"reason", "invalid_text"}});
  if (trimmed.empty()) return core::ValidationFailed({{"reason", "required"}});
  if (trimmed.size() > 2000) return core::ValidationFailed({{"reason", "too_long"}});
  return tx.Handovers().Decide(tenant_id, id, ports::HandoverStatus::kRejected, 0, by_user, trimmed,
                               now);
}

json SummaryJson(const ports::HandoverRecord& r) {
  return {{"id", r.id},
          {"package_id", r.package_id},
          {"direction", ports::ToCode(r.direction)},
          {"status", ports::ToCode(r.status)},
          {"sender", {{"tenant_code", r.sender_code}, {"tenant_name", r.sender_name}}},
          {"sender_regisseur", r.sender_regisseur},
          {"household_name", r.household_name},
          {"person_count", r.person_count},
          {"key_id", r.key_id},
          {"trusted", r.trusted},
          {"household_id", r.household_id == 0 ? json(nullptr) : json(r.household_id)},
          {"recorded_at", r.recorded_at.ToString()},
          {"decided_at", r.decided_at ? json(r.decided_at->ToString()) : json(nullptr)},
          {"decision_reason", r.decision_reason}};
}

}  // namespace regie::http::handover
