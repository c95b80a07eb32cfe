#pragma once

#include <string_view>

namespace regie::core {

// ISO 3166-1 alpha-2 country code, or "XX" (user-assigned: stateless or unknown).
bool IsCountryCode(std::string_view code);
// ISO 639-1 code, or an ISO 639-3 code for a language without a 639-1 code
// that matters for this population (e.g. "prs" Dari, "ckb" Sorani, "tig" Tigre).
bool IsLanguageCode(std::string_view code);

}  // namespace regie::core
