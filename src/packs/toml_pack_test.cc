#include "packs/toml_pack.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>

#include "packs/pack_loader.h"

namespace regie::packs {
namespace {

using ::testing::HasSubstr;

// A minimal valid pack; each test breaks one thing in it.
const char* const kGood = R"(id = "test-pack"
version = 1
title = { nl = "Test", en = "Test" }
scope = "municipality"
municipalities = ["GM0148"]
valid_from = 2020-01-01
version_anchor = "huisvesting"
source = { document = "doc.txt", section = "1" }

[[events]]
id = "huisvesting"
label = { nl = "Huisvesting", en = "Housing" }
kind = "person"
field = "housing_date"

[[events]]
id = "intake"
label = { nl = "Intake", en = "Intake" }

[[milestones]]
id = "t.intake"
label = { nl = "Intake", en = "Intake" }
domain = "werk_inkomen"
anchor = "huisvesting"
deadline = "4 weeks"
satisfied_by = ["intake"]
source = { document = "doc.txt", section = "2" }
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The single error of a broken pack, as "file:line:column: code: message".
std::string OnlyError(const std::string& text) {
  ParsedPack parsed = ParsePackText(text, "bad.toml");
  EXPECT_EQ(parsed.errors.size(), 1U);
  return parsed.errors.empty() ? "" : parsed.errors[0].ToString();
}

std::string FirstError(const std::string& text) {
  ParsedPack parsed = ParsePackText(text, "bad.toml");
  EXPECT_FALSE(parsed.errors.empty());
  return parsed.errors.empty() ? "" : parsed.errors[0].ToString();
}

TEST(ParsePackText, ReadsAValidPack) {
  ParsedPack parsed = ParsePackText(kGood, "good.toml");
  ASSERT_TRUE(parsed.ok()) << parsed.errors[0].ToString();
  EXPECT_EQ(parsed.pack.id, "test-pack");
  EXPECT_EQ(parsed.pack.scope.municipalities, std::vector<std::string>{"GM0148"});
  ASSERT_EQ(parsed.pack.milestones.size(), 1U);
  EXPECT_EQ(parsed.pack.milestones[0].deadline.after->ToString(), "4 weeks");
  EXPECT_EQ(parsed.pack.milestones[0].where.ToString(), "good.toml:20:1");
}

TEST(ParsePackText, SyntaxError) {
  std::string e = OnlyError(Replace(kGood, "deadline = \"4 weeks\"", "deadline = \"4 weeks"));
  EXPECT_THAT(e, HasSubstr("bad.toml:25:"));
  EXPECT_THAT(e, HasSubstr("syntax_error"));
}

TEST(ParsePackText, UnknownKey) {
  // The misspelt key is reported, and so is the then missing domain.
  EXPECT_THAT(FirstError(Replace(kGood, "domain = \"werk_inkomen\"", "domian = \"werk_inkomen\"")),
              HasSubstr("bad.toml:23:1: unknown_key: unknown key 'domian' in milestone"));
}

TEST(ParsePackText, UnknownEvent) {
  EXPECT_THAT(
      OnlyError(Replace(kGood, "satisfied_by = [\"intake\"]", "satisfied_by = [\"intkae\"]")),
      HasSubstr("bad.toml:26:17: unknown_event: milestone 't.intake' satisfied_by refers to "
                "event 'intkae'"));
}

TEST(ParsePackText, Cycle) {
  EXPECT_THAT(OnlyError(Replace(kGood, "\nanchor = \"huisvesting\"", "\nanchor = \"intake\"")),
              HasSubstr("bad.toml:20:1: cycle: milestone 't.intake' is anchored on 'intake'"));
}

TEST(ParsePackText, ImpossibleAndBadDurations) {
  EXPECT_THAT(OnlyError(Replace(kGood, "\"4 weeks\"", "\"-4 weeks\"")),
              HasSubstr("bad.toml:25:12: impossible_deadline"));
  EXPECT_THAT(OnlyError(Replace(kGood, "\"4 weeks\"", "\"4 wekes\"")),
              HasSubstr("bad.toml:25:12: bad_duration"));
  EXPECT_THAT(OnlyError(Replace(kGood, "deadline = \"4 weeks\"", "deadline = 2019-06-01")),
              HasSubstr("bad.toml:25:12: impossible_deadline"));
}

TEST(ParsePackText, MissingSource) {
  EXPECT_THAT(
      OnlyError(Replace(kGood, "source = { document = \"doc.txt\", section = \"2\" }\n", "")),
      HasSubstr("bad.toml:20:1: missing_source: milestone 't.intake' has no source"));
}

TEST(ParsePackText, WrongTypesAndDates) {
  EXPECT_THAT(OnlyError(Replace(kGood, "valid_from = 2020-01-01", "valid_from = \"2020-01-01\"")),
              HasSubstr("bad.toml:6:14: bad_date"));
  EXPECT_THAT(OnlyError(Replace(kGood, "version = 1", "version = \"1\"")),
              HasSubstr("bad.toml:2:11: bad_type"));
}

TEST(ParsePackText, EveryProblemIsReported) {
  std::string text = Replace(kGood, "domain = \"werk_inkomen\"", "domian = \"x\"\nfoo = 1");
  ParsedPack parsed = ParsePackText(text, "bad.toml");
  EXPECT_GE(parsed.errors.size(), 3U);  // two unknown keys and the missing domain
}

TEST(LoadPackFiles, OverlappingValidityAndDuplicateIdsAcrossFiles) {
  const std::string dir = ::testing::TempDir();
  auto write = [&](const std::string& name, const std::string& text) {
    std::string path = dir + "/" + name;
    FILE* f = std::fopen(path.c_str(), "w");
    std::fputs(text.c_str(), f);
    std::fclose(f);
    return path;
  };
  std::string v1 = write("v1.toml", kGood);
  std::string v2 = write("v2.toml", Replace(kGood, "version = 1", "version = 2"));
  PackLibrary overlap = LoadPackFiles({v1, v2});
  ASSERT_EQ(overlap.errors.size(), 1U);
  EXPECT_THAT(overlap.errors[0].ToString(), HasSubstr("v2.toml:1:6: overlapping_validity"));

  std::string other =
      write("other.toml", Replace(kGood, "id = \"test-pack\"", "id = \"other-pack\""));
  PackLibrary duplicate = LoadPackFiles({v1, other});
  ASSERT_EQ(duplicate.errors.size(), 1U);
  EXPECT_THAT(duplicate.errors[0].ToString(),
              HasSubstr("other.toml:20:1: duplicate_id: rule id 't.intake' is also defined by pack "
                        "test-pack (" +
                        v1 + ":20:1)"));

  EXPECT_THAT(LoadPackFiles({dir + "/missing.toml"}).errors[0].code, "io_error");
}

TEST(LoadPackDirectory, ShippedPacksAreValid) {
  PackLibrary library = LoadPackDirectory(REGIE_POLICIES_DIR);
  ASSERT_TRUE(library.ok()) << library.errors[0].ToString();
  std::set<std::string> ids;
  for (const auto& p : library.packs) {
    ids.insert(p.id);
    for (const auto& m : p.milestones) EXPECT_FALSE(m.source.section.empty()) << m.id;
  }
  EXPECT_EQ(ids, (std::set<std::string>{"nl-wet-inburgering-2013", "nl-wet-inburgering-2021",
                                        "hardinxveld-giessendam-2016", "woerden-2017", "u16-2017",
                                        "dalfsen-2017", "sliedrecht-2019"}));
}

// Warm-handover templates, `[warm_handovers.<id>]` like the field-categories
// file's `[plan_domains.<code>]`.
TEST(TomlPackTest, ReadsHandoverTemplates) {
  const std::string text = std::string(kGood) + R"(
[warm_handovers.ggd_intake]
label = { nl = "Verwijzing naar de GGD", en = "Referral to the GGD" }
from = ["gemeente"]
to = ["ggd_jgz"]
package = ["basis", "gezondheid"]
checklist = [{ nl = "Toestemming vastgelegd", en = "Consent recorded" }]
response_days = 5
source = { document = "doc.txt", section = "3" }
)";
  ParsedPack parsed = ParsePackText(text, "good.toml");
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0].ToString();
  ASSERT_EQ(parsed.pack.warm_handovers.size(), 1U);
  const core::policy::WarmHandoverTemplate& h = parsed.pack.warm_handovers[0];
  EXPECT_EQ(h.id, "ggd_intake");
  EXPECT_EQ(h.label.en, "Referral to the GGD");
  EXPECT_EQ(h.to_kinds, std::vector<std::string>{"ggd_jgz"});
  EXPECT_EQ(h.package, (std::vector<std::string>{"basis", "gezondheid"}));
  ASSERT_EQ(h.checklist.size(), 1U);
  EXPECT_EQ(h.checklist[0].nl, "Toestemming vastgelegd");
  EXPECT_EQ(h.response_days, 5);
  EXPECT_EQ(h.retention_days, 30);
}

TEST(TomlPackTest, RefusesUnknownKindsAndCategoriesInHandovers) {
  const std::string base = std::string(kGood) + R"(
[warm_handovers.x]
label = { nl = "X", en = "X" }
from = ["gemeente"]
to = ["ggd_jgz"]
package = ["basis"]
)";
  EXPECT_THAT(OnlyError(Replace(base, R"(to = ["ggd_jgz"])", R"(to = ["huisarts"])")),
              HasSubstr("unknown organisation kind 'huisarts'"));
  EXPECT_THAT(OnlyError(Replace(base, R"(package = ["basis"])", R"(package = ["medisch"])")),
              HasSubstr("unknown data category 'medisch'"));
  EXPECT_THAT(
      OnlyError(Replace(base, R"(package = ["basis"])", "package = [\"basis\"]\nnote = \"x\"")),
      HasSubstr("unknown key 'note'"));
}

}  // namespace
}  // namespace regie::packs
