#include "app/commands.h"

#include <gtest/gtest.h>

namespace regie::app {
namespace {

TEST(ParseListenTest, AcceptsHostAndPort) {
  std::string host;
  uint16_t port = 0;
  ASSERT_TRUE(ParseListen("127.0.0.1:8080", host, port));
  EXPECT_EQ(host, "127.0.0.1");
  EXPECT_EQ(port, 8080);
  ASSERT_TRUE(ParseListen("[::1]:0", host, port));
  EXPECT_EQ(host, "::1");
  EXPECT_EQ(port, 0);
  ASSERT_TRUE(ParseListen("localhost:65535", host, port));
  EXPECT_EQ(port, 65535);
}

TEST(ParseListenTest, RefusesMalformed) {
  std::string host;
  uint16_t port = 0;
  for (const char* bad : {"", "8080", ":8080", "host:", "host:65536", "host:-1", "host:80a",
                          "[::1:80", "[]:80", "host:123456"})
    EXPECT_FALSE(ParseListen(bad, host, port)) << bad;
}

}  // namespace
}  // namespace regie::app
