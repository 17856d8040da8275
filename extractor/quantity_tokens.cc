// The token scanner and phrase lexicon of the QuantityFinder (see quantity_tokens.h).
#include "extractor/quantity_tokens.h"

#include "extractor/text.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

namespace claimex {
namespace {

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

enum class CharClass : uint8_t { kSpace, kDigit, kLetter, kOther };

// The classes of the ASCII bytes, one table look-up instead of a chain of tests.
struct AsciiClasses {
  CharClass cls[128];
  constexpr AsciiClasses() : cls() {
    for (int c = 0; c < 128; ++c) {
      cls[c] = IsSpace(static_cast<char>(c))        ? CharClass::kSpace
               : IsDigit(static_cast<char>(c))      ? CharClass::kDigit
               : IsAsciiAlpha(static_cast<char>(c)) ? CharClass::kLetter
                                                    : CharClass::kOther;
    }
  }
};
constexpr AsciiClasses kAsciiClasses;

// The class of the character at text[i] and its length in bytes.
CharClass Classify(std::string_view text, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  *len = 1;
  if (c < 0x80) return kAsciiClasses.cls[c];
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  if (n <= 0) return CharClass::kOther;
  *len = static_cast<size_t>(n);
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return CharClass::kSpace;
    default:
      return CharClass::kOther;
  }
}

// Scans a number at text[i] (a digit): digits, thousands groups ",ddd" and a decimal part.
size_t ScanNumber(std::string_view text, size_t i, size_t end, QToken* tok) {
  char buf[64];
  size_t n = 0;
  size_t j = i;
  int int_digits = 0, frac_digits = 0;
  while (j < end && IsDigit(text[j])) {
    if (n < sizeof(buf) - 2) buf[n++] = text[j];
    ++int_digits;
    ++j;
  }
  // ",ddd" groups: exactly three digits after each comma.
  while (j + 3 < end && text[j] == ',' && IsDigit(text[j + 1]) && IsDigit(text[j + 2]) &&
         IsDigit(text[j + 3]) && (j + 4 >= end || !IsDigit(text[j + 4]))) {
    for (size_t k = j + 1; k < j + 4; ++k) {
      if (n < sizeof(buf) - 2) buf[n++] = text[k];
    }
    int_digits += 3;
    tok->comma = true;
    j += 4;
  }
  if (j + 1 < end && text[j] == '.' && IsDigit(text[j + 1])) {
    if (n < sizeof(buf) - 2) buf[n++] = '.';
    ++j;
    while (j < end && IsDigit(text[j])) {
      if (n < sizeof(buf) - 2) buf[n++] = text[j];
      ++frac_digits;
      ++j;
    }
  }
  buf[n] = '\0';
  tok->kind = QKind::kNum;
  tok->num = std::strtod(buf, nullptr);
  tok->int_digits = static_cast<uint8_t>(std::min(int_digits, 255));
  tok->frac_digits = static_cast<uint8_t>(std::min(frac_digits, 255));
  return j;
}

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  FoldAsciiCase(&out);
  return out;
}

void QTokens::Scan(uint32_t begin, uint32_t end) {
  toks_.clear();
  size_t i = begin;
  bool space = true;
  const std::string_view t = text_;
  while (i < end) {
    size_t len = 1;
    CharClass cls = Classify(t, i, &len);
    if (cls == CharClass::kSpace) {
      space = true;
      i += len;
      continue;
    }
    QToken tok;
    tok.b = static_cast<uint32_t>(i);
    tok.glued = !space && !toks_.empty();
    space = false;
    if (cls == CharClass::kDigit) {
      i = ScanNumber(t, i, end, &tok);
    } else if (cls == CharClass::kLetter) {
      tok.kind = QKind::kWord;
      tok.cap = t[i] >= 'A' && t[i] <= 'Z';
      size_t j = i;
      bool upper = false;
      while (j < end) {
        const auto b = static_cast<unsigned char>(t[j]);
        if (b < 0x80) {  // (ASCII, the common case: by table, no branch for the case)
          if (kAsciiClasses.cls[b] != CharClass::kLetter) break;
          upper |= static_cast<unsigned char>(b - 'A') < 26;
          ++j;
          continue;
        }
        size_t l = 1;
        if (Classify(t, j, &l) != CharClass::kLetter) break;
        j += l;
      }
      tok.upper = upper;
      i = j;
    } else {
      tok.kind = QKind::kSym;
      i += len;
    }
    tok.e = static_cast<uint32_t>(i);
    toks_.push_back(tok);
  }
}

bool PhraseTable::Add(std::string_view phrase, int payload, bool cased) {
  std::string lower = AsciiLower(phrase);
  QTokens t(phrase, lower);
  t.Scan(0, static_cast<uint32_t>(phrase.size()));
  if (t.size() == 0) return false;
  Entry e;
  e.payload = payload;
  e.cased = cased;
  for (size_t k = 0; k < t.size(); ++k) {
    e.toks.emplace_back(cased ? t.Text(k) : t.Lower(k));
    e.glued.push_back(t[k].glued);
    e.num.push_back(t[k].kind == QKind::kNum);
  }
  int idx = static_cast<int>(entries_.size());
  std::string first(t.Lower(0)), last(t.Lower(t.size() - 1));
  entries_.push_back(std::move(e));
  auto insert = [&](std::vector<int>& v) {
    v.push_back(idx);
    std::stable_sort(v.begin(), v.end(), [&](int a, int b) {
      return entries_[a].toks.size() > entries_[b].toks.size();
    });
  };
  insert(by_first_[first]);
  insert(by_last_[last]);
  return true;
}

bool PhraseTable::TokenEquals(const Entry& e, size_t k, const QTokens& t, size_t i) const {
  if (e.cased ? t.Text(i) != e.toks[k] : t.Lower(i) != e.toks[k]) return false;
  // A number inside a phrase ("m2", "km2") must be glued as in the phrase; so must any token
  // that follows a number.
  if (k > 0 && (e.num[k] || e.num[k - 1]) && e.glued[k] != t[i].glued) return false;
  return true;
}

PhraseTable::Match PhraseTable::Forward(const QTokens& t, size_t i) const {
  return ForwardIf(t, i, nullptr);
}

PhraseTable::Match PhraseTable::ForwardIf(const QTokens& t, size_t i,
                                          const std::function<bool(int)>& ok) const {
  if (i >= t.size()) return {};
  auto it = by_first_.find(t.Lower(i));
  if (it == by_first_.end()) return {};
  for (int idx : it->second) {
    const Entry& e = entries_[idx];
    if (i + e.toks.size() > t.size()) continue;
    bool same = true;
    for (size_t k = 0; k < e.toks.size() && same; ++k) same = TokenEquals(e, k, t, i + k);
    if (same && (!ok || ok(e.payload))) return {e.payload, static_cast<int>(e.toks.size())};
  }
  return {};
}

PhraseTable::Match PhraseTable::Backward(const QTokens& t, size_t end) const {
  if (end == 0 || end > t.size()) return {};
  auto it = by_last_.find(t.Lower(end - 1));
  if (it == by_last_.end()) return {};
  for (int idx : it->second) {
    const Entry& e = entries_[idx];
    size_t n = e.toks.size();
    if (n > end) continue;
    bool same = true;
    for (size_t k = 0; k < n && same; ++k) same = TokenEquals(e, k, t, end - n + k);
    if (same) return {e.payload, static_cast<int>(n)};
  }
  return {};
}

}  // namespace claimex
