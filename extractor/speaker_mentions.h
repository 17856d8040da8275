// Internal: reads how a text names a speaker. A Mention is the phrase in an attribution cue that
// stands for who spoke: a name with its honorific and role ("The Mayor of London Sadiq Khan",
// "Mr O'Connell"), a pronoun ("she"), a role alone ("the Mayor"), an organisation ("the Home
// Office") or a description ("a source familiar with the talks").
#ifndef CLAIMEX_EXTRACTOR_SPEAKER_MENTIONS_H_
#define CLAIMEX_EXTRACTOR_SPEAKER_MENTIONS_H_

#include <string>

#include "extractor/quote_lexicon.h"
#include "extractor/quote_words.h"

namespace claimex {

struct Mention {
  enum Kind : uint8_t { kNone, kName, kPronoun, kRole, kOrg, kDescription };
  Kind kind = kNone;
  int first = 0;  // word range [first, last) of the whole phrase
  int last = 0;
  int name_first = 0;  // word range of the name (kName, kOrg)
  int name_last = 0;
  std::string role;       // "Mayor of London", "Stein spokeswoman" ("" when none)
  std::string role_head;  // the role word from roles.txt, lower case ("mayor")
  Gender gender = Gender::kAny;
  bool honorific = false;       // "Mr Khan"
  bool after_relative = false;  // preceded by "which"/"who"/"that" ("which he said ...")

  bool ok() const { return kind != kNone; }
  int name_words() const { return name_last - name_first; }
};

class MentionParser {
 public:
  MentionParser(const WordIndex& words, const QuoteLexicon& lex) : w_(words), lex_(lex) {}

  // The speaker phrase that ends right before word `end` (adjuncts such as "also", "has",
  // "on Monday" in between are skipped), not reaching before word `floor`. Handles appositions:
  // "Steve Smith, the party's spokesman, said" and "Assistant Commissioner Jo Bloggs, said".
  Mention Before(int end, int floor) const;
  // The speaker phrase that starts at word `start` ("said Mr Smith", "said a spokesman for X"),
  // not reaching word `limit`. A role in apposition after a name ("said Jo Bloggs, an
  // economist at X") fills Mention::role.
  Mention After(int start, int limit) const;
  // Reads the words [first, last) as honorific + role + name (or organisation). Lower-case role
  // words may come first ("pollster Pat Caddell"); kRole when there is no name ("the Mayor").
  Mention Classify(int first, int last) const;
  // The name phrase whose last word is `j` (a name word), with the honorific, role and
  // lower-case role words before it ("Stein spokeswoman Melezia Figueroa").
  Mention NameEndingAt(int j, int floor) const { return NameBefore(j, floor); }

  // True when word i is the full stop of an abbreviated honorific or title ("Mr." "Sen.").
  bool IsAbbreviationStop(int i, int floor) const;
  // True when word i can be part of a capitalised name (a capitalised word or an initial).
  bool IsNameWord(int i) const;
  // The start of the run of name words (and "of"/"for" inside a role, particles, honorific full
  // stops) that ends at word `last` (inclusive), not before `floor`.
  int RunStart(int last, int floor) const;
  // The end (exclusive) of the run that starts at word `first`, not reaching `limit`.
  int RunEnd(int first, int limit) const;
  // True when the word before `i` ends a clause: start of text, punctuation, a conjunction.
  bool AtClauseStart(int i, int floor) const;
  // Skips adjuncts going backwards from word `i` (inclusive); returns the first word that is not
  // part of one. `before_verb` also allows the "before" adjuncts (auxiliaries).
  int SkipAdjunctsBack(int i, int floor, bool before_verb) const;
  // True when word k is an apostrophe that ends a plural possessive ("the Tenants' Union").
  bool IsPossessiveMark(int k) const;
  // Skips, going back from word j: adjuncts, one -ly adverb, a parenthesis.
  int SkipBack(int j, int floor) const;
  // Skips adjuncts going forwards from word `i`; returns the first word after them.
  int SkipAdjunctsForward(int i, int limit) const;
  // The head word of the role phrase of `len` words at word i, lower case: the word before
  // "of"/"for" ("mayor" in "Mayor of London"), else the last word ("commissioner").
  std::string RoleHead(int i, int len) const;
  // The text of words [first, last) as written.
  std::string TextOf(int first, int last) const;
  // lex.ClassOf(word k in lower case), looked up once per word and document (k must be a word
  // index).
  int ClassAt(int k) const {
    if (k < 0 || k >= w_.size()) return lex_.ClassOf(w_.Lower(k));  // (as the callers did)
    if (class_of_.empty()) class_of_.assign(w_.size(), -1);
    int& c = class_of_[k];
    if (c < 0) c = lex_.ClassOf(w_.Lower(k));
    return c;
  }

 private:
  Mention LowerCaseBefore(int j, int floor) const;
  // The speaker among comma-separated segments ending at the comma `comma`.
  Mention Apposed(int comma, int floor) const;
  bool IsSegmentBreak(int k) const;
  // The role text of words [first, last) if they hold a title ("the party's spokesman").
  std::string RoleIn(int first, int last, std::string* head, Gender* gender) const;
  Mention NameBefore(int j, int floor) const;

  const WordIndex& w_;
  const QuoteLexicon& lex_;
  mutable std::vector<int> class_of_;  // ClassAt's cache, -1: not looked up yet
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_SPEAKER_MENTIONS_H_
