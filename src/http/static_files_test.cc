#include "http/static_files.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

namespace regie::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("regie_static_" + std::to_string(std::random_device{}()));
    fs::create_directories(root_ / "assets");
    Write(root_ / "index.html", "<html></html>");
    Write(root_ / "assets" / "app-1234.js", "x");
    Write(root_ / "favicon.svg", "<svg/>");
    Write(root_.parent_path() / "regie_secret.txt", "secret");
    root_ = fs::canonical(root_);
  }
  void TearDown() override {
    fs::remove_all(root_);
    fs::remove(root_.parent_path() / "regie_secret.txt");
  }
  static void Write(const fs::path& p, const char* text) { std::ofstream(p) << text; }
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypeAndCaching) {
  auto js = ResolveStatic(root_, "/assets/app-1234.js");
  ASSERT_TRUE(js.has_value());
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(js->cache_control, "public, max-age=31536000, immutable");
  auto svg = ResolveStatic(root_, "/favicon.svg");
  ASSERT_TRUE(svg.has_value());
  EXPECT_EQ(svg->content_type, "image/svg+xml");
  EXPECT_EQ(svg->cache_control, "no-cache");
}

TEST_F(StaticFilesTest, UnknownPagesFallBackToIndex) {
  for (const char* path : {"/", "/huishoudens", "/huishoudens/12/bewerken", "/x%20y"}) {
    auto f = ResolveStatic(root_, path);
    ASSERT_TRUE(f.has_value()) << path;
    EXPECT_EQ(f->path.filename(), "index.html") << path;
    EXPECT_EQ(f->cache_control, "no-cache");
  }
}

TEST_F(StaticFilesTest, MissingAssetIsNotFound) {
  EXPECT_FALSE(ResolveStatic(root_, "/assets/missing.js").has_value());
}

TEST_F(StaticFilesTest, RefusesTraversal) {
  for (const char* path : {"/../regie_secret.txt", "/%2e%2e/regie_secret.txt",
                           "/assets/..%2f..%2fregie_secret.txt", "/a\\b", "/%00", "/%zz"})
    EXPECT_FALSE(ResolveStatic(root_, path).has_value()) << path;
}

TEST(ContentTypeTest, KnowsCommonTypes) {
  EXPECT_EQ(ContentTypeFor("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("a.bin"), "application/octet-stream");
}

}  // namespace
}  // namespace regie::http
