#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/status.h"

namespace regie::storage::sqlite {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

// Maps the result code of the last failed call on `db` to a Status.
Status ErrorStatus(sqlite3* db, int rc, std::string_view what);

// A prepared statement borrowed from a connection's cache. Binding is
// 1-based as in SQLite. Reset (and unbinds) when the borrow ends, so the
// statement is ready for the next request.
class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Stmt() {
    if (stmt_ == nullptr) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  Stmt(Stmt&& other) noexcept
      : db_(other.db_),
        stmt_(std::exchange(other.stmt_, nullptr)),
        status_(std::move(other.status_)) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& operator=(Stmt&&) = delete;

  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, std::string_view v);
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const std::optional<std::string>& v);
  Stmt& BindNull(int i);

  // Advances: true when a row is available, false when done; errors become
  // a Status through `status()`.
  bool Step();
  const Status& status() const { return status_; }
  // Runs a statement that returns no rows.
  Status Exec();

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) const;
  std::optional<std::string> OptText(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  Status status_;
};

// One open connection with its statement cache. Not thread-safe; the pool
// hands it to one transaction at a time.
class Connection {
 public:
  static StatusOr<std::unique_ptr<Connection>> Open(const std::string& path, int busy_timeout_ms);

  // Only Open constructs; the key keeps make_unique usable.
  class Key {
    friend class Connection;
    Key() = default;
  };
  Connection(Key /*key*/, DbPtr db) : db_(std::move(db)) {}

  sqlite3* db() const { return db_.get(); }
  // A cached prepared statement for `sql`. The cache is keyed by the text, so
  // callers must build a bounded set of statement texts (values go into
  // parameters, never into the text).
  StatusOr<Stmt> Prepare(std::string_view sql);
  Status Exec(const char* sql);  // for statements without parameters
  // BEGIN, COMMIT, ROLLBACK: from the statement cache, not parsed again by
  // sqlite3_exec for every transaction (every request has one).
  Status Run(std::string_view sql);

 private:
  // Looks statements up by their text without copying it into a key.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  DbPtr db_;
  std::unordered_map<std::string, StmtPtr, TextHash, std::equal_to<>> cache_;
};

}  // namespace regie::storage::sqlite
