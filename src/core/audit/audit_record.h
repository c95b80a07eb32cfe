#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/access/access_model.h"
#include "core/date.h"

namespace regie::core {

// One entry of the append-only audit log: who did what to which personal
// data, when, why and with what outcome (AVG art. 30, BIO logging).
struct AuditRecord {
  int64_t seq = 0;  // 1, 2, 3, ... without gaps, assigned when appended
  Timestamp at;
  std::optional<int64_t> user_id;  // absent for failed logins of unknown users
  std::optional<int64_t> organisation_id;
  std::optional<int64_t> tenant_id;
  std::string action;         // "read", "create", "update", "export", "login", ...
  std::string resource_type;  // "household", "person", "session", "user", ...
  std::string resource_id;
  std::optional<int64_t> household_id;
  std::optional<int64_t> person_id;
  CategorySet categories;
  std::string purpose;  // the policy's reason, or the typed break-the-glass reason
  bool break_glass = false;
  std::string outcome;  // "allowed", "denied", "failed"
  std::string client_ip;
  std::string prev_hash;  // hex; empty for the first record
  std::string hash;       // hex BLAKE2b-256 over Content() and prev_hash
};

// The bytes the hash covers: every field but `hash`, in a fixed order, each
// length-prefixed, so no two different records share a content.
std::string AuditContent(const AuditRecord& record);

using Digest256 = std::array<uint8_t, 32>;
// A 256-bit keyless digest (BLAKE2b-256 in production; injected so core
// stays free of third-party code).
using DigestFn = std::function<Digest256(std::string_view)>;

// hex(digest(AuditContent(record))) with record.prev_hash inside the content.
std::string ChainHash(const DigestFn& digest, const AuditRecord& record);

// Walks the chain in seq order and reports the first record that is
// missing, altered or out of place.
class AuditChainVerifier {
 public:
  explicit AuditChainVerifier(DigestFn digest) : digest_(std::move(digest)) {}

  // Feeds the next record; false once the chain is broken (see problem()).
  bool Add(const AuditRecord& record);
  // Checks the stored head (last seq and hash) against what was walked, so
  // deleting the newest records is noticed too.
  bool Finish(int64_t head_seq, const std::string& head_hash);

  int64_t checked() const { return checked_; }
  // Empty while the chain is intact; otherwise e.g. "record 17 is missing".
  const std::string& problem() const { return problem_; }
  int64_t broken_seq() const { return broken_seq_; }

 private:
  bool Fail(int64_t seq, std::string problem);
  DigestFn digest_;
  int64_t checked_ = 0;
  int64_t last_seq_ = 0;
  std::string last_hash_;
  std::string problem_;
  int64_t broken_seq_ = 0;
};

}  // namespace regie::core
