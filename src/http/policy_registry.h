#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "core/policy/compiled.h"
#include "core/policy/model.h"
#include "core/status.h"
#include "ports/database.h"

namespace regie::http {

// The policy packs the server loaded at start (every version of every pack)
// and, per tenant, the packs compiled for that tenant's activations.
//
// Contract: ForTenant reads the tenant's activations inside the caller's
// transaction and returns the compiled policy for exactly that set; a
// compiled policy is reused while the stored set is unchanged, so several
// server processes on one PostgreSQL database stay consistent without
// invalidation messages. Thread-safe. The library never changes after
// construction (packs are files; a new pack needs a restart, and `serve`
// refuses to start on an invalid one).
class PolicyRegistry {
 public:
  explicit PolicyRegistry(std::vector<core::policy::Pack> library);

  const std::vector<core::policy::Pack>& library() const { return library_; }

  // FailedPrecondition "policy_activation_invalid" when the stored
  // activations no longer compile against the loaded packs (a pack file
  // was removed); the administrator must correct the activations.
  StatusOr<std::shared_ptr<const core::policy::CompiledPolicy>> ForTenant(ports::Transaction& tx,
                                                                          int64_t tenant_id);

  // Compiles a proposed set for a tenant (with its CBS code) without caching.
  StatusOr<std::unique_ptr<core::policy::CompiledPolicy>> Compile(
      const std::vector<core::policy::Activation>& activations, std::string_view tenant_code) const;

 private:
  struct Entry {
    std::vector<core::policy::Activation> activations;
    std::shared_ptr<const core::policy::CompiledPolicy> policy;
  };

  const std::vector<core::policy::Pack> library_;
  std::mutex mu_;
  std::map<int64_t, Entry> cache_;  // guarded by mu_
};

}  // namespace regie::http
