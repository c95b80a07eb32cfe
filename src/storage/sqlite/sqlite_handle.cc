#include "storage/sqlite/sqlite_handle.h"

namespace regie::storage::sqlite {

Status ErrorStatus(sqlite3* db, int rc, std::string_view what) {
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  // Extended result codes are on for every connection, so `rc` tells which
  // constraint failed.
  int primary = rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return Unavailable(msg);
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    return Conflict("duplicate", msg);
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) return InvalidArgument("validation_failed", msg);
  // NOT NULL and CHECK failures mean a bug here, not bad input: core
  // validated the data before it reached storage.
  return Internal(msg);
}

Stmt& Stmt::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

Stmt& Stmt::Bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::Bind(int i, const std::optional<std::string>& v) {
  return v ? Bind(i, std::string_view(*v)) : BindNull(i);
}

Stmt& Stmt::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Stmt::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = ErrorStatus(db_, rc, "step");
  return false;
}

Status Stmt::Exec() {
  while (Step()) {
  }
  return status_;
}

std::string Stmt::Text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::optional<std::string> Stmt::OptText(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Text(col);
}

StatusOr<std::unique_ptr<Connection>> Connection::Open(const std::string& path,
                                                       int busy_timeout_ms) {
  sqlite3* raw = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  DbPtr db(raw);  // owns the handle even when opening failed
  if (rc != SQLITE_OK) return ErrorStatus(db.get(), rc, "open " + path);
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_busy_timeout(db.get(), busy_timeout_ms);
  auto conn = std::make_unique<Connection>(Connection::Key{}, std::move(db));
  // Every read request also commits an audit record, and a commit makes the
  // other connections drop their page caches; reading through a shared
  // memory map instead of pread keeps those reloads cheap.
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL",
        // Deleted content is overwritten, not left in free pages: erasure at
        // the end of the retention period (and any delete) leaves no
        // readable personal data in the file.
        "PRAGMA secure_delete=ON", "PRAGMA temp_store=MEMORY", "PRAGMA mmap_size=1073741824"}) {
    REGIE_RETURN_IF_ERROR(conn->Exec(pragma));
  }
  return conn;
}

StatusOr<Stmt> Connection::Prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    StmtPtr stmt(raw);
    if (rc != SQLITE_OK) return ErrorStatus(db_.get(), rc, "prepare");
    it = cache_.emplace(std::string(sql), std::move(stmt)).first;
  }
  return Stmt(db_.get(), it->second.get());
}

Status Connection::Run(std::string_view sql) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, Prepare(sql));
  return s.Exec();
}

Status Connection::Exec(const char* sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_.get(), sql, nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return ErrorStatus(nullptr, rc, msg);
  }
  return Status::Ok();
}

}  // namespace regie::storage::sqlite
