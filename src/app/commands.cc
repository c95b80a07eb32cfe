#include "app/commands.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <thread>

#include "app/app_support.h"
#include "app/demo_loader.h"
#include "app/system_clock.h"
#include "http/audit_writer.h"
#include "http/handlers.h"
#include "http/policy_registry.h"
#include "http/server.h"
#include "http/session_cache.h"
#include "oidc/https_client.h"
#include "oidc/relying_party.h"

#ifndef REGIE_VERSION
#error "REGIE_VERSION must be defined by the build"
#endif

namespace regie::app {

bool ParseListen(const std::string& listen, std::string& host, uint16_t& port) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size()) return false;
  host = listen.substr(0, colon);
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']') return false;
    host = host.substr(1, host.size() - 2);
  }
  unsigned long value = 0;  // NOLINT(google-runtime-int): strtoul's type
  const std::string digits = listen.substr(colon + 1);
  if (digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos)
    return false;
  value = std::strtoul(digits.c_str(), nullptr, 10);
  if (value > 65535) return false;
  port = static_cast<uint16_t>(value);
  return true;
}

int RunServe(const ServeOptions& options) {
  http::ServerOptions server_options;
  if (!ParseListen(options.listen, server_options.host, server_options.port)) {
    spdlog::error("event=bad_listen_address listen=\"{}\" expected=HOST:PORT", options.listen);
    return 2;
  }
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  // Reads wait for the audit log's group commit, so more threads than
  // cores keep the cores busy meanwhile.
  server_options.threads = options.threads > 0 ? options.threads : static_cast<int>(4 * cores);
  server_options.web_root = options.web_root;
  server_options.trust_proxy = options.trust_proxy;
  const int pool = options.pool_size > 0 ? options.pool_size : server_options.threads + 2;
  StatusOr<core::FieldCategories> fields = LoadFieldCategories(options.field_categories);
  if (!fields.ok()) {
    spdlog::error("event=bad_field_categories error=\"{}\"", fields.status().ToString());
    return 2;
  }
  StatusOr<core::PlanDomains> plan_domains = LoadPlanDomains(options.field_categories);
  if (!plan_domains.ok()) {
    spdlog::error("event=bad_plan_domains error=\"{}\"", plan_domains.status().ToString());
    return 2;
  }

  // Block the stop signals before any thread starts, so every thread
  // inherits the mask and only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  // An invalid pack never loads: the server does not start on one.
  std::optional<std::vector<core::policy::Pack>> packs = LoadPacksOrLog(options.policies_dir);
  if (!packs) {
    spdlog::error("event=not_starting reason=invalid_policy_packs dir=\"{}\"",
                  options.policies_dir);
    return 2;
  }
  http::PolicyRegistry policies(std::move(*packs));

  std::unique_ptr<ports::Database> db = OpenMigrated(options.db_url, pool);
  if (!db) return 1;
  std::unique_ptr<ports::Crypto> crypto = OpenCrypto(options.key_file);
  if (!crypto) return 1;
  SystemClock clock;
  // Single sign-on: every configured provider must answer its discovery
  // and key set now, or the server does not start with a broken login.
  oidc::BeastOutboundHttp outbound;
  std::unique_ptr<oidc::RelyingParty> identity_providers;
  if (!options.oidc_file.empty()) {
    StatusOr<std::vector<oidc::ProviderConfig>> configs =
        oidc::LoadProviderConfigs(options.oidc_file);
    if (!configs.ok()) {
      spdlog::error("event=bad_oidc_config file=\"{}\" error=\"{}\"", options.oidc_file,
                    configs.status().message());
      return 2;
    }
    StatusOr<std::unique_ptr<oidc::RelyingParty>> rp =
        oidc::RelyingParty::Create(std::move(*configs), outbound);
    if (!rp.ok()) {
      spdlog::error("event=oidc_discovery_failed error=\"{}\"", rp.status().message());
      return 1;
    }
    identity_providers = std::move(*rp);
    spdlog::info("event=oidc_ready providers={}", identity_providers->List().size());
  }
  http::AuditWriter audit(*db, *crypto);
  http::SessionCache sessions;
  http::ApiContext ctx{*db, clock, *crypto, audit, *fields, {}, &sessions, &policies};
  ctx.plan_domains = &*plan_domains;
  ctx.identity_providers = identity_providers.get();
  ctx.auth.idle_timeout = std::chrono::minutes(options.idle_timeout_minutes);
  ctx.auth.absolute_timeout = std::chrono::hours(options.absolute_timeout_hours);
  ctx.auth.trust_proxy = options.trust_proxy;
  http::Server server(server_options, http::BuildApiRouter(ctx));
  Status started = server.Start();
  if (!started.ok()) {
    spdlog::error("event=listen_failed error=\"{}\"", started.ToString());
    return 1;
  }
  spdlog::info("event=serving backend={} threads={} url=http://{}:{}/", db->Backend(),
               server_options.threads, server_options.host, server.port());
  std::printf("Regie draait op / is running at http://%s:%u/\n", server_options.host.c_str(),
              static_cast<unsigned>(server.port()));
  std::fflush(stdout);

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  spdlog::info("event=stopping signal={}", signal_number == SIGINT ? "SIGINT" : "SIGTERM");
  server.Stop();
  spdlog::info("event=stopped");
  return 0;
}

int RunMigrate(const std::string& db_url) {
  std::unique_ptr<ports::Database> db = OpenMigrated(db_url, 1);
  if (!db) return 1;
  StatusOr<int> version = db->SchemaVersion();
  if (!version.ok()) {
    spdlog::error("event=schema_version_failed error=\"{}\"", version.status().ToString());
    return 1;
  }
  spdlog::info("event=migrated backend={} schema_version={}", db->Backend(), *version);
  return 0;
}

int RunDemo(const DemoCommandOptions& options) {
  SystemClock clock;
  core::DemoOptions demo;
  demo.seed = options.seed;
  demo.households = options.households;
  demo.tenants = options.tenants;
  demo.today = clock.Today();
  if (!options.today.empty()) {
    std::optional<core::Date> today = core::Date::Parse(options.today);
    if (!today) {
      spdlog::error("event=bad_date today=\"{}\" expected=YYYY-MM-DD", options.today);
      return 2;
    }
    demo.today = *today;
  }
  std::unique_ptr<ports::Database> db = OpenMigrated(options.db_url, 1);
  if (!db) return 1;
  std::unique_ptr<ports::Crypto> crypto = OpenCrypto(options.key_file);
  if (!crypto) return 1;
  std::optional<std::vector<core::policy::Pack>> packs = LoadPacksOrLog(options.policies_dir);
  if (!packs) return 1;
  int64_t next_report = 0;
  StatusOr<DemoLoadStats> stats =
      LoadDemo(*db, *crypto, demo, clock, *packs, 500, [&next_report](const DemoLoadStats& s) {
        if (s.households < next_report) return;
        spdlog::info("event=demo_progress households={} persons={}", s.households, s.persons);
        next_report = s.households + 50'000;
      });
  if (!stats.ok()) {
    spdlog::error("event=demo_failed error=\"{}\"", stats.status().ToString());
    return 1;
  }
  spdlog::info(
      "event=demo_loaded tenants={} organisations={} users={} households={} persons={} "
      "sharing_bases={} events={} assessments={} signals={} referrals={} plans={} "
      "report_texts={}",
      stats->tenants, stats->organisations, stats->users, stats->households, stats->persons,
      stats->sharing_bases, stats->events, stats->assessments, stats->signals, stats->referrals,
      stats->plans, stats->report_texts);
  return 0;
}

int RunVersion() {
  std::printf("regie %s\n", REGIE_VERSION);
  return 0;
}

}  // namespace regie::app
