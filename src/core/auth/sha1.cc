#include "core/auth/sha1.h"

#include <cstring>
#include <vector>

namespace regie::core {
namespace {

uint32_t Rotl(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

void Block(std::array<uint32_t, 5>& h, const uint8_t* block) {
  std::array<uint32_t, 80> w{};
  for (size_t i = 0; i < 16; ++i)
    w[i] = (uint32_t{block[4 * i]} << 24) | (uint32_t{block[4 * i + 1]} << 16) |
           (uint32_t{block[4 * i + 2]} << 8) | uint32_t{block[4 * i + 3]};
  for (size_t i = 16; i < 80; ++i) w[i] = Rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (size_t i = 0; i < 80; ++i) {
    uint32_t f = 0, k = 0;
    if (i < 20) {
      f = (b & c) | (~b & d);
      k = 0x5A827999;
    } else if (i < 40) {
      f = b ^ c ^ d;
      k = 0x6ED9EBA1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8F1BBCDC;
    } else {
      f = b ^ c ^ d;
      k = 0xCA62C1D6;
    }
    uint32_t t = Rotl(a, 5) + f + e + k + w[i];
    e = d;
    d = c;
    c = Rotl(b, 30);
    b = a;
    a = t;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
}

}  // namespace

Sha1Digest Sha1(std::span<const uint8_t> data) {
  std::array<uint32_t, 5> h = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  size_t full = data.size() / 64 * 64;
  for (size_t i = 0; i < full; i += 64) Block(h, data.data() + i);
  // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian value.
  std::array<uint8_t, 128> tail{};
  size_t rest = data.size() - full;
  if (rest > 0) std::memcpy(tail.data(), data.data() + full, rest);
  tail[rest] = 0x80;
  size_t tail_len = rest + 1 + 8 <= 64 ? 64 : 128;
  uint64_t bits = static_cast<uint64_t>(data.size()) * 8;
  for (size_t i = 0; i < 8; ++i) tail[tail_len - 1 - i] = static_cast<uint8_t>(bits >> (8 * i));
  for (size_t i = 0; i < tail_len; i += 64) Block(h, tail.data() + i);
  Sha1Digest out{};
  for (size_t i = 0; i < 5; ++i)
    for (size_t j = 0; j < 4; ++j) out[4 * i + j] = static_cast<uint8_t>(h[i] >> (24 - 8 * j));
  return out;
}

Sha1Digest HmacSha1(std::span<const uint8_t> key, std::span<const uint8_t> message) {
  constexpr size_t kBlock = 64;
  std::array<uint8_t, kBlock> k{};
  if (key.size() > kBlock) {
    Sha1Digest hashed = Sha1(key);
    std::memcpy(k.data(), hashed.data(), hashed.size());
  } else if (!key.empty()) {
    std::memcpy(k.data(), key.data(), key.size());
  }
  std::vector<uint8_t> inner(kBlock + message.size());
  for (size_t i = 0; i < kBlock; ++i) inner[i] = k[i] ^ 0x36;
  if (!message.empty()) std::memcpy(inner.data() + kBlock, message.data(), message.size());
  Sha1Digest inner_hash = Sha1(inner);
  std::array<uint8_t, kBlock + 20> outer{};
  for (size_t i = 0; i < kBlock; ++i) outer[i] = k[i] ^ 0x5c;
  std::memcpy(outer.data() + kBlock, inner_hash.data(), inner_hash.size());
  return Sha1(outer);
}

}  // namespace regie::core
