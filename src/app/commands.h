#pragma once

#include <cstdint>
#include <string>

namespace regie::app {

// The `regie` subcommands. Each returns the process exit code: 0 on
// success, 1 when the operation failed, 2 for bad command-line input.

struct ServeOptions {
  std::string db_url = "sqlite:data/regie.db";
  std::string listen = "127.0.0.1:8080";
  std::string web_root;  // built web UI; empty = API only
  int threads = 0;       // 0 = one per core
  int pool_size = 0;     // database connections; 0 = threads + 2
};
// Migrates, serves until SIGINT or SIGTERM, then stops cleanly.
int RunServe(const ServeOptions& options);

int RunMigrate(const std::string& db_url);

struct DemoCommandOptions {
  std::string db_url;
  int64_t households = 300;
  uint64_t seed = 42;
  int tenants = 1;
  std::string today;  // ISO date; empty = the system clock's date
};
int RunDemo(const DemoCommandOptions& options);

int RunVersion();

// Splits "HOST:PORT" (IPv6 as "[::1]:8080"); false on anything else.
bool ParseListen(const std::string& listen, std::string& host, uint16_t& port);

}  // namespace regie::app
