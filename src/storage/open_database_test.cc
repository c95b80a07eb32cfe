#include "storage/open_database.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

namespace regie::storage {
namespace {

TEST(ParseDatabaseUrl, SqliteForms) {
  auto prefixed = ParseDatabaseUrl("sqlite:data/regie.db");
  ASSERT_TRUE(prefixed.ok()) << prefixed.status().ToString();
  EXPECT_EQ(prefixed->backend, Backend::kSqlite);
  EXPECT_EQ(prefixed->location, "data/regie.db");
  // Any file name is fine after the prefix.
  EXPECT_EQ(ParseDatabaseUrl("sqlite:/var/lib/regie/main")->location, "/var/lib/regie/main");
  auto bare = ParseDatabaseUrl("/tmp/some dir/regie.db");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->backend, Backend::kSqlite);
  EXPECT_EQ(bare->location, "/tmp/some dir/regie.db");
}

TEST(ParseDatabaseUrl, PostgresKeepsTheWholeUrl) {
  for (std::string url : {"postgresql://regie:secret@db.example:5432/regie?sslmode=require",
                          "postgres://localhost/regie"}) {
    auto target = ParseDatabaseUrl(url);
    ASSERT_TRUE(target.ok()) << url;
    EXPECT_EQ(target->backend, Backend::kPostgres);
    EXPECT_EQ(target->location, url);
  }
}

TEST(ParseDatabaseUrl, RefusesEverythingElse) {
  for (std::string url :
       {"", "sqlite:", "mysql://localhost/regie", "postgress://host/db", "http://example/regie.db",
        "regie.db.bak", ".db", "data/regie", "POSTGRESQL://host/db"}) {
    auto target = ParseDatabaseUrl(url);
    EXPECT_EQ(target.status().code(), StatusCode::kInvalidArgument) << url;
    EXPECT_EQ(target.status().reason(), "bad_database_url") << url;
  }
}

TEST(ParseDatabaseUrl, MessageDoesNotEchoThePassword) {
  auto target = ParseDatabaseUrl("mysql://regie:hunter2@host/db");
  EXPECT_EQ(target.status().message().find("hunter2"), std::string::npos);
}

TEST(OpenDatabase, OpensAndMigratesSqlite) {
  auto path = std::filesystem::temp_directory_path() /
              ("regie_open_" + std::to_string(std::random_device{}()) + ".db");
  {
    auto db = OpenDatabase("sqlite:" + path.string(), 2);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    EXPECT_EQ((*db)->Backend(), "sqlite");
    ASSERT_TRUE((*db)->Migrate().ok());
    EXPECT_GE(*(*db)->SchemaVersion(), 1);
  }
  std::error_code ec;
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext, ec);
}

TEST(OpenDatabase, RefusesBadUrlsAndPoolSizes) {
  EXPECT_EQ(OpenDatabase("redis://localhost").status().reason(), "bad_database_url");
  // A URL libpq cannot parse is bad input, not an unreachable server.
  EXPECT_EQ(OpenDatabase("postgresql://localhost/regie?no_such_option=1").status().reason(),
            "bad_database_url");
  EXPECT_EQ(OpenDatabase("postgresql://localhost/regie", 0).status().reason(), "bad_pool_size");
}

TEST(OpenDatabase, UnreachablePostgresIsUnavailable) {
  // Port 1 on loopback refuses at once; Open connects eagerly to fail fast.
  auto db = OpenDatabase("postgresql://postgres@127.0.0.1:1/regie?connect_timeout=3");
  EXPECT_EQ(db.status().code(), StatusCode::kUnavailable) << db.status().ToString();
}

}  // namespace
}  // namespace regie::storage
