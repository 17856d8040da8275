// Internal: the linker's SQLite side (db/linker.h): the candidate index (link_keys) with its
// frequency caps (link_key_counts), word document frequencies (link_words), settings
// (link_settings) and reading a stored statement back for verification. Tables: migration
// 003_link_index.sql. All statements are prepared once; runs in the caller's transaction.
#ifndef CLAIMEX_DB_LINK_INDEX_H_
#define CLAIMEX_DB_LINK_INDEX_H_

#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>
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

// A stored statement, read back for verification.
struct StoredSentence {
  int64_t id = 0, article = 0, hash = 0;
  uint32_t start = 0, end = 0;
  std::string text;
};
struct StoredArticle {
  std::string published, source;
  int64_t seq = 0;
};
struct StoredQuote {
  uint32_t start = 0, end = 0;  // body bytes
  std::string speaker;          // "" when unresolved
};

class LinkIndex {
 public:
  static Result<LinkIndex> Create(sqlite3* db);

  // Reads link_settings into `values` (name -> value); a database without the table is fine.
  static Status ReadSettings(sqlite3* db, std::map<std::string, double>* values);

  // Whether `key` is over its cap (kept in memory; loaded from link_key_counts at Create).
  bool Capped(int64_t key) const { return capped_.count(key) > 0; }
  // Marks `key` capped: its postings go, a link_key_counts row records `n`.
  Status Cap(int64_t key, KeyKind kind, int64_t n);

  // Up to `limit` statements stored under `key`, appended to *out; returns how many were found.
  Result<int> Postings(int64_t key, int limit, std::vector<int64_t>* out);
  Status AddPosting(int64_t key, int64_t sentence);

  // Adds one article to the document frequency of `word`; returns the new frequency.
  Result<int64_t> BumpWord(uint64_t word);
  // The document frequency of `word` (0 when unseen).
  Result<int64_t> WordFrequency(uint64_t word);

  // Sentences with sentence hash `hash` (verbatim candidates), up to `limit`.
  Result<int> SameHash(int64_t hash, int limit, std::vector<int64_t>* out);
  // Drops the verbatim links of statements whose sentence hash is `hash`.
  Status UnlinkHash(int64_t hash);

  Result<StoredSentence> Sentence(int64_t id);
  Result<StoredArticle> Article(int64_t id);
  Status Figures(int64_t sentence, std::vector<FigureInput>* out);
  Status Quotes(int64_t article, uint32_t start, uint32_t end, std::vector<StoredQuote>* out);

  // Writes a link (INSERT OR IGNORE); returns whether a row was added.
  Result<bool> InsertLink(int64_t a_article, int64_t a_sentence, int64_t b_article,
                          int64_t b_sentence, const char* kind, double score);

 private:
  LinkIndex() = default;
  std::unordered_set<int64_t> capped_;
  Stmt cap_, drop_postings_, postings_, add_posting_, bump_word_, word_freq_, same_hash_,
      unlink_hash_, sentence_, article_, figures_, quotes_, insert_link_;
  sqlite3* db_ = nullptr;
};

}  // namespace claimex

#endif  // CLAIMEX_DB_LINK_INDEX_H_
