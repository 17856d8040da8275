// The atoms of the TimeFinder's grammar: numbers, days, month and weekday names, years, numeric
// dates and clock times, and the context tests around them; see timex_parse.h.
#include <cmath>
#include <cstdlib>

#include "extractor/timex_parse.h"

namespace claimex::timex {
namespace {

bool IsDigitChar(char c) { return c >= '0' && c <= '9'; }
bool IsAlnumChar(char c) {
  return IsDigitChar(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

// ------------------------------------------------------------------------------------ atoms --

int Parser::Number(int i, double* v, bool* vague, bool article) const {
  *vague = false;
  if (i < 0 || i >= n_) return -1;
  const Tok& t = toks_[i];
  if (t.kind == Tok::kNum) {
    if (t.ord) return -1;
    // part of a grouped number ("1,000") or a code ("3-2")
    if (IsPunct(i + 1, ",") && Glued(i + 1) && i + 2 < n_ && toks_[i + 2].kind == Tok::kNum &&
        Glued(i + 2)) {
      return -1;
    }
    *v = t.num;
    return i + 1;
  }
  const Entry* e = nullptr;
  int vague_end = Match(i, Lex::kVague);
  int k = Match(i, Lex::kNumber, &e);
  if (k > 0 && k >= vague_end) {
    double val = e->dval;
    // tens and units: "twenty four", "twenty-four"
    if (val >= 20 && val <= 90 && std::fmod(val, 10) == 0) {
      int a = k;
      if (IsPunct(a, "-") && Glued(a)) ++a;
      const Entry* u = nullptr;
      int k2 = Match(a, Lex::kNumber, &u);
      if (k2 == a + 1 && u->dval >= 1 && u->dval <= 9) {
        val += u->dval;
        k = k2;
      }
    }
    *v = val;
    return k;
  }
  if (vague_end > 0) {
    *vague = true;
    *v = 0;
    return vague_end;
  }
  if (article && (k = Match(i, Lex::kArticle)) > 0) {
    *v = 1;
    return k;
  }
  return -1;
}

int Parser::Ordinal(int i, int* v) const {
  if (i < 0 || i >= n_) return -1;
  const Tok& t = toks_[i];
  if (t.kind == Tok::kNum) {
    if (!t.ord || t.num > 1e6) return -1;  // no time counts that far; and no int overflow
    *v = static_cast<int>(t.num);
    return i + 1;
  }
  const Entry* e = nullptr;
  int k = Match(i, Lex::kOrdinal, &e);
  if (k > 0) {
    *v = e->ival;
    return k;
  }
  k = Match(i, Lex::kNumber, &e);  // "twenty-first", "thirty first"
  if (k == i + 1 && (e->dval == 20 || e->dval == 30)) {
    int tens = static_cast<int>(e->dval);
    int a = IsPunct(k, "-") && Glued(k) ? k + 1 : k;
    int k2 = Match(a, Lex::kOrdinal, &e);
    if (k2 == a + 1 && e->ival <= 9) {
      *v = tens + e->ival;
      return k2;
    }
  }
  return -1;
}

int Parser::Day(int i, int* d, bool words) const {
  if (i < 0 || i >= n_) return -1;
  const Tok& t = toks_[i];
  if (t.kind == Tok::kNum) {
    if (t.decimal || t.digits > 2 || t.num < 1 || t.num > 31) return -1;
    if (lex_.EndsBefore(toks_, i, Lex::kNotYear)) return -1;  // "$12", "No. 5"
    if (IsPunct(i + 1, ":") && Glued(i + 1) && i + 2 < n_ && Glued(i + 2) &&
        toks_[i + 2].kind == Tok::kNum) {
      return -1;  // a clock time
    }
    if (IsPunct(i + 1, "%")) return -1;
    *d = static_cast<int>(t.num);
    return i + 1;
  }
  if (!words) return -1;
  int k = Ordinal(i, d);
  return k > 0 && *d >= 1 && *d <= 31 ? k : -1;
}

namespace {
// After an abbreviated name: a glued full stop before a number or a comma belongs to it.
int SkipAbbrevDot(const Parser& p, Toks toks, int k) {
  if (p.IsPunct(k, ".") && p.Glued(k) && k + 1 < static_cast<int>(toks.size()) &&
      (toks[k + 1].kind == Tok::kNum || p.IsPunct(k + 1, ","))) {
    return k + 1;
  }
  return k;
}
}  // namespace

int Parser::Month(int i, int* m, bool* ambiguous) const {
  const Entry* e = nullptr;
  int k = Match(i, Lex::kMonth, &e);
  if (k < 0) return -1;
  if (e->ambiguous && !toks_[i].upper) return -1;
  *m = e->ival;
  *ambiguous = e->ambiguous;
  return SkipAbbrevDot(*this, toks_, k);
}

int Parser::Weekday(int i, int* wd, bool* ambiguous) const {
  const Entry* e = nullptr;
  int k = Match(i, Lex::kWeekday, &e);
  if (k < 0) return -1;
  if (e->ambiguous && !toks_[i].upper) return -1;
  *wd = e->ival;
  *ambiguous = e->ambiguous;
  return SkipAbbrevDot(*this, toks_, k);
}

int Parser::Year(int i, int* y, bool spoken) const {
  if (i < 0 || i >= n_) return -1;
  const Tok& t = toks_[i];
  if (t.kind == Tok::kNum) {
    if (t.digits != 4 || t.decimal || t.ord || t.num < 1000 || t.num > 2999) return -1;
    // inside a longer number: "1,2016", "12.2016", "2016,500"
    if (Glued(i) && (IsPunct(i - 1, ",") || IsPunct(i - 1, ".")) && i >= 2 &&
        toks_[i - 2].kind == Tok::kNum && Glued(i - 1)) {
      return -1;
    }
    if (IsPunct(i + 1, ",") && Glued(i + 1) && i + 2 < n_ && toks_[i + 2].kind == Tok::kNum &&
        Glued(i + 2) && toks_[i + 2].digits == 3) {
      return -1;
    }
    *y = static_cast<int>(t.num);
    return i + 1;
  }
  if (!spoken) return -1;
  const Entry* e = nullptr;
  int k = Match(i, Lex::kNumber, &e);
  if (k != i + 1) return -1;
  double rest = 0;
  bool vague = false;
  if (e->dval >= 11 && e->dval <= 20) {  // "nineteen ninety-six", "twenty twenty"
    int k2 = Number(k, &rest, &vague, false);
    if (k2 > 0 && !vague && toks_[k].kind == Tok::kWord && rest >= 10 && rest <= 99) {
      *y = static_cast<int>(e->dval * 100 + rest);
      return k2;
    }
  }
  if (e->dval == 2 && IsWord(k, "thousand")) {  // "two thousand and fifteen"
    int j = k + 1;
    int a = IsWord(j, "and") ? j + 1 : j;
    int k2 = Number(a, &rest, &vague, false);
    if (k2 > 0 && !vague && toks_[a].kind == Tok::kWord && rest >= 1 && rest <= 99) {
      *y = 2000 + static_cast<int>(rest);
      return k2;
    }
    *y = 2000;
    return j;
  }
  return -1;
}

bool Parser::Cued(int i) const { return lex_.EndsBefore(toks_, i, Lex::kPrep); }

bool Parser::BareYearOk(int i, int end) const {
  const Tok& t = toks_[i];
  if (t.kind != Tok::kNum || t.num < 1800 || t.num > 2100) return false;
  if (lex_.EndsBefore(toks_, i, Lex::kNotYear)) return false;
  if (Glued(i) && i > 0 && toks_[i - 1].kind == Tok::kWord) return false;  // "june2022", "A2016"
  if (Glued(end) && end < n_ && toks_[end].kind == Tok::kWord) return false;
  if (i > 0 && Glued(i) && (IsPunct(i - 1, "#") || IsPunct(i - 1, "-") || IsPunct(i - 1, "/")))
    return false;
  if (i > 0 && toks_[i - 1].kind == Tok::kNum) return false;  // "020 2016", "3 2016"
  if (end < n_ && toks_[end].kind == Tok::kNum && toks_[end].space_before) return false;
  if (IsPunct(end, "%") || Match(end, Lex::kZone) > 0) return false;  // "2016%", "2000 GMT"
  if (end < n_ && Glued(end) && (IsPunct(end, "-") || IsPunct(end, "/")) && end + 1 < n_ &&
      toks_[end + 1].kind == Tok::kNum && Glued(end + 1)) {
    return false;  // a code or a range the range rule did not take
  }
  bool cued = Cued(i);
  if (!cued && end < n_ && toks_[end].kind == Tok::kWord && !toks_[end].upper &&
      toks_[end].space_before) {
    std::string_view w = toks_[end].lower;
    // a counted noun: "2000 pieces", "1900 people" (but "2016 was"); scale words: "2016 million"
    if (w.size() >= 3 && w.back() == 's' && !w.ends_with("ss") && Match(end, Lex::kYearNext) < 0)
      return false;
    if (Match(end, Lex::kScale) > 0) return false;
  }
  // a capitalized name before it: "Windows 2000", "Euro 2016"
  if (!cued && i > 0 && toks_[i - 1].kind == Tok::kWord && toks_[i - 1].upper &&
      !toks_[i - 1].newline_before && toks_[i - 1].entries == nullptr && i >= 2 &&
      !IsPunct(i - 2, ".") && !IsPunct(i - 2, ":") && !toks_[i - 2].newline_before) {
    return false;
  }
  return true;
}

bool Parser::FutureBefore(int i) const {
  for (int j = i - 1; j >= 0 && j >= i - 16; --j) {
    if (IsPunct(j, ".") || IsPunct(j, ";") || IsPunct(j, "!")) return false;
    if (Match(j, Lex::kFuture) > 0) return true;
    if (toks_[j].newline_before) return false;
  }
  return false;
}

bool Parser::NameAfter(int i) const {
  return i < n_ && toks_[i].kind == Tok::kWord && toks_[i].upper && toks_[i].space_before &&
         !toks_[i].newline_before && toks_[i].entries == nullptr;
}

bool Parser::QuarterContext(int i) const {  // the text around, across paragraphs
  size_t at = toks_[i].start;
  size_t from = at > 700 ? at - 700 : 0;
  std::string_view around = text_.substr(from, at - from + 350);
  return around.find("quarter") != std::string_view::npos ||
         around.find("Quarter") != std::string_view::npos;
}

int Parser::NumericDate(int i, Point* p) const {
  const Tok& t = toks_[i];
  char c = text_[t.start];
  if (!(IsDigitChar(c) || c == 'q' || c == 'Q' || c == 'h' || c == 'H')) return -1;
  {  // every format has a separator or a Q/H right after its first field: a cheap test first
    size_t e = t.end;
    char nc = e < text_.size() ? text_[e] : ' ';
    if (nc == ' ' && e + 1 < text_.size()) nc = text_[e + 1];
    bool sep = nc == '-' || nc == '/' || nc == '.' || nc == 'q' || nc == 'Q' || nc == 'h' ||
               nc == 'H' || (!IsDigitChar(c) && IsDigitChar(nc));
    if (!sep) return -1;
  }
  if (t.start > 0) {  // not inside a longer run of digits and separators
    char pc = text_[t.start - 1];
    if (IsAlnumChar(pc)) return -1;
    if ((pc == '-' || pc == '/' || pc == '.') && t.start > 1 && IsDigitChar(text_[t.start - 2]))
      return -1;
  }
  std::string_view rest = text_.substr(t.start, 40);
  if (const RE2::Set* any = g_.any_format(); any != nullptr) {
    RE2::Set::ErrorInfo error;
    if (!any->Match(re2::StringPiece(rest.data(), rest.size()), nullptr, &error) &&
        error.kind == RE2::Set::kNoError) {
      return -1;  // no format matches here
    }
  }
  int best = -1;
  re2::StringPiece groups[8];
  for (const Format& f : g_.formats()) {
    int ngroups = std::min(8, f.re->NumberOfCapturingGroups() + 1);
    if (!f.re->Match(re2::StringPiece(rest.data(), rest.size()), 0, rest.size(), RE2::ANCHOR_START,
                     groups, ngroups)) {
      continue;
    }
    uint32_t endpos = t.start + static_cast<uint32_t>(groups[0].size());
    if (endpos < text_.size()) {
      char nc = text_[endpos];
      if (IsAlnumChar(nc)) continue;
      if ((nc == '-' || nc == '/' || nc == '.' || nc == ':') && endpos + 1 < text_.size() &&
          IsDigitChar(text_[endpos + 1])) {
        continue;
      }
    }
    int j = i;
    while (j < n_ && toks_[j].end < endpos) ++j;
    if (j >= n_ || toks_[j].end != endpos || j + 1 <= best) continue;
    auto num = [&](int g) {
      return g > 0 ? std::atoi(std::string(groups[g].data(), groups[g].size()).c_str()) : 0;
    };
    Point q;
    q.year = num(f.y);
    if (f.y > 0 && groups[f.y].size() == 2) q.year += q.year >= 50 ? 1900 : 2000;
    if (f.q > 0 || f.h > 0) {
      q.gran = f.q > 0 ? Gran::kQuarter : Gran::kHalf;
      q.sub = f.q > 0 ? num(f.q) : num(f.h);
    } else {
      int m = num(f.m), d = num(f.d);
      if (f.mon > 0) {
        std::string name(groups[f.mon].data(), groups[f.mon].size());
        for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        const Entry* e = lex_.Word(name, Lex::kMonth);
        if (e == nullptr) continue;
        m = e->ival;
      }
      if (f.d == 0) {  // year and month: "2015-3" (but "2011-12" is a year range)
        if (m < 1 || m > 12) continue;
        if (groups[f.m].size() == 2 && groups[f.m][0] != '0' && m == (q.year + 1) % 100) continue;
        q.gran = Gran::kMonth;
        q.month = m;
      } else {
        if (m > 12 && d <= 12) std::swap(m, d);
        if (f.m > 0 && f.d > 0 && m <= 12 && d <= 12 && m != d && anchor_ && q.year == anchor_->y &&
            groups[f.m].data() < groups[f.d].data()) {
          // "03/04/2024" is read month first unless day first lands nearer the anchor
          auto away = [&](int mm, int dd) {
            return std::abs(DaysFromCivil({q.year, mm, std::min(dd, DaysInMonth(q.year, mm))}) -
                            DaysFromCivil(*anchor_));
          };
          if (away(d, m) < away(m, d)) std::swap(m, d);
        }
        if (m < 1 || m > 12 || d < 1 || d > 31) continue;
        q.gran = Gran::kDay;
        q.month = m;
        q.day = d;
      }
    }
    best = j + 1;
    *p = q;
  }
  return best;
}

int Parser::Clock(int i, Point* p) const {
  if (i < 0 || i >= n_) return -1;
  const Entry* e = nullptr;
  int k = Match(i, Lex::kClock, &e);
  if (k > 0) {
    *p = Point();
    p->gran = Gran::kTime;
    p->hour = e->ival / 60;
    p->minute = e->ival % 60;
    return k;
  }
  const Tok& t = toks_[i];
  if (t.kind == Tok::kNum && t.digits == 4 && !t.decimal && Match(i + 1, Lex::kZone) > 0) {
    int hhmm = static_cast<int>(t.num);  // "2000 GMT": a 24-hour clock with its zone
    if (hhmm / 100 > 23 || hhmm % 100 > 59) return -1;
    *p = Point();
    p->gran = Gran::kTime;
    p->hour = hhmm / 100;
    p->minute = hhmm % 100;
    return Match(i + 1, Lex::kZone);
  }
  if (t.kind != Tok::kNum || t.decimal || t.ord || t.digits > 2 || t.num > 24) return -1;
  if (i > 0 && Glued(i) && (IsPunct(i - 1, ":") || IsPunct(i - 1, "."))) return -1;
  Point q;
  q.gran = Gran::kTime;
  q.hour = static_cast<int>(t.num);
  k = i + 1;
  bool colon = false;
  if (IsPunct(k, ":") && Glued(k) && k + 1 < n_ && Glued(k + 1) && toks_[k + 1].kind == Tok::kNum &&
      toks_[k + 1].digits == 2 && toks_[k + 1].num < 60) {
    q.minute = static_cast<int>(toks_[k + 1].num);
    k += 2;
    colon = true;
    if (IsPunct(k, ":") && Glued(k) && k + 1 < n_ && Glued(k + 1) &&
        toks_[k + 1].kind == Tok::kNum && toks_[k + 1].digits == 2 && toks_[k + 1].num < 60) {
      q.second = static_cast<int>(toks_[k + 1].num);
      k += 2;
    }
    if (IsPunct(k, ":") && Glued(k)) return -1;
  }
  // am / pm: "3pm", "10:30 am", "8 p.m."
  int half = 0;
  if (IsWord(k, "am") || IsWord(k, "pm")) {
    half = toks_[k].lower == "am" ? 1 : 2;
    ++k;
  } else if ((IsWord(k, "a") || IsWord(k, "p")) && IsPunct(k + 1, ".") && IsWord(k + 2, "m")) {
    half = toks_[k].lower == "a" ? 1 : 2;
    k += 3;
    if (IsPunct(k, ".") && Glued(k)) ++k;
  } else if (IsWord(k, "o") && IsPunct(k + 1, "'") && IsWord(k + 2, "clock")) {
    k += 3;
    half = 3;
  }
  if (half == 0 && !colon) return -1;
  if (half == 1 || half == 2) {
    if (q.hour < 1 || q.hour > 12) return -1;
    if (half == 2 && q.hour < 12) q.hour += 12;
    if (half == 1 && q.hour == 12) q.hour = 0;
  }
  if (colon && half == 0 && q.hour > 23) return -1;
  *p = q;
  return k;
}

}  // namespace claimex::timex
