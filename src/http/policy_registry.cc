#include "http/policy_registry.h"

#include <utility>

namespace regie::http {
namespace {

bool SameActivations(const std::vector<core::policy::Activation>& a,
                     const std::vector<core::policy::Activation>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].pack_id != b[i].pack_id || a[i].from != b[i].from || a[i].to != b[i].to) return false;
  return true;
}

}  // namespace

PolicyRegistry::PolicyRegistry(std::vector<core::policy::Pack> library)
    : library_(std::move(library)) {}

StatusOr<std::unique_ptr<core::policy::CompiledPolicy>> PolicyRegistry::Compile(
    const std::vector<core::policy::Activation>& activations, std::string_view tenant_code) const {
  return core::policy::CompiledPolicy::Compile(library_, activations, tenant_code);
}

StatusOr<std::shared_ptr<const core::policy::CompiledPolicy>> PolicyRegistry::ForTenant(
    ports::Transaction& tx, int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(std::vector<ports::StoredActivation> stored,
                         tx.Policy().Activations(tenant_id));
  std::vector<core::policy::Activation> activations;
  activations.reserve(stored.size());
  for (ports::StoredActivation& s : stored) activations.push_back(std::move(s.activation));
  {
    std::lock_guard lock(mu_);
    auto it = cache_.find(tenant_id);
    if (it != cache_.end() && SameActivations(it->second.activations, activations))
      return it->second.policy;
  }
  // Compiling takes a few milliseconds; do it outside the lock. Two requests
  // racing here both compile the same set; the later store is equal.
  REGIE_ASSIGN_OR_RETURN(core::Tenant tenant, tx.Tenants().Get(tenant_id));
  StatusOr<std::unique_ptr<core::policy::CompiledPolicy>> compiled =
      Compile(activations, tenant.data.code);
  if (!compiled.ok())
    return FailedPrecondition("policy_activation_invalid",
                              "the stored pack activations of tenant " + tenant.data.code +
                                  " do not compile: " + compiled.status().message());
  std::shared_ptr<const core::policy::CompiledPolicy> policy = std::move(*compiled);
  std::lock_guard lock(mu_);
  cache_[tenant_id] = Entry{std::move(activations), policy};
  return policy;
}

}  // namespace regie::http
