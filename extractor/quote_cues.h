// Internal: attribution cues. For a direct quote, the words that say who spoke it — after it
// ('"...," said Mr Smith', '"...," she added', '"..." - Jo Bloggs'), before it ('Jo Bloggs,
// Mayor, said: "...', 'According to X, "...', a name and a colon), or a speech verb elsewhere in
// its sentence. For a sentence, reported speech without quote marks: 'X said (that) ...',
// '..., X said.', '..., said X.', 'according to X, ...', and ', saying ...' after a clause whose
// subject is the speaker. Every cue records the rule that found it (Cue::rule). Reported speech
// is in quote_reported.cc.
#ifndef CLAIMEX_EXTRACTOR_QUOTE_CUES_H_
#define CLAIMEX_EXTRACTOR_QUOTE_CUES_H_

#include <vector>

#include "extractor/quote_lexicon.h"
#include "extractor/quote_marks.h"
#include "extractor/quote_words.h"
#include "extractor/speaker_mentions.h"
#include "extractor/text.h"

namespace claimex {

struct Cue {
  Mention who;
  int verb_first = -1;  // word range of the cue verb ("said", "according to"), -1 when none
  int verb_last = -1;
  const char* rule = "";  // "verb-speaker", "speaker-verb", "speaker-verb-colon", ...
  bool ok() const { return who.ok(); }
  // The cue's word range [first, last): speaker phrase and verb together.
  int first() const { return verb_first >= 0 ? std::min(who.first, verb_first) : who.first; }
  int last() const { return verb_last >= 0 ? std::max(who.last, verb_last) : who.last; }
};

// Reported content shorter than this many words is not kept.
constexpr int kMinReportedWords = 3;

Cue MakeCue(const Mention& m, int verb_first, int verb_last, const char* rule);

// Reported speech found in a sentence.
struct ReportedSpeech {
  Span span;  // the reported content (normalized offsets), e.g. "the cuts had put ..."
  Cue cue;
};

class CueFinder {
 public:
  CueFinder(const Document& doc, const WordIndex& words, const QuoteLexicon& lex,
            const MentionParser& parser);

  // The cue right after the closing mark of `seg`, or a Cue that is not ok().
  Cue After(const QuoteSegment& seg) const;
  // The cue right before the opening mark of `seg` (or ending the previous paragraph with ':').
  Cue Before(const QuoteSegment& seg) const;
  // A speech verb with a speaker before the quote in the same sentence ('X told the forum he was
  // "against the war"').
  Cue InSentence(const QuoteSegment& seg) const;
  // Appends the reported speech of sentence `s` (index into doc.sentences). Verbs inside the
  // spans `quoted` (direct quotes, ascending) or among the words `used` (cue words of direct
  // quotes, one flag per word) are not looked at.
  void Reported(int s, const std::vector<Span>& quoted, const std::vector<bool>& used,
                std::vector<ReportedSpeech>* out) const;

 private:
  // The speech verb that starts at word i with all of `flags` set (any of them when `any`);
  // returns its flags (0 when none) and its length in *len.
  int VerbAt(int i, int limit, int flags, int* len) const;
  // The verb ending at word j (inclusive) with one of `flags`; its first word in *first.
  int VerbEndingAt(int j, int floor, int flags, int* first) const;
  bool Inside(const std::vector<Span>& quoted, uint32_t offset) const;
  // A cue that ends the sentence before a quote, at the full stop `stop`.
  Cue PreviousCue(int stop, int floor) const;
  // Where reported content starts after a verb ending before word i: skips adjuncts and, for
  // object verbs, the addressee; `loose` also skips a phrase before "that" ("said in a letter
  // that"). -1 when no content can start there.
  int ContentStart(int i, int limit, int flags, bool loose = true) const;
  // "According to X, ..." / "..., according to X." in sentence words [sf, sl).
  void AccordingTo(int sf, int sl, const std::vector<Span>& quoted, const std::vector<bool>& used,
                   std::vector<ReportedSpeech>* out) const;
  // The first word after a newswire dateline opening words [first, last), else `first`.
  int AfterDateline(int first, int last) const;
  // Appends content [c0, c1) with its cue unless it is too short or all one direct quote; the
  // content ends before the cue words of a direct quote inside it. True when appended.
  bool Emit(int c0, int c1, const Cue& cue, const std::vector<Span>& quoted,
            const std::vector<bool>& used, std::vector<ReportedSpeech>* out) const;
  // The subject at the start of sentence [first, limit): a name, pronoun or role phrase.
  Mention SentenceSubject(int first, int limit) const;
  // A subject phrase (pronoun, name with titles, "the Mayor") that starts at word i.
  Mention SubjectAt(int i, int limit) const;
  Span ContentSpan(int first, int last) const;
  // True when the phrase holds a word for published numbers ("statistics"): a source, no speaker.
  bool IsSourceNoun(const Mention& m) const;  // words [first, last), trailing marks trimmed

  const Document& doc_;
  const WordIndex& w_;
  const QuoteLexicon& lex_;
  const MentionParser& mp_;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_QUOTE_CUES_H_
