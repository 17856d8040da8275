// Internal: the linker's SQLite side (db/linker.h): the candidate index (link_keys, and the
// recent postings in link_keys_recent, merged into it in key order now and then) with its
// frequency caps (link_key_counts), word document frequencies (link_words), settings
// (link_settings) and reading a stored statement back for verification. Tables: migrations
// 003_link_index.sql and 006_link_keys_recent.sql. All statements are prepared once; runs in
// the caller's transaction.
#ifndef CLAIMEX_DB_LINK_INDEX_H_
#define CLAIMEX_DB_LINK_INDEX_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "db/link_figures.h"
#include "db/sqlite_util.h"
#include "extractor/status.h"

struct sqlite3;

namespace claimex {

// Kinds of candidate keys, mixed into the key hash (and named in link_key_counts.kind).
enum class KeyKind { kVerbatim, kBoilerplate, kShingle, kAnchor, kFigure };
const char* KeyKindName(KeyKind k);
// The index key of `h` as a key of kind `k`.
int64_t IndexKey(KeyKind k, uint64_t h);

// A stored article's place in time.
struct StoredArticle {
  std::string published, source;
  int64_t seq = 0;
};

class LinkIndex {
 public:
  // Postings go through link_keys_recent from `recent_from` stored articles on (before that,
  // link_keys stays in the page cache and takes them directly), and are merged into link_keys
  // whenever `merge_postings` of them are there.
  static Result<LinkIndex> Create(sqlite3* db, int64_t recent_from = 25000,
                                  int64_t merge_postings = 200000);

  // Reads link_settings into `values` (name -> value); a database without the table is fine.
  static Status ReadSettings(sqlite3* db, std::map<std::string, double>* values);

  // Whether `key` is over its cap (kept in memory; loaded from link_key_counts at Create and
  // by LoadCaps).
  bool Capped(int64_t key) const { return capped_.count(key) > 0; }
  // Marks `key` capped: its postings go, a link_key_counts row records `n`.
  Status Cap(int64_t key, KeyKind kind, int64_t n);
  // Reads the capped keys from link_key_counts again (another connection may have added some),
  // and counts the recent postings.
  Status LoadCaps();

  // The stored postings of `keys` (not the pending ones) as (key, sentence) pairs appended to
  // *out, key by key in the order of `keys` (give them sorted: the B-tree is then read in
  // order). A key has at most the cap's number of postings, so the result is bounded.
  Status LookupStored(const std::vector<int64_t>& keys,
                      std::vector<std::pair<int64_t, int64_t>>* out);
  // Calls fn(sentence) for each pending posting (AddPosting, not flushed yet) of `key`.
  template <typename Fn>
  void ForEachPending(int64_t key, Fn&& fn) const {
    auto it = pending_last_.find(key);
    if (it == pending_last_.end()) return;
    for (int32_t r = it->second; r >= 0; r = pending_rows_[static_cast<size_t>(r)].previous) {
      fn(pending_rows_[static_cast<size_t>(r)].sentence);
    }
  }
  // Adds a posting. It is kept in memory (ForEachPending) until FlushPostings writes the
  // batch's postings in key order, to link_keys_recent once it is in use; when that holds
  // merge_postings of them, they are merged into link_keys (each of its pages written once per
  // merge, not once per batch).
  void AddPosting(int64_t key, int64_t sentence);
  Status FlushPostings();
  // About how many articles are stored (the latest ingest_seq): it chooses where FlushPostings
  // writes.
  void SetStoredArticles(int64_t n) { stored_articles_ = n; }
  // Forgets every pending posting (the transaction was rolled back).
  void DropPendingPostings() {
    pending_rows_.clear();
    pending_last_.clear();
  }

  // The stored document frequency of `word` (0 when unseen).
  Result<int64_t> WordFrequency(uint64_t word);
  // Stores the document frequency of `word` (the linker counts in memory and writes back).
  Status SetWordFrequency(uint64_t word, int64_t n);

  // Sentences with sentence hash `hash` (verbatim candidates), up to `limit`, as (sentence,
  // article) pairs.
  Result<int> SameHash(int64_t hash, int limit, std::vector<std::pair<int64_t, int64_t>>* out);
  // Drops the verbatim links of statements whose sentence hash is `hash`.
  Status UnlinkHash(int64_t hash);

  // Stores the link signature (link_signature.h) of statement `sentence` of `article`, whose
  // sentence hash is `hash`.
  Status AddStatement(int64_t sentence, int64_t article, int64_t hash, std::string_view sig);
  // Reads a statement's article, sentence hash and signature back: false when it has none (a
  // stale posting, or an article stored before schema version 4).
  Result<bool> Statement(int64_t sentence, int64_t* article, int64_t* hash, std::string* sig);
  Result<StoredArticle> Article(int64_t id);

  // Writes a link (INSERT OR IGNORE); returns whether a row was added.
  Result<bool> InsertLink(int64_t a_article, int64_t a_sentence, int64_t b_article,
                          int64_t b_sentence, const char* kind, double score);

 private:
  LinkIndex() = default;
  static constexpr int kInsertRows = 64;  // rows per insert statement
  int64_t recent_from_ = 25000;           // Create's recent_from
  int64_t merge_postings_ = 200000;       // Create's merge_postings
  std::unordered_set<int64_t> capped_;
  // Pending postings: one row each, chained per key (no allocation per key's list).
  struct PendingRow {
    int64_t sentence;
    int32_t previous;  // the key's previous row, -1 for its first
  };
  std::vector<PendingRow> pending_rows_;
  std::unordered_map<int64_t, int32_t> pending_last_;  // key -> its last row
  Stmt lookup_recent_, drop_recent_postings_, merge_, clear_recent_, recent_keys_stmt_;
  int64_t recent_rows_ = 0;  // rows in link_keys_recent (about: ignored duplicates count)
  // The keys in link_keys_recent, sorted: only they are looked up there. A capped key may stay.
  std::vector<int64_t> recent_keys_;
  Stmt add_posting_[2], add_postings_[2];  // [0] into link_keys, [1] into link_keys_recent
  int64_t stored_articles_ = 0;            // SetStoredArticles
  Stmt cap_, drop_postings_, lookup_, set_word_, word_freq_, same_hash_, unlink_hash_,
      add_statement_, statement_, article_, insert_link_;
  sqlite3* db_ = nullptr;
};

}  // namespace claimex

#endif  // CLAIMEX_DB_LINK_INDEX_H_
