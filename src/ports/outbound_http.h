#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace regie::ports {

// One outbound HTTP request (to an identity provider). `url` is absolute.
struct OutboundRequest {
  std::string method = "GET";  // GET or POST
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string content_type;  // for a body, e.g. application/x-www-form-urlencoded
  std::string body;
  // For the whole exchange: connect, TLS handshake, write and read.
  std::chrono::milliseconds timeout{10'000};
};

struct OutboundResponse {
  unsigned status = 0;
  std::string content_type;
  std::string body;
};

// The server's HTTP client. Implementations verify TLS certificates (chain
// and host name) and refuse plain http:// except to loopback addresses.
// Errors: InvalidArgument "url_refused" for a URL it will not call,
// Unavailable "outbound_failed" for DNS, connect, TLS or timeout failures.
// Any HTTP status is a response, not an error. Thread-safe.
class OutboundHttp {
 public:
  virtual ~OutboundHttp() = default;
  virtual StatusOr<OutboundResponse> Send(const OutboundRequest& request) = 0;
};

}  // namespace regie::ports
