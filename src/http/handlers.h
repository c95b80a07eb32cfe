#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "http/router.h"
#include "ports/clock.h"
#include "ports/database.h"

// The /api/v1 handlers and the helpers they share. Every handler runs on an
// I/O thread, opens at most one Transaction and commits a write exactly once,
// so a failure anywhere leaves the database unchanged.
namespace regie::http {

inline constexpr std::string_view kApiPrefix = "/api/v1";

// All API routes (docs/api-contract.md) bound to `db` and `clock`, which must
// outlive the router.
Router BuildApiRouter(ports::Database& db, const ports::Clock& clock);

void AddMetaRoutes(Router& router, ports::Database& db);
void AddHouseholdRoutes(Router& router, ports::Database& db, const ports::Clock& clock);
void AddPersonRoutes(Router& router, ports::Database& db, const ports::Clock& clock);

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

// Rewrites storage field errors of a nested write (e.g. "bsn") to the path of
// the request body ("persons/1/bsn").
Status PrefixFieldErrors(const Status& status, std::string_view prefix);

}  // namespace regie::http
