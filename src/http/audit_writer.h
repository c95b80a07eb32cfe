#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/audit/audit_record.h"
#include "core/status.h"
#include "ports/crypto.h"
#include "ports/database.h"

namespace regie::http {

// One read's audit record on its way into the log. The response it belongs
// to is held back until OnCommitted fires with OK; on failure the response
// is replaced by a 503 and its data never leaves the server.
class AuditTicket {
 public:
  // Runs `fn` once the record's batch committed or failed; at once (on the
  // calling thread) when that already happened, else on the writer thread.
  void OnCommitted(std::function<void(const Status&)> fn);

 private:
  friend class AuditWriter;
  void Complete(const Status& status);
  std::mutex mu_;
  bool done_ = false;
  Status status_;
  std::function<void(const Status&)> callback_;
};

// Appends audit records of reads with group commit. A read must be in the
// log before its response is sent, but a write transaction per read would
// serialise every read on the database's single writer and throw away the
// readers' page caches at each commit. Instead records are queued and one
// writer thread commits everything queued meanwhile in one transaction;
// the I/O threads are not blocked: the server sends each response when its
// ticket completes. Records of writes do not come here: they are appended in
// the transaction of the change they describe (AppendInTransaction).
class AuditWriter {
 public:
  AuditWriter(ports::Database& db, ports::Crypto& crypto);
  ~AuditWriter();  // stops after committing what was queued
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Queues a read's record; the handler puts the ticket on its response.
  std::shared_ptr<AuditTicket> Enqueue(core::AuditRecord record);

  // Queues and blocks until committed: for records of refused requests,
  // which are rare, and for tools.
  Status Append(core::AuditRecord record);

  // For writes: appends inside the caller's write transaction, so the change
  // and its record commit or roll back together.
  StatusOr<core::AuditRecord> AppendInTransaction(ports::Transaction& tx, core::AuditRecord record);

  // Runs `fn(tx)` on the writer thread in the next batch's transaction,
  // without waiting (session bookkeeping that must not slow a read down).
  // `fn` must not fail on bad data (PostgreSQL aborts a transaction on any
  // failed statement); failures are logged. It runs before the batch's
  // records are appended (rows locked before the audit head, as requests do).
  void Defer(std::function<Status(ports::Transaction&)> fn);

 private:
  struct Pending {
    std::optional<core::AuditRecord> record;
    std::function<Status(ports::Transaction&)> deferred;
    std::shared_ptr<AuditTicket> ticket;
  };
  void Run();
  Status CommitBatch(std::vector<Pending>& batch);

  ports::Database& db_;
  ports::Crypto& crypto_;
  core::DigestFn digest_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace regie::http
