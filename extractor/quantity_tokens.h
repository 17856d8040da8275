// Internal: the token scanner and the phrase lexicon the QuantityFinder matches with.
//
// QTokens splits a stretch of the normalized text into words, numbers and symbols. Unlike the
// Segmenter's tokens they are made for figures: letters and digits are always split apart
// ("£15m" is "£" "15" "m", "COVID-19" is "COVID" "-" "19"), a number token keeps its thousands
// separators and decimals ("30,000", "3.3"), and every token records whether white space comes
// before it, so that glued forms ("5G", "programme4") can be told from spaced ones.
//
// PhraseTable maps phrases (one or more tokens, e.g. "per cent", "US$", "more than") to a payload
// index. Phrases are tokenized with the same scanner, matched case-insensitively (or exactly,
// when added as cased), forward from a token or backward to it, longest first.
#ifndef CLAIMEX_EXTRACTOR_QUANTITY_TOKENS_H_
#define CLAIMEX_EXTRACTOR_QUANTITY_TOKENS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractor/word_map.h"

namespace claimex {

enum class QKind : uint8_t { kWord, kNum, kSym };

struct QToken {
  uint32_t b = 0;  // normalized offsets [b, e)
  uint32_t e = 0;
  QKind kind = QKind::kWord;
  bool glued = false;       // no white space between the previous token and this one
  bool cap = false;         // a word that starts with an upper-case ASCII letter
  bool upper = false;       // a word with an upper-case ASCII letter anywhere ("iPhone", "XC")
  bool comma = false;       // a number written with thousands separators ("30,000")
  uint8_t int_digits = 0;   // a number's digits before the decimal point
  uint8_t frac_digits = 0;  // and after it
  double num = 0;           // a number's value
};

// A sentence (or any stretch) of the document as tokens. `text` is the normalized text and
// `lower` its ASCII-lower-cased copy (same offsets); both outlive the object.
class QTokens {
 public:
  QTokens(std::string_view text, std::string_view lower) : text_(text), lower_(lower) {
    toks_.reserve(64);  // (a sentence's tokens: most fit)
  }
  // Scans [begin, end) of the text, replacing the tokens.
  void Scan(uint32_t begin, uint32_t end);

  size_t size() const { return toks_.size(); }
  const QToken& operator[](size_t i) const { return toks_[i]; }
  std::string_view Text(size_t i) const {
    return text_.substr(toks_[i].b, toks_[i].e - toks_[i].b);
  }
  std::string_view Lower(size_t i) const {
    return lower_.substr(toks_[i].b, toks_[i].e - toks_[i].b);
  }
  // True when token i exists and is this word / symbol (case-insensitive).
  bool Is(size_t i, std::string_view lower_text) const {
    return i < toks_.size() && Lower(i) == lower_text;
  }
  bool IsNum(size_t i) const { return i < toks_.size() && toks_[i].kind == QKind::kNum; }
  bool IsWord(size_t i) const { return i < toks_.size() && toks_[i].kind == QKind::kWord; }
  bool IsSym(size_t i) const { return i < toks_.size() && toks_[i].kind == QKind::kSym; }
  std::string_view text() const { return text_; }
  std::string_view lower() const { return lower_; }

 private:
  std::string_view text_;
  std::string_view lower_;
  std::vector<QToken> toks_;
};

// Lower-cases ASCII letters; other bytes are kept, so offsets do not move.
std::string AsciiLower(std::string_view s);

// Whether a token (at `i`) is a letter-like word made of the given text: helpers for lexicons.
template <typename V>
using SvMap = WordMap<V>;  // looked up with string_views (word_map.h)

class PhraseTable {
 public:
  struct Match {
    int payload = -1;  // -1: no match
    int length = 0;    // tokens matched
  };
  // Adds `phrase` (tokenized like text) with a payload. A cased phrase matches exact case only.
  // Returns false when the phrase has no tokens.
  bool Add(std::string_view phrase, int payload, bool cased = false);
  // The longest phrase that starts at token `i`.
  Match Forward(const QTokens& t, size_t i) const;
  // The longest phrase that ends just before token `end` (its last token is end - 1).
  Match Backward(const QTokens& t, size_t end) const;
  // Like Forward, but only phrases whose payload passes `ok`.
  Match ForwardIf(const QTokens& t, size_t i, const std::function<bool(int)>& ok) const;
  bool empty() const { return entries_.empty(); }

 private:
  struct Entry {
    std::vector<std::string> toks;  // lower-cased unless cased
    std::vector<bool> glued;        // glued[k]: no space before token k (checked for numbers)
    std::vector<bool> num;          // token k is a number
    int payload = 0;
    bool cased = false;
  };
  bool TokenEquals(const Entry& e, size_t k, const QTokens& t, size_t i) const;
  SvMap<std::vector<int>> by_first_;  // first token (lower) -> entries, longest first
  SvMap<std::vector<int>> by_last_;   // last token (lower) -> entries, longest first
  std::vector<Entry> entries_;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_QUANTITY_TOKENS_H_
