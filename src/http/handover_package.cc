// Building, signing and verifying handover packages (parsing: handover_parse.cc).
#include "http/handover_package.h"

#include <map>
#include <utility>

#include "http/dto.h"

namespace regie::http::handover {
namespace {

using nlohmann::json;

std::string PersonRef(size_t index) { return "p" + std::to_string(index + 1); }

json AuthorJson(const Author& a) { return {{"name", a.name}, {"organisation", a.organisation}}; }

// Display names of the sender's users, looked up once each.
class Authors {
 public:
  explicit Authors(ports::Transaction& tx) : tx_(tx) {}
  Author Of(int64_t user_id) {
    if (user_id == 0) return {};
    if (auto it = cache_.find(user_id); it != cache_.end()) return it->second;
    Author a;
    if (auto u = tx_.Users().Get(user_id); u.ok()) {
      a.name = u->data.display_name;
      if (auto o = tx_.Organisations().GetById(u->data.organisation_id); o.ok())
        a.organisation = o->data.name;
    }
    return cache_[user_id] = a;
  }

 private:
  ports::Transaction& tx_;
  std::map<int64_t, Author> cache_;
};

json VoidJson(const std::optional<core::Timestamp>& at, const Author& by,
              const std::string& reason) {
  if (!at) return nullptr;
  return {{"at", at->ToString()}, {"by", AuthorJson(by)}, {"reason", reason}};
}

}  // namespace

std::string Canonical(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

StatusOr<json> BuildPackage(ports::Transaction& tx, int64_t tenant_id, int64_t household_id,
                            int64_t regisseur_user_id, const std::string& package_id,
                            core::Timestamp now) {
  REGIE_ASSIGN_OR_RETURN(core::Tenant tenant, tx.Tenants().Get(tenant_id));
  REGIE_ASSIGN_OR_RETURN(core::Household household, tx.Households().Get(tenant_id, household_id));
  REGIE_ASSIGN_OR_RETURN(std::vector<core::Person> persons,
                         tx.Persons().ListByHousehold(tenant_id, household_id));
  Authors authors(tx);
  std::map<int64_t, std::string> refs;
  json persons_json = json::array();
  for (size_t i = 0; i < persons.size(); ++i) {
    json p = dto::ToJson(persons[i]);
    for (const char* k : {"id", "tenant_id", "household_id", "version", "created_at", "updated_at"})
      p.erase(k);
    p["ref"] = PersonRef(i);
    refs[persons[i].id] = PersonRef(i);
    persons_json.push_back(std::move(p));
  }

  json events = json::array();
  json assessments = json::array();
  for (const core::Person& person : persons) {
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::StoredEvent> stored,
                           tx.Policy().EventsOfPerson(tenant_id, person.id));
    for (const ports::StoredEvent& e : stored) {
      events.push_back({{"person", refs[person.id]},
                        {"event", e.event.event},
                        {"date", e.event.date.ToString()},
                        {"value", e.event.value ? json(*e.event.value) : json(nullptr)},
                        {"code", e.event.code},
                        {"reason", e.event.reason},
                        {"recorded_by", AuthorJson(authors.Of(e.recorded_by))},
                        {"recorded_at", e.recorded_at.ToString()},
                        {"voided", VoidJson(e.voided_at, authors.Of(e.voided_by), e.void_reason)}});
    }
    REGIE_ASSIGN_OR_RETURN(std::vector<core::Assessment> list,
                           tx.Assessments().ListByPerson(tenant_id, person.id));
    for (const core::Assessment& a : list) {
      json zrm = json::array();
      for (const core::ZrmScore& z : a.data.zrm)
        zrm.push_back({{"domain", z.domain}, {"score", z.score}});
      assessments.push_back(
          {{"person", refs[person.id]},
           {"kind", core::ToCode(a.data.kind)},
           {"date", a.data.date.ToString()},
           {"assessor", a.data.assessor},
           {"zrm", std::move(zrm)},
           {"rung", a.data.rung},
           {"rungs_present", a.data.rungs_present},
           {"outcome", a.data.outcome},
           {"recorded_by", AuthorJson(authors.Of(a.recorded_by))},
           {"recorded_at", a.recorded_at.ToString()},
           {"voided", VoidJson(a.voided_at, authors.Of(a.voided_by), a.void_reason)}});
    }
  }

  REGIE_ASSIGN_OR_RETURN(std::vector<core::Contact> contact_list,
                         tx.Contacts().ListByHousehold(tenant_id, household_id));
  json contacts = json::array();
  // Oldest first, the order the receiver records them in.
  for (auto it = contact_list.rbegin(); it != contact_list.rend(); ++it) {
    const core::ContactData& d = it->data;
    json person_refs = json::array();
    for (int64_t id : d.person_ids) person_refs.push_back(refs[id]);
    contacts.push_back({{"date", d.date.ToString()},
                        {"type", core::ToCode(d.type)},
                        {"participants", d.participants},
                        {"interpreter", d.interpreter},
                        {"interpreter_language",
                         d.interpreter_language ? json(*d.interpreter_language) : json(nullptr)},
                        {"persons", std::move(person_refs)},
                        {"note", d.note},
                        {"recorded_by", AuthorJson(authors.Of(it->recorded_by))},
                        {"recorded_at", it->recorded_at.ToString()}});
  }

  REGIE_ASSIGN_OR_RETURN(core::Plan plan, tx.Plans().Get(tenant_id, household_id, 0));
  json plan_json = nullptr;
  if (plan.version > 0) {
    json goals = json::array();
    for (const core::PlanGoal& g : plan.goals) {
      json actions = json::array();
      for (const core::PlanAction& a : g.actions) {
        Author responsible;
        if (auto o = tx.Organisations().GetById(a.organisation_id); o.ok())
          responsible.organisation = o->data.name;
        if (a.user_id) responsible.name = authors.Of(*a.user_id).name;
        actions.push_back({{"key", a.key},
                           {"text", a.text},
                           {"responsible", AuthorJson(responsible)},
                           {"due_date", a.due_date.ToString()},
                           {"status", core::ToCode(a.status)},
                           {"result", a.result}});
      }
      goals.push_back({{"key", g.key},
                       {"person", refs[g.person_id]},
                       {"domain", g.domain},
                       {"text", g.text},
                       {"target_date", g.target_date.ToString()},
                       {"status", core::ToCode(g.status)},
                       {"actions", std::move(actions)}});
    }
    plan_json = {{"version", plan.version},
                 {"saved_at", plan.saved_at.ToString()},
                 {"saved_by", AuthorJson(authors.Of(plan.saved_by))},
                 {"next_key", plan.next_key},
                 {"goals", std::move(goals)}};
  }

  return json{
      {"format", kFormat},
      {"package_id", package_id},
      {"created_at", now.ToString()},
      {"sender",
       {{"tenant_code", tenant.data.code},
        {"tenant_name", tenant.data.name},
        {"regisseur", AuthorJson(authors.Of(regisseur_user_id))}}},
      {"purpose",
       {{"code", "verhuizing"},
        {"legal_basis",
         "Wet inburgering 2021: bij verhuizing gaat de regie over de inburgering over naar de "
         "nieuwe woongemeente / on moving, the new municipality takes over the integration "
         "duty's direction"}}},
      {"household", {{"name", household.data.name}, {"persons", std::move(persons_json)}}},
      {"events", std::move(events)},
      {"contacts", std::move(contacts)},
      {"assessments", std::move(assessments)},
      {"plan", std::move(plan_json)},
  };
}

std::string KeyId(ports::Crypto& crypto, const std::vector<uint8_t>& public_key) {
  const std::string hex = crypto.TokenHash(
      std::string_view(reinterpret_cast<const char*>(public_key.data()), public_key.size()));
  return hex.substr(0, 32);
}

StatusOr<json> Sign(ports::Crypto& crypto, const SignerKey& key, const json& package) {
  REGIE_ASSIGN_OR_RETURN(std::vector<uint8_t> signature,
                         crypto.SignDetached(key.secret_key, Canonical(package)));
  return json{{"format", kFormat},
              {"package", package},
              {"signature",
               {{"algorithm", kSignatureAlgorithm},
                {"key_id", key.key_id},
                {"public_key", key.public_key},
                {"value", crypto.ToBase64(signature)}}}};
}

StatusOr<Verified> Verify(ports::Crypto& crypto, std::string_view document) {
  auto invalid = [](const std::string& why) {
    return InvalidArgument("handover_invalid", "not a regie.handover/v1 document: " + why);
  };
  if (document.size() > kMaxDocumentBytes) return invalid("too large");
  json doc = json::parse(document, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return invalid("no JSON object");
  auto format = doc.find("format");
  auto package = doc.find("package");
  auto signature = doc.find("signature");
  if (format == doc.end() || *format != kFormat) return invalid("format");
  if (package == doc.end() || !package->is_object()) return invalid("package");
  if (auto f = package->find("format"); f == package->end() || *f != kFormat)
    return invalid("package format");
  if (signature == doc.end() || !signature->is_object()) return invalid("signature");
  for (const char* k : {"algorithm", "key_id", "public_key", "value"})
    if (auto it = signature->find(k); it == signature->end() || !it->is_string())
      return invalid(std::string("signature/") + k);
  if ((*signature)["algorithm"] != kSignatureAlgorithm) return invalid("signature algorithm");
  Verified out;
  out.key_id = (*signature)["key_id"].get<std::string>();
  out.public_key = (*signature)["public_key"].get<std::string>();
  auto bad = [] {
    return InvalidArgument("handover_signature_invalid",
                           "the signature does not verify: the package was altered or not "
                           "signed with the key it names");
  };
  std::optional<std::vector<uint8_t>> pub = crypto.FromBase64(out.public_key);
  std::optional<std::vector<uint8_t>> sig =
      crypto.FromBase64((*signature)["value"].get<std::string>());
  if (!pub || !sig || KeyId(crypto, *pub) != out.key_id) return bad();
  out.canonical = Canonical(*package);
  if (!crypto.VerifyDetached(*pub, out.canonical, *sig)) return bad();
  out.content_hash = crypto.TokenHash(out.canonical);
  out.package = std::move(*package);
  return out;
}

std::string NewUuid(ports::Crypto& crypto) {
  std::array<uint8_t, 16> b{};
  crypto.RandomBytes(b);
  b[6] = static_cast<uint8_t>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<uint8_t>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0xF]);
  }
  return out;
}

}  // namespace regie::http::handover
