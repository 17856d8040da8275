// Internal: what a number counts or measures, for the QuantityFinder: currencies before or after
// the number ("£5", "US$ 5", "5 euros", "19 cents"), units after it ("20 per cent", "5 km",
// "40 deg celsius", "6.5 percentage points"), the counted noun of a plain count ("970 knives",
// "1,400 weapons sweeps", "122 more officers") and the nouns of rate denominators ("per head",
// "a year").
//
// Lexicons: patterns/currencies.txt, units.txt, rates.txt and noun_stops.txt. Built once by
// Create(); immutable, thread-safe.
#ifndef CLAIMEX_EXTRACTOR_QUANTITY_UNIT_H_
#define CLAIMEX_EXTRACTOR_QUANTITY_UNIT_H_

#include <memory>
#include <string>

#include "extractor/quantity_tokens.h"
#include "extractor/rules.h"
#include "extractor/status.h"

namespace claimex {

struct UnitMatch {
  int length = 0;    // tokens; 0 = no unit
  std::string unit;  // "GBP", "percent", "km", "year"
  double mult = 1;   // "cents": 0.01
  bool currency = false;
  bool time = false;      // a duration unit
  bool calendar = false;  // a day or longer
  bool age = false;       // "years old", "year-old"
};

class UnitLexicon {
 public:
  static Result<std::unique_ptr<const UnitLexicon>> Create(const RuleSet& rules);

  // A currency written just before token `start` (the number): "£", "US$", "EUR", "Y=".
  UnitMatch CurrencyBefore(const QTokens& t, size_t start) const;
  // A unit or currency starting at token j, right after a number. `scaled`: the number had a
  // scale word ("361 million pounds" is money, "208 pounds" a weight); `has_symbol`: a currency
  // symbol came before the number ("$76 US").
  UnitMatch UnitAfter(const QTokens& t, size_t j, bool scaled, bool has_symbol) const;

  // The counted noun that starts at token j ("knives", "weapons sweeps", "neighbourhood police
  // officers", "children and young people"), up to seven words; it ends on the first plural word
  // (or plural compound or coordination), or before it when `singular` ("one proposal asks").
  // "" when none. *end is the token after it.
  std::string CountedNoun(const QTokens& t, size_t j, bool singular, size_t* end) const;

  // noun_stops.txt word classes.
  bool IsStop(const QTokens& t, size_t i) const { return Has(t, i, kStop); }
  bool IsSkip(const QTokens& t, size_t i) const { return Has(t, i, kSkip); }
  bool IsDimension(const QTokens& t, size_t i) const { return Has(t, i, kDimension); }

  // rates.txt: "per" (any noun follows), "a"/"an" (only a listed noun follows).
  bool IsRateCue(const QTokens& t, size_t i) const;
  bool IsRateArticle(const QTokens& t, size_t i) const;
  // The length in tokens of a listed rate noun at i ("year", "square foot"), or 0.
  int RateNounLength(const QTokens& t, size_t i) const;

 private:
  enum WordClass : uint8_t { kStop = 1, kSkip = 2, kDimension = 4, kPlural = 8, kModifier = 16 };
  struct Entry {
    std::string unit;
    double mult = 1;
    bool currency = false;
    bool glued = false;
    bool scaled = false;
    bool tail = false;
    bool time = false;
    bool calendar = false;
    bool age = false;
  };
  bool Has(const QTokens& t, size_t i, WordClass c) const;
  bool LooksPlural(const QTokens& t, size_t i) const;
  UnitMatch Make(const PhraseTable::Match& m) const;

  std::vector<Entry> entries_;
  PhraseTable prefix_;  // currencies before a number
  PhraseTable suffix_;  // currencies and units after a number
  PhraseTable rate_nouns_;
  SvMap<uint8_t> classes_;  // noun_stops.txt: word -> WordClass bits
  SvMap<int> rate_cues_;    // 1 = cue, 2 = article
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_QUANTITY_UNIT_H_
