// Durations, ranges, open spans, sets and the scan over a whole text; see timex_parse.h.
#include <algorithm>

#include "extractor/text.h"
#include "extractor/timex_parse.h"

namespace claimex::timex {
namespace {

// The point of `date` at granularity g (a year, a quarter, a month; weeks and days as days).
Point AtGran(const Date& date, Gran g) {
  Point p = Point::OfDay(date);
  switch (g) {
    case Gran::kCentury:
    case Gran::kDecade:
    case Gran::kYear:
      p.gran = Gran::kYear;
      break;
    case Gran::kQuarter:
      p.gran = Gran::kQuarter;
      p.sub = (date.m - 1) / 3 + 1;
      break;
    case Gran::kMonth:
      p.gran = Gran::kMonth;
      break;
    default:
      break;
  }
  return p;
}

bool IsDay(const Point& p) { return p.gran == Gran::kDay && p.month > 0 && p.day > 0; }

// A word glued to an '@' after it: the start of a mail address.
bool IsMailAt(Toks toks, int i) {
  return i + 1 < static_cast<int>(toks.size()) && !toks[i + 1].space_before &&
         toks[i + 1].lower == "@";
}

// Whether a starts no later than b (true when either has no known first day).
bool InOrder(const Point& a, const Point& b) {
  Date a0, a1, b0, b1;
  if (!a.HasYear() || !b.HasYear() || !a.Bounds(&a0, &a1) || !b.Bounds(&b0, &b1)) return true;
  return DaysFromCivil(a0) <= DaysFromCivil(b0);
}

}  // namespace

int Parser::DurationExpr(int i, Dur* d, bool article) const {
  double v = 0;
  bool vague = false;
  int k = Number(i, &v, &vague, article);
  if (k < 0) return -1;
  bool from_article = toks_[i].kind == Tok::kWord && Match(i, Lex::kArticle) == k;
  int ka = Match(k, Lex::kArticle);
  if (!vague && v == 0.5 && ka > 0) k = ka;  // "half an hour"
  int u = k;
  if (IsPunct(u, "-") && Glued(u) && Glued(u + 1)) ++u;  // "five-year", "24-hour"
  const Entry* e = nullptr;
  int ke = Match(u, Lex::kUnit, &e);
  if (ke < 0 && u == k && Glued(u) && toks_[u - 1].kind == Tok::kNum) {
    ke = Match(u, Lex::kGluedUnit, &e);  // "3h", "10D"
    // "3D printing" is no duration: an upper-case letter before a word
    if (ke > 0 && toks_[u].upper && ke < n_ && toks_[ke].kind == Tok::kWord) ke = -1;
  }
  if (ke < 0) return -1;
  if (u != k && toks_[u].lower.back() == 's') return -1;  // "three-quarters" is a fraction
  if (toks_[u].upper && toks_[u].space_before && i > 0 && toks_[i - 1].kind == Tok::kWord &&
      !toks_[i - 1].upper) {
    return -1;  // a capitalized unit in running text is a name: "with 60 Minutes"
  }
  if (toks_[i].kind == Tok::kNum && toks_[i].digits == 4 && e->words[0].back() != 's' && u == k) {
    return -1;  // "the 1988 quarter": a year, not 1988 quarters
  }
  if (IsWord(ke, "old") || (IsPunct(ke, "-") && (IsWord(ke + 1, "old") || IsWord(ke + 1, "olds"))))
    return -1;  // ages: "40-year-old", "under 25-year-olds"
  if (Match(u, Lex::kOrdinal) > 0 && (IsWord(ke, "quarter") || IsWord(ke, "half")))
    return -1;  // "the 1988 second quarter"
  if (from_article && e->words[0] == "second" && ke < n_ && toks_[ke].kind == Tok::kWord)
    return -1;  // "a second term"
  d->amount = v * e->dval;
  d->unknown = vague;
  d->code = e->code;
  // "a year and a half", "one year and a quarter"
  if (IsWord(ke, "and") && Match(ke + 1, Lex::kArticle) == ke + 2 &&
      (IsWord(ke + 2, "half") || IsWord(ke + 2, "quarter"))) {
    d->amount += (IsWord(ke + 2, "half") ? 0.5 : 0.25) * e->dval;
    ke += 3;
  }
  return ke;
}

int Parser::Duration(int i, Parsed* out) const {
  int best = -1;
  const Entry* e = nullptr;
  Dur d;
  // "in 15 years": a duration, or the point that far ahead in a future clause ("in 2 weeks")
  int k = Match(i, Lex::kIn);
  if (k > 0) {
    int j = k;
    int ka = Match(j, Lex::kApprox);
    if (ka > 0) j = ka;
    int ke = DurationExpr(j, &d, true);
    if (ke > 0 && Match(ke, Lex::kAgo) < 0) {
      Parsed r;
      if (FutureBefore(i) && !d.unknown && d.UnitGran() != Gran::kTime) {
        r.type = Parsed::Type::kPoint;
        r.kind = "relative";
        if (anchor_) {
          r.a = AtGran(d.Apply(*anchor_, 1), d.code == "Y" ? Gran::kYear : Gran::kDay);
        } else {
          r.a.gran = Gran::kDay;
          r.a.unresolved = true;
        }
      } else {
        r.type = Parsed::Type::kDuration;
        r.dur = d;
        r.kind = "duration";
      }
      *out = r;
      best = ke;
    }
  }
  // [lead] [approx] duration [ago | offset time]
  int j = i, lead = 0;
  bool has_lead = false;
  k = Match(j, Lex::kLead, &e);
  if (k > 0) lead = e->ival, has_lead = true, j = k;
  int ka = Match(j, Lex::kApprox);
  if (ka > 0) j = ka;
  int ke = DurationExpr(j, &d, true);
  if (ke < 0 && has_lead && !IsWord(i, "the") && (k = Match(j, Lex::kUnit, &e)) == j + 1 &&
      toks_[j].lower.back() == 's') {  // "for years", "in recent months" (not "the nights")
    d = Dur{0, true, e->code};
    ke = k;
  } else if (ke < 0 && lead < 0 && (k = Match(j, Lex::kUnit, &e)) == j + 1 &&
             toks_[j].lower.back() != 's') {  // "the past year", "over the last decade"
    d = Dur{e->dval, false, e->code};
    ke = k;
  }
  if (ke < 0 || ke <= best) return best;
  Parsed r;
  int kg = Match(ke, Lex::kAgo, &e);
  int ko = Match(ke, Lex::kOffset);
  // "a year" after an amount is a rate ("$2 million a year", "40 hours a week"), no time
  if (!has_lead && ka < 0 && Match(j, Lex::kArticle) == j + 1 && kg < 0 && ko < 0 && j > 0 &&
      (toks_[j - 1].kind == Tok::kNum || IsPunct(j - 1, "%") ||
       (toks_[j - 1].kind == Tok::kWord && toks_[j - 1].lower.back() == 's') ||
       lex_.EndsBefore(toks_, j, Lex::kScale))) {
    return best;
  }
  if (kg > 0 && !has_lead) {  // "two years ago", "a year earlier", "3 weeks later"
    r.type = Parsed::Type::kPoint;
    r.kind = "relative";
    if (d.unknown) {
      r.type = Parsed::Type::kRef;
      r.value = e->ival < 0 ? "PAST_REF" : "FUTURE_REF";
    } else if (!anchor_) {
      r.a.gran = d.UnitGran();
      r.a.unresolved = true;
    } else {
      Date moved = d.Apply(*anchor_, e->ival);
      r.a = AtGran(moved, d.UnitGran() == Gran::kTime ? Gran::kDay : d.UnitGran());
      // "a year earlier" in quarterly results: the same quarter a year before
      if (d.code == "Y" && d.amount == 1 && e->ival < 0 && QuarterContext(i)) {
        r.a = FromAnchor(Gran::kQuarter, -1);
        r.a.year -= 1;
      }
    }
    *out = r;
    return kg;
  }
  ko = Match(ke, Lex::kOffset, &e);
  if (ko > 0 && !has_lead) {  // "2 weeks before May 13 1999", "three weeks from tomorrow"
    Point p;
    std::string_view pk;
    int kp = PointExpr(ko, &p, true, &pk);
    if (kp > 0 && IsDay(p) && p.HasYear() && !p.unresolved && !d.unknown &&
        d.UnitGran() != Gran::kTime) {  // not "3 minutes from today"
      r.type = Parsed::Type::kPoint;
      r.kind = pk;
      r.a = Point::OfDay(d.Apply({p.year, p.month, p.day}, e->ival));
      *out = r;
      return kp;
    }
  }
  r.type = Parsed::Type::kDuration;
  r.dur = d;
  r.lead = lead;
  r.kind = "duration";
  *out = r;
  return ke;
}

// "the twelve months to May 2016", "the year to March", "the three months ending June".
int Parser::PeriodTo(int i, Parsed* out) const {
  int j = IsWord(i, "the") || IsWord(i, "in") ? i + 1 : i;
  if (IsWord(i, "in") && IsWord(j, "the")) ++j;
  Dur d;
  int ke = DurationExpr(j, &d, false);
  if (ke < 0 && IsWord(j, "year") && j != i) {
    d = Dur{1, false, "Y"};
    ke = j + 1;
  }
  if (ke < 0 || d.unknown) return -1;
  if (IsWord(ke, "period")) ++ke;
  if (!(IsWord(ke, "to") || IsWord(ke, "ending") || IsWord(ke, "until"))) return -1;
  Point b;
  std::string_view bk;
  int kb = PointExpr(ke + 1, &b, true, &bk);
  if (kb < 0 || b.gran == Gran::kTime || b.gran == Gran::kNone) return -1;
  out->type = Parsed::Type::kRange;
  out->kind = "range";
  out->b = b;
  out->b_is_last = true;
  Date b0, b1;
  if (b.HasYear() && b.Bounds(&b0, &b1)) {
    Date start = AddDays(d.Apply(AddDays(b1, 1), -1), 0);
    out->a = AtGran(start, b.gran >= Gran::kMonth ? Gran::kMonth : d.UnitGran());
  } else {
    out->a = b;
    out->a.unresolved = true;
  }
  return kb;
}

int Parser::Range(int i, Parsed* out) const {
  int j = i;
  bool from = false, between = false;
  int k = Match(i, Lex::kFrom);
  if (k > 0) {
    from = true, j = k;
  } else if ((k = Match(i, Lex::kBetween)) > 0) {
    between = true, j = k;
  } else if ((k = Match(i, Lex::kIn)) > 0 || (k = Match(i, Lex::kYear)) > 0) {
    j = k;  // "in 2014 through May 2018", "financial year 2022-23"
  }
  bool cue = from || between;
  // the start: a time, or a bare day of the month ("between 3 and 12 of Sept")
  Point a;
  std::string_view ak;
  int ka = PointExpr(j, &a, cue, &ak);
  if (ka < 0 && !lex_.EndsBefore(toks_, j, Lex::kNotYear)) {
    ka = PointExpr(j, &a, true, &ak);  // "2022-23" at a sentence start: the connector decides
  }
  int aday = 0;
  int jd = IsWord(j, "the") ? j + 1 : j;
  int kad = Day(jd, &aday, cue);
  int best = -1;
  for (int pass = 0; pass < 2; ++pass) {
    bool bare_a = pass == 1;
    int end_a = bare_a ? kad : ka;
    if (end_a < 0 || (!bare_a && a.gran == Gran::kTime)) continue;
    if (bare_a && end_a == ka) continue;  // the day was read as a time already
    // the connector
    const Entry* e = nullptr;
    int kc = -1;
    bool strong = false;
    if (between && IsWord(end_a, "and")) {
      kc = end_a + 1;
    } else if ((kc = Match(end_a, Lex::kTo, &e)) > 0) {
      strong = e->flag;
    }
    bool slash = false;
    if (kc < 0 && !bare_a && a.gran == Gran::kYear && IsPunct(end_a, "/") && Glued(end_a) &&
        Glued(end_a + 1)) {
      kc = end_a + 1, slash = true;  // "2020/21"
    }
    if (kc < 0 || (bare_a && !cue && !strong)) continue;
    // the end
    Point b;
    std::string_view bk;
    int kb = PointExpr(kc, &b, true, &bk);
    int bday = 0;
    int kbd = Day(IsWord(kc, "the") ? kc + 1 : kc, &bday, cue || IsDay(a));
    Point ra = a, rb = b;
    int end_b = -1;
    if (bare_a) {
      if (kb < 0 || !IsDay(b) || aday >= b.day) continue;
      ra = b;
      ra.day = aday;
      end_b = kb;
    } else if (IsDay(a) && kbd > 0 && kbd >= kb && bday > a.day && a.month > 0 &&
               !IsWord(kbd, "of") && Match(kbd, Lex::kMonth) < 0) {
      rb = a;  // "November 19-20", "April 9th through 17th"
      rb.day = bday;
      end_b = kbd;
    } else if (a.gran == Gran::kYear && !a.implicit_year && kc < n_ &&
               toks_[kc].kind == Tok::kNum && toks_[kc].digits == 2 && Glued(kc) &&
               (slash || IsPunct(end_a, "-")) && !toks_[kc].decimal) {
      int yy = static_cast<int>(toks_[kc].num);
      int y = a.year / 100 * 100 + yy;
      if (y <= a.year) y += 100;
      if (y - a.year > 20) continue;
      rb = a;  // "2012-16", "2020/21"
      rb.year = y;
      end_b = kc + 1;
      if (end_b < n_ && Glued(end_b) && toks_[end_b].kind != Tok::kPunct) continue;
    } else if (kb > 0) {
      if (b.gran == Gran::kTime || (slash && (b.gran != Gran::kYear || b.year != a.year + 1)))
        continue;
      end_b = kb;
      if (ra.implicit_year && !rb.implicit_year && rb.HasYear()) {
        ra.year = rb.year;
        if (ra.month > 0 && rb.month > 0 && ra.month > rb.month) ra.year -= 1;
        ra.unresolved = false;
      } else if (rb.implicit_year && ra.HasYear() && (!ra.implicit_year || !InOrder(ra, rb))) {
        rb.year = ra.year;  // the end follows the start: "from May to September"
        if (ra.month > 0 && rb.month > 0 && rb.month < ra.month) rb.year += 1;
        rb.unresolved = false;
        if (rb.weekday > 0 && IsDay(ra) && IsDay(rb)) {  // "from next Monday to Friday"
          Date d0{ra.year, ra.month, ra.day};
          Date d = AddDays(d0, (rb.weekday - IsoWeekday(d0) + 7) % 7);
          rb.year = d.y, rb.month = d.m, rb.day = d.d;
        }
      }
      // without "from" or "between": calendar times ("2014 through May 2018"); with a plain
      // "to", only like with like ("May 2019 to June 2020")
      auto calendar = [](const Point& p) { return p.gran >= Gran::kYear && p.gran <= Gran::kDay; };
      bool alike = ra.gran == rb.gran || (ra.gran >= Gran::kMonth && rb.gran >= Gran::kMonth);
      if (!cue && !(calendar(ra) && calendar(rb))) continue;
      if (!cue && !strong && !slash && !(alike && ra.HasYear() && ra.gran >= Gran::kMonth))
        continue;
    }
    if (end_b < 0 || end_b <= best || !InOrder(ra, rb)) continue;
    if (IsPunct(end_b, "'") && IsWord(end_b + 1, "s")) continue;  // "Friday to December's figures"
    best = end_b;
    out->type = Parsed::Type::kRange;
    out->kind = "range";
    out->a = ra;
    out->b = rb;
    out->b_is_last = rb.mod == "END";
  }
  return best;
}

int Parser::OpenSpan(int i, Parsed* out) const {
  static const struct {
    Lex lex;
    const char* kind;
    bool to_anchor;
  } kCues[] = {{Lex::kSince, "since", true},
               {Lex::kUntil, "until", false},
               {Lex::kAfter, "since", false},
               {Lex::kBefore, "until", false},
               {Lex::kFrom, "since", false}};
  int best = -1;
  for (const auto& c : kCues) {
    const Entry* e = nullptr;
    int k = Match(i, c.lex, &e);
    if (k < 0) continue;
    Point p;
    std::string_view pk;
    int kp = PointExpr(k, &p, true, &pk);
    if (kp > 0 && e->flag && toks_[k].kind == Tok::kNum && p.gran == Gran::kYear &&
        !BareYearOk(k, kp)) {
      kp = -1;  // a weak cue makes no year of a count: "by 2000 people"
    }
    Parsed other;
    int km = Duration(k, &other);  // "since two years ago"
    if (km > kp && other.type == Parsed::Type::kPoint) kp = km, p = other.a;
    km = Range(k, &other);  // "since 2016/17": from its start; "up to 2022/23": to its end
    if (km > kp && other.type == Parsed::Type::kRange) {
      kp = km;
      p = c.to_anchor || c.lex == Lex::kAfter || c.lex == Lex::kFrom ? other.a : other.b;
    }
    if (kp <= best || p.gran == Gran::kNone) continue;
    best = kp;
    out->type = Parsed::Type::kPoint;
    out->a = p;
    out->kind = c.kind;
    out->to_anchor = c.to_anchor;
  }
  // "so far this year"; alone, "to date" is now
  const Entry* e = nullptr;
  int k = Match(i, Lex::kToDate, &e);
  if (k > 0) {
    Point p;
    std::string_view pk;
    int kp = PointExpr(k, &p, true, &pk);
    if (kp > best && kp > 0 && p.gran != Gran::kTime) {
      best = kp;
      out->type = Parsed::Type::kPoint;
      out->a = p;
      out->kind = "since";
      out->to_anchor = true;
    } else if (k > best && e->flag) {
      best = k;
      out->type = Parsed::Type::kRef;
      out->value = "PRESENT_REF";
      out->kind = "relative";
    }
  }
  return best;
}

int Parser::Set(int i, Parsed* out) const {
  const Entry* e = nullptr;
  int k = Match(i, Lex::kSet, &e);
  int best = -1;
  if (k > 0 && !(toks_[i].upper && NameAfter(k))) {  // not "the Daily Telegraph"
    out->type = Parsed::Type::kSet;
    out->value = e->code;
    out->kind = "set";
    best = k;
  }
  if (IsWord(i, "every") || IsWord(i, "each")) {  // "every Monday"
    int wd = 0;
    bool amb = false;
    int kw = Weekday(i + 1, &wd, &amb);
    static const char* const kWeekdays[] = {"",           "XXXX-WXX-1", "XXXX-WXX-2", "XXXX-WXX-3",
                                            "XXXX-WXX-4", "XXXX-WXX-5", "XXXX-WXX-6", "XXXX-WXX-7"};
    if (kw > best && !amb) {
      out->type = Parsed::Type::kSet;
      out->value = kWeekdays[wd];
      out->kind = "set";
      best = kw;
    }
  }
  return best;
}

int Parser::Expr(int i, Parsed* out) const {
  Parsed best;
  best.end = -1;
  Parsed r;
  auto take = [&](int end) {
    if (end < 0) return;  // a reader that fails writes nothing: r is still clear
    if (end > best.end) {
      best = r;
      best.begin = i;
      best.end = end;
    }
    r = Parsed();
  };
  take(Range(i, &r));
  take(PeriodTo(i, &r));
  take(OpenSpan(i, &r));
  take(Duration(i, &r));
  take(Set(i, &r));
  const Entry* e = nullptr;
  int k = Match(i, Lex::kRef, &e);
  if (k > 0) {
    r.type = Parsed::Type::kRef;
    r.value = e->code;
    r.kind = "relative";
    take(k);
  }
  // a point, with a leading "in" kept in the span ("in June")
  int kin = Match(i, Lex::kIn);
  Point p;
  std::string_view kind;
  k = PointExpr(kin > 0 ? kin : i, &p, kin > 0, &kind);
  if (k > 0) {
    r.type = Parsed::Type::kPoint;
    r.a = p;
    r.kind = kind;
    take(k);
  }
  if (best.end < 0) return -1;
  int kl = Match(best.end, Lex::kOrLater);  // "2012 or later", "from 2012 onwards"
  if (kl > 0 && best.type == Parsed::Type::kPoint) {
    best.kind = "since", best.to_anchor = true, best.end = kl;
  }
  *out = best;
  return best.end;
}

Result<std::unique_ptr<const Grammar>> Grammar::Create(const RuleSet& rules) {
  std::unique_ptr<Grammar> g(new Grammar());
  auto lex = Lexicon::Load(rules);
  if (!lex.ok()) return lex.status();
  g->lexicon_ = std::move(*lex);
  auto file = rules.Get("time_formats.txt");
  if (!file.ok()) return file.status();
  for (const RuleLine& line : (*file)->lines) {
    if (line.fields.size() != 2) return (*file)->Error(line, "expected NAME REGEX");
    Format f;
    f.name = line.fields[0];
    f.re = std::make_unique<RE2>(line.fields[1], RE2::Quiet);
    if (!f.re->ok()) return (*file)->Error(line, "bad regular expression: " + f.re->error());
    for (const auto& [name, index] : f.re->NamedCapturingGroups()) {
      int* slot = name == "y"     ? &f.y
                  : name == "m"   ? &f.m
                  : name == "mon" ? &f.mon
                  : name == "d"   ? &f.d
                  : name == "q"   ? &f.q
                  : name == "h"   ? &f.h
                                  : nullptr;
      if (slot == nullptr) return (*file)->Error(line, "unknown group name \"" + name + "\"");
      *slot = index;
    }
    if (f.re->NumberOfCapturingGroups() > 7) return (*file)->Error(line, "too many groups");
    if (f.y == 0 || (f.m == 0 && f.mon == 0 && f.q == 0 && f.h == 0))
      return (*file)->Error(line, "needs a year and a month, quarter or half");
    g->formats_.push_back(std::move(f));
  }
  auto any = std::make_unique<RE2::Set>(RE2::Options(RE2::Quiet), RE2::ANCHOR_START);
  bool added = !g->formats_.empty();
  for (const Format& f : g->formats_) added = added && any->Add(f.re->pattern(), nullptr) >= 0;
  if (added && any->Compile()) g->any_format_ = std::move(any);
  return std::unique_ptr<const Grammar>(std::move(g));
}

void Grammar::FindAll(std::string_view text, const std::optional<Date>& anchor,
                      std::vector<Parsed>* out) const {
  std::string lower(text);
  FoldAsciiCase(&lower);
  FindAll(text, lower, anchor, out);
}

void Grammar::FindAll(std::string_view text, std::string_view lower,
                      const std::optional<Date>& anchor, std::vector<Parsed>* out) const {
  thread_local std::vector<Tok> toks;  // reused: Scan does not call FindAll again
  lexicon_.Tokenize(text, lower, &toks);
  // No time runs across a blank line: each paragraph is read on its own ("25 February\n\n2000
  // GMT" is no date in 2000).
  Point named;  // the last time named with its year, for "that year"
  size_t p0 = 0;
  for (size_t p1 = 1; p1 <= toks.size(); ++p1) {
    if (p1 < toks.size() && !toks[p1].blank_before) continue;
    Scan(text, Toks(toks.data() + p0, p1 - p0), anchor, &named, out);
    p0 = p1;
  }
}

void Grammar::Scan(std::string_view text, Toks toks, const std::optional<Date>& anchor,
                   Point* named, std::vector<Parsed>* out) const {
  Parser parser(*this, text, toks, anchor);
  const int n = static_cast<int>(toks.size());
  // Every time expression holds a core word (a number, a month, a unit, "today" ...) within its
  // first few tokens: positions with none ahead are not tried.
  constexpr int kCoreReach = 7;
  static constexpr Lex kCore[] = {Lex::kMonth, Lex::kWeekday,   Lex::kSeason, Lex::kHoliday,
                                  Lex::kUnit,  Lex::kGluedUnit, Lex::kNumber, Lex::kOrdinal,
                                  Lex::kVague, Lex::kDay,       Lex::kRef,    Lex::kSet,
                                  Lex::kClock, Lex::kToDate,    Lex::kYear};
  uint64_t core_kinds = 0;
  for (Lex k : kCore) core_kinds |= KindBit(k);
  // Kinds the recognizers read only around a time, never at its first token: before it (a
  // preposition, a future verb, "No.", "million"), after it ("ago", "or later", a zone) or not
  // at all (datelines, clause words). Not kTo: a glued "-" is read at the start of a quarter. A
  // word that is nothing else starts no time, so no expression is tried there (the words they test
  // by spelling at a first token, like "the" or "every", all begin some phrase of another kind).
  static constexpr Lex kNeverFirst[] = {Lex::kPrep,   Lex::kNotYear,  Lex::kYearNext, Lex::kScale,
                                        Lex::kClause, Lex::kDateline, Lex::kFuture,   Lex::kOrLater,
                                        Lex::kAgo,    Lex::kOffset,   Lex::kZone};
  uint64_t first_kinds = ~uint64_t{0};
  for (Lex k : kNeverFirst) first_kinds &= ~KindBit(k);
  thread_local std::vector<int> next_core;  // reused: one paragraph after another
  next_core.assign(n + 1, n + kCoreReach + 1);
  for (int i = n - 1; i >= 0; --i) {
    const Tok& t = toks[i];
    bool core = t.kind == Tok::kNum || t.lower == "weekend" || t.lower == "q" || t.lower == "h";
    uint64_t kinds = t.entries != nullptr ? t.entries->kinds & core_kinds : 0;
    if (kinds != 0 && (t.entries->single_kinds & core_kinds) != 0) core = true;  // a core word
    for (size_t k = 0; !core && kinds != 0 && k < std::size(kCore); ++k) {
      core = (kinds & KindBit(kCore[k])) != 0 && lexicon_.Match(toks, i, kCore[k]) > 0;
    }
    next_core[i] = core ? i : next_core[i + 1];
  }
  uint32_t url_end = 0;
  for (int i = 0; i < n;) {
    const Tok& t = toks[i];
    if (t.start < url_end) {
      ++i;
      continue;
    }
    if (t.space_before && (t.lower == "http" || t.lower == "https" || t.lower == "www" ||
                           (IsMailAt(toks, i)))) {  // web and mail addresses: skip them whole
      size_t chunk_end = text.find_first_of(" \t\n", t.start);
      if (chunk_end == std::string_view::npos) chunk_end = text.size();
      std::string_view chunk = text.substr(t.start, chunk_end - t.start);
      if (chunk.find("://") != std::string_view::npos || chunk.starts_with("www.") ||
          (chunk.find('@') != std::string_view::npos &&
           chunk.find('.') != std::string_view::npos)) {
        url_end = static_cast<uint32_t>(chunk_end);
        ++i;
        continue;
      }
    }
    const bool may_start = t.kind == Tok::kNum || t.lower == "q" || t.lower == "h" ||
                           t.lower == "'" ||
                           (t.entries != nullptr && (t.entries->kinds & first_kinds) != 0);
    if (!may_start || next_core[i] - i > kCoreReach) {
      ++i;
      continue;
    }
    Parsed r;
    int end = parser.Expr(i, &r);
    if (end <= i) {
      ++i;
      continue;
    }
    r.start = toks[i].start;
    r.stop = toks[end - 1].end;
    if (r.type == Parsed::Type::kPoint && r.a.discourse && named->HasYear()) {
      Point& p = r.a;  // "that year", "the same month": the time named last
      if (p.gran == Gran::kYear || (named->gran >= Gran::kMonth && named->gran <= Gran::kDay &&
                                    named->month > 0 && p.gran == Gran::kMonth)) {
        p.year = named->year;
        if (p.gran == Gran::kMonth) p.month = named->month;
        p.implicit_year = true;
      }
    } else if (r.type == Parsed::Type::kPoint && r.a.HasYear() && !r.a.implicit_year &&
               r.a.gran >= Gran::kYear && r.a.gran <= Gran::kDay) {
      *named = r.a;
    }
    out->push_back(r);
    i = end;
  }
}

}  // namespace claimex::timex
