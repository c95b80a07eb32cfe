#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/status.h"

namespace regie::storage::postgres {

struct ConnCloser {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct ResultClearer {
  void operator()(PGresult* res) const { PQclear(res); }
};
using ConnPtr = std::unique_ptr<PGconn, ConnCloser>;
using ResultPtr = std::unique_ptr<PGresult, ResultClearer>;

// Maps a failed result (or, without one, the connection's state) to a
// Status the way the SQLite adapter does: unique violation -> Conflict
// "duplicate", foreign key -> InvalidArgument "validation_failed", lost
// connection, lock or serialisation trouble -> Unavailable, anything else
// -> Internal. Messages carry the primary text only: the detail line of a
// constraint error quotes the row's values (a BSN), which must not reach logs.
Status ErrorStatus(PGconn* conn, const PGresult* res, std::string_view what);

// Statement parameters, sent as text (libpq converts nothing; the server
// parses them by the statement's inferred types). std::nullopt is SQL NULL.
class Params {
 public:
  Params& Add(int64_t v) { return Add(std::to_string(v)); }
  Params& Add(std::string_view v) {
    values_.emplace_back(std::string(v));
    return *this;
  }
  Params& Add(const std::string& v) { return Add(std::string_view(v)); }
  Params& Add(const char* v) { return Add(std::string_view(v)); }
  Params& Add(const std::optional<std::string>& v) {
    values_.push_back(v);
    return *this;
  }
  Params& AddBool(bool v) { return Add(std::string_view(v ? "t" : "f")); }
  Params& AddNull() {
    values_.emplace_back(std::nullopt);
    return *this;
  }
  // "{1,2,3}": a bigint[] literal, for `= ANY($n::bigint[])`.
  Params& AddIdArray(const std::vector<int64_t>& ids);

  // Appends `v` and returns its placeholder ("$n"), for statements whose
  // text grows with optional filters.
  template <typename T>
  std::string Next(const T& v) {
    Add(v);
    return "$" + std::to_string(values_.size());
  }

  int size() const { return static_cast<int>(values_.size()); }
  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  std::vector<std::optional<std::string>> values_;
};

// The rows of a successful statement, in text format.
class Result {
 public:
  explicit Result(ResultPtr res) : res_(std::move(res)) {}

  int rows() const { return PQntuples(res_.get()); }
  // Rows changed by INSERT/UPDATE/DELETE.
  int64_t affected() const;
  bool IsNull(int row, int col) const { return PQgetisnull(res_.get(), row, col) != 0; }
  std::string Text(int row, int col) const;
  std::optional<std::string> OptText(int row, int col) const;
  int64_t Int(int row, int col) const;
  bool Bool(int row, int col) const;
  // A bigint[] column ("{1,2}") as ids.
  std::vector<int64_t> IdArray(int row, int col) const;
  // The command tag, e.g. "COMMIT" or "ROLLBACK".
  std::string_view command() const { return PQcmdStatus(res_.get()); }

 private:
  ResultPtr res_;
};

// True when `s` is valid UTF-8 without NUL bytes: the only text the server
// accepts in a UTF8 database (libpq would silently cut a text at a NUL).
bool IsStorableText(std::string_view s);

// One open connection with its prepared-statement cache. Not thread-safe;
// the pool hands it to one transaction at a time.
class Connection {
 public:
  // Connects and prepares the session: UTF8, ISO dates, UTC, quiet notices
  // and, when `schema` is set, search_path = schema. `lock_timeout_ms`
  // bounds waits for row locks, like SQLite's busy timeout.
  static StatusOr<std::unique_ptr<Connection>> Open(const std::string& conninfo,
                                                    const std::string& schema,
                                                    int64_t lock_timeout_ms);

  // Only Open constructs; the key keeps make_unique usable.
  class Key {
    friend class Connection;
    Key() = default;
  };
  Connection(Key /*key*/, ConnPtr conn) : conn_(std::move(conn)) {}

  // Runs `sql` as a prepared statement, prepared once per connection and
  // cached by its text: callers must build a bounded set of texts (values
  // go into parameters, never into the text).
  StatusOr<Result> Exec(std::string_view sql, const Params& params = {});
  // Like Exec, but inside a savepoint: a failure undoes this statement
  // only and the transaction goes on, as a failed statement does in SQLite.
  StatusOr<Result> ExecIsolated(std::string_view sql, const Params& params);
  // Runs parameterless SQL (transaction control, migrations; may hold
  // several statements) through the simple protocol.
  StatusOr<Result> ExecScript(const std::string& sql);

  // False once the server connection is lost; such a connection must not
  // go back to the pool.
  bool healthy() const;
  // True when no transaction is open or failed on the connection.
  bool idle() const { return PQtransactionStatus(conn_.get()) == PQTRANS_IDLE; }
  // The quoted identifier for `name`, escaped by libpq.
  StatusOr<std::string> QuoteIdentifier(const std::string& name);

 private:
  ConnPtr conn_;
  // statement text -> prepared statement name
  std::unordered_map<std::string, std::string> prepared_;
};

}  // namespace regie::storage::postgres
