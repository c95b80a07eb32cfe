#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/access/access_model.h"

namespace regie::http {

// User-facing texts, Dutch first and English second, from the translation
// files src/http/i18n/{nl,en}.json that are compiled into the binary.
struct Texts {
  std::string nl;
  std::string en;
};

// Text for a problem code (e.g. "validation_failed"); falls back to the
// generic "bad_request"/"internal" text for codes without an entry.
Texts ProblemText(std::string_view code);
// Text for a field error code (e.g. "bsn_invalid").
Texts FieldText(std::string_view code);
// The text of `code` on `field` (a path such as "persons/0/bsn"): the
// field's own text for the code when its last segment has one, else the
// code's.
Texts FieldText(std::string_view field, std::string_view code);
// The name of a data category in running text (e.g. "gezondheid" ->
// "gezondheid" / "health"), for messages that name what is missing.
Texts CategoryText(core::DataCategory category);

// For tests: every key of one section in one language.
std::vector<std::string> TextKeys(std::string_view language, std::string_view section);

}  // namespace regie::http
