#include "extractor/timex_lexicon.h"

#include <utf8proc.h>

#include <algorithm>
#include <charconv>

#include "extractor/text.h"

namespace claimex::timex {
namespace {

// a == b for the short words of phrases, inline: most pairs differ in length or first byte, and
// a call to memcmp per pair cost more than the comparison.
inline bool SameWord(std::string_view a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

enum class Value : uint8_t {
  kNone,    // "-"
  kFlag,    // "-" or the flag word (weak/strong)
  kInt,     // an integer with bounds
  kNumber,  // a decimal number
  kCode,    // one of a list of codes
  kAny,     // free text checked by the loader (holiday, unit, day, clock, set)
};

struct KindSpec {
  const char* name;
  const char* file;
  Lex kind;
  Value value;
  int lo = 0, hi = 0;      // kInt bounds
  const char* codes = "";  // kCode: space-separated; kFlag: the flag word
};

const KindSpec kKinds[] = {
    {"month", "months.txt", Lex::kMonth, Value::kInt, 1, 12},
    {"weekday", "months.txt", Lex::kWeekday, Value::kInt, 1, 7},
    {"season", "months.txt", Lex::kSeason, Value::kCode, 0, 0, "SP SU FA WI"},
    {"holiday", "months.txt", Lex::kHoliday, Value::kAny},
    {"unit", "time_units.txt", Lex::kUnit, Value::kAny},
    {"glued", "time_units.txt", Lex::kGluedUnit, Value::kAny},
    {"number", "time_numbers.txt", Lex::kNumber, Value::kNumber},
    {"ordinal", "time_numbers.txt", Lex::kOrdinal, Value::kInt, 1, 31},
    {"vague", "time_numbers.txt", Lex::kVague, Value::kCode, 0, 0, "X"},
    {"article", "time_numbers.txt", Lex::kArticle, Value::kInt, 1, 1},
    {"day", "time_words.txt", Lex::kDay, Value::kAny},
    {"ref", "time_words.txt", Lex::kRef, Value::kCode, 0, 0, "PRESENT_REF PAST_REF FUTURE_REF"},
    {"shift", "time_words.txt", Lex::kShift, Value::kAny},
    {"report", "time_words.txt", Lex::kReport, Value::kInt, -1, -1},
    {"part", "time_words.txt", Lex::kPart, Value::kCode, 0, 0, "MO AF EV NI MI"},
    {"set", "time_words.txt", Lex::kSet, Value::kAny},
    {"clock", "time_words.txt", Lex::kClock, Value::kAny},
    {"zone", "time_words.txt", Lex::kZone, Value::kNone},
    {"since", "time_cues.txt", Lex::kSince, Value::kNone},
    {"until", "time_cues.txt", Lex::kUntil, Value::kFlag, 0, 0, "weak"},
    {"after", "time_cues.txt", Lex::kAfter, Value::kNone},
    {"before", "time_cues.txt", Lex::kBefore, Value::kNone},
    {"orlater", "time_cues.txt", Lex::kOrLater, Value::kNone},
    {"from", "time_cues.txt", Lex::kFrom, Value::kNone},
    {"between", "time_cues.txt", Lex::kBetween, Value::kNone},
    {"to", "time_cues.txt", Lex::kTo, Value::kFlag, 0, 0, "strong"},
    {"todate", "time_cues.txt", Lex::kToDate, Value::kFlag, 0, 0, "alone"},
    {"lead", "time_cues.txt", Lex::kLead, Value::kCode, 0, 0, "past next -"},
    {"in", "time_cues.txt", Lex::kIn, Value::kNone},
    {"ago", "time_cues.txt", Lex::kAgo, Value::kInt, -1, 1},
    {"offset", "time_cues.txt", Lex::kOffset, Value::kInt, -1, 1},
    {"position", "time_cues.txt", Lex::kPosition, Value::kCode, 0, 0, "START MID END"},
    {"approx", "time_cues.txt", Lex::kApprox, Value::kCode, 0, 0, "APPROX MORE_THAN LESS_THAN"},
    {"future", "time_cues.txt", Lex::kFuture, Value::kNone},
    {"year", "time_cues.txt", Lex::kYear, Value::kNone},
    {"prep", "time_cues.txt", Lex::kPrep, Value::kNone},
    {"notyear", "time_cues.txt", Lex::kNotYear, Value::kNone},
    {"yearnext", "time_cues.txt", Lex::kYearNext, Value::kNone},
    {"scale", "time_cues.txt", Lex::kScale, Value::kNone},
    {"clause", "time_cues.txt", Lex::kClause, Value::kNone},
    {"dateline", "time_cues.txt", Lex::kDateline, Value::kNone},
};

bool ParseInt(std::string_view s, int* out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool ParseDouble(std::string_view s, double* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool HasCode(const char* codes, std::string_view v) {
  std::string_view all(codes);
  while (!all.empty()) {
    size_t sp = all.find(' ');
    if (all.substr(0, sp) == v) return true;
    if (sp == std::string_view::npos) break;
    all.remove_prefix(sp + 1);
  }
  return false;
}

// "10Y", "1TH": amount and TIMEX3 duration code.
bool ParseUnit(std::string_view v, Entry* e) {
  size_t k = 0;
  while (k < v.size() && (std::isdigit(static_cast<unsigned char>(v[k])) || v[k] == '.')) ++k;
  std::string_view code = v.substr(k);
  if (k == 0 || !ParseDouble(v.substr(0, k), &e->dval)) return false;
  static const char* const kCodes = "Y M W D Q TH TM TS";
  if (!HasCode(kCodes, code)) return false;
  e->code = std::string(code);
  return true;
}

// "12-25", "E+1", "E-2", "11-4TH", "05-LMO".
bool ValidHoliday(std::string_view v) {
  int n = 0;
  if (v.size() >= 2 && v[0] == 'E') return ParseInt(v.substr(1), &n) && n > -60 && n < 60;
  if (v.size() < 5 || v[2] != '-') return false;
  int month = 0;
  if (!ParseInt(v.substr(0, 2), &month) || month < 1 || month > 12) return false;
  std::string_view rest = v.substr(3);
  if (rest.size() == 2) return ParseInt(rest, &n) && n >= 1 && n <= 31;
  if (rest.size() != 3) return false;
  if (!(rest[0] == 'L' || (rest[0] >= '1' && rest[0] <= '4'))) return false;
  return HasCode("MO TU WE TH FR SA SU", rest.substr(1));
}

// "0", "-1", "+1 NI" (day offset and part of the day).
bool ParseDay(std::string_view v, Entry* e) {
  e->code.clear();
  size_t sp = v.find(' ');
  if (!ParseInt(v.substr(0, sp), &e->ival) || e->ival < -7 || e->ival > 7) return false;
  if (sp == std::string_view::npos) return true;
  e->code = std::string(v.substr(sp + 1));
  return HasCode("MO AF EV NI MI", e->code);
}

bool IsWordByte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Length of the letter at text[i] when it starts a letter (ASCII or a Unicode letter), else 0.
size_t LetterAt(std::string_view text, size_t i) {
  unsigned char c = text[i];
  if (c < 0x80) return IsWordByte(c) ? 1 : 0;
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                        text.size() - i, &cp);
  if (n <= 0) return 0;
  utf8proc_category_t cat = utf8proc_category(cp);
  bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;
  return letter ? static_cast<size_t>(n) : 0;
}

size_t CharLen(std::string_view text, size_t i) {
  unsigned char c = text[i];
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(n, text.size() - i);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Status Lexicon::AddLine(const RuleFile& file, const RuleLine& line) {
  const std::vector<std::string>& f = line.fields;
  const KindSpec* spec = nullptr;
  for (const KindSpec& k : kKinds) {
    if (f[0] == k.name && file.name == k.file) spec = &k;
  }
  if (spec == nullptr) return file.Error(line, "unknown kind \"" + f[0] + "\" for this file");
  if (f.size() < 3) return file.Error(line, "expected KIND VALUE NAME...");
  Entry proto;
  proto.kind = spec->kind;
  const std::string& v = f[1];
  bool ok = true;
  switch (spec->value) {
    case Value::kNone:
      ok = v == "-";
      break;
    case Value::kFlag:
      ok = v == "-" || v == spec->codes;
      proto.flag = v != "-";
      break;
    case Value::kInt:
      ok = ParseInt(v, &proto.ival) && proto.ival >= spec->lo && proto.ival <= spec->hi;
      break;
    case Value::kNumber:
      ok = ParseDouble(v, &proto.dval);
      break;
    case Value::kCode:
      ok = HasCode(spec->codes, v);
      proto.code = v;
      if (spec->kind == Lex::kLead) proto.ival = v == "past" ? -1 : v == "next" ? 1 : 0;
      break;
    case Value::kAny:
      proto.code = v;
      if (spec->kind == Lex::kHoliday) ok = ValidHoliday(v);
      if (spec->kind == Lex::kUnit || spec->kind == Lex::kGluedUnit) ok = ParseUnit(v, &proto);
      if (spec->kind == Lex::kDay) ok = ParseDay(v, &proto);
      if (spec->kind == Lex::kShift || spec->kind == Lex::kClock) proto.code.clear();
      if (spec->kind == Lex::kShift) {  // "~", "-1", "0", "+1", "+1 near"
        proto.ival = kUnknownShift;
        std::string_view sv = v;
        if (sv.ends_with(" near")) proto.flag = true, sv.remove_suffix(5);
        ok = sv == "~" || (ParseInt(sv, &proto.ival) && proto.ival >= -1 && proto.ival <= 1);
      }
      if (spec->kind == Lex::kSet) {
        ok = v.size() >= 3 && v[0] == 'P';
      }
      if (spec->kind == Lex::kClock) {
        int h = 0, m = 0;
        ok = v.size() == 5 && v[2] == ':' && ParseInt(v.substr(0, 2), &h) &&
             ParseInt(v.substr(3), &m) && h < 24 && m < 60;
        proto.ival = h * 60 + m;
      }
      break;
  }
  if (!ok) return file.Error(line, "bad value \"" + v + "\" for " + f[0]);
  for (size_t k = 2; k < f.size(); ++k) {
    Entry e = proto;
    std::string_view name = f[k];
    if (name.starts_with('?')) {
      e.ambiguous = true;
      name.remove_prefix(1);
    }
    std::string lower;
    std::vector<Tok> toks;
    Tokenize(name, &lower, &toks);
    if (toks.empty()) return file.Error(line, "empty name");
    for (const Tok& t : toks) e.words.emplace_back(t.lower);
    longest_ = std::max(longest_, e.words.size());
    size_t& of_kind = longest_of_[static_cast<int>(e.kind)];
    of_kind = std::max(of_kind, e.words.size());
    int id = static_cast<int>(entries_.size());
    first_len_[static_cast<unsigned char>(e.words[0][0])] |=
        1u << std::min<size_t>(e.words[0].size(), 31);
    Starts& starts = by_first_[e.words[0]];
    starts.kinds |= KindBit(e.kind);
    if (e.words.size() == 1) starts.single_kinds |= KindBit(e.kind);
    starts.ids.push_back(id);
    entries_.push_back(std::move(e));
  }
  return Status::Ok();
}

Result<Lexicon> Lexicon::Load(const RuleSet& rules) {
  Lexicon lex;
  for (const char* name :
       {"months.txt", "time_units.txt", "time_numbers.txt", "time_words.txt", "time_cues.txt"}) {
    auto file = rules.Get(name);
    if (!file.ok()) return file.status();
    for (const RuleLine& line : (*file)->lines) {
      CLAIMEX_RETURN_IF_ERROR(lex.AddLine(**file, line));
    }
  }
  for (auto& [word, starts] : lex.by_first_) {  // group each word's entries by kind
    std::stable_sort(starts.ids.begin(), starts.ids.end(),
                     [&](int a, int b) { return lex.entries_[a].kind < lex.entries_[b].kind; });
    size_t k = 0;
    for (int kind = 0; kind <= static_cast<int>(Lex::kCount); ++kind) {
      starts.first[kind] = static_cast<uint16_t>(k);
      while (k < starts.ids.size() && static_cast<int>(lex.entries_[starts.ids[k]].kind) == kind)
        ++k;
    }
  }
  return lex;
}

void Lexicon::Tokenize(std::string_view text, std::string* lower, std::vector<Tok>* toks) const {
  lower->assign(text);
  FoldAsciiCase(lower);
  Tokenize(text, std::string_view(*lower), toks);
}

void Lexicon::Tokenize(std::string_view text, std::string_view lower,
                       std::vector<Tok>* toks) const {
  toks->clear();
  toks->reserve(std::min<size_t>(text.size() / 5, 1 << 16) + 16);  // ~ a token per 5 bytes
  bool space = true, newline = true;
  int newlines = 2;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      if (c == '\n') newline = true, ++newlines;
      ++i;
      continue;
    }
    Tok& t = toks->emplace_back();  // built in place
    t.start = static_cast<uint32_t>(i);
    t.space_before = space;
    t.newline_before = newline;
    t.blank_before = newlines >= 2;
    space = newline = false;
    newlines = 0;
    if (IsDigit(c)) {
      t.kind = Tok::kNum;
      size_t j = i;
      double v = 0;
      while (j < n && IsDigit(text[j])) v = v * 10 + (text[j++] - '0');
      t.digits = static_cast<uint8_t>(std::min<size_t>(j - i, 255));
      if (j + 1 < n && text[j] == '.' && IsDigit(text[j + 1])) {
        size_t k = j + 1;
        while (k < n && IsDigit(text[k])) ++k;
        double frac = 0;
        ParseDouble(text.substr(j, k - j), &frac);
        v += frac;
        t.decimal = true;
        j = k;
      }
      t.num = v;
      // An ordinal suffix: "1st", "22nd", "3rd", "4th" (not followed by more letters).
      if (!t.decimal && j + 2 <= n) {
        std::string_view suf = lower.substr(j, 2);
        if ((suf == "st" || suf == "nd" || suf == "rd" || suf == "th") &&
            (j + 2 == n || LetterAt(text, j + 2) == 0)) {
          t.ord = true;
          j += 2;
        }
      }
      i = j;
    } else if (size_t len = LetterAt(text, i); len > 0) {
      t.kind = Tok::kWord;
      t.upper = c >= 'A' && c <= 'Z';
      size_t j = i + len;
      while (j < n) {
        unsigned char cj = text[j];
        if (cj < 0x80) {  // the common case, inline
          if (!IsWordByte(cj)) break;
          ++j;
        } else if ((len = LetterAt(text, j)) > 0) {
          j += len;
        } else {
          break;
        }
      }
      i = j;
    } else {
      t.kind = Tok::kPunct;
      i += CharLen(text, i);
    }
    t.end = static_cast<uint32_t>(i);
    t.lower = lower.substr(t.start, t.end - t.start);
    if (first_len_[static_cast<unsigned char>(t.lower[0])] &
        (1u << std::min<size_t>(t.lower.size(), 31))) {
      auto it = by_first_.find(t.lower);
      if (it != by_first_.end()) t.entries = &it->second;
    }
  }
}

int Lexicon::MatchAt(Toks toks, int i, Lex kind, const Entry** entry) const {
  int best = -1;
  const Starts& s = *toks[i].entries;
  for (int k = s.first[static_cast<int>(kind)]; k < s.first[static_cast<int>(kind) + 1]; ++k) {
    const Entry& e = entries_[s.ids[k]];
    int end = i + static_cast<int>(e.words.size());
    if (end > static_cast<int>(toks.size()) || end <= best) continue;
    bool same = true;
    for (size_t k = 1; k < e.words.size() && same; ++k) {
      same = SameWord(toks[i + k].lower, e.words[k]);
    }
    if (!same) continue;
    best = end;
    if (entry != nullptr) *entry = &e;
  }
  return best;
}

std::vector<std::string> Lexicon::Phrases(Lex kind) const {
  std::vector<std::string> out;
  for (const Entry& e : entries_) {
    if (e.kind != kind) continue;
    std::string p;
    for (const std::string& w : e.words) p += (p.empty() ? "" : " ") + w;
    out.push_back(std::move(p));
  }
  return out;
}

const Entry* Lexicon::Word(std::string_view lower, Lex kind) const {
  auto it = by_first_.find(lower);
  if (it == by_first_.end()) return nullptr;
  for (int id : it->second.ids) {
    if (entries_[id].kind == kind && entries_[id].words.size() == 1) return &entries_[id];
  }
  return nullptr;
}

bool Lexicon::EndsBefore(Toks toks, int i, Lex kind) const {
  const int reach = static_cast<int>(longest_of_[static_cast<int>(kind)]);
  for (int j = std::max(0, i - reach); j < i; ++j) {
    if (toks[j].entries == nullptr || (toks[j].entries->kinds & KindBit(kind)) == 0) continue;
    const Starts& s = *toks[j].entries;
    for (int k = s.first[static_cast<int>(kind)]; k < s.first[static_cast<int>(kind) + 1]; ++k) {
      const Entry& e = entries_[s.ids[k]];
      if (j + static_cast<int>(e.words.size()) != i) continue;
      bool same = true;
      for (size_t k = 1; k < e.words.size() && same; ++k) {
        same = SameWord(toks[j + k].lower, e.words[k]);
      }
      if (same) return true;
    }
  }
  return false;
}

}  // namespace claimex::timex
