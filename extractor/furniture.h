// Page furniture: the lines a web page wraps around a story ("Skip to main content", "3 min
// read", "Share this page", cookie banners, "Leave a Reply" and the comment form after it,
// accessibility notices), found by the rules in patterns/furniture.txt.
//
// Two uses:
//  - HTML pages and feed items: their text is made by claimex, so furniture paragraphs are simply
//    dropped (KeepParagraphs).
//  - Plain-text articles: the body is kept byte for byte (every span is a byte range into it), so
//    furniture is only marked (Find) and what the extractor found inside it is dropped afterwards
//    (Apply). The Extractor calls Apply() once per article, after spans are body offsets.
#ifndef CLAIMEX_EXTRACTOR_FURNITURE_H_
#define CLAIMEX_EXTRACTOR_FURNITURE_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/extraction.h"
#include "extractor/rules.h"
#include "extractor/status.h"

namespace claimex {

// A furniture range of a body: whole lines (a tail runs to the end of the body). Consecutive
// furniture lines with only blank lines between them make one range.
struct FurnitureSpan {
  Span span;              // body byte range, from the first byte of a line to the end of a line
  bool dateline = false;  // a dateline / bullet date: its time expressions are the article's
};

class FurnitureFilter {
 public:
  // Compiles patterns/furniture.txt; a bad pattern fails with "patterns/furniture.txt:N: ...".
  static Result<std::unique_ptr<const FurnitureFilter>> Create(const RuleSet& rules);

  enum class Kind { kNone, kLine, kDate, kTail };
  // The kind of one line (leading/trailing whitespace ignored; lines over 160 bytes are kNone).
  Kind Classify(std::string_view line) const;

  // The furniture of a plain-text body, in order. A 'tail' line only counts when it starts in
  // the second half of the body (else it is an ordinary furniture line).
  std::vector<FurnitureSpan> Find(std::string_view body) const;

  // Drops from *ex (spans are body offsets) the sentences that lie wholly inside furniture, and
  // the claims, quotes and time expressions that overlap it — except time expressions in a
  // dateline. Indices between them (Claim::sentence, ::time, ::restates) are renumbered; one that
  // pointed at something dropped becomes -1.
  void Apply(std::string_view body, Extraction* ex) const;

  // The paragraphs of extracted text (HTML blocks, feed paragraphs) that are not furniture, in
  // order; a 'tail' paragraph in the second half (by characters) drops itself and all after it.
  // *dateline (when not null) gets the first dateline paragraph dropped, "" when none.
  std::vector<std::string> KeepParagraphs(std::vector<std::string> paragraphs,
                                          std::string* dateline = nullptr) const;

 private:
  FurnitureFilter() = default;
  std::unique_ptr<RE2> line_, date_, tail_;
  // The three in one set anchored at both ends: one pass tells whether a line can be furniture
  // at all (most lines are not); only then are they tried one by one. Null: no such filter.
  std::unique_ptr<RE2::Set> any_;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_FURNITURE_H_
