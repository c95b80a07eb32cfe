#pragma once

#include <string>
#include <vector>

#include "core/policy/model.h"

namespace regie::packs {

// The packs of a set of files, or why they cannot be used. `serve` loads
// the policy directory once at start and refuses to start on any error: an
// invalid pack never loads.
struct PackLibrary {
  std::vector<core::policy::Pack> packs;  // every version of every pack
  std::vector<core::policy::PolicyError> errors;

  bool ok() const { return errors.empty(); }
};

// Reads, parses and validates the given files, each on its own and then as
// a set (overlapping versions, duplicate rule ids across packs, conflicting
// declarations). Unreadable files are errors too.
PackLibrary LoadPackFiles(const std::vector<std::string>& files);

// LoadPackFiles over every *.toml file directly in `directory`, in name
// order (old versions stay loadable side by side: a person is judged by
// the version valid on his anchor date).
PackLibrary LoadPackDirectory(const std::string& directory);

}  // namespace regie::packs
