// What the extractor finds in one article: sentences, claims (figures), time expressions, quotes
// and speakers. Plain data. Every Span is a UTF-8 byte range [start, end) into Article::body.
#ifndef CLAIMEX_EXTRACTOR_EXTRACTION_H_
#define CLAIMEX_EXTRACTOR_EXTRACTION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace claimex {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;  // exclusive
  uint32_t size() const { return end - start; }
  bool operator==(const Span&) const = default;
};

struct Sentence {
  Span span;
  int paragraph = 0;  // index of the paragraph that holds it
};

// The qualifier of a figure: "nearly 500" is kApprox, "more than 30" kGt, "up to 5" kLe.
enum class Qualifier { kExact, kApprox, kGt, kGe, kLt, kLe };
// A rise or a fall: "rose 5%", "cut by £700m" (kDown), or none.
enum class Change { kNone, kUp, kDown };
// What a changed figure is: the difference ("fell by 20%") or the new level ("fell to 3.3").
enum class ChangeKind { kNone, kBy, kTo };

const char* QualifierName(Qualifier q);  // "exact" "approx" "gt" "ge" "lt" "le"
const char* ChangeName(Change c);        // nullptr for kNone, else "up" / "down"
const char* ChangeKindName(ChangeKind k);  // nullptr for kNone, else "by" / "to"

struct Rate {  // the denominator of a rate: "per 1,000 people" -> {1000, "people"}
  double value = 1;
  std::string noun;
};

struct TimeExpr {
  Span span;
  std::string text;   // the words as in the body
  std::string timex;  // TIMEX3-style value: "2016", "2016-05-23", "P3M", "PRESENT_REF"; "" = none
  std::string from;   // resolved start "YYYY[-MM[-DD]]", "" = open/unknown
  std::string to;     // resolved end, "" = open/unknown
  std::string kind;   // "date", "range", "since", "until", "duration", "relative", "set"
};

struct Claim {
  Span span;          // the figure itself: "£700 million", "nearly 500", "20 per cent"
  std::string text;   // the body's bytes at span
  std::optional<double> value;  // a single value; unset for ranges
  std::optional<double> low;    // a range "between 5 and 10": low/high; open ends unset
  std::optional<double> high;
  std::string unit;   // ISO 4217 code, "percent", "percentage_point", a unit symbol, or "count"
  std::string noun;   // the counted noun for "count" ("knives"), "" when none is found
  Qualifier qualifier = Qualifier::kExact;
  std::optional<Rate> per;
  Change change = Change::kNone;
  ChangeKind change_kind = ChangeKind::kNone;
  std::string measured;   // the measured thing as text, "" when not found
  int restates = -1;      // index of the claim this one restates in parentheses, or -1
  int sentence = -1;      // index into Extraction::sentences
  int time = -1;          // index into Extraction::times: the span that scopes the claim
  int speaker = -1;       // index into Extraction::speakers (quote or reported speech)
  std::string source;     // named non-quote source ("City Hall", "ONS"), "" when none
  std::string attribution_rule;  // the rule that set speaker/source ("" when none)
};

struct Speaker {
  std::string name;  // canonical full name ("Sadiq Khan")
  std::string role;  // "Mayor of London", "" when unknown
  std::string org;   // organisation, "" when unknown
  std::vector<std::string> aliases;  // other ways the article names them ("Mr Khan", "the Mayor")
};

enum class QuoteKind { kDirect, kReported };
const char* QuoteKindName(QuoteKind k);  // "direct" / "reported"

struct Quote {
  Span span;          // the quoted words (without the quote marks)
  QuoteKind kind = QuoteKind::kDirect;
  int speaker = -1;   // index into Extraction::speakers, -1 when unresolved
  std::string cue;    // the attribution cue as written ("Mr Khan added", "he said")
  std::string rule;   // the rule that attributed it ("said-after", "pronoun", ...)
};

struct Extraction {
  std::vector<Sentence> sentences;  // in body order, covering every non-blank paragraph
  std::vector<Claim> claims;        // in body order
  std::vector<TimeExpr> times;      // in body order
  std::vector<Quote> quotes;        // in body order
  std::vector<Speaker> speakers;
  std::string anchor_date;  // the date relative times were resolved against ("" = none),
                            // from the feed's "published" or a dateline in the text
};

// A link between two statements (sentences) of different articles that repeat each other.
enum class LinkKind { kVerbatim, kNear, kFigure, kQuote };
const char* LinkKindName(LinkKind k);  // "verbatim" "near" "figure" "quote"

struct LinkSide {
  std::string article;  // article id
  Span span;            // the statement (sentence) in that article's body
};

struct Link {
  LinkSide a;  // the earlier article (source of the chain) when known
  LinkSide b;
  LinkKind kind = LinkKind::kVerbatim;
  double score = 0;  // 0..1, higher is surer
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_EXTRACTION_H_
