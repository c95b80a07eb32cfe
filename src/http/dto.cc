#include "http/dto.h"

#include <algorithm>
#include <optional>

#include "core/enums.h"
#include "core/text.h"
#include "core/validation.h"

namespace regie::http::dto {
namespace {

using nlohmann::json;

constexpr size_t kMaxPersonsPerHousehold = 50;

// Reads the fields of one JSON object, recording field errors under `prefix`
// and remembering which keys were read so the rest can be refused.
class Reader {
 public:
  Reader(const json& obj, std::string prefix, std::vector<FieldError>& errors)
      : obj_(obj), prefix_(std::move(prefix)), errors_(errors) {}

  void Error(std::string_view field, std::string_view code) {
    errors_.push_back({prefix_ + std::string(field), std::string(code)});
  }
  const std::string& prefix() const { return prefix_; }

  // The value of `key`, or nullptr when absent (required: also an error).
  const json* Field(std::string_view key, bool required) {
    known_.push_back(key);
    auto it = obj_.find(key);
    if (it == obj_.end()) {
      if (required) Error(key, "required");
      return nullptr;
    }
    return &*it;
  }

  void String(std::string_view key, std::string& out, bool required) {
    const json* v = Field(key, required);
    if (!v) return;
    if (!v->is_string()) return Error(key, "wrong_type");
    out = v->get<std::string>();
  }

  // null and "" both mean "not known".
  void OptString(std::string_view key, std::optional<std::string>& out) {
    const json* v = Field(key, false);
    if (!v || v->is_null()) return;
    if (!v->is_string()) return Error(key, "wrong_type");
    const auto& s = v->get_ref<const std::string&>();
    if (!s.empty()) out = s;
  }

  void RequiredDate(std::string_view key, core::Date& out) {
    const json* v = Field(key, true);
    if (!v) return;
    if (!v->is_string()) return Error(key, "wrong_type");
    std::optional<core::Date> d = core::Date::Parse(v->get_ref<const std::string&>());
    if (!d) return Error(key, "invalid_date");
    out = *d;
  }

  void OptDate(std::string_view key, std::optional<core::Date>& out) {
    const json* v = Field(key, false);
    if (!v || v->is_null()) return;
    if (!v->is_string()) return Error(key, "wrong_type");
    const auto& s = v->get_ref<const std::string&>();
    if (s.empty()) return;
    out = core::Date::Parse(s);
    if (!out) Error(key, "invalid_date");
  }

  template <typename E>
  void Enum(std::string_view key, E& out, bool required) {
    const json* v = Field(key, required);
    if (!v) return;
    if (!v->is_string()) return Error(key, "wrong_type");
    std::optional<E> e = core::ParseEnum<E>(v->get_ref<const std::string&>());
    if (!e) return Error(key, "invalid_enum");
    out = *e;
  }

  void Bool(std::string_view key, bool& out) {
    const json* v = Field(key, false);
    if (!v) return;
    if (!v->is_boolean()) return Error(key, "wrong_type");
    out = v->get<bool>();
  }

  void Version(int64_t& out) {
    const json* v = Field("version", true);
    if (!v) return;
    if (!v->is_number_integer()) return Error("version", "wrong_type");
    if (v->is_number_unsigned() ? v->get<uint64_t>() > INT64_MAX : v->get<int64_t>() < 1)
      return Error("version", "out_of_range");
    out = v->get<int64_t>();
  }

  void StringArray(std::string_view key, std::vector<std::string>& out) {
    const json* v = Field(key, false);
    if (!v) return;
    if (!v->is_array()) return Error(key, "wrong_type");
    for (size_t i = 0; i < v->size(); ++i) {
      const json& item = (*v)[i];
      if (item.is_string())
        out.push_back(item.get<std::string>());
      else
        Error(std::string(key) + "/" + std::to_string(i), "wrong_type");
    }
  }

  // A positive id; absent leaves `out` unchanged.
  void Id(std::string_view key, int64_t& out, bool required) {
    const json* v = Field(key, required);
    if (!v) return;
    if (!v->is_number_integer()) return Error(key, "wrong_type");
    if (v->is_number_unsigned() ? v->get<uint64_t>() > INT64_MAX : v->get<int64_t>() < 1)
      return Error(key, "invalid_reference");
    out = v->get<int64_t>();
  }

  void IdArray(std::string_view key, std::vector<int64_t>& out, bool required) {
    const json* v = Field(key, required);
    if (!v) return;
    if (!v->is_array()) return Error(key, "wrong_type");
    for (size_t i = 0; i < v->size(); ++i) {
      const json& item = (*v)[i];
      if (item.is_number_integer() &&
          (!item.is_number_unsigned() || item.get<uint64_t>() <= static_cast<uint64_t>(INT64_MAX)))
        out.push_back(item.get<int64_t>());
      else
        Error(std::string(key) + "/" + std::to_string(i), "wrong_type");
    }
  }

  // Refuses every key that no accessor asked for.
  void Finish() {
    for (const auto& item : obj_.items())
      if (std::find(known_.begin(), known_.end(), item.key()) == known_.end())
        Error(item.key(), "unknown_field");
  }

 private:
  const json& obj_;
  std::string prefix_;
  std::vector<FieldError>& errors_;
  std::vector<std::string_view> known_;
};

void ReadAddress(Reader& parent, core::Address& out, std::vector<FieldError>& errors) {
  const json* v = parent.Field("address", false);
  if (!v || v->is_null()) return;
  if (!v->is_object()) return parent.Error("address", "wrong_type");
  Reader r(*v, parent.prefix() + "address/", errors);
  r.String("street", out.street, false);
  r.String("house_number", out.house_number, false);
  r.String("postal_code", out.postal_code, false);
  r.String("city", out.city, false);
  r.String("wijk", out.wijk, false);
  r.String("kern", out.kern, false);
  r.Finish();
}

void ReadPersonFields(Reader& r, core::PersonData& p, std::vector<FieldError>& errors) {
  r.String("given_names", p.given_names, true);
  r.String("family_name", p.family_name, true);
  r.RequiredDate("birth_date", p.birth_date);
  r.Enum("sex", p.sex, false);
  r.String("nationality", p.nationality, true);
  r.StringArray("languages", p.languages);
  r.Enum("literacy", p.literacy, false);
  r.Enum("highest_education", p.highest_education, false);
  r.OptString("bsn", p.bsn);
  r.OptString("v_number", p.v_number);
  r.OptDate("permit_date", p.permit_date);
  r.OptDate("koppeling_date", p.koppeling_date);
  r.OptDate("housing_date", p.housing_date);
  ReadAddress(r, p.address, errors);
  r.Enum("role", p.role, true);
  r.Bool("family_reunification", p.family_reunification);
  r.Enum("inburgeringsplicht", p.inburgeringsplicht, false);
  r.String("exemption_reason", p.exemption_reason, false);
}

// Adds the domain-rule errors of fields that have no DTO error yet, so one
// wrong field gets one message.
void MergeCoreErrors(std::vector<FieldError>& errors, size_t dto_begin,
                     std::vector<FieldError> core_errors) {
  const size_t dto_end = errors.size();
  for (FieldError& e : core_errors) {
    bool covered = false;
    for (size_t i = dto_begin; i < dto_end && !covered; ++i) {
      const std::string& f = errors[i].field;
      covered = e.field == f || (e.field.size() > f.size() &&
                                 e.field.compare(0, f.size(), f) == 0 && e.field[f.size()] == '/');
    }
    if (!covered) errors.push_back(std::move(e));
  }
}

// Reads a PersonInput object at `prefix`, validating it against core rules.
void ReadPerson(const json& obj, const std::string& prefix, core::Date today, bool with_version,
                int64_t* version, core::PersonData& p, std::vector<FieldError>& errors) {
  const size_t begin = errors.size();
  Reader r(obj, prefix, errors);
  if (with_version) r.Version(*version);
  ReadPersonFields(r, p, errors);
  r.Finish();
  MergeCoreErrors(errors, begin, core::ValidatePerson(p, today, prefix));
}

// The regisseur may be left out on create (the creating regisseur directs
// the household); it is required on update.
void ReadHouseholdFields(Reader& r, core::HouseholdData& h, bool organisations_required) {
  r.String("name", h.name, true);
  r.Id("regisseur_user_id", h.regisseur_user_id, organisations_required);
  r.IdArray("involved_organisations", h.involved_organisations, organisations_required);
}

json OptionalDate(const std::optional<core::Date>& d) {
  return d ? json(d->ToString()) : json(nullptr);
}
json OptionalString(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

}  // namespace

StatusOr<json> ParseObject(std::string_view body) {
  json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return InvalidArgument("invalid_json", "body is not a JSON object");
  return j;
}

StatusOr<NewHousehold> ParseNewHousehold(const json& body, core::Date today) {
  NewHousehold out;
  std::vector<FieldError> errors;
  Reader r(body, "", errors);
  ReadHouseholdFields(r, out.household, false);
  if (const json* persons = r.Field("persons", false); persons) {
    if (!persons->is_array()) {
      r.Error("persons", "wrong_type");
    } else if (persons->size() > kMaxPersonsPerHousehold) {
      r.Error("persons", "too_many");
    } else {
      out.persons.resize(persons->size());
      for (size_t i = 0; i < persons->size(); ++i) {
        std::string prefix = "persons/" + std::to_string(i) + "/";
        const json& item = (*persons)[i];
        if (!item.is_object())
          errors.push_back({"persons/" + std::to_string(i), "wrong_type"});
        else
          ReadPerson(item, prefix, today, false, nullptr, out.persons[i], errors);
      }
    }
  }
  r.Finish();
  // Without a regisseur the creating regisseur directs the household; the
  // handler fills that in, so "required" does not apply here.
  core::HouseholdData check = out.household;
  if (check.regisseur_user_id == 0) check.regisseur_user_id = 1;
  MergeCoreErrors(errors, 0, core::ValidateHousehold(check));
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  core::NormaliseHousehold(out.household);
  for (core::PersonData& p : out.persons) core::NormalisePerson(p);
  return out;
}

StatusOr<HouseholdUpdate> ParseHouseholdUpdate(const json& body) {
  HouseholdUpdate out;
  std::vector<FieldError> errors;
  Reader r(body, "", errors);
  r.Version(out.version);
  ReadHouseholdFields(r, out.household, true);
  r.Finish();
  MergeCoreErrors(errors, 0, core::ValidateHousehold(out.household));
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  core::NormaliseHousehold(out.household);
  return out;
}

namespace {

// A reason for archiving or reopening: required, one clean text of at most
// 500 bytes, trimmed.
void ReadReason(Reader& r, const std::vector<FieldError>& errors, std::string& out) {
  constexpr size_t kMaxReason = 500;
  const size_t before = errors.size();
  r.String("reason", out, true);
  if (errors.size() != before) return;
  out = core::Trim(out);
  if (!core::IsCleanText(out, /*multiline=*/true))
    r.Error("reason", "invalid_text");
  else if (out.empty())
    r.Error("reason", "required");
  else if (out.size() > kMaxReason)
    r.Error("reason", "too_long");
}

// A version and a reason, then whatever `more` reads of the same object.
template <typename Request, typename More>
StatusOr<Request> ParseReasoned(const json& body, More&& more) {
  Request out;
  std::vector<FieldError> errors;
  Reader r(body, "", errors);
  r.Version(out.version);
  ReadReason(r, errors, out.reason);
  more(r, out);
  r.Finish();
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return out;
}

}  // namespace

StatusOr<ArchiveRequest> ParseArchive(const json& body) {
  return ParseReasoned<ArchiveRequest>(body, [](Reader&, ArchiveRequest&) {});
}

StatusOr<ReopenRequest> ParseReopen(const json& body) {
  return ParseReasoned<ReopenRequest>(body, [](Reader& r, ReopenRequest& out) {
    r.Bool("handover_returned", out.handover_returned);
  });
}

StatusOr<core::PersonData> ParseNewPerson(const json& body, core::Date today) {
  core::PersonData p;
  std::vector<FieldError> errors;
  ReadPerson(body, "", today, false, nullptr, p, errors);
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  core::NormalisePerson(p);
  return p;
}

StatusOr<PersonUpdate> ParsePersonUpdate(const json& body, core::Date today) {
  PersonUpdate out;
  std::vector<FieldError> errors;
  ReadPerson(body, "", today, true, &out.version, out.person, errors);
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  core::NormalisePerson(out.person);
  return out;
}

namespace {

// The person's fields that `filter` shows (all when null), built in one
// pass: hidden values are never even formatted.
json PersonJson(const core::Person& person, const FieldFilter* filter) {
  const core::PersonData& p = person.data;
  const core::Address& a = p.address;
  json out = json::object();
  auto put = [&](const char* key, auto&& value) {
    if (filter == nullptr || filter->Shows(key)) out.emplace(key, value());
  };
  out.emplace("id", person.id);
  out.emplace("tenant_id", person.tenant_id);
  out.emplace("household_id", person.household_id);
  out.emplace("version", person.version);
  put("given_names", [&] { return p.given_names; });
  put("family_name", [&] { return p.family_name; });
  put("birth_date", [&] { return p.birth_date.ToString(); });
  put("sex", [&] { return core::ToCode(p.sex); });
  put("nationality", [&] { return p.nationality; });
  put("languages", [&] { return p.languages; });
  put("literacy", [&] { return core::ToCode(p.literacy); });
  put("highest_education", [&] { return core::ToCode(p.highest_education); });
  put("bsn", [&] { return OptionalString(p.bsn); });
  put("v_number", [&] { return OptionalString(p.v_number); });
  put("permit_date", [&] { return OptionalDate(p.permit_date); });
  put("koppeling_date", [&] { return OptionalDate(p.koppeling_date); });
  put("housing_date", [&] { return OptionalDate(p.housing_date); });
  put("address", [&] {
    return json{{"street", a.street},
                {"house_number", a.house_number},
                {"postal_code", a.postal_code},
                {"city", a.city},
                {"wijk", a.wijk},
                {"kern", a.kern}};
  });
  put("role", [&] { return core::ToCode(p.role); });
  put("family_reunification", [&] { return p.family_reunification; });
  put("inburgeringsplicht", [&] { return core::ToCode(p.inburgeringsplicht); });
  put("exemption_reason", [&] { return p.exemption_reason; });
  out.emplace("created_at", person.created_at.ToString());
  out.emplace("updated_at", person.updated_at.ToString());
  return out;
}

}  // namespace

json ToJson(const core::Person& person) { return PersonJson(person, nullptr); }

bool FieldFilter::Shows(std::string_view field) const {
  if (fields == nullptr) return true;
  const core::DataCategory category = fields->Of(field);
  if (!categories.Has(category)) return false;
  return !names_only || category != core::DataCategory::kBasis ||
         core::FieldCategories::IsNameField(field);
}

json ToJson(const core::Person& person, const FieldFilter& filter) {
  json out = PersonJson(person, &filter);
  out.emplace("visible_categories", filter.categories.Codes());
  return out;
}

json OverlayVisible(const json& stored, const json& request, const FieldFilter& filter,
                    std::vector<FieldError>& errors) {
  json out = stored;
  for (const char* k : {"id", "tenant_id", "household_id", "created_at", "updated_at"})
    out.erase(k);
  for (const auto& [key, value] : request.items()) {
    const bool person_field = filter.fields != nullptr && filter.fields->Knows(key);
    if (!person_field || filter.Shows(key))
      out[key] = value;  // "version" and unknown members reach the parser
    else
      errors.push_back({key, "not_allowed"});
  }
  return out;
}

json ToJson(const core::SharingBasis& b) {
  return {{"id", b.id},
          {"person_id", b.person_id},
          {"organisation_id", b.organisation_id},
          {"categories", b.categories.Codes()},
          {"purpose", b.purpose},
          {"legal_basis", core::ToCode(b.legal_basis)},
          {"given", b.given.ToString()},
          {"expires", OptionalDate(b.expires)},
          {"withdrawn_at", b.withdrawn_at ? json(b.withdrawn_at->ToString()) : json(nullptr)},
          {"recorded_by", b.recorded_by},
          {"consent_text", b.consent_text}};
}

json ToJson(const core::HouseholdSummary& s) {
  return {{"id", s.id},
          {"version", s.version},
          {"name", s.name},
          {"regisseur", {{"id", s.regisseur_user_id}, {"display_name", s.regisseur_name}}},
          {"member_count", s.member_count},
          {"wijk", s.wijk},
          {"kern", s.kern},
          {"housing_date", OptionalDate(s.housing_date)},
          {"archived", s.archived}};
}

json ToJson(const core::Tenant& t) {
  return {{"id", t.id}, {"code", t.data.code}, {"name", t.data.name}};
}

json ToJson(const core::Organisation& o) {
  return {{"id", o.id},
          {"name", o.data.name},
          {"kind", core::ToCode(o.data.kind)},
          {"regional", o.regional}};
}

json ToJson(const core::Household& h, const std::vector<core::Organisation>& organisations,
            json persons) {
  json orgs = json::array();
  for (const core::Organisation& o : organisations) orgs.push_back(ToJson(o));
  return {{"id", h.id},
          {"tenant_id", h.tenant_id},
          {"version", h.version},
          {"name", h.data.name},
          {"regisseur", {{"id", h.data.regisseur_user_id}}},
          {"involved_organisations", std::move(orgs)},
          {"archived", h.archived},
          {"archived_at", h.archived_at ? json(h.archived_at->ToString()) : json(nullptr)},
          {"archive_reason", h.archive_reason},
          {"created_at", h.created_at.ToString()},
          {"updated_at", h.updated_at.ToString()},
          {"persons", std::move(persons)}};
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace regie::http::dto
