#include "http/oidc_pending.h"

#include <gtest/gtest.h>

namespace regie::http {
namespace {

OidcPendingLogins::Entry At(int64_t expires, std::string client = "10.0.0.1") {
  return {.provider = "g",
          .code_verifier = "v",
          .nonce = "n",
          .browser_hash = "b",
          .expires_at = core::Timestamp{expires},
          .client = std::move(client)};
}

TEST(OidcPendingLogins, TakenOnceAndOnlyBeforeExpiry) {
  OidcPendingLogins pending;
  ASSERT_TRUE(pending.Put("s1", At(100), core::Timestamp{0}));
  ASSERT_TRUE(pending.Put("s2", At(100), core::Timestamp{0}));
  auto first = pending.Take("s1", core::Timestamp{50});
  ASSERT_TRUE(first);
  EXPECT_EQ(first->code_verifier, "v");
  EXPECT_FALSE(pending.Take("s1", core::Timestamp{50}));   // replay
  EXPECT_FALSE(pending.Take("s2", core::Timestamp{100}));  // expired
  EXPECT_FALSE(pending.Take("s2", core::Timestamp{0}));    // and gone
  EXPECT_FALSE(pending.Take("unknown", core::Timestamp{0}));
}

TEST(OidcPendingLogins, FullOfLiveLoginsRefusesButMakesRoomFromExpiredOnes) {
  OidcPendingLogins pending(2);
  ASSERT_TRUE(pending.Put("a", At(10), core::Timestamp{0}));
  ASSERT_TRUE(pending.Put("b", At(100), core::Timestamp{0}));
  EXPECT_FALSE(pending.Put("c", At(100), core::Timestamp{5}));
  EXPECT_TRUE(pending.Put("c", At(100), core::Timestamp{10}));  // "a" expired
  EXPECT_EQ(pending.size(), 2U);
  EXPECT_TRUE(pending.Take("c", core::Timestamp{20}));
}

TEST(OidcPendingLogins, OneClientCannotFillItForEveryoneElse) {
  OidcPendingLogins pending(10, 2);
  ASSERT_TRUE(pending.Put("a1", At(10, "a"), core::Timestamp{0}));
  ASSERT_TRUE(pending.Put("a2", At(100, "a"), core::Timestamp{0}));
  EXPECT_FALSE(pending.Put("a3", At(100, "a"), core::Timestamp{5}));
  EXPECT_TRUE(pending.Put("b1", At(100, "b"), core::Timestamp{5}));  // others go on
  // A taken login and an expired one free the client's places.
  EXPECT_TRUE(pending.Take("a2", core::Timestamp{6}));
  EXPECT_TRUE(pending.Put("a3", At(100, "a"), core::Timestamp{6}));
  EXPECT_FALSE(pending.Put("a4", At(100, "a"), core::Timestamp{7}));
  EXPECT_TRUE(pending.Put("a4", At(100, "a"), core::Timestamp{10}));  // "a1" expired
  EXPECT_EQ(pending.size(), 3U);
  // The same state again replaces its entry without counting it twice.
  EXPECT_TRUE(pending.Take("b1", core::Timestamp{11}));
  EXPECT_TRUE(pending.Put("b1", At(100, "b"), core::Timestamp{11}));
  EXPECT_TRUE(pending.Put("b1", At(100, "b"), core::Timestamp{11}));
  EXPECT_TRUE(pending.Put("b2", At(100, "b"), core::Timestamp{11}));
}

}  // namespace
}  // namespace regie::http
