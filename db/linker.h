// Internal: links the statements of a newly stored article to those of other stored articles.
// Used by Store::Put inside the article's savepoint; issue 5 grows it (near and figure links).
//
// Today it makes "verbatim" links (score 1.0): sentences whose key (SentenceKey below) hashes the
// same as a sentence of another article. Hashes carried by more than `max_shared` stored
// sentences are boilerplate: they are not linked, and the links made while the hash was under
// the cap are removed when it goes over. Sentences whose key is shorter than `min_bytes` bytes or
// `min_words` words are not linked.
#ifndef CLAIMEX_DB_LINKER_H_
#define CLAIMEX_DB_LINKER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/sqlite_util.h"
#include "extractor/extraction.h"
#include "extractor/status.h"
#include "extractor/text.h"

struct sqlite3;

namespace claimex {

// 64-bit FNV-1a, continuing from `h` (start with kFnvOffset).
inline constexpr uint64_t kFnvOffset = 14695981039346656037ull;
inline uint64_t Fnv1a64(std::string_view bytes, uint64_t h = kFnvOffset) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// The key a sentence is matched on for verbatim links: the text model's normalized view
// (extractor/text.h: NFKC; quotes, dashes and odd spaces unified; zero-width characters
// dropped), lower-cased, with space runs collapsed to one space and trimmed.
// FoldNormalized does the last steps on text that is already normalized.
std::string FoldNormalized(std::string_view normalized);
// The key of one raw sentence (normalizes it on its own).
std::string NormalizeSentence(std::string_view raw);
// The key of the sentence at body span `raw`, given the normalized view of the whole body.
std::string SentenceKey(const NormalizedText& body, Span raw);
// Fnv1a64 of a normalized sentence, as stored in sentences.hash.
inline int64_t NormalizedHash(std::string_view normalized) {
  return static_cast<int64_t>(Fnv1a64(normalized));
}

class Linker {
 public:
  struct Options {
    int max_shared = 50;  // skip hashes shared by more sentences than this (boilerplate)
    int min_bytes = 20;   // shortest normalized sentence that is linked
    int min_words = 4;    // fewest words in a linked sentence
  };
  // One new sentence as Store::Put inserted it.
  struct NewSentence {
    int64_t id;     // sentences.id
    int64_t hash;   // sentences.hash
    bool linkable;  // Linkable() of its normalized text
  };

  static Result<Linker> Create(sqlite3* db, const Options& options);
  static Result<Linker> Create(sqlite3* db) { return Create(db, Options()); }

  // Whether a normalized sentence is long enough to be linked at all.
  bool Linkable(std::string_view normalized) const;

  // Links the sentences of stored article `article` (articles.id) to other articles; returns
  // the number of links written. Runs in the caller's transaction.
  Result<int> LinkArticle(int64_t article, const std::vector<NewSentence>& sentences);

 private:
  Linker() = default;
  Options options_;
  Stmt article_order_;  // published, ingest_seq of an article
  Stmt candidates_;     // sentences with a hash, with their article's order
  Stmt insert_link_;
  Stmt unlink_hash_;  // drops the verbatim links of a hash that became boilerplate
};

}  // namespace claimex

#endif  // CLAIMEX_DB_LINKER_H_
