#include "http/household_read_cache.h"

namespace regie::http {

std::string CallerCacheKey(const core::Principal& p, int64_t tenant_id) {
  std::string key = std::to_string(tenant_id) + "/" + std::to_string(p.user_id) + "/" +
                    std::to_string(p.organisation_id);
  for (const std::string& role : p.roles.Codes()) key += "/" + role;
  return key;
}

}  // namespace regie::http
