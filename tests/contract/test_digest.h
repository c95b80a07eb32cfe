#pragma once

#include <cstdint>
#include <string_view>

#include "core/audit/audit_record.h"

namespace regie::testing {

// A deterministic 256-bit digest for the audit-chain tests: four FNV-1a
// lanes with different seeds. Not cryptographic (production injects
// BLAKE2b-256); the storage contract only needs "any change of content
// changes the hash", which this gives for the small records used here.
inline core::Digest256 TestDigest(std::string_view data) {
  core::Digest256 out{};
  for (uint64_t lane = 0; lane < 4; ++lane) {
    uint64_t h = 14695981039346656037ULL ^ (lane * 0x9E3779B97F4A7C15ULL);
    for (char c : data) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    for (size_t b = 0; b < 8; ++b)
      out[static_cast<size_t>(lane) * 8 + b] = static_cast<uint8_t>(h >> (8 * b));
  }
  return out;
}

}  // namespace regie::testing
