#include "oidc/https_client.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace regie::oidc {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Deadline = std::chrono::steady_clock::time_point;

constexpr uint64_t kBodyLimit = 1 << 20;

Status Refused(std::string message) {
  return Status(StatusCode::kInvalidArgument, "url_refused", std::move(message));
}

bool IsLoopback(std::string_view host) {
  if (host == "localhost" || host == "::1") return true;
  boost::system::error_code ec;
  asio::ip::address address = asio::ip::make_address(std::string(host), ec);
  return !ec && address.is_loopback();
}

struct Outcome {
  bool done = false;
  std::string error;
  ports::OutboundResponse response;
};

bhttp::request<bhttp::string_body> BuildRequest(const ParsedUrl& url,
                                                const ports::OutboundRequest& in) {
  bhttp::request<bhttp::string_body> req;
  req.method(in.method == "POST" ? bhttp::verb::post : bhttp::verb::get);
  req.target(url.target);
  req.version(11);
  const bool default_port = (url.tls && url.port == 443) || (!url.tls && url.port == 80);
  std::string host = url.host.find(':') != std::string::npos ? "[" + url.host + "]" : url.host;
  req.set(bhttp::field::host, default_port ? host : host + ":" + std::to_string(url.port));
  req.set(bhttp::field::user_agent, "Regie");
  req.set(bhttp::field::accept, "application/json");
  req.set(bhttp::field::connection, "close");
  for (const auto& [name, value] : in.headers) req.set(name, value);
  if (!in.content_type.empty()) req.set(bhttp::field::content_type, in.content_type);
  if (in.method == "POST") {
    req.body() = in.body;
    req.prepare_payload();
  }
  return req;
}

// One request on one connection: resolve, connect, (TLS handshake), write,
// read. Every step runs under the request's deadline (the stream's timer);
// the first error ends it with `out.error` set.
template <typename Stream>
class Exchange : public std::enable_shared_from_this<Exchange<Stream>> {
 public:
  Exchange(Stream stream, bhttp::request<bhttp::string_body> req, Deadline deadline, Outcome& out)
      : stream_(std::move(stream)), req_(std::move(req)), deadline_(deadline), out_(out) {
    parser_.body_limit(kBodyLimit);
  }

  void Start(tcp::resolver& resolver, const ParsedUrl& url) {
    resolver.async_resolve(url.host, std::to_string(url.port),
                           [self = this->shared_from_this()](boost::system::error_code ec,
                                                             tcp::resolver::results_type found) {
                             if (ec) return self->Fail(ec);
                             self->Connect(found);
                           });
  }

 private:
  beast::tcp_stream& Lowest() { return beast::get_lowest_layer(stream_); }

  void Fail(boost::system::error_code ec) { out_.error = ec.message(); }

  void Connect(const tcp::resolver::results_type& endpoints) {
    Lowest().expires_at(deadline_);
    Lowest().async_connect(endpoints, [self = this->shared_from_this()](
                                          boost::system::error_code ec, const tcp::endpoint&) {
      if (ec) return self->Fail(ec);
      self->Handshake();
    });
  }

  void Handshake() {
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      Write();
    } else {
      Lowest().expires_at(deadline_);
      stream_.async_handshake(asio::ssl::stream_base::client,
                              [self = this->shared_from_this()](boost::system::error_code ec) {
                                if (ec) return self->Fail(ec);
                                self->Write();
                              });
    }
  }

  void Write() {
    Lowest().expires_at(deadline_);
    bhttp::async_write(stream_, req_,
                       [self = this->shared_from_this()](boost::system::error_code ec, size_t) {
                         if (ec) return self->Fail(ec);
                         self->Read();
                       });
  }

  void Read() {
    Lowest().expires_at(deadline_);
    bhttp::async_read(stream_, buffer_, parser_,
                      [self = this->shared_from_this()](boost::system::error_code ec, size_t) {
                        if (ec) return self->Fail(ec);
                        self->Finish();
                      });
  }

  // The response is complete: a peer that does not close the connection
  // (or the TLS session) properly changes nothing about it.
  void Finish() {
    auto& res = parser_.get();
    out_.response.status = res.result_int();
    out_.response.content_type = std::string(res[bhttp::field::content_type]);
    out_.response.body = std::move(res.body());
    out_.done = true;
    boost::system::error_code ignored;
    Lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
  }

  Stream stream_;
  bhttp::request<bhttp::string_body> req_;
  Deadline deadline_;
  Outcome& out_;
  beast::flat_buffer buffer_;
  bhttp::response_parser<bhttp::string_body> parser_;
};

}  // namespace

StatusOr<ParsedUrl> ParseOutboundUrl(std::string_view url) {
  ParsedUrl out;
  std::string_view rest;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    out.tls = false;
    out.port = 80;
    rest = url.substr(7);
  } else {
    return Refused("only https:// URLs");
  }
  size_t slash = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, slash);
  std::string_view target = slash == std::string_view::npos ? "/" : rest.substr(slash);
  if (target.find('#') != std::string_view::npos) target = target.substr(0, target.find('#'));
  if (target.empty() || target.front() == '?')
    out.target = "/" + std::string(target);
  else
    out.target = std::string(target);
  if (authority.empty() || authority.find('@') != std::string_view::npos)
    return Refused("no host, or user info in the URL");
  std::string_view port_text;
  if (authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return Refused("bad IPv6 literal");
    out.host = std::string(authority.substr(1, close - 1));
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return Refused("bad authority");
      port_text = after.substr(1);
    }
  } else {
    size_t colon = authority.find(':');
    out.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  if (out.host.empty()) return Refused("no host");
  if (!port_text.empty()) {
    if (port_text.size() > 5 || port_text.find_first_not_of("0123456789") != std::string_view::npos)
      return Refused("bad port");
    unsigned value = 0;
    for (char c : port_text) value = value * 10 + static_cast<unsigned>(c - '0');
    if (value == 0 || value > 65535) return Refused("bad port");
    out.port = static_cast<uint16_t>(value);
  }
  if (!out.tls && !IsLoopback(out.host)) return Refused("plain http:// only to a loopback address");
  return out;
}

struct BeastOutboundHttp::Tls {
  asio::ssl::context context{asio::ssl::context::tls_client};
};

BeastOutboundHttp::BeastOutboundHttp() : tls_(std::make_unique<Tls>()) {
  boost::system::error_code ec;
  tls_->context.set_default_verify_paths(ec);  // the system trust store
  tls_->context.set_verify_mode(asio::ssl::verify_peer, ec);
  SSL_CTX_set_min_proto_version(tls_->context.native_handle(), TLS1_2_VERSION);
}

BeastOutboundHttp::~BeastOutboundHttp() = default;

StatusOr<ports::OutboundResponse> BeastOutboundHttp::Send(const ports::OutboundRequest& request) {
  // Boost throws (e.g. a header Beast refuses): the library's exceptions end here.
  try {
    return SendOrThrow(request);
  } catch (const std::exception& e) {
    return Status(StatusCode::kUnavailable, "outbound_failed", e.what());
  }
}

StatusOr<ports::OutboundResponse> BeastOutboundHttp::SendOrThrow(
    const ports::OutboundRequest& request) {
  REGIE_ASSIGN_OR_RETURN(ParsedUrl url, ParseOutboundUrl(request.url));
  const Deadline deadline = std::chrono::steady_clock::now() + request.timeout;
  Outcome out;
  asio::io_context ioc;
  tcp::resolver resolver(ioc);
  if (url.tls) {
    beast::ssl_stream<beast::tcp_stream> stream(ioc, tls_->context);
    // SNI (SSL_set_tlsext_host_name without its C cast), and the
    // certificate must name the host.
    if (SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 const_cast<char*>(url.host.c_str())) != 1)
      return Status(StatusCode::kUnavailable, "outbound_failed", "cannot set SNI");
    stream.set_verify_callback(asio::ssl::host_name_verification(url.host));
    std::make_shared<Exchange<beast::ssl_stream<beast::tcp_stream>>>(
        std::move(stream), BuildRequest(url, request), deadline, out)
        ->Start(resolver, url);
  } else {
    std::make_shared<Exchange<beast::tcp_stream>>(beast::tcp_stream(ioc),
                                                  BuildRequest(url, request), deadline, out)
        ->Start(resolver, url);
  }
  // Name resolution has no timer of its own: the deadline bounds it here.
  ioc.run_until(deadline + std::chrono::milliseconds(100));
  if (!out.done) {
    return Status(StatusCode::kUnavailable, "outbound_failed",
                  "request to " + url.host +
                      " failed: " + (out.error.empty() ? std::string("timed out") : out.error));
  }
  return std::move(out.response);
}

}  // namespace regie::oidc
