// The `regie` binary: one entry point with subcommands (CLI11).
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "app/policy_commands.h"
#include "app/retention_commands.h"

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
  serve_cmd
      ->add_option("--threads", serve.threads,
                   "I/O threads (0 = four per core: reads wait for the audit log's group commit)")
      ->check(CLI::Range(0, 256));
  serve_cmd->add_option("--pool", serve.pool_size, "Database connections (0 = threads + 2)")
      ->check(CLI::Range(0, 256));
  serve_cmd->add_option("--key-file", serve.key_file, "Server key (created 0600 when absent)")
      ->capture_default_str();
  serve_cmd->add_option("--field-categories", serve.field_categories,
                        "TOML file moving person fields between data categories");
  serve_cmd->add_option("--policies", serve.policies_dir, "Directory of policy packs (*.toml)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--idle-timeout", serve.idle_timeout_minutes, "Session idle timeout, minutes")
      ->check(CLI::Range(1, 24 * 60))
      ->capture_default_str();
  serve_cmd
      ->add_option("--absolute-timeout", serve.absolute_timeout_hours,
                   "Session absolute timeout, hours")
      ->check(CLI::Range(1, 24 * 7))
      ->capture_default_str();
  serve_cmd->add_option("--oidc", serve.oidc_file,
                        "TOML file of OpenID Connect single sign-on providers");
  serve_cmd->add_flag("--trust-proxy", serve.trust_proxy,
                      "Take client address and scheme from X-Forwarded-For/-Proto");

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
  demo_cmd->add_option("--policies", demo.policies_dir, "Directory of policy packs (*.toml)")
      ->capture_default_str();
  demo_cmd->add_option("--seed", demo.seed, "Random seed; the same seed gives the same data")
      ->capture_default_str();
  demo_cmd->add_option("--tenants", demo.tenants, "Municipalities")
      ->check(CLI::Range(1, 400))
      ->capture_default_str();
  demo_cmd->add_option("--today", demo.today, "Reference date YYYY-MM-DD (default: today)");
  demo_cmd->add_option("--key-file", demo.key_file, "Server key (created 0600 when absent)")
      ->capture_default_str();

  CLI::App* user_cmd = app.add_subcommand("user", "Manage users");
  user_cmd->require_subcommand(1);
  regie::app::UserAddOptions user_add;
  CLI::App* user_add_cmd =
      user_cmd->add_subcommand("add", "Create a user and print a one-time enrolment link");
  user_add_cmd->add_option("--db", user_add.db_url, "sqlite:PATH or postgresql://...")
      ->capture_default_str();
  user_add_cmd->add_option("--key-file", user_add.key_file, "Server key")->capture_default_str();
  user_add_cmd->add_option("--tenant", user_add.tenant, "Municipality code, e.g. GM0148")
      ->required();
  user_add_cmd->add_option("--org", user_add.organisation, "Organisation id or exact name")
      ->required();
  user_add_cmd->add_option("--username", user_add.username, "Login name")->required();
  user_add_cmd->add_option("--name", user_add.display_name, "Display name")->required();
  user_add_cmd->add_option("--email", user_add.email, "E-mail address");
  user_add_cmd
      ->add_option("--role", user_add.roles,
                   "Roles, comma-separated: regisseur, begeleider, partner, "
                   "vrijwilliger, beleid, beheer, auditor")
      ->required();
  user_add_cmd->add_option("--base-url", user_add.base_url, "Where users reach Regie")
      ->capture_default_str();
  std::string totp_db = "sqlite:data/regie.db", totp_user;
  CLI::App* totp_cmd =
      user_cmd->add_subcommand("totp-code", "Print the current TOTP code of a demo user");
  totp_cmd->add_option("--db", totp_db, "sqlite:PATH or postgresql://...")->capture_default_str();
  totp_cmd->add_option("--username", totp_user, "Demo user")->required();

  CLI::App* audit_cmd = app.add_subcommand("audit", "The audit log");
  audit_cmd->require_subcommand(1);
  std::string audit_db = "sqlite:data/regie.db";
  CLI::App* verify_cmd =
      audit_cmd->add_subcommand("verify", "Check the hash chain; report the first broken record");
  verify_cmd->add_option("--db", audit_db, "sqlite:PATH or postgresql://...")
      ->capture_default_str();

  std::string backup_db = "sqlite:data/regie.db", backup_out;
  CLI::App* backup_cmd = app.add_subcommand(
      "backup", "Write a consistent, checked copy of a SQLite database, also while it serves");
  backup_cmd->add_option("--db", backup_db, "sqlite:PATH (PostgreSQL: use pg_dump)")
      ->capture_default_str();
  backup_cmd->add_option("--out", backup_out, "New file (never overwritten; mode 0600)")
      ->required();

  CLI::App* policy_cmd = app.add_subcommand("policy", "Policy packs: check and evaluate");
  policy_cmd->require_subcommand(1);
  std::vector<std::string> policy_files;
  CLI::App* policy_check_cmd =
      policy_cmd->add_subcommand("check", "Validate pack files; print file:line:column errors");
  policy_check_cmd->add_option("files", policy_files, "Pack files (TOML)")->required();
  regie::app::PolicyEvalOptions policy_eval;
  CLI::App* policy_eval_cmd = policy_cmd->add_subcommand(
      "eval", "Print the milestone statuses of a person (JSON) on a date");
  policy_eval_cmd->add_option("--packs", policy_eval.packs, "Pack ids, comma-separated")
      ->required()
      ->delimiter(',');
  policy_eval_cmd->add_option("--person", policy_eval.person_file, "Person facts and events (JSON)")
      ->required();
  policy_eval_cmd->add_option("--on", policy_eval.on, "Reference date YYYY-MM-DD")->required();
  policy_eval_cmd->add_option("--policies", policy_eval.policies_dir, "Directory of pack files")
      ->capture_default_str();

  CLI::App* handover_cmd =
      app.add_subcommand("handover", "Transfer a household to another municipality");
  handover_cmd->require_subcommand(1);
  regie::app::HandoverOptions handover;
  auto handover_sub = [&handover, handover_cmd](const char* name, const char* what) {
    CLI::App* cmd = handover_cmd->add_subcommand(name, what);
    cmd->add_option("--db", handover.db_url, "sqlite:PATH or postgresql://...")
        ->capture_default_str();
    cmd->add_option("--key-file", handover.key_file, "Server key")->capture_default_str();
    return cmd;
  };
  CLI::App* handover_key_cmd =
      handover_sub("key", "Print this instance's signing key id and public key");
  CLI::App* handover_trust_cmd =
      handover_sub("trust", "Trust a sending municipality's public key for a tenant");
  handover_trust_cmd->add_option("--tenant", handover.tenant, "Receiving municipality code")
      ->required();
  handover_trust_cmd->add_option("--name", handover.name, "Sender, e.g. \"Gemeente Dalfsen\"")
      ->required();
  handover_trust_cmd->add_option("--key", handover.key, "Sender's public key (base64)")->required();
  CLI::App* handover_export_cmd =
      handover_sub("export", "Export a household as a signed package; archives it");
  handover_export_cmd->add_option("--tenant", handover.tenant, "Municipality code")->required();
  handover_export_cmd->add_option("--household", handover.household_id, "Household id")->required();
  handover_export_cmd->add_option("--as", handover.as_user, "The household's regisseur (username)")
      ->required();
  handover_export_cmd->add_option("--out", handover.file, "Package file to write")->required();
  CLI::App* handover_import_cmd =
      handover_sub("import", "Import a package as pending, for a regisseur to accept");
  handover_import_cmd->add_option("--tenant", handover.tenant, "Receiving municipality code")
      ->required();
  handover_import_cmd->add_option("--file", handover.file, "Package file")->required();
  handover_import_cmd->add_flag("--allow-untrusted", handover.allow_untrusted,
                                "Accept a key the tenant does not trust (beheer decision)");
  handover_import_cmd
      ->add_option("--policies", handover.policies_dir, "Directory of policy packs (*.toml)")
      ->capture_default_str();

  CLI::App* report_cmd = app.add_subcommand(
      "report", "Write the half-year progress report (voortgangsrapportage) as PDF, HTML or Excel");
  regie::app::ReportOptions report;
  report_cmd->add_option("--db", report.db_url, "sqlite:PATH or postgresql://...")
      ->capture_default_str();
  report_cmd->add_option("--key-file", report.key_file, "Server key")->capture_default_str();
  report_cmd->add_option("--policies", report.policies_dir, "Directory of policy packs (*.toml)")
      ->capture_default_str();
  report_cmd->add_option("--tenant", report.tenant, "Municipality code, e.g. GM0523")->required();
  report_cmd->add_option("--period", report.period, "Half-year, e.g. 2017H2 or 2026H1")->required();
  report_cmd->add_option("--format", report.format, "pdf, html or xlsx")
      ->check(CLI::IsMember({"pdf", "html", "xlsx"}))
      ->capture_default_str();
  report_cmd->add_option("--lang", report.lang, "nl or en")
      ->check(CLI::IsMember({"nl", "en"}))
      ->capture_default_str();
  report_cmd->add_option("--out", report.out, "File to write")->required();
  CLI::App* region_cmd =
      app.add_subcommand("region", "Regions of the regional benchmark and their members");
  region_cmd->require_subcommand(1);
  regie::app::RegionOptions region;
  auto region_sub = [&region, region_cmd](const char* name, const char* what) {
    CLI::App* cmd = region_cmd->add_subcommand(name, what);
    cmd->add_option("--db", region.db_url, "sqlite:PATH or postgresql://...")
        ->capture_default_str();
    return cmd;
  };
  CLI::App* region_add_cmd = region_sub("add", "Create a region (regio or g40)");
  region_add_cmd->add_option("--code", region.code, "Region code, e.g. U16")->required();
  region_add_cmd->add_option("--name", region.name, "Name, e.g. \"Regio Utrecht (U16)\"")
      ->required();
  region_add_cmd->add_option("--kind", region.kind, "regio or g40")->capture_default_str();
  CLI::App* region_join_cmd = region_sub("join", "Add a municipality to a region (not sharing)");
  CLI::App* region_leave_cmd = region_sub("leave", "Remove a municipality from a region");
  for (CLI::App* cmd : {region_join_cmd, region_leave_cmd}) {
    cmd->add_option("--code", region.code, "Region code")->required();
    cmd->add_option("--tenant", region.tenant, "Municipality code, e.g. GM0148")->required();
  }
  CLI::App* region_list_cmd = region_sub("list", "List regions, members and who shares");

  CLI::App* erase_cmd = app.add_subcommand(
      "erase",
      "End of the retention period: erase households archived before a date (dry run without "
      "--apply)");
  regie::app::EraseOptions erase;
  erase_cmd->add_option("--db", erase.db_url, "sqlite:PATH or postgresql://...")
      ->capture_default_str();
  erase_cmd->add_option("--key-file", erase.key_file, "Server key")->capture_default_str();
  erase_cmd->add_option("--tenant", erase.tenant, "Municipality code, e.g. GM0523")->required();
  erase_cmd
      ->add_option("--archived-before", erase.archived_before,
                   "Erase what was archived (or rejected) before this date, YYYY-MM-DD")
      ->required();
  erase_cmd->add_flag("--apply", erase.apply, "Erase for good (default: only count)");

  CLI::App* version_cmd = app.add_subcommand("version", "Print the version");

  CLI11_PARSE(app, argc, argv);
  SetUpLogging(log_level);

  if (serve_cmd->parsed()) return regie::app::RunServe(serve);
  if (migrate_cmd->parsed()) return regie::app::RunMigrate(migrate_db);
  if (demo_cmd->parsed()) return regie::app::RunDemo(demo);
  if (version_cmd->parsed()) return regie::app::RunVersion();
  if (report_cmd->parsed()) return regie::app::RunReport(report);
  if (user_add_cmd->parsed()) return regie::app::RunUserAdd(user_add);
  if (totp_cmd->parsed()) return regie::app::RunDemoTotpCode(totp_db, totp_user);
  if (verify_cmd->parsed()) return regie::app::RunAuditVerify(audit_db);
  if (backup_cmd->parsed()) return regie::app::RunBackup(backup_db, backup_out);
  if (erase_cmd->parsed()) return regie::app::RunErase(erase);
  if (policy_check_cmd->parsed()) return regie::app::RunPolicyCheck(policy_files);
  if (handover_key_cmd->parsed()) return regie::app::RunHandoverKey(handover);
  if (handover_trust_cmd->parsed()) return regie::app::RunHandoverTrust(handover);
  if (handover_export_cmd->parsed()) return regie::app::RunHandoverExport(handover);
  if (handover_import_cmd->parsed()) return regie::app::RunHandoverImport(handover);
  if (policy_eval_cmd->parsed()) return regie::app::RunPolicyEval(policy_eval);
  if (region_add_cmd->parsed()) return regie::app::RunRegionAdd(region);
  if (region_join_cmd->parsed()) return regie::app::RunRegionJoin(region);
  if (region_leave_cmd->parsed()) return regie::app::RunRegionLeave(region);
  if (region_list_cmd->parsed()) return regie::app::RunRegionList(region.db_url);
  return 2;
}
