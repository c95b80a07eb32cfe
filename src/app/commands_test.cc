#include "app/commands.h"

#include <gtest/gtest.h>

#include <filesystem>

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

TEST(BackupCommandTest, CopiesASqliteDatabaseAndPointsPostgresqlToPgDump) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "regie-backup-command-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = "sqlite:" + (dir / "regie.db").string();
  ASSERT_EQ(RunMigrate(db), 0);
  EXPECT_EQ(RunBackup(db, (dir / "copy.db").string()), 0);
  EXPECT_GT(fs::file_size(dir / "copy.db"), 0U);
  EXPECT_EQ(RunAuditVerify("sqlite:" + (dir / "copy.db").string()), 0);
  EXPECT_EQ(RunBackup(db, (dir / "copy.db").string()), 1);  // never over a file
  EXPECT_EQ(RunBackup("postgresql://localhost/regie", (dir / "pg.db").string()), 2);
  EXPECT_FALSE(fs::exists(dir / "pg.db"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace regie::app
