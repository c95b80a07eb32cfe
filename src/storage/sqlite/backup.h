#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"

namespace regie::storage::sqlite {

// What a backup wrote: its size and the schema version it holds.
struct BackupInfo {
  int64_t bytes = 0;
  int64_t schema_version = 0;
};

// Writes a consistent copy of the database at `db_path` to `out_path` while
// the server may go on serving it: `VACUUM INTO` reads one snapshot (a WAL
// reader, so it neither blocks writers nor sees their uncommitted work) and
// writes a compact, self-contained file without -wal or -shm. The copy is
// then opened and checked (`PRAGMA integrity_check`) before it is reported.
// Refuses (FailedPrecondition "backup_exists") to overwrite `out_path`: a
// backup never replaces another one by accident. The copy is created with
// mode 0600 (it holds personal data); one that fails is removed.
StatusOr<BackupInfo> BackupTo(const std::string& db_path, const std::string& out_path);

// Copies every committed page from the write-ahead log into the database
// file and empties the log (`wal_checkpoint(TRUNCATE)`), so content deleted
// since (overwritten in the pages: PRAGMA secure_delete) is no longer in the
// log either. For `regie erase`. Waits up to 10 s for readers; when one still
// holds an old snapshot, FailedPrecondition "checkpoint_busy": the log is
// emptied at a later checkpoint instead.
Status CheckpointTruncate(const std::string& db_path);

}  // namespace regie::storage::sqlite
