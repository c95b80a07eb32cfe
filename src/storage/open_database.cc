#include "storage/open_database.h"

#include <string_view>

#include "storage/postgres/postgres_database.h"
#include "storage/sqlite/sqlite_database.h"

namespace regie::storage {

StatusOr<DatabaseTarget> ParseDatabaseUrl(const std::string& url) {
  const std::string_view u(url);
  if (u.starts_with("postgresql://") || u.starts_with("postgres://"))
    return DatabaseTarget{Backend::kPostgres, url};
  if (u.starts_with("sqlite:")) {
    std::string path(u.substr(std::string_view("sqlite:").size()));
    if (path.empty()) return InvalidArgument("bad_database_url", "sqlite: URL without a file path");
    return DatabaseTarget{Backend::kSqlite, std::move(path)};
  }
  // A bare path is accepted only when it plainly names a database file, so
  // a mistyped URL ("postgress://...") is refused rather than created as a
  // file of that name.
  if (u.size() > 3 && u.ends_with(".db") && u.find("://") == std::string_view::npos)
    return DatabaseTarget{Backend::kSqlite, url};
  // The URL itself stays out of the message: it may carry a password.
  return InvalidArgument("bad_database_url",
                         "database URL must start with sqlite:, postgresql:// or postgres://, "
                         "or be a path ending in .db");
}

StatusOr<std::unique_ptr<ports::Database>> OpenDatabase(const std::string& url, int pool_size) {
  REGIE_ASSIGN_OR_RETURN(DatabaseTarget target, ParseDatabaseUrl(url));
  if (target.backend == Backend::kPostgres)
    return postgres::Open({.conninfo = target.location, .pool_size = pool_size});
  return sqlite::Open({.path = target.location, .pool_size = pool_size});
}

}  // namespace regie::storage
