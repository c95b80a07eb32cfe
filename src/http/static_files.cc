#include "http/static_files.h"

#include <array>
#include <system_error>
#include <utility>

namespace regie::http {
namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kNoCache = "no-cache";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> PercentDecode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out.push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return std::nullopt;
    int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

bool IsRegularFile(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::is_regular_file(p, ec);
}

// True when `p` resolves (following links) to a location inside `root`.
bool InsideRoot(const std::filesystem::path& root, const std::filesystem::path& p) {
  std::error_code ec;
  std::filesystem::path resolved = std::filesystem::weakly_canonical(p, ec);
  if (ec) return false;
  auto [root_end, ignored] =
      std::mismatch(root.begin(), root.end(), resolved.begin(), resolved.end());
  (void)ignored;
  return root_end == root.end();
}

}  // namespace

std::string_view ContentTypeFor(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".woff2", "font/woff2"},
      {".json", "application/json; charset=utf-8"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
  }};
  for (const auto& [ext, type] : kTypes)
    if (name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext) return type;
  return "application/octet-stream";
}

std::optional<StaticFile> ResolveStatic(const std::filesystem::path& web_root,
                                        std::string_view request_path) {
  std::optional<std::string> decoded = PercentDecode(request_path);
  if (!decoded || decoded->empty() || decoded->front() != '/') return std::nullopt;
  const std::string& path = *decoded;
  if (path.find("..") != std::string::npos || path.find('\\') != std::string::npos ||
      path.find('\0') != std::string::npos)
    return std::nullopt;

  const bool is_asset = path.rfind("/assets/", 0) == 0;
  std::filesystem::path index = web_root / "index.html";
  std::string relative = path.substr(1);
  if (!relative.empty() && relative.back() != '/') {
    std::filesystem::path candidate = web_root / relative;
    if (IsRegularFile(candidate) && InsideRoot(web_root, candidate)) {
      bool is_index = candidate.filename() == "index.html";
      return StaticFile{candidate, ContentTypeFor(relative),
                        is_asset && !is_index ? kImmutable : kNoCache};
    }
  }
  if (is_asset || !IsRegularFile(index)) return std::nullopt;
  return StaticFile{index, ContentTypeFor("index.html"), kNoCache};
}

}  // namespace regie::http
