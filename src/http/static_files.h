#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace regie::http {

// A file of the web UI to send for a request path.
struct StaticFile {
  std::filesystem::path path;
  std::string_view content_type;
  std::string_view cache_control;
};

// Resolves `request_path` (percent-encoded, without query) under the
// canonical `web_root`. Refuses ".." and anything that resolves outside the
// root. Unknown paths fall back to index.html (single-page app), except under
// /assets/, where a missing file is nullopt (404). nullopt also when refused.
std::optional<StaticFile> ResolveStatic(const std::filesystem::path& web_root,
                                        std::string_view request_path);

// The Content-Type for a file name by its extension.
std::string_view ContentTypeFor(std::string_view file_name);

}  // namespace regie::http
