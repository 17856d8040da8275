// Internal: the Store's prepared write statements (prepared once after migrations, reused for
// every Put) and the code that writes one article. Shared by db/store.cc and db/store_write.cc.
#ifndef CLAIMEX_DB_STORE_STATEMENTS_H_
#define CLAIMEX_DB_STORE_STATEMENTS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "db/linker.h"
#include "db/sqlite_util.h"
#include "db/store.h"

namespace claimex {

struct Store::Statements {
  // Prepares every statement on `db` (a migrated, writable database).
  static Result<std::unique_ptr<Statements>> Prepare(sqlite3* db);

  // Writes `article` and everything derived from it; `old_id` >= 0 is the row it replaces
  // (deleted first, its ingest_seq kept). Runs in the batch transaction; on failure the caller
  // undoes the article (Store::WriteBatchAgain).
  // `prepared` is what Linker::Prepare made of them.
  Status WriteArticle(const Article& article, const Extraction& extraction,
                      const Linker::PreparedArticle& prepared, const std::string& content_hash,
                      int64_t old_id, int64_t old_seq);

  // Adds the sentences stored since the last call to the full-text index (sentences_fts; no
  // trigger does since schema version 4): in bulk before a batch commits, and before an
  // article is deleted (the delete trigger removes its sentences from the index).
  Status IndexPending();
  // PRAGMA data_version: changes when another connection commits.
  Result<int64_t> DataVersion();

  sqlite3* db = nullptr;
  int64_t fts_from = -1;      // the first sentence id not in sentences_fts yet, -1: none
  int64_t data_version = -1;  // as of the last transaction this Store began
  Stmt fts_index, data_version_stmt;
  Stmt find_article, next_seq, insert_article;
  std::vector<Stmt> delete_article;  // an article and every row derived from it, in this order
  Stmt insert_sentence, insert_time, insert_speaker, insert_alias, insert_claim, set_restates,
      insert_quote;
  // The articles written in the open transaction (the first n_written; the vector keeps its
  // memory between batches), so that Store::WriteBatchAgain can undo a failed article.
  struct Written {
    Article article;
    Extraction extraction;
  };
  std::string replay_prepared;  // WriteBatchAgain's
  std::vector<Written> written;
  size_t n_written = 0;
  bool replaying = false;  // WriteBatchAgain is writing them again
  Linker linker;
  Linker::PreparedArticle prepared;  // Put's, decoded (kept to reuse its memory)
  std::vector<int64_t> sentence_ids, time_ids, speaker_ids, claim_ids;  // WriteArticle's

 private:
  explicit Statements(Linker l) : linker(std::move(l)) {}
};

}  // namespace claimex

#endif  // CLAIMEX_DB_STORE_STATEMENTS_H_
