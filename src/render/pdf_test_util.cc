#include "render/pdf_test_util.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace regie::render::testing {
namespace {

// A temporary file holding `bytes`, removed with the object.
class TempFile {
 public:
  explicit TempFile(const std::string& bytes) {
    std::array<char, 64> name{};
    std::snprintf(name.data(), name.size(), "/tmp/regie-pdf-test-XXXXXX");
    const int fd = mkstemp(name.data());
    EXPECT_GE(fd, 0);
    if (fd >= 0) close(fd);
    path_ = name.data();
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string Run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  EXPECT_NE(pipe, nullptr) << command;
  if (pipe == nullptr) return out;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int rc = pclose(pipe);
  EXPECT_EQ(rc, 0) << command << " failed; is poppler-utils installed (scripts/deps.sh test)?";
  return out;
}

}  // namespace

std::string Collapse(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

std::vector<std::string> PdfPages(const std::string& pdf) {
  TempFile file(pdf);
  const std::string text = Run("pdftotext -q -raw -enc UTF-8 '" + file.path() + "' -");
  std::vector<std::string> pages;
  size_t start = 0;
  for (size_t at = text.find('\f'); at != std::string::npos; at = text.find('\f', start)) {
    pages.push_back(Collapse(text.substr(start, at - start)));
    start = at + 1;
  }
  return pages;
}

std::map<std::string, std::string> PdfInfo(const std::string& pdf) {
  TempFile file(pdf);
  const std::string text = Run("pdfinfo -isodates '" + file.path() + "'");
  std::map<std::string, std::string> info;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    if (size_t colon = line.find(':'); colon != std::string::npos)
      info[line.substr(0, colon)] = Collapse(line.substr(colon + 1));
    start = end + 1;
  }
  return info;
}

int RasterisedPages(const std::string& pdf) {
  TempFile file(pdf);
  // Low resolution: the point is that every page rasterises, not the pixels.
  const std::string prefix = file.path() + "-page";
  Run("pdftoppm -q -r 12 -png '" + file.path() + "' '" + prefix + "'");
  int pages = 0;
  const std::string listing = Run("ls -1 '" + file.path() + "'-page*.png 2>/dev/null || true");
  for (size_t at = 0; (at = listing.find(".png", at)) != std::string::npos; at += 4) ++pages;
  Run("rm -f '" + file.path() + "'-page*.png");
  return pages;
}

}  // namespace regie::render::testing
