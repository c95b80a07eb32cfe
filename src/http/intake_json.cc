#include "http/intake_json.h"

#include <string>
#include <utility>
#include <vector>

#include "core/validation.h"
#include "http/auth_support.h"

namespace regie::http::intake_json {
namespace {

using nlohmann::json;

// Reads members of one JSON object at `path` ("" for the body), collecting
// field errors; absent and null mean "not given".
class ObjectReader {
 public:
  ObjectReader(const json& obj, std::string path, std::vector<FieldError>& errors)
      : obj_(obj), path_(std::move(path)), errors_(errors) {}

  std::string At(std::string_view key) const { return path_ + std::string(key); }

  const json* Find(const char* key) const {
    auto it = obj_.find(key);
    return it == obj_.end() || it->is_null() ? nullptr : &*it;
  }

  std::string Str(const char* key) {
    const json* v = Find(key);
    if (v == nullptr) return {};
    if (v->is_string()) return v->get<std::string>();
    errors_.push_back({At(key), "wrong_type"});
    return {};
  }

  std::optional<std::string> OptStr(const char* key) {
    if (Find(key) == nullptr) return std::nullopt;
    return Str(key);
  }

  std::optional<bool> OptBool(const char* key) {
    const json* v = Find(key);
    if (v == nullptr) return std::nullopt;
    if (v->is_boolean()) return v->get<bool>();
    errors_.push_back({At(key), "invalid_boolean"});
    return std::nullopt;
  }

  bool Bool(const char* key) { return OptBool(key).value_or(false); }

  std::optional<int> OptInt(const char* key) {
    const json* v = Find(key);
    if (v == nullptr) return std::nullopt;
    if (v->is_number_integer() && v->get<int64_t>() >= -1000 && v->get<int64_t>() <= 1000)
      return static_cast<int>(v->get<int64_t>());
    errors_.push_back({At(key), "invalid_number"});
    return std::nullopt;
  }

  int64_t Id(const char* key) {
    const json* v = Find(key);
    if (v == nullptr) {
      errors_.push_back({At(key), "required"});
      return 0;
    }
    if (v->is_number_integer() && v->get<int64_t>() > 0) return v->get<int64_t>();
    errors_.push_back({At(key), "invalid_reference"});
    return 0;
  }

  std::optional<core::Date> OptDate(const char* key) {
    const json* v = Find(key);
    if (v == nullptr) return std::nullopt;
    if (v->is_string())
      if (auto d = core::Date::Parse(v->get<std::string>())) return d;
    errors_.push_back({At(key), "invalid_date"});
    return std::nullopt;
  }

  template <typename E>
  E Enum(const char* key) {
    const json* v = Find(key);
    if (v == nullptr) {
      errors_.push_back({At(key), "required"});
      return E{};
    }
    if (v->is_string())
      if (auto e = core::ParseEnum<E>(v->get<std::string>())) return *e;
    errors_.push_back({At(key), "invalid_enum"});
    return E{};
  }

  // Calls `each(reader)` for every object of the array `key`.
  template <typename F>
  void Array(const char* key, F each) {
    const json* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_array()) {
      errors_.push_back({At(key), "wrong_type"});
      return;
    }
    for (size_t i = 0; i < v->size(); ++i) {
      const json& item = (*v)[i];
      const std::string path = At(key) + "/" + std::to_string(i) + "/";
      if (!item.is_object()) {
        errors_.push_back({path.substr(0, path.size() - 1), "wrong_type"});
        continue;
      }
      ObjectReader r(item, path, errors_);
      each(r);
    }
  }

  void Unknown(std::initializer_list<std::string_view> known) {
    for (auto it = obj_.begin(); it != obj_.end(); ++it) {
      bool ok = false;
      for (std::string_view k : known) ok = ok || it.key() == k;
      if (!ok) errors_.push_back({At(it.key()), "unknown_field"});
    }
  }

  ObjectReader Object(const char* key, bool& present) {
    const json* v = Find(key);
    present = v != nullptr && v->is_object();
    if (v != nullptr && !v->is_object()) errors_.push_back({At(key), "wrong_type"});
    return ObjectReader(present ? *v : Empty(), At(key) + "/", errors_);
  }

 private:
  static const json& Empty() {
    static const json kEmpty = json::object();
    return kEmpty;
  }
  const json& obj_;
  std::string path_;
  std::vector<FieldError>& errors_;
};

json OptDateJson(const std::optional<core::Date>& d) {
  return d ? json(d->ToString()) : json(nullptr);
}

}  // namespace

StatusOr<IntakeEdit> ParseIntakeEdit(const json& body) {
  std::vector<FieldError> errors;
  IntakeEdit edit;
  core::IntakeContent& c = edit.content;
  ObjectReader r(body, "", errors);
  if (const json* v = r.Find("version"); v == nullptr)
    errors.push_back({"version", "required"});
  else if (v->is_number_integer() && v->get<int64_t>() >= 0)
    edit.version = v->get<int64_t>();
  else
    errors.push_back({"version", "invalid_number"});
  if (r.Find("intake_date") == nullptr)
    errors.push_back({"intake_date", "required"});
  else if (auto d = r.OptDate("intake_date"))
    c.intake_date = *d;
  r.Array("participants", [&](ObjectReader& p) {
    c.participants.push_back({p.Id("user_id"), p.Id("organisation_id")});
    p.Unknown({"user_id", "organisation_id", "display_name", "organisation_name"});
  });
  c.interpreter = r.Bool("interpreter");
  c.interpreter_language = r.OptStr("interpreter_language");
  if (c.interpreter_language && c.interpreter_language->empty()) c.interpreter_language.reset();
  r.Array("domains", [&](ObjectReader& d) {
    c.domains.push_back({d.Str("domain"), d.Str("situation"), d.Str("wishes"), d.Str("obstacles"),
                         d.Str("strengths")});
    if (d.Find("domain") == nullptr) errors.push_back({d.At("domain"), "required"});
    d.Unknown({"domain", "situation", "wishes", "obstacles", "strengths"});
  });
  r.Array("education", [&](ObjectReader& e) {
    c.education.push_back({e.Str("country"), e.Enum<core::EducationLevel>("level"),
                           e.Str("description"), e.Bool("diploma"), e.Bool("valuation_requested")});
    e.Unknown({"country", "level", "description", "diploma", "valuation_requested"});
  });
  r.Array("work", [&](ObjectReader& w) {
    c.work.push_back(
        {w.Str("occupation"), w.Str("country"), w.OptInt("years").value_or(0), w.Str("skills")});
    w.Unknown({"occupation", "country", "years", "skills"});
  });
  r.Array("languages", [&](ObjectReader& l) {
    core::LanguageLevel level{.language = l.Str("language"),
                              .skill = l.Enum<core::LanguageSkill>("skill"),
                              .level = l.Enum<core::CefrLevel>("level"),
                              .test_date = l.OptDate("test_date"),
                              .source = l.Str("source")};
    if (l.Find("language") == nullptr) level.language = "nl";
    c.languages.push_back(std::move(level));
    l.Unknown({"language", "skill", "level", "test_date", "source"});
  });
  bool present = false;
  ObjectReader learn = r.Object("learnability", present);
  if (present) {
    c.learnability = core::Learnability{learn.Enum<core::LearnabilityInstrument>("instrument"),
                                        learn.Str("outcome"), learn.OptDate("date")};
    learn.Unknown({"instrument", "outcome", "date"});
  }
  c.interests = r.Str("interests");
  c.availability_dagdelen = r.OptInt("availability_dagdelen");
  ObjectReader screening = r.Object("health_screening", present);
  if (present) {
    c.health_screening = {screening.OptBool("done"), screening.OptDate("date")};
    screening.Unknown({"done", "date"});
  }
  c.health_notes = r.Str("health_notes");
  r.Array("noa", [&](ObjectReader& n) {
    c.noa.push_back({n.Enum<core::NoaComponent>("component"), n.Str("outcome"), n.OptDate("date"),
                     n.Str("remark")});
    n.Unknown({"component", "outcome", "date", "remark"});
  });
  r.Unknown({"version", "intake_date", "participants", "interpreter", "interpreter_language",
             "domains", "education", "work", "languages", "learnability", "interests",
             "availability_dagdelen", "health_screening", "health_notes", "noa"});
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  core::NormaliseIntake(c);
  return edit;
}

StatusOr<int64_t> ParseVersionBody(const json& body) {
  std::vector<FieldError> errors;
  int64_t version = 0;
  auto it = body.find("version");
  if (it == body.end() || it->is_null())
    errors.push_back({"version", "required"});
  else if (it->is_number_integer() && it->get<int64_t>() > 0)
    version = it->get<int64_t>();
  else
    errors.push_back({"version", "invalid_number"});
  RefuseUnknown(body, {"version"}, errors);
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return version;
}

json ContentJson(const core::IntakeContent& c) {
  json participants = json::array();
  for (const core::IntakeParticipant& p : c.participants)
    participants.push_back({{"user_id", p.user_id}, {"organisation_id", p.organisation_id}});
  json domains = json::array();
  for (const core::IntakeDomainEntry& d : c.domains)
    domains.push_back({{"domain", d.domain},
                       {"situation", d.situation},
                       {"wishes", d.wishes},
                       {"obstacles", d.obstacles},
                       {"strengths", d.strengths}});
  json education = json::array();
  for (const core::EducationEntry& e : c.education)
    education.push_back({{"country", e.country},
                         {"level", core::ToCode(e.level)},
                         {"description", e.description},
                         {"diploma", e.diploma},
                         {"valuation_requested", e.valuation_requested}});
  json work = json::array();
  for (const core::WorkExperience& w : c.work)
    work.push_back({{"occupation", w.occupation},
                    {"country", w.country},
                    {"years", w.years},
                    {"skills", w.skills}});
  json languages = json::array();
  for (const core::LanguageLevel& l : c.languages)
    languages.push_back({{"language", l.language},
                         {"skill", core::ToCode(l.skill)},
                         {"level", core::ToCode(l.level)},
                         {"test_date", OptDateJson(l.test_date)},
                         {"source", l.source}});
  json noa = json::array();
  for (const core::NoaResult& n : c.noa)
    noa.push_back({{"component", core::ToCode(n.component)},
                   {"outcome", n.outcome},
                   {"date", OptDateJson(n.date)},
                   {"remark", n.remark}});
  json learnability = nullptr;
  if (c.learnability)
    learnability = {{"instrument", core::ToCode(c.learnability->instrument)},
                    {"outcome", c.learnability->outcome},
                    {"date", OptDateJson(c.learnability->date)}};
  return {{"intake_date",
           c.intake_date == core::Date() ? json(nullptr) : json(c.intake_date.ToString())},
          {"participants", std::move(participants)},
          {"interpreter", c.interpreter},
          {"interpreter_language",
           c.interpreter_language ? json(*c.interpreter_language) : json(nullptr)},
          {"domains", std::move(domains)},
          {"education", std::move(education)},
          {"work", std::move(work)},
          {"languages", std::move(languages)},
          {"learnability", std::move(learnability)},
          {"interests", c.interests},
          {"availability_dagdelen",
           c.availability_dagdelen ? json(*c.availability_dagdelen) : json(nullptr)},
          {"health_screening",
           {{"done", c.health_screening.done ? json(*c.health_screening.done) : json(nullptr)},
            {"date", OptDateJson(c.health_screening.date)}}},
          {"health_notes", c.health_notes},
          {"noa", std::move(noa)}};
}

}  // namespace regie::http::intake_json
