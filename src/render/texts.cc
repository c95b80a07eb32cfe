#include "render/texts.h"

#include <nlohmann/json.hpp>

#include "render/embedded_texts.h"

namespace regie::render {
namespace {

// Parsed once; texts_test checks the embedded files, so a parse failure
// here is a build defect and yields empty catalogs (keys print), not a crash.
const nlohmann::json& Catalog(Language language) {
  static const nlohmann::json kNl = nlohmann::json::parse(embedded::TextsNl(), nullptr, false);
  static const nlohmann::json kEn = nlohmann::json::parse(embedded::TextsEn(), nullptr, false);
  return language == Language::kEn ? kEn : kNl;
}

}  // namespace

std::optional<Language> ParseLanguage(std::string_view code) {
  if (code == "nl") return Language::kNl;
  if (code == "en") return Language::kEn;
  return std::nullopt;
}

std::optional<std::string> FindText(Language language, std::string_view section,
                                    std::string_view key) {
  const nlohmann::json& doc = Catalog(language);
  if (!doc.is_object()) return std::nullopt;
  auto sec = doc.find(std::string(section));
  if (sec == doc.end() || !sec->is_object()) return std::nullopt;
  auto it = sec->find(std::string(key));
  if (it == sec->end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::string Text(Language language, std::string_view section, std::string_view key) {
  std::optional<std::string> text = FindText(language, section, key);
  return text ? *text : std::string(key);
}

std::string Fill(std::string text, std::string_view name, std::string_view value) {
  const std::string marker = "{" + std::string(name) + "}";
  for (size_t at = text.find(marker); at != std::string::npos;
       at = text.find(marker, at + value.size()))
    text.replace(at, marker.size(), value);
  return text;
}

std::vector<std::string> TextKeys(Language language, std::string_view section) {
  std::vector<std::string> keys;
  const nlohmann::json& doc = Catalog(language);
  if (!doc.is_object() || !doc.contains(std::string(section))) return keys;
  for (const auto& item : doc.at(std::string(section)).items()) keys.push_back(item.key());
  return keys;
}

}  // namespace regie::render
