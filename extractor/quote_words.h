// Internal: the words of a normalized text as the quote finder and the attributor read them, and
// PhraseSet, a lexicon of one- or several-word phrases matched on those words.
//
// Words are runs of letters and digits. An apostrophe between letters stays inside a word
// ("don't", "O'Connell") except the possessive "'s", which is a word of its own; a hyphen between
// letters or digits joins ("anti-social", "Smith-Jones"); a single letter keeps its full stop
// ("J.", "U.S."). Every other character is a punctuation word of its own (a whole UTF-8
// character), so quote marks, commas and colons can be looked at as words.
#ifndef CLAIMEX_EXTRACTOR_QUOTE_WORDS_H_
#define CLAIMEX_EXTRACTOR_QUOTE_WORDS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractor/extraction.h"
#include "extractor/word_map.h"

namespace claimex {

struct QWord {
  enum Kind : uint8_t { kAlpha, kNumber, kPunct };
  uint32_t start = 0;
  uint32_t end = 0;
  Kind kind = kPunct;
  bool cap = false;         // starts with an upper-case letter
  bool acronym = false;     // two or more letters, all upper case ("BBC", "ONS")
  bool initial = false;     // one letter and a full stop ("J.")
  bool para_start = false;  // the first word of a paragraph (see WordIndex::MarkParagraphs)
};

class WordIndex {
 public:
  explicit WordIndex(std::string_view text);
  // The same with `lower` given: `text` with ASCII letters folded to lower case (same length),
  // which must outlive the index (Document::lower).
  WordIndex(std::string_view text, std::string_view lower);
  WordIndex(const WordIndex&) = delete;  // lower_ may point into own_lower_
  WordIndex& operator=(const WordIndex&) = delete;

  const std::vector<QWord>& words() const { return words_; }
  int size() const { return static_cast<int>(words_.size()); }
  const QWord& operator[](int i) const { return words_[i]; }
  std::string_view Text(int i) const { return Text(words_[i]); }
  std::string_view Text(const QWord& w) const { return text_.substr(w.start, w.end - w.start); }
  // The word in lower case (ASCII letters folded; other bytes as they are).
  std::string_view Lower(int i) const {
    return std::string_view(lower_).substr(words_[i].start, words_[i].end - words_[i].start);
  }
  // True when word i is the single punctuation character c.
  bool Is(int i, char c) const {
    return i >= 0 && i < size() && words_[i].kind == QWord::kPunct &&
           words_[i].end == words_[i].start + 1 && text_[words_[i].start] == c;
  }
  bool IsWord(int i) const { return i >= 0 && i < size() && words_[i].kind != QWord::kPunct; }
  // Marks the first word of each paragraph (spans ascending); names and cues do not cross them.
  void MarkParagraphs(const std::vector<Span>& paragraphs);
  // Index of the first word that starts at or after `offset` (size() when none).
  int FirstAt(uint32_t offset) const;
  // Index one past the last word that ends at or before `offset`.
  int EndAt(uint32_t offset) const;
  // The word range [first, last) inside span s.
  std::pair<int, int> Range(Span s) const { return {FirstAt(s.start), EndAt(s.end)}; }
  std::string_view text() const { return text_; }

 private:
  void Index();

  std::string_view text_;
  std::string own_lower_;   // the folded text when none was given
  std::string_view lower_;  // own_lower_ or the given one
  std::vector<QWord> words_;
};

// A lexicon of phrases (one or more words) with an int value each, matched case-insensitively
// against a WordIndex; the longest phrase wins. Phrases are split into words the same way the text
// is, so "Sen." is the two words "sen" ".".
// String-keyed map looked up with string_views (no allocation per lookup; see word_map.h).
template <typename V>
using StringMap = WordMap<V>;

class PhraseSet {
 public:
  // Adds `phrase`; returns false when it has no words.
  bool Add(std::string_view phrase, int value);
  // The value of the longest phrase that starts at word i and ends before word `limit`, or -1;
  // *len receives its length in words.
  int MatchAt(const WordIndex& w, int i, int limit, int* len) const;
  // The value of the longest phrase that ends at word i (inclusive) and starts at or after word
  // `floor`, or -1; *len receives its length in words.
  int MatchEndingAt(const WordIndex& w, int i, int floor, int* len) const;
  bool Contains(const WordIndex& w, int i) const;  // a one-word phrase equal to word i
  bool empty() const { return first_.empty(); }

 private:
  struct Phrase {
    std::vector<std::string> words;  // lower case
    int value;
  };
  bool Matches(const WordIndex& w, int i, int limit, const Phrase& p) const;
  // first word -> phrases starting with it, longest first; last word -> phrases ending with it.
  StringMap<std::vector<Phrase>> first_;
  StringMap<std::vector<Phrase>> last_;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_QUOTE_WORDS_H_
