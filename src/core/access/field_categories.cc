#include "core/access/field_categories.h"

#include <array>
#include <utility>

namespace regie::core {
namespace {

constexpr std::array<std::pair<std::string_view, DataCategory>, 33> kDefaults{{
    {"given_names", DataCategory::kBasis},
    {"family_name", DataCategory::kBasis},
    {"birth_date", DataCategory::kBasis},
    {"sex", DataCategory::kBasis},
    {"nationality", DataCategory::kBasis},
    {"languages", DataCategory::kBasis},
    {"role", DataCategory::kBasis},
    {"family_reunification", DataCategory::kBasis},
    {"bsn", DataCategory::kBasis},
    {"v_number", DataCategory::kBasis},
    {"permit_date", DataCategory::kBasis},
    {"koppeling_date", DataCategory::kBasis},
    {"housing_date", DataCategory::kBasis},
    {"address", DataCategory::kContact},
    {"literacy", DataCategory::kInburgering},
    {"inburgeringsplicht", DataCategory::kInburgering},
    {"exemption_reason", DataCategory::kInburgering},
    {"highest_education", DataCategory::kWerkInkomen},
    // Household-level fields.
    {"household_name", DataCategory::kBasis},
    {"wijk", DataCategory::kContact},
    {"kern", DataCategory::kContact},
    {"member_count", DataCategory::kBasis},
    // Record types: recorded policy events and the milestone timeline and
    // worklist computed from them.
    {"events", DataCategory::kInburgering},
    // The participatieladder and Ferm Werk outcome (ZRM scores take the
    // category of their domain, see core/casework/assessment.h).
    {"assessments", DataCategory::kWerkInkomen},
    // Signals (vroegsignalering), by signal category: health and mental
    // health are special data (AVG art. 9); parenting and school absence
    // concern children; domestic violence is a safety matter (Veilig Thuis,
    // police), kept under justitie so it is never shared by default.
    {"signal_gezondheid", DataCategory::kGezondheid},
    {"signal_psychisch", DataCategory::kGezondheid},
    {"signal_financien", DataCategory::kFinancien},
    {"signal_opvoeding", DataCategory::kJeugd},
    {"signal_huiselijk_geweld", DataCategory::kJustitie},
    {"signal_schoolverzuim", DataCategory::kJeugd},
    {"signal_afwezigheid_inburgering", DataCategory::kInburgering},
    {"signal_huisvesting", DataCategory::kBasis},
    {"signal_overig", DataCategory::kNotities},
}};

}  // namespace

FieldCategories FieldCategories::Defaults() {
  FieldCategories f;
  for (const auto& [field, category] : kDefaults) {
    f.fields_.emplace_back(field);
    f.category_.emplace(field, category);
  }
  return f;
}

Status FieldCategories::Assign(std::string_view field, DataCategory category) {
  auto it = category_.find(field);
  if (it == category_.end())
    return InvalidArgument("unknown_field", "no configurable field " + std::string(field));
  it->second = category;
  return Status::Ok();
}

DataCategory FieldCategories::Of(std::string_view field) const {
  auto it = category_.find(field);
  // Anything not listed is basic data: visible only with a relationship.
  return it == category_.end() ? DataCategory::kBasis : it->second;
}

bool FieldCategories::IsNameField(std::string_view field) {
  return field == "given_names" || field == "family_name" || field == "role" ||
         field == "household_name";
}

}  // namespace regie::core
