#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/field_categories.h"
#include "core/casework/plan_domains.h"
#include "core/policy/model.h"
#include "core/status.h"
#include "ports/crypto.h"
#include "ports/database.h"

// Wiring shared by the subcommands.
namespace regie::app {

// Opens and migrates; logs and returns nullptr on failure.
std::unique_ptr<ports::Database> OpenMigrated(const std::string& url, int pool_size);

// libsodium with the server key from `key_file` (created 0600 when absent);
// logs and returns nullptr on failure.
std::unique_ptr<ports::Crypto> OpenCrypto(const std::string& key_file);

// Every pack in `dir` (packs::LoadPackDirectory); logs each error and
// returns nullopt when any pack is invalid.
std::optional<std::vector<core::policy::Pack>> LoadPacksOrLog(const std::string& dir);

// The default field categories, with the moves of an optional TOML file:
//   [person]
//   bsn = "basis"
//   highest_education = "inburgering"
StatusOr<core::FieldCategories> LoadFieldCategories(const std::string& toml_file);

// The default plan life domains (core::PlanDomains), with the additions and
// changes of the same optional TOML file:
//   [plan_domains.zorg_gezondheid]
//   label_nl = "Zorg en gezondheid"
//   label_en = "Care and health"
//   category = "gezondheid"
StatusOr<core::PlanDomains> LoadPlanDomains(const std::string& toml_file);

// Writes `content` to a new file next to `path` (mode 0600: it may hold
// personal data), runs `commit`, and only then renames it to `path`. When
// writing or `commit` fails the new file is removed and `path` is left as
// it was: a document (a handover package, a report) exists only once the
// transaction that records it (archive, audit record) has committed.
Status WriteThenCommit(const std::string& path, std::string_view content,
                       const std::function<Status()>& commit);

}  // namespace regie::app
