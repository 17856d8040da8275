#include "extractor/timex_resolve.h"

#include <cmath>
#include <cstdio>

namespace claimex::timex {

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(const Date& date) {
  int64_t y = date.y - (date.m <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (date.m + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + date.d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return {y, m, d};
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool ValidDate(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

int IsoWeekday(const Date& date) {
  int64_t z = DaysFromCivil(date);  // 1970-01-01 was a Thursday (4)
  int64_t w = (z % 7 + 7 + 3) % 7;  // Monday = 0
  return static_cast<int>(w) + 1;
}

Date IsoWeekMonday(int year, int week) {
  Date jan4{year, 1, 4};
  int64_t monday1 = DaysFromCivil(jan4) - (IsoWeekday(jan4) - 1);
  return CivilFromDays(monday1 + 7 * (week - 1));
}

void IsoWeek(const Date& date, int* year, int* week) {
  int64_t z = DaysFromCivil(date);
  int64_t thursday = z - (IsoWeekday(date) - 1) + 3;  // the Thursday of its week
  Date t = CivilFromDays(thursday);
  *year = t.y;
  *week = static_cast<int>((thursday - DaysFromCivil({t.y, 1, 1})) / 7 + 1);
}

Date AddDays(const Date& date, int64_t days) { return CivilFromDays(DaysFromCivil(date) + days); }

Date AddMonths(const Date& date, int months) {
  int total = date.y * 12 + (date.m - 1) + months;
  int y = total >= 0 ? total / 12 : (total - 11) / 12;
  int m = total - y * 12 + 1;
  int d = std::min(date.d, DaysInMonth(y, m));
  return {y, m, d};
}

Date Easter(int year) {  // anonymous Gregorian algorithm
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

Date NthWeekday(int year, int month, int n, int weekday) {
  if (n < 0) {
    Date last{year, month, DaysInMonth(year, month)};
    return AddDays(last, -((IsoWeekday(last) - weekday + 7) % 7));
  }
  Date first{year, month, 1};
  return AddDays(first, (weekday - IsoWeekday(first) + 7) % 7 + 7 * (n - 1));
}

bool ParseDate(std::string_view s, Date* out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int v[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (int j = 0; j < lens[k]; ++j) {
      char c = s[starts[k] + j];
      if (c < '0' || c > '9') return false;
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  if (!ValidDate(v[0], v[1], v[2])) return false;
  *out = {v[0], v[1], v[2]};
  return true;
}

namespace {

// Appends v as printf's "%0<width>d" does (without printf: this runs for every time found).
void AppendPadded(int v, int width, std::string* out) {
  if (v < 0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%0*d", width, v);
    out->append(buf);
    return;
  }
  char digits[12];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  for (int k = n; k < width; ++k) out->push_back('0');
  while (n > 0) out->push_back(digits[--n]);
}

}  // namespace

std::string FormatDate(const Date& date) {
  std::string s;
  s.reserve(10);
  AppendPadded(date.y, 4, &s);
  s.push_back('-');
  AppendPadded(date.m, 2, &s);
  s.push_back('-');
  AppendPadded(date.d, 2, &s);
  return s;
}

namespace {

std::string Year4(const Point& p) {
  if (!p.HasYear()) return "XXXX";
  std::string s;
  AppendPadded(p.year, 4, &s);
  return s;
}

std::string Two(int v) {
  std::string s;
  AppendPadded(v, 2, &s);
  return s;
}

const char* const kSeasons[] = {"", "SP", "SU", "FA", "WI"};

std::string ClockPart(const Point& p) {
  if (p.hour >= 0) {
    std::string s = "T" + Two(p.hour);
    if (p.minute >= 0) s += ":" + Two(p.minute);
    if (p.second >= 0) s += ":" + Two(p.second);
    return s;
  }
  if (!p.part.empty()) return "T" + std::string(p.part);
  return "";
}

}  // namespace

std::string Point::Timex() const {
  if (unresolved) return "";
  std::string y = Year4(*this);
  switch (gran) {
    case Gran::kNone:
      return "";
    case Gran::kCentury:
      return HasYear() ? y.substr(0, 2) : "XX";
    case Gran::kDecade:
      return HasYear() ? y.substr(0, 3) : "XXX";
    case Gran::kYear:
      return y;
    case Gran::kHalf:
      return y + "-H" + std::to_string(sub);
    case Gran::kQuarter:
      return y + "-Q" + (sub > 0 ? std::to_string(sub) : "X");
    case Gran::kSeason:
      return y + "-" + kSeasons[sub >= 1 && sub <= 4 ? sub : 0];
    case Gran::kMonth:
      return y + "-" + (month > 0 ? Two(month) : "XX");
    case Gran::kWeek:
    case Gran::kWeekend: {
      std::string s = y + "-W" + (HasYear() && sub > 0 ? Two(sub) : "XX");
      return gran == Gran::kWeekend ? s + "-WE" : s;
    }
    case Gran::kDay: {
      std::string s;
      if (weekday > 0 && (!HasYear() || month == 0)) {
        s = "XXXX-WXX-" + std::to_string(weekday);
      } else {
        s = y + "-" + (month > 0 ? Two(month) : "XX") + "-" + Two(day);
      }
      return s + ClockPart(*this);
    }
    case Gran::kTime:
      return ClockPart(*this);
  }
  return "";
}

bool Point::Bounds(Date* first, Date* last) const {
  int y = HasYear() ? year : 2000;
  switch (gran) {
    case Gran::kCentury:
      *first = {y, 1, 1}, *last = {y + 99, 12, 31};
      return true;
    case Gran::kDecade:
      *first = {y, 1, 1}, *last = {y + 9, 12, 31};
      return true;
    case Gran::kYear:
      *first = {y, 1, 1}, *last = {y, 12, 31};
      return true;
    case Gran::kHalf:
    case Gran::kQuarter: {
      if (sub < 1) return false;
      int len = gran == Gran::kHalf ? 6 : 3;
      int m0 = (sub - 1) * len + 1, m1 = m0 + len - 1;
      *first = {y, m0, 1}, *last = {y, m1, DaysInMonth(y, m1)};
      return true;
    }
    case Gran::kSeason: {  // SP Mar-May, SU Jun-Aug, FA Sep-Nov, WI Dec-Feb
      if (sub < 1 || sub > 4) return false;
      int m0 = 3 * sub;
      *first = {y, m0, 1};
      Date end = AddMonths(*first, 2);
      *last = {end.y, end.m, DaysInMonth(end.y, end.m)};
      return true;
    }
    case Gran::kMonth:
      if (month < 1) return false;
      *first = {y, month, 1}, *last = {y, month, DaysInMonth(y, month)};
      return true;
    case Gran::kWeek:
    case Gran::kWeekend: {
      if (sub < 1) return false;
      Date mon = IsoWeekMonday(y, sub);
      *first = gran == Gran::kWeek ? mon : AddDays(mon, 5);
      *last = AddDays(mon, 6);
      return true;
    }
    case Gran::kDay:
      if (month < 1 || day < 1) return false;
      *first = *last = {y, month, std::min(day, DaysInMonth(y, month))};
      return true;
    case Gran::kNone:
    case Gran::kTime:
      return false;
  }
  return false;
}

std::string Point::Bound(bool end) const {
  if (unresolved || !HasYear()) return "";
  Date first, last;
  if (!Bounds(&first, &last)) return "";
  const Date& d = end ? last : first;
  std::string s = FormatDate(d);
  switch (gran) {
    case Gran::kCentury:
    case Gran::kDecade:
    case Gran::kYear:
      return s.substr(0, 4);
    case Gran::kHalf:
    case Gran::kQuarter:
    case Gran::kSeason:
    case Gran::kMonth:
      return s.substr(0, 7);
    default:
      return s;
  }
}

Point Point::OfDay(const Date& date) {
  Point p;
  p.gran = Gran::kDay;
  p.year = date.y, p.month = date.m, p.day = date.d;
  return p;
}

std::string FormatAmount(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.6g", v);
  }
  return buf;
}

std::string Dur::Timex() const {
  std::string amt = unknown ? "X" : FormatAmount(amount);
  if (code == "Q") return "P" + (unknown ? amt : FormatAmount(amount * 3)) + "M";
  if (code == "TH" && !unknown && amount == 24) return "P1D";
  if (code.size() == 2 && code[0] == 'T') return "PT" + amt + std::string(code.substr(1));
  return "P" + amt + std::string(code);
}

Date Dur::Apply(const Date& date, int sign) const {
  if (unknown) return date;
  double a = amount * sign;
  if (code == "Y") return AddMonths(date, static_cast<int>(std::lround(a * 12)));
  if (code == "Q") return AddMonths(date, static_cast<int>(std::lround(a * 3)));
  if (code == "M") return AddMonths(date, static_cast<int>(std::lround(a)));
  if (code == "W") return AddDays(date, std::lround(a * 7));
  if (code == "D") return AddDays(date, std::lround(a));
  if (code == "TH") return AddDays(date, static_cast<int64_t>(std::floor(a / 24)));
  return date;
}

Gran Dur::UnitGran() const {
  if (code == "Y") return Gran::kYear;
  if (code == "Q") return Gran::kQuarter;
  if (code == "M") return Gran::kMonth;
  if (code == "W") return Gran::kWeek;
  if (code == "D") return Gran::kDay;
  return Gran::kTime;
}

std::string RangeTimex(const Point& a, const Point& b, bool end_is_last) {
  Date a0, a1, b0, b1;
  if (!a.Bounds(&a0, &a1) || !b.Bounds(&b0, &b1)) return "";
  Date end = end_is_last ? AddDays(b1, 1) : b0;
  auto fmt = [](const Point& p, const Date& d) {
    std::string s = FormatDate(d);
    return p.HasYear() ? s : "XXXX" + s.substr(4);
  };
  auto fine = [](Gran g) { return g >= Gran::kWeek; };
  auto mid = [](Gran g) { return g >= Gran::kHalf && g <= Gran::kMonth; };
  std::string len;
  if (fine(a.gran) || fine(b.gran)) {
    len = "P" + std::to_string(DaysFromCivil(end) - DaysFromCivil(a0)) + "D";
  } else {
    int months = (end.y - a0.y) * 12 + (end.m - a0.m);
    if (mid(a.gran) || mid(b.gran) || end_is_last || months % 12 != 0) {
      len = "P" + std::to_string(months) + "M";
    } else {
      len = "P" + std::to_string(months / 12) + "Y";
    }
  }
  return "(" + fmt(a, a0) + "," + fmt(b, end) + "," + len + ")";
}

}  // namespace claimex::timex
