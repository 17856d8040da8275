// Internal: the per-article speaker registry. Scan() reads every name the article writes (full
// names with their roles — "Mayor of London Sadiq Khan", "Steve Smith, the party's spokesman" —
// and organisations) and where each person is mentioned again (surname with or without
// honorific, first name, role alone). Resolve() turns the Mention of an attribution cue into a
// Speaker: a full name resolves to itself; a surname or first name to the one full name in the
// article that has it (the most recent one when several do); "the Mayor" to the person who holds
// the role; a pronoun to the most recent compatible person mentioned before it (not across a
// "Notes to editors" heading, at most a few paragraphs back). An organisation that speaks for
// itself ("the Home Office said") is a Speaker whose org equals its name.
#ifndef CLAIMEX_EXTRACTOR_SPEAKER_REGISTRY_H_
#define CLAIMEX_EXTRACTOR_SPEAKER_REGISTRY_H_

#include <string>
#include <vector>

#include "extractor/extraction.h"
#include "extractor/quote_lexicon.h"
#include "extractor/quote_words.h"
#include "extractor/speaker_mentions.h"

namespace claimex {

class SpeakerRegistry {
 public:
  // `paragraphs`: the document's paragraphs; `section_starts`: normalized offsets where a new
  // section begins that references do not cross ("Notes to editors"), ascending.
  SpeakerRegistry(const WordIndex& words, const QuoteLexicon& lex, const MentionParser& parser,
                  const std::vector<Span>& paragraphs, std::vector<uint32_t> section_starts);

  // Reads the names of the whole text. Call once before Resolve().
  void Scan();

  struct Resolution {
    int speaker = -1;      // index into the speakers vector, -1 when unresolved
    const char* how = "";  // "name", "surname", "first-name", "role", "pronoun", "org", ...
  };
  // Resolves mention `m` of a cue to a speaker, adding it to *speakers when it first speaks.
  // Call in text order: a resolved mention becomes a reference point for later pronouns.
  Resolution Resolve(const Mention& m, std::vector<Speaker>* speakers);

  // True when the article marks speaker s as a person: an honorific, a title, a common first
  // name, or a "he"/"she" that refers to them. Other speakers ("Time Warner said ...") may be
  // organisations.
  bool MarkedAsPerson(int speaker) const;

  // True when mention m (a name) refers to a person or organisation the article names.
  bool Knows(const Mention& m) const;

  // The person index of speaker `s` (for tests), or -1.
  int PersonCount() const { return static_cast<int>(people_.size()); }
  const std::string& PersonName(int p) const { return people_[p].name; }

 private:
  struct Person {
    std::string name;        // canonical full name ("Sadiq Khan") or organisation
    std::string first_word;  // lower case
    std::string last_word;   // lower case
    std::string role;        // "Mayor of London"
    std::string role_head;   // "mayor"
    Gender gender = Gender::kAny;
    bool org = false;
    int speaker = -1;           // index into the speakers vector once they speak
    std::vector<int> mentions;  // word indexes where the article names them, ascending
    int same_as = -1;           // merged into this person ("Rival Jo Bloggs" -> "Jo Bloggs")
    bool honorific = false;     // named with an honorific ("Mr. Guajardo Villarreal")
    bool first_name = false;    // the name starts with a common first name
    bool by_pronoun = false;    // a "he"/"she" cue resolved to them
  };
  int AddPerson(const Mention& m);
  int Canon(int p) const;
  int FindByName(int first, int last) const;  // the person with exactly this name, or -1
  // A known person for a full name that is not known as written: a longer name ending with it,
  // or a part of it ("Rival Jo Bloggs", "Bloggs Vows" in a title-case headline).
  int FindPartName(const Mention& m, int before_word) const;
  void MergeLongNames();
  bool TitleCase(Span paragraph) const;
  int FindByWord(std::string_view lower, bool last_word, int before_word) const;
  int FindByRole(const std::string& role_head, int before_word) const;
  int LatestMention(int person, int before_word) const;
  int ResolvePronoun(const Mention& m) const;
  // True when the article marks p as a person: a speaker, an honorific, a title or a gender.
  bool Strong(const Person& p) const;
  void AddMention(int word, int person);
  void SortMentions();
  void NoteRole(int person, const Mention& m);
  void SetRoleHead(int person, const std::string& head);
  // The role in apposition after a name ("Jo Bloggs, the party's spokesman,") or before it
  // ("London Assembly member for Hackney, Jo Bloggs said"); "" when none.
  std::string AppositeRole(const Mention& m, std::string* head) const;
  // The organisation a role names ("Chief Inspector at Northshire Police"), "" when none.
  std::string OrgOfRole(const std::string& role) const;
  int ParagraphOf(int word) const;
  int SectionOf(int word) const;

  const WordIndex& w_;
  const QuoteLexicon& lex_;
  const MentionParser& mp_;
  const std::vector<Span>& paragraphs_;
  std::vector<uint32_t> section_starts_;
  std::vector<Person> people_;
  StringMap<int> by_name_;                     // lower-case canonical name -> person
  std::vector<std::pair<int, int>> mentions_;  // (word index, person), ascending
  // People with a full name (two words or more) by their first and last word, lower case, and
  // people by the head of their title ("mayor").
  StringMap<std::vector<int>> by_first_;
  StringMap<std::vector<int>> by_last_;
  StringMap<std::vector<int>> by_role_;
  bool scanning_ = false;  // Scan() appends mentions and sorts them once
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_SPEAKER_REGISTRY_H_
