// Internal: calendar arithmetic and TIMEX3 values for the TimeFinder.
//
// A Point is a calendar time at some granularity (a year, a quarter, a month, a day ...) whose
// year may be unknown; a Dur is an amount of some unit. Both print as TIMEX3-style values
// ("2016", "1989-Q3", "XXXX-09-17", "199", "1998-01-20TEV", "P3M", "PT1.5H"). Dates are
// proleptic Gregorian. Plain functions and data; thread-safe.
#ifndef CLAIMEX_EXTRACTOR_TIMEX_RESOLVE_H_
#define CLAIMEX_EXTRACTOR_TIMEX_RESOLVE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace claimex::timex {

struct Date {
  int y = 0, m = 0, d = 0;
  bool operator==(const Date&) const = default;
};

int64_t DaysFromCivil(const Date& date);  // days since 1970-01-01
Date CivilFromDays(int64_t days);
int DaysInMonth(int year, int month);
bool ValidDate(int year, int month, int day);
int IsoWeekday(const Date& date);                      // Monday = 1 ... Sunday = 7
void IsoWeek(const Date& date, int* year, int* week);  // ISO 8601 week-numbering year and week
Date IsoWeekMonday(int year, int week);
Date AddDays(const Date& date, int64_t days);
Date AddMonths(const Date& date, int months);  // the day is clamped to the month's end
Date Easter(int year);                         // Gregorian Easter Sunday
// The n-th (1-4, or -1 = last) ISO weekday of a month.
Date NthWeekday(int year, int month, int n, int weekday);
// "YYYY-MM-DD" to a Date; false when it is not a valid date.
bool ParseDate(std::string_view s, Date* out);
std::string FormatDate(const Date& date);  // "YYYY-MM-DD"

enum class Gran : uint8_t {
  kNone,
  kCentury,
  kDecade,
  kYear,
  kHalf,
  kQuarter,
  kSeason,
  kMonth,
  kWeek,
  kWeekend,
  kDay,
  kTime,  // a clock time with no date
};

struct Point {
  static constexpr int kNoYear = -1000000;
  Gran gran = Gran::kNone;
  int year = kNoYear;  // kDecade: the first year (1990); kCentury: its first year (1900)
  int month = 0;       // kMonth, kDay
  int day = 0;         // kDay
  int sub = 0;         // kHalf 1-2, kQuarter 1-4 (0 = unknown), kSeason 1-4, kWeek/kWeekend 1-53
  int weekday = 0;     // a weekday of unknown date: "XXXX-WXX-4"
  int hour = -1, minute = -1, second = -1;  // a clock time (with kDay or kTime)
  std::string_view part;       // part of the day: "MO", "AF", "EV", "NI" (static storage)
  std::string_view mod;        // a part of the period: "START", "MID", "END" ("early 2019"), or ""
  bool implicit_year = false;  // the year was not written (taken from the anchor, or unknown)
  bool discourse = false;      // "that year": the time last named in the text, not the anchor
  bool unresolved = false;     // needs an anchor date it did not get: no value

  bool HasYear() const { return year != kNoYear; }
  // The TIMEX3 value, "" when unresolved.
  std::string Timex() const;
  // The first and last day it covers (unknown year: 2000 is used); false for kTime/kNone.
  bool Bounds(Date* first, Date* last) const;
  // "YYYY[-MM[-DD]]" of its first (end = false) or last day, at the coarsest granularity that
  // holds it ("2016", "2016-05", "2016-05-23"); "" when unresolved or without a year.
  std::string Bound(bool end) const;
  // The point for a day.
  static Point OfDay(const Date& date);
};

// An amount of a unit: code Y M W D Q (quarter) TH TM TS; unknown amount = "X" ("PXY").
struct Dur {
  double amount = 0;
  bool unknown = false;
  std::string_view code;  // static storage
  // "P3M", "P20Y", "PT1.5H", "PXY"; quarters as months ("P6M"), 24 hours as "P1D".
  std::string Timex() const;
  // date moved by sign * this (fractions dropped; unknown amounts do not move)
  Date Apply(const Date& date, int sign) const;
  // The granularity of the unit (Y -> kYear, W -> kWeek, TH -> kTime ...).
  Gran UnitGran() const;
};

// A number in a TIMEX value: "3", "1.5", "123.45".
std::string FormatAmount(double v);

// The TIMEX3-ish value of a range in the Recognizers-Text convention "(2014-01-01,2018-01-01,P4Y)":
// both ends as first days (the end's last day + 1 when end_is_last), and the length in years,
// months or days (the finest granularity of the two ends). "" when an end has no days.
std::string RangeTimex(const Point& a, const Point& b, bool end_is_last);

}  // namespace claimex::timex

#endif  // CLAIMEX_EXTRACTOR_TIMEX_RESOLVE_H_
