#include "http/i18n.h"

#include <nlohmann/json.hpp>

#include "http/embedded.h"

namespace regie::http {
namespace {

struct Catalog {
  nlohmann::json nl;
  nlohmann::json en;
};

// Parsed once; the embedded files are checked by i18n_test, so a parse
// failure here is a build defect and yields empty catalogs, not a crash.
const Catalog& Get() {
  static const Catalog kCatalog = [] {
    Catalog c;
    c.nl = nlohmann::json::parse(embedded::TranslationsNl(), nullptr, false);
    c.en = nlohmann::json::parse(embedded::TranslationsEn(), nullptr, false);
    return c;
  }();
  return kCatalog;
}

std::string Lookup(const nlohmann::json& doc, std::string_view section, std::string_view code) {
  if (!doc.is_object()) return std::string(code);
  auto sec = doc.find(std::string(section));
  if (sec == doc.end()) return std::string(code);
  auto it = sec->find(std::string(code));
  if (it == sec->end() || !it->is_string()) return {};
  return it->get<std::string>();
}

Texts Find(std::string_view section, std::string_view code, std::string_view fallback) {
  Texts t{Lookup(Get().nl, section, code), Lookup(Get().en, section, code)};
  if (t.nl.empty() || t.en.empty()) {
    t = {Lookup(Get().nl, section, fallback), Lookup(Get().en, section, fallback)};
  }
  return t;
}

}  // namespace

Texts ProblemText(std::string_view code) { return Find("problem", code, "bad_request"); }
Texts FieldText(std::string_view code) { return Find("field", code, "wrong_type"); }
Texts FieldText(std::string_view field, std::string_view code) {
  // A code can read differently on one field ("duplicate" on a BSN means
  // already registered, on a plan key listed twice): "<leaf>.<code>" first.
  const size_t slash = field.rfind('/');
  const std::string_view leaf = slash == std::string_view::npos ? field : field.substr(slash + 1);
  const std::string key = std::string(leaf) + "." + std::string(code);
  Texts t{Lookup(Get().nl, "field", key), Lookup(Get().en, "field", key)};
  return t.nl.empty() || t.en.empty() ? FieldText(code) : t;
}
Texts CategoryText(core::DataCategory category) {
  const std::string_view code = core::ToCode(category);
  Texts t{Lookup(Get().nl, "category", code), Lookup(Get().en, "category", code)};
  if (t.nl.empty()) t.nl = std::string(code);
  if (t.en.empty()) t.en = std::string(code);
  return t;
}

std::vector<std::string> TextKeys(std::string_view language, std::string_view section) {
  const nlohmann::json& doc = language == "nl" ? Get().nl : Get().en;
  std::vector<std::string> keys;
  if (!doc.is_object() || !doc.contains(std::string(section))) return keys;
  for (const auto& [k, v] : doc.at(std::string(section)).items()) keys.push_back(k);
  return keys;
}

}  // namespace regie::http
