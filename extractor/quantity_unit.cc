// Units, currencies and counted nouns for the QuantityFinder (see quantity_unit.h).
#include "extractor/quantity_unit.h"

#include <cstdlib>

namespace claimex {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Splits a comma list of flags; calls `set` for each and fails on an unknown one.
template <typename F>
bool ForEachFlag(std::string_view flags, F set) {
  while (!flags.empty()) {
    size_t comma = flags.find(',');
    if (!set(flags.substr(0, comma))) return false;
    flags = comma == std::string_view::npos ? std::string_view() : flags.substr(comma + 1);
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<const UnitLexicon>> UnitLexicon::Create(const RuleSet& rules) {
  std::unique_ptr<UnitLexicon> u(new UnitLexicon());

  auto cur = rules.Get("currencies.txt");
  if (!cur.ok()) return cur.status();
  for (const RuleLine& line : (*cur)->lines) {
    const RuleFile& f = **cur;
    if (line.fields.size() < 3) return f.Error(line, "want: FORM CODE WHERE [OPTIONS]");
    Entry e;
    e.unit = line.fields[1];
    e.currency = true;
    bool cased = false;
    for (size_t k = 3; k < line.fields.size(); ++k) {
      bool ok = ForEachFlag(line.fields[k], [&](std::string_view o) {
        if (o == "cased") return cased = true;
        if (o == "glued") return e.glued = true;
        if (o == "scaled") return e.scaled = true;
        if (o.size() > 1 && o[0] == 'x') {
          std::string n(o.substr(1));
          char* end = nullptr;
          e.mult = std::strtod(n.c_str(), &end);
          return *end == '\0' && e.mult > 0;
        }
        return false;
      });
      if (!ok) return f.Error(line, "bad option '" + line.fields[k] + "'");
    }
    const std::string& where = line.fields[2];
    bool before = where == "prefix" || where == "both";
    bool after = where == "suffix" || where == "both" || where == "tail";
    if (!before && !after) return f.Error(line, "WHERE must be prefix, suffix, both or tail");
    e.tail = where == "tail";
    int idx = static_cast<int>(u->entries_.size());
    u->entries_.push_back(e);
    if (before && !u->prefix_.Add(line.fields[0], idx, cased)) return f.Error(line, "empty form");
    if (after && !u->suffix_.Add(line.fields[0], idx, cased)) return f.Error(line, "empty form");
  }

  auto units = rules.Get("units.txt");
  if (!units.ok()) return units.status();
  for (const RuleLine& line : (*units)->lines) {
    const RuleFile& f = **units;
    if (line.fields.size() < 2 || line.fields.size() > 3) {
      return f.Error(line, "want: FORM UNIT [OPTIONS]");
    }
    Entry e;
    e.unit = line.fields[1];
    bool cased = false;
    if (line.fields.size() == 3) {
      bool ok = ForEachFlag(line.fields[2], [&](std::string_view o) {
        if (o == "cased") return cased = true;
        if (o == "glued") return e.glued = true;
        if (o == "time") return e.time = true;
        if (o == "calendar") return e.calendar = e.time = true;
        if (o == "age") return e.age = e.time = true;
        return false;
      });
      if (!ok) return f.Error(line, "bad option '" + line.fields[2] + "'");
    }
    int idx = static_cast<int>(u->entries_.size());
    u->entries_.push_back(e);
    if (!u->suffix_.Add(line.fields[0], idx, cased)) return f.Error(line, "empty form");
  }

  auto rates = rules.Get("rates.txt");
  if (!rates.ok()) return rates.status();
  for (const RuleLine& line : (*rates)->lines) {
    const RuleFile& f = **rates;
    if (line.fields.size() != 2) return f.Error(line, "want: KIND WORD");
    const std::string& kind = line.fields[0];
    if (kind == "cue") {
      u->rate_cues_[AsciiLower(line.fields[1])] = 1;
    } else if (kind == "article") {
      u->rate_cues_[AsciiLower(line.fields[1])] = 2;
    } else if (kind == "noun") {
      if (!u->rate_nouns_.Add(line.fields[1], 0)) return f.Error(line, "empty noun");
    } else {
      return f.Error(line, "KIND must be cue, article or noun");
    }
  }

  auto stops = rules.Get("noun_stops.txt");
  if (!stops.ok()) return stops.status();
  for (const RuleLine& line : (*stops)->lines) {
    const RuleFile& f = **stops;
    if (line.fields.size() != 2) return f.Error(line, "want: WORD KIND");
    const std::string& kind = line.fields[1];
    uint8_t bit = kind == "stop"        ? kStop
                  : kind == "skip"      ? kSkip
                  : kind == "dimension" ? kDimension
                  : kind == "plural"    ? kPlural
                  : kind == "modifier"  ? kModifier
                                        : 0;
    if (!bit) return f.Error(line, "KIND must be stop, skip, dimension, plural or modifier");
    u->classes_[AsciiLower(line.fields[0])] |= bit;
  }
  return std::unique_ptr<const UnitLexicon>(std::move(u));
}

bool UnitLexicon::Has(const QTokens& t, size_t i, WordClass c) const {
  if (!t.IsWord(i)) return false;
  auto it = classes_.find(t.Lower(i));
  return it != classes_.end() && (it->second & c);
}

bool UnitLexicon::IsRateCue(const QTokens& t, size_t i) const {
  if (!t.IsWord(i)) return false;
  auto it = rate_cues_.find(t.Lower(i));
  return it != rate_cues_.end() && it->second == 1;
}

bool UnitLexicon::IsRateArticle(const QTokens& t, size_t i) const {
  if (!t.IsWord(i)) return false;
  auto it = rate_cues_.find(t.Lower(i));
  return it != rate_cues_.end() && it->second == 2;
}

int UnitLexicon::RateNounLength(const QTokens& t, size_t i) const {
  return rate_nouns_.Forward(t, i).length;
}

UnitMatch UnitLexicon::Make(const PhraseTable::Match& m) const {
  UnitMatch u;
  if (m.payload < 0) return u;
  const Entry& e = entries_[m.payload];
  u.length = m.length;
  u.unit = e.unit;
  u.mult = e.mult;
  u.currency = e.currency;
  u.time = e.time;
  u.calendar = e.calendar;
  u.age = e.age;
  return u;
}

UnitMatch UnitLexicon::CurrencyBefore(const QTokens& t, size_t start) const {
  PhraseTable::Match m = prefix_.Backward(t, start);
  if (m.payload < 0) return {};
  // A currency code written as a word must not be the end of a longer word ("FEUR5").
  size_t first = start - m.length;
  if (first > 0 && t[first].glued && t.IsWord(first - 1) && t.IsWord(first)) return {};
  return Make(m);
}

UnitMatch UnitLexicon::UnitAfter(const QTokens& t, size_t j, bool scaled, bool has_symbol) const {
  if (j >= t.size()) return {};
  PhraseTable::Match m = suffix_.ForwardIf(t, j, [&](int payload) {
    const Entry& e = entries_[payload];
    if (e.glued && !t[j].glued) return false;
    if (e.scaled && !scaled) return false;
    if (e.tail && !has_symbol) return false;
    return true;
  });
  if (m.payload < 0) return {};
  return Make(m);
}

bool UnitLexicon::LooksPlural(const QTokens& t, size_t i) const {
  if (Has(t, i, kPlural)) return true;
  std::string_view w = t.Lower(i);
  return w.size() > 2 && w.back() == 's' && !EndsWith(w, "ss") && !EndsWith(w, "us") &&
         !EndsWith(w, "is");
}

std::string UnitLexicon::CountedNoun(const QTokens& t, size_t j, bool singular, size_t* end) const {
  size_t k = j;
  while (IsSkip(t, k)) ++k;
  const size_t first_tok = k;
  std::vector<size_t> word_first, word_last;  // token range of each word (compounds as one)
  while (k < t.size() && word_first.size() < 7) {
    if (t.IsWord(k)) {
      // "children and young people", "Town Centre and Safer Neighbourhood police officers"
      if ((t.Is(k, "and") || t.Is(k, "or")) && !word_first.empty() && t.IsWord(k + 1) &&
          !IsStop(t, k + 1)) {
        ++k;
        continue;
      }
      if (IsStop(t, k)) break;
      std::string_view w = t.Lower(k);
      // "800 reporting ...", but "public housing properties", "buildings"
      if (word_first.empty() && w.size() > 4 && EndsWith(w, "ing")) break;
      size_t first = k;
      ++k;
      // compounds: "first-team", "coal-fired", "F-Series"
      while (t.Is(k, "-") && t[k].glued && t.IsWord(k + 1) && t[k + 1].glued) k += 2;
      word_first.push_back(first);
      word_last.push_back(k - 1);
      continue;
    }
    if (t.IsNum(k) && !word_first.empty() && t[word_last.back()].cap && !t[k].glued &&
        t.IsWord(k + 1) && !IsStop(t, k + 1)) {
      ++k;  // a name with a number: "Model 3 sedans"
      continue;
    }
    if (t.IsNum(k) && t.IsWord(k + 1)) {
      // a measure used as an adjective: "250ml bottles", "9 litre cases"
      size_t u = k + 1;
      if (t.Is(u, "-") && t[u].glued) ++u;
      UnitMatch um = UnitAfter(t, u, false, false);
      if (um.length && !um.currency && t.IsWord(u + um.length) && !IsStop(t, u + um.length)) {
        k = u + um.length;
        continue;
      }
    }
    break;
  }
  // A noun ends on a noun: drop trailing adverbs and participles ("30 rescued", "5 reportedly").
  while (!word_first.empty()) {
    std::string_view w = t.Lower(word_last.back());
    if (word_first.back() == word_last.back() && w.size() > 3 &&
        (EndsWith(w, "ed") || EndsWith(w, "ly"))) {
      word_first.pop_back();
      word_last.pop_back();
      continue;
    }
    break;
  }
  // Where the noun ends: "one proposal asks ..." counts "proposal"; "two sisters helped ..."
  // counts "sisters", "1,400 weapons sweeps" the compound, "children and young people" the
  // coordination.
  size_t n = word_first.size();
  size_t p = 0;
  while (p < n && !LooksPlural(t, word_last[p])) ++p;
  if (singular && p > 0 && p < n) {
    n = p;
  } else if (!singular && p < n) {
    size_t q = p;
    while (q + 1 < n && word_first[q + 1] == word_last[q] + 1 && Has(t, word_last[q], kModifier)) {
      ++q;
    }
    if (q + 1 < n && word_first[q + 1] == word_last[q] + 2 &&
        (t.Is(word_last[q] + 1, "and") || t.Is(word_last[q] + 1, "or"))) {
      // One conjunct only: "2,900 officers and staff and answers 1,100 calls" counts "officers
      // and staff"; the second "and" joins a verb phrase.
      size_t m = q + 1;
      while (m + 1 < n && word_first[m + 1] == word_last[m] + 1) ++m;
      for (size_t r = m + 1; r-- > q + 1;) {
        if (LooksPlural(t, word_last[r])) {
          q = r;
          break;
        }
      }
    }
    n = q + 1;
  }
  if (n == 0) {
    *end = j;
    return "";
  }
  size_t last_tok = word_last[n - 1];
  *end = last_tok + 1;
  return std::string(t.text().substr(t[first_tok].b, t[last_tok].e - t[first_tok].b));
}

}  // namespace claimex
