#pragma once

#include <memory>

#include "crypto/sodium_crypto.h"

namespace regie::app {

// libsodium with the cheapest Argon2id settings and a fresh key: enrolling
// the demo's staff would otherwise take most of a test's time. Tests only.
inline std::unique_ptr<crypto::SodiumCrypto> FastTestCrypto() {
  return std::move(crypto::SodiumCrypto::Create(
                       {}, {.argon2_opslimit = 1, .argon2_memlimit = 8U * 1024 * 1024}))
      .value();
}

}  // namespace regie::app
