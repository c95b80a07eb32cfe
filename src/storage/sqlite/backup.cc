#include "storage/sqlite/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "storage/sqlite/sqlite_handle.h"

namespace regie::storage::sqlite {
namespace {

StatusOr<DbPtr> OpenReadOnly(const std::string& path) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  DbPtr db(raw);
  if (rc != SQLITE_OK) return ErrorStatus(db.get(), rc, "open " + path);
  sqlite3_extended_result_codes(db.get(), 1);
  // A checkpoint or a writer's commit may hold a lock for a moment.
  sqlite3_busy_timeout(db.get(), 10'000);
  return db;
}

// The single text or integer of a one-row query, as text.
StatusOr<std::string> QueryOne(sqlite3* db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
  StmtPtr stmt(raw);
  if (rc != SQLITE_OK) return ErrorStatus(db, rc, "prepare");
  rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_ROW) return ErrorStatus(db, rc, sql);
  const unsigned char* text = sqlite3_column_text(stmt.get(), 0);
  return std::string(text == nullptr ? "" : reinterpret_cast<const char*>(text));
}

Status Check(const std::string& out_path, BackupInfo& info) {
  REGIE_ASSIGN_OR_RETURN(DbPtr copy, OpenReadOnly(out_path));
  REGIE_ASSIGN_OR_RETURN(std::string integrity, QueryOne(copy.get(), "PRAGMA integrity_check"));
  if (integrity != "ok")
    return Status(StatusCode::kInternal, "backup_corrupt", "integrity check: " + integrity);
  REGIE_ASSIGN_OR_RETURN(
      std::string version,
      QueryOne(copy.get(), "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  info.schema_version = std::stoll(version);
  return Status::Ok();
}

}  // namespace

Status CheckpointTruncate(const std::string& db_path) {
  REGIE_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, Connection::Open(db_path, 10'000));
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn->Prepare("PRAGMA wal_checkpoint(TRUNCATE)"));
  if (!s.Step()) {
    REGIE_RETURN_IF_ERROR(s.status());
    return Status(StatusCode::kInternal, "checkpoint_failed", "wal_checkpoint returned no row");
  }
  if (s.Int(0) != 0)
    return FailedPrecondition("checkpoint_busy",
                              "a reader holds an old snapshot; the log is emptied later");
  return Status::Ok();
}

StatusOr<BackupInfo> BackupTo(const std::string& db_path, const std::string& out_path) {
  struct stat st {};
  if (::stat(db_path.c_str(), &st) != 0)
    return NotFound("database_not_found", db_path + " does not exist");
  REGIE_ASSIGN_OR_RETURN(DbPtr db, OpenReadOnly(db_path));
  // Created empty first, exclusively and readable by the owner only (the
  // copy holds personal data); VACUUM INTO fills an empty file.
  const int fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST)
    return FailedPrecondition("backup_exists", out_path + " exists; choose a new file name");
  if (fd < 0)
    return Status(StatusCode::kInternal, "backup_failed",
                  "cannot create " + out_path + ": " + std::strerror(errno));
  ::close(fd);
  {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db.get(), "VACUUM INTO ?1", -1, &raw, nullptr);
    StmtPtr vacuum(raw);
    if (rc != SQLITE_OK) return ErrorStatus(db.get(), rc, "prepare backup");
    sqlite3_bind_text(vacuum.get(), 1, out_path.c_str(), -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(vacuum.get());
    if (rc != SQLITE_DONE) {
      Status failed = ErrorStatus(db.get(), rc, "backup to " + out_path);
      std::remove(out_path.c_str());  // a partial copy is no backup
      return failed;
    }
  }
  BackupInfo info;
  if (Status checked = Check(out_path, info); !checked.ok()) {
    std::remove(out_path.c_str());
    return checked;
  }
  if (::stat(out_path.c_str(), &st) == 0) info.bytes = static_cast<int64_t>(st.st_size);
  return info;
}

}  // namespace regie::storage::sqlite
