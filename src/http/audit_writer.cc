#include "http/audit_writer.h"

#include <spdlog/spdlog.h>

#include <future>
#include <optional>

namespace regie::http {

namespace {
constexpr size_t kMaxBatch = 1024;
}  // namespace

void AuditTicket::OnCommitted(std::function<void(const Status&)> fn) {
  std::unique_lock lock(mu_);
  if (!done_) {
    callback_ = std::move(fn);
    return;
  }
  const Status status = status_;
  lock.unlock();
  fn(status);
}

void AuditTicket::Complete(const Status& status) {
  std::function<void(const Status&)> fn;
  {
    std::lock_guard lock(mu_);
    done_ = true;
    status_ = status;
    fn = std::move(callback_);
  }
  if (fn) fn(status);
}

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

std::shared_ptr<AuditTicket> AuditWriter::Enqueue(core::AuditRecord record) {
  auto ticket = std::make_shared<AuditTicket>();
  {
    std::lock_guard lock(mu_);
    if (!stopping_) {
      queue_.push_back({std::move(record), {}, ticket});
      wake_.notify_one();
      return ticket;
    }
  }
  ticket->Complete(Unavailable("audit writer is stopping"));
  return ticket;
}

Status AuditWriter::Append(core::AuditRecord record) {
  std::promise<Status> done;
  std::future<Status> result = done.get_future();
  Enqueue(std::move(record))->OnCommitted([&done](const Status& s) { done.set_value(s); });
  return result.get();
}

void AuditWriter::Defer(std::function<Status(ports::Transaction&)> fn) {
  std::lock_guard lock(mu_);
  if (stopping_) return;
  queue_.push_back({std::nullopt, std::move(fn), nullptr});
  wake_.notify_one();
}

StatusOr<core::AuditRecord> AuditWriter::AppendInTransaction(ports::Transaction& tx,
                                                             core::AuditRecord record) {
  return tx.Audit().Append(std::move(record), digest_);
}

Status AuditWriter::CommitBatch(std::vector<Pending>& batch) {
  REGIE_ASSIGN_OR_RETURN(auto tx, db_.Begin(ports::TxMode::kWrite));
  // Bookkeeping (session rows) first, then all records in one run (the head
  // is read and moved once). Row locks before the audit head, as every
  // request transaction takes them (a logout revokes its session, then
  // appends its record): the opposite order could deadlock on PostgreSQL.
  std::vector<core::AuditRecord> run;
  run.reserve(batch.size());
  for (Pending& p : batch) {
    if (p.record) {
      run.push_back(std::move(*p.record));
      continue;
    }
    // Bookkeeping must not cost the batch its audit records.
    Status s = p.deferred(*tx);
    if (!s.ok()) spdlog::warn("event=deferred_write_failed error=\"{}\"", s.ToString());
  }
  REGIE_RETURN_IF_ERROR(tx->Audit().AppendMany(run, digest_));
  return tx->Commit();
}

void AuditWriter::Run() {
  std::unique_lock lock(mu_);
  while (true) {
    wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, nothing left
    std::vector<Pending> batch;
    while (!queue_.empty() && batch.size() < kMaxBatch) {
      batch.push_back(std::move(queue_.front()));
      queue_.pop_front();
    }
    lock.unlock();
    const Status status = CommitBatch(batch);
    if (!status.ok()) spdlog::error("event=audit_batch_failed error=\"{}\"", status.ToString());
    for (Pending& p : batch)
      if (p.ticket) p.ticket->Complete(status);
    lock.lock();
  }
}

}  // namespace regie::http
