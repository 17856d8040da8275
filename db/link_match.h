// Internal: the exact check of one candidate pair of statements (db/linker.h). Candidates come
// from the SQLite indexes; nothing is linked before Compare says so.
//
// Kinds, tried in this order (one link per pair):
//  - quote: both statements hold a direct quote of the same speaker, and the quoted words are
//    the same but for a few (LCS >= 90% of the shorter quote, at least 5 words);
//  - near: mostly the same words: the near model (NearModel below, weights in
//    patterns/link_near_model.txt) gives a probability >= near_threshold from the pair's
//    word features (NearFeatures: common subsequence, weighted and plain overlap, unmatched
//    words and numbers, lengths), and the two share a common subsequence of at least
//    6 words. A number changed between the two (each side has a number the other lacks,
//    repeats counted: "rose 4.4%" vs "rose 4.6%", "three vs three" vs "four vs three") is never
//    near; number words from two up count as numbers (link_text.h); and the two must share a
//    rare content word or six content words (as for figures below: a results-table line or a
//    stock phrase, "Proceeds will be used to reduce debt", is a template, not a statement
//    repeated). When the common subsequence
//    covers less than half of the longer statement and they share a supported figure, the pair is a
//    figure link instead (a restatement in other words).
//  - figure: a figure of one is Compatible (link_figures.h) with a figure of the other — not a
//    PlainFigure (a small bare count, "2 to 1"; a vague range, "millions of") — with supporting
//    context:
//    when both name the same counted noun, one more shared content word; when the measured things
//    share a word, one more; otherwise two shared content words weighing >= figure_context (numbers
//    and the figures' own words do not count); one of those context words must be rare (at most
//    rare_share of the stored articles have it, or 25; in a store of fewer than 1,000 articles
//    every word counts as rare; two of them for a SmallCount, "two versions"), unless there are
//    six or more: common
//    words alone ("shr loss ... cts" in every results table, "20 pct stake") say nothing about
//    which company or event the figure belongs to — and no figure changed between them (same
//    unit and noun, values within a factor of 1.5 but not compatible, and unmatched on both
//    sides: "4.48%" vs "4.46%").
// Scores: quote gives its similarity (0.5..1), near the model's probability, figure 0.55 + 0.05
// per shared context word (at most 0.95). Verbatim links (equal sentence hashes) never reach
// Compare; the linker makes them for Specific statements only (below).
#ifndef CLAIMEX_DB_LINK_MATCH_H_
#define CLAIMEX_DB_LINK_MATCH_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/link_figures.h"
#include "db/link_text.h"
#include "extractor/extraction.h"
#include "extractor/rules.h"
#include "extractor/status.h"

namespace claimex {

// One statement prepared for comparison.
struct Statement {
  std::vector<LinkToken> tokens;
  std::vector<uint64_t> content;  // ContentSet(tokens)
  std::vector<FigureFacts> figures;
  std::vector<LinkToken> quote;  // tokens of the direct quote(s) inside the sentence
  std::string speaker;           // the quote's speaker, lower case; "" when none
  // The distinct tokens by hash, sorted (FinishStatement sets it; computed on the fly when
  // empty).
  std::vector<LinkToken> distinct;
  // Cache of the inverse document frequencies of `distinct`, valid while idf_stamp equals the
  // WordWeights' stamp (link_match.cc).
  mutable std::vector<double> idf;
  mutable uint64_t idf_stamp = 0;
};

// Sets the statement's derived fields (content, distinct) from its tokens.
void FinishStatement(Statement* st);

// Word weights: inverse document frequency over the stored articles,
// ln((articles + 100) / (df + 1)); words not in `df` count as seen once. The document
// frequencies sit in an open-addressing table (a word is a 32-bit WordId): Idf is asked for
// every word of every candidate, and a node-based map's pointer chase was most of its cost.
class WordWeights {
 public:
  void SetArticles(int64_t n);
  void Set(uint64_t word, int64_t df);
  // Changes whenever a weight may have changed (cached weights are stale).
  uint64_t stamp() const { return stamp_; }
  bool Has(uint64_t word) const { return Find(word) != nullptr; }
  int64_t articles() const { return articles_; }
  int64_t Df(uint64_t word) const {
    const int64_t* df = Find(word);
    return df == nullptr ? 1 : *df;
  }
  double Idf(uint64_t word) const;
  void Clear();
  size_t size() const { return size_; }

 private:
  const int64_t* Find(uint64_t word) const;
  void Grow();

  int64_t articles_ = 0;
  double log_articles_ = 4.605170185988092;  // ln(0 + 100)
  uint64_t stamp_ = 1;
  // Slot i holds word keys_[i] - 1 (0: empty) with frequency dfs_[i]; linear probing; the table
  // is kept at most half full.
  std::vector<uint64_t> keys_;
  std::vector<int64_t> dfs_;
  size_t size_ = 0;
};

// What the near model looks at in a pair of statements (a, b: their tokens; "content" words
// are those that are not stop words; weights are WordWeights::Idf, stop words a tenth).
enum NearFeature : int {
  kLcsLonger,         // longest common subsequence / tokens of the longer statement
  kWeightedJaccard,   // weighted Jaccard overlap of the distinct tokens
  kUnmatchedMore,     // weight of the content words only one side has: the heavier side
  kUnmatchedLess,     // ... the lighter side
  kWordJaccard,       // plain Jaccard overlap of the distinct tokens
  kUnmatchedNumbers,  // numbers only one side has, both sides counted
  kLengthDifference,  // |tokens of a - tokens of b|
  kNearFeatureCount
};
using NearFeatures = std::array<double, kNearFeatureCount>;

// The feature's name in link_near_model.txt ("lcs_longer", ...).
const char* NearFeatureName(int feature);

// The features of a pair (symmetric: MeasureNear(a, b) == MeasureNear(b, a)).
NearFeatures MeasureNear(const Statement& a, const Statement& b, const WordWeights& w);

// A logistic model over NearFeatures: p = 1 / (1 + exp(-(bias + sum of weight * feature))).
// Immutable once made; safe to share across threads.
class NearModel {
 public:
  // From patterns/link_near_model.txt: one "bias B" line and one "FEATURE WEIGHT" line for every
  // feature (NearFeatureName); anything else, a repeat or a missing feature fails with file:line.
  static Result<NearModel> Create(const RuleSet& rules);
  // A model with the given weights (tests).
  NearModel(double bias, const NearFeatures& weights) : bias_(bias), weights_(weights) {}

  double Probability(const NearFeatures& f) const;
  double Weight(NearFeature f) const { return weights_[f]; }

 private:
  double bias_ = 0;
  NearFeatures weights_{};
};

struct MatchOptions {
  const NearModel* model = nullptr;  // not owned; required for near links (none: no near links)
  double near_threshold = 0.65;      // probability a near link needs
  double figure_context = 6.0;  // idf weight of the shared context words (without noun or measure)
  double rare_share = 0.005;    // a rare word: in at most this share of the stored articles
};

struct Verdict {
  LinkKind kind = LinkKind::kNear;
  double score = 0;
};

// Whether a statement says something specific enough that a copy of it is a repeated statement:
// it holds a figure or a direct quote, or a rare content word, or six content words (the test of
// SharesStory for near links, on the statement itself). "He did not elaborate.", "Terms of the
// acquisition were not disclosed." are not: their verbatim copies are not linked.
bool Specific(const Statement& st, const WordWeights& w, double rare_share);

// Whether statements a and b (of different articles) repeat each other, and how.
std::optional<Verdict> Compare(const Statement& a, const Statement& b, const WordWeights& w,
                               const MatchOptions& options);

// Length of the longest common subsequence of two token lists (by hash); each list is cut to
// its first 250 tokens.
int CommonSubsequence(const std::vector<LinkToken>& a, const std::vector<LinkToken>& b);

}  // namespace claimex

#endif  // CLAIMEX_DB_LINK_MATCH_H_
