// Store: opening, migrations, batch transactions and counts. Writing one article is in
// db/store_write.cc, reading back in db/store_read.cc.
#include "db/store.h"

#include <sqlite3.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <utility>

#include "db/sqlite_util.h"
#include "db/store_statements.h"
#include "extractor/embedded_data.h"

namespace claimex {
namespace {

constexpr int kBusyTimeoutMs = 5000;

// The schema version a migration brings: the leading digits of its name ("001_init.sql" -> 1).
int MigrationVersion(std::string_view name) {
  int v = 0;
  size_t i = 0;
  for (; i < name.size() && std::isdigit(static_cast<unsigned char>(name[i])); ++i) {
    v = v * 10 + (name[i] - '0');
  }
  return (i == 0 || i >= name.size() || name[i] != '_') ? -1 : v;
}

int LatestSchemaVersion() {
  int latest = 0;
  for (const EmbeddedFile& f : Embedded_migrations()) {
    latest = std::max(latest, MigrationVersion(f.name));
  }
  return latest;
}

Result<int> UserVersion(sqlite3* db) {
  auto st = Stmt::Prepare(db, "PRAGMA user_version");
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  return *row ? static_cast<int>(st->Int(0)) : 0;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const Options& options) {
  if (options.batch_articles < 1) {
    return Status::InvalidArgument("batch_articles must be at least 1");
  }
  std::error_code ec;
  if (options.read_only && !std::filesystem::exists(options.path, ec)) {
    return Status::NotFound("database not found: " + options.path);
  }
  std::unique_ptr<Store> store(new Store(options));
  // One thread at a time uses a Store, so SQLite's own connection mutex is not needed.
  int flags =
      SQLITE_OPEN_NOMUTEX |
      (options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  // Before SQLite initializes (the first open): no memory statistics, so that an allocation
  // takes no global mutex (~2% of an ingest's writer thread). Refused harmlessly (SQLITE_MISUSE)
  // when SQLite is already initialized.
  static const int kConfigured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)kConfigured;
  int rc = sqlite3_open_v2(options.path.c_str(), &store->db_, flags, nullptr);
  if (rc != SQLITE_OK) return SqliteError(store->db_, rc, "open " + options.path);
  sqlite3_extended_result_codes(store->db_, 1);
  sqlite3_busy_timeout(store->db_, kBusyTimeoutMs);

  sqlite3* db = store->db_;
  const std::string where = options.path + ": ";
  auto with_path = [&](const Status& s) { return Status(s.code(), where + s.message()); };
  if (!options.read_only) {
    // Checkpoint every ~40 MB of WAL rather than every 4 MB: a page rewritten by several batches
    // is copied into the database once. Temporary storage (statement journals) in memory, not
    // in temporary files written a page per system call.
    Status s = ExecSql(
        db,
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=10000; "
        "PRAGMA temp_store=MEMORY;");
    if (!s.ok()) return with_path(s);
  }
  // A 64 MiB page cache keeps the hot index pages of a large ingest in memory. The writer checks
  // no foreign keys: every row it writes refers to rows of the same article that it has just
  // written (Validate checks the extraction's indexes first), and checking them cost ~6% of an
  // ingest; replacing an article deletes its rows explicitly (store_write.cc) instead of by
  // ON DELETE CASCADE. Read-only connections keep SQLite's default.
  Status s = ExecSql(db, options.read_only ? "PRAGMA cache_size=-65536;"
                                           : "PRAGMA foreign_keys=OFF; PRAGMA cache_size=-65536;");
  if (!s.ok()) return with_path(s);

  if (options.read_only) {
    Result<int> v = UserVersion(db);
    if (!v.ok()) return with_path(v.status());
    const int latest = LatestSchemaVersion();
    if (*v == 0)
      return Status::InvalidArgument(where + "not a claimex database (schema version 0)");
    if (*v != latest) {
      return Status::InvalidArgument(where + "schema version " + std::to_string(*v) +
                                     " but this claimex reads version " + std::to_string(latest) +
                                     (*v < latest ? "; open it once for writing to migrate" : ""));
    }
    return store;
  }
  s = store->Migrate();
  if (!s.ok()) return with_path(s);
  auto stmts = Statements::Prepare(db);
  if (!stmts.ok()) return with_path(stmts.status());
  store->stmts_ = std::move(stmts.value());
  Result<int64_t> version = store->stmts_->DataVersion();
  if (!version.ok()) return with_path(version.status());
  store->stmts_->data_version = *version;
  return store;
}

Store::Store(const Options& options) : options_(options) {}

double Store::ThreadCpu() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

Status Store::Migrate() {
  Result<int> current = UserVersion(db_);
  if (!current.ok()) return current.status();
  const int latest = LatestSchemaVersion();
  if (*current > latest) {
    return Status::InvalidArgument("schema version " + std::to_string(*current) +
                                   " is newer than this claimex knows (" + std::to_string(latest) +
                                   ")");
  }
  if (*current == latest) return Status::Ok();
  // Every pending migration in one transaction: a reader never sees a half-migrated database
  // (an ingest killed between two migrations left one that read-only opens refused).
  CLAIMEX_RETURN_IF_ERROR(ExecSql(db_, "BEGIN IMMEDIATE"));
  // Another process may have migrated while we waited for the write lock.
  Result<int> now = UserVersion(db_);
  if (!now.ok()) {
    ExecSql(db_, "ROLLBACK");
    return now.status();
  }
  int last = 0;
  for (const EmbeddedFile& f : Embedded_migrations()) {  // sorted by name
    const int v = MigrationVersion(f.name);
    Status s;
    if (v <= last) {
      s = Status::Internal("name must be NNN_name.sql with NNN rising from 001");
    } else if (v > *now) {
      s = ExecSql(db_, f.content);
      // PRAGMA takes no parameters; v is a number we parsed from our own file name.
      if (s.ok()) s = ExecSql(db_, "PRAGMA user_version = " + std::to_string(v));
    }
    last = v;
    if (!s.ok()) {
      ExecSql(db_, "ROLLBACK");
      return Status(s.code(), "migration " + std::string(f.name) + ": " + s.message());
    }
  }
  Status s = ExecSql(db_, "COMMIT");
  if (!s.ok()) ExecSql(db_, "ROLLBACK");
  return s;
}

Store::~Store() {
  if (db_ == nullptr) return;
  if (in_txn_ && !Commit().ok() && !sqlite3_get_autocommit(db_)) ExecSql(db_, "ROLLBACK");
  const char* stats = std::getenv("CLAIMEX_LINK_STATS");
  if (stats != nullptr && *stats != '\0' && puts_ > 0) {
    std::fprintf(stderr,
                 "claimex: store: %lld articles, %.3f s CPU in Put and commits (%.1f us/article)\n",
                 static_cast<long long>(puts_), cpu_, 1e6 * cpu_ / static_cast<double>(puts_));
  }
  // Lets SQLite refresh its planner statistics after a write session (cheap, usually a no-op).
  // analysis_limit keeps it cheap on a large database (a full ANALYZE would read every table).
  if (!options_.read_only) ExecSql(db_, "PRAGMA analysis_limit=400; PRAGMA optimize;");
  stmts_.reset();  // finalize statements before closing
  sqlite3_close_v2(db_);
}

Status Store::Begin() {
  if (in_txn_) return Status::Ok();
  CLAIMEX_RETURN_IF_ERROR(ExecSql(db_, "BEGIN IMMEDIATE"));
  in_txn_ = true;
  pending_ = 0;
  stmts_->n_written = 0;
  // Another connection wrote since our last transaction: what the linker keeps in memory
  // (word counts, capped keys, cached statements) is read again.
  Result<int64_t> version = stmts_->DataVersion();
  Status s = version.ok() ? Status::Ok() : version.status();
  if (s.ok() && *version != stmts_->data_version) {
    stmts_->data_version = *version;
    s = stmts_->linker.Reload();
  }
  if (!s.ok()) {
    ExecSql(db_, "ROLLBACK");
    in_txn_ = false;
  }
  return s;
}

Status Store::Commit() {
  if (!in_txn_) return Status::Ok();
  const double start = ThreadCpu();
  Status s = CommitBatch();
  cpu_ += ThreadCpu() - start;
  return s;
}

Status Store::CommitBatch() {
  // The batch's sentences into the full-text index and the linker's word counts, in the same
  // transaction: a batch is committed whole or not at all.
  CLAIMEX_RETURN_IF_ERROR(stmts_->IndexPending());
  CLAIMEX_RETURN_IF_ERROR(stmts_->linker.Flush());
  Status s = ExecSql(db_, "COMMIT");
  // A failed COMMIT (e.g. SQLITE_BUSY) leaves the transaction open; retrying later may work.
  if (!s.ok() && !sqlite3_get_autocommit(db_)) return s;
  in_txn_ = false;
  pending_ = 0;
  stmts_->n_written = 0;
  return s;
}

int Store::SchemaVersion() const {
  Result<int> v = UserVersion(db_);
  return v.ok() ? *v : -1;
}

Result<int64_t> Store::Count(const std::string& table) const {
  // Only known tables; the SQL is a constant chosen by name, never built from the argument.
  static constexpr std::pair<std::string_view, const char*> kTables[] = {
      {"articles", "SELECT count(*) FROM articles"},
      {"sentences", "SELECT count(*) FROM sentences"},
      {"claims", "SELECT count(*) FROM claims"},
      {"times", "SELECT count(*) FROM times"},
      {"speakers", "SELECT count(*) FROM speakers"},
      {"speaker_aliases", "SELECT count(*) FROM speaker_aliases"},
      {"quotes", "SELECT count(*) FROM quotes"},
      {"links", "SELECT count(*) FROM links"},
  };
  for (const auto& [name, sql] : kTables) {
    if (name != table) continue;
    auto st = Stmt::Prepare(db_, sql);
    if (!st.ok()) return st.status();
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    return *row ? st->Int(0) : int64_t{0};
  }
  return Status::InvalidArgument("unknown table: " + table);
}

Status StoreSink::Put(const Article& article, const Extraction& extraction) {
  return Count(store_->Put(article, extraction), extraction);
}

Status StoreSink::Put(const Article& article, const Extraction& extraction,
                      std::string_view prepared) {
  return Count(store_->Put(article, extraction, prepared), extraction);
}

Status StoreSink::Count(Result<Store::PutOutcome> r, const Extraction& extraction) {
  if (!r.ok()) return r.status();
  switch (*r) {
    case Store::PutOutcome::kStored:
      ++stored;
      claims += static_cast<int64_t>(extraction.claims.size());
      break;
    case Store::PutOutcome::kReplaced:
      ++replaced;
      claims += static_cast<int64_t>(extraction.claims.size());
      break;
    case Store::PutOutcome::kUnchanged:
      ++unchanged;
      break;
  }
  return Status::Ok();
}

}  // namespace claimex
