// Internal: finds direct quotes and reported speech, their attribution cues, and the article's
// speakers (full name, role, aliases; pronouns resolved to the latest compatible speaker).
// Immutable after Create; Find() is thread-safe.
//
// Conventions of the output:
//   - A direct quote's span is the quoted words without the marks; a quote that runs over several
//     paragraphs gives one Quote per paragraph, all with the same speaker.
//   - Reported speech ("Mr Bloggs said the cuts had ...") is kind kReported with the span of the
//     reported content ("the cuts had ..."), "that" included when written; a mixed quote ('said
//     the cuts were "drastic"') is one kReported quote over the whole content.
//   - Scare quotes and titles in quote marks (short, inside a sentence, no cue) are no quotes.
//   - Quote::cue is the cue as written ("Mr Khan added"); Quote::rule is "<cue rule>/<how the
//     speaker was resolved>": cue rules "verb-speaker", "speaker-verb", "speaker-verb-colon",
//     "speaker-verb-before", "speaker-verb-object", "speaker-colon", "speaker-colon-line",
//     "colon-block", "dash-signoff", "according-to", "previous-cue", "sentence-verb", "gerund",
//     "continued", "same-paragraph", "next-paragraph", "unattributed" for direct quotes;
//     "speaker-verb-content", "content-speaker-verb", "content-verb-speaker", "parenthetical",
//     "relative-who", "coordinated", "gerund", "gerund-opening", "according-to" for reported
//     speech (quote_reported.cc); resolutions "name", "name-part", "surname", "first-name",
//     "surname-only", "role", "pronoun", "org", "description", "inherited", "none".
//   - Speaker::name is the canonical full name as the article writes it ("Sadiq Khan"),
//     Speaker::role the title ("Mayor of London"), Speaker::aliases the other forms cues used
//     ("Mr Khan", "the Mayor"). An organisation speaking for itself ("the Home Office said"), or
//     a name the article never marks as a person and never quotes directly ("Time Warner said"),
//     has Speaker::org equal to its name.
// Rule files: speech_verbs, honorifics, roles, pronouns, first_names, organisations,
// name_stopwords, name_particles, function_words, speech_adjuncts, reported_content_stops,
// gerund_stops, press_release, source_nouns (see quote_lexicon.h).
#ifndef CLAIMEX_EXTRACTOR_QUOTES_H_
#define CLAIMEX_EXTRACTOR_QUOTES_H_

#include <memory>
#include <vector>

#include "extractor/extraction.h"
#include "extractor/rules.h"
#include "extractor/text.h"

namespace claimex {

class QuoteFinder {
 public:
  static Result<std::unique_ptr<const QuoteFinder>> Create(const RuleSet& rules);
  virtual ~QuoteFinder() = default;
  // Appends the quotes of `doc` in text order (NORMALIZED offsets) and the speakers they
  // reference (Quote::speaker indexes *speakers).
  virtual void Find(const Document& doc, std::vector<Quote>* quotes,
                    std::vector<Speaker>* speakers) const = 0;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_QUOTES_H_
