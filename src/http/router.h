#pragma once

#include <array>
#include <boost/beast/http/verb.hpp>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace regie::http {

using Verb = boost::beast::http::verb;

class AuditTicket;

// Values captured from "{name}" segments of a path template. Views into the
// request target; valid while the request lives.
class PathParams {
 public:
  static constexpr std::size_t kMax = 4;
  bool Add(std::string_view name, std::string_view value);
  std::string_view Get(std::string_view name) const;  // empty when absent

 private:
  std::array<std::pair<std::string_view, std::string_view>, kMax> items_{};
  std::size_t size_ = 0;
};

// What a handler sees of a request.
struct ApiRequest {
  Verb method = Verb::get;
  std::string_view path;          // without the query string
  std::string_view query;         // after '?', undecoded
  std::string_view content_type;  // as sent
  std::string_view body;
  std::string_view cookie;      // the Cookie header
  std::string_view csrf_token;  // the X-CSRF-Token header
  std::string_view client_ip;   // the peer, or X-Forwarded-For behind a trusted proxy
  bool secure = false;          // TLS, or a trusted proxy says X-Forwarded-Proto: https
  PathParams params;
};

inline constexpr std::string_view kJsonType = "application/json; charset=utf-8";
inline constexpr std::string_view kProblemJson = "application/problem+json; charset=utf-8";

// A response of the API. Handlers return successes; failures travel as a
// non-OK Status and become a problem (problem.h) at the edge.
struct ApiResponse {
  unsigned status = 200;
  std::string body;  // serialised JSON
  std::string_view content_type = kJsonType;
  std::string location;                  // Location header, set for 201
  std::string allow;                     // Allow header, set for 405
  std::vector<std::string> set_cookies;  // Set-Cookie headers
  int64_t retry_after_seconds = 0;       // Retry-After header, set for 429
  std::string content_disposition;       // for downloads (CSV)
  // A read's audit record still being committed: the server sends the
  // response only once it is (see AuditWriter).
  std::shared_ptr<AuditTicket> audit;
};

using Handler = std::function<StatusOr<ApiResponse>(const ApiRequest&)>;

// Maps (method, path) to a handler through path templates such as
// /api/v1/tenants/{tenantId}/households/{householdId}. Templates are split once
// when added; matching compares segments without allocating. Not thread-safe
// while adding; Find is safe from many threads once all routes are added.
class Router {
 public:
  struct Route {
    Verb method;
    std::string path_template;
    std::vector<std::string> segments;  // "{name}" marks a parameter
    Handler handler;
  };

  struct Match {
    const Route* route = nullptr;  // set when method and path match
    PathParams params;
    bool path_matched = false;  // some route has this path (405 when route is null)
    std::string allow;          // methods allowed on the path, for the Allow header
  };

  void Add(Verb method, std::string path_template, Handler handler);
  Match Find(Verb method, std::string_view path) const;
  // Replaces each handler added so far with wrap(method, template, handler),
  // for a check every route of a kind shares (e.g. a session cookie).
  void Wrap(const std::function<Handler(Verb, const std::string&, Handler)>& wrap);
  // Every (method, template), in the order added.
  std::vector<std::pair<Verb, std::string>> Routes() const;

 private:
  std::vector<Route> routes_;
};

}  // namespace regie::http
