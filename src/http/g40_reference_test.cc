#include "core/benchmark/g40_reference.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "http/embedded.h"

namespace regie::http {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The table the server serves is exactly the files in data/g40-2018/.
TEST(G40Reference, EmbeddedEqualsTheCsvFiles) {
  EXPECT_EQ(embedded::G40Statements(), ReadFile(REGIE_G40_DIR "/statements.csv"));
  EXPECT_EQ(embedded::G40Responses(), ReadFile(REGIE_G40_DIR "/responses.csv"));
}

TEST(G40Reference, LoadsAndAddsUp) {
  auto ref = core::ParseG40Reference(embedded::G40Statements(), embedded::G40Responses());
  ASSERT_TRUE(ref.ok()) << ref.status().message();
  // Bijlage 1: "Reacties 32/40", two statements, five answer categories each.
  ASSERT_EQ(ref->counts.size(), 10u);
  EXPECT_EQ(ref->responses.size(), 64u);
  std::map<int, int64_t> sums;
  for (const auto& c : ref->counts) {
    EXPECT_EQ(c.n, 32) << c.statement << " " << c.answer;
    sums[c.statement] += c.count;
  }
  EXPECT_EQ(sums[1], 32);
  EXPECT_EQ(sums[2], 32);
  // Every city row 1..32 answers both statements once.
  std::map<int, int> per_city;
  for (const auto& r : ref->responses) ++per_city[r.number];
  ASSERT_EQ(per_city.size(), 32u);
  EXPECT_EQ(per_city.begin()->first, 1);
  EXPECT_EQ(per_city.rbegin()->first, 32);
  for (const auto& [number, answers] : per_city) EXPECT_EQ(answers, 2) << number;
}

TEST(G40Reference, RefusesCountsThatDoNotAddUp) {
  const std::string statements =
      "statement,statement_nl,answer,count,n\n1,S,eens,2,3\n1,S,oneens,0,3\n";
  const std::string responses =
      "number,municipality,statement,answer,seed_line\n1,A,1,eens,10\n2,B,1,eens,20\n";
  auto ref = core::ParseG40Reference(statements, responses);
  ASSERT_FALSE(ref.ok());
  EXPECT_EQ(ref.status().reason(), "g40_invalid");
}

TEST(G40Reference, RefusesACountThatDiffersFromTheResponses) {
  const std::string statements =
      "statement,statement_nl,answer,count,n\n1,S,eens,1,2\n1,S,oneens,1,2\n";
  const std::string responses =
      "number,municipality,statement,answer,seed_line\n1,A,1,eens,10\n2,B,1,eens,20\n";
  EXPECT_FALSE(core::ParseG40Reference(statements, responses).ok());
}

TEST(G40Reference, RefusesAnUnknownAnswerAndADoubleAnswer) {
  const std::string statements = "statement,statement_nl,answer,count,n\n1,S,eens,2,2\n";
  EXPECT_FALSE(core::ParseG40Reference(statements,
                                       "number,municipality,statement,answer,seed_line\n"
                                       "1,A,1,eens,10\n2,B,1,misschien,20\n")
                   .ok());
  EXPECT_FALSE(core::ParseG40Reference(statements,
                                       "number,municipality,statement,answer,seed_line\n"
                                       "1,A,1,eens,10\n1,A,1,eens,20\n")
                   .ok());
  EXPECT_TRUE(core::ParseG40Reference(statements,
                                      "number,municipality,statement,answer,seed_line\n"
                                      "1,A,1,eens,10\n2,B,1,eens,20\n")
                  .ok());
}

}  // namespace
}  // namespace regie::http
