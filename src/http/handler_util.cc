#include <cctype>

#include "http/handlers.h"

namespace regie::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool Decode(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return true;
}

}  // namespace

Router BuildApiRouter(const ApiContext& ctx) {
  Router router;
  AddMetaRoutes(router, ctx);
  AddAuthRoutes(router, ctx);
  AddEnrolRoutes(router, ctx);
  AddOidcRoutes(router, ctx);
  AddHouseholdRoutes(router, ctx);
  AddPersonRoutes(router, ctx);
  AddAccessRoutes(router, ctx);
  AddUserRoutes(router, ctx);
  AddAuditRoutes(router, ctx);
  AddEventRoutes(router, ctx);
  AddWorklistRoutes(router, ctx);
  AddPackRoutes(router, ctx);
  AddContactRoutes(router, ctx);
  AddAssessmentRoutes(router, ctx);
  AddSignalRoutes(router, ctx);
  AddPlanRoutes(router, ctx);
  AddPlanPdfRoutes(router, ctx);
  AddHandoverRoutes(router, ctx);
  AddIntakeRoutes(router, ctx);
  AddReferralRoutes(router, ctx);
  AddIndicatorRoutes(router, ctx);
  AddReportRoutes(router, ctx);
  AddBenchmarkRoutes(router, ctx);
  // Without a session cookie only the public routes run: the others answer
  // 401 before their path ids, query or body are looked at (a malformed
  // request of a stranger gets no 400/404/415/422 telling it more).
  router.Wrap([](Verb, const std::string& path, Handler handler) -> Handler {
    if (path == "/api/v1/health" || path == "/api/v1/openapi.json" ||
        path.starts_with("/api/v1/auth/"))
      return handler;
    return [handler = std::move(handler)](const ApiRequest& request) -> StatusOr<ApiResponse> {
      if (SessionToken(request.cookie).empty()) return Unauthenticated("not_authenticated");
      return handler(request);
    };
  });
  return router;
}

std::optional<int64_t> ParseId(std::string_view text) {
  if (text.empty() || text.size() > 18 || text.front() == '0') return std::nullopt;
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

StatusOr<int64_t> PathId(const ApiRequest& request, std::string_view name) {
  std::optional<int64_t> id = ParseId(request.params.Get(name));
  if (!id) return NotFound("not_found", "path parameter " + std::string(name) + " is not an id");
  return *id;
}

Status RequireJson(const ApiRequest& request) {
  std::string_view ct = request.content_type;
  ct = ct.substr(0, ct.find(';'));
  while (!ct.empty() && ct.back() == ' ') ct.remove_suffix(1);
  constexpr std::string_view kJson = "application/json";
  bool ok = ct.size() == kJson.size();
  for (size_t i = 0; ok && i < ct.size(); ++i)
    ok = std::tolower(static_cast<unsigned char>(ct[i])) == kJson[i];
  if (!ok)
    return InvalidArgument("unsupported_media_type",
                           "content type is not application/json: " + std::string(ct));
  return Status::Ok();
}

StatusOr<std::vector<std::pair<std::string, std::string>>> ParseQuery(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::string name, value;
    if (!Decode(part.substr(0, eq), name) ||
        (eq != std::string_view::npos && !Decode(part.substr(eq + 1), value)))
      return InvalidArgument("bad_request", "malformed query string", {{"query", "wrong_type"}});
    out.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

ApiResponse JsonResponse(unsigned status, std::string body, std::string location) {
  return ApiResponse{.status = status, .body = std::move(body), .location = std::move(location)};
}

ApiResponse LoggedRead(ApiResponse response, std::shared_ptr<AuditTicket> ticket) {
  response.audit = std::move(ticket);
  return response;
}

Status PrefixFieldErrors(const Status& status, std::string_view prefix) {
  if (status.field_errors().empty()) return status;
  std::vector<FieldError> errors = status.field_errors();
  for (FieldError& e : errors) e.field = std::string(prefix) + e.field;
  return Status(status.code(), status.reason(), status.message(), std::move(errors));
}

}  // namespace regie::http
