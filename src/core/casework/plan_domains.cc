#include "core/casework/plan_domains.h"

#include <algorithm>
#include <array>

namespace regie::core {
namespace {

struct DefaultDomain {
  std::string_view code, nl, en;
  DataCategory category;
};

// Which category each default domain's goals belong to follows the field
// categories: health goals are health data, work/income and finance goals
// are what those partners already see, language and education goals are
// inburgering data; the rest is basic data of the plan.
constexpr std::array<DefaultDomain, 8> kDefaults{{
    {"wonen", "Wonen en leefbaarheid", "Housing and liveability", DataCategory::kBasis},
    {"veiligheid", "Veiligheid", "Safety", DataCategory::kBasis},
    {"normen_waarden", "Normen en waarden (incl. PVT)", "Norms and values (incl. PVT)",
     DataCategory::kBasis},
    {"zorg_gezondheid", "Zorg en gezondheid", "Care and health", DataCategory::kGezondheid},
    {"onderwijs_taal", "Onderwijs en taal", "Education and language", DataCategory::kInburgering},
    {"werk_inkomen", "Werk en inkomen", "Work and income", DataCategory::kWerkInkomen},
    {"sociale_participatie", "Sociale participatie en vrije tijd",
     "Social participation and leisure", DataCategory::kBasis},
    {"financien", "Financiën", "Finances", DataCategory::kFinancien},
}};

bool IsDomainCode(std::string_view code) {
  if (code.empty() || code.size() > 40) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

PlanDomains PlanDomains::Defaults() {
  PlanDomains d;
  d.domains_.reserve(kDefaults.size());
  for (const DefaultDomain& x : kDefaults)
    d.domains_.push_back({std::string(x.code), std::string(x.nl), std::string(x.en), x.category});
  return d;
}

Status PlanDomains::Set(PlanDomain domain) {
  if (!IsDomainCode(domain.code) || domain.label_nl.empty() || domain.label_en.empty())
    return InvalidArgument("invalid_domain", "bad plan domain " + domain.code);
  for (PlanDomain& d : domains_) {
    if (d.code == domain.code) {
      d = std::move(domain);
      return Status::Ok();
    }
  }
  domains_.push_back(std::move(domain));
  return Status::Ok();
}

const PlanDomain* PlanDomains::Find(std::string_view code) const {
  for (const PlanDomain& d : domains_)
    if (d.code == code) return &d;
  return nullptr;
}

DataCategory PlanDomains::CategoryOf(std::string_view code) const {
  const PlanDomain* d = Find(code);
  return d != nullptr ? d->category : DataCategory::kGezondheid;
}

}  // namespace regie::core
