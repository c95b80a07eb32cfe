#include "core/auth/totp.h"

#include <gtest/gtest.h>

#include "core/auth/sha1.h"

namespace regie::core {
namespace {

std::span<const uint8_t> Bytes(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};  // NOLINT: byte view of text
}

std::string Hex(std::span<const uint8_t> d) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : d) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xF]);
  }
  return out;
}

TEST(Sha1Test, FipsVectors) {
  EXPECT_EQ(Hex(Sha1(Bytes(""))), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(Hex(Sha1(Bytes("abc"))), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(Hex(Sha1(Bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  EXPECT_EQ(Hex(Sha1(Bytes(std::string(1000000, 'a')))),
            "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST(Sha1Test, HmacRfc2202Vectors) {
  EXPECT_EQ(Hex(HmacSha1(Bytes(std::string(20, '\x0b')), Bytes("Hi There"))),
            "b617318655057264e28bc0b6fb378c8ef146be00");
  EXPECT_EQ(Hex(HmacSha1(Bytes("Jefe"), Bytes("what do ya want for nothing?"))),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
  EXPECT_EQ(Hex(HmacSha1(Bytes(std::string(80, '\xaa')),
                         Bytes("Test Using Larger Than Block-Size Key - Hash Key First"))),
            "aa4ae5e15272d00e95705637ce8a3b55ed402112");
}

TEST(TotpTest, Rfc6238Sha1Vectors) {
  auto key = Bytes("12345678901234567890");
  EXPECT_EQ(Totp(key, 59, 8), "94287082");
  EXPECT_EQ(Totp(key, 1111111109, 8), "07081804");
  EXPECT_EQ(Totp(key, 1111111111, 8), "14050471");
  EXPECT_EQ(Totp(key, 1234567890, 8), "89005924");
  EXPECT_EQ(Totp(key, 2000000000, 8), "69279037");
  EXPECT_EQ(Totp(key, 20000000000, 8), "65353130");
}

TEST(TotpTest, Rfc4226HotpVectors) {
  auto key = Bytes("12345678901234567890");
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (uint64_t i = 0; i < 10; ++i) EXPECT_EQ(Hotp(key, i), expected[i]) << i;
}

TEST(TotpTest, VerifyAcceptsOneStepOfDriftAndReportsTheStep) {
  auto key = Bytes("12345678901234567890");
  const int64_t now = 1'800'000'000;
  EXPECT_EQ(VerifyTotp(key, Totp(key, now), now), now / 30);
  EXPECT_EQ(VerifyTotp(key, Totp(key, now - 30), now), now / 30 - 1);
  EXPECT_EQ(VerifyTotp(key, Totp(key, now + 30), now), now / 30 + 1);
  EXPECT_FALSE(VerifyTotp(key, Totp(key, now - 60), now).has_value());
  EXPECT_FALSE(VerifyTotp(key, Totp(key, now + 90), now).has_value());
  EXPECT_FALSE(VerifyTotp(key, "12345", now).has_value());
  EXPECT_FALSE(VerifyTotp(key, "abcdef", now).has_value());
}

TEST(Base32Test, Rfc4648VectorsWithoutPadding) {
  EXPECT_EQ(Base32Encode(Bytes("")), "");
  EXPECT_EQ(Base32Encode(Bytes("f")), "MY");
  EXPECT_EQ(Base32Encode(Bytes("fooba")), "MZXW6YTB");
  EXPECT_EQ(Base32Encode(Bytes("foobar")), "MZXW6YTBOI");
  auto back = Base32Decode("mzxw 6ytb oi======");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(std::string(back->begin(), back->end()), "foobar");
  EXPECT_FALSE(Base32Decode("MZ1W").has_value());
}

TEST(TotpTest, UriEncodesIssuerAndAccount) {
  auto key = Bytes("foobar");
  EXPECT_EQ(TotpUri("Regie Dalfsen", "a.de vries@example.nl", key),
            "otpauth://totp/Regie%20Dalfsen:a.de%20vries@example.nl?secret=MZXW6YTBOI&issuer="
            "Regie%20Dalfsen&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace regie::core
