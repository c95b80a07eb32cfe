#include "core/status.h"

#include <gtest/gtest.h>

namespace regie {
namespace {

StatusOr<int> Half(int n) {
  if (n % 2 != 0) return InvalidArgument("odd", "cannot halve an odd number");
  return n / 2;
}

StatusOr<int> Quarter(int n) {
  REGIE_ASSIGN_OR_RETURN(int half, Half(n));
  REGIE_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

TEST(StatusTest, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, CarriesReasonAndFieldErrors) {
  Status s = InvalidArgument("validation_failed", "bad", {{"bsn", "bsn_invalid"}});
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.reason(), "validation_failed");
  ASSERT_EQ(s.field_errors().size(), 1u);
  EXPECT_EQ(s.field_errors()[0].field, "bsn");
  EXPECT_NE(s.ToString().find("bsn_invalid"), std::string::npos);
}

TEST(StatusTest, AssignOrReturnPropagates) {
  EXPECT_EQ(*Quarter(8), 2);
  auto r = Quarter(6);  // 6 -> 3 -> odd
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "odd");
}

}  // namespace
}  // namespace regie
