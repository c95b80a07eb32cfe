#include "oidc/jwt.h"

#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>

namespace regie::oidc {
namespace {

using nlohmann::json;

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

std::string BnParam(EVP_PKEY* key, const char* name, int pad = 0) {
  BIGNUM* bn = nullptr;
  EXPECT_EQ(EVP_PKEY_get_bn_param(key, name, &bn), 1);
  std::string out(static_cast<size_t>(pad > 0 ? pad : BN_num_bytes(bn)), '\0');
  BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(out.size()));
  BN_free(bn);
  return out;
}

std::string Sign(EVP_PKEY* key, const std::string& input) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EXPECT_EQ(EVP_DigestSignInit(md.get(), nullptr, EVP_sha256(), nullptr, key), 1);
  size_t len = 0;
  EVP_DigestSign(md.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(input.data()),
                 input.size());
  std::string sig(len, '\0');
  EXPECT_EQ(EVP_DigestSign(md.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                           reinterpret_cast<const unsigned char*>(input.data()), input.size()),
            1);
  sig.resize(len);
  return sig;
}

// DER ECDSA signature to JWS's r || s.
std::string RawEcdsa(const std::string& der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size()));  // NOLINT
  std::string out(64, '\0');
  BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char*>(out.data()), 32);
  BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char*>(out.data() + 32), 32);
  ECDSA_SIG_free(sig);
  return out;
}

std::string Compact(const json& header, const json& payload, EVP_PKEY* key, bool ec) {
  std::string input = Base64UrlEncode(header.dump()) + "." + Base64UrlEncode(payload.dump());
  std::string sig = Sign(key, input);
  return input + "." + Base64UrlEncode(ec ? RawEcdsa(sig) : sig);
}

Jwk RsaJwk(EVP_PKEY* key, const std::string& kid) {
  json k = {{"kty", "RSA"},
            {"kid", kid},
            {"use", "sig"},
            {"n", Base64UrlEncode(BnParam(key, OSSL_PKEY_PARAM_RSA_N))},
            {"e", Base64UrlEncode(BnParam(key, OSSL_PKEY_PARAM_RSA_E))}};
  auto keys = ParseJwks(json{{"keys", json::array({k})}}.dump());
  EXPECT_TRUE(keys.ok());
  return keys->at(0);
}

Jwk EcJwk(EVP_PKEY* key, const std::string& kid) {
  json k = {{"kty", "EC"},
            {"kid", kid},
            {"crv", "P-256"},
            {"x", Base64UrlEncode(BnParam(key, OSSL_PKEY_PARAM_EC_PUB_X, 32))},
            {"y", Base64UrlEncode(BnParam(key, OSSL_PKEY_PARAM_EC_PUB_Y, 32))}};
  auto keys = ParseJwks(json{{"keys", json::array({k})}}.dump());
  EXPECT_TRUE(keys.ok());
  return keys->at(0);
}

TEST(Pkce, Rfc7636AppendixBVector) {
  EXPECT_EQ(S256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(Base64Url, RoundTripsAndRefusesForeignOrNonCanonicalText) {
  for (std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe\x00"})
    EXPECT_EQ(Base64UrlDecode(Base64UrlEncode(s)), s);
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_FALSE(Base64UrlDecode("ab+c"));
  EXPECT_FALSE(Base64UrlDecode("abc="));
  EXPECT_FALSE(Base64UrlDecode("a"));
  EXPECT_FALSE(Base64UrlDecode("Zh"));  // "f" is "Zg": set padding bits
}

TEST(Jwt, ParseNeedsThreePartsOfJsonObjects) {
  const std::string h = Base64UrlEncode(R"({"alg":"RS256"})");
  const std::string p = Base64UrlEncode(R"({"sub":"x"})");
  auto ok = ParseJwt(h + "." + p + ".c2ln");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->payload["sub"], "x");
  EXPECT_EQ(ok->signing_input, h + "." + p);
  EXPECT_EQ(ok->signature, "sig");
  for (std::string bad : {h + "." + p, h + "." + p + ".c2ln.x", h + ".!!.c2ln",
                          h + "." + Base64UrlEncode("[1]") + ".c2ln", std::string("..")}) {
    EXPECT_EQ(ParseJwt(bad).status().reason(), "oidc_token_invalid") << bad;
  }
}

TEST(Jwks, KeepsRsaAndP256SigningKeysOnly) {
  auto keys = ParseJwks(R"({"keys":[
    {"kty":"RSA","kid":"r","n":"AQAB","e":"AQAB"},
    {"kty":"RSA","kid":"enc","use":"enc","n":"AQAB","e":"AQAB"},
    {"kty":"RSA","kid":"ps","alg":"PS256","n":"AQAB","e":"AQAB"},
    {"kty":"EC","kid":"e","crv":"P-256","x":"AA","y":"AA"},
    {"kty":"EC","kid":"p384","crv":"P-384","x":"AA","y":"AA"},
    {"kty":"oct","kid":"h","k":"c2VjcmV0"}, 7]})");
  ASSERT_TRUE(keys.ok());
  ASSERT_EQ(keys->size(), 2U);
  EXPECT_EQ((*keys)[0].kid, "r");
  EXPECT_EQ((*keys)[0].alg, "RS256");
  EXPECT_EQ((*keys)[1].kid, "e");
  EXPECT_EQ((*keys)[1].alg, "ES256");
  EXPECT_EQ(ParseJwks("[]").status().reason(), "oidc_jwks_invalid");
  EXPECT_EQ(ParseJwks(R"({"keys":{}})").status().reason(), "oidc_jwks_invalid");
}

TEST(Signature, Rs256VerifiesOnlyTheSignedTokenWithItsKey) {
  Pkey key(EVP_RSA_gen(2048));
  Pkey other(EVP_RSA_gen(2048));
  ASSERT_TRUE(key && other);
  const std::string token =
      Compact({{"alg", "RS256"}, {"kid", "k1"}}, {{"sub", "123"}}, key.get(), false);
  auto jwt = ParseJwt(token);
  ASSERT_TRUE(jwt.ok());
  EXPECT_TRUE(VerifySignature(*jwt, RsaJwk(key.get(), "k1")));
  EXPECT_FALSE(VerifySignature(*jwt, RsaJwk(other.get(), "k1")));
  Jwt tampered = *jwt;
  tampered.signing_input.back() ^= 1;
  EXPECT_FALSE(VerifySignature(tampered, RsaJwk(key.get(), "k1")));
  Jwt none = *jwt;
  none.header["alg"] = "none";
  EXPECT_FALSE(VerifySignature(none, RsaJwk(key.get(), "k1")));
  Jwt hs = *jwt;
  hs.header["alg"] = "HS256";
  EXPECT_FALSE(VerifySignature(hs, RsaJwk(key.get(), "k1")));
}

TEST(Signature, Es256VerifiesRawRAndS) {
  Pkey key(EVP_EC_gen("P-256"));
  Pkey other(EVP_EC_gen("P-256"));
  ASSERT_TRUE(key && other);
  const std::string token = Compact({{"alg", "ES256"}}, {{"sub", "1"}}, key.get(), true);
  auto jwt = ParseJwt(token);
  ASSERT_TRUE(jwt.ok());
  EXPECT_EQ(jwt->signature.size(), 64U);
  EXPECT_TRUE(VerifySignature(*jwt, EcJwk(key.get(), "e")));
  EXPECT_FALSE(VerifySignature(*jwt, EcJwk(other.get(), "e")));
  // An RSA key never verifies an ES256 token, whatever the header says.
  Pkey rsa(EVP_RSA_gen(2048));
  EXPECT_FALSE(VerifySignature(*jwt, RsaJwk(rsa.get(), "e")));
}

}  // namespace
}  // namespace regie::oidc
