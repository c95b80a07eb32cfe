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

}  // namespace
}  // namespace regie::app
