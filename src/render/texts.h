#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The texts of printed documents, Dutch first and English second, from the
// translation files src/render/i18n/{nl,en}.json compiled into the binary.
namespace regie::render {

enum class Language { kNl, kEn };

// "nl" or "en" (the `lang` query parameter); nullopt otherwise.
std::optional<Language> ParseLanguage(std::string_view code);

// The text `key` of `section`; the key itself when it is missing (a test
// checks both files have every key the documents use).
std::string Text(Language language, std::string_view section, std::string_view key);
// The text of `key`, or nullopt when the section has none (e.g. a language
// name for an uncommon language code).
std::optional<std::string> FindText(Language language, std::string_view section,
                                    std::string_view key);

// `text` with every "{name}" replaced by `value`.
std::string Fill(std::string text, std::string_view name, std::string_view value);

// For tests: every key of one section in one language.
std::vector<std::string> TextKeys(Language language, std::string_view section);

}  // namespace regie::render
