#include "extractor/quote_lexicon.h"

#include <string_view>

namespace claimex {
namespace {

// Loads a one-column word list into a PhraseSet (value 1).
Status LoadPhrases(const RuleSet& rules, const std::string& name, PhraseSet* set) {
  auto file = rules.Get(name);
  if (!file.ok()) return file.status();
  for (const RuleLine& line : (*file)->lines) {
    if (line.fields.size() != 1) return (*file)->Error(line, "expected one phrase per line");
    if (!set->Add(line.fields[0], 1)) return (*file)->Error(line, "no words in phrase");
  }
  return Status::Ok();
}

// Loads "PHRASE [GENDER]" lines; `gender_required` makes the second field mandatory. With
// `surnames`, a third field "surname" adds the phrase to *surnames as well.
Status LoadGendered(const RuleSet& rules, const std::string& name, bool gender_required,
                    PhraseSet* set, PhraseSet* surnames = nullptr) {
  auto file = rules.Get(name);
  if (!file.ok()) return file.status();
  const size_t max_fields = surnames != nullptr ? 3 : 2;
  for (const RuleLine& line : (*file)->lines) {
    if (line.fields.size() > max_fields || (gender_required && line.fields.size() != 2)) {
      return (*file)->Error(line, gender_required ? "expected: FORM GENDER"
                                  : surnames      ? "expected: FORM [GENDER [surname]]"
                                                  : "expected: FORM [GENDER]");
    }
    Gender g = Gender::kAny;
    if (line.fields.size() >= 2 && !ParseGender(line.fields[1], &g)) {
      return (*file)->Error(line, "unknown gender '" + line.fields[1] + "'");
    }
    if (line.fields.size() == 3) {
      if (line.fields[2] != "surname") {
        return (*file)->Error(line, "unknown flag '" + line.fields[2] + "'");
      }
      surnames->Add(line.fields[0], 1);
    }
    if (!set->Add(line.fields[0], static_cast<int>(g))) {
      return (*file)->Error(line, "no words in phrase");
    }
  }
  return Status::Ok();
}

Status LoadWords(const RuleSet& rules, const std::string& name, StringMap<int>* set) {
  auto file = rules.Get(name);
  if (!file.ok()) return file.status();
  for (const RuleLine& line : (*file)->lines) {
    if (line.fields.size() != 1 || line.fields[0].find(' ') != std::string::npos) {
      return (*file)->Error(line, "expected one word per line");
    }
    (*set)[line.fields[0]] = 1;
  }
  return Status::Ok();
}

Status LoadAdjuncts(const RuleSet& rules, PhraseSet* set) {
  auto file = rules.Get("speech_adjuncts.txt");
  if (!file.ok()) return file.status();
  for (const RuleLine& line : (*file)->lines) {
    if (line.fields.size() > 2 || (line.fields.size() == 2 && line.fields[1] != "before")) {
      return (*file)->Error(line, "expected: PHRASE [before]");
    }
    int where = line.fields.size() == 2 ? kAdjunctBefore : kAdjunctBoth;
    if (!set->Add(line.fields[0], where)) return (*file)->Error(line, "no words in phrase");
  }
  return Status::Ok();
}

Status LoadFunctionWords(const RuleSet& rules, StringMap<int>* map) {
  auto file = rules.Get("function_words.txt");
  if (!file.ok()) return file.status();
  for (const RuleLine& line : (*file)->lines) {
    if (line.fields.size() != 2) return (*file)->Error(line, "expected: WORD CLASS");
    const std::string& c = line.fields[1];
    int bit = c == "determiner"     ? kDeterminer
              : c == "conjunction"  ? kConjunction
              : c == "relative"     ? kRelative
              : c == "preposition"  ? kPreposition
              : c == "wh"           ? kWh
              : c == "subordinator" ? kSubordinator
                                    : 0;
    if (bit == 0) return (*file)->Error(line, "unknown class '" + c + "'");
    (*map)[line.fields[0]] |= bit;
  }
  return Status::Ok();
}

Status LoadVerbs(const RuleSet& rules, PhraseSet* set) {
  auto file = rules.Get("speech_verbs.txt");
  if (!file.ok()) return file.status();
  for (const RuleLine& line : (*file)->lines) {
    if (line.fields.size() != 2) return (*file)->Error(line, "expected: FORM FLAGS");
    int flags = 0;
    std::string_view rest = line.fields[1];
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      std::string_view f = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      if (f == "report") {
        flags |= kVerbReport;
      } else if (f == "that") {
        flags |= kVerbThat;
      } else if (f == "direct") {
        flags |= kVerbDirect;
      } else if (f == "object") {
        flags |= kVerbObject;
      } else if (f == "to") {
        flags |= kVerbTo;
      } else if (f == "gerund") {
        flags |= kVerbGerund;
      } else if (f == "mixed") {
        flags |= kVerbMixed;
      } else if (f == "stance") {
        flags |= kVerbStance;
      } else {
        return (*file)->Error(line, "unknown flag '" + std::string(f) + "'");
      }
    }
    if (!set->Add(line.fields[0], flags)) return (*file)->Error(line, "no words in verb");
  }
  return Status::Ok();
}

}  // namespace

bool ParseGender(std::string_view s, Gender* g) {
  if (s.empty() || s == "any") {
    *g = Gender::kAny;
  } else if (s == "male") {
    *g = Gender::kMale;
  } else if (s == "female") {
    *g = Gender::kFemale;
  } else if (s == "plural") {
    *g = Gender::kPlural;
  } else if (s == "thing") {
    *g = Gender::kThing;
  } else {
    return false;
  }
  return true;
}

Result<std::unique_ptr<const QuoteLexicon>> QuoteLexicon::Create(const RuleSet& rules) {
  auto lex = std::make_unique<QuoteLexicon>();
  CLAIMEX_RETURN_IF_ERROR(LoadVerbs(rules, &lex->verbs));
  CLAIMEX_RETURN_IF_ERROR(LoadGendered(rules, "honorifics.txt", true, &lex->honorifics));
  CLAIMEX_RETURN_IF_ERROR(
      LoadGendered(rules, "roles.txt", false, &lex->roles, &lex->surname_roles));
  CLAIMEX_RETURN_IF_ERROR(LoadGendered(rules, "pronouns.txt", true, &lex->pronouns));
  CLAIMEX_RETURN_IF_ERROR(LoadGendered(rules, "first_names.txt", true, &lex->first_names));
  CLAIMEX_RETURN_IF_ERROR(LoadAdjuncts(rules, &lex->adjuncts));
  CLAIMEX_RETURN_IF_ERROR(LoadPhrases(rules, "reported_content_stops.txt", &lex->content_stops));
  CLAIMEX_RETURN_IF_ERROR(LoadPhrases(rules, "press_release.txt", &lex->press_release));
  CLAIMEX_RETURN_IF_ERROR(LoadPhrases(rules, "gerund_stops.txt", &lex->gerund_stops));
  CLAIMEX_RETURN_IF_ERROR(LoadPhrases(rules, "source_nouns.txt", &lex->source_nouns));
  CLAIMEX_RETURN_IF_ERROR(LoadPhrases(rules, "speech_nouns.txt", &lex->speech_nouns));
  CLAIMEX_RETURN_IF_ERROR(LoadWords(rules, "organisations.txt", &lex->org_words));
  CLAIMEX_RETURN_IF_ERROR(LoadWords(rules, "name_stopwords.txt", &lex->name_stops));
  CLAIMEX_RETURN_IF_ERROR(LoadWords(rules, "name_particles.txt", &lex->name_particles));
  CLAIMEX_RETURN_IF_ERROR(LoadFunctionWords(rules, &lex->function_words));
  return std::unique_ptr<const QuoteLexicon>(std::move(lex));
}

}  // namespace claimex
