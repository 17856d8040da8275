// Internal: the word lists the quote finder reads, compiled once from patterns/:
//   speech_verbs.txt            said, told, added, warned ... and what each can introduce
//   honorifics.txt              Mr, Mrs, Dr, Sir, Cllr, Baroness ... with a gender
//   roles.txt                   Mayor, Assistant Commissioner, spokeswoman ... (gender optional)
//   pronouns.txt                he, she, they, it
//   first_names.txt             common first names with a gender
//   organisations.txt           words that make a capitalised name an organisation
//   name_stopwords.txt          capitalised words that are never part of a person's name
//   name_particles.txt          "de", "von", "bin" inside names
//   speech_adjuncts.txt         "in a statement", "on Monday" between cue words
//   reported_content_stops.txt  words that cannot open reported speech
//   gerund_stops.txt            words after which a participle is no cue ("without saying")
//   press_release.txt           "Notes to editors" and other closing headings
//   function_words.txt          determiners, conjunctions, relatives, prepositions
//   source_nouns.txt            "figures", "statistics": "according to" them is a source
//   speech_nouns.txt            "claim", "warning": "X's claim that ..." is reported speech
// Immutable after Create.
#ifndef CLAIMEX_EXTRACTOR_QUOTE_LEXICON_H_
#define CLAIMEX_EXTRACTOR_QUOTE_LEXICON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "extractor/quote_words.h"
#include "extractor/rules.h"
#include "extractor/status.h"

namespace claimex {

enum class Gender : uint8_t { kAny = 0, kMale, kFemale, kPlural, kThing };

// Flags of a speech verb (speech_verbs.txt).
enum VerbFlag : uint8_t {
  kVerbReport = 1,    // introduces reported speech: "X said the cuts had ..."
  kVerbThat = 2,      // introduces reported speech with "that" only
  kVerbDirect = 4,    // ties a direct quote
  kVerbObject = 8,    // may name an addressee first: "told the BBC"
  kVerbTo = 16,       // may take an infinitive: "vowed to ..."
  kVerbGerund = 32,   // a participle after the main clause: "..., saying ..."
  kVerbMixed = 64,    // reported content only with a quote in it: 'X called it "a disaster"'
  kVerbStance = 128,  // like kVerbMixed, or a named person's stance: "Jo Bloggs criticised X"
};

// Where an adjunct (speech_adjuncts.txt) may stand.
enum AdjunctPlace { kAdjunctBoth = 1, kAdjunctBefore = 2 };

// Classes of function_words.txt (bits; a word may have several).
enum WordClass : uint8_t {
  kDeterminer = 1,
  kConjunction = 2,
  kRelative = 4,
  kPreposition = 8,
  kWh = 16,
  kSubordinator = 32,
  kClauseLink = kConjunction | kSubordinator,
};

struct QuoteLexicon {
  static Result<std::unique_ptr<const QuoteLexicon>> Create(const RuleSet& rules);

  PhraseSet verbs;                // value: VerbFlag bits
  PhraseSet honorifics;           // value: Gender
  PhraseSet roles;                // value: Gender
  PhraseSet surname_roles;        // titles that are also surnames ("King", "Major"); value: 1
  PhraseSet pronouns;             // value: Gender
  PhraseSet first_names;          // value: Gender ("Jo Bloggs" is a person, "Time Warner" not)
  PhraseSet adjuncts;             // value: AdjunctPlace
  PhraseSet content_stops;        // value: 1
  PhraseSet gerund_stops;         // value: 1 (no cue after them: "without saying")
  PhraseSet press_release;        // value: 1
  PhraseSet source_nouns;         // value: 1 ("figures", "statistics": not a speaker)
  PhraseSet speech_nouns;         // value: 1 ("claim", "warning": "X's claim that ...")
  StringMap<int> org_words;       // case-sensitive
  StringMap<int> name_stops;      // case-sensitive
  StringMap<int> name_particles;  // case-sensitive
  StringMap<int> function_words;  // lower case -> WordClass bits

  // The WordClass bits of a lower-case word (0 when it is none of them).
  int ClassOf(std::string_view lower) const {
    auto it = function_words.find(lower);
    return it == function_words.end() ? 0 : it->second;
  }

  bool IsOrgWord(std::string_view w) const { return org_words.find(w) != org_words.end(); }
  bool IsNameStop(std::string_view w) const { return name_stops.find(w) != name_stops.end(); }
  bool IsParticle(std::string_view w) const {
    return name_particles.find(w) != name_particles.end();
  }
};

// Parses "male" / "female" / "any" / "plural" / "thing" ("" = any); false when unknown.
bool ParseGender(std::string_view s, Gender* g);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_QUOTE_LEXICON_H_
