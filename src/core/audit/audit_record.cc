#include "core/audit/audit_record.h"

namespace regie::core {
namespace {

void Put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}

void Put(std::string& out, const std::optional<int64_t>& v) {
  Put(out, v ? std::to_string(*v) : std::string("-"));
}

std::string Hex(const Digest256& d) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (uint8_t b : d) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xF]);
  }
  return out;
}

}  // namespace

std::string AuditContent(const AuditRecord& r) {
  std::string out = "regie-audit-v1;";
  Put(out, std::to_string(r.seq));
  Put(out, std::to_string(r.at.micros));
  Put(out, r.user_id);
  Put(out, r.organisation_id);
  Put(out, r.tenant_id);
  Put(out, r.action);
  Put(out, r.resource_type);
  Put(out, r.resource_id);
  Put(out, r.household_id);
  Put(out, r.person_id);
  Put(out, r.categories.ToString());
  Put(out, r.purpose);
  Put(out, r.break_glass ? "1" : "0");
  Put(out, r.outcome);
  Put(out, r.client_ip);
  Put(out, r.prev_hash);
  return out;
}

std::string ChainHash(const DigestFn& digest, const AuditRecord& record) {
  return Hex(digest(AuditContent(record)));
}

bool AuditChainVerifier::Fail(int64_t seq, std::string problem) {
  if (problem_.empty()) {
    problem_ = std::move(problem);
    broken_seq_ = seq;
  }
  return false;
}

bool AuditChainVerifier::Add(const AuditRecord& r) {
  if (!problem_.empty()) return false;
  const int64_t expected = last_seq_ + 1;
  if (r.seq != expected) {
    return Fail(expected, r.seq > expected
                              ? "record " + std::to_string(expected) + " is missing"
                              : "record " + std::to_string(r.seq) + " is out of order");
  }
  if (r.prev_hash != last_hash_)
    return Fail(r.seq, "record " + std::to_string(r.seq) + " does not follow record " +
                           std::to_string(last_seq_));
  if (ChainHash(digest_, r) != r.hash)
    return Fail(r.seq, "record " + std::to_string(r.seq) + " was altered");
  last_seq_ = r.seq;
  last_hash_ = r.hash;
  ++checked_;
  return true;
}

bool AuditChainVerifier::Finish(int64_t head_seq, const std::string& head_hash) {
  if (!problem_.empty()) return false;
  if (head_seq > last_seq_)
    return Fail(last_seq_ + 1, "record " + std::to_string(last_seq_ + 1) + " is missing");
  if (head_seq != last_seq_ || head_hash != last_hash_)
    return Fail(last_seq_, "the chain head does not match record " + std::to_string(last_seq_));
  return true;
}

}  // namespace regie::core
