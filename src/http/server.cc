#include "http/server.h"

#include <spdlog/spdlog.h>

#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "http/audit_writer.h"
#include "http/handlers.h"
#include "http/problem.h"
#include "http/router.h"
#include "http/static_files.h"

namespace regie::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr std::chrono::seconds kWriteTimeout{30};
constexpr std::uint32_t kHeaderLimit = 16 * 1024;

constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; form-action 'self'";

// What every session needs; owned by Server::Impl, outlives the sessions.
// Responses waiting for their audit record. Their callbacks run on the audit
// writer's thread and post into the io_context, so the server must not go
// away while one is pending or running: Stop waits until none is.
class PendingTickets {
 public:
  void Add() const {
    std::lock_guard lock(mu_);
    ++count_;
  }
  void Done() const {
    std::lock_guard lock(mu_);
    --count_;
    cv_.notify_all();
  }
  void WaitForNone() const {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return count_ == 0; });
  }

 private:
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  mutable int count_ = 0;
};

struct Shared {
  ServerOptions options;
  Router router;
  std::filesystem::path web_root;  // canonical; empty = API only
  PendingTickets tickets;
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Reads a whole file; nullopt when it cannot be read.
std::optional<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(out).str();
}

ApiResponse DispatchApi(const Shared& shared, const ApiRequest& request) {
  Router::Match m = shared.router.Find(request.method, request.path);
  if (m.route == nullptr) {
    if (!m.path_matched) return MakeProblem(404, "not_found", request.path);
    ApiResponse r = MakeProblem(405, "method_not_allowed", request.path);
    r.allow = std::move(m.allow);
    return r;
  }
  ApiRequest routed = request;
  routed.params = m.params;
  StatusOr<ApiResponse> result = m.route->handler(routed);
  if (!result.ok()) return ProblemFromStatus(result.status(), request.path);
  return std::move(result).value();
}

// The web UI: files under the web root with single-page-app fallback.
struct StaticResponse {
  ApiResponse response;
  std::string_view cache_control = "no-store";
};

StaticResponse DispatchStatic(const Shared& shared, const ApiRequest& request) {
  if (shared.web_root.empty()) return {MakeProblem(404, "not_found", request.path)};
  if (request.method != Verb::get && request.method != Verb::head) {
    ApiResponse r = MakeProblem(405, "method_not_allowed", request.path);
    r.allow = "GET, HEAD";
    return {std::move(r)};
  }
  std::optional<StaticFile> file = ResolveStatic(shared.web_root, request.path);
  if (!file) return {MakeProblem(404, "not_found", request.path)};
  std::optional<std::string> body = ReadFile(file->path);
  if (!body) {
    spdlog::error("cannot read {}", file->path.string());
    return {MakeProblem(500, "internal", request.path)};
  }
  ApiResponse r;
  r.body = std::move(*body);
  r.content_type = file->content_type;
  return {std::move(r), file->cache_control};
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const Shared& shared)
      : stream_(std::move(socket)), read_timer_(stream_.get_executor()), shared_(shared) {
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) peer_ip_ = endpoint.address().to_string();
  }

  void Run() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::ReadHeader, shared_from_this()));
  }

 private:
  // Read deadlines use our own timer rather than tcp_stream's expiry, which
  // closes the socket and so leaves no way to answer 408. On expiry the
  // timer cancels the pending read; the generation guards against a timer
  // whose expiry was already queued when the read completed.
  void StartReadTimer(std::chrono::seconds timeout) {
    const uint64_t generation = ++read_generation_;
    read_timer_.expires_after(timeout);
    read_timer_.async_wait([self = shared_from_this(), generation](beast::error_code ec) {
      if (ec || generation != self->read_generation_) return;
      self->read_timed_out_ = true;
      beast::error_code ignored;
      self->stream_.socket().cancel(ignored);
    });
  }

  void StopReadTimer() {
    ++read_generation_;
    read_timer_.cancel();
  }

  void ReadHeader() {
    parser_.emplace();
    parser_->body_limit(shared_.options.body_limit);
    parser_->header_limit(kHeaderLimit);
    read_timed_out_ = false;
    stream_.expires_never();
    StartReadTimer(shared_.options.header_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, std::size_t) {
    if (ec) return OnReadError(ec);
    StartReadTimer(shared_.options.body_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::OnBody, shared_from_this()));
  }

  void OnReadError(beast::error_code ec) {
    StopReadTimer();
    if (ec == bhttp::error::end_of_stream || ec == net::error::connection_reset) return Close();
    if (read_timed_out_) {
      // An idle keep-alive connection just closes; a half-sent request is
      // told why.
      if (!parser_->got_some() && buffer_.size() == 0) return Close();
      return SendProblem(408, "request_timeout");
    }
    if (ec == bhttp::error::body_limit || ec == bhttp::error::buffer_overflow ||
        ec == bhttp::error::header_limit)
      return SendProblem(413, "payload_too_large");
    return SendProblem(400, "bad_request");
  }

  void OnBody(beast::error_code ec, std::size_t) {
    if (ec) return OnReadError(ec);
    StopReadTimer();
    const auto started = std::chrono::steady_clock::now();
    bhttp::request<bhttp::string_body> req = parser_->release();
    const std::string_view target = req.target();
    const size_t q = target.find('?');
    ApiRequest request;
    request.method = req.method();
    request.path = target.substr(0, q);
    if (q != std::string_view::npos) request.query = target.substr(q + 1);
    request.content_type = req[bhttp::field::content_type];
    request.body = req.body();
    request.cookie = req[bhttp::field::cookie];
    request.csrf_token = req["X-CSRF-Token"];
    // Behind a trusted proxy the client is the first X-Forwarded-For entry
    // and the proxy says whether the client used TLS.
    std::string forwarded_for;
    if (shared_.options.trust_proxy) {
      std::string_view xff = req["X-Forwarded-For"];
      forwarded_for = std::string(xff.substr(0, xff.find(',')));
      while (!forwarded_for.empty() && forwarded_for.back() == ' ') forwarded_for.pop_back();
      request.secure = req["X-Forwarded-Proto"] == "https";
    }
    request.client_ip = forwarded_for.empty() ? std::string_view(peer_ip_) : forwarded_for;
    StaticResponse out;
    try {
      if (StartsWith(request.path, kApiPrefix) &&
          (request.path.size() == kApiPrefix.size() || request.path[kApiPrefix.size()] == '/'))
        out.response = DispatchApi(shared_, request);
      else
        out = DispatchStatic(shared_, request);
    } catch (const std::exception& e) {
      // The edge of the layer: whatever escaped (bad_alloc, a library bug)
      // becomes a 500 for this request, never a dead I/O thread.
      spdlog::error("{} {}: unhandled exception: {}", std::string_view(req.method_string()),
                    request.path, e.what());
      out = {MakeProblem(500, "internal", request.path)};
    }
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count();
    spdlog::debug("{} {} {} {}us", std::string_view(req.method_string()), request.path,
                  out.response.status, micros);
    const bool keep_alive = req.keep_alive();
    const bool head = req.method() == bhttp::verb::head;
    std::shared_ptr<AuditTicket> ticket = std::move(out.response.audit);
    if (!ticket) return Write(std::move(out.response), out.cache_control, keep_alive, head);
    // A read goes out only once its audit record is committed; meanwhile this
    // thread serves other connections. Back on the session's strand to write.
    const std::string instance(request.path);
    shared_.tickets.Add();
    ticket->OnCommitted([self = shared_from_this(), response = std::move(out.response),
                         cache_control = out.cache_control, keep_alive, head, instance,
                         &tickets = shared_.tickets](const Status& logged) mutable {
      {
        // Moved into the posted handler, not copied: this callback is
        // destroyed on the audit writer's thread, which must not hold the
        // session's last reference.
        auto executor = self->stream_.get_executor();
        net::post(executor, [self = std::move(self), response = std::move(response), cache_control,
                             keep_alive, head, instance, logged]() mutable {
          if (!logged.ok()) response = MakeProblem(503, "unavailable", instance);
          self->Write(std::move(response), cache_control, keep_alive, head);
        });
      }
      tickets.Done();  // the last touch of the server's objects
    });
  }

  void SendProblem(unsigned status, const char* code) {
    Write(MakeProblem(status, code, ""), "no-store", /*keep_alive=*/false, false);
  }

  void Write(ApiResponse r, std::string_view cache_control, bool keep_alive, bool head) {
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>();
    res->result(r.status);
    res->version(11);
    res->set(bhttp::field::server, "Regie");
    res->set(bhttp::field::content_type, r.content_type);
    res->set("X-Content-Type-Options", "nosniff");
    res->set("Referrer-Policy", "no-referrer");
    res->set("X-Frame-Options", "DENY");
    res->set("Content-Security-Policy", kCsp);
    // API responses carry personal data: never stored by browsers or proxies.
    res->set(bhttp::field::cache_control, cache_control);
    if (!r.location.empty()) res->set(bhttp::field::location, r.location);
    if (!r.allow.empty()) res->set(bhttp::field::allow, r.allow);
    for (const std::string& cookie : r.set_cookies) res->insert(bhttp::field::set_cookie, cookie);
    if (r.retry_after_seconds > 0)
      res->set(bhttp::field::retry_after, std::to_string(r.retry_after_seconds));
    if (!r.content_disposition.empty())
      res->set(bhttp::field::content_disposition, r.content_disposition);
    res->keep_alive(keep_alive);
    res->body() = head ? std::string() : std::move(r.body);
    res->prepare_payload();
    stream_.expires_after(kWriteTimeout);
    bhttp::async_write(
        stream_, *res,
        [self = shared_from_this(), res, keep_alive](beast::error_code ec, std::size_t) {
          if (ec || !keep_alive) return self->Close();
          self->ReadHeader();
        });
  }

  // Lingering close: after our last response, stop sending and discard what
  // the client still sends (e.g. the rest of an oversized body) until it
  // closes or a second passes. Closing at once with unread data makes the
  // kernel reset the connection, and the client may lose the response.
  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::chrono::seconds(1));
    Drain();
  }

  void Drain() {
    stream_.async_read_some(net::buffer(drain_buffer_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (!ec) self->Drain();
                            });
  }

  beast::tcp_stream stream_;
  std::array<char, 4096> drain_buffer_{};
  std::string peer_ip_;
  net::steady_timer read_timer_;
  uint64_t read_generation_ = 0;
  bool read_timed_out_ = false;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  const Shared& shared_;
};

}  // namespace

class Server::Impl {
 public:
  Impl(const ServerOptions& options, Router router)
      : shared_{options, std::move(router), WebRoot(options.web_root)},
        ioc_(std::max(1, options.threads)),
        acceptor_(net::make_strand(ioc_)) {}

  Status Start() {
    beast::error_code ec;
    auto address = net::ip::make_address(shared_.options.host, ec);
    if (ec)
      return InvalidArgument("bad_listen_address", "cannot parse host " + shared_.options.host);
    tcp::endpoint endpoint(address, shared_.options.port);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
      return Unavailable("cannot listen on " + shared_.options.host + ":" +
                         std::to_string(shared_.options.port) + ": " + ec.message());
    port_ = acceptor_.local_endpoint().port();
    Accept();
    for (int i = 0; i < std::max(1, shared_.options.threads); ++i)
      threads_.emplace_back([this] { ioc_.run(); });
    return Status::Ok();
  }

  uint16_t port() const { return port_; }

  void Stop() {
    std::lock_guard lock(stop_mu_);
    if (stopped_) return;
    stopped_ = true;
    net::dispatch(acceptor_.get_executor(), [this] {
      beast::error_code ec;
      acceptor_.close(ec);
    });
    ioc_.stop();  // handlers already running finish; no new work starts
    for (auto& t : threads_)
      if (t.joinable() && t.get_id() != std::this_thread::get_id()) t.join();
    shared_.tickets.WaitForNone();  // the audit writer is done posting into ioc_
    stopped_cv_.notify_all();
  }

  void Wait() {
    std::unique_lock lock(stop_mu_);
    stopped_cv_.wait(lock, [this] { return stopped_; });
  }

 private:
  void Accept() {
    acceptor_.async_accept(net::make_strand(ioc_), [this](beast::error_code ec, tcp::socket s) {
      if (ec) {
        if (ec == net::error::operation_aborted) return;
        spdlog::warn("accept failed: {}", ec.message());
      } else {
        beast::error_code ignored;
        s.set_option(tcp::no_delay(true), ignored);
        std::make_shared<Session>(std::move(s), shared_)->Run();
      }
      if (acceptor_.is_open()) Accept();
    });
  }

  // The canonical web root, or empty (API only) when it has no index.html.
  static std::filesystem::path WebRoot(const std::string& dir) {
    if (dir.empty()) return {};
    std::error_code ec;
    std::filesystem::path root = std::filesystem::canonical(dir, ec);
    if (ec || !std::filesystem::is_regular_file(root / "index.html", ec)) {
      spdlog::warn("no index.html in {}: serving the API only", dir);
      return {};
    }
    return root;
  }

  Shared shared_;
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  std::vector<std::thread> threads_;
  uint16_t port_ = 0;
  std::mutex stop_mu_;
  std::condition_variable stopped_cv_;
  bool stopped_ = false;
};

Server::Server(const ServerOptions& options, Router router)
    : impl_(std::make_unique<Impl>(options, std::move(router))) {}
Server::~Server() { impl_->Stop(); }
Status Server::Start() { return impl_->Start(); }
uint16_t Server::port() const { return impl_->port(); }
void Server::Stop() { impl_->Stop(); }
void Server::Wait() { impl_->Wait(); }

}  // namespace regie::http
