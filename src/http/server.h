#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"
#include "http/router.h"

namespace regie::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;                     // 0 = ephemeral (tests); see Server::port()
  int threads = 2;                          // I/O threads; handlers run on them
  std::size_t body_limit = 1 << 20;         // bytes; larger bodies get 413
  std::chrono::seconds header_timeout{10};  // 408 when headers do not arrive in time
  std::chrono::seconds body_timeout{30};    // 408 when the body does not arrive in time
  std::string web_root;  // directory with the built web UI (index.html); empty = API only
  // Take the client address and scheme from X-Forwarded-For/-Proto (only
  // behind a reverse proxy that sets them).
  bool trust_proxy = false;
};

// The HTTP/1.1 server: /api/v1 on Boost.Beast (async), and the web UI's
// static files with single-page-app fallback. The router (BuildApiRouter)
// carries the injected storage, clock and crypto, which must outlive the
// server. Start() binds and returns; Stop() closes the
// listener, finishes in-flight requests and joins the threads.
class Server {
 public:
  Server(const ServerOptions& options, Router router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts the I/O threads. Unavailable when the address is in use.
  Status Start();
  uint16_t port() const;  // the bound port, valid after Start()
  void Stop();            // idempotent; safe from a signal-handling thread
  void Wait();            // blocks until Stop() completed

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace regie::http
