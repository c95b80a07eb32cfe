#include "storage/postgres/pg_handle.h"

#include <gtest/gtest.h>

#include <cstring>

namespace regie::storage::postgres {
namespace {

TEST(IsStorableText, AcceptsUtf8) {
  EXPECT_TRUE(IsStorableText(""));
  EXPECT_TRUE(IsStorableText("Haddad 50%_"));
  EXPECT_TRUE(IsStorableText("Özdemir Ayşe"));
  EXPECT_TRUE(IsStorableText("\xd8\xad\xd8\xaf\xd8\xa7\xd8\xaf"));  // Arabic
  EXPECT_TRUE(IsStorableText("\xe2\x82\xac 5"));                    // euro sign
  EXPECT_TRUE(IsStorableText("\xf0\x9f\x98\x80"));                  // U+1F600
  EXPECT_TRUE(IsStorableText("\xf4\x8f\xbf\xbf"));                  // U+10FFFF
}

TEST(IsStorableText, RefusesWhatTheServerWouldRefuseOrLibpqWouldCut) {
  using std::string_view_literals::operator""sv;
  EXPECT_FALSE(IsStorableText("a\0b"sv));            // NUL: libpq would cut the text
  EXPECT_FALSE(IsStorableText("\xc3"));              // truncated sequence
  EXPECT_FALSE(IsStorableText("\x80"));              // lone continuation byte
  EXPECT_FALSE(IsStorableText("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(IsStorableText("\xe0\x80\xaf"));      // overlong, three bytes
  EXPECT_FALSE(IsStorableText("\xed\xa0\x80"));      // UTF-16 surrogate
  EXPECT_FALSE(IsStorableText("\xf4\x90\x80\x80"));  // beyond U+10FFFF
  EXPECT_FALSE(IsStorableText("\xff"));
  EXPECT_FALSE(IsStorableText("ok \xe2\x82"));   // cut at the end
  EXPECT_FALSE(IsStorableText("\xe2\x28\xa1"));  // bad continuation
}

TEST(Params, NumbersPlaceholdersInOrder) {
  Params p;
  EXPECT_EQ(p.Next(int64_t{7}), "$1");
  EXPECT_EQ(p.Next(std::string("x")), "$2");
  p.AddNull().AddBool(true).AddBool(false).AddIdArray({3, -4, 5}).AddIdArray({});
  ASSERT_EQ(p.size(), 7);
  EXPECT_EQ(p.values()[0], "7");
  EXPECT_EQ(p.values()[1], "x");
  EXPECT_FALSE(p.values()[2].has_value());
  EXPECT_EQ(p.values()[3], "t");
  EXPECT_EQ(p.values()[4], "f");
  EXPECT_EQ(p.values()[5], "{3,-4,5}");
  EXPECT_EQ(p.values()[6], "{}");
}

// Builds a one-column text result the way libpq hands one over.
Result OneValue(const char* text) {
  ResultPtr res(PQmakeEmptyPGresult(nullptr, PGRES_TUPLES_OK));
  PGresAttDesc column{};
  column.name = const_cast<char*>("v");  // libpq copies it
  PQsetResultAttrs(res.get(), 1, &column);
  PQsetvalue(res.get(), 0, 0, const_cast<char*>(text), static_cast<int>(std::strlen(text)));
  return Result(std::move(res));
}

TEST(Result, ReadsTextIntegersBooleansAndArrays) {
  EXPECT_EQ(OneValue("9007199254740993").Int(0, 0), 9007199254740993);
  EXPECT_EQ(OneValue("-12").Int(0, 0), -12);
  EXPECT_TRUE(OneValue("t").Bool(0, 0));
  EXPECT_FALSE(OneValue("f").Bool(0, 0));
  EXPECT_EQ(OneValue("Özdemir").Text(0, 0), "Özdemir");
  EXPECT_EQ(OneValue("{}").IdArray(0, 0), std::vector<int64_t>{});
  EXPECT_EQ(OneValue("{4,17,9000000000}").IdArray(0, 0), (std::vector<int64_t>{4, 17, 9000000000}));
}

TEST(ErrorStatus, WithoutAConnectionIsUnavailable) {
  Status s = ErrorStatus(nullptr, nullptr, "query");
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
}

TEST(Connection, RefusedServerIsUnavailable) {
  auto conn = Connection::Open("postgresql://postgres@127.0.0.1:1/regie", "", 1000);
  EXPECT_EQ(conn.status().code(), StatusCode::kUnavailable) << conn.status().ToString();
}

}  // namespace
}  // namespace regie::storage::postgres
