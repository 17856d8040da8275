// Internal: reads numbers for the QuantityFinder: digits with separators and decimals ("30,000",
// "3.3", ".500"), fractions ("1/2", "2 1/4"), exponents ("1.3e6", "2.998x10-8"), space-grouped
// digits ("40 000"), number words ("seventy-five", "one hundred and six", "a dozen",
// "two-thirds", "half a million", "two point five"), scale words and abbreviations after digits
// ("1.2 million", "15m", "3bn", "2.33 k") and vague plurals ("hundreds of thousands" -> 1e5..1e6).
//
// Lexicons: patterns/number_words.txt (words: units, tens, hundred, scales, fraction
// denominators, dozen, vague plurals, articles, "point", "minus") and patterns/scales.txt
// (abbreviations after digits). Built once by Create(); immutable, thread-safe.
#ifndef CLAIMEX_EXTRACTOR_QUANTITY_NUMBER_H_
#define CLAIMEX_EXTRACTOR_QUANTITY_NUMBER_H_

#include <memory>

#include "extractor/quantity_tokens.h"
#include "extractor/rules.h"
#include "extractor/status.h"

namespace claimex {

struct NumberMatch {
  enum class Kind { kNone, kNumber, kNotFigure };
  Kind kind = Kind::kNone;
  size_t tb = 0;  // tokens [tb, te)
  size_t te = 0;
  double value = 0;
  double base = 0;        // the value before a scale word/abbreviation ("15" of "15m")
  bool words = false;     // written (at least partly) in words
  bool scaled = false;    // multiplied by a scale ("million", "bn", "k")
  bool metre_m = false;   // the scale was a glued "m" that could also be metres ("100m")
  size_t scale_tok = 0;   // the scale token when metre_m
  bool fraction = false;  // a bare fraction ("two-thirds", "half", "3/4"): unit "fraction"
  bool vague = false;     // a vague plural: low/high set ("dozens of" -> 12..120)
  double low = 0;
  double high = 0;
  bool yearlike = false;   // four plain digits 1800..2100 ("2016")
  bool bare_half = false;  // "half" before a word: a figure only before "of" or a determiner
  bool integer = false;    // digits without decimals or fraction
};

enum class NumberWordKind {
  kUnit,      // zero .. nineteen
  kTen,       // twenty .. ninety
  kHundred,   // hundred
  kScale,     // thousand, million, lakh ...
  kFraction,  // denominators: half, third(s), quarter(s), fifth(s) ...
  kDozen,     // dozen, dzs
  kVague,     // dozens, hundreds, thousands ... (followed by "of")
  kArticle,   // a, an
  kPoint,     // point (decimal point in words)
  kNegative,  // minus, negative
};

class NumberReader {
 public:
  static Result<std::unique_ptr<const NumberReader>> Create(const RuleSet& rules);

  // Reads a number that starts at token i; kNone when none starts there. A kNotFigure match
  // covers tokens that look numeric but are no figure (ordinals "10th", "24/7", "1990s").
  NumberMatch Read(const QTokens& t, size_t i) const;
  // Whether token i is a number word of this kind.
  bool IsWord(const QTokens& t, size_t i, NumberWordKind kind) const;
  // Whether token i could start a number (a digit, or a number word).
  bool CanStart(const QTokens& t, size_t i) const;

 private:
  struct Word {
    NumberWordKind kind;
    double value;
    bool plural = false;  // fraction denominators: "thirds", "quarters"
  };
  struct Scale {
    double mult = 1;
    bool glued = false;  // only directly after the digits ("15m", "3b")
    bool cased = false;  // exact case only ("M", "B")
    bool metre = false;  // "m": million, or metres
  };
  const Word* Lookup(const QTokens& t, size_t i) const;
  const Scale* LookupScale(const QTokens& t, size_t i) const;
  NumberMatch ReadDigits(const QTokens& t, size_t i) const;
  NumberMatch ReadWords(const QTokens& t, size_t i) const;
  NumberMatch ReadVague(const QTokens& t, size_t i) const;
  // Continues a number after its first part: word scales, "hundred", "and ...", "point ...",
  // fractions. `current` is the value read so far; returns the end token.
  size_t Continue(const QTokens& t, size_t j, bool from_digits, double* total, double* current,
                  NumberMatch* m) const;
  // "a half", "two thirds", "three quarters" at j: the value and end token, or 0 when none.
  size_t ReadFractionPhrase(const QTokens& t, size_t j, double* value) const;

  SvMap<Word> words_;
  SvMap<std::vector<std::pair<std::string, Scale>>> scales_;  // lower form -> (form, scale)
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_QUANTITY_NUMBER_H_
