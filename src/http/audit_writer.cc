#include "http/audit_writer.h"

#include <spdlog/spdlog.h>

#include <functional>
#include <optional>

namespace regie::http {

namespace {
constexpr size_t kMaxBatch = 512;
}  // namespace

struct AuditWriter::Pending {
  std::optional<core::AuditRecord> record;              // a read to log, or
  std::function<Status(ports::Transaction&)> deferred;  // deferred bookkeeping
  bool done = false;
  Status status;
};

AuditWriter::AuditWriter(ports::Database& db, ports::Crypto& crypto)
    : db_(db),
      crypto_(crypto),
      digest_([this](std::string_view data) { return crypto_.Digest(data); }),
      thread_([this] { Run(); }) {}

AuditWriter::~AuditWriter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

Status AuditWriter::Append(core::AuditRecord record) {
  auto pending = std::make_shared<Pending>();
  pending->record = std::move(record);
  std::unique_lock lock(mu_);
  if (stopping_) return Unavailable("audit writer is stopping");
  queue_.push_back(pending);
  wake_.notify_all();
  wake_.wait(lock, [&] { return pending->done; });
  return pending->status;
}

void AuditWriter::Defer(std::function<Status(ports::Transaction&)> fn) {
  auto pending = std::make_shared<Pending>();
  pending->deferred = std::move(fn);
  std::lock_guard lock(mu_);
  if (stopping_) return;
  queue_.push_back(std::move(pending));
  wake_.notify_all();
}

StatusOr<core::AuditRecord> AuditWriter::AppendInTransaction(ports::Transaction& tx,
                                                             core::AuditRecord record) {
  return tx.Audit().Append(std::move(record), digest_);
}

void AuditWriter::Run() {
  std::unique_lock lock(mu_);
  while (true) {
    wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, nothing left
    std::vector<std::shared_ptr<Pending>> batch;
    while (!queue_.empty() && batch.size() < kMaxBatch) {
      batch.push_back(std::move(queue_.front()));
      queue_.pop_front();
    }
    lock.unlock();

    Status status;
    auto tx = db_.Begin(ports::TxMode::kWrite);
    if (!tx.ok()) status = tx.status();
    for (size_t i = 0; status.ok() && i < batch.size(); ++i) {
      Pending& p = *batch[i];
      if (p.record) {
        status = (*tx)->Audit().Append(*p.record, digest_).status();
      } else {
        // Bookkeeping failures must not lose the batch's audit records: a
        // failed deferred step is logged and skipped. PostgreSQL aborts the
        // transaction on a failed statement, so these steps only run checks
        // that cannot fail on bad data (updates by key).
        Status s = p.deferred(**tx);
        if (!s.ok()) spdlog::warn("event=deferred_write_failed error=\"{}\"", s.ToString());
      }
    }
    if (status.ok()) status = (*tx)->Commit();
    if (!status.ok()) spdlog::error("event=audit_batch_failed error=\"{}\"", status.ToString());

    lock.lock();
    for (auto& p : batch) {
      p->done = true;
      p->status = status;
    }
    wake_.notify_all();
  }
}

}  // namespace regie::http
