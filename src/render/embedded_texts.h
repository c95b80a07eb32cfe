#pragma once

#include <string_view>

// The document texts (src/render/i18n/{nl,en}.json), compiled in by CMake.
namespace regie::render::embedded {

std::string_view TextsNl();
std::string_view TextsEn();

}  // namespace regie::render::embedded
