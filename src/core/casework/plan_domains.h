#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/access/access_model.h"
#include "core/status.h"

// The life domains (leefdomeinen) a plan goal belongs to. They are
// configuration, not code: a municipality may add domains, relabel them or
// move a domain to another data category, as FieldCategories does for
// person fields. The category decides who may see a goal of that domain
// (e.g. zorg & gezondheid goals are special-category health data).
namespace regie::core {

struct PlanDomain {
  std::string code;  // stable, stored in plans: "werk_inkomen"
  std::string label_nl;
  std::string label_en;
  DataCategory category = DataCategory::kBasis;
};

class PlanDomains {
 public:
  // The eight domains of the seeds (domain.md), in their customary order.
  static PlanDomains Defaults();

  // Adds a domain or replaces the one with the same code. InvalidArgument
  // "invalid_domain" for a code that is not [a-z0-9_]{1,40} or an empty
  // label.
  Status Set(PlanDomain domain);

  // nullptr when `code` is not configured.
  const PlanDomain* Find(std::string_view code) const;
  bool Knows(std::string_view code) const { return Find(code) != nullptr; }
  // The category of a domain's goals; an unknown domain (e.g. one removed
  // from the configuration after goals were written) is health-like
  // special data, so only who sees everything sees it.
  DataCategory CategoryOf(std::string_view code) const;
  const std::vector<PlanDomain>& All() const { return domains_; }

 private:
  std::vector<PlanDomain> domains_;
};

}  // namespace regie::core
