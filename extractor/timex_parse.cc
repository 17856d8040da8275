// The points of the TimeFinder's grammar (dates, years, quarters, seasons, relative and deictic
// times) and their resolution against the anchor date; see timex_parse.h.
#include "extractor/timex_parse.h"

#include <cmath>

namespace claimex::timex {
namespace {

int SeasonIndex(std::string_view code) {
  if (code == "SP") return 1;
  if (code == "SU") return 2;
  if (code == "FA") return 3;
  if (code == "WI") return 4;
  return 0;
}

int SeasonOfMonth(int m) { return m >= 3 && m <= 11 ? (m - 3) / 3 + 1 : 4; }

int WeekdayCode(std::string_view code) {
  static const char* const kCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  for (int k = 0; k < 7; ++k) {
    if (code == kCodes[k]) return k + 1;
  }
  return 0;
}

// The date of a holiday (patterns/months.txt) in `year`.
Date HolidayDate(std::string_view code, int year) {
  if (code[0] == 'E') {
    int off = std::atoi(std::string(code.substr(1)).c_str());
    return AddDays(Easter(year), off);
  }
  int month = (code[0] - '0') * 10 + (code[1] - '0');
  std::string_view rest = code.substr(3);
  if (rest.size() == 2) return {year, month, (rest[0] - '0') * 10 + (rest[1] - '0')};
  int n = rest[0] == 'L' ? -1 : rest[0] - '0';
  return NthWeekday(year, month, n, WeekdayCode(rest.substr(1)));
}

}  // namespace

// "year-ago", "year-earlier" (as in "the year-ago period"): the year before the anchor's, or its
// reporting quarter in a text about quarterly results.
int Parser::YearAgo(int i, Point* p) const {
  int j = IsWord(i, "the") ? i + 1 : i;
  if (IsWord(j, "comparable") || IsWord(j, "same") || IsWord(j, "corresponding")) ++j;
  if (!(IsWord(j, "year") && IsPunct(j + 1, "-") && Glued(j + 1) &&
        (IsWord(j + 2, "ago") || IsWord(j + 2, "earlier")))) {
    return -1;
  }
  int end = j + 3;
  if (IsWord(end, "period") || IsWord(end, "quarter")) ++end;
  if (!anchor_) {
    *p = Point();
    p->gran = Gran::kYear;
    p->unresolved = true;
  } else if (QuarterContext(i)) {
    *p = FromAnchor(Gran::kQuarter, -1);
    p->year -= 1;
  } else {
    *p = FromAnchor(Gran::kYear, -1);
  }
  return end;
}

// ------------------------------------------------------------------------------ resolution --

// The year of a month named without one, `delta` = month - anchor month: news look back more
// than ahead, so by default the month is within 8 months before to 3 months after the anchor
// ("October" read in January is last October, "January" read in November the next); in a
// future clause it is from last month on.
int Parser::NearestYear(int delta, bool future) const {
  int y = anchor_->y;
  if (future) return delta < -1 ? y + 1 : y;
  if (delta > 3) return y - 1;
  if (delta < -8) return y + 1;
  return y;
}

void Parser::ResolveDay(Point* p, int at) const {
  p->implicit_year = true;
  if (!anchor_) return;
  p->year = NearestYear(p->month - anchor_->m, FutureBefore(at));
}

void Parser::ResolveMonth(int month, int shift, Point* p, int at) const {
  *p = Point();
  p->gran = Gran::kMonth;
  p->month = month;
  p->implicit_year = true;
  if (!anchor_) return;
  if (shift == kUnknownShift) return;
  int y = anchor_->y;
  if (shift < 0) y = month < anchor_->m ? y : y - 1;
  if (shift > 0) y = month > anchor_->m ? y : y + 1;
  if (shift == 0 && at >= 0) y = NearestYear(month - anchor_->m, FutureBefore(at));
  p->year = y;
}

void Parser::ResolveWeekday(int wd, WeekdayMode mode, Point* p) const {
  *p = Point();
  p->gran = Gran::kDay;
  p->weekday = wd;
  p->implicit_year = true;
  if (!anchor_) return;
  const Date& a = *anchor_;
  int awd = IsoWeekday(a);
  int64_t delta = 0;
  switch (mode) {
    case WeekdayMode::kLast:  // last Friday: strictly before
      delta = -((awd - wd + 7) % 7);
      if (delta == 0) delta = -7;
      break;
    case WeekdayMode::kThis:  // this Friday: in the anchor's week
      delta = wd - awd;
      break;
    case WeekdayMode::kNext:  // next Friday: in the week after the anchor's
      delta = 7 + wd - awd;
      break;
    case WeekdayMode::kComing:  // the coming Friday: strictly after
      delta = (wd - awd + 7) % 7;
      if (delta == 0) delta = 7;
      break;
    case WeekdayMode::kBareFuture:  // the next one (or today)
      delta = (wd - awd + 7) % 7;
      break;
    case WeekdayMode::kBarePast:  // the last one (or today)
      delta = -((awd - wd + 7) % 7);
      break;
  }
  Date d = AddDays(a, delta);
  p->year = d.y, p->month = d.m, p->day = d.d;
}

Point Parser::FromAnchor(Gran g, int shift) const {
  Point p;
  p.gran = g;
  if (shift == kUnknownShift) return p;
  if (!anchor_) {
    p.unresolved = true;
    return p;
  }
  const Date& a = *anchor_;
  switch (g) {
    case Gran::kCentury:
      p.year = (a.y / 100 + shift) * 100;
      break;
    case Gran::kDecade:
      p.year = (a.y / 10 + shift) * 10;
      break;
    case Gran::kYear:
      p.year = a.y + shift;
      break;
    case Gran::kHalf:
    case Gran::kQuarter: {
      int len = g == Gran::kHalf ? 6 : 3, per = 12 / len;
      int idx = a.y * per + (a.m - 1) / len + shift;
      p.year = idx / per;
      p.sub = idx % per + 1;
      break;
    }
    case Gran::kSeason: {
      p.year = a.y;
      p.sub = SeasonOfMonth(a.m);
      break;
    }
    case Gran::kMonth: {
      Date d = AddMonths({a.y, a.m, 1}, shift);
      p.year = d.y, p.month = d.m;
      break;
    }
    case Gran::kWeek:
    case Gran::kWeekend:
      IsoWeek(AddDays(a, 7 * shift), &p.year, &p.sub);
      break;
    case Gran::kDay:
    case Gran::kTime: {
      Date d = AddDays(a, shift);
      p.gran = Gran::kDay;
      p.year = d.y, p.month = d.m, p.day = d.d;
      break;
    }
    case Gran::kNone:
      break;
  }
  return p;
}

// ----------------------------------------------------------------------------------- points --

// Month first ("May 23, 2024", "October 2023", "May this year", "June") or day first ("23 May
// 2024", "the fourth of July"), after an optional weekday ("Tue May 9").
int Parser::DateWithMonth(int i, Point* p, bool cued) const {
  int best = -1;
  int wd = 0;
  bool amb = false;
  int start = i;
  int wk = Weekday(i, &wd, &amb);
  if (wk > 0) start = Comma(wk);
  for (int pass = 0; pass < (wk > 0 ? 2 : 1); ++pass) {
    int s = pass == 0 ? i : start;
    bool after_weekday = pass == 1;
    int m = 0, d = 0, y = 0;
    bool mamb = false;
    // month first
    int k = Month(s, &m, &mamb);
    if (k > 0) {
      int a = IsWord(k, "the") ? k + 1 : k;
      if (IsPunct(a, ",") && a + 1 < n_ && toks_[a + 1].ord) ++a;  // "October, 1st"
      int kd = Day(a, &d, true);
      // a day in words needs more around it: "January the first", "April ninth through ..."
      bool word_day = kd > 0 && toks_[a].kind == Tok::kWord;
      bool day_ok = kd > 0 && (!word_day || a != k || IsWord(kd, "of") || kd >= n_ ||
                               toks_[kd].kind != Tok::kWord || Match(kd, Lex::kTo) > 0 ||
                               Year(Comma(kd), &y, true) > 0);
      if (word_day && IsPunct(kd, "-") && Glued(kd)) day_ok = false;  // "March first-time"
      if (day_ok) {
        Point q;
        q.gran = Gran::kDay;
        q.month = m;
        q.day = d;
        int ky = Comma(kd);
        if (IsWord(ky, "of")) ++ky;
        int ke = Year(ky, &y, true);
        if (ke > 0) {
          q.year = y;
        } else {
          ResolveDay(&q, i);
          ke = kd;
        }
        if (ke > best) best = ke, *p = q;
      }
      int ky = Comma(k);
      if (IsWord(ky, "of")) ++ky;
      int ke = Year(ky, &y, true);
      if (ke > 0 && ke > best) {
        Point q;
        q.gran = Gran::kMonth;
        q.month = m;
        q.year = y;
        best = ke, *p = q;
      }
      const Entry* e = nullptr;
      int ks = Match(k, Lex::kShift, &e);
      if (ks > 0 && IsWord(ks, "year") && ks + 1 > best && e->ival != kUnknownShift) {
        Point q;
        q.gran = Gran::kMonth;
        q.month = m;
        if (anchor_) {
          q.year = anchor_->y + e->ival;
        } else {
          q.unresolved = true;
        }
        best = ks + 1, *p = q;
      }
      if (!after_weekday && k > best && (!mamb || cued) && !NameAfter(k)) {
        ResolveMonth(m, 0, p, i);  // a bare month ("in June"), not a name ("April Ryan")
        best = k;
      }
    }
    // day first
    int a = IsWord(s, "the") ? s + 1 : s;
    int kd = Day(a, &d, true);
    if (kd > 0 && IsWord(kd, "day") && IsWord(kd + 1, "of") && a != s) {
      Point month;  // "the 15th day of next month", "the twenty-sixth day of the month"
      int km = Relative(kd + 2, &month);
      if (km > 0 && month.gran == Gran::kMonth && km > best) {
        month.gran = Gran::kDay;
        month.day = d;
        best = km, *p = month;
      }
      ++kd;  // "the 15th day of June"
    }
    if (kd > 0) {
      bool word_day = toks_[a].kind == Tok::kWord;
      int km = IsWord(kd, "of") ? kd + 1 : kd;
      if (word_day && km == kd && a == s) km = -1;  // "first May" is not a date
      if (km > 0 && (k = Month(km, &m, &mamb)) > 0) {
        Point q;
        q.gran = Gran::kDay;
        q.month = m;
        q.day = d;
        int ky = Comma(k);
        int ke = Year(ky, &y, true);
        if (ke > 0) {
          q.year = y;
        } else {
          ResolveDay(&q, i);
          ke = k;
        }
        if (ke > best) best = ke, *p = q;
      }
    }
    if (after_weekday && best > 0 && p->gran != Gran::kDay) best = -1;
    if (after_weekday && best < 0 && (kd = Day(s, &d, false)) > 0 &&
        (toks_[s].ord || !IsPunct(kd, ","))) {
      *p = Point();  // "Friday 31", "Wed 13th": a weekday of some month
      p->gran = Gran::kDay;
      p->weekday = wd;
      p->implicit_year = true;
      best = kd;
    }
  }
  return best;
}

// "2016" (where it reads as a year), "fiscal 1989", "the year 2008", "1990s", "'90s",
// "the 20th century".
int Parser::YearPoint(int i, Point* p, bool cued) const {
  int y = 0, best = -1;
  int k = Match(i, Lex::kYear);
  if (k > 0) {
    int ke = Year(k, &y, true);
    if (ke > 0) {
      *p = Point();
      p->gran = Gran::kYear;
      p->year = y;
      best = ke;
    }
  }
  // decades
  int a = IsPunct(i, "'") ? i + 1 : i;
  if (a < n_ && toks_[a].kind == Tok::kNum && !toks_[a].decimal && IsWord(a + 1, "s") &&
      Glued(a + 1) && (toks_[a].digits == 4 || (a != i && toks_[a].digits == 2)) &&
      static_cast<int>(toks_[a].num) % 10 == 0 && a + 2 > best) {  // digits first: no overflow
    int v = static_cast<int>(toks_[a].num);
    *p = Point();
    p->gran = Gran::kDecade;
    p->year = toks_[a].digits == 4 ? v : 1900 + v;
    best = a + 2;
  }
  // centuries
  a = IsWord(i, "the") ? i + 1 : i;
  int ord = 0;
  int ko = Ordinal(a, &ord);
  if (ko > 0 && ord >= 1 && ord <= 30 && IsPunct(ko, "-") && Glued(ko)) ++ko;
  if (ko > 0 && ord >= 1 && ord <= 30 && IsWord(ko, "century") && ko + 1 > best) {
    *p = Point();
    p->gran = Gran::kCentury;
    p->year = (ord - 1) * 100;
    best = ko + 1;
  }
  int ke = Year(i, &y, cued);
  if (ke > best && (toks_[i].kind == Tok::kWord || cued || BareYearOk(i, ke))) {
    *p = Point();
    p->gran = Gran::kYear;
    p->year = y;
    best = ke;
  }
  return best;
}

// "the third quarter", "third-quarter", "Q3", "the first quarter of 2013", "last quarter", "the
// latest quarter", "the year-ago quarter", "the first half of 2019".
int Parser::Quarter(int i, Point* p) const {
  int j = IsWord(i, "the") ? i + 1 : i;
  int shift = 0;
  bool report = false, year_ago = false, have_shift = false;
  const Entry* e = nullptr;
  int k = Match(j, Lex::kShift, &e);
  if (k > 0 && e->ival != kUnknownShift) {
    shift = e->ival, have_shift = true, j = k;
  } else if ((k = Match(j, Lex::kReport, &e)) > 0) {
    report = true, j = k;
  }
  if (IsWord(j, "year") && IsPunct(j + 1, "-") &&
      (IsWord(j + 2, "ago") || IsWord(j + 2, "earlier"))) {
    year_ago = true, j += 3;
  } else if ((IsWord(j, "comparable") || IsWord(j, "same")) && IsWord(j + 1, "year") &&
             IsPunct(j + 2, "-") && (IsWord(j + 3, "ago") || IsWord(j + 3, "earlier"))) {
    year_ago = true, j += 4;
  }
  if (IsWord(j, "fiscal") || IsWord(j, "financial")) ++j;
  if (IsPunct(j, "-") && Glued(j)) ++j;
  int year_before = 0;  // "the 1988 second quarter"
  int kyb = j < n_ && toks_[j].kind == Tok::kNum ? Year(j, &year_before, false) : -1;
  if (kyb > 0) j = kyb;
  int ord = 0, ko = -1;
  bool half = false;
  if (IsWord(j, "q") && j + 1 < n_ && toks_[j + 1].kind == Tok::kNum && Glued(j + 1) &&
      !toks_[j + 1].decimal && toks_[j + 1].num >= 1 && toks_[j + 1].num <= 4) {
    ord = static_cast<int>(toks_[j + 1].num);
    ko = j + 2;
  } else if ((k = Ordinal(j, &ord)) > 0) {
    int u = IsPunct(k, "-") && Glued(k) ? k + 1 : k;
    if (IsWord(u, "quarter") && ord >= 1 && ord <= 4) {
      ko = u + 1;
    } else if (IsWord(u, "half") && ord >= 1 && ord <= 2) {
      ko = u + 1, half = true;
    }
  } else if (IsWord(j, "quarter") && (j != i || have_shift || report || year_ago)) {
    ko = j + 1;
  }
  if (ko < 0 || (kyb > 0 && ord == 0)) return -1;
  Point q;
  q.gran = half ? Gran::kHalf : Gran::kQuarter;
  q.sub = ord;
  int end = ko;
  int y = 0;
  if (kyb > 0) {
    q.year = year_before;
    *p = q;
    return end;
  }
  int ky = IsWord(ko, "of") || IsWord(ko, "in") ? ko + 1 : ko;
  int ke = Year(ky, &y, true);
  if (ke < 0 && IsPunct(ky, ",") && ky == ko) ke = Year(ky + 1, &y, false);
  if (ke > 0) {
    q.year = y;
    end = ke;
  } else if ((k = Match(ky, Lex::kShift, &e)) > 0 && IsWord(k, "year") &&
             e->ival != kUnknownShift) {
    end = k + 1;
    if (anchor_)
      q.year = anchor_->y + e->ival;
    else
      q.unresolved = true;
  } else if (anchor_) {
    q.implicit_year = true;
    int aq = half ? (anchor_->m - 1) / 6 + 1 : (anchor_->m - 1) / 3 + 1;
    int per = half ? 2 : 4;
    if (ord == 0) {  // "last quarter", "the latest quarter", "the quarter": relative
      int idx = anchor_->y * per + (aq - 1) + (have_shift ? shift : -1);
      q.year = idx / per;
      q.sub = idx % per + 1;
    } else {
      q.year = ord > aq ? anchor_->y - 1 : anchor_->y;
    }
    if (year_ago) q.year -= 1;
  } else {
    q.implicit_year = true;
    if (ord == 0) q.unresolved = true;
  }
  *p = q;
  return end;
}

// "this summer", "last fall", "summer 2019", "the winter of 1994", "in spring".
int Parser::Season(int i, Point* p) const {
  int j = i;
  int shift = 0;
  bool has_shift = false;
  const Entry* e = nullptr;
  int k = Match(j, Lex::kShift, &e);
  if (k > 0) shift = e->ival, has_shift = true, j = k;
  if (!has_shift && IsWord(j, "the")) ++j;
  k = Match(j, Lex::kSeason, &e);
  if (k < 0) return -1;
  int s = SeasonIndex(e->code);
  Point q;
  q.gran = Gran::kSeason;
  q.sub = s;
  int y = 0;
  int ky = IsWord(k, "of") ? k + 1 : k;
  int ke = Year(ky, &y, true);
  if (ke > 0) {
    q.year = y;
    *p = q;
    return ke;
  }
  if (!has_shift && !Cued(i) && j == i) return -1;  // a bare "spring" is too often no time
  if (!has_shift && e->ambiguous) return -1;        // "to fall", "the fall in prices"
  q.implicit_year = true;
  if (shift == kUnknownShift) {
  } else if (anchor_) {
    int as = SeasonOfMonth(anchor_->m);
    q.year = anchor_->y;
    if (shift < 0 && s >= as) q.year -= 1;
    if (shift > 0 && s <= as) q.year += 1;
  } else if (has_shift) {
    q.unresolved = true;
  }
  *p = q;
  return k;
}

// Deictic days and shifted calendar units: "today", "yesterday morning", "last year", "this
// week", "next month", "the weekend", "last April", "next Tuesday", "next week on Tuesday".
int Parser::Relative(int i, Point* p) const {
  const Entry* e = nullptr;
  int k = Match(i, Lex::kDay, &e);
  if (k > 0) {
    *p = FromAnchor(Gran::kDay, e->ival);
    if (!e->code.empty()) p->part = e->code;
    const Entry* part = nullptr;
    int kp = Match(k, Lex::kPart, &part);
    if (kp > 0 && e->code.empty()) p->part = part->code, k = kp;
    return k;
  }
  int shift = 0;
  int j = i;
  bool the = false;
  if ((k = Match(i, Lex::kShift, &e)) > 0) {
    shift = e->ival, j = k;
  } else if (IsWord(i, "the")) {
    the = true, j = i + 1;
  } else {
    return -1;
  }
  static const struct {
    const char* word;
    Gran gran;
  } kUnits[] = {{"year", Gran::kYear},     {"month", Gran::kMonth},
                {"week", Gran::kWeek},     {"weekend", Gran::kWeekend},
                {"decade", Gran::kDecade}, {"century", Gran::kCentury}};
  for (const auto& u : kUnits) {
    if (!IsWord(j, u.word)) continue;
    if (the && (u.gran == Gran::kDecade || u.gran == Gran::kCentury)) return -1;
    if (IsPunct(j + 1, "-") && Glued(j + 1)) return -1;  // "the year-earlier period"
    if (toks_[j].upper) return -1;                       // a title: "This Week"
    *p = FromAnchor(u.gran, shift);
    if (shift == kUnknownShift) p->discourse = true;  // "that year": the one just named
    // "the weekend" told in a past clause is the one before the anchor
    if (u.gran == Gran::kWeekend && shift == 0 && anchor_ && IsoWeekday(*anchor_) < 6 &&
        !FutureBefore(i)) {
      *p = FromAnchor(u.gran, -1);
    }
    int end = j + 1;
    // "next week on Tuesday", "next week Wednesday"
    int wd = 0;
    bool amb = false;
    int kw = Weekday(IsWord(end, "on") ? end + 1 : end, &wd, &amb);
    if (u.gran == Gran::kWeek && kw > 0 && !amb && shift != kUnknownShift) {
      ResolveWeekday(wd, WeekdayMode::kThis, p);
      if (anchor_) {
        Date d = AddDays({p->year, p->month, p->day}, 7 * shift);
        p->year = d.y, p->month = d.m, p->day = d.d;
      }
      end = kw;
    }
    return end;
  }
  if (the) return -1;
  int m = 0, wd = 0;
  bool amb = false;
  if ((k = Month(j, &m, &amb)) > 0) {
    ResolveMonth(m, shift, p, -1);
    return k;
  }
  if ((k = Weekday(j, &wd, &amb)) > 0 && shift != kUnknownShift) {
    WeekdayMode mode = shift < 0    ? WeekdayMode::kLast
                       : shift == 0 ? WeekdayMode::kThis
                       : e->flag    ? WeekdayMode::kComing
                                    : WeekdayMode::kNext;
    ResolveWeekday(wd, mode, p);
    const Entry* part = nullptr;
    int kp = Match(k, Lex::kPart, &part);
    if (kp > 0) p->part = part->code, k = kp;
    return k;
  }
  if ((k = Match(j, Lex::kPart, &e)) > 0 && shift != kUnknownShift) {  // "last night"
    *p = FromAnchor(Gran::kDay, shift > 0 ? 1 : shift < 0 ? -1 : 0);
    p->part = e->code;
    return k;
  }
  if ((k = Match(j, Lex::kHoliday, &e)) > 0) {
    *p = Point();
    p->gran = Gran::kDay;
    p->implicit_year = true;
    if (!anchor_ || shift == kUnknownShift) {
      p->unresolved = !anchor_;
      return k;
    }
    Date d = HolidayDate(e->code, anchor_->y);
    if (shift < 0 && DaysFromCivil(d) >= DaysFromCivil(*anchor_)) d = HolidayDate(e->code, d.y - 1);
    if (shift > 0 && DaysFromCivil(d) <= DaysFromCivil(*anchor_)) d = HolidayDate(e->code, d.y + 1);
    *p = Point::OfDay(d);
    p->implicit_year = true;
    return k;
  }
  return -1;
}

// "Friday", "Wednesday night": the last one before the anchor (or the anchor's day), or the next
// one in a future clause.
int Parser::WeekdayPoint(int i, Point* p, bool cued) const {
  int wd = 0;
  bool amb = false;
  int k = Weekday(i, &wd, &amb);
  if (k < 0 || (amb && !IsWord(i - 1, "on"))) return -1;  // "a Sun spokesman"
  if (NameAfter(k) && !IsWord(i - 1, "on") && !IsWord(i - 1, "since") && !IsWord(i - 1, "by") &&
      !IsWord(i - 1, "until")) {
    return -1;  // "the Sunday Telegraph"
  }
  ResolveWeekday(wd, FutureBefore(i) ? WeekdayMode::kBareFuture : WeekdayMode::kBarePast, p);
  const Entry* part = nullptr;
  int kp = Match(k, Lex::kPart, &part);
  if (kp > 0) p->part = part->code, k = kp;
  return k;
}

// "Christmas", "Easter Monday", "Thanksgiving 2019".
int Parser::Holiday(int i, Point* p) const {
  const Entry* e = nullptr;
  int k = Match(i, Lex::kHoliday, &e);
  if (k < 0) return -1;
  int y = 0;
  int ke = Year(k, &y, false);
  Point q;
  q.gran = Gran::kDay;
  if (ke > 0) {
    q = Point::OfDay(HolidayDate(e->code, y));
    k = ke;
  } else if (anchor_) {
    Date d = HolidayDate(e->code, anchor_->y);
    int y = NearestYear(d.m - anchor_->m, FutureBefore(i));
    q = Point::OfDay(y == anchor_->y ? d : HolidayDate(e->code, y));
    q.implicit_year = true;
  } else if (e->code[0] != 'E' && e->code.size() == 5) {
    q.month = (e->code[0] - '0') * 10 + (e->code[1] - '0');
    q.day = (e->code[3] - '0') * 10 + (e->code[4] - '0');
    q.implicit_year = true;
  } else {
    q.unresolved = true;
  }
  *p = q;
  return k;
}

int Parser::PointExpr(int i, Point* p, bool cued, std::string_view* kind) const {
  if (i < 0 || i >= n_) return -1;
  cued = cued || Cued(i);
  // the same start is read again and again (by ranges, spans, "in" ...): remember the last few
  Memo& m = memo_[(2 * i + (cued ? 1 : 0)) % kMemo];  // a start's cued and uncued reads apart
  if (m.at == i && m.cued == cued) {
    if (m.end > 0) *p = m.p, *kind = m.kind;
    return m.end;
  }
  int end = PointExprAt(i, p, cued, kind);
  m.at = i, m.cued = cued, m.end = end;
  if (end > 0) m.p = *p, m.kind = *kind;
  return end;
}

int Parser::PointExprAt(int i, Point* p, bool cued, std::string_view* kind) const {
  int best = -1;
  Point q;
  std::string_view qkind = "date";
  auto take = [&](int end, std::string_view k) {
    if (end > best) best = end, *p = q, qkind = k;
  };
  // a part of the period: "early 2019", "the end of the year", "mid-May"
  const Entry* e = nullptr;
  int k = Match(i, Lex::kPosition, &e);
  if (k > 0) {
    if (IsPunct(k, "-") && Glued(k)) ++k;
    std::string_view inner = "date";
    int end = PointExpr(k, &q, true, &inner);
    if (end > 0 && q.gran != Gran::kTime) {
      q.mod = e->code;
      take(end, inner);
    } else if (IsWord(k, "month") || IsWord(k, "year") || IsWord(k, "week")) {
      q = FromAnchor(IsWord(k, "month")  ? Gran::kMonth
                     : IsWord(k, "year") ? Gran::kYear
                                         : Gran::kWeek,
                     0);
      q.mod = e->code;  // "end of month"
      take(k + 1, "relative");
    }
  }
  take(DateWithMonth(i, &q, cued), "date");
  take(NumericDate(i, &q), "date");
  take(YearPoint(i, &q, cued), "date");
  take(Quarter(i, &q), "date");
  take(Season(i, &q), "date");
  take(Relative(i, &q), "relative");
  take(WeekdayPoint(i, &q, cued), "relative");
  take(Holiday(i, &q), "date");
  take(Clock(i, &q), "date");
  take(YearAgo(i, &q), "relative");
  if (IsWord(i, "week") && i + 1 < n_ && toks_[i + 1].kind == Tok::kNum && !toks_[i + 1].decimal &&
      toks_[i + 1].num >= 1 && toks_[i + 1].num <= 53 && toks_[i + 1].digits <= 2) {
    q = FromAnchor(Gran::kWeek, 0);  // "week 10": of the anchor's year
    q.sub = static_cast<int>(toks_[i + 1].num);
    take(i + 2, "date");
  }
  if (best < 0) return -1;
  if (qkind == "date" && Match(i, Lex::kShift) > 0) qkind = "relative";  // "last quarter"
  // a clock time with its day: "today at 3pm", "3pm today"
  if (p->gran == Gran::kDay && p->hour < 0) {
    int a = IsWord(best, "at") ? best + 1 : best;
    if (Clock(a, &q) > 0) {
      int end = Clock(a, &q);
      p->hour = q.hour, p->minute = q.minute, p->second = q.second;
      best = end;
    } else if (p->part.empty() && (k = Match(best, Lex::kPart, &e)) > 0) {
      p->part = e->code;  // "Friday night"
      best = k;
    }
  } else if (p->gran == Gran::kTime) {  // "3pm today", "noon Thursday", "5 p.m. EST Nov. 9"
    if ((k = Match(best, Lex::kZone)) > 0) best = k;
    int a = IsWord(best, "on") ? best + 1 : best;
    Point day;
    int end = -1;
    std::string_view dk = "relative";
    if ((k = Relative(a, &day)) > end) end = k;
    if ((k = WeekdayPoint(a, &day, true)) > end) end = k;
    if ((k = DateWithMonth(a, &day, true)) > end) end = k, dk = "date";
    if (end > 0) {  // re-read the longest as the day
      if (DateWithMonth(a, &day, true) != end && WeekdayPoint(a, &day, true) != end) {
        Relative(a, &day);
      }
    }
    if (end > 0 && day.gran == Gran::kDay && day.part.empty() && day.hour < 0) {
      day.hour = p->hour, day.minute = p->minute, day.second = p->second;
      *p = day;
      best = end;
      qkind = dk;
    }
  }
  *kind = qkind;
  return best;
}

}  // namespace claimex::timex
