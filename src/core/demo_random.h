#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <span>

namespace regie::core {

// The demo population's source of randomness: SplitMix64 (Steele, Lea and
// Flood 2014) with integer-only helpers. The standard distributions
// (std::uniform_int_distribution, ...) are not specified bit for bit, so the
// same seed could give a different population with another standard library;
// everything here is plain 64-bit integer arithmetic and therefore identical
// on every platform. Not for anything security-related.
class DemoRandom {
 public:
  // `stream` separates independent sequences under one seed (e.g. one per
  // household), so each household depends only on (seed, its index).
  explicit DemoRandom(uint64_t seed, uint64_t stream = 0)
      : state_(Mix(seed ^ Mix(stream + kGamma))) {}

  uint64_t Next() {
    state_ += kGamma;
    return Mix(state_);
  }

  // Uniform in [0, n), without modulo bias; n > 0.
  uint64_t Below(uint64_t n) {
    assert(n > 0);
    // Reject the top partial block so every residue is equally likely.
    const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t r = Next();
    while (r >= limit) r = Next();
    return r % n;
  }

  // Uniform in [lo, hi], lo <= hi.
  int Between(int lo, int hi) {
    assert(lo <= hi);
    const auto span = static_cast<uint64_t>(static_cast<int64_t>(hi) - lo + 1);
    return static_cast<int>(lo + static_cast<int64_t>(Below(span)));
  }

  // True with probability per_mille / 1000.
  bool Chance(int per_mille) { return Between(0, 999) < per_mille; }

  // An index drawn with probability proportional to its (non-negative) weight;
  // the weights must not all be zero.
  size_t Weighted(std::span<const int> weights) {
    return WeightedBy(weights, [](int w) { return w; });
  }

  // As Weighted, for items whose weight is `weight_of(item)`.
  template <typename Container, typename WeightOf>
  size_t WeightedBy(const Container& items, WeightOf weight_of) {
    int64_t total = 0;
    for (const auto& item : items) total += weight_of(item);
    assert(total > 0);
    auto r = static_cast<int64_t>(Below(static_cast<uint64_t>(total)));
    size_t i = 0;
    for (const auto& item : items) {
      r -= weight_of(item);
      if (r < 0) return i;
      ++i;
    }
    return i - 1;  // not reached
  }

  // A uniformly chosen element of a non-empty array, span or vector.
  template <typename Container>
  const auto& Pick(const Container& items) {
    assert(!items.empty());
    return items[static_cast<size_t>(Below(items.size()))];
  }

  // A keyed permutation of [0, range), range <= 2^bits, bits < 64: an
  // invertible mix on `bits` bits (xor with the key, odd multiplications and
  // xor-shifts are all bijections modulo 2^bits), walked until it lands in
  // range. Cycle walking keeps it a bijection, so distinct n < range give
  // distinct results.
  static uint64_t Scatter(uint64_t n, uint64_t range, int bits, uint64_t key) {
    assert(bits > 1 && bits < 64 && range > 0 && range <= (uint64_t{1} << bits));
    const uint64_t mask = (uint64_t{1} << bits) - 1;
    const auto shift = static_cast<unsigned>(bits / 2);
    auto mix = [&](uint64_t x) {
      x = (x ^ key) & mask;
      x = (x * 0x9e3779b97f4a7c15ULL) & mask;
      x ^= x >> shift;
      x = (x * 0xbf58476d1ce4e5b9ULL) & mask;
      return x ^ (x >> shift);
    };
    uint64_t x = mix(n % range);
    while (x >= range) x = mix(x);
    return x;
  }

  // The SplitMix64 finaliser: a bijection on 64-bit values that spreads every
  // input bit over the output.
  static constexpr uint64_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  static constexpr uint64_t kGamma = 0x9e3779b97f4a7c15ULL;
  uint64_t state_;
};

}  // namespace regie::core
