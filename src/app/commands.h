#pragma once

#include <cstdint>
#include <string>

namespace regie::app {

// The `regie` subcommands. Each returns the process exit code: 0 on
// success, 1 when the operation failed, 2 for bad command-line input.

inline constexpr const char* kDefaultKeyFile = "data/regie.key";

struct ServeOptions {
  std::string db_url = "sqlite:data/regie.db";
  std::string listen = "127.0.0.1:8080";
  std::string web_root;  // built web UI; empty = API only
  std::string key_file = kDefaultKeyFile;
  std::string field_categories;  // optional TOML file moving person fields between categories
  std::string policies_dir =
      "policies";     // policy packs (*.toml); refuses to start on an invalid one
  int threads = 0;    // 0 = four per core (reads wait for the audit group commit)
  int pool_size = 0;  // database connections; 0 = threads + 2
  int idle_timeout_minutes = 30;
  int absolute_timeout_hours = 12;
  bool trust_proxy = false;
  std::string oidc_file;  // optional TOML file of single sign-on providers (docs/access.md)
};
// Migrates, serves until SIGINT or SIGTERM, then stops cleanly.
int RunServe(const ServeOptions& options);

int RunMigrate(const std::string& db_url);

struct DemoCommandOptions {
  std::string db_url;
  std::string key_file = kDefaultKeyFile;
  int64_t households = 300;
  uint64_t seed = 42;
  int tenants = 1;
  std::string today;                      // ISO date; empty = the system clock's date
  std::string policies_dir = "policies";  // packs activated and used for demo events
};
int RunDemo(const DemoCommandOptions& options);

int RunVersion();

struct UserAddOptions {
  std::string db_url = "sqlite:data/regie.db";
  std::string key_file = kDefaultKeyFile;
  std::string tenant;        // CBS code, e.g. GM0148
  std::string organisation;  // id or exact name, serving the tenant
  std::string username;
  std::string display_name;
  std::string email;
  std::string roles;  // comma-separated role codes
  std::string base_url = "http://127.0.0.1:8080";
};
// Creates a user and prints a one-time enrolment link.
int RunUserAdd(const UserAddOptions& options);

// Prints the current TOTP code of a demo user (never of a real one).
int RunDemoTotpCode(const std::string& db_url, const std::string& username);

// Walks the audit chain; exit code 0 when intact, 1 with the first broken
// or missing record otherwise.
int RunAuditVerify(const std::string& db_url);
// A consistent copy of a SQLite database while it serves (mode 0600, never
// over an existing file); PostgreSQL is backed up with pg_dump (exit 2).
int RunBackup(const std::string& db_url, const std::string& out_path);

// `regie handover key|trust|export|import` (docs/handover.md).
struct HandoverOptions {
  std::string db_url = "sqlite:data/regie.db";
  std::string key_file = kDefaultKeyFile;
  std::string tenant;  // CBS code
  int64_t household_id = 0;
  std::string as_user;  // export: the household's regisseur (username)
  std::string file;     // export: output, import: input
  std::string name;     // trust: the sending municipality's name
  std::string key;      // trust: base64 public key
  bool allow_untrusted = false;
  std::string policies_dir = "policies";  // import: the packs the events are checked against
};
// Prints the instance's key id and public key (created on first use).
int RunHandoverKey(const HandoverOptions& options);
int RunHandoverTrust(const HandoverOptions& options);
int RunHandoverExport(const HandoverOptions& options);
int RunHandoverImport(const HandoverOptions& options);

// Splits "HOST:PORT" (IPv6 as "[::1]:8080"); false on anything else.
bool ParseListen(const std::string& listen, std::string& host, uint16_t& port);

// `regie report`: the half-year progress report (voortgangsrapportage) of
// a tenant as a PDF or self-contained HTML file, figures suppressed.
struct ReportOptions {
  std::string db_url = "sqlite:data/regie.db";
  std::string key_file = kDefaultKeyFile;
  std::string policies_dir = "policies";
  std::string tenant;  // CBS code
  std::string period;  // "2017H2"
  std::string format = "pdf";
  std::string lang = "nl";
  std::string out;
};
int RunReport(const ReportOptions& options);
// `regie region add|join|leave|list` (the regional benchmark).
struct RegionOptions {
  std::string db_url = "sqlite:data/regie.db";
  std::string code;            // region code, e.g. U16
  std::string name;            // add: display name
  std::string kind = "regio";  // add: regio or g40
  std::string tenant;          // join/leave: CBS code of the municipality
};
int RunRegionAdd(const RegionOptions& options);
int RunRegionJoin(const RegionOptions& options);
int RunRegionLeave(const RegionOptions& options);
int RunRegionList(const std::string& db_url);

}  // namespace regie::app
