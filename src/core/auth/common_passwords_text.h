#pragma once

#include <string_view>

namespace regie::core {

// The text of common_passwords.txt, compiled in by CMake (see
// common_passwords_text.cc.in) so core reads no files.
std::string_view CommonPasswordsText();

}  // namespace regie::core
