// Internal: the recognizers of the TimeFinder. A Grammar (the Lexicon plus the numeric date
// formats of patterns/time_formats.txt, compiled once) finds the time expressions of a text and
// resolves them against an anchor date: points ("23 May 2024", "last year", "Friday"), durations
// ("for three months", "over the last 20 years"), ranges ("from 2012 to 2016", "2020/21"), open
// spans ("since 2010", "up to May this year"), references ("now") and sets ("daily").
// Grammar is immutable after Create and thread-safe; a Parser is one call's working state.
//
// timex_atoms.cc holds the atoms (numbers, days, months, years, numeric formats, clock times),
// timex_parse.cc the points and their resolution, timex_spans.cc durations, ranges, open spans
// and the scan over a whole text.
#ifndef CLAIMEX_EXTRACTOR_TIMEX_PARSE_H_
#define CLAIMEX_EXTRACTOR_TIMEX_PARSE_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/rules.h"
#include "extractor/status.h"
#include "extractor/timex_lexicon.h"
#include "extractor/timex_resolve.h"

namespace claimex::timex {

// One time expression found in a text.
struct Parsed {
  enum class Type : uint8_t { kNone, kPoint, kDuration, kRange, kRef, kSet };
  Type type = Type::kNone;
  int begin = 0, end = 0;        // tokens [begin, end)
  uint32_t start = 0, stop = 0;  // the text span [start, stop)
  Point a;                       // kPoint; kRange: the start
  Point b;                       // kRange: the end
  bool b_is_last = false;        // the range runs to the end of b ("to the end of 2008")
  bool to_anchor = false;  // the span runs on to the anchor date ("since 2010", "so far this year")
  Dur dur;                 // kDuration
  int lead = 0;            // kDuration: -1 reaches back from the anchor ("the last 3 months"), +1
  std::string_view value;  // kRef: "PRESENT_REF"...; kSet: the period ("P1D")
  std::string_view kind = "date";  // TimeExpr::kind
};

struct Format {  // a numeric date format of patterns/time_formats.txt
  std::string name;
  std::unique_ptr<RE2> re;
  int y = 0, m = 0, mon = 0, d = 0, q = 0, h = 0;  // capture group numbers (0 = absent)
};

class Grammar {
 public:
  static Result<std::unique_ptr<const Grammar>> Create(const RuleSet& rules);

  // Appends the time expressions of `text` in order (non-overlapping; the longest at each start)
  // resolved against `anchor` (std::nullopt: relative times stay unresolved).
  void FindAll(std::string_view text, const std::optional<Date>& anchor,
               std::vector<Parsed>* out) const;
  // The same with `lower`, the text with ASCII letters folded to lower case (same length).
  void FindAll(std::string_view text, std::string_view lower, const std::optional<Date>& anchor,
               std::vector<Parsed>* out) const;

  const Lexicon& lexicon() const { return lexicon_; }
  const std::vector<Format>& formats() const { return formats_; }
  // All formats in one set anchored at the start: one pass tells whether any can match at all
  // (null: no such filter).
  const RE2::Set* any_format() const { return any_format_.get(); }

 private:
  Grammar() = default;
  // FindAll over one paragraph's tokens; *named is the last time named with its year.
  void Scan(std::string_view text, Toks toks, const std::optional<Date>& anchor, Point* named,
            std::vector<Parsed>* out) const;
  Lexicon lexicon_;
  std::vector<Format> formats_;
  std::unique_ptr<RE2::Set> any_format_;
};

// The recursive-descent recognizers over one text's tokens. Each returns the token index past
// what it read, or -1.
class Parser {
 public:
  Parser(const Grammar& g, std::string_view text, Toks toks, const std::optional<Date>& anchor)
      : g_(g),
        lex_(g.lexicon()),
        text_(text),
        toks_(toks),
        n_(static_cast<int>(toks.size())),
        anchor_(anchor) {}

  // The longest time expression starting at token i.
  int Expr(int i, Parsed* out) const;

  // --- atoms (timex_atoms.cc) ---
  bool IsWord(int i, std::string_view w) const {
    return i >= 0 && i < n_ && toks_[i].kind == Tok::kWord && toks_[i].lower == w;
  }
  bool IsPunct(int i, std::string_view p) const {
    return i >= 0 && i < n_ && toks_[i].kind == Tok::kPunct && toks_[i].lower == p;
  }
  bool Glued(int i) const { return i < n_ && !toks_[i].space_before; }
  int Match(int i, Lex kind, const Entry** e = nullptr) const {
    return lex_.Match(toks_, i, kind, e);
  }
  int Comma(int i) const { return IsPunct(i, ",") ? i + 1 : i; }  // skips an optional comma
  // An amount: digits, number words ("twenty-four", "a couple of"), "a"/"an" when allowed,
  // vague words ("several": *vague).
  int Number(int i, double* v, bool* vague, bool article) const;
  int Ordinal(int i, int* v) const;                 // "3rd", "third", "twenty-first"
  int Day(int i, int* d, bool words) const;         // a day of the month: "23", "23rd" (+ "third")
  int Month(int i, int* m, bool* ambiguous) const;  // "May", "Sept."
  int Weekday(int i, int* wd, bool* ambiguous) const;
  int Year(int i, int* y, bool spoken) const;  // "2016", "nineteen ninety-six"
  bool BareYearOk(int i, int end) const;       // a lone number that reads as a year
  bool Cued(int i) const;                      // a preposition before token i
  bool FutureBefore(int i) const;              // a future verb earlier in the clause
  bool NameAfter(int i) const;                 // a capitalized word at i inside a sentence
  int NumericDate(int i, Point* p) const;      // patterns/time_formats.txt
  int Clock(int i, Point* p) const;            // "3pm", "10:30 am", "noon"

  // --- points (timex_parse.cc) ---
  int PointExpr(int i, Point* p, bool cued, std::string_view* kind) const;
  int DateWithMonth(int i, Point* p, bool cued) const;
  int YearPoint(int i, Point* p, bool cued) const;
  int Quarter(int i, Point* p) const;
  int Season(int i, Point* p) const;
  int Relative(int i, Point* p) const;
  int WeekdayPoint(int i, Point* p, bool cued) const;
  int Holiday(int i, Point* p) const;

  // --- spans (timex_spans.cc) ---
  int DurationExpr(int i, Dur* d, bool article) const;  // "three months", "five-year"
  int Duration(int i, Parsed* out) const;  // with lead / approx / "in", or a point it moves to
  int Range(int i, Parsed* out) const;
  int PeriodTo(int i, Parsed* out) const;  // "the twelve months to May 2016", "the year to March"
  int OpenSpan(int i, Parsed* out) const;
  int Set(int i, Parsed* out) const;

  // --- resolution helpers (timex_parse.cc) ---
  // How a weekday is placed against the anchor.
  enum class WeekdayMode { kLast, kThis, kNext, kComing, kBarePast, kBareFuture };
  // A month name with no year (shift 0: the nearest, past unless the clause at token `at` is
  // future).
  void ResolveMonth(int month, int shift, Point* p, int at) const;
  void ResolveWeekday(int wd, WeekdayMode mode, Point* p) const;
  void ResolveDay(Point* p, int at) const;        // a day and month with no year, like ResolveMonth
  int NearestYear(int delta, bool future) const;  // see ResolveMonth
  bool QuarterContext(int i) const;    // "quarter" near token i: "a year ago" means that quarter
  int YearAgo(int i, Point* p) const;  // "year-ago", "the year-earlier period"
  Point FromAnchor(Gran g, int shift) const;  // this/last/next year, month, week ...
  bool HasAnchor() const { return anchor_.has_value(); }

 private:
  const Grammar& g_;
  const Lexicon& lex_;
  std::string_view text_;
  Toks toks_;
  int n_;
  const std::optional<Date>& anchor_;
  int PointExprAt(int i, Point* p, bool cued, std::string_view* kind) const;
  struct Memo {
    int at = -1;
    bool cued = false;
    int end = -1;
    Point p;
    std::string_view kind;
  };
  static constexpr int kMemo = 16;
  mutable Memo memo_[kMemo];  // the last PointExpr results by start token and cue
};

}  // namespace claimex::timex

#endif  // CLAIMEX_EXTRACTOR_TIMEX_PARSE_H_
