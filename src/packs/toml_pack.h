#pragma once

// The TOML adapter for policy packs: turns the text of one pack file into
// the core model (core/policy/model.h). The format is documented, with a
// full example, in docs/policy-packs.md.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/policy/model.h"

namespace regie::packs {

// Either a pack or every problem found in its text. A pack is refused as a
// whole: a syntax error, an unknown key, a value of the wrong type, a
// malformed duration or date, or any ValidatePack error (unknown event,
// cycle, impossible deadline, missing source, ...). Each error names
// `file_name`, line and column.
struct ParsedPack {
  core::policy::Pack pack;
  std::vector<core::policy::PolicyError> errors;

  bool ok() const { return errors.empty(); }
};

// Parses and validates one pack. toml++ exceptions are caught here; nothing
// throws out of this function.
ParsedPack ParsePackText(std::string_view text, const std::string& file_name);

}  // namespace regie::packs
