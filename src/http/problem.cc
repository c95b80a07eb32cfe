#include "http/problem.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "http/dto.h"
#include "http/i18n.h"

namespace regie::http {

ApiResponse MakeProblem(unsigned http_status, std::string_view code, std::string_view instance,
                        const std::vector<FieldError>& field_errors) {
  Texts texts = ProblemText(code);
  nlohmann::json j = {
      {"type", "urn:regie:problem:" + std::string(code)},
      {"title", texts.nl},
      {"status", http_status},
      {"detail", texts.nl},
      {"instance", instance},
      {"code", code},
      {"message_nl", texts.nl},
      {"message_en", texts.en},
  };
  if (!field_errors.empty()) {
    nlohmann::json errors = nlohmann::json::array();
    for (const FieldError& fe : field_errors) {
      Texts ft = FieldText(fe.field, fe.code);
      errors.push_back(
          {{"field", fe.field}, {"code", fe.code}, {"message_nl", ft.nl}, {"message_en", ft.en}});
    }
    j["errors"] = std::move(errors);
  }
  ApiResponse r;
  r.status = http_status;
  r.content_type = kProblemJson;
  r.body = dto::Dump(j);
  return r;
}

unsigned HttpStatusFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      if (status.reason() == "validation_failed") return 422;
      if (status.reason() == "unsupported_media_type") return 415;
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kResourceExhausted:
      return 429;
    case StatusCode::kConflict:
    case StatusCode::kFailedPrecondition:
      return 409;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

ApiResponse ProblemFromStatus(const Status& status, std::string_view instance) {
  const unsigned http_status = HttpStatusFor(status);
  if (http_status >= 500) {
    spdlog::error("{} {}: {}", http_status, instance, status.ToString());
    return MakeProblem(http_status, http_status == 503 ? "unavailable" : "internal", instance);
  }
  return MakeProblem(http_status, status.reason(), instance, status.field_errors());
}

}  // namespace regie::http
