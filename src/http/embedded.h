#pragma once

#include <string_view>

namespace regie::http::embedded {

// Files compiled into the binary at build time (see CMakeLists.txt), so the
// server needs no data files at run time.
std::string_view TranslationsNl();  // src/http/i18n/nl.json
std::string_view TranslationsEn();  // src/http/i18n/en.json
std::string_view OpenApi();         // docs/openapi.json
std::string_view G40Statements();   // data/g40-2018/statements.csv
std::string_view G40Responses();    // data/g40-2018/responses.csv

}  // namespace regie::http::embedded
