#include "app/app_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace regie::app {
namespace {

std::string WriteTemp(const std::string& text) {
  auto path = std::filesystem::temp_directory_path() /
              ("regie_fields_" + std::to_string(std::random_device{}()) + ".toml");
  std::ofstream(path) << text;
  return path.string();
}

TEST(FieldCategoriesConfigTest, DefaultsWithoutAFile) {
  auto f = LoadFieldCategories("");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->Of("bsn"), core::DataCategory::kBasis);
  EXPECT_EQ(f->Of("address"), core::DataCategory::kContact);
}

TEST(FieldCategoriesConfigTest, MovesFieldsAndRefusesUnknownOnes) {
  std::string ok = WriteTemp("[person]\nhighest_education = \"inburgering\"\n");
  auto f = LoadFieldCategories(ok);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->Of("highest_education"), core::DataCategory::kInburgering);
  std::filesystem::remove(ok);

  for (const char* bad : {"[person]\nbsn = \"medisch\"\n", "[person]\nschoenmaat = \"basis\"\n",
                          "[huishouden]\nname = \"basis\"\n", "[person\n"}) {
    std::string path = WriteTemp(bad);
    auto r = LoadFieldCategories(path);
    EXPECT_FALSE(r.ok()) << bad;
    EXPECT_TRUE(r.status().reason() == "bad_config" || r.status().reason() == "unknown_field")
        << bad << r.status().ToString();
    std::filesystem::remove(path);
  }
}

TEST(PlanDomainsConfigTest, DefaultsAndChangesFromTheSameFile) {
  auto d = LoadPlanDomains("");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->All().size(), 8U);
  std::string path = WriteTemp(
      "[person]\nhighest_education = \"inburgering\"\n"
      "[plan_domains.sport]\nlabel_nl = \"Sport\"\nlabel_en = \"Sports\"\ncategory = \"basis\"\n"
      "[plan_domains.wonen]\ncategory = \"contact\"\n");
  auto changed = LoadPlanDomains(path);
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(changed->All().size(), 9U);
  EXPECT_EQ(changed->Find("sport")->label_en, "Sports");
  EXPECT_EQ(changed->CategoryOf("wonen"), core::DataCategory::kContact);
  EXPECT_EQ(changed->Find("wonen")->label_nl, "Wonen en leefbaarheid");  // kept
  EXPECT_TRUE(LoadFieldCategories(path).ok());  // the field loader skips the domains
  std::filesystem::remove(path);
  for (const char* bad : {"[plan_domains.sport]\nlabel_nl = \"Sport\"\n",  // no English label
                          "[plan_domains.wonen]\ncategory = \"medisch\"\n",
                          "[plan_domains.wonen]\nkleur = \"rood\"\n", "[plan_domains]\nx = 1\n"}) {
    std::string p = WriteTemp(bad);
    EXPECT_FALSE(LoadPlanDomains(p).ok()) << bad;
    std::filesystem::remove(p);
  }
}

TEST(WriteThenCommitTest, TheDocumentExistsOnlyOnceItsTransactionCommitted) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("regie_write_" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  const std::string path = (dir / "pakket.json").string();
  std::ofstream(path) << "earlier";
  auto read = [&path] {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  // A failed commit leaves the earlier file and no new one.
  Status failed = WriteThenCommit(path, "new", [] { return Unavailable("commit failed"); });
  EXPECT_EQ(failed.code(), StatusCode::kUnavailable);
  EXPECT_EQ(read(), "earlier");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
  // Committed: in place, readable by the owner only.
  bool committed = false;
  ASSERT_TRUE(WriteThenCommit(path, "new", [&committed] {
                committed = true;
                return Status::Ok();
              }).ok());
  EXPECT_TRUE(committed);
  EXPECT_EQ(read(), "new");
  EXPECT_EQ(fs::status(path).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  // Nowhere to write: nothing is committed.
  committed = false;
  EXPECT_FALSE(WriteThenCommit((dir / "missing" / "x").string(), "new", [&committed] {
                 committed = true;
                 return Status::Ok();
               }).ok());
  EXPECT_FALSE(committed);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace regie::app
