// The SQLite backup (`regie backup`): a consistent, checked copy taken while
// the database is in use, which never overwrites a file and leaves nothing
// behind when it fails.
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "storage/sqlite/backup.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/sqlite_database.h"

namespace regie::testing {
namespace {

namespace fs = std::filesystem;

class SqliteBackup : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("regie-backup-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = Open(Path("regie.db"));
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  static std::unique_ptr<ports::Database> Open(const std::string& path) {
    auto db = storage::sqlite::Open({.path = path, .pool_size = 2});
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    if (!db.ok()) return nullptr;
    EXPECT_TRUE((*db)->Migrate().ok());
    return std::move(db).value();
  }

  int64_t AddTenant(ports::Database& db, const std::string& code) {
    auto tx = db.Begin(ports::TxMode::kWrite);
    EXPECT_TRUE(tx.ok());
    auto t = (*tx)->Tenants().Create({code, "Gemeente " + code});
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    EXPECT_TRUE((*tx)->Commit().ok());
    return t->id;
  }

  fs::path dir_;
  std::unique_ptr<ports::Database> db_;
};

TEST_F(SqliteBackup, CopiesTheCommittedStateWhileAWriterIsBusy) {
  AddTenant(*db_, "GM0148");
  // A write transaction still open: the backup reads the last committed
  // snapshot and does not wait for it.
  auto busy = db_->Begin(ports::TxMode::kWrite);
  ASSERT_TRUE(busy.ok());
  ASSERT_TRUE((*busy)->Tenants().Create({"GM0523", "Onaf"}).ok());

  auto info = storage::sqlite::BackupTo(Path("regie.db"), Path("copy.db"));
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->schema_version, storage::sqlite::Migrations().back().version);
  EXPECT_EQ(static_cast<uintmax_t>(info->bytes), fs::file_size(Path("copy.db")));
  ASSERT_TRUE((*busy)->Commit().ok());

  // The copy is a complete database on its own (no -wal next to it).
  EXPECT_FALSE(fs::exists(Path("copy.db-wal")));
  // Personal data: readable by the operator only.
  EXPECT_EQ(fs::status(Path("copy.db")).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  auto copy = Open(Path("copy.db"));
  ASSERT_TRUE(copy);
  auto tx = copy->Begin(ports::TxMode::kRead);
  ASSERT_TRUE(tx.ok());
  EXPECT_TRUE((*tx)->Tenants().GetByCode("GM0148").ok());
  EXPECT_EQ((*tx)->Tenants().GetByCode("GM0523").status().code(), StatusCode::kNotFound);
}

TEST_F(SqliteBackup, NeverOverwritesAndLeavesNothingWhenItCannotWrite) {
  { std::ofstream(Path("earlier.db")) << "an earlier backup"; }
  auto exists = storage::sqlite::BackupTo(Path("regie.db"), Path("earlier.db"));
  EXPECT_EQ(exists.status().reason(), "backup_exists");
  std::ifstream earlier(Path("earlier.db"));
  std::string kept((std::istreambuf_iterator<char>(earlier)), std::istreambuf_iterator<char>());
  EXPECT_EQ(kept, "an earlier backup");

  EXPECT_EQ(storage::sqlite::BackupTo(Path("missing.db"), Path("x.db")).status().reason(),
            "database_not_found");
  EXPECT_FALSE(fs::exists(Path("missing.db")));  // not created by the attempt
  EXPECT_FALSE(storage::sqlite::BackupTo(Path("regie.db"), Path("no-such-dir/copy.db")).ok());
  EXPECT_FALSE(fs::exists(Path("no-such-dir/copy.db")));
}

}  // namespace
}  // namespace regie::testing
