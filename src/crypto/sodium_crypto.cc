#include "crypto/sodium_crypto.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace regie::crypto {
namespace {

std::string ToHexString(const unsigned char* data, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

}  // namespace

StatusOr<std::unique_ptr<SodiumCrypto>> SodiumCrypto::Create(
    const std::array<uint8_t, 32>& server_key, const SodiumOptions& options) {
  if (sodium_init() < 0) return Unavailable("libsodium could not initialise");
  return std::make_unique<SodiumCrypto>(server_key, options);
}

SodiumCrypto::~SodiumCrypto() { sodium_memzero(key_.data(), key_.size()); }

StatusOr<std::string> SodiumCrypto::HashPassword(std::string_view password) {
  std::string out(crypto_pwhash_STRBYTES, '\0');
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), options_.argon2_opslimit,
                            options_.argon2_memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Unavailable("not enough memory to hash a password");
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

bool SodiumCrypto::VerifyPassword(std::string_view encoded_hash, std::string_view password) {
  if (encoded_hash.empty() || encoded_hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string hash(encoded_hash);  // NUL-terminated for the C API
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void SodiumCrypto::RandomBytes(std::span<uint8_t> out) { randombytes_buf(out.data(), out.size()); }

core::Digest256 SodiumCrypto::Digest(std::string_view data) {
  core::Digest256 out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                     data.size(), nullptr, 0);
  return out;
}

std::string SodiumCrypto::Seal(std::span<const uint8_t> plaintext) {
  std::vector<unsigned char> nonce(crypto_secretbox_NONCEBYTES);
  randombytes_buf(nonce.data(), nonce.size());
  std::vector<unsigned char> box(plaintext.size() + crypto_secretbox_MACBYTES);
  crypto_secretbox_easy(box.data(), plaintext.data(), plaintext.size(), nonce.data(), key_.data());
  // "v1:" + hex(nonce) + ":" + hex(box): versioned so the scheme can change.
  return "v1:" + ToHexString(nonce.data(), nonce.size()) + ":" +
         ToHexString(box.data(), box.size());
}

StatusOr<std::vector<uint8_t>> SodiumCrypto::Open(std::string_view sealed) {
  auto bad = [] { return FailedPrecondition("sealed_invalid", "sealed value cannot be opened"); };
  if (sealed.substr(0, 3) != "v1:") return bad();
  sealed.remove_prefix(3);
  const size_t colon = sealed.find(':');
  if (colon == std::string_view::npos) return bad();
  std::vector<unsigned char> nonce(crypto_secretbox_NONCEBYTES);
  size_t nonce_len = 0;
  if (sodium_hex2bin(nonce.data(), nonce.size(), sealed.data(), colon, nullptr, &nonce_len,
                     nullptr) != 0 ||
      nonce_len != nonce.size())
    return bad();
  std::string_view box_hex = sealed.substr(colon + 1);
  std::vector<unsigned char> box(box_hex.size() / 2);
  size_t box_len = 0;
  if (sodium_hex2bin(box.data(), box.size(), box_hex.data(), box_hex.size(), nullptr, &box_len,
                     nullptr) != 0 ||
      box_len < crypto_secretbox_MACBYTES)
    return bad();
  std::vector<uint8_t> plain(box_len - crypto_secretbox_MACBYTES);
  if (crypto_secretbox_open_easy(plain.data(), box.data(), box_len, nonce.data(), key_.data()) != 0)
    return bad();
  return plain;
}

ports::Crypto::SigningKeyPair SodiumCrypto::GenerateSigningKey() {
  SigningKeyPair pair;
  pair.public_key.resize(crypto_sign_PUBLICKEYBYTES);
  pair.secret_key.resize(crypto_sign_SECRETKEYBYTES);
  crypto_sign_keypair(pair.public_key.data(), pair.secret_key.data());
  return pair;
}

StatusOr<std::vector<uint8_t>> SodiumCrypto::SignDetached(std::span<const uint8_t> secret_key,
                                                          std::string_view message) {
  if (secret_key.size() != crypto_sign_SECRETKEYBYTES)
    return InvalidArgument("invalid_key", "an Ed25519 secret key has 64 bytes");
  std::vector<uint8_t> signature(crypto_sign_BYTES);
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret_key.data());
  return signature;
}

bool SodiumCrypto::VerifyDetached(std::span<const uint8_t> public_key, std::string_view message,
                                  std::span<const uint8_t> signature) {
  if (public_key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
    return false;
  return crypto_sign_verify_detached(signature.data(),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), public_key.data()) == 0;
}

std::string SodiumCrypto::ToBase64(std::span<const uint8_t> data) {
  constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;
  std::string out(sodium_base64_ENCODED_LEN(data.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), data.data(), data.size(), kVariant);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::optional<std::vector<uint8_t>> SodiumCrypto::FromBase64(std::string_view text) {
  std::vector<uint8_t> out(text.size() / 4 * 3 + 3);
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size())
    return std::nullopt;
  out.resize(len);
  // Only the canonical form: the same key has one spelling.
  if (ToBase64(out) != text) return std::nullopt;
  return out;
}

StatusOr<std::array<uint8_t, 32>> LoadOrCreateServerKey(const std::string& path) {
  if (sodium_init() < 0) return Unavailable("libsodium could not initialise");
  std::array<uint8_t, 32> key{};
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return Unavailable("cannot stat key file " + path);
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
      return FailedPrecondition("key_file_permissions",
                                "key file " + path + " must be readable by its owner only (0600)");
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(key.data()), static_cast<std::streamsize>(key.size()));
    if (in.gcount() != static_cast<std::streamsize>(key.size()) || in.peek() != EOF)
      return FailedPrecondition("key_file_size", "key file " + path + " must hold 32 bytes");
    return key;
  }
  randombytes_buf(key.data(), key.size());
  std::filesystem::path p(path);
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path(), ec);
  // Created 0600 from the start (O_EXCL: never over an existing file), so
  // there is no moment where others can read it.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Unavailable("cannot create key file " + path);
  const ssize_t written = ::write(fd, key.data(), key.size());
  const bool synced = ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  if (written != static_cast<ssize_t>(key.size()) || !synced || !closed)
    return Unavailable("cannot write key file " + path);
  return key;
}

}  // namespace regie::crypto
