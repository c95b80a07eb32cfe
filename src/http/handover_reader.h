#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/enums.h"
#include "core/policy/event_rules.h"
#include "core/status.h"
#include "core/text.h"
#include "http/handover_package.h"

// The strict reader of a handover package's JSON, for the parser
// (handover_parse.cc) only: each member read with the path of the field
// when it is missing, of the wrong type or breaks its text rule.
namespace regie::http::handover::detail {

// Names of people, organisations and municipalities: the limit of a user's
// display name and a household's or person's name (core/validation.cc).
inline constexpr size_t kMaxName = 200;

// Strict reading of the package with the path of every failing field.
class Reader {
 public:
  using json = nlohmann::json;

  explicit Reader(std::vector<FieldError>& errors) : errors_(errors) {}

  const json* Member(const json& obj, const std::string& path, const char* key, json::value_t type,
                     bool nullable = false) {
    auto it = obj.find(key);
    const std::string at = path + "/" + key;
    if (it == obj.end()) {
      errors_.push_back({at, "required"});
      return nullptr;
    }
    if (nullable && it->is_null()) return nullptr;
    const bool ok =
        type == json::value_t::number_integer ? it->is_number_integer() : it->type() == type;
    if (!ok) {
      errors_.push_back({at, "wrong_type"});
      return nullptr;
    }
    return &*it;
  }
  // Every string is clean text (line breaks allowed; the rules of each
  // record say where they are not): nothing reaches storage that
  // PostgreSQL refuses or SQLite would keep as bytes no client can show.
  std::string String(const json& obj, const std::string& path, const char* key) {
    const json* v = Member(obj, path, key, json::value_t::string);
    return v ? Clean(v->get<std::string>(), path + "/" + key) : std::string();
  }
  std::optional<std::string> OptString(const json& obj, const std::string& path, const char* key) {
    const json* v = Member(obj, path, key, json::value_t::string, true);
    return v ? std::optional<std::string>(Clean(v->get<std::string>(), path + "/" + key))
             : std::nullopt;
  }
  // A one-line text: a name, a code; at most `max_length` bytes when given.
  std::string Line(const json& obj, const std::string& path, const char* key,
                   size_t max_length = 0) {
    const size_t before = errors_.size();
    std::string s = String(obj, path, key);
    if (errors_.size() == before && !core::IsCleanText(s))
      errors_.push_back({path + "/" + key, "invalid_text"});
    else if (errors_.size() == before && max_length > 0 && s.size() > max_length)
      errors_.push_back({path + "/" + key, "too_long"});
    return s;
  }
  // A text checked (and trimmed) by a rule that names its error code.
  template <typename Rule>
  std::string Text(const json& obj, const std::string& path, const char* key, Rule rule) {
    const json* v = Member(obj, path, key, json::value_t::string);
    if (!v) return {};
    std::string s = v->get<std::string>();
    if (const std::string_view error = rule(s); !error.empty())
      errors_.push_back({path + "/" + key, std::string(error)});
    return s;
  }
  // JSON integers are read as 64 bits; one above INT64_MAX would wrap.
  int64_t Int(const json& obj, const std::string& path, const char* key) {
    const json* v = Member(obj, path, key, json::value_t::number_integer);
    return v ? Int64(*v, path + "/" + key) : 0;
  }
  int64_t Int64(const json& v, const std::string& at) {
    if (v.is_number_unsigned() &&
        v.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      errors_.push_back({at, "out_of_range"});
      return 0;
    }
    return v.get<int64_t>();
  }
  // An integer stored in 32 bits (scores, rungs), checked before it is
  // narrowed: 2^32 + 3 must not become a valid 3.
  int Int32(const json& v, const std::string& at) {
    const int64_t n = Int64(v, at);
    if (n < std::numeric_limits<int32_t>::min() || n > std::numeric_limits<int32_t>::max()) {
      errors_.push_back({at, "out_of_range"});
      return 0;
    }
    return static_cast<int>(n);
  }
  int Int32(const json& obj, const std::string& path, const char* key) {
    const json* v = Member(obj, path, key, json::value_t::number_integer);
    return v ? Int32(*v, path + "/" + key) : 0;
  }
  // A plan key: a package carries the keys of a saved plan; 0 would mean
  // "new".
  int64_t Key(const json& obj, const std::string& path, const char* key) {
    const size_t before = errors_.size();
    const int64_t k = Int(obj, path, key);
    if (errors_.size() == before && k < 1) errors_.push_back({path + "/" + key, "invalid_number"});
    return k;
  }
  bool Bool(const json& obj, const std::string& path, const char* key) {
    const json* v = Member(obj, path, key, json::value_t::boolean);
    return v ? v->get<bool>() : false;
  }
  // Dates and times are required: an empty string is not the epoch.
  core::Date Date(const json& obj, const std::string& path, const char* key) {
    return Parsed<core::Date>(obj, path, key, "invalid_date");
  }
  core::Timestamp Time(const json& obj, const std::string& path, const char* key) {
    return Parsed<core::Timestamp>(obj, path, key, "invalid_timestamp");
  }
  // A required string that T::Parse reads; `invalid` is the code otherwise.
  template <typename T>
  T Parsed(const json& obj, const std::string& path, const char* key, const char* invalid) {
    const size_t before = errors_.size();
    const std::string s = String(obj, path, key);
    if (errors_.size() != before) return {};
    if (s.empty()) {
      errors_.push_back({path + "/" + key, "required"});
      return {};
    }
    if (auto v = T::Parse(s)) return *v;
    errors_.push_back({path + "/" + key, invalid});
    return {};
  }
  Author AuthorOf(const json& obj, const std::string& path, const char* key) {
    const json* v = Member(obj, path, key, json::value_t::object);
    if (!v) return {};
    const std::string at = path + "/" + key;
    return {Line(*v, at, "name", kMaxName), Line(*v, at, "organisation", kMaxName)};
  }
  const json& Array(const json& obj, const std::string& path, const char* key) {
    static const json kEmpty = json::array();
    const json* v = Member(obj, path, key, json::value_t::array);
    return v ? *v : kEmpty;
  }
  template <typename E>
  E Enum(const json& obj, const std::string& path, const char* key) {
    const size_t before = errors_.size();
    const std::string s = String(obj, path, key);
    if (errors_.size() != before) return E{};
    if (auto e = core::ParseEnum<E>(s)) return *e;
    // Not the first value of the enum, which E{} is.
    errors_.push_back({path + "/" + key, s.empty() ? "required" : "unknown_code"});
    return E{};
  }
  // "p3" -> index 2, checked against the number of persons.
  size_t Person(const json& value, const std::string& at, size_t persons) {
    if (value.is_string()) {
      const std::string s = value.get<std::string>();
      if (s.size() > 1 && s[0] == 'p') {
        size_t n = 0;
        bool digits = true;
        for (size_t i = 1; i < s.size() && digits; ++i) {
          digits = s[i] >= '0' && s[i] <= '9' && n < 100000;
          n = n * 10 + static_cast<size_t>(s[i] - '0');
        }
        if (digits && n >= 1 && n <= persons) return n - 1;
      }
    }
    errors_.push_back({at, "invalid_reference"});
    return 0;
  }
  // The void of an event or assessment, its reason checked as the void
  // request's (trimmed, clean, 5 bytes up to `max_reason`).
  void Voided(const json& obj, const std::string& path, std::optional<core::Timestamp>& at,
              Author& by, std::string& reason, size_t max_reason = core::policy::kMaxVoidReason) {
    const json* v = Member(obj, path, "voided", json::value_t::object, true);
    if (!v) return;
    const std::string p = path + "/voided";
    at = Time(*v, p, "at");
    by = AuthorOf(*v, p, "by");
    reason = Text(*v, p, "reason", [max_reason](std::string& s) {
      return core::policy::CheckVoidReason(s, max_reason);
    });
  }
  void Add(std::string field, std::string code) {
    errors_.push_back({std::move(field), std::move(code)});
  }
  // The errors of a core validator, whose paths are those of a request body
  // ("goals/1/person_id", "person_ids/0"), under the record's path `at` and
  // in the package's words ("person", "persons"). Fields the package does
  // not carry, because acceptance assigns them (`assigned`), are left out.
  void AddCore(const std::string& at, const std::vector<FieldError>& errors,
               std::initializer_list<std::string_view> assigned = {}) {
    for (const FieldError& e : errors) {
      std::string field = at;
      bool skip = false;
      size_t start = 0;
      while (start <= e.field.size()) {
        size_t end = e.field.find('/', start);
        if (end == std::string::npos) end = e.field.size();
        const std::string_view segment = std::string_view(e.field).substr(start, end - start);
        for (std::string_view a : assigned) skip = skip || segment == a;
        field += "/";
        field += segment == "person_id" ? "person" : segment == "person_ids" ? "persons" : segment;
        start = end + 1;
      }
      if (!skip) errors_.push_back({std::move(field), e.code});
    }
  }
  size_t ErrorCount() const { return errors_.size(); }

 private:
  std::string Clean(std::string s, const std::string& at) {
    if (!core::IsCleanText(s, /*multiline=*/true)) errors_.push_back({at, "invalid_text"});
    return s;
  }

  std::vector<FieldError>& errors_;
};

}  // namespace regie::http::handover::detail
