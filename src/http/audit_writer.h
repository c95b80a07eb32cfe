#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/audit/audit_record.h"
#include "core/status.h"
#include "ports/crypto.h"
#include "ports/database.h"

namespace regie::http {

// Appends audit records of reads with group commit. A read must be in the
// log before its response is sent, but a write transaction per read would
// serialise all reads on the database's single writer; instead each caller
// blocks in Append until the writer thread has committed a batch holding its
// record (one transaction for every record queued meanwhile). Records of
// writes do not come here: they are appended in the transaction of the
// change they describe (see AppendInTransaction).
class AuditWriter {
 public:
  AuditWriter(ports::Database& db, ports::Crypto& crypto);
  ~AuditWriter();  // stops after committing what was queued
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Blocks until the record is committed (or the batch failed: then the
  // caller must not send the data it was about to send).
  Status Append(core::AuditRecord record);

  // For writes: appends inside the caller's write transaction, so the change
  // and its record commit or roll back together.
  StatusOr<core::AuditRecord> AppendInTransaction(ports::Transaction& tx, core::AuditRecord record);

  // Runs `fn(tx)` on the writer thread in a write transaction of its own,
  // without waiting (session bookkeeping that must not slow a read down).
  // Failures are logged.
  void Defer(std::function<Status(ports::Transaction&)> fn);

 private:
  struct Pending;
  void Run();

  ports::Database& db_;
  ports::Crypto& crypto_;
  core::DigestFn digest_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Pending>> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace regie::http
