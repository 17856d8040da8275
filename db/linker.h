// Internal: links the statements of a newly stored article to those of other stored articles
// (issue 5). Store::Put calls LinkArticle in the batch transaction, once the article and
// everything derived from it are written; nothing is recomputed for the rest of the archive.
//
// For each linkable statement (sentence) of the new article:
//  1. Candidates come from SQLite indexes only: sentences with the same sentence hash
//     (verbatim), and link_keys postings (migration 003) under the statement's keys — winnowed
//     shingles of its content words (near-duplicates), its rarest words by document frequency
//     (anchors) and its figures' normalized keys (value within stated precision, unit, counted
//     noun, rate). Every key has a frequency cap: a key carried by more than key_cap statements
//     is dropped and never looked up again, so common keys do not explode and the cost per
//     article stays flat as the archive grows. Each shared key is a vote (a figure key 3, a
//     shingle 2, an anchor 2 when at most rare_postings statements carry it, else 1); at most
//     max_candidates candidates with min_votes or more, most votes first, are verified per
//     statement.
//  2. Each candidate is verified exactly (link_match.h: Compare) before a link is written:
//     'verbatim' (equal sentence hash, score 1), 'quote', 'near' or 'figure', one link per pair.
//  3. Side a of a link is the earlier article: by published date when both have one, else by
//     ingest order. With window_days > 0, articles published further apart are not linked.
//
// Boilerplate is never linked: a sentence hash carried by more than max_shared stored sentences
// (the links made while it was under the cap are removed when it goes over), and an outlet's
// standard block — a heading such as "About Harbourside Constabulary" (patterns/
// link_boilerplate.txt) and everything after it; the wording of such a block is boilerplate
// wherever else it appears. Sentences whose key is shorter than min_bytes bytes or min_words
// words are not linked.
//
// Every linked statement's signature (link_signature.h) is stored in link_statements, so that
// a candidate is verified from one row. Word frequencies are counted in memory and written to
// link_words when the batch commits (Flush).
//
// Settings come from the link_settings table (db/SCHEMA.md) when the database has one.
// Benchmark hook: with CLAIMEX_LINK_STATS set in the environment, the linker prints its totals
// (articles, thread CPU time in LinkArticle, candidates verified, links) to stderr when the
// store closes.
#ifndef CLAIMEX_DB_LINKER_H_
#define CLAIMEX_DB_LINKER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/article.h"
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
    int max_shared = 50;           // skip hashes shared by more sentences than this (boilerplate)
    int min_bytes = 20;            // shortest normalized sentence that is linked
    int min_words = 4;             // fewest words in a linked sentence
    int window_days = 0;           // link only articles published this many days apart; 0 = any
    int key_cap = 64;              // statements per candidate key before the key is dropped
    int max_candidates = 12;       // candidates verified per statement
    int min_votes = 2;             // key votes a candidate needs (figure 3, shingle 2, anchor 1)
    int anchors = 3;               // rarest words indexed per statement
    int rare_postings = 3;         // an anchor with at most this many postings votes 2, else 1
    double near_threshold = 0.65;  // near model probability for a 'near' link (link_match.h)
    double figure_context = 6.0;   // shared context weight a 'figure' link needs
    double rare_share = 0.005;     // near and figure links need a word this rare (link_match.h)
    // Postings go through link_keys_recent from this many stored articles on, and are merged
    // into link_keys every `merge_postings` of them (link_index.h; they change speed, not links).
    int recent_from = 25000;
    int merge_postings = 200000;
  };
  // What LinkArticle needs from one article that is a pure function of the article and its
  // extraction: sentence keys and hashes, the boilerplate block, each statement's link signature
  // and its shingle and figure keys. Prepare makes it; it is const and thread-safe, so that the
  // extraction threads do this work and the writer thread only reads and writes the database.
  struct PreparedSentence {
    int64_t hash = 0;         // sentences.hash (NormalizedHash of its SentenceKey)
    bool linkable = false;    // Linkable() of its key
    bool house_line = false;  // a contact or house line (LinkLexicon::IsBoilerplateLine)
    std::string sig;          // EncodeStatement of its statement; "" when none is linked
    std::string derived;      // EncodeDerived of its statement
    // Candidate keys that do not depend on the store, sorted: (IndexKey, KeyKind) of its
    // winnowed shingles and its figures' keys (the anchors are chosen when it is linked).
    std::vector<std::pair<int64_t, uint8_t>> keys;
  };
  struct PreparedArticle {
    std::vector<PreparedSentence> sentences;  // in extraction order
    uint32_t boilerplate_from = 0;  // the first sentence of the outlet's boilerplate block
  };

  // With the options as given.
  static Result<Linker> Create(sqlite3* db, const Options& options);
  // With Options() overridden by the database's link_settings.
  static Result<Linker> Create(sqlite3* db);

  Linker(Linker&&) noexcept;
  Linker& operator=(Linker&&) noexcept;
  ~Linker();

  // Whether a normalized sentence is long enough to be linked at all.
  bool Linkable(std::string_view normalized) const;

  // Prepares `text` and `extraction` (already validated: every span fits the body) for
  // LinkArticle into *out. Thread-safe; may run while another thread links.
  void Prepare(const Article& text, const Extraction& extraction, PreparedArticle* out) const;

  // Links the statements of stored article `article` (articles.id), prepared by Prepare, to
  // other articles; `sentence_ids` are their sentences.id in extraction order. Returns the
  // number of links written. Runs in the caller's transaction.
  Result<int> LinkArticle(int64_t article, const PreparedArticle& prepared,
                          const std::vector<int64_t>& sentence_ids);

  // The linker keeps word frequencies in memory and writes them to link_words in Flush, and
  // caches statements and articles it has read. The Store drives this with its transactions:
  //  - Invalidate: an article was deleted (row ids may be reused);
  //  - Flush: the batch transaction is about to commit;
  //  - Reload: the transaction was rolled back, or another connection has written: everything
  //    in memory is dropped and read again from the database.
  void Invalidate();
  Status Flush();
  Status Reload();

 private:
  Linker();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimex

#endif  // CLAIMEX_DB_LINKER_H_
