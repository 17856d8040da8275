// Internal: the words around a figure, for the QuantityFinder: qualifiers ("nearly", "more than",
// "or more"), change words ("rose", "fell by", "down"), range joiners ("between .. and",
// "from .. to", "5-10"), time-span words around durations ("over the last 20 years") and the
// not-a-figure contexts (URLs, e-mails, phone numbers, clock times, dates, footnote markers,
// list numbers, page furniture).
//
// Lexicons: patterns/qualifiers.txt, changes.txt, ranges.txt, duration_scopes.txt,
// figure_cues.txt and not_figures.txt (RE2, compiled once into one alternation). Immutable,
// thread-safe.
#ifndef CLAIMEX_EXTRACTOR_QUANTITY_CONTEXT_H_
#define CLAIMEX_EXTRACTOR_QUANTITY_CONTEXT_H_

#include <re2/re2.h>

#include <memory>
#include <string_view>
#include <vector>

#include "extractor/extraction.h"
#include "extractor/quantity_tokens.h"
#include "extractor/rules.h"
#include "extractor/status.h"

namespace claimex {

struct QualifierMatch {
  int length = 0;  // tokens; 0 = none
  Qualifier qualifier = Qualifier::kExact;
};

struct ChangeMatch {
  size_t first = 0;  // the first token of the change phrase
  Change change = Change::kNone;
  ChangeKind kind = ChangeKind::kNone;  // by / to, from the word before the figure
};

// figure_cues.txt roles.
enum class FigureCue : uint8_t {
  kCounter = 1,
  kAux = 2,
  kBoundary = 4,
  kDeterminer = 8,
  kAge = 16,
  kYear = 32,
  kSpokenYear = 64,
};

struct RangeJoin {
  bool ok = false;
  int opener = 0;  // tokens of the opener before the first figure ("between"), 0 = none
};

class ContextRules {
 public:
  static Result<std::unique_ptr<const ContextRules>> Create(const RuleSet& rules);

  // A qualifier phrase that ends just before token `end` ("nearly", "more than").
  QualifierMatch QualifierBefore(const QTokens& t, size_t end) const;
  // A qualifier phrase that starts at token j, after a figure ("or more").
  QualifierMatch QualifierAfter(const QTokens& t, size_t j) const;
  // The change word that governs a figure starting at token `start`: "rose 5%", "fell by 20 per
  // cent", "cut by a further £2m", "fallen to 3.3". `bound`: the figure has a bound qualifier
  // ("risen above 75" is the new level). Change::kNone when there is none.
  ChangeMatch ChangeBefore(const QTokens& t, size_t start, bool bound) const;
  // Whether the figures [a_start, a_end) and [b_start, ...) form a range: the tokens between them
  // are a joiner, and the joiner needs an opener before a_start ("between") or takes none.
  RangeJoin Range(const QTokens& t, size_t a_start, size_t a_end, size_t b_start) const;
  // Whether a duration at tokens [start, end) is a time span: a BEFORE word just before `start`
  // or an AFTER phrase at `end`.
  bool IsTimeSpan(const QTokens& t, size_t start, size_t end) const;
  // Appends the spans of `text` in which no figure is reported, in order.
  void NotFigureSpans(std::string_view text, std::vector<Span>* out) const;
  // Whether token i is a change word of any direction (for the name filter).
  bool IsChangeWord(const QTokens& t, size_t i) const;
  // Whether token i is a cue word of this role (figure_cues.txt).
  bool Is(const QTokens& t, size_t i, FigureCue cue) const;

 private:
  PhraseTable qual_before_, qual_after_;
  std::vector<Qualifier> quals_;
  PhraseTable changes_;  // payload: 0 skip, 1 up, 2 down
  PhraseTable joiners_, openers_;
  std::vector<std::vector<int>> joiner_openers_;  // per joiner: allowed opener ids (-1: none)
  PhraseTable scope_before_, scope_after_;
  std::unique_ptr<RE2> not_figures_;
  SvMap<uint8_t> cues_;  // word -> FigureCue bits
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_QUANTITY_CONTEXT_H_
