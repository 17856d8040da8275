// Internal: the text model of one article. The body is kept verbatim; matching runs over a
// normalized view of it (NFKC via utf8proc; curly quotes to straight, dashes to '-', odd spaces to
// ' ', CR LF and CR to '\n', soft hyphens and zero-width characters dropped) with a map from every
// normalized byte back to the body byte it came from. Paragraphs, sentences and tokens are spans
// of the normalized view. Implemented in normalize.cc (NormalizedText) and segment.cc.
#ifndef CLAIMEX_EXTRACTOR_TEXT_H_
#define CLAIMEX_EXTRACTOR_TEXT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/article.h"
#include "extractor/extraction.h"
#include "extractor/rules.h"
#include "extractor/status.h"

namespace claimex {

// The normalized view. Each character (a base with its combining marks) is normalized on its
// own, so every normalized byte comes from one body range: NFKC ("ﬁ" -> "fi", "…" -> "...",
// fullwidth -> ASCII), quotes ‘ ’ ‚ ‛ ′ -> ' and “ ” „ ‟ ″ « » -> ", dashes and minus -> '-',
// no-break/odd spaces and tabs -> ' ', CR LF / CR / U+2028 -> '\n', soft hyphen and zero-width
// characters dropped, other control characters and invalid UTF-8 bytes -> ' '. ASCII text is
// copied with an identity map.
class NormalizedText {
 public:
  NormalizedText() = default;
  explicit NormalizedText(std::string_view body);

  const std::string& text() const { return text_; }
  // The body offset of normalized byte `offset` (offset == text().size() maps to the body's end).
  uint32_t ToRaw(uint32_t offset) const { return map_[offset]; }
  // A normalized span as a body span: start maps to the first byte it came from, end to the end
  // of the body bytes behind the span's last byte.
  Span ToRaw(Span span) const;
  // The normalized offset of body byte `raw` (the first normalized byte at or after it).
  uint32_t FromRaw(uint32_t raw) const;

 private:
  std::string text_;
  std::vector<uint32_t> map_{0};   // text_.size() + 1 entries: start of the source bytes
  std::vector<uint32_t> map_end_;  // text_.size() entries: end of the source bytes
};

struct Token {
  enum class Kind : uint8_t { kWord, kNumber, kPunct, kSymbol };
  Span span;  // normalized offsets
  Kind kind = Kind::kWord;
};

// The text model: the normalized view with its paragraphs, sentences and tokens.
struct Document {
  const Article* article = nullptr;  // not owned; outlives the Document
  NormalizedText norm;
  std::vector<Span> paragraphs;      // non-blank paragraphs, normalized offsets
  std::vector<Sentence> sentences;   // normalized offsets, in order, within paragraphs
  std::vector<Token> tokens;         // normalized offsets, in order (when want_tokens)
  // Whether Segmenter::Segment fills `tokens` (the extraction stages tokenize on their own and
  // never read them; Extractor::Extract turns this off).
  bool want_tokens = true;
  // norm.text() with ASCII A-Z folded to lower case (other bytes as they are; same length), made
  // once by Segmenter::Segment for the stages that match words case-insensitively. Empty in a
  // Document built otherwise: a stage then folds its own copy (see LowerOf).
  std::string lower;

  std::string_view Text(Span s) const {
    return std::string_view(norm.text()).substr(s.start, s.end - s.start);
  }
  // Index of the sentence that holds normalized offset `offset`, or -1.
  int SentenceAt(uint32_t offset) const;
};

// Folds ASCII A-Z in *s to lower case in place (other bytes as they are).
void FoldAsciiCase(std::string* s);
// `doc.lower` when the Segmenter made it, else *buf filled with the folded text.
std::string_view LowerOf(const Document& doc, std::string* buf);

// Splits text into paragraphs, sentences and tokens. Immutable after Create; Segment() is
// thread-safe (one ICU iterator per thread).
//  - Paragraphs: runs of lines between blank lines (a line of spaces is blank); in a text with no
//    blank line, every line (a line that does not end a sentence continues into a next line that
//    starts in lower case or with a digit). A line starting with a bullet ("•", "- ", "* ") is a
//    paragraph of its own. Spans are trimmed.
//  - Sentences: ICU's sentence BreakIterator over each paragraph (line ends read as spaces), with
//    no break after the abbreviations of patterns/abbreviations.txt (classes title/end/num, see
//    there; `end` ones break only before a word of patterns/sentence_openers.txt) or initials,
//    none before a lower-case word or after '?"' when a short attribution follows ("“Why?” Mr
//    Dale asked." — direct verbs of patterns/speech_verbs.txt), and a split where two sentences
//    are glued ("ended.The"). Spans are trimmed; an empty or blank body has no sentences.
//  - Tokens: words (letters and digits with inner ' and -: "Londoner's", "first-time"), numbers
//    (digits with inner , . : "30,000" "3.3" "12:30"), symbols ("£ $ € %" and other Unicode
//    symbols), punctuation (anything else; "..." is one token).
class Segmenter {
 public:
  static Result<std::unique_ptr<const Segmenter>> Create(const RuleSet& rules);
  virtual ~Segmenter() = default;
  // Builds *doc for `article` (doc->article is set to &article).
  virtual Status Segment(const Article& article, Document* doc) const = 0;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_TEXT_H_
