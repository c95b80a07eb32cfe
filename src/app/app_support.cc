#include "app/app_support.h"

#include <spdlog/spdlog.h>
#include <toml++/toml.h>

#include "crypto/sodium_crypto.h"
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

StatusOr<core::FieldCategories> LoadFieldCategories(const std::string& toml_file) {
  core::FieldCategories fields = core::FieldCategories::Defaults();
  if (toml_file.empty()) return fields;
  toml::table root;
  try {
    root = toml::parse_file(toml_file);
  } catch (const toml::parse_error& e) {  // the library's errors end here
    return InvalidArgument("bad_config", toml_file + ":" + std::to_string(e.source().begin.line) +
                                             ":" + std::to_string(e.source().begin.column) + ": " +
                                             std::string(e.description()));
  }
  for (const auto& [section, node] : root) {
    if (section.str() != "person" || !node.is_table())
      return InvalidArgument("bad_config", toml_file + ": only a [person] table is allowed");
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

}  // namespace regie::app
