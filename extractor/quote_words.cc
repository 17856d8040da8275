#include "extractor/quote_words.h"

#include <utf8proc.h>

#include <algorithm>

#include "extractor/text.h"

namespace claimex {
namespace {

constexpr bool IsAsciiLetter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Decodes the character at text[i]; *len gets its byte length (1 for a bad byte).
int32_t Decode(std::string_view text, size_t i, int* len) {
  unsigned char c = text[i];
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  utf8proc_int32_t cp = -1;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  *len = n > 0 ? static_cast<int>(n) : 1;
  return n > 0 ? cp : -1;
}

enum class CharClass : uint8_t { kLetter, kUpper, kDigit, kOther };

// The classes of the ASCII characters, one table look-up instead of a chain of tests.
struct AsciiClasses {
  CharClass cls[128];
  constexpr AsciiClasses() : cls() {
    for (int c = 0; c < 128; ++c) {
      const auto b = static_cast<unsigned char>(c);
      cls[c] = (c >= 'A' && c <= 'Z') ? CharClass::kUpper
               : IsAsciiLetter(b)     ? CharClass::kLetter
               : IsDigit(b)           ? CharClass::kDigit
                                      : CharClass::kOther;
    }
  }
};
constexpr AsciiClasses kAsciiClasses;

CharClass Classify(int32_t cp) {
  if (cp < 0) return CharClass::kOther;
  if (cp < 0x80) return kAsciiClasses.cls[cp];
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return CharClass::kUpper;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_ND:
      return CharClass::kDigit;
    default:
      return CharClass::kOther;
  }
}

bool IsWordClass(CharClass c) { return c != CharClass::kOther; }

}  // namespace

WordIndex::WordIndex(std::string_view text) : WordIndex(text, std::string_view()) {}

WordIndex::WordIndex(std::string_view text, std::string_view lower) : text_(text), lower_(lower) {
  if (lower_.size() != text_.size()) {  // (not the text's folded copy: make one)
    own_lower_.assign(text);
    FoldAsciiCase(&own_lower_);
    lower_ = own_lower_;
  }
  Index();
}

void WordIndex::Index() {
  std::string_view text = text_;
  words_.reserve(text.size() / 5 + 1);
  size_t i = 0;
  const size_t n = text.size();
  auto class_at = [&](size_t k) {
    int len;
    return k < n ? Classify(Decode(text, k, &len)) : CharClass::kOther;
  };
  while (i < n) {
    unsigned char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    int len;
    CharClass cls = Classify(Decode(text, i, &len));
    QWord w;
    w.start = static_cast<uint32_t>(i);
    if (!IsWordClass(cls)) {
      w.kind = QWord::kPunct;
      w.end = static_cast<uint32_t>(i + len);
      words_.push_back(w);
      i += len;
      continue;
    }
    if (cls == CharClass::kDigit) {
      // A number: digits with inner ',' or '.' before a digit.
      size_t j = i;
      while (j < n) {
        if (IsDigit(text[j])) {
          ++j;
        } else if ((text[j] == ',' || text[j] == '.') && j + 1 < n && IsDigit(text[j + 1])) {
          ++j;
        } else {
          break;
        }
      }
      // "25-year-olds", "2nd": letters or a joined hyphen glued to the number stay with it.
      if (j < n && (IsWordClass(class_at(j)) ||
                    (text[j] == '-' && j + 1 < n && IsWordClass(class_at(j + 1))))) {
        cls = CharClass::kLetter;  // continue as a word below
        i = j;
      } else {
        w.kind = QWord::kNumber;
        w.end = static_cast<uint32_t>(j);
        words_.push_back(w);
        i = j;
        continue;
      }
    }
    // A word of letters (and digits).
    w.kind = QWord::kAlpha;
    w.cap = cls == CharClass::kUpper;
    size_t j = i;
    size_t seg = w.start;  // start of the current dot-separated part ("U" of "U.S.")
    int letters = 0, uppers = 0, dots = 0;
    while (j < n) {
      const auto b = static_cast<unsigned char>(text[j]);
      int l = 1;
      // (ASCII, the common case: the class by table, the counts without branches)
      const CharClass k = b < 0x80 ? kAsciiClasses.cls[b] : Classify(Decode(text, j, &l));
      if (IsWordClass(k)) {
        letters += k != CharClass::kDigit;
        uppers += k == CharClass::kUpper;
        j += l;
        continue;
      }
      char ch = text[j];
      if (ch == '\'' && j + 1 < n && j > i && IsWordClass(class_at(j + 1))) {
        // Possessive 's ends the word: "Khan's" -> "Khan" "'s".
        bool possessive = (text[j + 1] == 's' || text[j + 1] == 'S') &&
                          (j + 2 >= n || !IsWordClass(class_at(j + 2)));
        if (possessive) break;
        ++j;
        continue;
      }
      if (ch == '-' && j + 1 < n && IsWordClass(class_at(j + 1))) {
        ++j;
        continue;
      }
      if (ch == '.' && j == seg + 1 && IsAsciiLetter(text[seg])) {
        // "J." and "U.S.": a single letter keeps its full stop.
        ++j;
        ++dots;
        seg = j;
        continue;
      }
      break;
    }
    w.end = static_cast<uint32_t>(j);
    w.initial = dots == 1 && w.end - w.start == 2;
    if (uppers >= 2 && letters == uppers) w.acronym = true;
    words_.push_back(w);
    i = j;
    if (i < n && text[i] == '\'' && i + 1 < n && (text[i + 1] == 's' || text[i + 1] == 'S') &&
        (i + 2 >= n || !IsWordClass(class_at(i + 2)))) {
      QWord p;
      p.kind = QWord::kAlpha;
      p.start = static_cast<uint32_t>(i);
      p.end = static_cast<uint32_t>(i + 2);
      words_.push_back(p);
      i += 2;
    }
  }
}

void WordIndex::MarkParagraphs(const std::vector<Span>& paragraphs) {
  for (const Span& p : paragraphs) {
    int i = FirstAt(p.start);
    if (i < size()) words_[i].para_start = true;
  }
}

namespace {

// The index of the first word for which before(word) is false (words are partitioned: true ones
// first), as std::partition_point, by a binary search without branches (a conditional move per
// step): these look-ups run for every sentence and cue, and mispredicted branches dominated them.
template <typename Before>
int PartitionPoint(const std::vector<QWord>& words, Before before) {
  const QWord* base = words.data();
  size_t n = words.size();
  if (n == 0) return 0;
  while (n > 1) {
    const size_t half = n / 2;
    base = before(base[half]) ? base + half : base;
    n -= half;
  }
  return static_cast<int>(base - words.data()) + (before(*base) ? 1 : 0);
}

}  // namespace

int WordIndex::FirstAt(uint32_t offset) const {
  return PartitionPoint(words_, [offset](const QWord& w) { return w.start < offset; });
}

int WordIndex::EndAt(uint32_t offset) const {
  return PartitionPoint(words_, [offset](const QWord& w) { return w.end <= offset; });
}

bool PhraseSet::Add(std::string_view phrase, int value) {
  WordIndex w(phrase);
  if (w.size() == 0) return false;
  Phrase p;
  for (int i = 0; i < w.size(); ++i) p.words.emplace_back(w.Lower(i));
  p.value = value;
  auto longest_first = [](const Phrase& a, const Phrase& b) {
    return a.words.size() > b.words.size();
  };
  auto& f = first_[p.words.front()];
  f.push_back(p);
  std::stable_sort(f.begin(), f.end(), longest_first);
  auto& l = last_[p.words.back()];
  l.push_back(p);
  std::stable_sort(l.begin(), l.end(), longest_first);
  return true;
}

bool PhraseSet::Matches(const WordIndex& w, int i, int limit, const Phrase& p) const {
  int n = static_cast<int>(p.words.size());
  if (i < 0 || i + n > limit || i + n > w.size()) return false;
  for (int k = 0; k < n; ++k) {
    if (w.Lower(i + k) != p.words[k]) return false;
  }
  return true;
}

int PhraseSet::MatchAt(const WordIndex& w, int i, int limit, int* len) const {
  if (i < 0 || i >= w.size() || i >= limit) return -1;
  auto it = first_.find(w.Lower(i));
  if (it == first_.end()) return -1;
  for (const Phrase& p : it->second) {
    if (Matches(w, i, limit, p)) {
      *len = static_cast<int>(p.words.size());
      return p.value;
    }
  }
  return -1;
}

int PhraseSet::MatchEndingAt(const WordIndex& w, int i, int floor, int* len) const {
  if (i < 0 || i >= w.size() || i < floor) return -1;
  auto it = last_.find(w.Lower(i));
  if (it == last_.end()) return -1;
  for (const Phrase& p : it->second) {
    int start = i - static_cast<int>(p.words.size()) + 1;
    if (start >= floor && Matches(w, start, i + 1, p)) {
      *len = static_cast<int>(p.words.size());
      return p.value;
    }
  }
  return -1;
}

bool PhraseSet::Contains(const WordIndex& w, int i) const {
  int len;
  return MatchAt(w, i, i + 1, &len) >= 0;
}

}  // namespace claimex
