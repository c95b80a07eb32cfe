#include "core/benchmark/region.h"

#include <utility>

namespace regie::core {
namespace {

constexpr size_t kMaxCode = 32;
constexpr size_t kMaxName = 200;

bool ValidCode(std::string_view code) {
  if (code.size() < 2 || code.size() > kMaxCode) return false;
  for (char c : code) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

Status ValidateRegion(const RegionData& data) {
  std::vector<FieldError> errors;
  if (!ValidCode(data.code)) errors.push_back({"code", "invalid_format"});
  if (data.name.find_first_not_of(" \t") == std::string::npos)
    errors.push_back({"name", "required"});
  else if (data.name.size() > kMaxName)
    errors.push_back({"name", "too_long"});
  if (errors.empty()) return Status();
  return InvalidArgument("validation_failed", "invalid region", std::move(errors));
}

}  // namespace regie::core
