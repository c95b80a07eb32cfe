#include "crypto/sodium_crypto.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace regie::crypto {
namespace {

class SodiumCryptoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::array<uint8_t, 32> key{};
    key[0] = 7;
    // Cheap Argon2id parameters: these tests check behaviour, not cost.
    auto c = SodiumCrypto::Create(key, {.argon2_opslimit = 1, .argon2_memlimit = 8192 * 1024});
    ASSERT_TRUE(c.ok());
    crypto_ = std::move(c).value();
  }
  std::unique_ptr<SodiumCrypto> crypto_;
};

TEST_F(SodiumCryptoTest, PasswordHashIsArgon2idSaltedAndVerifies) {
  auto h1 = crypto_->HashPassword("correct horse battery");
  auto h2 = crypto_->HashPassword("correct horse battery");
  ASSERT_TRUE(h1.ok() && h2.ok());
  EXPECT_EQ(h1->rfind("$argon2id$", 0), 0U);
  EXPECT_NE(*h1, *h2);  // salted
  EXPECT_TRUE(crypto_->VerifyPassword(*h1, "correct horse battery"));
  EXPECT_FALSE(crypto_->VerifyPassword(*h1, "correct horse batterY"));
  EXPECT_FALSE(crypto_->VerifyPassword("", "x"));
  EXPECT_FALSE(crypto_->VerifyPassword("$argon2id$garbage", "x"));
}

TEST_F(SodiumCryptoTest, DefaultCostMeetsOwaspMinimum) {
  SodiumOptions defaults;
  EXPECT_GE(defaults.argon2_memlimit, 19U * 1024 * 1024);
  EXPECT_GE(defaults.argon2_opslimit, 2U);
}

TEST_F(SodiumCryptoTest, DigestIsBlake2b256) {
  // BLAKE2b-256("abc"), from the reference implementation.
  core::Digest256 d = crypto_->Digest("abc");
  EXPECT_EQ(crypto_->TokenHash("abc"),
            "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  EXPECT_EQ(d[0], 0xbd);
}

TEST_F(SodiumCryptoTest, SealOpensOnlyUntampered) {
  std::vector<uint8_t> secret = {1, 2, 3, 4, 5};
  std::string sealed = crypto_->Seal(secret);
  EXPECT_NE(crypto_->Seal(secret), sealed);  // fresh nonce
  auto opened = crypto_->Open(sealed);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, secret);
  std::string tampered = sealed;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  EXPECT_FALSE(crypto_->Open(tampered).ok());
  EXPECT_FALSE(crypto_->Open("v1:zz").ok());
  EXPECT_FALSE(crypto_->Open("").ok());
}

TEST_F(SodiumCryptoTest, RandomTokensAreUrlSafeAndDistinct) {
  std::string a = crypto_->RandomToken(32), b = crypto_->RandomToken(32);
  EXPECT_EQ(a.size(), 43U);  // 256 bits in base64url without padding
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
}

TEST(ServerKeyTest, CreatedOwnerOnlyAndReadBack) {
  namespace fs = std::filesystem;
  fs::path dir =
      fs::temp_directory_path() / ("regie_key_" + std::to_string(std::random_device{}()));
  std::string path = (dir / "regie.key").string();
  auto created = LoadOrCreateServerKey(path);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600U);
  auto again = LoadOrCreateServerKey(path);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *created);
  ::chmod(path.c_str(), 0644);
  EXPECT_EQ(LoadOrCreateServerKey(path).status().reason(), "key_file_permissions");
  ::chmod(path.c_str(), 0600);
  std::ofstream(path, std::ios::app) << "x";
  EXPECT_EQ(LoadOrCreateServerKey(path).status().reason(), "key_file_size");
  fs::remove_all(dir);
}

TEST_F(SodiumCryptoTest, Ed25519DetachedSignatureVerifiesAndRefusesTampering) {
  ports::Crypto::SigningKeyPair pair = crypto_->GenerateSigningKey();
  ASSERT_EQ(pair.public_key.size(), 32U);
  auto sig = crypto_->SignDetached(pair.secret_key, "{\"a\":1}");
  ASSERT_TRUE(sig.ok());
  EXPECT_EQ(sig->size(), 64U);
  EXPECT_TRUE(crypto_->VerifyDetached(pair.public_key, "{\"a\":1}", *sig));
  EXPECT_FALSE(crypto_->VerifyDetached(pair.public_key, "{\"a\":2}", *sig));
  ports::Crypto::SigningKeyPair other = crypto_->GenerateSigningKey();
  EXPECT_FALSE(crypto_->VerifyDetached(other.public_key, "{\"a\":1}", *sig));
  std::vector<uint8_t> broken = *sig;
  broken[10] ^= 1;
  EXPECT_FALSE(crypto_->VerifyDetached(pair.public_key, "{\"a\":1}", broken));
  EXPECT_FALSE(crypto_->SignDetached(pair.public_key, "x").ok());  // wrong size
}

TEST_F(SodiumCryptoTest, Base64RoundTripsAndRefusesNonCanonicalText) {
  const std::vector<uint8_t> data = {0, 1, 2, 250, 251, 252, 253};
  const std::string text = crypto_->ToBase64(data);
  EXPECT_EQ(text, "AAEC+vv8/Q==");
  EXPECT_EQ(crypto_->FromBase64(text), data);
  EXPECT_FALSE(crypto_->FromBase64("AAEC+vv8/Q").has_value());     // padding missing
  EXPECT_FALSE(crypto_->FromBase64("AAEC+vv8/Q==x").has_value());  // trailing garbage
  EXPECT_FALSE(crypto_->FromBase64("AAEC-vv8_Q==").has_value());   // URL alphabet
}

}  // namespace
}  // namespace regie::crypto
