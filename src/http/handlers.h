#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "http/caller.h"
#include "http/context.h"
#include "http/guard.h"
#include "http/router.h"

// The /api/v1 handlers and the helpers they share. Every handler runs on an
// I/O thread, opens at most one Transaction and commits a write exactly once,
// so a failure anywhere leaves the database unchanged.
namespace regie::http {

inline constexpr std::string_view kApiPrefix = "/api/v1";

// All API routes (docs/api-contract.md) bound to `ctx`, which must outlive
// the router.
Router BuildApiRouter(const ApiContext& ctx);

void AddMetaRoutes(Router& router, const ApiContext& ctx);
void AddAuthRoutes(Router& router, const ApiContext& ctx);
void AddEnrolRoutes(Router& router, const ApiContext& ctx);
void AddOidcRoutes(Router& router, const ApiContext& ctx);
void AddHouseholdRoutes(Router& router, const ApiContext& ctx);
void AddPersonRoutes(Router& router, const ApiContext& ctx);
void AddAccessRoutes(Router& router, const ApiContext& ctx);
void AddUserRoutes(Router& router, const ApiContext& ctx);
void AddAuditRoutes(Router& router, const ApiContext& ctx);
void AddEventRoutes(Router& router, const ApiContext& ctx);
void AddWorklistRoutes(Router& router, const ApiContext& ctx);
void AddPackRoutes(Router& router, const ApiContext& ctx);
void AddContactRoutes(Router& router, const ApiContext& ctx);
void AddAssessmentRoutes(Router& router, const ApiContext& ctx);
void AddSignalRoutes(Router& router, const ApiContext& ctx);
void AddPlanRoutes(Router& router, const ApiContext& ctx);
void AddPlanPdfRoutes(Router& router, const ApiContext& ctx);
void AddHandoverRoutes(Router& router, const ApiContext& ctx);
void AddIntakeRoutes(Router& router, const ApiContext& ctx);
void AddReferralRoutes(Router& router, const ApiContext& ctx);
void AddIndicatorRoutes(Router& router, const ApiContext& ctx);
void AddReportRoutes(Router& router, const ApiContext& ctx);
void AddBenchmarkRoutes(Router& router, const ApiContext& ctx);

// A positive decimal id from a path segment; nullopt otherwise.
std::optional<int64_t> ParseId(std::string_view text);
// The id in path parameter `name`, or NotFound "not_found".
StatusOr<int64_t> PathId(const ApiRequest& request, std::string_view name);

// InvalidArgument "unsupported_media_type" (415) unless the body is declared
// application/json (parameters such as charset are allowed).
Status RequireJson(const ApiRequest& request);

// Decoded name/value pairs of a query string ('+' is a space, %XX escapes);
// InvalidArgument "bad_request" on a malformed escape.
StatusOr<std::vector<std::pair<std::string, std::string>>> ParseQuery(std::string_view query);

ApiResponse JsonResponse(unsigned status, std::string body, std::string location = {});

// A read's response that the server sends only once `ticket`'s audit record
// is committed: a read is logged before its data leaves the server.
ApiResponse LoggedRead(ApiResponse response, std::shared_ptr<AuditTicket> ticket);

// Rewrites storage field errors of a nested write (e.g. "bsn") to the path of
// the request body ("persons/1/bsn").
Status PrefixFieldErrors(const Status& status, std::string_view prefix);

}  // namespace regie::http
