// Internal: the words of time expressions and the tokens the TimeFinder matches them on.
//
// The Lexicon holds every word and phrase of patterns/months.txt, time_units.txt,
// time_numbers.txt, time_words.txt and time_cues.txt as an Entry of some kind (a month, a unit, a
// cue ...), compiled once; Tokenize() cuts a text into word, number and punctuation tokens and
// points each token at the entries whose phrase starts with it. Immutable after Load; thread-safe.
#ifndef CLAIMEX_EXTRACTOR_TIMEX_LEXICON_H_
#define CLAIMEX_EXTRACTOR_TIMEX_LEXICON_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractor/rules.h"
#include "extractor/status.h"
#include "extractor/word_map.h"

namespace claimex::timex {

// The kinds of lexicon entries; each is documented in the pattern file that holds it.
enum class Lex : uint8_t {
  // months.txt
  kMonth,
  kWeekday,
  kSeason,
  kHoliday,
  // time_units.txt
  kUnit,
  kGluedUnit,
  // time_numbers.txt
  kNumber,
  kOrdinal,
  kVague,
  kArticle,
  // time_words.txt
  kDay,
  kRef,
  kShift,
  kReport,
  kPart,
  kSet,
  kClock,
  kZone,
  // time_cues.txt
  kSince,
  kUntil,
  kAfter,
  kBefore,
  kOrLater,
  kFrom,
  kBetween,
  kTo,
  kToDate,
  kLead,
  kIn,
  kAgo,
  kOffset,
  kPosition,
  kApprox,
  kFuture,
  kYear,
  kPrep,
  kNotYear,
  kYearNext,
  kScale,
  kClause,
  kDateline,
  kCount,  // the number of kinds, not a kind
};

struct Entry {
  Lex kind = Lex::kMonth;
  std::vector<std::string> words;  // the phrase as tokens, lower case
  bool ambiguous = false;          // a '?' name: also a common word ("may")
  bool flag = false;  // VALUE "weak" (until), "strong" (to), "alone" (todate), "near" (shift)
  int ival = 0;       // month, weekday, ordinal, day offset, shift (kUnknownShift), direction
  double dval = 0;    // number value; unit amount
  std::string code;   // season, holiday, unit code, ref, part of day, set period, position, approx
};

inline constexpr int kUnknownShift = 1000;  // shift "~": "that week" (XXXX-WXX)

// The entries whose phrase starts with one word: their ids sorted by kind (those of kind k are
// ids[first[k] .. first[k + 1])) and the set of their kinds (bit 1 << kind).
struct Starts {
  uint64_t kinds = 0;
  uint64_t single_kinds = 0;  // the kinds with a one-word entry here (it always matches)
  std::vector<int> ids;
  std::array<uint16_t, static_cast<int>(Lex::kCount) + 1> first{};
};
struct Tok;
using Toks = std::span<const Tok>;  // a run of tokens (a paragraph's)

inline uint64_t KindBit(Lex kind) { return uint64_t{1} << static_cast<int>(kind); }

struct Tok {
  enum Kind : uint8_t { kWord, kNum, kPunct };
  uint32_t start = 0, end = 0;  // normalized offsets
  Kind kind = kWord;
  bool space_before = true;         // white space (or the start of the text) before it
  bool newline_before = true;       // a line break before it
  bool blank_before = true;         // a blank line (or the start of the text) before it
  bool upper = false;               // starts with an upper-case letter
  bool ord = false;                 // a number with an ordinal suffix ("23rd")
  bool decimal = false;             // a number with a decimal point ("123.45")
  uint8_t digits = 0;               // digits before any decimal point
  double num = 0;                   // the value of a number
  std::string_view lower;           // the token, lower case (ordinal suffix included)
  const Starts* entries = nullptr;  // entries whose phrase starts here, or nullptr
};

class Lexicon {
 public:
  // Reads the five pattern files; a bad line fails with "patterns/x.txt:N: why".
  static Result<Lexicon> Load(const RuleSet& rules);

  // Cuts `text` into tokens; *lower receives the lower-cased text the tokens point into (it must
  // outlive them).
  void Tokenize(std::string_view text, std::string* lower, std::vector<Tok>* toks) const;
  // The same with `lower` given: `text` with ASCII letters folded to lower case (same length).
  void Tokenize(std::string_view text, std::string_view lower, std::vector<Tok>* toks) const;

  // The longest entry of `kind` whose phrase starts at token i: returns the token index past it
  // and sets *entry, or returns -1.
  int Match(Toks toks, int i, Lex kind, const Entry** entry = nullptr) const {
    if (i < 0 || i >= static_cast<int>(toks.size()) || toks[i].entries == nullptr ||
        (toks[i].entries->kinds & KindBit(kind)) == 0) {
      return -1;
    }
    return MatchAt(toks, i, kind, entry);
  }
  // True when a phrase of `kind` ends right before token i.
  bool EndsBefore(Toks toks, int i, Lex kind) const;

  const Entry& entry(int id) const { return entries_[id]; }
  // The phrases of `kind`, their words joined by single spaces ("created on").
  std::vector<std::string> Phrases(Lex kind) const;
  // The one-word entry of `kind` for a lower-case word, or nullptr.
  const Entry* Word(std::string_view lower, Lex kind) const;

 private:
  Status AddLine(const RuleFile& file, const RuleLine& line);
  int MatchAt(Toks toks, int i, Lex kind, const Entry** entry) const;

  std::vector<Entry> entries_;
  WordMap<Starts> by_first_;  // first word -> its entries (word_map.h)
  size_t longest_ = 1;  // most tokens in a phrase
  std::array<size_t, static_cast<int>(Lex::kCount)> longest_of_{};  // ... of each kind
  // bit min(length, 31) of first_len_[c] is set when some phrase starts with a word of that length
  // whose first byte is c: a cheap test before the hash lookup
  std::array<uint32_t, 256> first_len_{};
};

}  // namespace claimex::timex

#endif  // CLAIMEX_EXTRACTOR_TIMEX_LEXICON_H_
