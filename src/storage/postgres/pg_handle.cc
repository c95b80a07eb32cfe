#include "storage/postgres/pg_handle.h"

#include <charconv>

namespace regie::storage::postgres {
namespace {

std::string TrimNewlines(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

bool Failed(const PGresult* res) {
  if (res == nullptr) return true;
  ExecStatusType st = PQresultStatus(res);
  return st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK;
}

// SQLSTATE classes that mean "try again later" rather than "bug".
bool IsTransient(std::string_view code) {
  return code.starts_with("08")     // connection exception
         || code.starts_with("53")  // insufficient resources, e.g. too many connections
         || code.starts_with("57")  // operator intervention: shutdown, cancel, timeout
         || code == "40001"         // serialization_failure
         || code == "40P01"         // deadlock_detected
         || code == "55P03";        // lock_not_available (lock_timeout)
}

int64_t ParseInt(const char* text) {
  int64_t v = 0;
  std::string_view s(text);
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

}  // namespace

Status ErrorStatus(PGconn* conn, const PGresult* res, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const char* constraint = res ? PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME) : nullptr;
  std::string_view code = state ? state : "";
  std::string msg = std::string(what) + ": ";
  if (primary != nullptr)
    msg += primary;
  else
    msg += conn ? TrimNewlines(PQerrorMessage(conn)) : std::string("no connection");
  if (!code.empty()) msg += " [SQLSTATE " + std::string(code) + "]";
  if (constraint != nullptr) msg += " [constraint " + std::string(constraint) + "]";

  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK || IsTransient(code))
    return Unavailable(msg);
  if (code == "23505") return Conflict("duplicate", msg);
  if (code == "23503") return InvalidArgument("validation_failed", msg);
  // NOT NULL and CHECK failures mean a bug here, not bad input: core
  // validated the data before it reached storage.
  return Internal(msg);
}

Params& Params::AddIdArray(const std::vector<int64_t>& ids) {
  std::string literal = "{";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) literal.push_back(',');
    literal += std::to_string(ids[i]);
  }
  literal.push_back('}');
  return Add(std::string_view(literal));
}

int64_t Result::affected() const { return ParseInt(PQcmdTuples(res_.get())); }

std::string Result::Text(int row, int col) const {
  return std::string(PQgetvalue(res_.get(), row, col),
                     static_cast<size_t>(PQgetlength(res_.get(), row, col)));
}

std::optional<std::string> Result::OptText(int row, int col) const {
  if (IsNull(row, col)) return std::nullopt;
  return Text(row, col);
}

int64_t Result::Int(int row, int col) const { return ParseInt(PQgetvalue(res_.get(), row, col)); }

bool Result::Bool(int row, int col) const { return PQgetvalue(res_.get(), row, col)[0] == 't'; }

std::vector<int64_t> Result::IdArray(int row, int col) const {
  std::vector<int64_t> out;
  std::string_view s(PQgetvalue(res_.get(), row, col));
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '-' || (s[i] >= '0' && s[i] <= '9')) {
      int64_t v = 0;
      auto [end, ec] = std::from_chars(s.data() + i, s.data() + s.size(), v);
      if (ec == std::errc()) out.push_back(v);
      i = static_cast<size_t>(end - s.data()) + (ec == std::errc() ? 0 : 1);
    } else {
      ++i;  // '{', ',', '}'
    }
  }
  return out;
}

bool IsStorableText(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // beyond U+10FFFF
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    auto second = static_cast<unsigned char>(s[i + 1]);
    if (second < lo || second > hi) return false;
    for (size_t k = 2; k < len; ++k) {
      auto cont = static_cast<unsigned char>(s[i + k]);
      if (cont < 0x80 || cont > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

StatusOr<std::unique_ptr<Connection>> Connection::Open(const std::string& conninfo,
                                                       const std::string& schema,
                                                       int64_t lock_timeout_ms) {
  // Defaults first: keywords later in the list (the caller's URL, expanded
  // from "dbname") override earlier ones.
  const char* const keywords[] = {"application_name", "connect_timeout", "dbname", nullptr};
  const char* const values[] = {"regie", "10", conninfo.c_str(), nullptr};
  ConnPtr conn(PQconnectdbParams(keywords, values, /*expand_dbname=*/1));
  if (conn == nullptr) return Unavailable("connect: libpq could not allocate a connection");
  if (PQstatus(conn.get()) != CONNECTION_OK)
    return Unavailable("connect: " + TrimNewlines(PQerrorMessage(conn.get())));
  // Notices (e.g. "schema already exists, skipping") would go to stderr.
  PQsetNoticeProcessor(
      conn.get(), [](void* /*arg*/, const char* /*message*/) {}, nullptr);
  PQsetErrorVerbosity(conn.get(), PQERRORS_TERSE);

  auto self = std::make_unique<Connection>(Key{}, std::move(conn));
  std::string setup =
      "SET client_encoding = 'UTF8'; SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; "
      "SET client_min_messages = 'warning'; SET lock_timeout = " +
      std::to_string(lock_timeout_ms) + ";";
  if (!schema.empty()) {
    REGIE_ASSIGN_OR_RETURN(std::string quoted, self->QuoteIdentifier(schema));
    setup += " SET search_path = " + quoted + ";";
  }
  REGIE_RETURN_IF_ERROR(self->ExecScript(setup).status());
  return self;
}

StatusOr<Result> Connection::Exec(std::string_view sql, const Params& params) {
  for (const auto& v : params.values()) {
    if (v && !IsStorableText(*v))
      return InvalidArgument("validation_failed", "text is not valid UTF-8 or holds a NUL byte");
  }
  std::string key(sql);
  auto it = prepared_.find(key);
  if (it == prepared_.end()) {
    std::string name = "regie_" + std::to_string(prepared_.size() + 1);
    // No parameter types: the server infers each from its use in `sql`.
    ResultPtr res(PQprepare(conn_.get(), name.c_str(), key.c_str(), 0, nullptr));
    if (Failed(res.get())) return ErrorStatus(conn_.get(), res.get(), "prepare");
    it = prepared_.emplace(std::move(key), std::move(name)).first;
  }
  std::vector<const char*> values;
  values.reserve(params.values().size());
  for (const auto& v : params.values()) values.push_back(v ? v->c_str() : nullptr);
  ResultPtr res(PQexecPrepared(conn_.get(), it->second.c_str(), params.size(), values.data(),
                               nullptr, nullptr, /*resultFormat=*/0));
  if (Failed(res.get())) return ErrorStatus(conn_.get(), res.get(), "query");
  return Result(std::move(res));
}

StatusOr<Result> Connection::ExecIsolated(std::string_view sql, const Params& params) {
  REGIE_RETURN_IF_ERROR(ExecScript("SAVEPOINT regie_statement").status());
  StatusOr<Result> res = Exec(sql, params);
  StatusOr<Result> end = ExecScript(res.ok() ? "RELEASE SAVEPOINT regie_statement"
                                             : "ROLLBACK TO SAVEPOINT regie_statement; "
                                               "RELEASE SAVEPOINT regie_statement");
  if (!end.ok()) return end.status();
  return res;
}

StatusOr<Result> Connection::ExecScript(const std::string& sql) {
  ResultPtr res(PQexec(conn_.get(), sql.c_str()));
  if (Failed(res.get())) return ErrorStatus(conn_.get(), res.get(), "execute");
  return Result(std::move(res));
}

bool Connection::healthy() const { return PQstatus(conn_.get()) == CONNECTION_OK; }

StatusOr<std::string> Connection::QuoteIdentifier(const std::string& name) {
  std::unique_ptr<char, decltype(&PQfreemem)> quoted(
      PQescapeIdentifier(conn_.get(), name.c_str(), name.size()), &PQfreemem);
  if (quoted == nullptr)
    return InvalidArgument("bad_schema", TrimNewlines(PQerrorMessage(conn_.get())));
  return std::string(quoted.get());
}

}  // namespace regie::storage::postgres
