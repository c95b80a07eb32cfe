#pragma once

#include <cstdint>
#include <string>

#include "core/access/access_model.h"
#include "core/date.h"
#include "http/generation_cache.h"

namespace regie::http {

// A computed response body for an expensive per-user read (the worklist,
// the regional benchmark), with what it shows for the audit record of a
// cached read.
struct CachedBody {
  int64_t generation = 0;
  core::Timestamp valid_until;
  std::string body;
  core::CategorySet categories;
};

using ResponseCache = GenerationCache<CachedBody>;

}  // namespace regie::http
