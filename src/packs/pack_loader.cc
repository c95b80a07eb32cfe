#include "packs/pack_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/policy/validation.h"
#include "packs/toml_pack.h"

namespace regie::packs {

using core::policy::PolicyError;

namespace {

// Built member by member: GCC's -Wmaybe-uninitialized misfires on a nested
// braced initializer of strings here.
PolicyError IoError(const std::string& path, std::string message) {
  PolicyError e;
  e.where.file = path;
  e.code = "io_error";
  e.message = std::move(message);
  return e;
}

}  // namespace

PackLibrary LoadPackFiles(const std::vector<std::string>& files) {
  PackLibrary library;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      library.errors.push_back(IoError(file, "cannot read the file"));
      continue;
    }
    std::ostringstream text;
    text << in.rdbuf();
    ParsedPack parsed = ParsePackText(text.str(), file);
    if (parsed.ok())
      library.packs.push_back(std::move(parsed.pack));
    else
      library.errors.insert(library.errors.end(), parsed.errors.begin(), parsed.errors.end());
  }
  std::vector<PolicyError> across = core::policy::ValidateAcrossPacks(library.packs);
  library.errors.insert(library.errors.end(), across.begin(), across.end());
  return library;
}

PackLibrary LoadPackDirectory(const std::string& directory) {
  std::vector<std::string> files;
  std::error_code ec;
  std::filesystem::directory_iterator it(directory, ec);
  if (ec) {
    PackLibrary library;
    library.errors.push_back(IoError(directory, "cannot list: " + ec.message()));
    return library;
  }
  for (const auto& entry : it)
    if (entry.is_regular_file(ec) && entry.path().extension() == ".toml")
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return LoadPackFiles(files);
}

}  // namespace regie::packs
