#include "db/link_text.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

#include "db/linker.h"

namespace claimex {
namespace {

bool EndsWith(const std::string& w, std::string_view suffix) {
  return w.size() >= suffix.size() &&
         w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A word character: ASCII letter or digit, or a non-ASCII letter, mark or number.
bool IsWordCodepoint(utf8proc_int32_t c) {
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

void StemPlural(std::string& w) {
  if (w.size() < 4 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return;
  if (EndsWith(w, "ss") || EndsWith(w, "us") || EndsWith(w, "is") || EndsWith(w, "news")) return;
  if (EndsWith(w, "ives") && w.size() > 5) {  // knives -> knife, lives -> life
    w.replace(w.size() - 4, 4, "ife");
  } else if (EndsWith(w, "ies") && w.size() > 4) {  // cities -> city
    w.replace(w.size() - 3, 3, "y");
  } else if (EndsWith(w, "sses") || EndsWith(w, "xes") || EndsWith(w, "ches") ||
             EndsWith(w, "shes") || EndsWith(w, "zes")) {
    w.resize(w.size() - 2);  // boxes -> box, churches -> church
  } else if (EndsWith(w, "s")) {
    w.pop_back();
  }
}

Result<std::shared_ptr<const LinkLexicon>> LinkLexicon::Create(const RuleSet& rules) {
  std::shared_ptr<LinkLexicon> lex(new LinkLexicon());
  auto synonyms = rules.Get("link_synonyms.txt");
  if (!synonyms.ok()) return synonyms.status();
  for (const RuleLine& line : (*synonyms)->lines) {
    if (line.fields.size() != 2) return (*synonyms)->Error(line, "want WORD and CANONICAL");
    lex->synonyms_[line.fields[0]] = line.fields[1];
  }
  // Number words from two up ("three people", "ninety") are read as their digits, so that
  // "three" and "3" match and "three" against "four" is a changed number. "one" stays a word:
  // it is a pronoun as often ("one of them").
  auto numbers = rules.Get("number_words.txt");
  if (!numbers.ok()) return numbers.status();
  for (const RuleLine& line : (*numbers)->lines) {
    if (line.fields.size() < 3 || (line.fields[2] != "unit" && line.fields[2] != "ten")) continue;
    const int value = std::atoi(line.fields[1].c_str());
    if (value >= 2) lex->number_words_[line.fields[0]] = std::to_string(value);
  }
  auto stop = rules.Get("link_stopwords.txt");
  if (!stop.ok()) return stop.status();
  for (const RuleLine& line : (*stop)->lines) {
    if (line.fields.size() != 1) return (*stop)->Error(line, "want one word");
    lex->stop_.insert(lex->WordHash(line.fields[0]));
  }
  auto boiler = rules.Get("link_boilerplate.txt");
  if (!boiler.ok()) return boiler.status();
  RE2::Options options;
  options.set_log_errors(false);
  lex->boilerplate_ = std::make_unique<RE2::Set>(options, RE2::ANCHOR_BOTH);
  lex->boilerplate_lines_ = std::make_unique<RE2::Set>(options, RE2::ANCHOR_START);
  for (const RuleLine& line : (*boiler)->lines) {
    if (line.fields.size() != 2 || (line.fields[0] != "block" && line.fields[0] != "line")) {
      return (*boiler)->Error(line, "want KIND (block or line) and PATTERN");
    }
    RE2::Set* set =
        line.fields[0] == "block" ? lex->boilerplate_.get() : lex->boilerplate_lines_.get();
    std::string error;
    if (set->Add(line.fields[1], &error) < 0) {
      return (*boiler)->Error(line, "bad pattern: " + error);
    }
  }
  if (!lex->boilerplate_->Compile() || !lex->boilerplate_lines_->Compile()) {
    return Status::RuleError("patterns/link_boilerplate.txt: patterns do not compile");
  }
  return std::shared_ptr<const LinkLexicon>(std::move(lex));
}

uint64_t LinkLexicon::WordHash(std::string_view word) const {
  std::string w = FoldNormalized(word);
  if (auto n = number_words_.find(w); n != number_words_.end()) return WordId(n->second);
  if (!w.empty() && !IsDigit(w[0])) StemPlural(w);
  auto syn = synonyms_.find(w);
  if (syn != synonyms_.end()) w = syn->second;
  return WordId(w);
}

void LinkLexicon::Emit(std::string& word, bool number, std::vector<LinkToken>* out) const {
  if (word.empty()) return;
  LinkToken t;
  if (!number) {
    // Before stemming, and apart from the synonyms (which are looked up stemmed): "tens",
    // "twenties" stay words.
    if (auto n = number_words_.find(word); n != number_words_.end()) {
      word = n->second;
      number = true;
    }
  }
  t.number = number;
  if (!number) {
    StemPlural(word);
    auto syn = synonyms_.find(word);
    if (syn != synonyms_.end()) word = syn->second;
  }
  t.hash = WordId(word);
  t.stop = !number && stop_.count(t.hash) > 0;
  out->push_back(t);
  word.clear();
}

std::vector<LinkToken> LinkLexicon::Tokenize(std::string_view key) const {
  std::vector<LinkToken> out;
  out.reserve(key.size() / 5 + 1);
  std::string word;
  bool number = false;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(key.data());
  size_t i = 0;
  const size_t n = key.size();
  while (i < n) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      const char c = static_cast<char>(b);
      if (IsDigit(c)) {
        if (!number) Emit(word, false, &out);
        number = true;
        word.push_back(c);
        ++i;
        continue;
      }
      // "," or "." between digits stays inside a number ("30,000", "3.3"); commas are dropped.
      if ((c == ',' || c == '.') && number && i + 1 < n && IsDigit(static_cast<char>(p[i + 1]))) {
        if (c == '.') word.push_back(c);
        ++i;
        continue;
      }
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        if (number) {
          Emit(word, true, &out);
          number = false;
        }
        word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c);
        ++i;
        continue;
      }
      Emit(word, number, &out);
      number = false;
      if (c == '%') {
        std::string pct = "percent";
        Emit(pct, false, &out);
      }
      ++i;
      continue;
    }
    utf8proc_int32_t c = -1;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(n - i), &c);
    if (len <= 0) len = 1;
    if (c >= 0 && IsWordCodepoint(c)) {
      if (number) {
        Emit(word, true, &out);
        number = false;
      }
      word.append(key.substr(i, static_cast<size_t>(len)));
    } else {
      Emit(word, number, &out);
      number = false;
    }
    i += static_cast<size_t>(len);
  }
  Emit(word, number, &out);
  return out;
}

bool LinkLexicon::IsBoilerplateHeading(std::string_view normalized) const {
  while (!normalized.empty() && (normalized.back() == ' ' || normalized.back() == '\n'))
    normalized.remove_suffix(1);
  if (normalized.empty() || normalized.size() > 100) return false;
  if (normalized.back() == '.' || normalized.back() == ':') normalized.remove_suffix(1);
  std::vector<int> hits;
  return boilerplate_->Match(normalized, &hits);
}

bool LinkLexicon::IsBoilerplateLine(std::string_view key) const {
  std::vector<int> hits;
  return boilerplate_lines_->Match(key, &hits);
}

std::vector<uint64_t> Winnow(const std::vector<LinkToken>& tokens, int k, int w) {
  std::vector<uint64_t> content;
  for (const LinkToken& t : tokens) {
    if (!t.stop) content.push_back(t.hash);
  }
  std::vector<uint64_t> out;
  if (content.size() < 2) return out;
  std::vector<uint64_t> shingles;
  if (content.size() < static_cast<size_t>(k)) {
    uint64_t h = 0x5348494eull;  // "SHIN"
    for (uint64_t c : content) h = MixHash(h, c);
    shingles.push_back(h);
  } else {
    for (size_t i = 0; i + static_cast<size_t>(k) <= content.size(); ++i) {
      uint64_t h = 0x5348494eull;
      for (int j = 0; j < k; ++j) h = MixHash(h, content[i + static_cast<size_t>(j)]);
      shingles.push_back(h);
    }
  }
  if (shingles.size() <= static_cast<size_t>(w)) {
    out.push_back(*std::min_element(shingles.begin(), shingles.end()));
  } else {
    for (size_t i = 0; i + static_cast<size_t>(w) <= shingles.size(); ++i) {
      // The rightmost minimum of the window (robust winnowing keeps fewer repeats).
      size_t best = i;
      for (size_t j = i; j < i + static_cast<size_t>(w); ++j) {
        if (shingles[j] <= shingles[best]) best = j;
      }
      out.push_back(shingles[best]);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<uint64_t> ContentSet(const std::vector<LinkToken>& tokens) {
  std::vector<uint64_t> out;
  for (const LinkToken& t : tokens) {
    if (!t.stop) out.push_back(t.hash);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace claimex
