// Contact moments of a household (issue "Contacts and cadence"). A contact
// is household-scoped: CheckHousehold decides; its note is data category
// `notities` and is left out unless the caller sees that category for every
// person the contact concerns (NoteReader). Recording a contact also
// records the policy events it implies (voortgangscontact, driegesprek) for
// the persons it concerns, in the same transaction, so the cadences on the
// timeline and the worklist follow from the contact itself.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/casework/contact.h"
#include "core/policy/engine.h"
#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/auth_support.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/household_view.h"
#include "http/policy_registry.h"
#include "http/policy_support.h"

namespace regie::http {
namespace {

using nlohmann::json;
namespace policy = core::policy;

// Parses the request body; the household comes from the path. Every field
// error is collected, then the domain rules (core::ValidateContact) run on
// what parsed.
StatusOr<core::ContactData> ParseContact(const json& body, int64_t household_id, core::Date today) {
  core::ContactData c;
  c.household_id = household_id;
  std::vector<FieldError> errors;
  std::string date;
  ReadRequiredString(body, "date", date, errors);
  bool date_ok = false;
  if (!date.empty()) {
    if (auto d = core::Date::Parse(date)) {
      c.date = *d;
      date_ok = true;
    } else {
      errors.push_back({"date", "invalid_date"});
    }
  }
  std::string type;
  ReadRequiredString(body, "type", type, errors);
  if (!type.empty()) {
    if (auto t = core::ParseEnum<core::ContactType>(type))
      c.type = *t;
    else
      errors.push_back({"type", "unknown_contact_type"});
  }
  // A list with a wrong element is not checked further: the indices of the
  // parsed elements would no longer match the request.
  bool participants_ok = true;
  if (auto it = body.find("participants"); it != body.end() && !it->is_null()) {
    if (!it->is_array()) {
      errors.push_back({"participants", "wrong_type"});
      participants_ok = false;
    } else {
      for (size_t i = 0; i < it->size(); ++i) {
        if ((*it)[i].is_string()) {
          c.participants.push_back((*it)[i].get<std::string>());
        } else {
          errors.push_back({"participants/" + std::to_string(i), "wrong_type"});
          participants_ok = false;
        }
      }
    }
  }
  if (auto it = body.find("interpreter"); it != body.end() && !it->is_null()) {
    if (it->is_boolean())
      c.interpreter = it->get<bool>();
    else
      errors.push_back({"interpreter", "wrong_type"});
  }
  if (auto it = body.find("interpreter_language"); it != body.end() && !it->is_null()) {
    if (it->is_string())
      c.interpreter_language = it->get<std::string>();
    else
      errors.push_back({"interpreter_language", "wrong_type"});
  }
  const bool persons_ok = ReadOptionalIds(body, "person_ids", c.person_ids, errors);
  if (auto it = body.find("note"); it != body.end() && !it->is_null()) {
    if (it->is_string())
      c.note = it->get<std::string>();
    else
      errors.push_back({"note", "wrong_type"});
  }
  RefuseUnknown(
      body,
      {"date", "type", "participants", "interpreter", "interpreter_language", "person_ids", "note"},
      errors);
  core::NormaliseContact(c);
  // Domain rules only for what parsed, so one wrong field gives one error.
  for (FieldError& e : core::ValidateContact(c, today)) {
    if (e.field == "date" && !date_ok) continue;
    if (e.field.starts_with("participants") && !participants_ok) continue;
    if (e.field.starts_with("person_ids") && !persons_ok) continue;
    errors.push_back(std::move(e));
  }
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return c;
}

class ContactHandlers {
 public:
  explicit ContactHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> List(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household_id, core::Action::kRead));
    REGIE_ASSIGN_OR_RETURN(std::vector<core::Contact> contacts,
                           tx->Contacts().ListByHousehold(tenant_id, household_id));
    NoteReader notes(caller, access, ctx_.clock.Now());
    REGIE_RETURN_IF_ERROR(notes.Load(*tx));
    json items = json::array();
    for (const core::Contact& c : contacts)
      items.push_back(ContactJson(*tx, c, notes.Shows(c.data), nullptr));
    return LoggedRead(JsonResponse(200, dto::Dump(json{{"items", std::move(items)}})),
                      ctx_.audit.Enqueue(HouseholdAudit(ctx_, caller, access, core::Action::kRead,
                                                        "contacts", "")));
  }

  StatusOr<ApiResponse> Create(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(int64_t household_id, PathId(request, "householdId"));
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    REGIE_ASSIGN_OR_RETURN(core::ContactData data,
                           ParseContact(body, household_id, ctx_.clock.Today()));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_ASSIGN_OR_RETURN(
        HouseholdAccess access,
        CheckHousehold(ctx_, *tx, caller, tenant_id, household_id, core::Action::kCreate));
    // Contacts are recorded by those who hold them: the regisseur and the
    // assigned begeleiders, never a partner, volunteer or break-the-glass.
    const core::Relationship rel = access.decision.relationship;
    if (rel != core::Relationship::kRegisseur && rel != core::Relationship::kBegeleider)
      return RefuseHousehold(ctx_, caller, access, core::Action::kCreate, "contact", "",
                             std::nullopt, "forbidden");
    REGIE_RETURN_IF_ERROR(RequireActiveHousehold(access));
    core::Contact contact{.tenant_id = tenant_id,
                          .data = std::move(data),
                          .recorded_by = caller.principal.user_id,
                          .recorded_at = ctx_.clock.Now()};
    REGIE_ASSIGN_OR_RETURN(contact, tx->Contacts().Create(contact));
    REGIE_ASSIGN_OR_RETURN(int events, RecordPolicyEvents(*tx, contact));
    REGIE_RETURN_IF_ERROR(
        ctx_.audit
            .AppendInTransaction(*tx, HouseholdAudit(ctx_, caller, access, core::Action::kCreate,
                                                     "contact", std::to_string(contact.id)))
            .status());
    NoteReader notes(caller, access, ctx_.clock.Now());
    REGIE_RETURN_IF_ERROR(notes.Load(*tx));
    json out = ContactJson(*tx, contact, notes.Shows(contact.data), &events);
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(201, dto::Dump(out));
  }

 private:
  // Whether the caller sees a contact's note. A note is about the persons
  // its contact concerns, so it shows only when the caller sees `notities`
  // for each of them (all of the household's when none is named), as a
  // signal's content: the household-wide union of categories would show a
  // note about one person to an organisation with a basis for another.
  class NoteReader {
   public:
    NoteReader(const Caller& caller, const HouseholdAccess& access, core::Timestamp now)
        : caller_(caller), access_(access), now_(now) {}

    // Reads the household's persons, unless no note can show anyway.
    Status Load(ports::Transaction& tx) {
      if (!access_.decision.categories.Has(core::DataCategory::kNotities)) return Status::Ok();
      REGIE_ASSIGN_OR_RETURN(
          std::vector<core::Person> persons,
          tx.Persons().ListByHousehold(access_.facts.tenant_id, access_.facts.household_id));
      for (const core::Person& p : persons) household_.push_back(p.id);
      return Status::Ok();
    }

    bool Shows(const core::ContactData& c) {
      // The household-wide decision bounds every person's categories; it
      // also decides a household without persons.
      if (!access_.decision.categories.Has(core::DataCategory::kNotities)) return false;
      const std::vector<int64_t>& concerned = c.person_ids.empty() ? household_ : c.person_ids;
      return std::all_of(concerned.begin(), concerned.end(),
                         [&](int64_t id) { return SeesNotesOf(id); });
    }

   private:
    bool SeesNotesOf(int64_t person_id) {
      auto it = seen_.find(person_id);
      if (it == seen_.end()) {
        const bool sees = core::PersonCategories(caller_.principal, access_.decision, access_.facts,
                                                 person_id, now_)
                              .Has(core::DataCategory::kNotities);
        it = seen_.emplace(person_id, sees).first;
      }
      return it->second;
    }

    const Caller& caller_;
    const HouseholdAccess& access_;
    const core::Timestamp now_;
    std::vector<int64_t> household_;
    std::map<int64_t, bool> seen_;  // person id -> sees notities
  };

  // Records the contact's policy events for each concerned person (all of
  // the household when none is named), only for events the tenant's packs
  // declare and only where core::policy::CheckEvent accepts them (e.g. not
  // before the person's birth). Returns how many were recorded.
  StatusOr<int> RecordPolicyEvents(ports::Transaction& tx, const core::Contact& contact) {
    REGIE_ASSIGN_OR_RETURN(auto compiled, Registry(ctx_).ForTenant(tx, contact.tenant_id));
    std::vector<std::string_view> declared;
    for (std::string_view event : core::ContactEvents(contact.data.type))
      if (compiled->FindEvent(event)) declared.push_back(event);
    if (declared.empty()) return 0;
    std::vector<core::Person> persons;
    if (contact.data.person_ids.empty()) {
      REGIE_ASSIGN_OR_RETURN(
          persons, tx.Persons().ListByHousehold(contact.tenant_id, contact.data.household_id));
    } else {
      for (int64_t id : contact.data.person_ids) {
        REGIE_ASSIGN_OR_RETURN(core::Person p, tx.Persons().Get(contact.tenant_id, id));
        persons.push_back(std::move(p));
      }
    }
    int recorded = 0;
    const core::Date today = ctx_.clock.Today();
    for (const core::Person& person : persons) {
      const policy::PersonFacts facts = policy::FactsFromPerson(person.data);
      for (std::string_view name : declared) {
        policy::PersonEvent event{.event = std::string(name), .date = contact.data.date};
        if (!policy::CheckEvent(*compiled, facts, event, today).ok()) continue;
        ports::StoredEvent stored{.tenant_id = contact.tenant_id,
                                  .person_id = person.id,
                                  .event = std::move(event),
                                  .recorded_by = contact.recorded_by,
                                  .recorded_at = contact.recorded_at};
        REGIE_RETURN_IF_ERROR(tx.Policy().RecordEvent(stored).status());
        ++recorded;
      }
    }
    return recorded;
  }

  // The contact as JSON; `events` (only on create) is how many policy
  // events it recorded.
  static json ContactJson(ports::Transaction& tx, const core::Contact& c, bool notes,
                          const int* events) {
    const core::ContactData& d = c.data;
    json out = {{"id", c.id},
                {"household_id", d.household_id},
                {"date", d.date.ToString()},
                {"type", core::ToCode(d.type)},
                {"participants", d.participants},
                {"interpreter", d.interpreter},
                {"interpreter_language",
                 d.interpreter_language ? json(*d.interpreter_language) : json(nullptr)},
                {"person_ids", d.person_ids},
                {"recorded_by", UserRef(tx, c.recorded_by)},
                {"recorded_at", c.recorded_at.ToString()}};
    if (notes) out["note"] = d.note;
    if (events) out["events_recorded"] = *events;
    return out;
  }

  const ApiContext& ctx_;
};

}  // namespace

void AddContactRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<ContactHandlers>(ctx);
  const std::string path = "/api/v1/tenants/{tenantId}/households/{householdId}/contacts";
  router.Add(Verb::get, path, [h](const ApiRequest& r) { return h->List(r); });
  router.Add(Verb::post, path, [h](const ApiRequest& r) { return h->Create(r); });
}

}  // namespace regie::http
