// The `regie` binary: one entry point with subcommands (CLI11).
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>

#include "app/commands.h"

namespace {

// Structured logs on stderr: ISO 8601 UTC time, level, key=value pairs.
void SetUpLogging(const std::string& level) {
  auto logger = spdlog::stderr_logger_mt("regie");
  logger->set_pattern("ts=%Y-%m-%dT%H:%M:%S.%fZ level=%l %v", spdlog::pattern_time_type::utc);
  logger->set_level(spdlog::level::from_str(level));
  spdlog::set_default_logger(logger);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Regie: één huishouden, één plan, één regisseur"};
  app.require_subcommand(1);
  std::string log_level = "info";
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}));

  regie::app::ServeOptions serve;
  CLI::App* serve_cmd = app.add_subcommand("serve", "Serve the API and the web UI");
  serve_cmd->add_option("--db", serve.db_url, "sqlite:PATH or postgresql://...")
      ->capture_default_str();
  serve_cmd->add_option("--listen", serve.listen, "HOST:PORT to listen on")->capture_default_str();
  serve_cmd->add_option("--web-root", serve.web_root, "Directory of the built web UI (web/dist)");
  serve_cmd->add_option("--threads", serve.threads, "I/O threads (0 = one per core)")
      ->check(CLI::Range(0, 256));
  serve_cmd->add_option("--pool", serve.pool_size, "Database connections (0 = threads + 2)")
      ->check(CLI::Range(0, 256));

  std::string migrate_db = "sqlite:data/regie.db";
  CLI::App* migrate_cmd = app.add_subcommand("migrate", "Apply pending database migrations");
  migrate_cmd->add_option("--db", migrate_db, "sqlite:PATH or postgresql://...")
      ->capture_default_str();

  regie::app::DemoCommandOptions demo;
  demo.db_url = "sqlite:data/regie.db";
  CLI::App* demo_cmd =
      app.add_subcommand("demo", "Fill an empty database with a synthetic population");
  demo_cmd->add_option("--db", demo.db_url, "sqlite:PATH or postgresql://...")
      ->capture_default_str();
  demo_cmd->add_option("--households", demo.households, "Households in total")
      ->check(CLI::Range(int64_t{0}, int64_t{10'000'000}))
      ->capture_default_str();
  demo_cmd->add_option("--seed", demo.seed, "Random seed; the same seed gives the same data")
      ->capture_default_str();
  demo_cmd->add_option("--tenants", demo.tenants, "Municipalities")
      ->check(CLI::Range(1, 400))
      ->capture_default_str();
  demo_cmd->add_option("--today", demo.today, "Reference date YYYY-MM-DD (default: today)");

  CLI::App* version_cmd = app.add_subcommand("version", "Print the version");

  CLI11_PARSE(app, argc, argv);
  SetUpLogging(log_level);

  if (serve_cmd->parsed()) return regie::app::RunServe(serve);
  if (migrate_cmd->parsed()) return regie::app::RunMigrate(migrate_db);
  if (demo_cmd->parsed()) return regie::app::RunDemo(demo);
  if (version_cmd->parsed()) return regie::app::RunVersion();
  return 2;
}
