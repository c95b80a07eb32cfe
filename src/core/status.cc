#include "core/status.h"

namespace regie {
namespace {
const char* CodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "OK";
    case StatusCode::kInvalidArgument:
      return "INVALID_ARGUMENT";
    case StatusCode::kNotFound:
      return "NOT_FOUND";
    case StatusCode::kConflict:
      return "CONFLICT";
    case StatusCode::kUnauthenticated:
      return "UNAUTHENTICATED";
    case StatusCode::kPermissionDenied:
      return "PERMISSION_DENIED";
    case StatusCode::kResourceExhausted:
      return "RESOURCE_EXHAUSTED";
    case StatusCode::kFailedPrecondition:
      return "FAILED_PRECONDITION";
    case StatusCode::kUnavailable:
      return "UNAVAILABLE";
    case StatusCode::kInternal:
      return "INTERNAL";
  }
  return "UNKNOWN";
}
}  // namespace

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out = std::string(CodeName(code_)) + " " + reason_ + ": " + message_;
  for (const auto& fe : field_errors_) out += " [" + fe.field + ": " + fe.code + "]";
  return out;
}

Status InvalidArgument(std::string reason, std::string message,
                       std::vector<FieldError> field_errors) {
  return {StatusCode::kInvalidArgument, std::move(reason), std::move(message),
          std::move(field_errors)};
}
Status NotFound(std::string reason, std::string message) {
  return {StatusCode::kNotFound, std::move(reason), std::move(message)};
}
Status Conflict(std::string reason, std::string message) {
  return {StatusCode::kConflict, std::move(reason), std::move(message)};
}
Status FailedPrecondition(std::string reason, std::string message) {
  return {StatusCode::kFailedPrecondition, std::move(reason), std::move(message)};
}
Status Unavailable(std::string message) {
  return {StatusCode::kUnavailable, "unavailable", std::move(message)};
}
Status Internal(std::string message) {
  return {StatusCode::kInternal, "internal", std::move(message)};
}

}  // namespace regie
