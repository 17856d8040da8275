// claimex's SQLite store: articles, sentences, claims, times, quotes, speakers and links.
// Schema: db/migrations/NNN_*.sql, applied in order and tracked by PRAGMA user_version; see
// db/SCHEMA.md. WAL journal, foreign keys on, prepared statements only, batched transactions.
//
// Put() is idempotent per article: the same article (same id, same content hash) is a no-op; a
// changed body or metadata under the same id replaces that article and everything derived from it
// in the same transaction. Articles are committed in batches; a batch is all-or-nothing, so an
// interrupted ingest leaves the database consistent and a re-run completes it.
//
// A Store is used by one thread at a time. With CLAIMEX_LINK_STATS set in the environment, it
// prints the CPU time spent in Put and commits when it closes (the writer thread's cost).
#ifndef CLAIMEX_DB_STORE_H_
#define CLAIMEX_DB_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "extractor/article.h"
#include "extractor/extraction.h"
#include "extractor/sink.h"
#include "extractor/status.h"

struct sqlite3;

namespace claimex {

class Store {
 public:
  struct Options {
    std::string path = "claims.db";
    bool read_only = false;  // open an existing database read-only (queries, web server)
    // Articles per write transaction. Large batches touch each page of the big indexes
    // (link_keys, link_statements) once per commit instead of once per few articles.
    int batch_articles = 1024;
    // What made the extractions (Extractor::version(): code version + rules fingerprint). It is
    // part of an article's content hash, so re-ingesting an unchanged article after the rules
    // or the code changed extracts and stores it again instead of skipping it.
    std::string extractor_version;
  };
  static Result<std::unique_ptr<Store>> Open(const Options& options);
  ~Store();

  enum class PutOutcome { kStored, kUnchanged, kReplaced };
  // Stores one article with its extraction and links its statements against the store.
  Result<PutOutcome> Put(const Article& article, const Extraction& extraction);
  // The part of Put that depends on nothing stored — the content hash, sentence keys and
  // hashes, link signatures and candidate keys — as bytes in *prepared. Const and thread-safe:
  // the extraction threads of `claimex ingest --jobs N` run it while one thread Puts.
  void Prepare(const Article& article, const Extraction& extraction, std::string* prepared) const;
  // Put with what Prepare made of this very article and extraction.
  Result<PutOutcome> Put(const Article& article, const Extraction& extraction,
                         std::string_view prepared);
  // Commits the open batch (Put commits by itself every batch_articles articles).
  Status Commit();

  // The schema version (PRAGMA user_version) after migrations.
  int SchemaVersion() const;
  // Number of rows in `table` (articles, claims, links, ...).
  Result<int64_t> Count(const std::string& table) const;

  // Reads every stored article back with its extraction, in ingest order (export).
  Status ForEachArticle(const std::function<Status(const Article&, const Extraction&)>& fn) const;
  // Reads every stored link (export).
  Status ForEachLink(const std::function<Status(const Link&)>& fn) const;

  // The raw connection, for the query commands in db/queries.h. Owned by the Store.
  sqlite3* handle() const { return db_; }

  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

 private:
  explicit Store(const Options& options);  // out of line: Statements is incomplete here
  Status Migrate();
  Status Begin();
  Status CommitBatch();  // Commit without the CPU accounting
  // Undoes a failed article: rolls the batch transaction back and writes the batch's earlier
  // articles again (kept in memory). On failure the whole batch is rolled back.
  Status WriteBatchAgain();
  Result<PutOutcome> PutOne(const Article& article, const Extraction& extraction,
                            std::string_view prepared);
  static double ThreadCpu();  // this thread's CPU seconds

  Options options_;
  sqlite3* db_ = nullptr;
  bool in_txn_ = false;
  int pending_ = 0;  // articles in the open transaction
  // Totals for CLAIMEX_LINK_STATS (printed when the store closes): Put calls and their CPU time.
  int64_t puts_ = 0;
  double cpu_ = 0;
  struct Statements;
  std::unique_ptr<Statements> stmts_;
};

// Store as a Sink, counting outcomes for the ingest summary.
class StoreSink : public Sink {
 public:
  explicit StoreSink(Store* store) : store_(store) {}  // not owned
  Status Put(const Article& article, const Extraction& extraction) override;
  // With Store::Prepare's bytes for the article (made on another thread).
  Status Put(const Article& article, const Extraction& extraction, std::string_view prepared);
  Status Finish() override { return store_->Commit(); }
  const Store& store() const { return *store_; }

  int64_t stored = 0, unchanged = 0, replaced = 0, claims = 0;

 private:
  Status Count(Result<Store::PutOutcome> r, const Extraction& extraction);
  Store* store_;
};

}  // namespace claimex

#endif  // CLAIMEX_DB_STORE_H_
