#include "core/audit/audit_record.h"

#include <gtest/gtest.h>

#include "core/auth/sha1.h"

namespace regie::core {
namespace {

// A stand-in digest for the chain logic (production uses BLAKE2b-256): the
// verifier must work with whatever digest it is given.
Digest256 TestDigest(std::string_view data) {
  Sha1Digest h = Sha1({reinterpret_cast<const uint8_t*>(data.data()), data.size()});  // NOLINT
  Digest256 out{};
  std::copy(h.begin(), h.end(), out.begin());
  return out;
}

std::vector<AuditRecord> Chain(int n) {
  std::vector<AuditRecord> out;
  std::string prev;
  for (int i = 1; i <= n; ++i) {
    AuditRecord r;
    r.seq = i;
    r.at = Timestamp{i * 1000};
    r.user_id = 7;
    r.action = "read";
    r.resource_type = "household";
    r.resource_id = std::to_string(i);
    r.categories = {DataCategory::kBasis};
    r.outcome = "allowed";
    r.prev_hash = prev;
    r.hash = ChainHash(TestDigest, r);
    prev = r.hash;
    out.push_back(r);
  }
  return out;
}

bool Verify(const std::vector<AuditRecord>& records, int64_t head_seq, const std::string& head,
            std::string* problem = nullptr) {
  AuditChainVerifier v(TestDigest);
  for (const AuditRecord& r : records)
    if (!v.Add(r)) break;
  bool ok = v.Finish(head_seq, head);
  if (problem) *problem = v.problem();
  return ok;
}

TEST(AuditChainTest, IntactChainVerifies) {
  auto c = Chain(5);
  EXPECT_TRUE(Verify(c, 5, c.back().hash));
  EXPECT_TRUE(Verify({}, 0, ""));
}

TEST(AuditChainTest, DetectsAlteredMissingAndTruncatedRecords) {
  std::string problem;
  auto altered = Chain(5);
  altered[2].purpose = "anders";
  EXPECT_FALSE(Verify(altered, 5, altered.back().hash, &problem));
  EXPECT_EQ(problem, "record 3 was altered");

  auto missing = Chain(5);
  missing.erase(missing.begin() + 1);
  EXPECT_FALSE(Verify(missing, 5, missing.back().hash, &problem));
  EXPECT_EQ(problem, "record 2 is missing");

  auto truncated = Chain(5);
  std::string head = truncated.back().hash;
  truncated.pop_back();
  EXPECT_FALSE(Verify(truncated, 5, head, &problem));
  EXPECT_EQ(problem, "record 5 is missing");

  // Re-hashing an altered record does not help: the next one no longer follows.
  auto rehashed = Chain(5);
  rehashed[1].outcome = "denied";
  rehashed[1].hash = ChainHash(TestDigest, rehashed[1]);
  EXPECT_FALSE(Verify(rehashed, 5, rehashed.back().hash, &problem));
  EXPECT_EQ(problem, "record 3 does not follow record 2");
}

TEST(AuditChainTest, ContentIsUnambiguous) {
  AuditRecord a, b;
  a.action = "ab";
  a.resource_type = "c";
  b.action = "a";
  b.resource_type = "bc";
  EXPECT_NE(AuditContent(a), AuditContent(b));
}

}  // namespace
}  // namespace regie::core
