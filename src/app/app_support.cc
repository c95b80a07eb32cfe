#include "app/app_support.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "crypto/sodium_crypto.h"
#include "packs/pack_loader.h"
#include "storage/open_database.h"

namespace regie::app {

std::unique_ptr<ports::Database> OpenMigrated(const std::string& url, int pool_size) {
  auto db = storage::OpenDatabase(url, pool_size);
  if (!db.ok()) {
    spdlog::error("event=open_database_failed error=\"{}\"", db.status().ToString());
    return nullptr;
  }
  Status migrated = (*db)->Migrate();
  if (!migrated.ok()) {
    spdlog::error("event=migrate_failed error=\"{}\"", migrated.ToString());
    return nullptr;
  }
  return std::move(db).value();
}

std::optional<std::vector<core::policy::Pack>> LoadPacksOrLog(const std::string& dir) {
  packs::PackLibrary library = packs::LoadPackDirectory(dir);
  if (library.ok()) return std::move(library.packs);
  for (const core::policy::PolicyError& e : library.errors)
    spdlog::error("event=policy_pack_invalid error=\"{}\"", e.ToString());
  return std::nullopt;
}

std::unique_ptr<ports::Crypto> OpenCrypto(const std::string& key_file) {
  auto key = crypto::LoadOrCreateServerKey(key_file);
  if (!key.ok()) {
    spdlog::error("event=server_key_failed file=\"{}\" error=\"{}\"", key_file,
                  key.status().ToString());
    return nullptr;
  }
  auto c = crypto::SodiumCrypto::Create(*key);
  if (!c.ok()) {
    spdlog::error("event=crypto_failed error=\"{}\"", c.status().ToString());
    return nullptr;
  }
  return std::move(c).value();
}

namespace {

StatusOr<toml::table> ParseConfig(const std::string& toml_file) {
  try {
    return toml::parse_file(toml_file);
  } catch (const toml::parse_error& e) {  // the library's errors end here
    return InvalidArgument("bad_config", toml_file + ":" + std::to_string(e.source().begin.line) +
                                             ":" + std::to_string(e.source().begin.column) + ": " +
                                             std::string(e.description()));
  }
}

}  // namespace

StatusOr<core::FieldCategories> LoadFieldCategories(const std::string& toml_file) {
  core::FieldCategories fields = core::FieldCategories::Defaults();
  if (toml_file.empty()) return fields;
  REGIE_ASSIGN_OR_RETURN(toml::table root, ParseConfig(toml_file));
  for (const auto& [section, node] : root) {
    if (section.str() == "plan_domains") continue;  // LoadPlanDomains
    if (section.str() != "person" || !node.is_table())
      return InvalidArgument("bad_config",
                             toml_file + ": only [person] and [plan_domains.*] tables are allowed");
    for (const auto& [field, value] : *node.as_table()) {
      std::optional<std::string_view> code = value.value<std::string_view>();
      std::optional<core::DataCategory> category =
          code ? core::ParseEnum<core::DataCategory>(*code) : std::nullopt;
      if (!category)
        return InvalidArgument("bad_config", toml_file + ": person." + std::string(field.str()) +
                                                 " is not a data category");
      REGIE_RETURN_IF_ERROR(fields.Assign(field.str(), *category));
    }
  }
  return fields;
}

StatusOr<core::PlanDomains> LoadPlanDomains(const std::string& toml_file) {
  core::PlanDomains domains = core::PlanDomains::Defaults();
  if (toml_file.empty()) return domains;
  REGIE_ASSIGN_OR_RETURN(toml::table root, ParseConfig(toml_file));
  const toml::table* table = root["plan_domains"].as_table();
  if (table == nullptr) return domains;
  for (const auto& [code, node] : *table) {
    const std::string where = toml_file + ": plan_domains." + std::string(code.str());
    const toml::table* d = node.as_table();
    if (d == nullptr) return InvalidArgument("bad_config", where + " is not a table");
    const core::PlanDomain* old = domains.Find(code.str());
    core::PlanDomain domain = old != nullptr ? *old : core::PlanDomain{};
    domain.code = std::string(code.str());
    for (const auto& [key, value] : *d) {
      std::optional<std::string> text = value.value<std::string>();
      if (!text) return InvalidArgument("bad_config", where + "." + std::string(key.str()));
      if (key.str() == "label_nl") {
        domain.label_nl = *text;
      } else if (key.str() == "label_en") {
        domain.label_en = *text;
      } else if (key.str() == "category") {
        std::optional<core::DataCategory> c = core::ParseEnum<core::DataCategory>(*text);
        if (!c) return InvalidArgument("bad_config", where + ".category is not a data category");
        domain.category = *c;
      } else {
        return InvalidArgument("bad_config", where + ": unknown key " + std::string(key.str()));
      }
    }
    REGIE_RETURN_IF_ERROR(domains.Set(std::move(domain)));
  }
  return domains;
}

Status WriteThenCommit(const std::string& path, std::string_view content,
                       const std::function<Status()>& commit) {
  const std::string temp = path + ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return Status(StatusCode::kInternal, "write_failed",
                  "cannot create " + temp + ": " + std::strerror(errno));
  bool written = true;
  for (size_t done = 0; written && done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    written = n > 0;
    if (written) done += static_cast<size_t>(n);
  }
  written = written && ::fsync(fd) == 0;
  written = ::close(fd) == 0 && written;
  if (!written) {
    ::unlink(temp.c_str());
    return Status(StatusCode::kInternal, "write_failed", "cannot write " + temp);
  }
  if (Status committed = commit(); !committed.ok()) {
    ::unlink(temp.c_str());
    return committed;
  }
  // Committed: the record says the document exists, so it must.
  if (::rename(temp.c_str(), path.c_str()) != 0)
    return Status(
        StatusCode::kInternal, "write_failed",
        "committed, but cannot move " + temp + " to " + path + ": " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace regie::app
