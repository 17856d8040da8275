// Internal: finds the stretches of text between quote marks (the candidates for direct quotes).
//
// Double marks (curly, straight, and the doubled apostrophe '' some wires use) are paired within a
// paragraph, left to right. A mark's direction comes from its neighbours (space before and a word
// after: opening), and, when they do not tell, from the body's curly mark (doc.article->body
// through the offset map: “ opens, ” closes). An opening mark inside an open quote nests; a
// quote still open at the end of its paragraph runs to the paragraph's end, and when the next
// paragraph opens with a mark it continues there (the multi-paragraph convention). Single marks
// (UK style) are paired outside double-quoted text; an apostrophe inside a word ("don't",
// "O'Connell") or a possessive ("workers' rights") is not a mark. Stray marks are skipped.
#ifndef CLAIMEX_EXTRACTOR_QUOTE_MARKS_H_
#define CLAIMEX_EXTRACTOR_QUOTE_MARKS_H_

#include <cstdint>
#include <vector>

#include "extractor/extraction.h"
#include "extractor/text.h"

namespace claimex {

struct QuoteSegment {
  Span span;               // the quoted words without the marks, trimmed (normalized offsets)
  uint32_t open = 0;       // offset of the opening mark
  uint32_t close = 0;      // offset of the closing mark (its first byte); span.end when unclosed
  uint32_t close_end = 0;  // offset just after the closing mark (or span.end when unclosed)
  bool closed = false;
  bool single = false;     // single quote marks
  int paragraph = 0;       // index into Document::paragraphs
  bool continued = false;  // continues the unclosed quote of the previous paragraph
};

// The quote segments of `doc`, in text order. Never fails; unbalanced marks give fewer segments.
std::vector<QuoteSegment> FindQuoteSegments(const Document& doc);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_QUOTE_MARKS_H_
