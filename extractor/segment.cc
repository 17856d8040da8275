// Segmenter: paragraphs, sentences and tokens of the normalized view.
//
// Paragraphs are runs of lines between blank lines; a text with no blank line at all has one
// paragraph per line (a line that does not end a sentence is joined with a next line that starts
// in lower case). A line that starts with a bullet ("•", "- ", "* ") is a paragraph of its own.
//
// Sentences: ICU's sentence BreakIterator runs over each paragraph (line ends read as spaces),
// then a filter drops the breaks ICU gets wrong for news: after the abbreviations of
// patterns/abbreviations.txt and initials ("J. Smith", "U.N."), and before a lower-case word
// ("“Why?” she asked."). A sentence glued to the next without a space ("war.The") is split.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "extractor/text.h"

namespace claimex {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// ASCII letters and digits, and any byte of a non-ASCII character (letters, mostly).
bool IsAlnum(char c) {
  return IsUpper(c) || IsLower(c) || IsDigit(c) || static_cast<unsigned char>(c) >= 0x80;
}

Span Trim(std::string_view text, Span s) {
  while (s.start < s.end && IsSpace(text[s.start])) ++s.start;
  while (s.end > s.start && IsSpace(text[s.end - 1])) --s.end;
  return s;
}

// True when the trimmed line starts with a list bullet.
bool IsBulletLine(std::string_view line) {
  if (line.starts_with("\u2022") || line.starts_with("\u25CF") || line.starts_with("\u25AA"))
    return true;
  return line.size() >= 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ';
}

// True when a line ends where a sentence may end (so a following line is not its continuation).
bool EndsSentence(std::string_view line) {
  char c = line.back();
  return c == '.' || c == '?' || c == '!' || c == ':' || c == '"' || c == '\'' || c == ')';
}

std::vector<Span> Paragraphs(std::string_view text) {
  struct Line {
    Span span;  // trimmed
    bool blank;
  };
  std::vector<Line> lines;
  lines.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  bool any_blank = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    Span s = Trim(text, Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(nl)});
    lines.push_back({s, s.start == s.end});
    pos = nl + 1;
  }
  // A blank line counts only when it separates text (not leading or trailing ones).
  {
    size_t first = 0, last = lines.size();
    while (first < last && lines[first].blank) ++first;
    while (last > first && lines[last - 1].blank) --last;
    for (size_t i = first; i < last; ++i) any_blank |= lines[i].blank;
  }
  std::vector<Span> paras;
  bool open = false;
  bool open_is_bullet = false;
  Span cur{0, 0};
  auto close = [&]() {
    if (open) paras.push_back(cur);
    open = false;
  };
  for (const Line& l : lines) {
    if (l.blank) {
      close();
      continue;
    }
    std::string_view line = text.substr(l.span.start, l.span.size());
    bool bullet = IsBulletLine(line);
    if (open) {
      std::string_view prev = text.substr(cur.start, cur.size());
      bool continues =
          any_blank ? true : !EndsSentence(prev) && (IsLower(line[0]) || IsDigit(line[0]));
      if (bullet || open_is_bullet || !continues) close();
    }
    if (!open) {
      cur = l.span;
      open = true;
      open_is_bullet = bullet;
    } else {
      cur.end = l.span.end;
    }
  }
  close();
  return paras;
}

// ---------------------------------------------------------------------------------------------
// Abbreviations.

enum class AbbrevClass : uint8_t { kNone, kTitle, kEnd, kNum };

struct Abbreviation {
  std::string text;  // "et al."
  AbbrevClass cls;
};

// True for "J.", "U.N.", "J.P.": capital letters each followed by a full stop.
bool IsInitials(std::string_view w) {
  if (w.size() < 2 || w.size() % 2 != 0) return false;
  for (size_t i = 0; i < w.size(); i += 2)
    if (!IsUpper(w[i]) || w[i + 1] != '.') return false;
  return true;
}

// True for "ST.", "MR.": capital letters and a final full stop.
bool IsAllCaps(std::string_view w) {
  for (size_t i = 0; i + 1 < w.size(); ++i)
    if (!IsUpper(w[i])) return false;
  return w.back() == '.';
}

class SentenceRules {
 public:
  Status Load(const RuleSet& rules) {
    auto abbr = rules.Get("abbreviations.txt");
    if (!abbr.ok()) return abbr.status();
    for (const RuleLine& l : (*abbr)->lines) {
      if (l.fields.size() != 2) return (*abbr)->Error(l, "want: abbreviation  class");
      const std::string& a = l.fields[0];
      AbbrevClass cls;
      if (l.fields[1] == "title") {
        cls = AbbrevClass::kTitle;
      } else if (l.fields[1] == "end") {
        cls = AbbrevClass::kEnd;
      } else if (l.fields[1] == "num") {
        cls = AbbrevClass::kNum;
      } else {
        return (*abbr)->Error(l,
                              "class must be `title`, `end` or `num`, not `" + l.fields[1] + "`");
      }
      if (a.back() != '.') return (*abbr)->Error(l, "an abbreviation ends with '.'");
      size_t sp = a.find_last_of(' ');
      std::string last = sp == std::string::npos ? a : a.substr(sp + 1);
      by_last_word_[last].push_back({a, cls});
    }
    auto open = rules.Get("sentence_openers.txt");
    if (!open.ok()) return open.status();
    for (const RuleLine& l : (*open)->lines) {
      if (l.fields.size() != 1) return (*open)->Error(l, "want one word a line");
      openers_.insert(l.fields[0]);
    }
    // The speech verbs that tie a direct quote ("direct" in the QuoteFinder's file): a sentence
    // break after '?"' stays out when one of them follows ("“Why?” she asked.").
    if (const RuleFile* verbs = rules.Find("speech_verbs.txt")) {
      for (const RuleLine& l : verbs->lines) {
        if (l.fields.size() < 2 || l.fields[1].find("direct") == std::string::npos) continue;
        speech_verbs_.insert(l.fields[0]);
        max_verb_words_ = std::max<size_t>(
            max_verb_words_, 1 + std::count(l.fields[0].begin(), l.fields[0].end(), ' '));
      }
    }
    return Status::Ok();
  }

  // The class of the abbreviation that ends text[0, end) (which ends with '.'), if any.
  AbbrevClass ClassBefore(std::string_view text, size_t end) const {
    size_t ws = end;
    size_t floor = end > 64 ? end - 64 : 0;
    while (ws > floor && !IsSpace(text[ws - 1])) --ws;
    std::string_view word = text.substr(ws, end - ws);
    size_t lead = 0;  // opening punctuation before the word: (Mr. "U.S.
    while (lead < word.size() &&
           (word[lead] == '(' || word[lead] == '[' || word[lead] == '"' || word[lead] == '\''))
      ++lead;
    word.remove_prefix(lead);
    if (word.empty()) return AbbrevClass::kNone;
    // The abbreviation may be glued to what comes before it ("leadership.Sen."): try every
    // suffix of the word that starts after a character that is not a letter or digit.
    for (size_t p = 0; p + 1 < word.size(); ++p) {
      if (p > 0 && IsAlnum(word[p - 1])) continue;
      std::string_view tail = word.substr(p);
      auto it = by_last_word_.find(std::string(tail));
      if (it != by_last_word_.end()) {
        for (const Abbreviation& a : it->second) {
          if (a.text.size() > end) continue;
          size_t at = end - a.text.size();
          if (text.substr(at, a.text.size()) != a.text) continue;
          if (at > 0 && IsAlnum(text[at - 1])) continue;
          return a.cls;
        }
      }
      // A capitalised headline or dateline ("ST. LOUIS"): the listed "St." applies.
      if (tail.size() > 2 && IsAllCaps(tail)) {
        std::string titled(tail);
        for (size_t k = 1; k < titled.size(); ++k)
          if (IsUpper(titled[k])) titled[k] = static_cast<char>(titled[k] - 'A' + 'a');
        auto t = by_last_word_.find(titled);
        if (t != by_last_word_.end())
          for (const Abbreviation& a : t->second)
            if (a.text == titled) return a.cls;
      }
      if (p == 0 && IsInitials(tail)) return AbbrevClass::kEnd;
    }
    return AbbrevClass::kNone;
  }

  // True when text[next, end) starts with a short attribution clause that ends at a comma or
  // full stop, such as "Mr Dale asked." or "asked Ms Cole," (a speech verb first or last).
  bool AttributionFollows(std::string_view text, size_t next, size_t end) const {
    std::vector<std::string> words;
    size_t i = next;
    while (i < end && words.size() <= 6) {
      while (i < end && text[i] == ' ') ++i;
      size_t w = i;
      while (i < end && (IsUpper(text[i]) || IsLower(text[i]) || text[i] == '\'' ||
                         static_cast<unsigned char>(text[i]) >= 0x80))
        ++i;
      if (i == w) break;
      std::string word(text.substr(w, i - w));
      for (char& c : word)
        if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
      words.push_back(std::move(word));
    }
    if (words.empty() || words.size() > 6 || i >= end || (text[i] != '.' && text[i] != ','))
      return false;
    for (size_t m = 1; m <= max_verb_words_ && m <= words.size(); ++m) {
      std::string first, last;
      for (size_t k = 0; k < m; ++k) {
        first += (k ? " " : "") + words[k];
        last += (k ? " " : "") + words[words.size() - m + k];
      }
      if (speech_verbs_.count(first) || speech_verbs_.count(last)) return true;
    }
    return false;
  }

  bool IsOpener(std::string_view word) const { return openers_.count(std::string(word)) > 0; }

 private:
  std::unordered_map<std::string, std::vector<Abbreviation>> by_last_word_;
  std::unordered_set<std::string> openers_;
  std::unordered_set<std::string> speech_verbs_;  // lower case, words joined by one space
  size_t max_verb_words_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Tokens.

enum CharClass : uint8_t { kSpaceC, kLetterC, kDigitC, kPunctC, kSymbolC };

struct AsciiClasses {
  uint8_t cls[128];
  constexpr AsciiClasses() : cls() {
    for (int c = 0; c < 128; ++c) cls[c] = kPunctC;
    for (int c = 0; c <= ' '; ++c) cls[c] = kSpaceC;
    for (int c = 'a'; c <= 'z'; ++c) cls[c] = kLetterC;
    for (int c = 'A'; c <= 'Z'; ++c) cls[c] = kLetterC;
    for (int c = '0'; c <= '9'; ++c) cls[c] = kDigitC;
    for (char c : {'$', '%', '+', '=', '<', '>', '&', '@', '#', '^', '|', '~', '`'})
      cls[static_cast<int>(c)] = kSymbolC;
  }
};
constexpr AsciiClasses kAsciiClasses;

// The class of the non-ASCII character at text[i] and its length in bytes.
CharClass WideClassAt(std::string_view text, size_t i, size_t* len) {
  int32_t cp;
  utf8proc_ssize_t l = utf8proc_iterate(reinterpret_cast<const uint8_t*>(text.data()) + i,
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  if (l <= 0) {
    *len = 1;
    return kPunctC;
  }
  *len = static_cast<size_t>(l);
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return kLetterC;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return kDigitC;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
      return kSymbolC;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return kSpaceC;
    default:
      return kPunctC;
  }
}

// The class of the character at text[i] and its length in bytes.
inline CharClass ClassAt(std::string_view text, size_t i, size_t* len) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *len = 1;
    return static_cast<CharClass>(kAsciiClasses.cls[c]);
  }
  return WideClassAt(text, i, len);
}

void Tokenize(std::string_view text, std::vector<Token>* tokens) {
  const size_t n = text.size();
  size_t i = 0;
  size_t len = 0;
  while (i < n) {
    CharClass cls = ClassAt(text, i, &len);
    if (cls == kSpaceC) {
      i += len;
      continue;
    }
    size_t start = i;
    Token::Kind kind;
    i += len;
    if (cls == kLetterC) {
      // Letters and digits, with inner apostrophes and hyphens: "Londoner's", "first-time", "G7".
      kind = Token::Kind::kWord;
      while (i < n) {
        CharClass c = ClassAt(text, i, &len);
        if (c == kLetterC || c == kDigitC) {
          i += len;
        } else if ((text[i] == '\'' || text[i] == '-') && i + 1 < n &&
                   ClassAt(text, i + 1, &len) == kLetterC) {
          i += 1;
        } else {
          break;
        }
      }
    } else if (cls == kDigitC) {
      // Digits with inner separators: "30,000", "3.3", "12:30".
      kind = Token::Kind::kNumber;
      while (i < n) {
        if (IsDigit(text[i])) {
          ++i;
        } else if ((text[i] == ',' || text[i] == '.' || text[i] == ':') && i + 1 < n &&
                   IsDigit(text[i + 1])) {
          i += 2;
        } else if (static_cast<unsigned char>(text[i]) >= 0x80 &&
                   ClassAt(text, i, &len) == kDigitC) {
          i += len;
        } else {
          break;
        }
      }
    } else {
      kind = cls == kSymbolC ? Token::Kind::kSymbol : Token::Kind::kPunct;
      if (text[start] == '.') {
        while (i < n && text[i] == '.') ++i;  // an ellipsis "..." is one token
      }
    }
    tokens->push_back({Span{static_cast<uint32_t>(start), static_cast<uint32_t>(i)}, kind});
  }
}

// ---------------------------------------------------------------------------------------------
// The segmenter.

// `utf8` as UTF-16 in *u16, and *byte_at[k] = the byte offset of UTF-16 unit k (one entry more,
// for the end). False (and nothing usable) when `utf8` is not well-formed UTF-8 (utf8proc decodes
// and refuses overlong forms, surrogates and values past U+10FFFF).
bool ToUtf16(std::string_view utf8, std::u16string* u16, std::vector<uint32_t>* byte_at) {
  const auto* s = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  const size_t n = utf8.size();
  u16->resize(n);  // a UTF-16 unit per byte at most
  byte_at->resize(n + 1);
  char16_t* o = u16->data();
  uint32_t* at = byte_at->data();
  size_t i = 0, k = 0;
  while (i < n) {
    if (s[i] < 0x80) {  // (ASCII, the common case, without a call)
      o[k] = s[i];
      at[k++] = static_cast<uint32_t>(i++);
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t len = utf8proc_iterate(s + i, static_cast<utf8proc_ssize_t>(n - i), &cp);
    if (len <= 0) return false;
    if (cp >= 0x10000) {  // a surrogate pair (no break falls inside it)
      o[k] = static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      at[k++] = static_cast<uint32_t>(i);
      o[k] = static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      o[k] = static_cast<char16_t>(cp);
    }
    at[k++] = static_cast<uint32_t>(i);
    i += static_cast<size_t>(len);
  }
  at[k] = static_cast<uint32_t>(n);
  u16->resize(k);
  byte_at->resize(k + 1);
  return true;
}

Result<std::unique_ptr<icu::BreakIterator>> NewSentenceIterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en_US"), status));
  if (U_FAILURE(status) || !bi)
    return Status::Internal(std::string("ICU sentence iterator: ") + u_errorName(status));
  return bi;
}

class IcuSegmenter : public Segmenter {
 public:
  explicit IcuSegmenter(SentenceRules rules) : rules_(std::move(rules)) {}

  Status Segment(const Article& article, Document* doc) const override {
    doc->article = &article;
    doc->norm = NormalizedText(article.body);
    doc->paragraphs.clear();
    doc->sentences.clear();
    doc->tokens.clear();
    const std::string& text = doc->norm.text();
    doc->lower = text;
    FoldAsciiCase(&doc->lower);
    doc->paragraphs = Paragraphs(text);
    if (!doc->paragraphs.empty()) {
      // ICU reads a line end as the end of a paragraph; within our paragraphs it is a space.
      std::string flat = text;
      for (char& c : flat) c = c == '\n' ? ' ' : c;  // (an unconditional store: vectorized)
      thread_local std::unique_ptr<icu::BreakIterator> bi;
      if (!bi) {
        auto made = NewSentenceIterator();
        if (!made.ok()) return made.status();
        bi = std::move(made).value();
      }
      for (size_t p = 0; p < doc->paragraphs.size(); ++p)
        CLAIMEX_RETURN_IF_ERROR(
            Sentences(flat, doc->paragraphs[p], static_cast<int>(p), bi.get(), &doc->sentences));
    }
    if (doc->want_tokens) {
      doc->tokens.reserve(text.size() / 5);
      Tokenize(text, &doc->tokens);
    }
    return Status::Ok();
  }

 private:
  // Appends the sentences of paragraph `para` of `text` (line ends already turned to spaces).
  Status Sentences(std::string_view text, Span para, int index, icu::BreakIterator* bi,
                   std::vector<Sentence>* out) const {
    // ICU reads UTF-16 directly and UTF-8 through a converting UText: give it the paragraph as
    // UTF-16 (well-formed UTF-8 only; the breaks are the same, at the same code points). Not a
    // paragraph over kMaxUtf16Paragraph bytes: its copy and offset map (6 bytes a byte) would stay
    // with the thread, and the UText path costs little next to the rest of such a paragraph.
    constexpr size_t kMaxUtf16Paragraph = 1 << 20;
    thread_local std::u16string u16;
    thread_local std::vector<uint32_t> byte_at;  // UTF-16 index -> byte offset in the paragraph
    if (para.size() <= kMaxUtf16Paragraph &&
        ToUtf16(text.substr(para.start, para.size()), &u16, &byte_at)) {
      // (the iterator keeps a reference to `us`: it lives with the thread, and every paragraph
      // sets the iterator's text anew before reading it)
      thread_local icu::UnicodeString us;
      us.setTo(false, u16.data(), static_cast<int32_t>(u16.size()));
      bi->setText(us);
      uint32_t start = para.start;
      for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) {
        if (b < 0 || static_cast<size_t>(b) >= byte_at.size()) break;
        uint32_t at = para.start + byte_at[b];
        if (at >= para.end) break;
        if (!KeepBreak(text, at, para.end)) continue;
        Emit(text, Span{start, at}, index, out);
        start = at;
      }
      Emit(text, Span{start, para.end}, index, out);
      return Status::Ok();
    }
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text.data() + para.start, static_cast<int64_t>(para.size()), &status);
    if (U_FAILURE(status))
      return Status::Internal(std::string("ICU UText: ") + u_errorName(status));
    bi->setText(&ut, status);
    if (U_FAILURE(status)) {
      utext_close(&ut);
      return Status::Internal(std::string("ICU setText: ") + u_errorName(status));
    }
    uint32_t start = para.start;
    for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) {
      uint32_t at = para.start + static_cast<uint32_t>(b);
      if (at >= para.end) break;
      if (!KeepBreak(text, at, para.end)) continue;
      Emit(text, Span{start, at}, index, out);
      start = at;
    }
    utext_close(&ut);
    Emit(text, Span{start, para.end}, index, out);
    return Status::Ok();
  }

  // Whether text[at] opens a parenthesis that holds a ticker or a short code in capitals
  // ("(JCP)", "(NYSE: IBM)", "(AP)"): after "Inc." or "Co." it goes on the sentence.
  static bool TickerFollows(std::string_view text, size_t at) {
    size_t i = at + 1;
    int capitals = 0;
    for (; i < text.size() && i - at <= 16 && text[i] != ')'; ++i) {
      const char c = text[i];
      if (IsUpper(c)) {
        ++capitals;
      } else if (!IsDigit(c) && c != '.' && c != ':' && c != ' ' && c != '-') {
        return false;
      }
    }
    return i < text.size() && text[i] == ')' && capitals >= 1;
  }

  // Whether text[at] starts a capitalised word or a one-letter capital ("The", "A ").
  static bool OpensSentence(std::string_view text, size_t at) {
    return IsUpper(text[at]) &&
           (at + 1 == text.size() || IsLower(text[at + 1]) || IsSpace(text[at + 1]));
  }

  // Whether ICU's break before text[next] (after white space) stands.
  bool KeepBreak(std::string_view text, size_t next, size_t para_end) const {
    size_t end = next;
    while (end > 0 && IsSpace(text[end - 1])) --end;
    if (end == 0) return true;
    char nc = text[next];
    if (IsLower(nc)) return false;  // "“Why?” she asked."
    char last = text[end - 1];
    // A token that starts with a full stop is no sentence end: market codes (".SPX", "<.DJI>"),
    // decimals (".36%"); before a capitalised word (" .The"), or after ". .", it is. A stop
    // right after a word or bracket ("war.The", "(FEMA).I am") keeps ICU's break, and Emit
    // splits glued sentences that ICU joined.
    if (last == '.' && end == next && end >= 3 && IsAlnum(text[next]) &&
        (IsSpace(text[end - 2]) || text[end - 2] == '<' || text[end - 2] == '(') &&
        text[end - 3] != '.' && !OpensSentence(text, next))
      return false;
    if ((last == '"' || last == '\'') && end >= 2 && (text[end - 2] == '?' || text[end - 2] == '!'))
      return !rules_.AttributionFollows(text, next, para_end);  // "“Why?” Mr Dale asked."
    if (last != '.') return true;
    AbbrevClass cls = rules_.ClassBefore(text, end);
    if (cls == AbbrevClass::kNone) return true;
    if (cls == AbbrevClass::kTitle) return false;
    if (cls == AbbrevClass::kNum) return !IsDigit(nc);
    if (nc == '(') return !TickerFollows(text, next);  // "Co. (JCP) and": not an aside
    if (nc == '"' || nc == '\'') return true;          // a quotation opens
    size_t w = next;
    while (w < text.size() && w - next < 32 && (IsUpper(text[w]) || IsLower(text[w]))) ++w;
    return rules_.IsOpener(text.substr(next, w - next));
  }

  // Appends the trimmed sentence `s`, split where two sentences are glued ("war.The").
  void Emit(std::string_view text, Span s, int index, std::vector<Sentence>* out) const {
    s = Trim(text, s);
    if (s.start >= s.end) return;
    uint32_t start = s.start;
    for (uint32_t i = s.start + 2; i + 2 < s.end; ++i) {
      // (to the next full stop at once)
      const void* dot = std::memchr(text.data() + i, '.', s.end - 2 - i);
      if (dot == nullptr) break;
      i = static_cast<uint32_t>(static_cast<const char*>(dot) - text.data());
      if (text[i] != '.' || !IsLower(text[i - 1]) || !IsLower(text[i - 2]) ||
          !IsUpper(text[i + 1]) || !IsLower(text[i + 2]))
        continue;
      if (rules_.ClassBefore(text, i + 1) != AbbrevClass::kNone) continue;
      // Not a web address or a file name ("example.Com" is rare; "www." is not).
      uint32_t w = i;
      while (w > s.start && !IsSpace(text[w - 1])) --w;
      std::string_view word = text.substr(w, i - w);
      if (word.find('.') != std::string_view::npos || word.find('/') != std::string_view::npos ||
          word.find('@') != std::string_view::npos)
        continue;
      out->push_back({Span{start, i + 1}, index});
      start = i + 1;
    }
    out->push_back({Span{start, s.end}, index});
  }

  SentenceRules rules_;
};

}  // namespace

Result<std::unique_ptr<const Segmenter>> Segmenter::Create(const RuleSet& rules) {
  SentenceRules sentence_rules;
  CLAIMEX_RETURN_IF_ERROR(sentence_rules.Load(rules));
  auto probe = NewSentenceIterator();  // fails here, not per article, when ICU data is missing
  if (!probe.ok()) return probe.status();
  return std::unique_ptr<const Segmenter>(new IcuSegmenter(std::move(sentence_rules)));
}

int Document::SentenceAt(uint32_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](uint32_t o, const Sentence& s) { return o < s.span.start; });
  if (it == sentences.begin()) return -1;
  --it;
  if (offset >= it->span.end) return -1;
  return static_cast<int>(it - sentences.begin());
}

void FoldAsciiCase(std::string* s) {
  // Branch-free, so that the compiler vectorizes it: 0x20 is added to bytes 'A'..'Z' only.
  for (char& c : *s) {
    const auto b = static_cast<unsigned char>(c);
    c = static_cast<char>(b | (static_cast<unsigned char>(b - 'A') < 26 ? 0x20 : 0));
  }
}

std::string_view LowerOf(const Document& doc, std::string* buf) {
  const std::string& text = doc.norm.text();
  if (doc.lower.size() == text.size()) return doc.lower;
  *buf = text;
  FoldAsciiCase(buf);
  return *buf;
}

}  // namespace claimex
