#include "core/auth/totp.h"

#include <array>

#include "core/auth/sha1.h"

namespace regie::core {
namespace {

constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '@') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

}  // namespace

std::string Hotp(std::span<const uint8_t> secret, uint64_t counter, int digits) {
  std::array<uint8_t, 8> msg{};
  for (size_t i = 0; i < 8; ++i) msg[7 - i] = static_cast<uint8_t>(counter >> (8 * i));
  Sha1Digest mac = HmacSha1(secret, msg);
  // Dynamic truncation (RFC 4226 §5.3).
  const size_t offset = mac[19] & 0x0F;
  const uint32_t binary = (uint32_t{mac[offset]} & 0x7F) << 24 | uint32_t{mac[offset + 1]} << 16 |
                          uint32_t{mac[offset + 2]} << 8 | uint32_t{mac[offset + 3]};
  uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(binary % modulus);
  return std::string(static_cast<size_t>(digits) - code.size(), '0') + code;
}

std::string Totp(std::span<const uint8_t> secret, int64_t unix_seconds, int digits) {
  return Hotp(secret, static_cast<uint64_t>(unix_seconds / kTotpStepSeconds), digits);
}

std::optional<int64_t> VerifyTotp(std::span<const uint8_t> secret, std::string_view code,
                                  int64_t unix_seconds, int window) {
  if (code.size() != 6) return std::nullopt;
  const int64_t step = unix_seconds / kTotpStepSeconds;
  std::optional<int64_t> match;
  for (int64_t s = step - window; s <= step + window; ++s) {
    if (s < 0) continue;
    std::string expected = Hotp(secret, static_cast<uint64_t>(s));
    unsigned diff = 0;
    for (size_t i = 0; i < expected.size(); ++i)
      diff |= static_cast<unsigned>(expected[i] ^ code[i]);
    if (diff == 0 && !match) match = s;
  }
  return match;
}

std::string Base32Encode(std::span<const uint8_t> data) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (uint8_t byte : data) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kBase32[(buffer >> (bits - 5)) & 0x1F]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kBase32[(buffer << (5 - bits)) & 0x1F]);
  return out;
}

std::optional<std::vector<uint8_t>> Base32Decode(std::string_view text) {
  std::vector<uint8_t> out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char ch : text) {
    if (ch == ' ' || ch == '=') continue;
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    size_t v = kBase32.find(ch);
    if (v == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<uint32_t>(v);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<uint8_t>(buffer >> (bits - 8)));
      bits -= 8;
    }
  }
  return out;
}

std::string TotpUri(std::string_view issuer, std::string_view account,
                    std::span<const uint8_t> secret) {
  return "otpauth://totp/" + PercentEncode(issuer) + ":" + PercentEncode(account) +
         "?secret=" + Base32Encode(secret) + "&issuer=" + PercentEncode(issuer) +
         "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace regie::core
