#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "ports/outbound_http.h"

namespace regie::oidc {

// An absolute http(s) URL split for a request.
struct ParsedUrl {
  bool tls = true;
  std::string host;  // without brackets for IPv6
  uint16_t port = 443;
  std::string target;  // path and query, at least "/"
};
// InvalidArgument "url_refused" for anything but https://, or http:// to a
// loopback host (127.0.0.0/8, ::1, localhost), and for user info in the URL.
StatusOr<ParsedUrl> ParseOutboundUrl(std::string_view url);

// ports::OutboundHttp on Boost.Beast and OpenSSL: verifies the certificate
// chain against the system's trust store and the host name (SNI set), one
// connection per request, a deadline over the whole exchange, responses up
// to 1 MiB.
class BeastOutboundHttp final : public ports::OutboundHttp {
 public:
  BeastOutboundHttp();
  ~BeastOutboundHttp() override;
  StatusOr<ports::OutboundResponse> Send(const ports::OutboundRequest& request) override;

 private:
  StatusOr<ports::OutboundResponse> SendOrThrow(const ports::OutboundRequest& request);
  struct Tls;
  std::unique_ptr<Tls> tls_;
};

}  // namespace regie::oidc
