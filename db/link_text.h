// Internal: the linker's view of one statement's words (db/linker.h).
//
// A sentence key (linker.h: SentenceKey — normalized, lower case, spaces folded) becomes a list
// of word tokens, each a 32-bit hash of its canonical form (WordId: 32 bits keep the stored
// signatures small, link_signature.h; a collision only makes two words weigh alike):
//  - words are runs of letters and digits (Unicode letters and marks count); apostrophes, hyphens
//    and other punctuation split them ("council's" -> "council" "s", "first-time" -> "first"
//    "time"), and a digit/letter change splits too ("25s" -> "25" "s");
//  - numbers keep inner "," and "." between digits, the commas dropped ("30,000" -> "30000",
//    "3.3" stays); '%' is the word "percent";
//  - light plural stemming: "knives" -> "knife", "cities" -> "city", "officers" -> "officer",
//    "boxes" -> "box" (words of 4 letters or more; "news", "bus", "crisis" kept);
//  - number words from two up are their digits ("three" -> "3", a number; patterns/
//    number_words.txt: units and tens), "one" staying a word;
//  - synonyms are folded to one canonical word (patterns/link_synonyms.txt);
//  - stop words (patterns/link_stopwords.txt) are flagged: they weigh little in similarity and
//    are no shingle or anchor.
//
// LinkLexicon holds those rule files, compiled once and immutable (safe to share across threads).
#ifndef CLAIMEX_DB_LINK_TEXT_H_
#define CLAIMEX_DB_LINK_TEXT_H_

#include <re2/set.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "db/linker.h"
#include "extractor/rules.h"
#include "extractor/status.h"

namespace claimex {

// The hash of a canonical word: FNV-1a folded to 32 bits.
inline uint64_t WordId(std::string_view canonical) {
  const uint64_t h = Fnv1a64(canonical);
  return (h ^ (h >> 32)) & 0xffffffffull;
}

struct LinkToken {
  uint64_t hash = 0;    // WordId of the canonical form
  bool stop = false;    // a stop word
  bool number = false;  // digits ("30000", "3.3")
};

class LinkLexicon {
 public:
  // Reads link_stopwords.txt, link_synonyms.txt, link_boilerplate.txt and number_words.txt from
  // `rules`.
  static Result<std::shared_ptr<const LinkLexicon>> Create(const RuleSet& rules);

  // The tokens of a sentence key (lower case, as SentenceKey makes it).
  std::vector<LinkToken> Tokenize(std::string_view key) const;
  // The canonical hash of one word as Tokenize would give it ("Knives" -> hash of "knife").
  uint64_t WordHash(std::string_view word) const;
  // Whether a one-sentence paragraph (normalized text, original case) is the heading of an
  // outlet's boilerplate block ("About Harbourside Constabulary").
  bool IsBoilerplateHeading(std::string_view normalized) const;
  // Whether a statement (its key: lower case) is a contact or house line ("Media enquiries:
  // ...", "For more information contact ...").
  bool IsBoilerplateLine(std::string_view key) const;

 private:
  LinkLexicon() = default;
  void Emit(std::string& word, bool number, std::vector<LinkToken>* out) const;

  std::unordered_set<uint64_t> stop_;                          // canonical hashes
  std::unordered_map<std::string, std::string> synonyms_;      // stemmed word -> canonical
  std::unordered_map<std::string, std::string> number_words_;  // "three" -> "3" (from 2 up)
  std::unique_ptr<RE2::Set> boilerplate_;                      // block headings
  std::unique_ptr<RE2::Set> boilerplate_lines_;                // house lines
};

// The light plural stemming described above, in place (ASCII lower-case words only).
void StemPlural(std::string& word);

// 64-bit mixing of two hashes (order matters).
inline uint64_t MixHash(uint64_t a, uint64_t b) {
  uint64_t h = a ^ (b + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2));
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

// Winnowed fingerprints of a token sequence: hashes of every `k` consecutive content tokens
// (stop words left out), of which the smallest in each window of `w` consecutive shingles is
// kept (Schleimer et al. 2003): two sequences that share a run of w + k - 1 content tokens share
// at least one fingerprint. A sequence of fewer than k content tokens (but at least 2) gives one
// shingle of all of them. Sorted, without repeats.
std::vector<uint64_t> Winnow(const std::vector<LinkToken>& tokens, int k = 3, int w = 4);

// The distinct content (non-stop) token hashes, sorted.
std::vector<uint64_t> ContentSet(const std::vector<LinkToken>& tokens);

}  // namespace claimex

#endif  // CLAIMEX_DB_LINK_TEXT_H_
