#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace regie {

// Broad failure classes; the HTTP layer maps each to one status code.
enum class StatusCode {
  kOk,
  kInvalidArgument,     // bad user input (400/422)
  kNotFound,            // no such resource in this tenant (404)
  kConflict,            // stale version or duplicate (409)
  kUnauthenticated,     // no valid session (401)
  kPermissionDenied,    // authenticated, but not allowed (403)
  kResourceExhausted,   // too many attempts; retry later (429)
  kFailedPrecondition,  // state does not allow the operation (409)
  kUnavailable,         // backend temporarily unavailable (503)
  kInternal,            // a bug or an unexpected backend error (500)
};

// One failing input field. `code` is a machine code that keys the Dutch and
// English texts in the translation files; `field` is a JSON-pointer-like path
// such as "persons/0/bsn".
struct FieldError {
  std::string field;
  std::string code;

  friend bool operator==(const FieldError&, const FieldError&) = default;
};

// The result of an operation that can fail. `reason` is a stable machine code
// (e.g. "household_not_found") that keys the user-facing texts; `message` is an
// English text for logs and developers, never shown to end users as-is.
class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string reason, std::string message,
         std::vector<FieldError> field_errors = {})
      : code_(code),
        reason_(std::move(reason)),
        message_(std::move(message)),
        field_errors_(std::move(field_errors)) {}

  static Status Ok() { return {}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& reason() const { return reason_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& field_errors() const { return field_errors_; }

  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string reason_;
  std::string message_;
  std::vector<FieldError> field_errors_;
};

Status InvalidArgument(std::string reason, std::string message,
                       std::vector<FieldError> field_errors = {});
Status NotFound(std::string reason, std::string message);
Status Conflict(std::string reason, std::string message);
Status FailedPrecondition(std::string reason, std::string message);
Status Unavailable(std::string message);
Status Internal(std::string message);

// Either a value or a non-OK Status. Accessing value() of an error is a
// programmer error (asserted), never a user-input path.
template <typename T>
class StatusOr {
 public:
  StatusOr(Status status) : v_(std::move(status)) {}  // NOLINT: implicit by design
  StatusOr(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<Status, T> v_;
};

}  // namespace regie

// Propagates a non-OK Status to the caller.
#define REGIE_RETURN_IF_ERROR(expr)                \
  do {                                             \
    ::regie::Status regie_status_ = (expr);        \
    if (!regie_status_.ok()) return regie_status_; \
  } while (false)

#define REGIE_CONCAT_INNER(a, b) a##b
#define REGIE_CONCAT(a, b) REGIE_CONCAT_INNER(a, b)
// Assigns the value of a StatusOr expression to `lhs`, or returns its Status.
// NOLINTBEGIN(bugprone-macro-parentheses): lhs may be a declaration.
#define REGIE_ASSIGN_OR_RETURN(lhs, expr)                                                         \
  auto REGIE_CONCAT(regie_or_, __LINE__) = (expr);                                                \
  if (!REGIE_CONCAT(regie_or_, __LINE__).ok()) return REGIE_CONCAT(regie_or_, __LINE__).status(); \
  lhs = std::move(REGIE_CONCAT(regie_or_, __LINE__)).value()
// NOLINTEND(bugprone-macro-parentheses)
